import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv, asStaffElsewhere } from '../../test/harness.js';
import { caseOf, positiveResult } from '../../test/positives.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTest();
});
afterAll(() => env.close());

const inbox = (personId: string) => env.database.query<{ subject: string; body: string }>("SELECT subject, body FROM delivered_messages WHERE channel = 'inbox' AND person_id = $1 ORDER BY delivered_at", [personId]);

describe('from a positive to a closed case', () => {
  it('sends the questionnaire, informs the household as it is named, and closes only after SmiNet', async () => {
    const index = await newPerson(env.ctx, { givenName: 'Indra', phone: '070-1112233' });
    const partner = await newPerson(env.ctx, { givenName: 'Partner' });
    await positiveResult(env, index, '2021-12-06T08:00:00Z');
    const caseId = await caseOf(env, index.id);

    // The questionnaire link reached the 1177 inbox (and an SMS) in the transaction that opened the case.
    expect((await inbox(index.id)).map((m) => m.body).join()).toContain('/tracing/questionnaire');
    const sms = await env.database.query("SELECT recipient FROM delivered_messages WHERE channel = 'sms' AND person_id = $1", [index.id]);
    expect(sms).toEqual([{ recipient: '070-1112233' }]);

    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(index)));
    expect((await citizen({ method: 'GET', url: '/api/tracing/my-questionnaire' })).json()).toMatchObject({ caseId, savedAt: null });

    // A bad identity number is refused naming the field, and nothing is saved.
    const householdId = randomUUID();
    const bad = await citizen({ method: 'PUT', url: '/api/tracing/my-questionnaire', payload: { answers: { household: [{ id: householdId, name: 'Partner', identityNumber: '19800101-0000' }] }, submit: false } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('answers.household[0].identityNumber');
    // An identity number sent empty is refused too, not taken for "no number" (leave the field out for that).
    const empty = await citizen({ method: 'PUT', url: '/api/tracing/my-questionnaire', payload: { answers: { household: [{ id: householdId, name: 'Partner', identityNumber: ' ' }] }, submit: false } });
    expect(empty.statusCode).toBe(400);
    expect(empty.json().errors).toEqual([{ field: 'answers.household[0].identityNumber', label: 'Identity number', message: 'The identity number is empty' }]);
    expect((await citizen({ method: 'GET', url: '/api/tracing/my-questionnaire' })).json().savedAt).toBeNull();

    // Saved step by step: the household member is informed as soon as they are named.
    const step1 = await citizen({ method: 'PUT', url: '/api/tracing/my-questionnaire', payload: { answers: { symptomOnset: '2021-12-04', household: [{ id: householdId, name: 'Partner', identityNumber: partner.identityNumber }] }, submit: false } });
    expect(step1.statusCode, step1.body).toBe(200);
    await env.worker.drain();
    expect((await inbox(partner.id)).map((m) => m.subject)).toEqual(['Du är hushållskontakt till en person med covid-19']);
    const friendId = randomUUID();
    const done = await citizen({
      method: 'PUT',
      url: '/api/tracing/my-questionnaire',
      payload: {
        answers: { symptomOnset: '2021-12-04', household: [{ id: householdId, name: 'Partner', identityNumber: partner.identityNumber }], closeContacts: [{ id: friendId, name: 'Vän', phone: '0701234567', context: 'middag' }], settings: [{ kind: 'workplace', name: 'Lagret AB' }] },
        submit: true,
      },
    });
    expect(done.json().submittedAt).not.toBeNull();
    await env.worker.drain();
    expect(await inbox(partner.id)).toHaveLength(1); // saving again informs nobody twice

    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
    const emptyNumber = await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/contacts`, payload: { name: 'Granne', relation: 'close', identityNumber: '' } });
    expect(emptyNumber.statusCode).toBe(400);
    expect(emptyNumber.json().errors).toEqual([{ field: 'identityNumber', label: 'Identity number', message: 'The identity number is empty' }]);
    const audited = () => count(env.database, 'audit_log');
    const auditBefore = await audited();
    const file = (await tracer({ method: 'GET', url: `/api/tracing/cases/${caseId}` })).json();
    // Every person whose data the case page shows is an audited read: the index, and each contact in the register (their test result).
    const shown = new Set([file.case.personId, ...file.contacts.map((c: { personId: string | null }) => c.personId).filter(Boolean)]);
    expect(await audited()).toBe(auditBefore + shown.size);
    expect(await env.database.query(`SELECT 1 FROM audit_log WHERE action = 'tracing.contact.read' AND person_id = $1`, [partner.id])).toHaveLength(1);
    expect(file.questionnaire.submittedAt).not.toBeNull();
    expect(file.contacts.map((c: { name: string; status: string; personId: string | null }) => [c.name, c.status, c.personId])).toEqual([
      ['Partner', 'informed', partner.id],
      ['Vän', 'named', null],
    ]);
    // The form's keys find the rows it named; the contacts' ids are the server's own.
    const friend = file.contacts.find((c: { name: string }) => c.name === 'Vän');
    expect(file.contacts.map((c: { id: string }) => c.id)).not.toContain(friendId);
    expect(file.contacts.map((c: { id: string }) => c.id)).not.toContain(householdId);

    // The tracer gives advice, has the index inform their own contacts... then changes their mind and informs them.
    const advice = await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/notes`, payload: { kind: 'advice', text: 'Samtal med index', advice: ['stay-home', 'household-test'] } });
    expect(advice.json()).toMatchObject({ kind: 'advice', advice: ['stay-home', 'household-test'] });
    expect((await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/notes`, payload: { kind: 'advice', text: 'x', advice: ['dance'] } })).statusCode).toBe(400);
    expect((await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/contacts-informed-by`, payload: { by: 'index' } })).json()).toEqual({ contactsInformedBy: 'index', informed: 0 });
    expect((await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/contacts/${friend.id}/inform`, payload: {} })).json()).toMatchObject({ status: 'informed', informedBy: 'tracer' });
    await env.worker.drain();
    expect(await env.database.query("SELECT body FROM delivered_messages WHERE channel = 'sms' AND recipient = '0701234567'")).toHaveLength(1);

    // Closing before the clinical notification is refused, with the reason.
    const early = await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/close`, payload: {} });
    expect(early.statusCode).toBe(409);
    expect(early.headers['content-type']).toContain('application/problem+json');
    expect(early.json().detail).toContain('SmiNet');

    const notified = await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/sminet`, payload: { likelyInfectionCountry: 'SE', setting: 'workplace', likelyInfectionPlace: 'Lagret AB' } });
    expect(notified.json()).toMatchObject({ status: 'queued' });
    expect(notified.json().document).toMatchObject({
      format: 'lagesbild.sminet.clinical/1',
      disease: { code: 'U07.1' },
      patient: { identityNumber: expect.stringMatching(/^\d{8}-\d{4}$/) },
      dates: { sampleTaken: '2021-12-06', symptomOnset: '2021-12-04' },
      infection: { likelyCountry: 'SE', setting: 'workplace' },
      contactTracing: { contactsIdentified: 2 },
    });
    expect((await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/sminet`, payload: {} })).statusCode).toBe(409);
    await env.worker.drain();
    const sent = (await tracer({ method: 'GET', url: `/api/tracing/cases/${caseId}` })).json().notification;
    expect(sent).toMatchObject({ status: 'sent', reference: expect.stringMatching(/^SMI-/) });

    const closed = await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/close`, payload: {} });
    expect(closed.json()).toMatchObject({ status: 'closed' });
    expect((await tracer({ method: 'POST', url: `/api/tracing/cases/${caseId}/notes`, payload: { kind: 'journal', text: 'efteråt' } })).statusCode).toBe(404);
    const audit = await env.database.query<{ action: string }>("SELECT action FROM audit_log WHERE person_id = $1 AND action LIKE 'tracing.%' ORDER BY id", [index.id]);
    expect(audit.map((a) => a.action)).toEqual(expect.arrayContaining(['tracing.case.opened', 'tracing.questionnaire.submitted', 'tracing.case.read', 'tracing.sminet.notified', 'tracing.case.closed']));
  });

  it('keeps the case file within the region', async () => {
    const person = await newPerson(env.ctx);
    await positiveResult(env, person, '2021-12-07T08:00:00Z');
    const caseId = await caseOf(env, person.id);
    const stockholm = await asStaffElsewhere(env, '01', 'tracer');
    expect((await stockholm({ method: 'GET', url: `/api/tracing/cases/${caseId}` })).statusCode).toBe(404);
    expect((await stockholm({ method: 'POST', url: `/api/tracing/cases/${caseId}/close`, payload: {} })).statusCode).toBe(404);
    const someoneElse = as(env.app, await loginCookie(env.ctx, citizenActor(await newPerson(env.ctx))));
    expect((await someoneElse({ method: 'GET', url: '/api/tracing/my-questionnaire' })).statusCode).toBe(404);
  });
});
