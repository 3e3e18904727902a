import type { InjectOptions } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, asStaffElsewhere, count, loginCookie, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import type { Actor } from '../platform/auth/actor.js';
import { stockholmTime } from '../platform/time.js';
import { insertCase } from './register.js';

// The seed's meeting: Hälso- och sjukvårdsnämnden, 1 December 2021; justering by 15 December.
let now = stockholmTime('2021-11-15', '09:00');
let env: TestEnv;
let secretary: ReturnType<typeof as>;
let member: ReturnType<typeof as>;
const anonymous = (opts: InjectOptions) => env.app.inject(opts);

const completeMemo = {
  rapporteur: 'Michaela Larsson',
  proposal: ['att anse medborgarförslaget besvarat.'],
  summary: 'Det har lämnats in ett medborgarförslag om vaccinationer i Lindesberg.',
  background: 'Förslaget har beretts av hälso- och sjukvårdsförvaltningen.',
  assessment: 'Vaccination erbjuds redan på vårdcentralen.',
  environment: 'Förslaget bedöms inte påverka miljön.',
  children: 'Barn berörs inte särskilt.',
  genderEquality: 'Förslaget bedöms inte påverka jämställdheten.',
  economy: 'Inga ekonomiska konsekvenser.',
  supportingDocuments: ['Medborgarförslag om vaccinationer'],
  sendTo: [
    { name: 'Förslagsställaren', email: 'forslag@example.se' },
    { name: 'Hälso- och sjukvårdsdirektören', email: 'hsf@example.se' },
  ],
};

async function post(who: ReturnType<typeof as>, url: string, payload: object, status = 201) {
  const res = await who({ method: 'POST', url, payload });
  expect(res.statusCode, res.body).toBe(status);
  return res.json();
}

async function proposal(title = 'Medborgarförslag om vaccinationer i Lindesberg', publishName = false) {
  return post(secretary, '/api/governance/cases', { type: 'citizen_proposal', title, caseOfficer: 'Michaela Larsson', proposer: { name: 'Anna Andersson', email: 'forslag@example.se', publishName } });
}

async function meeting(heldOn = '2021-12-01', checkDeadline = '2021-12-15') {
  return post(secretary, '/api/governance/meetings', { body: 'Hälso- och sjukvårdsnämnden', heldOn, startsAt: '09:00', place: 'Regionens hus, Örebro', chair: 'Andreas Svahn', checkers: ['Behcet Barsom'], checkDeadline });
}

let staff: { secretary: Actor; member: Actor };

/** Moves the clock; sessions run on it too, so the staff log in again. */
async function at(day: string, time: string) {
  now = stockholmTime(day, time);
  secretary = as(env.app, await loginCookie(env.ctx, staff.secretary));
  member = as(env.app, await loginCookie(env.ctx, staff.member));
}

beforeAll(async () => {
  env = await setupTest({ clock: { now: () => now } });
  staff = { secretary: await newStaff(env.ctx, 'committee_secretary'), member: await newStaff(env.ctx, 'committee_member') };
  await at('2021-11-15', '09:00');
});
afterAll(() => env.close());

describe('case register', () => {
  it('numbers cases in the default format without gaps or doubles under concurrent registration', async () => {
    const results = await Promise.all(Array.from({ length: 12 }, (_, i) => secretary({ method: 'POST', url: '/api/governance/cases', payload: { type: 'information', title: `Information ${i}` } })));
    expect(results.map((r) => r.statusCode)).toEqual(Array(12).fill(201));
    const numbers = results.map((r) => r.json().caseNumber as string).sort((a, b) => Number(a.slice(4)) - Number(b.slice(4)));
    expect(numbers).toEqual(Array.from({ length: 12 }, (_, i) => `21RS${i + 1}`));
  });

  it('gives the number of a registration that failed to the next one (no gap)', async () => {
    const actor = staff.secretary;
    await expect(
      env.database.db.transaction(async (tx) => {
        await insertCase(tx, actor, { type: 'information', title: 'Rullas tillbaka' }, now);
        throw new Error('the rest of the registration failed');
      }),
    ).rejects.toThrow(/failed/);
    expect((await post(secretary, '/api/governance/cases', { type: 'information', title: 'Efter återställning' })).caseNumber).toBe('21RS13');
  });

  it('takes an existing diarienummer in the format, refuses a malformed or duplicate one, and continues after it', async () => {
    const c = await post(secretary, '/api/governance/cases', { caseNumber: '21RS5471', type: 'citizen_proposal', title: 'Återöppna primärjouren vid Lindesbergs lasarett', proposer: { name: 'N.N.', publishName: false } });
    expect(c.caseNumber).toBe('21RS5471');
    const before = await count(env.database, 'governance_cases');
    const malformed = await secretary({ method: 'POST', url: '/api/governance/cases', payload: { caseNumber: '21-RS-5471', type: 'information', title: 'x' } });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0].field).toBe('caseNumber');
    const duplicate = await secretary({ method: 'POST', url: '/api/governance/cases', payload: { caseNumber: '21RS5471', type: 'information', title: 'x' } });
    expect(duplicate.statusCode).toBe(409);
    expect(duplicate.json().detail ?? duplicate.json().title).toMatch(/already registered/);
    expect(await count(env.database, 'governance_cases')).toBe(before);
    expect((await post(secretary, '/api/governance/cases', { type: 'information', title: 'Nästa' })).caseNumber).toBe('21RS5472');
  });

  it('follows a changed format; a member reads but may not register', async () => {
    const bad = await secretary({ method: 'PUT', url: '/api/governance/settings', payload: { caseNumberFormat: 'RS{serial}' } });
    expect(bad.statusCode).toBe(400);
    await secretary({ method: 'PUT', url: '/api/governance/settings', payload: { caseNumberFormat: 'HSN-{yyyy}/{serial}' } });
    expect((await post(secretary, '/api/governance/cases', { type: 'information', title: 'Med nytt format' })).caseNumber).toBe('HSN-2021/5473');
    await secretary({ method: 'PUT', url: '/api/governance/settings', payload: { caseNumberFormat: '{yy}RS{serial}' } });
    expect((await member({ method: 'POST', url: '/api/governance/cases', payload: { type: 'information', title: 'x' } })).statusCode).toBe(403);
    expect((await member({ method: 'GET', url: '/api/governance/cases' })).statusCode).toBe(200);
  });

  it('audits a read of the proposer, and keeps a case of another region out of reach', async () => {
    const c = await proposal();
    await member({ method: 'GET', url: `/api/governance/cases/${c.id}` });
    const [read] = await env.database.query<{ action: string; details: { caseNumber: string } }>(`SELECT action, details FROM audit_log ORDER BY at DESC LIMIT 1`);
    expect(read).toMatchObject({ action: 'governance.proposer.read', details: { caseNumber: c.caseNumber } });
    const elsewhere = await asStaffElsewhere(env, '03', 'committee_secretary');
    const res = await elsewhere({ method: 'GET', url: `/api/governance/cases/${c.id}` });
    expect(res.statusCode).toBe(404);
  });
});

describe('briefing memo and agenda', () => {
  it('flags missing mandatory sections and keeps a case without them off the agenda', async () => {
    const c = await proposal();
    const m = await meeting();
    const noMemo = await secretary({ method: 'POST', url: `/api/governance/meetings/${m.id}/items`, payload: { caseId: c.id } });
    expect(noMemo.statusCode).toBe(400);
    expect(noMemo.json().errors[0]).toMatchObject({ field: 'caseId' });
    const partial = await secretary({ method: 'PUT', url: `/api/governance/cases/${c.id}/memo`, payload: { ...completeMemo, children: '', economy: null } });
    expect(partial.json()).toMatchObject({ status: 'in_preparation', missingSections: ['children', 'economy'] });
    const refused = await secretary({ method: 'POST', url: `/api/governance/meetings/${m.id}/items`, payload: { caseId: c.id } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().detail ?? refused.json().title).toMatch(/children, economy/);
    expect(await count(env.database, 'governance_agenda_items')).toBe(0);
    const notAtt = await secretary({ method: 'PUT', url: `/api/governance/cases/${c.id}/memo`, payload: { ...completeMemo, proposal: ['anse förslaget besvarat'] } });
    expect(notAtt.json().errors[0].field).toBe('proposal.0');
    const ready = await secretary({ method: 'PUT', url: `/api/governance/cases/${c.id}/memo`, payload: completeMemo });
    expect(ready.json()).toMatchObject({ status: 'ready', missingSections: [] });
    const agenda = await post(secretary, `/api/governance/meetings/${m.id}/items`, { caseId: c.id });
    expect(agenda.items).toMatchObject([{ position: 1, caseNumber: c.caseNumber, rapporteur: 'Michaela Larsson', proposal: completeMemo.proposal }]);
    const pdf = await member({ method: 'GET', url: `/api/governance/meetings/${m.id}/agenda.pdf` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
  });
});

describe('decisions, justering and anslag', () => {
  let meetingId: string;
  let itemId: string;
  let caseId: string;

  beforeAll(async () => {
    await at('2021-11-15', '09:00');
    const c = await proposal('Medborgarförslag om vaccinationsbuss', true);
    caseId = c.id;
    await secretary({ method: 'PUT', url: `/api/governance/cases/${c.id}/memo`, payload: completeMemo });
    const m = await meeting('2021-12-01', '2021-12-15');
    meetingId = m.id;
    itemId = (await post(secretary, `/api/governance/meetings/${m.id}/items`, { caseId: c.id })).items[0].id;
  });

  it("takes the memo's 'att' clauses as the decision by default, with votes, reservations and jäv", async () => {
    await at('2021-12-01', '11:00');
    const res = await secretary({ method: 'PUT', url: `/api/governance/items/${itemId}/decision`, payload: { votes: { yes: 10, no: 3, abstain: 0 }, reservations: [{ member: 'Peter Björk (S)', text: 'Till förmån för eget yrkande' }], conflicts: ['Carl Alm (M)'] } });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().items[0]).toMatchObject({ decision: ['att anse medborgarförslaget besvarat.'], outcome: 'deemed_answered', conflicts: ['Carl Alm (M)'] });
    expect((await secretary({ method: 'GET', url: `/api/governance/cases/${caseId}` })).json()).toMatchObject({ status: 'decided', outcome: 'deemed_answered' });
  });

  it('refuses a signer who is not named, and posting before justering', async () => {
    const res = await secretary({ method: 'POST', url: `/api/governance/meetings/${meetingId}/signatures`, payload: { signer: 'Någon Annan' } });
    expect(res.json().errors[0].field).toBe('signer');
    expect((await secretary({ method: 'POST', url: `/api/governance/meetings/${meetingId}/posting`, payload: {} })).statusCode).toBe(409);
  });

  it('refuses a justering after the deadline without a reason, and takes it with one', async () => {
    await at('2021-12-10', '10:00');
    // A member signs as themselves only; the chair here signs in person as a member of the committee.
    const chair = as(env.app, await loginCookie(env.ctx, { ...(await newStaff(env.ctx, 'committee_member')), name: 'Andreas Svahn' }));
    expect((await chair({ method: 'POST', url: `/api/governance/meetings/${meetingId}/signatures`, payload: { signer: 'Behcet Barsom' } })).statusCode).toBe(403);
    await post(chair, `/api/governance/meetings/${meetingId}/signatures`, { signer: 'Andreas Svahn' }, 200);
    await at('2021-12-16', '10:00');
    const late = await secretary({ method: 'POST', url: `/api/governance/meetings/${meetingId}/signatures`, payload: { signer: 'Behcet Barsom' } });
    expect(late.statusCode).toBe(400);
    expect(late.json().errors[0]).toMatchObject({ field: 'lateReason' });
    expect(await count(env.database, 'governance_minute_signatures')).toBe(1);
    const checked = await post(secretary, `/api/governance/meetings/${meetingId}/signatures`, { signer: 'Behcet Barsom', lateReason: 'Justeraren var sjuk' }, 200);
    expect(checked.minutes).toMatchObject({ lateReason: 'Justeraren var sjuk' });
    expect(checked.minutes.checkedAt).toBeTruthy();
  });

  it('keeps checked minutes immutable, in the API and in the database; a correction is a new entry', async () => {
    const edit = await secretary({ method: 'PUT', url: `/api/governance/items/${itemId}/decision`, payload: { decision: ['att avslå medborgarförslaget.'] } });
    expect(edit.statusCode).toBe(409);
    expect(edit.json().detail ?? edit.json().title).toMatch(/checked/);
    await expect(env.database.query(`UPDATE governance_agenda_items SET decision = '["att avslå"]' WHERE id = $1`, [itemId])).rejects.toThrow(/immutable/);
    await expect(env.database.query(`DELETE FROM governance_agenda_items WHERE id = $1`, [itemId])).rejects.toThrow(/immutable/);
    await expect(env.database.query(`UPDATE governance_minutes SET late_reason = 'annat' WHERE meeting_id = $1`, [meetingId])).rejects.toThrow(/immutable/);
    await expect(env.database.query(`UPDATE governance_meetings SET chair = 'X' WHERE id = $1`, [meetingId])).rejects.toThrow(/immutable/);
    const [row] = await env.database.query<{ decision: string[] }>(`SELECT decision FROM governance_agenda_items WHERE id = $1`, [itemId]);
    expect(row!.decision).toEqual(['att anse medborgarförslaget besvarat.']);
    const fixed = await post(secretary, `/api/governance/meetings/${meetingId}/corrections`, { itemId, text: 'Reservationen gällde § 3, inte § 4.' });
    expect(fixed.minutes.corrections).toMatchObject([{ itemId, text: 'Reservationen gällde § 3, inte § 4.' }]);
  });

  it('posts the minutes with the appeal period and sends an extract to every recipient through the outbox', async () => {
    const before = await count(env.database, 'outbox');
    const posted = await post(secretary, `/api/governance/meetings/${meetingId}/posting`, {}, 200);
    expect(posted.minutes).toMatchObject({ postedOn: '2021-12-16', appealFrom: '2021-12-16', appealUntil: '2022-01-06' });
    expect(posted.items[0].extracts.map((e: { email: string }) => e.email).sort()).toEqual(['forslag@example.se', 'hsf@example.se']);
    expect(await count(env.database, 'outbox')).toBe(before + 2);
    await env.worker.drain();
    const [mail] = await env.database.query<{ body: string; subject: string }>(`SELECT body, subject FROM delivered_messages WHERE recipient = 'forslag@example.se'`);
    expect(mail!.body).toMatch(/att anse medborgarförslaget besvarat/);
    expect(mail!.body).toMatch(/2022-01-06/);
    expect((await secretary({ method: 'POST', url: `/api/governance/meetings/${meetingId}/posting`, payload: {} })).statusCode).toBe(409);
  });

  it('shows the decided case in the public register with the proposer named by consent', async () => {
    const res = await anonymous({ method: 'GET', url: `/api/governance/public/cases/${caseId}` });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ proposer: { name: 'Anna Andersson', published: true }, decisions: [{ decision: ['att anse medborgarförslaget besvarat.'] }] });
    expect(JSON.stringify(res.json())).not.toMatch(/example\.se/);
  });
});

describe('secrecy, the public register and search', () => {
  let caseId: string;
  let secretId: string;

  beforeAll(async () => {
    const c = await post(secretary, '/api/governance/cases', { type: 'audit_report', title: 'Granskning av 1177 Vårdguiden på telefon' });
    caseId = c.id;
    await post(secretary, `/api/governance/cases/${c.id}/documents`, { title: 'Revisionsrapport', body: 'Revisorerna bedömer att vaccinationerna av personal följs upp delvis.' });
    secretId = (await post(secretary, `/api/governance/cases/${c.id}/documents`, { title: 'Säkerhetsanalys av telefonisystemet', body: 'Sårbarheter i växelns kryptering beskrivs här.', secrecy: { chapter: 18, section: 8 } })).id;
  });

  it('withholds a secret document in the public register and shows its ground', async () => {
    const res = (await anonymous({ method: 'GET', url: `/api/governance/public/cases/${caseId}` })).json();
    expect(res.documents).toEqual([
      expect.objectContaining({ secret: false, title: 'Revisionsrapport' }),
      expect.objectContaining({ secret: true, secrecyGround: 'OSL 18 kap. 8 §', title: null, body: null }),
    ]);
    expect(JSON.stringify(res)).not.toMatch(/kryptering|Säkerhetsanalys/);
  });

  it('refuses a secret document to a member and releases it to the secretary, audited', async () => {
    const refused = await member({ method: 'GET', url: `/api/governance/documents/${secretId}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().detail ?? refused.json().title).toMatch(/OSL 18 kap. 8 §/);
    const audits = await count(env.database, 'audit_log');
    const released = await secretary({ method: 'GET', url: `/api/governance/documents/${secretId}` });
    expect(released.json().body).toMatch(/kryptering/);
    const [a] = await env.database.query<{ action: string; details: { documentId: string } }>(`SELECT action, details FROM audit_log ORDER BY at DESC LIMIT 1`);
    expect(a).toMatchObject({ action: 'governance.document.secret-released', details: { documentId: secretId } });
    expect(await count(env.database, 'audit_log')).toBe(audits + 1);
  });

  it('finds a word in another inflection, ranked with snippets, and only what the reader may see', async () => {
    const pub = (await anonymous({ method: 'GET', url: `/api/governance/public/cases?q=vaccination` })).json();
    expect(pub.hits.length).toBeGreaterThan(0);
    expect(pub.hits.some((h: { snippet: string }) => /«vaccinationerna?»/i.test(h.snippet))).toBe(true);
    const ranks = pub.hits.map((h: { rank: number }) => h.rank);
    expect(ranks).toEqual([...ranks].sort((a, b) => b - a));
    // A secret document's words are found by the secretary only.
    expect((await anonymous({ method: 'GET', url: `/api/governance/public/cases?q=kryptering` })).json().hits).toEqual([]);
    expect((await member({ method: 'GET', url: `/api/governance/search?q=kryptering` })).json().hits).toEqual([]);
    const secret = (await secretary({ method: 'GET', url: `/api/governance/search?q=krypteringen` })).json();
    expect(secret.hits).toMatchObject([{ kind: 'document', id: secretId }]);
    // A correction of checked minutes is found as a new entry of the minutes.
    const corrected = (await anonymous({ method: 'GET', url: `/api/governance/public/cases?q=reservationerna` })).json();
    expect(corrected.hits).toMatchObject([{ kind: 'minutes' }]);
    // Filters narrow by type.
    const typed = (await member({ method: 'GET', url: `/api/governance/search?q=vaccinationer&type=audit_report` })).json();
    expect(typed.hits.every((h: { type: string }) => h.type === 'audit_report')).toBe(true);
  });
});

describe('delegated decisions and follow-up', () => {
  it("lists a delegated decision on the next meeting's reported decisions automatically", async () => {
    await at('2022-01-10', '09:00');
    const feb = await meeting('2022-02-09', '2022-02-20');
    const mar = await meeting('2022-03-16', '2022-03-30');
    const d = await post(secretary, '/api/governance/delegated-decisions', { title: 'Tillfälligt minskat antal vårdplatser, avd. 12', delegate: 'Hälso- och sjukvårdsdirektören', delegationPoint: '3.2', decidedOn: '2022-01-05', summary: 'Sex vårdplatser färre under januari.' });
    expect(d).toMatchObject({ type: 'delegated_decision', status: 'decided' });
    expect((await member({ method: 'GET', url: `/api/governance/meetings/${feb.id}` })).json().reportedDecisions).toMatchObject([{ caseNumber: d.caseNumber, delegate: 'Hälso- och sjukvårdsdirektören' }]);
    expect((await member({ method: 'GET', url: `/api/governance/meetings/${mar.id}` })).json().reportedDecisions).toEqual([]);
    const future = await secretary({ method: 'POST', url: '/api/governance/delegated-decisions', payload: { title: 'x', delegate: 'y', delegationPoint: '1', decidedOn: '2022-02-01', summary: 'z' } });
    expect(future.json().errors[0].field).toBe('decidedOn');
  });

  it("follows an audit's recommendations and questions to the end, listing what is overdue", async () => {
    const audit = await post(secretary, '/api/governance/cases', { type: 'audit_report', title: 'Granskning av 1177' });
    const rec = await post(secretary, `/api/governance/cases/${audit.id}/actions`, { source: 'audit_recommendation', title: 'Säkerställ uppföljning av svarstider', owner: 'Hälso- och sjukvårdsdirektören', ownerEmail: 'direktoren@example.se', dueOn: '2022-01-01' });
    expect(rec.overdue).toBe(true);
    await post(secretary, `/api/governance/cases/${audit.id}/actions`, { source: 'audit_recommendation', title: 'Utan e-post', owner: 'Någon', dueOn: '2021-12-31' });
    // A follow-up round asks the owners with an address through the outbox, once a day.
    const round = await post(secretary, '/api/governance/actions/status-requests', { caseId: audit.id }, 200);
    expect(round).toEqual({ asked: 1, withoutEmail: 1 });
    const outboxBefore = await count(env.database, 'outbox');
    await post(secretary, '/api/governance/actions/status-requests', { caseId: audit.id }, 200);
    expect(await count(env.database, 'outbox')).toBe(outboxBefore);
    const [req] = await env.database.query<{ payload: { to: string; body: string } }>(`SELECT payload FROM outbox WHERE idempotency_key LIKE 'governance-status-request:%'`);
    expect(req!.payload).toMatchObject({ to: 'direktoren@example.se', body: expect.stringContaining('Säkerställ uppföljning av svarstider') });
    const wrong = await secretary({ method: 'POST', url: `/api/governance/cases/${audit.id}/actions`, payload: { source: 'plan_activity', title: 'x', owner: 'y', dueOn: '2022-01-01' } });
    expect(wrong.json().errors[0].field).toBe('source');
    expect((await member({ method: 'GET', url: '/api/governance/actions?overdue=true' })).json().actions.map((a: { id: string }) => a.id)).toContain(rec.id);
    await secretary({ method: 'PATCH', url: `/api/governance/actions/${rec.id}`, payload: { status: 'done', statusNote: 'Införd månadsrapport' } });
    expect((await member({ method: 'GET', url: '/api/governance/actions?overdue=true' })).json().actions.map((a: { id: string }) => a.id)).not.toContain(rec.id);
    await post(secretary, `/api/governance/cases/${audit.id}/audit-questions`, { question: 'Finns en ändamålsenlig styrning?', assessment: 'partly_met', reply: 'Styrningen ses över.' });
    expect((await member({ method: 'GET', url: `/api/governance/cases/${audit.id}/audit-questions` })).json().questions).toMatchObject([{ assessment: 'partly_met' }]);
  });
});
