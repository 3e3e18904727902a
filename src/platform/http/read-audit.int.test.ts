import { describe, expect, it } from 'vitest';
import { idsFor, plausible } from '../../../test/hostile-values.js';
import { fc, refName, urlParams, walkForThisFile, WALK_SEED } from '../../../test/route-walk.js';

/**
 * Every read of personal data is audited, and only what was really read: for each GET route, a request
 * that works is sent, the persons its answer names (every `personId`, the `id` of a `person` or of a view
 * with an identity number) are collected, and the audit rows the request wrote must name exactly those
 * persons. Routes whose generated request shows nobody (an empty day, a list needing a filter) pass
 * vacuously; the case page, where contacts' results showed unaudited, has its own count in case-work.int.test.ts.
 */
const SEED = WALK_SEED;

const walk = walkForThisFile();

function personsIn(value: unknown, found = new Set<string>(), key = ''): Set<string> {
  if (Array.isArray(value)) for (const v of value) personsIn(v, found, key);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      // A person is named by a personId, by the id of a `person`, or by the id of a view carrying an identity number.
      const personView = k === 'id' && (key === 'person' || 'identityNumber' in value);
      if ((k === 'personId' || personView) && typeof v === 'string') found.add(v);
      else personsIn(v, found, k);
    }
  }
  return found;
}

describe('reads of personal data are audited as delivered', () => {
  it('writes one audit row per person an answer shows, and none for persons it does not', async () => {
    const mismatches: string[] = [];
    const checked: string[] = [];
    for (const op of walk().ops.filter((o) => o.method === 'GET' && !o.path.endsWith('.pdf') && !o.path.endsWith('.csv') && !o.path.endsWith('.xlsx'))) {
      const caller = op.roles.find((r) => r !== 'anonymous') ?? op.roles[0]!;
      const params = urlParams(op);
      const [values] = fc.sample(fc.tuple(...params.map((p) => (p.in === 'path' || p.required ? plausible(p.schema, refName(op, p.name), walk().pools).map((v) => (p.schema.format === 'uuid' ? idsFor(refName(op, p.name), walk().pools.ours)[0] : v)) : fc.constant(undefined)))), { numRuns: 1, seed: SEED });
      const [mark] = await walk().env.database.query<{ at: string | null }>('SELECT max(at)::text AS at FROM audit_log');
      const res = await walk().send(op, caller, values!, undefined);
      if (res.statusCode !== 200 || !res.headers['content-type']?.toString().startsWith('application/json')) continue;
      const shown = personsIn(res.json());
      const written = await walk().env.database.query<{ person_id: string }>(
        `SELECT DISTINCT person_id FROM audit_log WHERE person_id IS NOT NULL AND ($1::timestamptz IS NULL OR at > $1::timestamptz)`,
        [mark?.at ?? null],
      );
      const audited = new Set(written.map((r) => r.person_id));
      checked.push(`${op.method} ${op.path}: ${shown.size} shown`);
      const unaudited = [...shown].filter((p) => !audited.has(p));
      const unshown = [...audited].filter((p) => !shown.has(p));
      if (unaudited.length || unshown.length) mismatches.push(`${caller} ${op.method} ${op.path}: ${unaudited.length} shown without an audit row, ${unshown.length} audited but not shown`);
    }
    expect(mismatches).toEqual([]);
    expect(checked.filter((c) => !c.endsWith(': 0 shown')).length, checked.join('\n')).toBeGreaterThanOrEqual(3);
  }, 600_000);
});
