import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTest, type TestEnv } from '../test/harness.js';
import { loadDemo } from './demo.js';

let env: TestEnv;
const now = new Date('2023-10-16T08:00:00Z');

beforeAll(async () => {
  env = await setupTest();
  // Two regions on one database, started with the same seed (the default of LAGESBILD_DEMO_SEED).
  for (const regionId of ['18', '03']) await loadDemo(env.database, { regionId, size: 1_500, seed: 2021, now });
});
afterAll(() => env.close());

/** Values of a column that both regions hold. */
async function shared(table: string, column: string): Promise<string[]> {
  const rows = await env.database.query<{ v: string }>(
    `SELECT ${column}::text AS v FROM ${table} WHERE region_id = '18' INTERSECT SELECT ${column}::text FROM ${table} WHERE region_id = '03'`,
  );
  return rows.map((r) => r.v);
}

describe('two demo regions started with the same seed', () => {
  it('have people of their own: no person id, identity number, household or unit in common', async () => {
    const [people] = await env.database.query<{ a: number; b: number }>("SELECT count(*) FILTER (WHERE region_id = '18')::int AS a, count(*) FILTER (WHERE region_id = '03')::int AS b FROM persons");
    expect(people).toEqual({ a: 1_500, b: 1_500 });
    expect(await shared('persons', 'id')).toEqual([]);
    expect(await shared('person_identifiers', 'value')).toEqual([]);
    expect(await shared('persons', 'household_id')).toEqual([]);
    expect(await shared('units', 'id')).toEqual([]);
  });

  it('have a testing history of their own: no sample id in common', async () => {
    const [samples] = await env.database.query<{ n: number }>("SELECT count(*)::int AS n FROM samples WHERE region_id = '03'");
    expect(samples!.n).toBeGreaterThan(100);
    expect(await shared('samples', 'id')).toEqual([]);
  });
});
