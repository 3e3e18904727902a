import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';
import { fixedClock } from '../../../test/vaccination.js';
import type { Actor } from '../../platform/auth/actor.js';
import { units } from '../../identity/model.js';
import { newKitCode } from '../rules.js';

const clock = fixedClock('2021-12-06T09:00:00Z');
let env: TestEnv;
let vc: string;
let otherVc: string;
let labUnit: string;
let elsewhere: string;
let clinician: ReturnType<typeof as>;
let colleagueElsewhere: ReturnType<typeof as>;
let lab: ReturnType<typeof as>;
let coordinator: ReturnType<typeof as>;
let person: { id: string; identityNumber: string };

const unit = async (kind: 'vardcentral' | 'ward' | 'lab', name: string, regionId = '18') => {
  const [row] = await env.ctx.database.db.insert(units).values({ regionId, kind, name, synthetic: true }).returning();
  return row!.id;
};
const clinicianOf = async (unitId: string) => {
  const s = await newStaff(env.ctx, 'clinician');
  return as(env.app, await loginCookie(env.ctx, { ...s, unitId } as Actor));
};
const write = (body: Record<string, unknown>, who = clinician) =>
  who({ method: 'POST', url: '/api/testing/referrals', payload: { identityNumber: person.identityNumber, testType: 'pcr', indication: 'Feber och hosta sedan två dagar', sampledByStaff: true, samplingAt: '2021-12-06T08:30:00Z', urgency: 'routine', ...body } });
const relogin = async () => {
  clinician = await clinicianOf(vc);
  lab = as(env.app, await loginCookie(env.ctx, { ...(await newStaff(env.ctx, 'lab')), unitId: labUnit } as Actor));
};
const list = async (state = 'all', who = clinician) => {
  const res = await who({ method: 'GET', url: `/api/testing/referrals?state=${state}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().referrals as { id: string; code: string; state: string; overdue: boolean; result: string | null; orderingUnitName: string }[];
};
const importCsv = async (content: string, fileName = 'svar.csv', format: 'csv' | 'fhir' = 'csv') => {
  const res = await lab({ method: 'POST', url: '/api/testing/lab/imports', payload: { fileName, format, content } });
  expect(res.statusCode, res.body).toBeLessThan(300);
  await env.worker.drain();
  return res.json();
};

beforeAll(async () => {
  env = await setupTest({ clock });
  vc = await unit('vardcentral', 'Vårdcentralen Testby');
  otherVc = await unit('vardcentral', 'Vårdcentralen Annanstans');
  labUnit = await unit('lab', 'Laboratoriet');
  elsewhere = await unit('vardcentral', 'Vårdcentralen i region 01', '01');
  colleagueElsewhere = await clinicianOf(otherVc);
  await relogin();
  coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracing_coordinator')));
  person = await newPerson(env.ctx, { phone: '0701740605' });
});
afterAll(() => env.close());

describe('writing a referral', () => {
  it('refuses bad input naming the field, and changes nothing', async () => {
    const before = { referrals: await count(env.database, 'referrals'), samples: await count(env.database, 'samples') };
    const cases: [Record<string, unknown>, number, string][] = [
      [{ orderingUnitId: randomUUID() }, 404, 'orderingUnitId'],
      [{ orderingUnitId: elsewhere }, 404, 'orderingUnitId'],
      [{ orderingUnitId: labUnit }, 400, 'orderingUnitId'],
      [{ orderingUnitId: otherVc }, 400, 'orderingUnitId'],
      [{ samplingAt: '2021-12-09T09:01:00Z' }, 400, 'samplingAt'],
      [{ samplingAt: '2021-11-05T08:00:00Z' }, 400, 'samplingAt'],
      [{ identityNumber: '19800517-0001' }, 400, 'identityNumber'],
      [{ identityNumber: '12345' }, 400, 'identityNumber'],
      [{ testType: 'lfd' }, 400, 'testType'],
    ];
    for (const [body, status, field] of cases) {
      const res = await write(body);
      expect(res.statusCode, `${JSON.stringify(body)}: ${res.body}`).toBe(status);
      expect(JSON.stringify(res.json()), JSON.stringify(body)).toContain(field);
    }
    // A number that is valid but not of anyone in the region.
    const stranger = await write({ identityNumber: '19121212-1212' });
    expect(stranger.statusCode, stranger.body).toBe(400);
    expect(stranger.json().errors[0].field).toBe('identityNumber');
    expect({ referrals: await count(env.database, 'referrals'), samples: await count(env.database, 'samples') }).toEqual(before);
  });

  it('follows a referral from written to answered, matched by its id in the lab’s CSV, and opens a case naming the unit', async () => {
    const planned = await write({ samplingAt: '2021-12-06T13:00:00Z' });
    expect(planned.statusCode, planned.body).toBe(201);
    expect(planned.json()).toMatchObject({ state: 'written', overdue: false, orderingUnitName: 'Vårdcentralen Testby', collection: 'staff' });
    const res = await write({ urgency: 'urgent' });
    expect(res.statusCode, res.body).toBe(201);
    const referral = res.json();
    expect(referral).toMatchObject({ state: 'sampled', urgency: 'urgent', identityNumber: expect.any(String) });
    expect(referral.code).toMatch(/^[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]{4}-[0-9A-Z]$/);

    // The label: a PDF for the ordering unit, nobody else's.
    const label = await clinician({ method: 'GET', url: `/api/testing/referrals/${referral.id}/label.pdf` });
    expect(label.statusCode).toBe(200);
    expect(label.headers['content-type']).toBe('application/pdf');
    expect(label.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect((await colleagueElsewhere({ method: 'GET', url: `/api/testing/referrals/${referral.id}/label.pdf` })).statusCode).toBe(404);
    expect(await list('all', colleagueElsewhere)).toEqual([]);

    // The lab expects it, receives it by the code on the label.
    const expected = await lab({ method: 'GET', url: '/api/testing/lab/referrals' });
    expect(expected.json().referrals.map((r: { code: string }) => r.code)).toContain(referral.code);
    expect((await lab({ method: 'POST', url: '/api/testing/lab/received', payload: { kitCode: referral.code } })).statusCode).toBe(200);
    expect((await list()).find((r) => r.id === referral.id)).toMatchObject({ state: 'received' });

    // The answer names the referral; a second row names a referral no one wrote and is held.
    const stray = newKitCode();
    const summary = await importCsv([`referral_id;test_type;result;result_time`, `${referral.code};pcr;positiv;2021-12-06 09:30`, `${stray};pcr;negativ;2021-12-06 09:31`].join('\n'));
    expect(summary).toMatchObject({ accepted: 1, held: 1, rejected: 0 });
    const answered = (await list()).find((r) => r.id === referral.id)!;
    expect(answered).toMatchObject({ state: 'answered', result: 'positive', overdue: false });
    expect(await count(env.database, 'unmatched_results')).toBe(1);

    // The case names the referring vårdcentral; the coordinator hands it there and takes it back.
    const [c] = await env.database.query<{ id: string; referring_unit_id: string }>(`SELECT id, referring_unit_id FROM tracing_cases WHERE person_id = $1`, [person.id]);
    expect(c!.referring_unit_id).toBe(vc);
    const queue = async (handledBy: string) => (await coordinator({ method: 'GET', url: `/api/tracing/queue?handledBy=${handledBy}` })).json().cases as { id: string; referringUnitName: string | null; handlingUnitName: string | null }[];
    expect((await queue('central')).find((q) => q.id === c!.id)).toMatchObject({ referringUnitName: 'Vårdcentralen Testby', handlingUnitName: null });
    const handed = await coordinator({ method: 'POST', url: `/api/tracing/cases/${c!.id}/handover`, payload: {} });
    expect(handed.statusCode, handed.body).toBe(200);
    expect(handed.json()).toMatchObject({ handlingUnitId: vc, handlingUnitName: 'Vårdcentralen Testby' });
    expect((await queue('unit')).map((q) => q.id)).toContain(c!.id);
    expect((await queue('central')).map((q) => q.id)).not.toContain(c!.id);
    expect((await coordinator({ method: 'POST', url: `/api/tracing/cases/${c!.id}/handover`, payload: { unitId: labUnit } })).statusCode).toBe(400);
    expect((await coordinator({ method: 'POST', url: `/api/tracing/cases/${c!.id}/take-back`, payload: {} })).json()).toMatchObject({ handlingUnitId: null });
    expect((await queue('central')).map((q) => q.id)).toContain(c!.id);
  });

  it('matches a FHIR answer by the ServiceRequest identifier, and flags a referral not received in time', async () => {
    const res = await write({ samplingAt: '2021-12-06T08:00:00Z', sampledByStaff: false });
    const referral = res.json();
    expect(referral).toMatchObject({ state: 'sampled', collection: 'self' });
    clock.set('2021-12-08T07:59:00Z');
    await relogin(); // sessions end after 10 hours on the test clock
    expect((await list('overdue')).map((r) => r.id)).not.toContain(referral.id);
    clock.set('2021-12-08T08:00:00Z');
    const overdue = await list('overdue');
    expect(overdue.find((r) => r.id === referral.id)).toMatchObject({ overdue: true, state: 'sampled' });
    const bundle = {
      resourceType: 'Bundle',
      type: 'collection',
      entry: [
        { fullUrl: 'urn:uuid:sr', resource: { resourceType: 'ServiceRequest', id: 'sr', identifier: [{ system: 'urn:lagesbild:remiss', value: referral.code }] } },
        {
          resource: {
            resourceType: 'Observation',
            basedOn: [{ reference: 'urn:uuid:sr' }],
            code: { coding: [{ system: 'http://loinc.org', code: '94500-6' }] },
            valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260415000' }] },
            issued: '2021-12-08T07:00:00Z',
          },
        },
      ],
    };
    expect(await importCsv(JSON.stringify(bundle), 'svar.json', 'fhir')).toMatchObject({ accepted: 1 });
    expect((await list()).find((r) => r.id === referral.id)).toMatchObject({ state: 'answered', result: 'negative', overdue: false });
    expect((await list('overdue')).map((r) => r.id)).not.toContain(referral.id);
  });

  it('is for clinicians, and writes only for their unit', async () => {
    const noUnit = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'clinician')));
    expect((await write({}, noUnit)).statusCode).toBe(409);
    expect(await list('all', noUnit)).toEqual([]);
    expect((await lab({ method: 'GET', url: '/api/testing/referrals' })).statusCode).toBe(403);
  });
});
