import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { systemActor } from '../../platform/auth/actor.js';
import { queryRows } from '../../platform/db/sql.js';
import { weeklyReport } from '../../testing/statistics/weekly.js';
import { tracingStatistics } from '../../tracing/statistics.js';
import { coverageReport } from '../../vaccination/coverage/service.js';
import { as, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';
import { fixedClock } from '../../../test/vaccination.js';
import { purgeIfDue, runPurge } from './job.js';

const START = '2021-03-01T10:00:00.000Z';

/** A self-sampling kit ordered on 27 February 2021, from the region's one pharmacy. */
async function orderKit(env: TestEnv, personId: string) {
  const r = env.ctx.config.regionId;
  await env.database.db.execute(sql`INSERT INTO distribution_points (region_id, id, kind, name, opening_hours) VALUES (${r}, '00000000-0000-4000-8000-000000000001', 'pharmacy', 'Apoteket', 'mån–fre 8–17') ON CONFLICT DO NOTHING`);
  await env.database.db.execute(sql`INSERT INTO kit_orders (region_id, person_id, test_type, distribution_point_id, ordered_at) VALUES (${r}, ${personId}, 'pcr', '00000000-0000-4000-8000-000000000001', '2021-02-27T10:00:00Z')`);
}
const later = (days: number) => new Date(Date.parse(START) + days * 86_400_000).toISOString();

/**
 * One region's life in early March 2021, written row by row as the areas would (the triggers keep the weekly
 * statistics), then the clock moved past each class's period in turn: technical (90 days), operational (365),
 * contact (730), journal (10 years). Held: Hanna's case stays open, Quentin's certificate request is queued.
 */
describe('the nightly purge, class by class', () => {
  const clock = fixedClock(START);
  let env: TestEnv;
  const region = () => env.ctx.config.regionId;
  let anna: Awaited<ReturnType<typeof newPerson>>;
  let bertil: Awaited<ReturnType<typeof newPerson>>;
  let hanna: Awaited<ReturnType<typeof newPerson>>;
  let quentin: Awaited<ReturnType<typeof newPerson>>;
  let contactPerson: Awaited<ReturnType<typeof newPerson>>;
  const q = <T,>(query: ReturnType<typeof sql>) => queryRows<T>(env.database.db, query);
  const n = async (query: ReturnType<typeof sql>) => (await q<{ n: number }>(sql`SELECT count(*)::int AS n FROM (${query}) x`))[0]!.n;

  /** The figures that must never move: the weekly testing report, tracing statistics, coverage by age group. */
  async function statistics() {
    const actor = systemActor(region());
    const testing = await weeklyReport(env.ctx, actor, { from: '2021-W08', to: '2021-W10' });
    // As of the start: the tracing figures count what was due by their `now`, which the test moves on purpose.
    const tracing = await tracingStatistics({ ...env.ctx, clock: fixedClock(START) }, actor, { from: '2021-02-22', to: '2021-03-14' });
    const coverage = await coverageReport(env.ctx, actor, { vaccine: 'covid-19', by: 'ageGroup', dose: 1, from: '2021-W08', to: '2021-W10', asOf: '2021-03-14' });
    const postal = await coverageReport(env.ctx, actor, { vaccine: 'covid-19', by: 'postalArea', dose: 1, from: '2021-W08', to: '2021-W10', asOf: '2021-03-14' });
    return { testing: testing.rows, tracing: tracing.weeks, coverage: [coverage.overall, coverage.rows], postal: postal.rows };
  }
  let before: Awaited<ReturnType<typeof statistics>>;

  /** A closed case of a positive person, with its journal, a contact, a call, a kit order, a message and a delivered outbox row. */
  async function closedCase(person: { id: string }, opts: { status?: 'open' | 'closed'; contact?: { id: string } } = {}) {
    const r = region();
    const [sample] = await q<{ id: string }>(sql`INSERT INTO samples (region_id, person_id, test_type, collection, taken_at, taken_week, result, result_at, answered_at)
      VALUES (${r}, ${person.id}, 'pcr', 'self', '2021-03-01T08:00:00Z', '2021-W09', 'positive', '2021-03-02T08:00:00Z', '2021-03-02T09:00:00Z') RETURNING id`);
    const [c] = await q<{ id: string }>(sql`INSERT INTO tracing_cases (region_id, person_id, source_sample_id, positive_taken_at, result_at, opened_at, status, priority, priority_reason, questionnaire_due_at, first_call_due_at, first_call_at, closed_at)
      VALUES (${r}, ${person.id}, ${sample!.id}, '2021-03-01T08:00:00Z', '2021-03-02T08:00:00Z', '2021-03-02T08:05:00Z', ${opts.status ?? 'closed'}, 4, 'övriga', '2021-03-02T09:05:00Z', '2021-03-03T08:05:00Z', '2021-03-02T12:00:00Z',
        ${opts.status === 'open' ? null : '2021-03-05T10:00:00Z'}) RETURNING id`);
    await env.database.db.execute(sql`INSERT INTO tracing_notes (region_id, case_id, kind, text, author_id, author_name, created_at)
      VALUES (${r}, ${c!.id}, 'journal', 'Index berättar om hosta sedan i lördags', gen_random_uuid(), 'Test Smittspårare', '2021-03-02T12:00:00Z')`);
    await env.database.db.execute(sql`INSERT INTO tracing_questionnaires (region_id, case_id, answers, symptom_onset, saved_at, submitted_at)
      VALUES (${r}, ${c!.id}, '{"symptoms": "hosta"}', '2021-02-27', '2021-03-02T10:00:00Z', '2021-03-02T10:00:00Z')`);
    await env.database.db.execute(sql`INSERT INTO tracing_notifications (region_id, case_id, document, created_at, created_by)
      VALUES (${r}, ${c!.id}, '{"patient": {"name": "Someone"}}', '2021-03-04T10:00:00Z', gen_random_uuid())`);
    await env.database.db.execute(sql`INSERT INTO tracing_contacts (region_id, id, case_id, person_id, name, phone, relation, context, exposure_date, named_at)
      VALUES (${r}, gen_random_uuid(), ${c!.id}, ${opts.contact?.id ?? null}, 'Kalle Kontakt', '0701234567', 'close', 'på jobbet', '2021-02-28', '2021-03-02T10:00:00Z')`);
    await env.database.db.execute(sql`INSERT INTO result_calls (region_id, sample_id, called_at, called_by, outcome) VALUES (${r}, ${sample!.id}, '2021-03-02T10:00:00Z', 'Test Provtagare', 'reached')`);
    await orderKit(env, person.id);
    await env.database.db.execute(sql`INSERT INTO delivered_messages (region_id, idempotency_key, channel, person_id, recipient, body, delivered_at)
      VALUES (${r}, ${`answer:${sample!.id}`}, 'inbox', ${person.id}, ${person.id}, 'Ditt provsvar: positivt', '2021-03-02T09:00:00Z')`);
    await env.database.db.execute(sql`INSERT INTO outbox (region_id, topic, payload, idempotency_key, status, delivered_at, created_at)
      VALUES (${r}, 'message.inbox', '{"body": "Ditt provsvar: positivt"}', ${`message:${sample!.id}`}, 'delivered', '2021-03-02T09:00:00Z', '2021-03-02T09:00:00Z')`);
    return c!.id;
  }

  beforeAll(async () => {
    env = await setupTest({ clock });
    const r = region();
    anna = await newPerson(env.ctx, { givenName: 'Anna', familyName: 'Andersson', birthDate: '1950-04-02', postalCode: '70210', municipalityCode: '1880', phone: '0701111111' });
    bertil = await newPerson(env.ctx, { givenName: 'Bertil', familyName: 'Berg', birthDate: '1938-06-12', postalCode: '70361', municipalityCode: '1880' });
    hanna = await newPerson(env.ctx, { givenName: 'Hanna', familyName: 'Holm', birthDate: '1990-01-01' });
    quentin = await newPerson(env.ctx, { givenName: 'Quentin', familyName: 'Qvist', birthDate: '1970-01-01' });
    contactPerson = await newPerson(env.ctx, { givenName: 'Kalle', familyName: 'Kontakt', birthDate: '1985-01-01' });
    await closedCase(anna, { contact: contactPerson });
    await closedCase(hanna, { status: 'open' });
    // Bertil: two doses, one for a reason outside the recommendations, and a booking; NVR accepted the first.
    const [site] = await q<{ id: string }>(sql`INSERT INTO vaccination_sites (region_id, name, kind, vaccines) VALUES (${r}, 'Arenan', 'mass_centre', '{covid-19}') RETURNING id`);
    const [slot] = await q<{ id: string }>(sql`INSERT INTO vaccination_slots (region_id, site_id, starts_at, ends_at, day, capacity, booked, released_at)
      VALUES (${r}, ${site!.id}, '2021-03-03T08:00:00Z', '2021-03-03T08:15:00Z', '2021-03-03', 4, 1, '2021-02-01T00:00:00Z') RETURNING id`);
    await env.database.db.execute(sql`INSERT INTO vaccination_bookings (region_id, visit_id, person_id, site_id, slot_id, vaccine, dose_number, starts_at, status, channel, booked_by)
      VALUES (${r}, gen_random_uuid(), ${bertil.id}, ${site!.id}, ${slot!.id}, 'covid-19', 1, '2021-03-03T08:00:00Z', 'attended', 'self', 'Bertil Berg')`);
    const [dose] = await q<{ id: string }>(sql`INSERT INTO vaccination_doses (region_id, person_id, site_id, vaccine, product_code, batch_number, dose_number, administered_at, outside_recommendation, recorded_by)
      VALUES (${r}, ${bertil.id}, ${site!.id}, 'covid-19', 'comirnaty', 'EJ6795', 1, '2021-03-03T08:05:00Z', 'Önskemål av behandlande läkare', gen_random_uuid()) RETURNING id`);
    await env.database.db.execute(sql`INSERT INTO vaccination_nvr_reports (region_id, dose_id, person_id, status, queued_at, answered_at) VALUES (${r}, ${dose!.id}, ${bertil.id}, 'accepted', '2021-03-03T08:05:00Z', '2021-03-03T09:00:00Z')`);
    // Anna asked for a certificate (decided); Quentin's is queued for an administrator: a legal hold.
    for (const [who, status] of [[anna, 'issued'], [quentin, 'queued']] as const)
      await env.database.db.execute(sql`INSERT INTO certificate_requests (region_id, person_id, kind, requested_by_kind, requested_by, note, status, requested_at)
        VALUES (${r}, ${who.id}, 'vaccination', 'citizen', ${who.id}, 'Dos 1 fick jag i Norge', ${status}, '2021-03-04T10:00:00Z')`);
    await orderKit(env, quentin.id);
    // A primary-care contact imported for the indicators: kept until a year after its year has ended.
    await env.database.db.execute(sql`INSERT INTO indicator_primary_care_contacts (region_id, contact_id, person_number, birth_date, care_unit_code, care_unit_name, provider_code, contact_date, contact_type, professional_category, named_doctor)
      VALUES (${r}, 'vc-1', '195004021234', '1950-04-02', 'VC1', 'Vårdcentralen', 'P1', '2021-03-01', 'visit', 'läkare', true)`);
    before = await statistics();
    expect(before.testing.some((row) => row.positive === 2)).toBe(true);
    expect(before.coverage[0]).toMatchObject({ vaccinated: 1 });
  });
  afterAll(() => env.close());

  it('keeps everything while nothing has outlived its period', async () => {
    clock.set(later(30));
    const run = await runPurge(env.ctx, region());
    expect(run.counts).toEqual({});
    expect(run.finishedAt).not.toBeNull();
  });

  it('technical logs: delivered outbox payloads are emptied after 90 days, the rest stays', async () => {
    clock.set(later(100));
    const run = await runPurge(env.ctx, region());
    expect(run.counts).toEqual({ 'platform.outbox': 2 });
    expect(await n(sql`SELECT 1 FROM outbox WHERE region_id = ${region()} AND topic = 'message.inbox' AND payload = '{}'::jsonb`)).toBe(2);
    expect(await n(sql`SELECT 1 FROM kit_orders`)).toBe(3);
    expect(await statistics()).toEqual(before);
  });

  it('operational records: orders, calls, bookings, accepted NVR reports and the week’s person list go after a year; free text of decided requests too', async () => {
    clock.set(later(400));
    const run = await runPurge(env.ctx, region());
    expect(run.counts).toEqual({
      'testing.kit_orders': 1,
      'testing.result_calls': 1,
      'testing.test_week_persons': 1,
      'vaccination.bookings': 1,
      'vaccination.nvr_reports': 1,
      'certificates.requests': 1,
    });
    // Hanna's open case and Quentin's queued request hold their people's orders, calls and requests.
    expect(await q(sql`SELECT person_id FROM kit_orders ORDER BY person_id`)).toEqual([{ person_id: hanna.id }, { person_id: quentin.id }].sort((a, b) => a.person_id.localeCompare(b.person_id)));
    expect(await n(sql`SELECT 1 FROM test_week_persons WHERE person_id = ${hanna.id}`)).toBe(1);
    expect(await n(sql`SELECT 1 FROM indicator_primary_care_contacts`)).toBe(1);
    expect(await q(sql`SELECT person_id, note, requested_by FROM certificate_requests ORDER BY status`)).toEqual([
      { person_id: anna.id, note: null, requested_by: '' },
      { person_id: quentin.id, note: 'Dos 1 fick jag i Norge', requested_by: quentin.id },
    ]);
    expect(await statistics()).toEqual(before);
  });

  it('contact data: a closed case’s contacts are pseudonymised and messages deleted after two years; the open case keeps its own (and 2021’s care contacts are a year past 2021)', async () => {
    clock.set(later(800));
    const run = await runPurge(env.ctx, region());
    expect(run.counts).toEqual({ 'tracing.contacts': 1, 'platform.delivered_messages': 1, 'indicators.primary_care_contacts': 1 });
    expect(await q(sql`SELECT c.name, c.phone, c.context, c.person_id, k.status FROM tracing_contacts c JOIN tracing_cases k ON k.id = c.case_id ORDER BY k.status`)).toEqual([
      { name: '', phone: null, context: null, person_id: null, status: 'closed' },
      { name: 'Kalle Kontakt', phone: '0701234567', context: 'på jobbet', person_id: null, status: 'open' },
    ]);
    expect(await q(sql`SELECT person_id FROM delivered_messages`)).toEqual([{ person_id: hanna.id }]);
    expect(await statistics()).toEqual(before);
  });

  it('journal records: after ten years the person is pseudonymised, the journal’s facts stay, the statistics do not move', async () => {
    clock.set('2031-03-06T10:00:00.000Z');
    const run = await runPurge(env.ctx, region());
    // Anna (case, certificate) and Bertil (dose) are no longer identifiable. Kalle, the contact, has no journal
    // of his own once the contact row let go of him: he is the population register's copy and stays.
    expect(run.counts).toEqual({ 'journal.persons': 2 });
    const people = await q<{ id: string; given_name: string; family_name: string; phone: string | null; postal_code: string | null; birth_date: string }>(
      sql`SELECT id, given_name, family_name, phone, postal_code, birth_date::text FROM persons WHERE id IN (${anna.id}, ${bertil.id}, ${hanna.id})`,
    );
    expect(people.find((p) => p.id === anna.id)).toMatchObject({ given_name: '', family_name: '', phone: null, postal_code: '702', birth_date: '1950-04-02' });
    expect(people.find((p) => p.id === bertil.id)).toMatchObject({ given_name: '', postal_code: '703' });
    expect(people.find((p) => p.id === hanna.id)).toMatchObject({ given_name: 'Hanna', family_name: 'Holm' });
    expect(await n(sql`SELECT 1 FROM person_identifiers WHERE person_id IN (${anna.id}, ${bertil.id})`)).toBe(0);
    expect(await n(sql`SELECT 1 FROM person_identifiers WHERE person_id IN (${hanna.id}, ${quentin.id}, ${contactPerson.id})`)).toBe(3);
    expect(await q(sql`SELECT n.text FROM tracing_notes n JOIN tracing_cases c ON c.id = n.case_id ORDER BY c.status`)).toEqual([{ text: '' }, { text: 'Index berättar om hosta sedan i lördags' }]);
    expect(await q(sql`SELECT q.answers FROM tracing_questionnaires q JOIN tracing_cases c ON c.id = q.case_id ORDER BY c.status`)).toEqual([{ answers: {} }, { answers: { symptoms: 'hosta' } }]);
    expect(await q(sql`SELECT person_id, batch_number, outside_recommendation FROM vaccination_doses`)).toEqual([{ person_id: bertil.id, batch_number: 'EJ6795', outside_recommendation: null }]);
    expect(await n(sql`SELECT 1 FROM samples`)).toBe(2);
    expect(await statistics()).toEqual(before);
    // A second run the same night finds nothing more.
    expect((await runPurge(env.ctx, region())).counts).toEqual({});
  });

  it('audits each batch and each run with rule, class and row count, never the rows', async () => {
    const entries = await q<{ action: string; person_id: string | null; details: Record<string, unknown> }>(sql`SELECT action, person_id, details FROM audit_log WHERE action LIKE 'privacy.purge.%' ORDER BY at`);
    const batches = entries.filter((e) => e.action === 'privacy.purge.batch');
    expect(batches.find((e) => e.details.rule === 'journal.persons')?.details).toMatchObject({ table: 'persons', dataClass: 'journal', action: 'pseudonymise', rows: 2 });
    expect(entries.filter((e) => e.action === 'privacy.purge.finished')).toHaveLength(6);
    expect(entries.every((e) => e.person_id === null)).toBe(true);
    expect(JSON.stringify(entries)).not.toMatch(/Anna|Kalle|0701234567|hosta/);
  });

  it('shows the region’s administrator the runs, rows per rule', async () => {
    const admin = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'region_admin')));
    const res = await admin({ method: 'GET', url: '/api/privacy/purge/runs' });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().runs).toHaveLength(6);
    expect(res.json().runs).toContainEqual(expect.objectContaining({ counts: { 'journal.persons': 2 }, asOf: expect.stringMatching(/^2031-03-06T10:00:00/) }));
    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
    expect((await tracer({ method: 'GET', url: '/api/privacy/purge/runs' })).statusCode).toBe(403);
  });
});

describe('a purge killed halfway', () => {
  const clock = fixedClock(START);
  let env: TestEnv;
  beforeAll(async () => {
    env = await setupTest({ clock });
  });
  afterAll(() => env.close());

  it('keeps the batches it committed, and the next run finishes the same run', async () => {
    const r = env.ctx.config.regionId;
    for (let i = 0; i < 5; i++) {
      const p = await newPerson(env.ctx);
      await orderKit(env, p.id);
    }
    clock.set(later(400));
    let batches = 0;
    await expect(
      runPurge(env.ctx, r, {
        batchSize: 2,
        inBatch: async (_tx, rule) => {
          if (rule.key === 'testing.kit_orders' && ++batches === 2) throw new Error('killed');
        },
      }),
    ).rejects.toThrow('killed');
    // The first batch of two committed; the second rolled back with its audit entry.
    expect(await env.database.query('SELECT count(*)::int AS n FROM kit_orders')).toEqual([{ n: 3 }]);
    const [unfinished] = await env.database.query<{ counts: Record<string, number>; finished_at: string | null; as_of: string }>('SELECT counts, finished_at, as_of::text FROM privacy_purge_runs');
    expect(unfinished).toMatchObject({ counts: { 'testing.kit_orders': 2 }, finished_at: null });

    // The housekeeping tick the next moment resumes the run (same as-of) rather than starting another.
    clock.set(later(401));
    const run = await purgeIfDue(env.ctx);
    expect(run).toMatchObject({ counts: { 'testing.kit_orders': 5 } });
    expect(new Date(run!.asOf).toISOString()).toBe(later(400));
    expect(await env.database.query('SELECT count(*)::int AS n FROM kit_orders')).toEqual([{ n: 0 }]);
    expect(await env.database.query('SELECT count(*)::int AS n FROM privacy_purge_runs')).toEqual([{ n: 1 }]);
    const audited = await env.database.query<{ rows: number }>(`SELECT (details->>'rows')::int AS rows FROM audit_log WHERE action = 'privacy.purge.batch' ORDER BY at`);
    expect(audited.map((a) => a.rows)).toEqual([2, 3]); // the rerun takes the rest in one batch of the default size
  });

  it('runs again only the next night, from two o’clock', async () => {
    clock.set('2022-04-06T23:30:00.000Z'); // 01:30 in Stockholm the next day: not yet
    expect(await purgeIfDue(env.ctx)).toBeNull();
    clock.set('2022-04-07T00:30:00.000Z'); // 02:30
    expect(await purgeIfDue(env.ctx)).not.toBeNull();
    expect(await purgeIfDue(env.ctx)).toBeNull();
  });
});
