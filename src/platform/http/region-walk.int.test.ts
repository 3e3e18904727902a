import { describe, expect, it } from 'vitest';
import { idsFor, plausible, plausibleObject, type JsonSchema } from '../../../test/hostile-values.js';
import { brief, fc, fingerprint, refName, urlParams, type Operation, type Walk, walkForThisFile, WALK_SEED } from '../../../test/route-walk.js';

/**
 * Every id a request names is looked up in the actor's region. For each route that takes an id (in the
 * path, the query or the body, at any depth), a request that works with ids of the actor's own region is
 * sent again with one of them replaced by the id of a row of the same kind in another region: it must be
 * refused (4xx) and change nothing in the database.
 */
const SEED = WALK_SEED;
const TRIES = 8;

const walk = walkForThisFile();

/** Where a reference sits: a path or query parameter by index, or a path into the body (`[]` for every item of an array). */
type Ref = { param: number; name: string } | { body: string[]; name: string };

function bodyRefs(schema: JsonSchema | undefined, at: string[] = []): Ref[] {
  if (!schema) return [];
  if (schema.format === 'uuid') return [{ body: at, name: at.filter((k) => k !== '[]').at(-1) ?? 'id' }];
  const inner = [...(schema.anyOf ?? []), ...(schema.oneOf ?? [])].flatMap((s) => bodyRefs(s, at));
  const items = schema.items ? bodyRefs(schema.items, [...at, '[]']) : [];
  const props = Object.entries(schema.properties ?? {}).flatMap(([k, s]) => bodyRefs(s, [...at, k]));
  return [...inner, ...items, ...props];
}

function refsOf(op: Operation): Ref[] {
  const params = urlParams(op).flatMap((p, i) => (p.schema.format === 'uuid' ? [{ param: i, name: refName(op, p.name) }] : []));
  return [...params, ...bodyRefs(op.body)];
}

/** Sets every value at `path` (through arrays; a missing top-level field is added) to what `value` gives. */
function setAt(target: unknown, path: string[], value: () => string): unknown {
  if (path.length === 0) return value();
  const [head, ...rest] = path;
  if (head === '[]') return Array.isArray(target) ? target.map((item) => setAt(item, rest, value)) : target;
  if (!target || typeof target !== 'object' || (!(head! in target) && rest.length > 0)) return target;
  return { ...(target as object), [head!]: setAt((target as Record<string, unknown>)[head!], rest, value) };
}

/** Whether the request names the reference at all: an id inside an empty list names nothing. */
function names(ref: Ref, values: unknown[], body: unknown): boolean {
  if ('param' in ref) return values[ref.param] !== undefined;
  const reach = (v: unknown, path: string[]): boolean => {
    if (path.length === 0) return typeof v === 'string';
    const [head, ...rest] = path;
    if (head === '[]') return Array.isArray(v) && v.some((item) => reach(item, rest));
    return !!v && typeof v === 'object' && reach((v as Record<string, unknown>)[head!], rest);
  };
  return reach(body, ref.body);
}

/** The request with every reference pointing at a row of the actor's region, but `foreign` at a row of the other one. */
function withIds(op: Operation, refs: Ref[], values: unknown[], body: unknown, attempt: number, foreign?: Ref) {
  const { ours, theirs } = walk().pools;
  let v = [...values];
  let b = body;
  for (const ref of refs) {
    const ids = idsFor(ref.name, ref === foreign ? theirs : ours);
    const pick = () => ids[attempt % ids.length]!;
    if ('param' in ref) v = v.map((x, i) => (i === ref.param ? pick() : x));
    else b = setAt(b, ref.body, pick);
  }
  return { values: v, body: b };
}

describe("every id a request names is resolved in the actor's region", () => {
  it("refuses the id of another region's row on every route that takes an id, and changes nothing", async () => {
    const failures: string[] = [];
    const checked: string[] = [];
    const unreached: string[] = [];
    for (const op of walk().ops) {
      const refs = refsOf(op);
      if (refs.length === 0) continue;
      const caller = op.roles.find((r) => r !== 'anonymous' && r !== 'national_analyst') ?? op.roles[0]!;
      const params = urlParams(op);
      const candidates = fc.sample(
        fc.record({
          values: fc.tuple(...params.map((p) => fc.option(plausible(p.schema, refName(op, p.name), walk().pools), { freq: p.in === 'path' || p.required ? 100 : 2, nil: undefined }))),
          body: op.body ? plausibleObject(op.body, walk().pools) : fc.constant(undefined),
        }),
        { numRuns: TRIES, seed: SEED },
      );
      for (const ref of refs) {
        const label = `${caller} ${op.method} ${op.path} (${'param' in ref ? ref.name : ref.body.join('.')})`;
        for (const [attempt, candidate] of candidates.entries()) {
          const attack = withIds(op, refs, candidate.values, candidate.body, attempt, ref);
          if (!names(ref, attack.values, attack.body)) continue;
          const before = await fingerprint(walk().env);
          const res = await walk().send(op, caller, attack.values, attack.body);
          const changed = (await fingerprint(walk().env)) !== before;
          if (res.statusCode < 400 || res.statusCode >= 500 || changed) {
            failures.push(`${label} → ${res.statusCode}${changed ? ', database changed' : ''}: ${brief(attack)} ${res.body.slice(0, 200)}`);
            break;
          }
          // The same request with the actor's own ids: when it works, the refusal above was about the id.
          const own = withIds(op, refs, candidate.values, candidate.body, attempt);
          const ownRes = await walk().send(op, caller, own.values, own.body);
          if (ownRes.statusCode < 400) {
            checked.push(label);
            break;
          }
          if (candidate === candidates.at(-1)) unreached.push(`${label} → ${ownRes.statusCode} ${brief(own)} ${ownRes.body.slice(0, 160)}`);
        }
      }
    }
    // Routes no plausible request reached with the actor's own ids: refused, but not proven to be for the id.
    if (unreached.length) console.info(`Not reached with own ids (${unreached.length}):\n${unreached.join('\n')}`);
    expect(failures).toEqual([]);
    // A floor, not a goal: routes that need a particular state (an open case, a vial in stock) are often not
    // reached by a generated request, and their refusal above is then not proven to be about the id.
    expect(checked.length, checked.join('\n')).toBeGreaterThanOrEqual(15);
  }, 1_200_000);
});

describe('the references the review found unchecked', () => {
  const send = (caller: Parameters<Walk['send']>[1], method: string, url: string, payload?: object) => {
    const cookie = walk().cookies.get(caller)!;
    return walk().env.app.inject({ method: method as 'GET', url, headers: { cookie }, ...(payload ? { payload } : {}) });
  };
  const theirs = (table: string) => walk().pools.theirs.get(table)![0]!;

  it("refuses another region's station for sampling times and another region's unit for a staff account", async () => {
    const before = await fingerprint(walk().env);
    const slots = await send('sampler', 'POST', '/api/testing/slots', { stationId: theirs('units'), date: '2026-12-20', from: '09:00', to: '10:00', minutes: 15, capacity: 2, testType: 'pcr' });
    expect(slots.statusCode, slots.body).toBe(404);
    expect(slots.json().errors[0].field).toBe('stationId');
    const staff = await send('region_admin', 'POST', '/api/staff', { name: 'Ny Person', role: 'tracer', unitId: theirs('units') });
    expect(staff.statusCode, staff.body).toBe(404);
    expect(staff.json().errors[0].field).toBe('unitId');
    expect(await fingerprint(walk().env)).toBe(before);
  });

  it("answers 403 naming regionId when staff ask for another region's statistics", async () => {
    const res = await send('analyst', 'GET', '/api/testing/statistics/capacity?from=2026-11-01&to=2026-11-30&regionId=03');
    expect(res.statusCode, res.body).toBe(403);
    expect(res.json().errors[0].field).toBe('regionId');
  });

  it('refuses a query parameter a route does not take, such as personId on the citizen’s own pages', async () => {
    for (const url of ['/api/vaccination/my', '/api/testing/my', '/api/tracing/my-questionnaire']) {
      const res = await send('citizen', 'GET', `${url}?personId=${theirs('persons')}`);
      expect(res.statusCode, url).toBe(400);
      expect(res.json().errors[0].field, url).toBe('personId');
    }
  });
});
