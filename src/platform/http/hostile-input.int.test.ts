import type { LightMyRequestResponse } from 'fastify';
import { describe, expect, it } from 'vitest';
import { field, hostile, objectOf, plausible, plausibleObject, type JsonSchema } from '../../../test/hostile-values.js';
import { brief, fc, refName, urlParams, type Operation, walkForThisFile, WALK_SEED } from '../../../test/route-walk.js';

/**
 * The route walk: every operation in the OpenAPI document gets random and hostile values for each of its
 * parameters and body fields, as every role allowed to call it, over a small demo region with a second
 * region beside it. Whatever comes in, the answer is never a 5xx, every error is problem+json, a 400 names
 * the field, and the server still answers afterwards. Runs per operation: LB_WALK_RUNS (default 25), so CI
 * stays within its time; the seed is fixed unless LB_WALK_SEED says otherwise, so a failure replays.
 */
const RUNS = Number(process.env.LB_WALK_RUNS ?? 25);
const SEED = WALK_SEED;

const walk = walkForThisFile();

/**
 * Two kinds of request: everything random (a careless client), and a plausible request with one field made
 * hostile (an attack that passes every other check, so the hostile value reaches the code behind it).
 */
function request(op: Operation) {
  const { pools } = walk();
  const params = urlParams(op);
  const careless = fc.record({
    values: fc.tuple(...params.map((p) => fc.option(field(p.schema, refName(op, p.name), pools), { freq: p.in === 'path' || p.required ? 15 : 2, nil: undefined }))),
    body: op.body ? fc.oneof({ weight: 6, arbitrary: objectOf(op.body, pools) }, { weight: 1, arbitrary: fc.constantFrom<unknown>(null, [], 'text', 42, { a: { b: { c: [] } } }) }) : fc.constant(undefined),
  });
  const targets = [...params.map((p) => ({ param: p.name })), ...Object.keys(op.body?.properties ?? {}).map((key) => ({ key }))];
  const attack = fc
    .record({
      values: fc.tuple(...params.map((p) => fc.option(plausible(p.schema, refName(op, p.name), pools), { freq: p.in === 'path' || p.required ? 100 : 3, nil: undefined }))),
      body: op.body ? plausibleObject(op.body, pools) : fc.constant(undefined),
      fault: targets.length ? fc.record({ target: fc.constantFrom(...targets), value: hostile }) : fc.constant(undefined),
    })
    .map(({ values, body, fault }) => {
      if (!fault) return { values, body };
      const { target } = fault;
      if ('param' in target) return { values: values.map((v, i) => (params[i]!.name === target.param ? fault.value : v)), body };
      return { values, body: { ...(body as object), [target.key]: fault.value } };
    });
  return fc.record({ caller: fc.constantFrom(...op.roles), request: fc.oneof(careless, attack) });
}

function expectSane(res: LightMyRequestResponse, what: string) {
  expect(res.statusCode, `${what} → ${res.statusCode} ${res.body.slice(0, 300)}`).toBeLessThan(500);
  if (res.statusCode < 400) return;
  expect(res.headers['content-type'], `${what} → ${res.statusCode} ${res.body.slice(0, 200)}`).toMatch(/^application\/problem\+json/);
  const problem = res.json() as { detail?: string; errors?: { field?: string; message?: string }[] };
  expect(problem.detail, what).toBeTruthy();
  if (res.statusCode === 400) {
    expect(problem.errors?.length, `${what}: a 400 names the field: ${res.body.slice(0, 300)}`).toBeGreaterThan(0);
    for (const e of problem.errors ?? []) expect(e.field && e.message, `${what}: ${res.body.slice(0, 300)}`).toBeTruthy();
  }
}

/** Every string a client may send, with where it is: path and query parameters and body fields at any depth. */
function requestStrings(): { where: string; schema: JsonSchema }[] {
  const found: { where: string; schema: JsonSchema }[] = [];
  const visit = (schema: JsonSchema | undefined, where: string) => {
    if (!schema) return;
    for (const alt of [...(schema.anyOf ?? []), ...(schema.oneOf ?? []), ...(schema.allOf ?? [])]) visit(alt, where);
    if ([schema.type].flat().includes('string')) found.push({ where, schema });
    if (schema.items) visit(schema.items, `${where}[]`);
    for (const [k, v] of Object.entries(schema.properties ?? {})) visit(v, `${where}.${k}`);
  };
  for (const op of walk().ops) {
    for (const p of op.parameters) visit(p.schema, `${op.method} ${op.path} ${p.in} ${p.name}`);
    visit(op.body, `${op.method} ${op.path} body`);
  }
  return found;
}

describe('every string a client sends is bounded', () => {
  it('has a maximum length, a fixed set of values, or a format with its own bounds', () => {
    const strings = requestStrings();
    expect(strings.length).toBeGreaterThan(100);
    const unbounded = strings.filter(({ schema }) => schema.maxLength === undefined && !schema.enum && schema.const === undefined && !['uuid', 'date', 'date-time'].includes(schema.format ?? ''));
    expect(unbounded.map((s) => s.where)).toEqual([]);
  });
});

describe('every route, sent random and hostile values as every role', () => {
  it('never answers 5xx, names the field of every 400, and keeps answering', async () => {
    expect(walk().ops.length).toBeGreaterThan(100);
    const failures: string[] = [];
    for (const op of walk().ops) {
      const run = await fc.check(
        fc.asyncProperty(request(op), async ({ caller, request: { values, body } }) => {
          const res = await walk().send(op, caller, values, body);
          expectSane(res, `${caller} ${op.method} ${brief(res.raw.req.url)} ${brief(body)}`);
        }),
        { numRuns: RUNS, seed: SEED, endOnFailure: true },
      );
      if (run.failed) failures.push(`${op.method} ${op.path}: ${(run.errorInstance as Error)?.message?.split('\n')[0]?.slice(0, 600)}`);
    }
    expect(failures).toEqual([]);
    const health = await walk().env.app.inject({ method: 'GET', url: '/api/health' });
    expect(health.statusCode).toBe(200);
  }, 1_200_000);
});
