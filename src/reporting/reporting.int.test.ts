import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, otherRegionInstance, setupTest, type TestEnv } from '../../test/harness.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import type { TemplateInput } from './template.js';

let env: TestEnv;
let national: ReturnType<typeof as>;
let analyst18: ReturnType<typeof as>;
let analyst18b: ReturnType<typeof as>;
let analyst03: ReturnType<typeof as>;
let analyst03b: ReturnType<typeof as>;
const today = calendarDateInStockholm(new Date());
const addDays = (n: number) => new Date(Date.parse(`${today}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

const template: TemplateInput = {
  sections: [
    {
      id: 'main',
      title: 'Genomförande',
      questions: [
        { id: 'overall', kind: 'traffic_light', label: 'Bedömning', mandatory: true },
        { id: 'doses', kind: 'number', label: 'Givna doser', unit: 'doser', definition: 'Doser i perioden', integer: true, min: 0, mandatory: true },
        { id: 'tests', kind: 'number', label: 'Tester', unit: 'tester', definition: 'Tester i perioden', integer: true, min: 0, prefill: 'testing.tests' },
        { id: 'per_type', kind: 'table', label: 'Per testtyp', rows: [{ key: 'pcr', label: 'PCR' }, { key: 'antigen', label: 'Antigen' }], columns: [{ key: 'tests', label: 'Tester' }, { key: 'positive', label: 'Positiva' }], prefill: 'testing.perTestType' },
        { id: 'named', kind: 'number', label: 'Fast läkarkontakt', unit: '%', definition: 'Andel listade', min: 0, max: 100, prefill: 'indicators.namedDoctor' },
        { id: 'certs', kind: 'table', label: 'Intyg', rows: [{ key: 'vaccination', label: 'Vaccinationsbevis' }, { key: 'refused', label: 'Avslag' }], columns: [{ key: 'count', label: 'Antal' }], prefill: 'certificates.perKind' },
        { id: 'describe', kind: 'text', label: 'Beskriv arbetet', maxLength: 200 },
        { id: 'initiatives', kind: 'initiatives', label: 'Insatser', developmentArea: 'Nära vård' },
      ],
    },
  ],
};

let agreementId: string;
let templateId: string;
let versionId: string;
let roundId: string;

beforeAll(async () => {
  env = await setupTest();
  national = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'national_analyst')));
  analyst18 = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
  analyst18b = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
  const other = await otherRegionInstance(env, '03');
  analyst03 = as(other.app, await loginCookie(other.ctx, await newStaff(other.ctx, 'analyst', '03')));
  analyst03b = as(other.app, await loginCookie(other.ctx, await newStaff(other.ctx, 'analyst', '03')));
}, 60_000);
afterAll(() => env.close());

const answers = (who: ReturnType<typeof as>, org: string, body: unknown) => who({ method: 'PUT', url: `/api/reporting/rounds/${roundId}/returns/${org}/answers`, payload: body as object });
const returnOf = (who: ReturnType<typeof as>, org: string) => who({ method: 'GET', url: `/api/reporting/rounds/${roundId}/returns/${org}` });

describe('templates and rounds', () => {
  it('creates an agreement and a versioned template; a broken template is refused naming the field', async () => {
    const a = await national({ method: 'POST', url: '/api/reporting/agreements', payload: { name: 'Vaccination mot covid-19 (test)' } });
    expect(a.statusCode).toBe(201);
    agreementId = a.json().id;
    const twice = { sections: [{ id: 's', title: 'S', questions: [{ id: 'x', kind: 'date', label: 'X' }, { id: 'x', kind: 'date', label: 'Y' }] }] };
    const bad = await national({ method: 'POST', url: '/api/reporting/templates', payload: { name: 'Trasig', content: twice } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('content.sections.0.questions.1.id');
    const t = await national({ method: 'POST', url: '/api/reporting/templates', payload: { name: 'Testmall', content: template } });
    expect(t.statusCode).toBe(201);
    expect(t.json().version).toBe(1);
    templateId = t.json().templateId;
    versionId = t.json().id;
    const v2 = await national({ method: 'POST', url: `/api/reporting/templates/${templateId}/versions`, payload: { content: template } });
    expect(v2.json().version).toBe(2);
    expect((await analyst18({ method: 'POST', url: '/api/reporting/templates', payload: { name: 'X', content: template } })).statusCode).toBe(403);
  });

  it('opens a round for two regions; a new template version of a running round is refused', async () => {
    const r = await national({ method: 'POST', url: '/api/reporting/rounds', payload: { agreementId, name: 'Uppföljning 1', kind: 'monthly', periodFrom: addDays(-30), periodTo: addDays(-1), opensOn: addDays(-1), deadline: addDays(2), templateVersionId: versionId, organisations: ['region-18', 'region-03'] } });
    expect(r.statusCode).toBe(201);
    roundId = r.json().id;
    expect(r.json().phase).toBe('open');
    const v2 = (await national({ method: 'GET', url: '/api/reporting/templates' })).json().templates.find((t: { id: string }) => t.id === templateId).versions[1].id;
    const change = await national({ method: 'PUT', url: `/api/reporting/rounds/${roundId}/template`, payload: { templateVersionId: v2 } });
    expect(change.statusCode).toBe(409);
    expect(change.json().detail).toMatch(/round is open/);
    const later = await national({ method: 'POST', url: '/api/reporting/rounds', payload: { agreementId, name: 'Uppföljning framtid', kind: 'final', periodFrom: addDays(10), periodTo: addDays(20), opensOn: addDays(21), deadline: addDays(30), templateVersionId: versionId, organisations: ['region-18'] } });
    const moved = await national({ method: 'PUT', url: `/api/reporting/rounds/${later.json().id}/template`, payload: { templateVersionId: v2 } });
    expect(moved.statusCode).toBe(200);
    expect(moved.json().templateVersionId).toBe(v2);
  });

  it('shows a region only the rounds and organisations it answers for', async () => {
    const rounds = (await analyst03({ method: 'GET', url: '/api/reporting/rounds' })).json().rounds;
    expect(rounds.map((r: { name: string }) => r.name)).toEqual(['Uppföljning 1']);
    expect(rounds[0].returns.map((r: { organisation: string }) => r.organisation)).toEqual(['region-03']);
  });
});

describe('answering', () => {
  it('validates answers against the template, naming the field and reason', async () => {
    const res = await answers(analyst18, 'region-18', { answers: [{ questionId: 'overall', version: 0, value: { light: 'yellow' } }, { questionId: 'doses', version: 0, value: { amount: 5, unit: 'vials' } }] });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors).toMatchObject([
      { field: 'answers.0.value.motivation', message: 'a motivation is required when the light is not green' },
      { field: 'answers.1.value', message: 'the unit is doser, not vials' },
    ]);
    expect(await count(env.database, 'reporting_answers')).toBe(0);
  });

  it('keeps both analysts’ answers; a stale version is refused with 409 naming the question', async () => {
    const a = await answers(analyst18, 'region-18', { answers: [{ questionId: 'doses', version: 0, value: 1200 }] });
    expect(a.statusCode).toBe(200);
    const b = await answers(analyst18b, 'region-18', { answers: [{ questionId: 'describe', version: 0, value: 'Drop-in i alla kommuner' }] });
    expect(b.statusCode).toBe(200);
    expect(b.json().answers.map((x: { questionId: string }) => x.questionId)).toEqual(['describe', 'doses']);
    // The second analyst loaded "doses" before the first saved it.
    const stale = await answers(analyst18b, 'region-18', { answers: [{ questionId: 'doses', version: 0, value: 999 }] });
    expect(stale.statusCode).toBe(409);
    expect(stale.json().errors[0].field).toBe('answers.0.version');
    expect(stale.json().detail, stale.body).toMatch(/question doses was changed by someone else \(Test analyst saved version 1 at/);
    const fresh = await answers(analyst18b, 'region-18', { answers: [{ questionId: 'doses', version: 1, value: 1250 }] });
    expect(fresh.json().answers.find((x: { questionId: string }) => x.questionId === 'doses')).toMatchObject({ value: 1250, version: 2 });
    const history = (await returnOf(analyst18, 'region-18').then(() => analyst18({ method: 'GET', url: `/api/reporting/rounds/${roundId}/returns/region-18/history` }))).json();
    expect(history.versions.filter((v: { questionId: string }) => v.questionId === 'doses').map((v: { value: number }) => v.value)).toEqual([1250, 1200]);
  });

  it('pre-fills from Lägesbild’s own figures over the round’s period', async () => {
    // Two certificate requests of the region in the period (certificates/statistics.ts counts requests): one issued, one refused.
    const person = await newPerson(env.ctx);
    for (const [status, rule] of [['issued', null], ['refused', 'vaccination.no-dose']] as const) {
      await env.database.query(
        `INSERT INTO certificate_requests (region_id, person_id, kind, requested_by_kind, requested_by, status, rule, requested_at) VALUES ('18', $1::uuid, 'vaccination', 'citizen', $1::text, $2, $3, now() - interval '5 days')`,
        [person.id, status, rule],
      );
    }
    // The region's analyst reported 57 of 100 listed with a named regular doctor this year (the indicators area).
    const [named] = (await analyst18({ method: 'GET', url: '/api/indicators/definitions?code=named_doctor' })).json().definitions.filter((d: { active: boolean }) => d.active);
    const year = new Date().toISOString().slice(0, 4);
    const recorded = await analyst18({ method: 'POST', url: '/api/indicators/values', payload: { definitionId: named.id, orgLevel: 'region', orgCode: '18', period: year, numerator: 57, denominator: 100 } });
    expect(recorded.statusCode, recorded.body).toBeLessThan(300);
    const res = await analyst18({ method: 'POST', url: `/api/reporting/rounds/${roundId}/returns/region-18/prefill`, payload: { from: 'live-data' } });
    expect(res.statusCode).toBe(200);
    expect(res.json().filled).toEqual(['tests', 'per_type', 'named', 'certs']);
    expect(res.json().view.answers.find((a: { questionId: string }) => a.questionId === 'named')).toMatchObject({ value: 57 });
    const view = res.json().view;
    expect(view.answers.find((a: { questionId: string }) => a.questionId === 'tests')).toMatchObject({ value: 0, prefilledFrom: 'live-data' });
    expect(view.answers.find((a: { questionId: string }) => a.questionId === 'per_type').value).toEqual({ pcr: { tests: 0, positive: 0 }, antigen: { tests: 0, positive: 0 } });
    expect(view.answers.find((a: { questionId: string }) => a.questionId === 'certs').value).toEqual({ vaccination: { count: 1 }, refused: { count: 1 } });
  });

  it('lists what is missing and refuses to submit until it is answered', async () => {
    const view = (await returnOf(analyst18, 'region-18')).json();
    expect(view.missing).toEqual([{ questionId: 'overall', label: 'Bedömning' }]);
    const early = await analyst18({ method: 'POST', url: `/api/reporting/rounds/${roundId}/returns/region-18/submit` });
    expect(early.statusCode).toBe(400);
    expect(early.json().errors).toMatchObject([{ field: 'answers.overall', message: 'mandatory: Bedömning' }]);
  });

  it('reminds the organisations that have not submitted, with what is missing, in the UI and by e-mail to the analysts', async () => {
    // Region 03's administrator gives an analyst an e-mail address; the other analysts have none.
    const other = await otherRegionInstance(env, '03');
    const admin03 = as(other.app, await loginCookie(other.ctx, await newStaff(other.ctx, 'region_admin', '03')));
    const [withMail] = await env.database.query<{ id: string }>(`SELECT id FROM staff WHERE region_id = '03' AND role = 'analyst' ORDER BY created_at LIMIT 1`);
    const patched = await admin03({ method: 'PATCH', url: `/api/staff/${withMail!.id}`, payload: { email: 'analytiker@region-uppsala.example' } });
    expect(patched.statusCode, patched.body).toBe(200);
    const res = await national({ method: 'POST', url: `/api/reporting/rounds/${roundId}/reminders` });
    expect(res.json()).toEqual({ sent: 2 });
    expect((await national({ method: 'POST', url: `/api/reporting/rounds/${roundId}/reminders` })).json()).toEqual({ sent: 0 });
    const view = (await returnOf(analyst03, 'region-03')).json();
    expect(view.events).toEqual([expect.objectContaining({ kind: 'reminder_before-deadline', missing: ['Bedömning', 'Givna doser'] })]);
    const [event] = await env.database.query<{ payload: { missing: string[] } }>(`SELECT payload FROM outbox WHERE topic = 'reporting.ReminderSent' AND region_id = '03'`);
    expect(event!.payload.missing).toEqual(['Bedömning', 'Givna doser']);
    await env.worker.drain();
    const mails = await env.database.query<{ recipient: string; subject: string; body: string }>(`SELECT recipient, subject, body FROM delivered_messages WHERE channel = 'email' AND region_id = '03'`);
    expect(mails).toHaveLength(1);
    expect(mails[0]).toMatchObject({ recipient: 'analytiker@region-uppsala.example', subject: expect.stringMatching(/^Påminnelse: /) });
    expect(mails[0]!.body).toContain('- Bedömning\n- Givna doser');
  });

  it('submits, locks, signs and delivers to the nation; a late edit is refused and recorded', async () => {
    await answers(analyst18, 'region-18', { answers: [{ questionId: 'overall', version: 0, value: { light: 'green' } }] });
    const sub = await analyst18({ method: 'POST', url: `/api/reporting/rounds/${roundId}/returns/region-18/submit` });
    expect(sub.statusCode).toBe(200);
    expect(sub.json()).toMatchObject({ status: 'submitted', locked: true, submission: 1, receivedAt: null });
    const late = await answers(analyst18b, 'region-18', { answers: [{ questionId: 'describe', version: 1, value: 'Ändrat' }] });
    expect(late.statusCode).toBe(409);
    await env.worker.drain();
    const view = (await returnOf(analyst18, 'region-18')).json();
    expect(view.receivedAt).not.toBeNull();
    expect(view.events.map((e: { kind: string }) => e.kind)).toEqual(expect.arrayContaining(['submitted', 'edit_refused', 'received']));
    expect(view.answers.find((a: { questionId: string }) => a.questionId === 'describe').value).toBe('Drop-in i alla kommuner');
  });

  it('a region sees only its own return and no report until publication', async () => {
    expect((await returnOf(analyst03, 'region-18')).statusCode).toBe(404);
    expect((await analyst03({ method: 'GET', url: `/api/reporting/rounds/${roundId}/report` })).statusCode).toBe(404);
    expect((await answers(analyst03, 'region-18', { answers: [{ questionId: 'doses', version: 2, value: 1 }] })).statusCode).toBe(404);
  });

  it('the second region answers yellow with a motivation after the reminder', async () => {
    const res = await answers(analyst03, 'region-03', { answers: [{ questionId: 'overall', version: 0, value: { light: 'yellow', motivation: 'Leveranserna halverades' } }, { questionId: 'doses', version: 0, value: 800 }, { questionId: 'describe', version: 0, value: 'Vaccination på vårdcentraler' }] });
    expect(res.statusCode).toBe(200);
    expect((await analyst03({ method: 'POST', url: `/api/reporting/rounds/${roundId}/returns/region-03/submit` })).statusCode).toBe(200);
    await env.worker.drain();
  });

  it('the national analyst reopens with a reason the region sees; the region corrects and submits again', async () => {
    const reopened = await national({ method: 'POST', url: `/api/reporting/rounds/${roundId}/returns/region-03/reopen`, payload: { reason: 'Antalet doser verkar lågt; kontrollera mot NVR.' } });
    expect(reopened.statusCode).toBe(200);
    const view = (await returnOf(analyst03, 'region-03')).json();
    expect(view).toMatchObject({ status: 'reopened', locked: false, reopenReason: 'Antalet doser verkar lågt; kontrollera mot NVR.' });
    const doses = view.answers.find((a: { questionId: string }) => a.questionId === 'doses');
    expect((await answers(analyst03, 'region-03', { answers: [{ questionId: 'doses', version: doses.version, value: 8000 }] })).statusCode).toBe(200);
    expect((await analyst03({ method: 'POST', url: `/api/reporting/rounds/${roundId}/returns/region-03/submit` })).json()).toMatchObject({ status: 'submitted', submission: 2 });
    await env.worker.drain();
  });
});

describe('initiatives', () => {
  it('registers initiatives with status history, guards versions, and counts them', async () => {
    const created = await analyst18({ method: 'POST', url: '/api/reporting/initiatives', payload: { agreementId, organisation: 'region-18', title: 'Mobila team', developmentArea: 'Nära vård', focusArea: 'Samverkan', targetGroup: 'Äldre', status: 'planned', reach: 'project', participants: ['Regionen'], privateProviders: 'no', measured: 'none' } });
    expect(created.statusCode).toBe(201);
    const i = created.json();
    const elsewhere = await analyst18({ method: 'POST', url: '/api/reporting/initiatives', payload: { ...i, id: undefined, version: undefined, organisationName: undefined, statusHistory: undefined, updatedBy: undefined, updatedAt: undefined, organisation: 'region-03' } });
    expect(elsewhere.statusCode).toBe(400);
    const body = { version: 1, title: i.title, developmentArea: i.developmentArea, focusArea: i.focusArea, targetGroup: i.targetGroup, status: 'ongoing', reach: 'region_wide', participants: i.participants, privateProviders: 'yes', measured: 'output' };
    const changed = await analyst18({ method: 'PUT', url: `/api/reporting/initiatives/${i.id}`, payload: body });
    expect(changed.json().statusHistory.map((h: { status: string; roundId: string }) => [h.status, h.roundId])).toEqual([['planned', roundId], ['ongoing', roundId]]);
    expect((await analyst18b({ method: 'PUT', url: `/api/reporting/initiatives/${i.id}`, payload: body })).statusCode).toBe(409);
    expect((await analyst03({ method: 'PUT', url: `/api/reporting/initiatives/${i.id}`, payload: body })).statusCode).toBe(404);
    const counts = (await national({ method: 'GET', url: `/api/reporting/initiatives/counts?agreementId=${agreementId}` })).json();
    expect(counts.rows).toEqual([{ developmentArea: 'Nära vård', status: 'ongoing', initiatives: 1, regionWide: 1, privateProviders: 1, effectMeasured: 0, organisations: 1 }]);
  });
});

describe('the compiled report', () => {
  it('matches the answers: traffic lights with reasons, tables, free text; published for all', async () => {
    const report = (await national({ method: 'GET', url: `/api/reporting/rounds/${roundId}/report` })).json();
    expect(report.submitted).toBe(2);
    expect(report.trafficLights[0]).toMatchObject({ sentence: '1 region grön, 1 gul, inga röd', counts: { green: 1, yellow: 1, red: 0 }, reasons: [{ organisation: 'region-03', name: 'Region Uppsala', light: 'yellow', motivation: 'Leveranserna halverades' }] });
    const numbers = report.tables.find((t: { id: string }) => t.id === 'numbers');
    // The share with a named regular doctor (%) is not summed.
    expect(numbers.rows).toEqual([['Region Örebro län', 1250, 0, 57], ['Region Uppsala', 8000, null, null], ['Totalt', 9250, 0, null]]);
    expect(report.freeText[0].answers.map((a: { name: string; text: string }) => [a.name, a.text])).toEqual([['Region Örebro län', 'Drop-in i alla kommuner'], ['Region Uppsala', 'Vaccination på vårdcentraler']]);
    expect(report.pages.map((p: { name: string }) => p.name)).toEqual(['Region Örebro län', 'Region Uppsala']);

    const csv = await national({ method: 'GET', url: `/api/reporting/rounds/${roundId}/report.csv?table=numbers` });
    expect(csv.body).toContain('Region Uppsala;8000;');
    const xlsx = await national({ method: 'GET', url: `/api/reporting/rounds/${roundId}/report.xlsx` });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    const pdf = await national({ method: 'GET', url: `/api/reporting/rounds/${roundId}/report.pdf` });
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');

    expect((await national({ method: 'POST', url: `/api/reporting/rounds/${roundId}/publish` })).statusCode).toBe(200);
    const seen = await analyst03({ method: 'GET', url: `/api/reporting/rounds/${roundId}/report` });
    expect(seen.statusCode).toBe(200);
    expect(seen.json().pages).toHaveLength(2);
    expect((await returnOf(analyst03, 'region-18')).statusCode).toBe(200);
  });
});

describe('pre-fill from the previous round', () => {
  it('copies the answers that still fit into the next round', async () => {
    const next = await national({ method: 'POST', url: '/api/reporting/rounds', payload: { agreementId, name: 'Uppföljning 2', kind: 'monthly', periodFrom: addDays(-10), periodTo: addDays(-1), opensOn: today, deadline: addDays(5), templateVersionId: versionId, organisations: ['region-18', 'region-03'] } });
    const res = await analyst03({ method: 'POST', url: `/api/reporting/rounds/${next.json().id}/returns/region-03/prefill`, payload: { from: 'previous-round' } });
    expect(res.json().filled).toEqual(['overall', 'doses', 'describe']);
    expect(res.json().view.answers.find((a: { questionId: string }) => a.questionId === 'doses')).toMatchObject({ value: 8000, prefilledFrom: 'previous-round', version: 1 });

    // Two saves of the same version at the same moment (on PostgreSQL, truly concurrent): one wins, one gets 409.
    const url = `/api/reporting/rounds/${next.json().id}/returns/region-03/answers`;
    const [x, y] = await Promise.all([
      analyst03({ method: 'PUT', url, payload: { answers: [{ questionId: 'doses', version: 1, value: 8100 }] } }),
      analyst03b({ method: 'PUT', url, payload: { answers: [{ questionId: 'doses', version: 1, value: 8200 }] } }),
    ]);
    expect([x.statusCode, y.statusCode].sort()).toEqual([200, 409]);
    const [kept] = await env.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM reporting_answer_versions v JOIN reporting_answers a ON a.region_id = v.region_id AND a.id = v.answer_id
      JOIN reporting_returns r ON r.region_id = a.region_id AND r.id = a.return_id WHERE r.round_id = $1 AND a.question_id = 'doses' AND v.version = 2`, [next.json().id]);
    expect(kept!.n).toBe(1);
  });
});
