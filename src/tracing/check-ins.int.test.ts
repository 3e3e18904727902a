import { randomUUID } from 'node:crypto';
import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { caseOf, positiveResult } from '../../test/positives.js';
import { fixedClock } from '../../test/vaccination.js';
import type { Actor } from '../platform/auth/actor.js';
import { sendDueCheckIns } from './check-ins.js';

/** 09:00 Swedish time on 2021-12-06; the test moves it a day at a time. */
const clock = fixedClock('2021-12-06T08:00:00Z');
const onDay = (day: string) => clock.set(`${day}T08:00:00Z`);
let env: TestEnv;
let tracerActor: Actor;
/** A tracer's request, logged in at the clock's time (a session does not outlive the days the test moves). */
const tracer = async (opts: InjectOptions) => as(env.app, await loginCookie(env.ctx, tracerActor))(opts);
beforeAll(async () => {
  env = await setupTest({ clock });
  tracerActor = await newStaff(env.ctx, 'tracer');
});
afterAll(() => env.close());

/** An index case and a contact the tracer adds, exposed last on `exposureDate`. */
async function contactOf(exposureDate: string, contact: { phone?: string | null; identityNumber?: string | null; name?: string } = {}) {
  onDay('2021-12-06');
  const index = await newPerson(env.ctx);
  await positiveResult(env, index, '2021-12-05T08:00:00Z');
  const caseId = await caseOf(env, index.id);
  const added = await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/contacts`, payload: { name: contact.name ?? `Kontakt ${randomUUID().slice(0, 6)}`, relation: 'close', exposureDate, phone: contact.phone ?? null, identityNumber: contact.identityNumber ?? null } });
  expect(added.statusCode, added.body).toBe(200);
  return { caseId, contactId: added.json().id as string, name: added.json().name as string };
}

const checkInsOf = (contactId: string) => env.database.query<{ day: string; follow_up_day: number; channel: string }>('SELECT day::text, follow_up_day, channel FROM tracing_check_ins WHERE contact_id = $1 ORDER BY day', [contactId]);
const smsOf = (contactId: string) => env.database.query<{ key: string; body: string }>("SELECT idempotency_key AS key, payload->>'body' AS body FROM outbox WHERE topic = 'message.sms' AND idempotency_key LIKE $1 ORDER BY idempotency_key", [`tracing-check-in:${contactId}:%`]);
const tokenIn = (body: string) => /#([A-Za-z0-9_-]{32})/.exec(body)![1]!;
const lineList = async () => {
  const r = await tracer({ method: 'GET', url: '/api/tracing/follow-ups' });
  expect(r.statusCode, r.body).toBe(200);
  return r.json().contacts as { contactId: string; flags: string[]; followUpDay: number; nextDue: string | null; lastAnswer: unknown; missedInARow: number }[];
};

describe('the daily check-in job', () => {
  it('sends one check-in per contact and day, day 1 to day 7 after last exposure, and then stops', async () => {
    const { contactId } = await contactOf('2021-12-05', { phone: '070-111 22 33' });
    onDay('2021-12-05');
    await sendDueCheckIns(env.ctx);
    expect(await checkInsOf(contactId)).toEqual([]); // the day of exposure is no follow-up day

    for (const day of ['2021-12-06', '2021-12-07', '2021-12-08', '2021-12-09', '2021-12-10', '2021-12-11', '2021-12-12']) {
      onDay(day);
      await sendDueCheckIns(env.ctx);
      await sendDueCheckIns(env.ctx); // a second run the same day sends nothing more
    }
    onDay('2021-12-13');
    await sendDueCheckIns(env.ctx);
    const rows = await checkInsOf(contactId);
    expect(rows.map((r) => [r.day, r.follow_up_day])).toEqual([
      ['2021-12-06', 1], ['2021-12-07', 2], ['2021-12-08', 3], ['2021-12-09', 4], ['2021-12-10', 5], ['2021-12-11', 6], ['2021-12-12', 7],
    ]);
    expect(rows.every((r) => r.channel === 'sms')).toBe(true);
    const sms = await smsOf(contactId);
    expect(sms).toHaveLength(7);
    expect(sms[0]!.body).toContain('dag 1 av 7');
    expect(new Set(sms.map((s) => tokenIn(s.body))).size).toBe(7); // a fresh token every day
  });

  it('puts a contact with neither phone nor e-ID on the phone list, and the tracer records the answer given on the phone', async () => {
    const { contactId } = await contactOf('2021-12-05');
    onDay('2021-12-06');
    await sendDueCheckIns(env.ctx);
    expect((await checkInsOf(contactId)).map((r) => r.channel)).toEqual(['call']);
    expect((await lineList()).find((c) => c.contactId === contactId)).toMatchObject({ flags: ['call'], followUpDay: 1, nextDue: '2021-12-06' });
    const phoned = await tracer({ method: 'POST', url: `/api/tracing/follow-ups/${contactId}/answers`, payload: { day: '2021-12-06', hasSymptoms: false, tested: false } });
    expect(phoned.statusCode, phoned.body).toBe(200);
    expect((await lineList()).find((c) => c.contactId === contactId)).toMatchObject({ flags: [], nextDue: '2021-12-07', lastAnswer: { day: '2021-12-06', via: 'phone', hasSymptoms: false } });
  });
});

describe('answers', () => {
  it('takes symptoms through the link, raises the contact with the advice to test, and lets the tracer order a kit', async () => {
    const person = await newPerson(env.ctx);
    const { contactId } = await contactOf('2021-12-05', { phone: '070-222 33 44', identityNumber: person.identityNumber });
    onDay('2021-12-06');
    await sendDueCheckIns(env.ctx);
    const token = tokenIn((await smsOf(contactId))[0]!.body);
    const inbox = await env.database.query("SELECT 1 FROM outbox WHERE topic = 'message.inbox' AND idempotency_key = $1", [`tracing-check-in:${contactId}:2021-12-06:inbox`]);
    expect(inbox).toHaveLength(1);

    const lookup = await env.app.inject({ method: 'POST', url: '/api/tracing/check-in/lookup', payload: { token } });
    expect(lookup.json()).toEqual({ day: '2021-12-06', followUpDay: 1, days: 7, lastDay: '2021-12-12', answered: false, expired: false });
    const answered = await env.app.inject({ method: 'POST', url: '/api/tracing/check-in', payload: { token, hasSymptoms: true, symptoms: ['fever', 'cough'], tested: false } });
    expect(answered.statusCode, answered.body).toBe(200);
    expect(answered.json()).toMatchObject({ day: '2021-12-06', followUpDay: 1, advice: 'test' });
    const row = (await lineList()).find((c) => c.contactId === contactId)!;
    expect(row).toMatchObject({ flags: ['symptoms'], advice: 'test', lastAnswer: { via: 'link', symptoms: ['fever', 'cough'] } });
    expect((await lineList())[0]!.flags).toContain('symptoms'); // flagged contacts come first

    // Used once: the same link again changes nothing.
    const again = await env.app.inject({ method: 'POST', url: '/api/tracing/check-in', payload: { token, hasSymptoms: false, tested: false } });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('token');

    await env.database.query("INSERT INTO distribution_points (region_id, kind, name, opening_hours) VALUES ($1, 'pharmacy', 'Apoteket Hjärtat', '8–20')", [env.ctx.config.regionId]);
    const points = (await tracer({ method: 'GET', url: '/api/tracing/follow-ups' })).json().distributionPoints as { id: string; name: string }[];
    const point = points.find((p) => p.name === 'Apoteket Hjärtat')!;
    const kit = await tracer({ method: 'POST', url: `/api/tracing/follow-ups/${contactId}/kit-order`, payload: { distributionPointId: point.id } });
    expect(kit.statusCode, kit.body).toBe(200);
    expect((await lineList()).find((c) => c.contactId === contactId)!).toMatchObject({ kitOrderedAt: kit.json().orderedAt });
    const [order] = await env.database.query<{ status: string }>('SELECT status FROM kit_orders WHERE person_id = $1', [person.id]);
    expect(order).toEqual({ status: 'ordered' });
    // One open order at a time.
    expect((await tracer({ method: 'POST', url: `/api/tracing/follow-ups/${contactId}/kit-order`, payload: { distributionPointId: point.id } })).statusCode).toBe(409);
  });

  it('lets the contact answer as a logged-in citizen from the inbox', async () => {
    const person = await newPerson(env.ctx);
    const { contactId } = await contactOf('2021-12-05', { identityNumber: person.identityNumber });
    onDay('2021-12-07');
    await sendDueCheckIns(env.ctx);
    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(person)));
    expect((await citizen({ method: 'GET', url: '/api/tracing/my-check-ins' })).json()).toEqual({ today: '2021-12-07', followUps: [{ contactId, followUpDay: 2, days: 7, lastDay: '2021-12-12', answeredToday: false }] });
    const ok = await citizen({ method: 'POST', url: `/api/tracing/my-check-ins/${contactId}`, payload: { day: '2021-12-07', hasSymptoms: false, tested: true, testDate: '2021-12-06' } });
    expect(ok.statusCode, ok.body).toBe(200);
    expect((await citizen({ method: 'GET', url: '/api/tracing/my-check-ins' })).json().followUps[0].answeredToday).toBe(true);
    // Someone else's follow-up is not found.
    const other = as(env.app, await loginCookie(env.ctx, citizenActor(await newPerson(env.ctx))));
    expect((await other({ method: 'POST', url: `/api/tracing/my-check-ins/${contactId}`, payload: { day: '2021-12-07', hasSymptoms: false, tested: false } })).statusCode).toBe(404);
  });

  it('refuses a day outside follow-up, a day still ahead, an unknown symptom, an expired or unknown link, naming the field, and changes nothing', async () => {
    const person = await newPerson(env.ctx);
    const { contactId } = await contactOf('2021-12-05', { phone: '070-333 44 55', identityNumber: person.identityNumber });
    onDay('2021-12-12');
    await sendDueCheckIns(env.ctx);
    const token = tokenIn((await smsOf(contactId)).at(-1)!.body);
    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(person)));
    const before = await count(env.database, 'tracing_check_ins');
    const answered = () => env.database.query('SELECT 1 FROM tracing_check_ins WHERE contact_id = $1 AND answered_at IS NOT NULL', [contactId]);
    const refusals: [Promise<{ statusCode: number; json(): { errors: { field: string }[] } }>, number, string][] = [
      [citizen({ method: 'POST', url: `/api/tracing/my-check-ins/${contactId}`, payload: { day: '2021-12-05', hasSymptoms: false, tested: false } }), 400, 'day'],
      [citizen({ method: 'POST', url: `/api/tracing/my-check-ins/${contactId}`, payload: { day: '2021-12-13', hasSymptoms: false, tested: false } }), 400, 'day'],
      [citizen({ method: 'POST', url: `/api/tracing/my-check-ins/${contactId}`, payload: { day: '2021-12-12', hasSymptoms: true, symptoms: ['hiccups'], tested: false } }), 400, 'symptoms'],
      [citizen({ method: 'POST', url: `/api/tracing/my-check-ins/${contactId}`, payload: { day: '2021-12-12', hasSymptoms: true, symptoms: [], tested: false } }), 400, 'symptoms'],
      [env.app.inject({ method: 'POST', url: '/api/tracing/check-in', payload: { token: 'A'.repeat(32), hasSymptoms: false, tested: false } }), 404, 'token'],
    ];
    for (const [response, status, field] of refusals) {
      const r = await response;
      expect(r.statusCode).toBe(status);
      expect(JSON.stringify(r.json().errors)).toContain(field);
    }
    onDay('2021-12-13'); // the follow-up ended at midnight: the last link no longer works
    const expired = await env.app.inject({ method: 'POST', url: '/api/tracing/check-in', payload: { token, hasSymptoms: false, tested: false } });
    expect(expired.statusCode).toBe(409);
    expect(expired.json().errors[0].field).toBe('token');
    expect(await count(env.database, 'tracing_check_ins')).toBe(before);
    expect(await answered()).toEqual([]);
  });
});

describe('the line list', () => {
  it('lists a contact after two unanswered days running, with the day of follow-up and the next due day', async () => {
    const { contactId } = await contactOf('2021-12-05', { phone: '070-444 55 66' });
    const row = async () => (await lineList()).find((c) => c.contactId === contactId);
    onDay('2021-12-06');
    await sendDueCheckIns(env.ctx);
    onDay('2021-12-07');
    await sendDueCheckIns(env.ctx);
    expect(await row()).toMatchObject({ followUpDay: 2, missedInARow: 1, flags: [] });
    onDay('2021-12-08');
    await sendDueCheckIns(env.ctx);
    expect(await row()).toMatchObject({ followUpDay: 3, missedInARow: 2, flags: ['missed'], lastAnswer: null, nextDue: '2021-12-08' });
    // Today's answer would not undo the two missed days; the tracer's phone answer for yesterday does.
    const phoned = await tracer({ method: 'POST', url: `/api/tracing/follow-ups/${contactId}/answers`, payload: { day: '2021-12-07', hasSymptoms: false, tested: false } });
    expect(phoned.statusCode, phoned.body).toBe(200);
    expect(await row()).toMatchObject({ missedInARow: 0, flags: [] });
  });
});

describe('a contact who tests positive', () => {
  it('becomes a case linked to the index case, shown on the case, and gets no more check-ins', async () => {
    const person = await newPerson(env.ctx);
    const { caseId: indexCaseId, contactId } = await contactOf('2021-12-05', { phone: '070-555 66 77', identityNumber: person.identityNumber });
    onDay('2021-12-07');
    await sendDueCheckIns(env.ctx);
    await positiveResult(env, person, '2021-12-08T07:00:00Z');
    const newCase = await caseOf(env, person.id);
    const [linked] = await env.database.query<{ index_case_id: string; source_contact_id: string }>('SELECT index_case_id, source_contact_id FROM tracing_cases WHERE id = $1', [newCase]);
    expect(linked).toEqual({ index_case_id: indexCaseId, source_contact_id: contactId });
    const file = await tracer({ method: 'GET', url: `/api/tracing/cases/${newCase}` });
    expect(file.statusCode, file.body).toBe(200);
    expect(file.json().case.indexCaseId).toBe(indexCaseId);

    onDay('2021-12-08');
    await sendDueCheckIns(env.ctx);
    expect((await checkInsOf(contactId)).map((r) => r.day)).toEqual(['2021-12-07']);
    expect((await lineList()).find((c) => c.contactId === contactId)).toBeUndefined();
  });

  it('is not linked when the positive comes after the follow-up ended', async () => {
    const person = await newPerson(env.ctx);
    await contactOf('2021-11-20', { identityNumber: person.identityNumber });
    await positiveResult(env, person, '2021-12-06T07:00:00Z');
    const [row] = await env.database.query<{ index_case_id: string | null }>('SELECT index_case_id FROM tracing_cases WHERE id = $1', [await caseOf(env, person.id)]);
    expect(row!.index_case_id).toBeNull();
  });
});
