import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, asStaffElsewhere, citizenActor, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';
import { deliveredBatch, fixedClock, newSite, type SiteSetup } from '../../../test/vaccination.js';

// Monday 16 October 2023, 08:00 in Stockholm: the 2023 rules apply.
const clock = fixedClock('2023-10-16T06:00:00Z');
let env: TestEnv;
let site: SiteSetup;
let vaccinator: ReturnType<typeof as>;

beforeAll(async () => {
  env = await setupTest({ clock });
  site = await newSite(env, { name: 'Arenan', days: ['2023-10-16', '2023-10-17'] });
  await deliveredBatch(env, { batchNumber: 'AE0001', sites: [{ siteId: site.id, vials: 2 }] });
  await deliveredBatch(env, { batchNumber: 'AE0002', sites: [{ siteId: site.id, vials: 2 }] });
  vaccinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccinator')));
  clock.set('2023-10-16T14:00:00Z'); // the doses are given at 09:00, the reports come in the afternoon
});
afterAll(() => env.close());

async function vaccinated(birthDate = '1938-08-08', batchNumber = 'AE0001') {
  const person = await newPerson(env.ctx, { birthDate });
  const res = await vaccinator({ method: 'POST', url: '/api/vaccination/doses', payload: { personId: person.id, siteId: site.id, vaccine: 'covid-19', productCode: 'comirnaty', batchNumber, doseNumber: 1, administeredAt: '2023-10-16T07:00:00Z' } });
  expect(res.statusCode, res.body).toBe(201);
  return { person, doseId: res.json().dose.id as string };
}

const report = (doseId: string, extra: Record<string, unknown> = {}) => ({ doseId, symptoms: ['fever', 'headache'], onsetAt: '2023-10-16T12:00:00+02:00', serious: false, ...extra });

describe('the vaccinator reports a suspected adverse event', () => {
  it('stores it, sends it to Läkemedelsverket through the outbox and shows the receipt once delivered', async () => {
    const { person, doseId } = await vaccinated();
    const res = await vaccinator({ method: 'POST', url: `/api/vaccination/persons/${person.id}/adverse-events`, payload: report(doseId, { serious: true, seriousCriteria: ['hospitalisation'], description: 'Hög feber, inlagd' }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ doseId, personId: person.id, reporter: 'healthcare', status: 'queued', receipt: null, serious: true, seriousCriteria: ['hospitalisation'], dose: { productCode: 'comirnaty', batchNumber: 'AE0001', doseNumber: 1 } });

    await env.worker.drain(new Date(Date.now() + 60_000));
    const list = await vaccinator({ method: 'GET', url: `/api/vaccination/persons/${person.id}/adverse-events` });
    expect(list.statusCode, list.body).toBe(200);
    const [sent] = list.json().reports;
    expect(sent).toMatchObject({ id: res.json().id, status: 'received', receipt: { reference: expect.stringMatching(/^LV-[0-9A-F]{8}$/), receivedAt: expect.any(String) } });

    const [outbox] = await env.database.query<{ payload: Record<string, unknown>; receipt: { reference: string } }>("SELECT payload, receipt FROM outbox WHERE topic = 'vaccination.adverse-event.report' AND payload->>'adverseEventId' = $1", [sent.id]);
    expect(outbox!.payload).toEqual({ adverseEventId: sent.id }); // no identity number waits in the outbox
    expect(outbox!.receipt.reference).toBe(sent.receipt.reference);
    const audit = await env.database.query<{ action: string }>("SELECT action FROM audit_log WHERE person_id = $1 AND action LIKE 'vaccination.adverse-event%' ORDER BY at", [person.id]);
    expect(audit.map((a) => a.action)).toEqual(['vaccination.adverse-event.reported', 'vaccination.adverse-event.sent', 'vaccination.adverse-events.read']);
  });

  it('answers bad input with a problem naming the field, and stores nothing', async () => {
    const { person, doseId } = await vaccinated('1938-08-09');
    const other = await vaccinated('1938-08-10');
    const problem = async (payload: object, personId = person.id) => {
      const res = await vaccinator({ method: 'POST', url: `/api/vaccination/persons/${personId}/adverse-events`, payload });
      expect(res.headers['content-type']).toContain('application/problem+json');
      return { status: res.statusCode, fields: (res.json().errors as { field: string }[]).map((e) => e.field) };
    };
    expect(await problem(report(doseId, { onsetAt: '2023-10-16T07:00:00+02:00' }))).toEqual({ status: 400, fields: ['onsetAt'] });
    expect(await problem(report(doseId, { symptoms: ['zombie'] }))).toEqual({ status: 400, fields: ['symptoms'] });
    expect(await problem(report(doseId, { serious: true }))).toEqual({ status: 400, fields: ['seriousCriteria'] });
    expect(await problem(report(doseId, { symptoms: ['other'] }))).toEqual({ status: 400, fields: ['description'] });
    expect(await problem(report(other.doseId))).toEqual({ status: 404, fields: ['doseId'] });
    expect(await problem(report(randomUUID()))).toEqual({ status: 404, fields: ['doseId'] });
    expect(await problem(report('not-a-uuid'))).toEqual({ status: 404, fields: ['doseId'] });
    expect((await problem(report(doseId, { onsetAt: 'yesterday' }))).status).toBe(400);
    const [{ n }] = (await env.database.query<{ n: number }>('SELECT count(*)::int AS n FROM vaccination_adverse_events WHERE person_id = $1', [person.id])) as [{ n: number }];
    expect(n).toBe(0);
  });

  it('cannot reach a dose of another region', async () => {
    const { person, doseId } = await vaccinated('1938-08-11');
    const elsewhere = await asStaffElsewhere(env, '01', 'vaccinator');
    const res = await elsewhere({ method: 'POST', url: `/api/vaccination/persons/${person.id}/adverse-events`, payload: report(doseId) });
    expect(res.statusCode).toBe(404);
    expect(res.json().errors[0].field).toBe('personId');
  });

  it('is refused to roles that do not vaccinate', async () => {
    const { person, doseId } = await vaccinated('1938-08-12');
    const coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
    expect((await coordinator({ method: 'POST', url: `/api/vaccination/persons/${person.id}/adverse-events`, payload: report(doseId) })).statusCode).toBe(403);
  });
});

describe('the citizen reports a suspected adverse event', () => {
  it('after their own dose, sees the receipt, and cannot report on someone else’s dose', async () => {
    const { person, doseId } = await vaccinated('1939-01-01');
    const stranger = await vaccinated('1939-01-02');
    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(person)));
    const res = await citizen({ method: 'POST', url: '/api/vaccination/my/adverse-events', payload: report(doseId, { symptoms: ['injection_site_reaction'] }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toMatchObject({ reporter: 'citizen', status: 'queued' });
    const refused = await citizen({ method: 'POST', url: '/api/vaccination/my/adverse-events', payload: report(stranger.doseId) });
    expect(refused.statusCode).toBe(404);
    expect(refused.json().errors[0].field).toBe('doseId');

    await env.worker.drain(new Date(Date.now() + 60_000));
    const mine = (await citizen({ method: 'GET', url: '/api/vaccination/my/adverse-events' })).json();
    expect(mine.reports).toEqual([expect.objectContaining({ doseId, status: 'received', receipt: expect.objectContaining({ reference: expect.stringMatching(/^LV-/) }) })]);
    const terms = (await citizen({ method: 'GET', url: '/api/vaccination/adverse-events/terms' })).json();
    expect(terms.symptoms).toContainEqual({ code: 'fever', sv: 'Feber', en: 'Fever' });
    expect(terms.seriousCriteria).toContainEqual({ code: 'hospitalisation', sv: 'Sjukhusvård eller förlängd sjukhusvård', en: 'Hospitalisation or prolonged hospitalisation' });
  });
});

describe('counts per product and batch', () => {
  it('gives coordinators and analysts counts without personal data, and refuses the vaccinator', async () => {
    const a = await vaccinated('1940-02-01', 'AE0002');
    const b = await vaccinated('1940-02-02', 'AE0002');
    await vaccinator({ method: 'POST', url: `/api/vaccination/persons/${a.person.id}/adverse-events`, payload: report(a.doseId) });
    await vaccinator({ method: 'POST', url: `/api/vaccination/persons/${b.person.id}/adverse-events`, payload: report(b.doseId, { serious: true, seriousCriteria: ['life_threatening'] }) });
    const analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
    const res = await analyst({ method: 'GET', url: '/api/vaccination/adverse-events/statistics' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().batches).toContainEqual({ productCode: 'comirnaty', productName: expect.any(String), batchNumber: 'AE0002', reports: 2, serious: 1, received: 0, doses: 2 });
    expect(res.body).not.toContain(a.person.id);
    expect((await vaccinator({ method: 'GET', url: '/api/vaccination/adverse-events/statistics' })).statusCode).toBe(403);
  });
});
