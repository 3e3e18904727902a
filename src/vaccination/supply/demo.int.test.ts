import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, loginCookie, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';
import { loadDemoRegion } from '../../identity/demo/load.js';
import { stockholmTime } from '../../platform/time.js';
import { isoWeekOf } from '../../testing/rules.js';
import { loadVaccinationDemo } from '../demo.js';
import { addDays } from '../recommendations/dates.js';
import { bookableDoses } from './availability.js';

// A Wednesday morning, and a Saturday evening when the arena's booked days fall in the next week.
describe.each([
  ['a weekday', stockholmTime('2026-03-11', '09:30')],
  ['a Saturday evening', stockholmTime('2026-03-14', '19:00')],
])('the demo region’s supply, loaded on %s', (_, now) => {
  let env: TestEnv;
  let coordinator: ReturnType<typeof as>;
  const today = now.toISOString().slice(0, 10);

  beforeAll(async () => {
    env = await setupTest({ clock: { now: () => now } });
    await loadDemoRegion(env.database, { regionId: '18', size: 2000, seed: 7, now });
    await env.database.db.transaction((tx) => loadVaccinationDemo(tx, '18', now));
    coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
  });
  afterAll(() => env.close());

  const get = async (url: string) => {
    const res = await coordinator({ method: 'GET', url });
    expect(res.statusCode, res.body).toBe(200);
    return res.json();
  };

  it('shows one shortage, at the arena, with vials to allocate as what to do', async () => {
    const { sites } = await get('/api/vaccination/supply/shortages');
    expect(sites.map((s: { siteName: string }) => s.siteName)).toEqual([expect.stringMatching(/arena/)]);
    const [day] = sites[0].days;
    expect(day.uncovered).toBeGreaterThan(0);
    expect(day.slots.length).toBeGreaterThan(0);
    expect(day.suggestions[0]).toMatchObject({ kind: 'allocate', batchNumber: expect.any(String) });
  });

  it('leaves doses to book at every other site with stock on the coming days, and at the arena once its share arrives', async () => {
    const { sites } = await get('/api/vaccination/supply/stock');
    const tracked = sites.filter((s: { siteName: string }) => !/arena/.test(s.siteName));
    expect(tracked.length).toBeGreaterThanOrEqual(7);
    for (const s of tracked) {
      for (let i = 1; i <= 7; i++) {
        const doses = await env.database.db.transaction((tx) => bookableDoses(tx, '18', s.siteId, addDays(today, i), 'covid-19', now));
        expect(doses, `${s.siteName} on ${addDays(today, i)}`).toBeGreaterThanOrEqual(10);
      }
    }
    const arena = sites.find((s: { siteName: string }) => /arena/.test(s.siteName));
    expect(await env.database.db.transaction((tx) => bookableDoses(tx, '18', arena.siteId, addDays(today, 15), 'covid-19', now))).toBeGreaterThan(100);
  });

  it('has received batches, a halved forecast, vials closed today and wastage to report', async () => {
    const { deliveries } = await get('/api/vaccination/supply/deliveries');
    expect(deliveries).toHaveLength(3);
    expect(deliveries.every((d: { allocations: unknown[]; unallocatedVials: number }) => d.allocations.length > 0 && d.unallocatedVials >= 0)).toBe(true);

    const week = isoWeekOf(new Date(now.getTime() + 7 * 86_400_000));
    const { weeks } = await get(`/api/vaccination/supply/forecasts?from=${week}&to=${week}`);
    expect(weeks[0].history.map((h: { doses: number }) => h.doses)).toEqual([300, 600]);
    expect(weeks[0].history[0].reason).toMatch(/Halverad/);

    const report = await get(`/api/vaccination/supply/wastage?from=${addDays(today, -6)}&to=${today}`);
    expect(report.total).toMatchObject({ vialsOpened: 6, given: 27, extra: 0, wholeVialsLost: 3 });
    expect(report.total.wasted).toBeGreaterThan(0);
  });
});
