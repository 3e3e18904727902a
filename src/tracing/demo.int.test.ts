import { afterAll, beforeAll, expect, it } from 'vitest';
import { as, loginCookie, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { loadDemoRegion } from '../identity/demo/load.js';
import { loadTestingDemo } from '../testing/demo.js';
import { loadTracingDemo } from './demo.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTest();
  const now = new Date();
  await loadDemoRegion(env.database, { regionId: '18', size: 2000, seed: 7, now });
  await env.database.db.transaction((tx) => loadTestingDemo(tx, '18', now, 7));
  await env.database.db.transaction((tx) => loadTracingDemo(tx, '18', now));
  await env.worker.drain();
});
afterAll(() => env.close());

it('gives the demo region open cases with questionnaires sent, and a school-class cluster for Smittskydd', async () => {
  const [{ n }] = (await env.database.query<{ n: number }>("SELECT count(*)::int AS n FROM tracing_cases WHERE status = 'open' AND questionnaire_sent_at IS NOT NULL")) as [{ n: number }];
  expect(n).toBeGreaterThanOrEqual(4);
  const smittskydd = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'smittskydd')));
  const { proposals } = (await smittskydd({ method: 'GET', url: '/api/tracing/clusters' })).json();
  expect(proposals.some((p: { kind: string; cases: number }) => p.kind === 'school_class' && p.cases >= 4)).toBe(true);
});
