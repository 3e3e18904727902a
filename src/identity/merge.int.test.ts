import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { caseOf, positiveResult } from '../../test/positives.js';
import { fixedClock, newSite, type SiteSetup } from '../../test/vaccination.js';
import type { Actor } from '../platform/auth/actor.js';
import { addToOutbox } from '../platform/jobs/outbox.js';
import { doseRecorded } from '../vaccination/events.js';
import { vaccinationDoses } from '../vaccination/model.js';
import { formatIdentityNumber, makePersonnummer } from './identity-number.js';

// Monday 16 October 2023 in Stockholm: the 2023 rules apply (80+: a spring and an autumn dose, 180 days apart).
const clock = fixedClock('2023-10-16T06:00:00Z');
let env: TestEnv;
let site: SiteSetup;
let vaccinator: Actor;

beforeAll(async () => {
  env = await setupTest({ clock });
  site = await newSite(env, { days: ['2023-10-17', '2023-10-17'] });
  vaccinator = await newStaff(env.ctx, 'vaccinator');
});
afterAll(() => env.close());

const staff = async (role: Parameters<typeof newStaff>[1]) => as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, role)));

/** A dose recorded the way the core service does: the row and its event in one transaction. */
async function givenDose(person: { id: string }, administeredAt: string, doseNumber: number) {
  return env.database.db.transaction(async (tx) => {
    const [d] = await tx
      .insert(vaccinationDoses)
      .values({ regionId: '18', personId: person.id, siteId: site.id, vaccine: 'covid-19', productCode: 'comirnaty', batchNumber: 'EW1234', doseNumber, administeredAt, recordedBy: vaccinator.id })
      .returning();
    await addToOutbox(tx, doseRecorded({ regionId: '18', doseId: d!.id, personId: person.id }));
    return d!.id;
  });
}

const rowsOf = (table: string, personId: string) => env.database.query(`SELECT 1 FROM ${table} WHERE person_id = $1`, [personId]);

describe('merging a person known by a reservnummer into the record of their personnummer', () => {
  it('moves samples, the case, doses and the booking to the survivor in the merge, and every view and report follows', async () => {
    const born = '1938-08-08';
    const pnr = makePersonnummer(born, 123);
    const reserve = await newPerson(env.ctx, { identityNumber: '19380808TA1B', idKind: 'reservnummer', issuingRegion: '18', birthDate: born, municipalityCode: '1814' });
    const real = await newPerson(env.ctx, { identityNumber: pnr, birthDate: born, municipalityCode: '1814' });

    // Under the personnummer: the spring dose. Under the reservnummer (which showed no doses): a positive
    // sample on 2 October, then "dose 1" on 5 October, and a booking for influenza on 17 October.
    const springDose = await givenDose(real, '2023-04-12T09:00:00Z', 1);
    const autumnDose = await givenDose(reserve, '2023-10-05T09:00:00Z', 1);
    const sampler = await staff('sampler');
    const sample = await sampler({ method: 'POST', url: '/api/testing/samples', payload: { personId: reserve.id, testType: 'pcr', takenAt: '2023-10-02T08:00:00Z' } });
    expect(sample.statusCode, sample.body).toBe(201);
    const lab = await staff('lab');
    expect((await lab({ method: 'POST', url: '/api/testing/lab/results', payload: { kitCode: sample.json().kitCode, testType: 'pcr', result: 'positive' } })).statusCode).toBe(200);
    const booking = await as(env.app, await loginCookie(env.ctx, vaccinator))({
      method: 'POST',
      url: '/api/vaccination/bookings',
      payload: { personId: reserve.id, slotId: site.slots[0]!.id, vaccine: 'influenza', reason: 'no_eid' },
    });
    expect(booking.statusCode, booking.body).toBe(201);
    await env.worker.drain();
    const [{ id: caseId } = { id: '' }] = await env.database.query<{ id: string }>('SELECT id FROM tracing_cases WHERE person_id = $1', [reserve.id]);
    const smittskydd = await staff('smittskydd');
    const flagged = async () => (await smittskydd({ method: 'GET', url: '/api/tracing/sequencing' })).json().cases as { caseId: string; reasons: string[] }[];
    // The positive came before the reservnummer's dose: no breakthrough seen, nothing to sequence.
    expect((await flagged()).find((c) => c.caseId === caseId)).toBeUndefined();
    const reported = await env.database.query<{ dose_id: string; attempt: number; status: string }>('SELECT dose_id, attempt, status FROM vaccination_nvr_reports ORDER BY queued_at');
    expect(reported).toEqual([
      { dose_id: springDose, attempt: 1, status: 'accepted' },
      { dose_id: autumnDose, attempt: 1, status: 'accepted' },
    ]);

    const coordinator = await staff('vaccine_coordinator');
    const merged = await coordinator({ method: 'POST', url: `/api/persons/${reserve.id}/identity-numbers`, payload: { identityNumber: pnr, reason: 'Personnummer tilldelat av Skatteverket' } });
    expect(merged.statusCode, merged.body).toBe(200);
    expect(merged.json().id).toBe(real.id);

    // Nothing is left under the merged record's id: every area moved its rows in the merge's transaction.
    for (const table of ['samples', 'tracing_cases', 'vaccination_doses', 'vaccination_bookings', 'vaccination_nvr_reports']) expect(await rowsOf(table, reserve.id), table).toEqual([]);

    // Testing: the survivor's own view.
    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(real)));
    expect((await citizen({ method: 'GET', url: '/api/testing/my' })).json().samples).toEqual([expect.objectContaining({ id: sample.json().id, result: 'positive' })]);

    // Vaccination: one history, numbered in the order given; the booking; the next dose is the third, after 180 days.
    const record = (await coordinator({ method: 'GET', url: `/api/vaccination/persons/${real.id}?purpose=vaccination` })).json();
    expect(record.doses.map((d: { id: string; doseNumber: number }) => [d.id, d.doseNumber])).toEqual([
      [springDose, 1],
      [autumnDose, 2],
    ]);
    expect(record.bookings).toEqual([expect.objectContaining({ id: booking.json().bookings[0].id, vaccine: 'influenza', doseNumber: 1, status: 'booked' })]);
    expect(record.eligibility.covid).toMatchObject({ eligible: false, doseNumber: 3, from: '2024-04-02' });
    expect((await citizen({ method: 'GET', url: '/api/vaccination/my' })).json().me.doses).toHaveLength(2);
    // The old id still leads to the person: the record read and the risk group written through it are the survivor's.
    const viaOld = (await coordinator({ method: 'GET', url: `/api/vaccination/persons/${reserve.id}?purpose=vaccination` })).json();
    expect(viaOld).toMatchObject({ person: { id: real.id }, doses: [{ id: springDose }, { id: autumnDose }] });
    expect((await coordinator({ method: 'PUT', url: `/api/vaccination/persons/${reserve.id}/risk-group`, payload: { riskGroup: true } })).json()).toEqual({ personId: real.id, riskGroup: true });
    expect(await rowsOf('vaccination_person_attributes', reserve.id)).toEqual([]);

    // Coverage counts the person once, with both doses.
    const coverage = (await coordinator({ method: 'GET', url: '/api/vaccination/coverage?by=municipality&dose=2&from=2023-W01&to=2023-W42&asOf=2023-10-16' })).json();
    expect(coverage.rows.find((r: { key: string }) => r.key === '1814')).toMatchObject({ population: 1, vaccinated: [1, 1, 0, 0] });

    // NVR: the dose given under the reservnummer is reported again, as dose 2 of the personnummer; the spring dose did not change.
    await env.worker.drain();
    expect(await env.database.query('SELECT dose_id, person_id, attempt, status, reservnummer FROM vaccination_nvr_reports ORDER BY queued_at')).toEqual([
      { dose_id: springDose, person_id: real.id, attempt: 1, status: 'accepted', reservnummer: false },
      { dose_id: autumnDose, person_id: real.id, attempt: 2, status: 'accepted', reservnummer: false },
    ]);
    const [again] = await env.database.query<{ message: { patient: { identifier: string; reservnummer: boolean }; vaccination: { doseNumber: number } } }>(
      'SELECT message FROM vaccination_nvr_embedded_register WHERE idempotency_key = $1',
      [`vaccination.nvr.report:${autumnDose}:2`],
    );
    expect(again?.message).toMatchObject({ patient: { identifier: pnr, reservnummer: false }, vaccination: { doseNumber: 2 } });

    // Tracing: the case is the survivor's, and its vaccine breakthrough (the spring dose) is now seen.
    const tracer = await staff('tracer');
    const file = (await tracer({ method: 'GET', url: `/api/tracing/cases/${caseId}` })).json();
    expect(file.case).toMatchObject({ personId: real.id, identityNumber: formatIdentityNumber({ kind: 'personnummer', canonical: pnr }) });
    expect((await flagged()).find((c) => c.caseId === caseId)?.reasons).toEqual(['vaccineBreakthrough']);
  });

  it('decides what both records had: bookings numbered after the doses by time, the later risk-group declaration, one invitation, one person a week', async () => {
    const born = '1940-02-02';
    const reserve = await newPerson(env.ctx, { identityNumber: '19400202TB2C', idKind: 'reservnummer', issuingRegion: '18', birthDate: born });
    const pnr = makePersonnummer(born, 456);
    const real = await newPerson(env.ctx, { identityNumber: pnr, birthDate: born });
    const q = (text: string, params: unknown[] = []) => env.database.query(text, params);

    // One dose each (both "dose 1"), and a live covid booking each: the survivor's on the later time.
    await givenDose(real, '2023-03-20T09:00:00Z', 1);
    const reserveDose = await givenDose(reserve, '2023-09-25T09:00:00Z', 1);
    const book = (personId: string, slot: number, doseNumber: number, status = 'booked') =>
      q(`INSERT INTO vaccination_bookings (region_id, visit_id, person_id, site_id, slot_id, vaccine, dose_number, starts_at, status, channel, booked_by)
         SELECT '18', gen_random_uuid(), $1, site_id, id, 'covid-19', $3, starts_at, $4, 'on_behalf', 'test' FROM vaccination_slots WHERE id = $2 RETURNING id`, [personId, site.slots[slot]!.id, doseNumber, status]);
    const [early] = (await book(reserve.id, 0, 2)) as { id: string }[];
    const [late] = (await book(real.id, 1, 2)) as { id: string }[];
    // An attended booking under the reservnummer, with the dose given at it.
    const [attended] = (await book(reserve.id, 2, 1, 'attended')) as { id: string }[];
    await q('UPDATE vaccination_doses SET booking_id = $1 WHERE id = $2', [attended!.id, reserveDose]);

    // Risk group: declared later on the reservnummer's record.
    await q(`INSERT INTO vaccination_person_attributes (region_id, person_id, risk_group, risk_group_note, updated_by, updated_at) VALUES
      ('18', $1, false, null, 'a', '2023-01-01T00:00:00Z'), ('18', $2, true, 'diabetes', 'b', '2023-06-01T00:00:00Z')`, [real.id, reserve.id]);

    // Both on one invitation list: a letter to one, an SMS to the other.
    const [list] = (await q(`INSERT INTO vaccination_invitation_lists (region_id, recommendation_id, vaccine, title, municipality_code, built_for, created_by)
      VALUES ('18', gen_random_uuid(), 'covid-19', 'Höstens dos', '1880', '2023-09-01', 'test') RETURNING id`)) as { id: string }[];
    await q(`INSERT INTO vaccination_invitations (region_id, list_id, person_id, dose_number, eligible_from, letter_at, sms_at, reminders) VALUES
      ('18', $1, $2, 1, '2023-09-01', '2023-09-02T08:00:00Z', null, 0), ('18', $1, $3, 1, '2023-09-01', null, '2023-09-03T08:00:00Z', 1)`, [list!.id, real.id, reserve.id]);

    // Tested in the same week under both numbers; and named as someone's contact under the reservnummer.
    const sampler = await staff('sampler');
    for (const [person, takenAt] of [[real, '2023-10-09T08:00:00Z'], [reserve, '2023-10-11T08:00:00Z']] as const) {
      expect((await sampler({ method: 'POST', url: '/api/testing/samples', payload: { personId: person.id, testType: 'pcr', takenAt } })).statusCode).toBe(201);
    }
    const individuals = async () => ((await q("SELECT individuals, tests FROM test_week_counts WHERE region_id = '18' AND week = '2023-W41' AND test_type = 'pcr' AND NOT other")) as { individuals: number; tests: number }[])[0];
    const before = await individuals();
    const index = await newPerson(env.ctx, { birthDate: '1970-01-01' });
    await positiveResult(env, index, '2023-10-10T08:00:00Z');
    await q(`INSERT INTO tracing_contacts (region_id, id, case_id, person_id, name, relation, named_at) VALUES ('18', gen_random_uuid(), $1, $2, 'Granne', 'close', now())`, [await caseOf(env, index.id), reserve.id]);
    await env.worker.drain();

    const coordinator = await staff('vaccine_coordinator');
    expect((await coordinator({ method: 'POST', url: `/api/persons/${reserve.id}/identity-numbers`, payload: { identityNumber: pnr, reason: 'Personnummer tilldelat' } })).statusCode).toBe(200);

    const bookings = await q('SELECT id, person_id, dose_number, status FROM vaccination_bookings WHERE id = ANY($1::uuid[]) ORDER BY starts_at', [[early!.id, late!.id, attended!.id]]);
    expect(bookings).toEqual([
      { id: early!.id, person_id: real.id, dose_number: 3, status: 'booked' },
      { id: late!.id, person_id: real.id, dose_number: 4, status: 'booked' },
      { id: attended!.id, person_id: real.id, dose_number: 2, status: 'attended' },
    ]);
    expect(await q('SELECT person_id, risk_group, risk_group_note FROM vaccination_person_attributes WHERE person_id = ANY($1::uuid[])', [[real.id, reserve.id]])).toEqual([
      { person_id: real.id, risk_group: true, risk_group_note: 'diabetes' },
    ]);
    const invited = (await q('SELECT person_id, letter_at, sms_at, reminders FROM vaccination_invitations WHERE list_id = $1', [list!.id])) as { person_id: string; letter_at: unknown; sms_at: unknown; reminders: number }[];
    expect(invited).toHaveLength(1);
    expect(invited[0]).toMatchObject({ person_id: real.id, reminders: 1 });
    expect([invited[0]!.letter_at, invited[0]!.sms_at].map((t) => new Date(t as string).toISOString())).toEqual(['2023-09-02T08:00:00.000Z', '2023-09-03T08:00:00.000Z']);

    // The week's rollup counts the person once (two tests, one individual), as a recount of the samples does.
    expect(await individuals()).toEqual({ individuals: before!.individuals - 1, tests: before!.tests });
    const [recount] = (await q("SELECT count(DISTINCT person_id)::int AS individuals FROM samples WHERE region_id = '18' AND taken_week = '2023-W41' AND test_type = 'pcr' AND provider IS NULL")) as { individuals: number }[];
    expect(recount!.individuals).toBe(before!.individuals - 1);
    expect(await q('SELECT 1 FROM test_week_persons WHERE person_id = $1', [reserve.id])).toEqual([]);
    expect(await rowsOf('tracing_contacts', real.id)).toHaveLength(1);
  });
});
