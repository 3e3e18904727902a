import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows } from '../../platform/db/sql.js';
import { loadDemo } from '../../demo.js';
import { calendarDateInStockholm } from '../../identity/identity-number.js';
import { REPORTING_AGGREGATES, sendWeekAggregates } from '../../reporting/aggregates.js';
import { REPORTING_SUBMISSION } from '../../reporting/national.js';
import { NARA_VARD_AREA } from '../../reporting/seed-templates.js';
import { isoWeekOf } from '../../testing/rules.js';
import { as, loginCookie, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';
import { knownPeople, personalDataIn } from './scan.js';

/**
 * Everything a demo-like region sends to the nation, scanned for its people: the signed weekly aggregates,
 * a signed submission of a return (pre-filled from live data, with a free-text answer and the initiatives
 * register), and the indicator documents and exports another instance takes in. One person's trace fails it.
 */
describe('nothing personal leaves for the nation', () => {
  let env: TestEnv;
  const payloads: { what: string; payload: unknown }[] = [];
  const regionId = '18';

  beforeAll(async () => {
    env = await setupTest();
    const now = new Date();
    await loadDemo(env.database, { regionId, size: 800, seed: 7, now });
    const analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
    const national = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'national_analyst')));
    const ok = async (res: Promise<{ statusCode: number; body: string; json(): any }>) => {
      const r = await res;
      expect(r.statusCode, r.body).toBeLessThan(300);
      return r.json();
    };

    // The weekly aggregates of the last two complete weeks, as the housekeeping sends them.
    for (const days of [7, 14]) await sendWeekAggregates(env.ctx, regionId, isoWeekOf(new Date(now.getTime() - days * 86_400_000)));

    // A round whose return is pre-filled from the region's live statistics, with a free-text answer, then submitted.
    const today = calendarDateInStockholm(now);
    const day = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
    const number = (id: string, prefill: string) => ({ id, kind: 'number', label: id, unit: 'st', definition: id, prefill });
    const content = {
      sections: [
        {
          id: 'figures',
          title: 'Läget',
          questions: [
            number('tests', 'testing.tests'),
            number('positives', 'testing.positives'),
            number('cases', 'tracing.cases'),
            number('hours', 'tracing.hoursToFirstCall'),
            { id: 'coverage', kind: 'table', label: 'Täckning', prefill: 'vaccination.coverage', rows: ['80plus', '65-79', '50-64', '18-49', '0-17'].map((k) => ({ key: k, label: k })), columns: [{ key: 'dose1', label: 'Dos 1' }, { key: 'dose2', label: 'Dos 2' }] },
            { id: 'comment', kind: 'text', label: 'Kommentar', maxLength: 2000 },
            { id: 'initiatives', kind: 'initiatives', label: 'Insatser', developmentArea: NARA_VARD_AREA },
          ],
        },
      ],
    };
    const agreement = await ok(national({ method: 'POST', url: '/api/reporting/agreements', payload: { name: 'Integritetsprov' } }));
    const template = await ok(national({ method: 'POST', url: '/api/reporting/templates', payload: { name: 'Integritetsprov', content } }));
    const round = await ok(national({ method: 'POST', url: '/api/reporting/rounds', payload: { agreementId: agreement.id, name: 'Runda', kind: 'monthly', periodFrom: day(-30), periodTo: day(-1), opensOn: today, deadline: day(7), templateVersionId: template.id } }));
    const ret = `/api/reporting/rounds/${round.id}/returns/region-18`;
    await ok(analyst({ method: 'POST', url: `${ret}/prefill`, payload: { from: 'live-data' } }));
    await ok(analyst({ method: 'PUT', url: `${ret}/answers`, payload: { answers: [{ questionId: 'comment', version: 0, value: 'Färre provtagningar efter jul; smittspårningen hann med alla ärenden.' }] } }));
    await ok(analyst({ method: 'POST', url: `${ret}/submit` }));

    const sent = await queryRows<{ topic: string; payload: unknown }>(env.database.db, sql`SELECT topic, payload FROM outbox WHERE topic IN (${REPORTING_SUBMISSION}, ${REPORTING_AGGREGATES}) ORDER BY created_at`);
    payloads.push(...sent.map((s) => ({ what: s.topic, payload: s.payload })));

    // Indicator documents of every definition version, and the exports, as another instance would take them.
    const { definitions } = await ok(analyst({ method: 'GET', url: '/api/indicators/definitions' }));
    for (const d of definitions as { id: string; code: string }[]) payloads.push({ what: `indicator document ${d.code}`, payload: await ok(analyst({ method: 'GET', url: `/api/indicators/definitions/${d.id}/document` })) });
    payloads.push({ what: 'indicator export CSV', payload: (await analyst({ method: 'GET', url: '/api/indicators/export.csv' })).body });
  }, 300_000);
  afterAll(() => env.close());

  it('collected every kind of payload, with figures in them', () => {
    const kinds = new Set(payloads.map((p) => p.what.replace(/ document .*/, ' document')));
    expect([...kinds].sort()).toEqual(['indicator document', 'indicator export CSV', REPORTING_AGGREGATES, REPORTING_SUBMISSION].sort());
    const aggregates = payloads.find((p) => p.what === REPORTING_AGGREGATES)!.payload as { document: { testing: { tests: number }[] } };
    expect(aggregates.document.testing.reduce((n, t) => n + t.tests, 0)).toBeGreaterThan(0);
    expect(JSON.stringify(payloads.find((p) => p.what === REPORTING_SUBMISSION)!.payload)).toContain('Färre provtagningar');
  });

  it('names no identity number, name, birth date or person id of the region’s people', async () => {
    const people = await knownPeople(env.database.db, regionId);
    expect(people.ids.length).toBeGreaterThan(700);
    const findings = payloads.flatMap((p) => personalDataIn(p.payload, people).map((f) => `${p.what}: ${f}`));
    expect(findings).toEqual([]);
  });

  it('sends small coverage groups without counts', () => {
    const groups = payloads.filter((p) => p.what === REPORTING_AGGREGATES).flatMap((p) => (p.payload as { document: { coverage: { population: number | null; dose1: number | null }[] } }).document.coverage);
    expect(groups.length).toBeGreaterThan(0);
    for (const g of groups) expect(g.population === null ? g.dose1 : g.population).toSatisfy((v: number | null) => v === null || (g.population ?? 0) >= 10);
  });
});
