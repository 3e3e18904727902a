import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { caseOf, positiveResult } from '../../test/positives.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTest();
});
afterAll(() => env.close());

describe('classification, symptom onset and the infectious period', () => {
  it('computes the period from onset (or the sample), flags contacts exposed outside it, and keeps who classified the case', async () => {
    const index = await newPerson(env.ctx);
    await positiveResult(env, index, '2021-12-06T08:00:00Z');
    const caseId = await caseOf(env, index.id);
    const staff = { ...(await newStaff(env.ctx, 'tracer')), name: 'Test tracer' };
    const tracer = as(env.app, await loginCookie(env.ctx, staff));
    const file = async () => (await tracer({ method: 'GET', url: `/api/tracing/cases/${caseId}` })).json();

    // Onset not known yet: provisional, around the sampling day; confirmed by the positive.
    expect((await file()).case).toMatchObject({ classification: 'confirmed', classifiedAt: null, symptomOnset: null, infectiousPeriod: { from: '2021-12-04', to: '2021-12-13', basis: 'sample', provisional: true } });

    // The index gives an onset in the questionnaire: the period follows it.
    await as(env.app, await loginCookie(env.ctx, citizenActor(index)))({ method: 'PUT', url: '/api/tracing/my-questionnaire', payload: { answers: { symptomOnset: '2021-12-04' }, submit: false } });
    expect((await file()).case.infectiousPeriod).toEqual({ from: '2021-12-02', to: '2021-12-11', basis: 'onset', provisional: false, ruleValidFrom: '2020-01-01' });

    for (const [name, exposureDate] of [['Före', '2021-12-01'], ['Tidigt', '2021-12-03'], ['Sista dagen', '2021-12-11']]) {
      const added = await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/contacts`, payload: { name, relation: 'close', exposureDate } });
      expect(added.statusCode, added.body).toBe(200);
    }
    const flags = (await file()).contacts.map((k: { name: string; outsideInfectiousPeriod: boolean }) => [k.name, k.outsideInfectiousPeriod]);
    expect(flags).toEqual(expect.arrayContaining([['Före', true], ['Tidigt', false], ['Sista dagen', false]]));

    // The tracer classifies: probable, no symptoms after all. The period moves to the sampling day, and so do the flags.
    const classified = await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/classification`, payload: { classification: 'probable', outcome: 'recovering', symptomOnset: null, noSymptoms: true } });
    expect(classified.statusCode, classified.body).toBe(200);
    const after = await file();
    expect(after.case).toMatchObject({ classification: 'probable', outcome: 'recovering', noSymptoms: true, symptomOnset: null, classifiedByName: 'Test tracer', infectiousPeriod: { from: '2021-12-04', to: '2021-12-13', basis: 'sample', provisional: false } });
    expect(after.case.classifiedAt).not.toBeNull();
    expect(after.contacts.find((k: { name: string }) => k.name === 'Tidigt').outsideInfectiousPeriod).toBe(true);
    const [audit] = await env.database.query<{ details: Record<string, unknown> }>("SELECT details FROM audit_log WHERE action = 'tracing.case.classified' AND person_id = $1", [index.id]);
    expect(audit!.details).toMatchObject({ caseId, classification: 'probable', outcome: 'recovering' });
  });

  it('refuses an onset together with "no symptoms", or in the future, naming the field and changing nothing', async () => {
    const index = await newPerson(env.ctx);
    await positiveResult(env, index, '2021-12-06T08:00:00Z');
    const caseId = await caseOf(env, index.id);
    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
    for (const payload of [
      { classification: 'confirmed', outcome: null, symptomOnset: '2021-12-04', noSymptoms: true },
      { classification: 'confirmed', outcome: null, symptomOnset: '2099-01-01', noSymptoms: false },
      { classification: 'maybe', outcome: null, symptomOnset: null, noSymptoms: false },
    ]) {
      const res = await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/classification`, payload });
      expect(res.statusCode).toBe(400);
      expect(res.json().errors[0].field).toBe(payload.classification === 'maybe' ? 'classification' : 'symptomOnset');
    }
    const [row] = await env.database.query<{ classified_at: string | null }>('SELECT classified_at FROM tracing_cases WHERE id = $1', [caseId]);
    expect(row!.classified_at).toBeNull();
    const smittskydd = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'smittskydd')));
    expect((await smittskydd({ method: 'POST', url: `/api/tracing/cases/${caseId}/classification`, payload: { classification: 'confirmed', outcome: null, symptomOnset: null, noSymptoms: false } })).statusCode).toBe(403);
  });
});
