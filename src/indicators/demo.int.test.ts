import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, loginCookie, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { loadDemo } from '../demo.js';

const now = new Date('2023-10-16T08:00:00Z');
let env: TestEnv;
let analyst: ReturnType<typeof as>;

beforeAll(async () => {
  env = await setupTest({ clock: { now: () => now } });
  await loadDemo(env.database, { regionId: '18', size: 1_500, seed: 2021, now });
  analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
});
afterAll(() => env.close());

describe('the indicators demo', () => {
  it('compares the named-doctor share across regions, Värmland marked as measured by the older definition', async () => {
    const c = (await analyst({ method: 'GET', url: '/api/indicators/comparison?code=named_doctor' })).json();
    expect(c.target).toEqual({ value: 55, direction: 'at_least', date: '2022-12-31' });
    const varmland = c.series.find((s: { regionId: string }) => s.regionId === '17');
    expect(varmland).toMatchObject({ version: 1, otherVersion: true, points: [expect.objectContaining({ period: '2021', value: 52 })] });
    const own = c.series.find((s: { regionId: string; otherVersion: boolean }) => s.regionId === '18' && !s.otherVersion);
    expect(own).toMatchObject({ missedTarget: true, trend: 'improving' });
  });

  it('computes continuity from the demo contacts', async () => {
    const run = await analyst({ method: 'POST', url: '/api/indicators/compute', payload: { period: '2022' } });
    expect(run.statusCode).toBe(201);
    expect(run.json().inputs.persons).toBeGreaterThan(100);
    const coc = (await analyst({ method: 'GET', url: '/api/indicators/values?code=continuity_index&source=computed' })).json().values as { orgLevel: string; value: number }[];
    const region = coc.find((v) => v.orgLevel === 'region')!;
    expect(region.value).toBeGreaterThan(0.2);
    expect(region.value).toBeLessThan(0.9);
    expect(coc.filter((v) => v.orgLevel === 'unit').length).toBeGreaterThan(1);
  });
});
