import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv, asStaffElsewhere } from '../../../test/harness.js';
import type { Actor } from '../../platform/auth/actor.js';
import { addToOutbox } from '../../platform/jobs/outbox.js';
import { doseRecorded } from '../events.js';
import { vaccinationDoses, vaccinationSites } from '../model.js';
import type { NvrMessage } from './message.js';

let env: TestEnv;
let server: ReturnType<typeof createServer>;
/** What the fake register answers next, in order; then 200. */
const answers: number[] = [];
const received: { key: string | undefined; message: NvrMessage }[] = [];
let vaccinator: Actor;
const ANSWER_TOKEN = 'nvr-answers-test-token-0123456789abcdef';
let siteId: string;

/** Records a dose the way the core service does: the row and its event in one transaction. */
async function recordDose(person: { id: string; regionId: string }, batchNumber = 'EW1234') {
  return env.database.db.transaction(async (tx) => {
    const [d] = await tx
      .insert(vaccinationDoses)
      .values({ regionId: person.regionId, personId: person.id, siteId: person.regionId === '18' ? siteId : null, vaccine: 'covid-19', productCode: 'comirnaty', batchNumber, doseNumber: 1, administeredAt: '2021-03-02T09:00:00Z', recordedBy: vaccinator.id })
      .returning();
    await addToOutbox(tx, doseRecorded({ regionId: person.regionId, doseId: d!.id, personId: person.id }));
    return d!.id;
  });
}

const report = async (doseId: string) => (await env.database.query<{ status: string; reservnummer: boolean; attempt: number; rejection: string | null }>('SELECT status, reservnummer, attempt, rejection FROM vaccination_nvr_reports WHERE dose_id = $1', [doseId]))[0];

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      const status = answers.shift() ?? 200;
      if (status < 300) received.push({ key: req.headers['idempotency-key'] as string | undefined, message: JSON.parse(text).payload });
      res.writeHead(status).end(status === 422 ? 'batch unknown' : '');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env = await setupTest({ config: { nvrWebhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/nvr`, nvrAnswerToken: ANSWER_TOKEN } });
  vaccinator = await newStaff(env.ctx, 'vaccinator');
  const [s] = await env.database.db.insert(vaccinationSites).values({ regionId: '18', name: 'Conventum Arena', kind: 'mass_centre', municipalityCode: '1880', vaccines: ['covid-19'] }).returning();
  siteId = s!.id;
});
afterAll(async () => {
  await env.close();
  server.close();
});

describe('reporting doses to NVR', () => {
  it('retries while the register is down, then records it accepted; the message carries the documented fields', async () => {
    const person = await newPerson(env.ctx, { birthDate: '1941-02-03' });
    const doseId = await recordDose(person);
    answers.push(503);
    const t0 = Date.now();
    await env.worker.drain(new Date(t0));
    expect(await report(doseId)).toMatchObject({ status: 'queued', reservnummer: false, attempt: 1 });
    expect(received).toEqual([]);

    const coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
    const pending = (await coordinator({ method: 'GET', url: '/api/vaccination/nvr/pending' })).json();
    expect(pending.doses).toEqual([expect.objectContaining({ doseId, status: 'queued', deliveryAttempts: 1, lastError: expect.stringContaining('503'), nextAttemptAt: expect.any(String) })]);
    expect(pending.doses[0].person).toMatch(/^Test P\./);

    await env.worker.drain(new Date(t0 + 10_000));
    expect(await report(doseId)).toMatchObject({ status: 'accepted', attempt: 1 });
    expect(received).toHaveLength(1);
    expect(received[0]!.key).toBe(`vaccination.nvr.report:${doseId}:1`);
    expect(received[0]!.message).toMatchObject({
      format: 'lagesbild.nvr/1',
      messageId: `${doseId}:1`,
      doseId,
      regionId: '18',
      patient: { identifier: person.identityNumber, identifierKind: 'personnummer', reservnummer: false, birthDate: '1941-02-03' },
      vaccination: { vaccine: 'covid-19', productCode: 'comirnaty', batchNumber: 'EW1234', doseNumber: 1, administeredAt: '2021-03-02T09:00:00.000Z' },
      site: { id: siteId, name: 'Conventum Arena', municipalityCode: '1880' },
      performer: { staffId: vaccinator.id },
    });
    expect((await coordinator({ method: 'GET', url: '/api/vaccination/nvr/pending' })).json().doses).toEqual([]);
    // The identity number left the region: audited.
    expect(await env.database.query("SELECT 1 FROM audit_log WHERE action = 'vaccination.nvr.reported' AND person_id = $1", [person.id])).toHaveLength(1);
    // A redelivered event queues nothing new.
    await env.database.query("UPDATE outbox SET status = 'pending' WHERE idempotency_key = $1", [`vaccination.DoseRecorded:${doseId}`]);
    await env.worker.drain(new Date(t0 + 20_000));
    expect(received).toHaveLength(1);
  });

  it('flags doses on reservnummer, keeps a rejection with its reason, and sends again after correction', async () => {
    const reserve = await newPerson(env.ctx, { identityNumber: '19850707TB2C', idKind: 'reservnummer', issuingRegion: '18', birthDate: '1985-07-07' });
    const doseId = await recordDose(reserve, 'BAD-BATCH');
    answers.push(422);
    await env.worker.drain(new Date(Date.now() + 60_000));
    expect(await report(doseId)).toMatchObject({ status: 'rejected', reservnummer: true, rejection: expect.stringContaining('422') });

    const coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
    const pending = (await coordinator({ method: 'GET', url: '/api/vaccination/nvr/pending?reservnummer=true' })).json();
    expect(pending.doses).toEqual([expect.objectContaining({ doseId, status: 'rejected', reservnummer: true })]);
    expect(pending.counts).toMatchObject({ rejected: 1, notAcceptedOnReservnummer: 1 });

    await env.database.query("UPDATE vaccination_doses SET batch_number = 'EW1234' WHERE id = $1", [doseId]);
    const resent = await coordinator({ method: 'POST', url: `/api/vaccination/nvr/doses/${doseId}/resend`, payload: {} });
    expect(resent.json()).toEqual({ doseId, status: 'queued', attempt: 2 });
    expect((await coordinator({ method: 'POST', url: `/api/vaccination/nvr/doses/${doseId}/resend`, payload: {} })).statusCode).toBe(409);
    await env.worker.drain(new Date(Date.now() + 120_000));
    expect(await report(doseId)).toMatchObject({ status: 'accepted', attempt: 2 });
    const last = received.at(-1)!;
    expect(last.key).toBe(`vaccination.nvr.report:${doseId}:2`);
    expect(last.message.patient).toMatchObject({ identifier: '19850707TB2C', identifierKind: 'reservnummer', reservnummer: true, issuingRegion: '18' });
  });

  it('shows a region only its own doses, and no one without the permission', async () => {
    const stockholmer = await newPerson(env.ctx, { regionId: '01' });
    answers.push(503);
    const doseId = await recordDose(stockholmer);
    await env.worker.drain(new Date(Date.now() + 180_000));
    expect(await report(doseId)).toMatchObject({ status: 'queued' });
    const ours = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
    expect((await ours({ method: 'GET', url: '/api/vaccination/nvr/pending' })).json().doses.map((d: { doseId: string }) => d.doseId)).not.toContain(doseId);
    const theirs = await asStaffElsewhere(env, '01', 'vaccine_coordinator');
    expect((await theirs({ method: 'GET', url: '/api/vaccination/nvr/pending' })).json().doses.map((d: { doseId: string }) => d.doseId)).toEqual([doseId]);
    const before = await count(env.database, 'audit_log');
    const analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'national_analyst')));
    expect((await analyst({ method: 'GET', url: '/api/vaccination/nvr/pending' })).statusCode).toBe(403);
    expect((await as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccinator')))({ method: 'GET', url: '/api/vaccination/nvr/pending' })).statusCode).toBe(403);
    expect(await count(env.database, 'audit_log')).toBe(before);
  });

  it('takes the register’s later answer to a report it took with 202, from the integration holding the token only', async () => {
    const person = await newPerson(env.ctx, { birthDate: '1950-05-05' });
    const doseId = await recordDose(person);
    // Two: the other region's dose from the test before is retried in the same drain.
    answers.push(202, 202);
    await env.worker.drain(new Date(Date.now() + 240_000));
    expect(await report(doseId)).toMatchObject({ status: 'sent', attempt: 1 });

    const answer = (body: object, token = ANSWER_TOKEN) =>
      env.app.inject({ method: 'POST', url: '/api/vaccination/nvr/answers', headers: { authorization: `Bearer ${token}` }, payload: { regionId: '18', ...body } });
    expect((await answer({ messageId: `${doseId}:1`, status: 'accepted' }, 'wrong-token')).statusCode).toBe(401);
    expect((await answer({ messageId: 'not-a-message', status: 'accepted' })).json()).toMatchObject({ errors: [{ field: 'messageId' }] });
    expect((await answer({ messageId: `${doseId}:1`, status: 'rejected' })).json()).toMatchObject({ errors: [{ field: 'reason' }] });
    expect((await answer({ messageId: `${doseId}:2`, status: 'accepted' })).statusCode).toBe(409);
    expect(await report(doseId)).toMatchObject({ status: 'sent' });

    const ok = await answer({ messageId: `${doseId}:1`, status: 'accepted', reference: 'NVR-778899' });
    expect(ok.json()).toEqual({ doseId, status: 'accepted' });
    expect(await report(doseId)).toMatchObject({ status: 'accepted' });
    expect((await answer({ messageId: `${doseId}:1`, status: 'accepted' })).statusCode).toBe(409);
    expect(await env.database.query("SELECT actor_name FROM audit_log WHERE action = 'vaccination.nvr.accepted' AND person_id = $1", [person.id])).toEqual([{ actor_name: 'NVR' }]);
  });
});
