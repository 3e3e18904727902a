import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
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
});
