import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, loginCookie, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';
import { makePersonnummer } from '../../identity/identity-number.js';
import { units } from '../../identity/model.js';
import { insertPersons } from '../../identity/store.js';
import { DEMO_OTHER_PROVIDER, loadTestingHistory } from '../demo.js';
import { isoWeekOf } from '../rules.js';

let env: TestEnv;
const now = new Date('2022-01-20T12:00:00Z');
const PEOPLE = 30_000;
let loaded: { samples: number };
let seconds: number;

beforeAll(async () => {
  env = await setupTest();
  const birth = (i: number) => `19${String(40 + (i % 60)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`;
  await insertPersons(
    env.database.db,
    '18',
    Array.from({ length: PEOPLE }, (_, i) => ({ identityNumber: makePersonnummer(birth(i), Math.floor(i / 180)), idKind: 'personnummer' as const, givenName: 'Demo', familyName: `Person${i}`, birthDate: birth(i), legalSex: 'female' as const, synthetic: true })),
  );
  await env.database.db.insert(units).values([
    { regionId: '18', kind: 'lab', name: 'Lab', synthetic: true },
    { regionId: '18', kind: 'sampling_station', name: 'Station', synthetic: true },
  ]);
  const start = performance.now();
  loaded = await env.database.db.transaction((tx) => loadTestingHistory(tx, '18', now));
  seconds = (performance.now() - start) / 1000;
});
afterAll(() => env.close());

describe('demo history', () => {
  it('loads a year of samples with waves, set-based and quickly, and says so in the audit log only', async () => {
    console.info(`demo history: ${loaded.samples} samples for ${PEOPLE} people in ${seconds.toFixed(1)} s on ${env.database.kind}`);
    expect(loaded.samples).toBeGreaterThan(20_000);
    const weeks = await env.database.query<{ taken_week: string; tests: number; positive: number; negative: number }>(
      "SELECT taken_week, count(*)::int AS tests, count(*) FILTER (WHERE result = 'positive')::int AS positive, count(*) FILTER (WHERE result = 'negative')::int AS negative FROM samples GROUP BY 1 ORDER BY 1",
    );
    expect(weeks.length).toBeGreaterThanOrEqual(52);
    expect(weeks.at(-1)!.taken_week).toBe(isoWeekOf(now));
    const shares = weeks.slice(0, -1).map((w) => w.positive / (w.positive + w.negative));
    // 3–9 % positive over the year; a quiet week of ~300 tests at 3 % has 9 ± 3 positives, so a single week may dip well below.
    const year = weeks.slice(0, -1).reduce((a, w) => ({ positive: a.positive + w.positive, answered: a.answered + w.positive + w.negative }), { positive: 0, answered: 0 });
    expect(year.positive / year.answered).toBeGreaterThan(0.03);
    expect(year.positive / year.answered).toBeLessThan(0.09);
    expect(Math.min(...shares)).toBeGreaterThan(0.005);
    expect(Math.max(...shares)).toBeLessThan(0.15);
    const counts = weeks.map((w) => w.tests);
    expect(Math.max(...counts)).toBeGreaterThan(2.5 * Math.min(...counts.slice(0, -1))); // waves

    const [mix] = await env.database.query<{ other: number; self_antigen: number; staff_antigen: number; serology: number; pcr: number; pending: number; future: number }>(
      `SELECT count(*) FILTER (WHERE provider = $1)::int AS other,
              count(*) FILTER (WHERE test_type = 'antigen' AND collection = 'self')::int AS self_antigen,
              count(*) FILTER (WHERE test_type = 'antigen' AND collection = 'staff')::int AS staff_antigen,
              count(*) FILTER (WHERE test_type = 'serology')::int AS serology,
              count(*) FILTER (WHERE test_type = 'pcr')::int AS pcr,
              count(*) FILTER (WHERE result IS NULL)::int AS pending,
              count(*) FILTER (WHERE taken_at > $2)::int AS future
       FROM samples`,
      [DEMO_OTHER_PROVIDER, now.toISOString()],
    );
    expect(mix!.pcr / loaded.samples).toBeGreaterThan(0.7);
    expect(mix!.staff_antigen).toBeGreaterThan(mix!.self_antigen);
    expect(mix!.self_antigen).toBeGreaterThan(0);
    expect(mix!.serology).toBeGreaterThan(0);
    expect(mix!.other).toBeGreaterThan(0);
    expect(mix!.future).toBe(0);

    const audit = await env.database.query<{ details: { samples: number } }>("SELECT details FROM audit_log WHERE action = 'testing.demo.history.loaded'");
    expect(audit).toHaveLength(1);
    expect(audit[0]!.details.samples).toBe(loaded.samples);
    const [outbox] = await env.database.query<{ n: number }>('SELECT count(*)::int AS n FROM outbox');
    expect(outbox!.n).toBe(0);

    // The weekly report reads it.
    const analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
    const report = (await analyst({ method: 'GET', url: `/api/testing/statistics/weekly?from=${weeks[0]!.taken_week}&to=${isoWeekOf(now)}` })).json();
    expect(report.rows.reduce((s: number, r: { tests: number }) => s + r.tests, 0)).toBe(loaded.samples);
  });
});
