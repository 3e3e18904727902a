import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';
import { deliveredBatch, fixedClock, newSite, type SiteSetup } from '../../../test/vaccination.js';
import { bookableDoses } from '../supply/availability.js';

// Monday 16 October 2023 in Stockholm: the 2023 rules apply.
const clock = fixedClock('2023-10-16T06:00:00Z');
let env: TestEnv;
let site: SiteSetup;

beforeAll(async () => {
  env = await setupTest({ clock });
  site = await newSite(env, { days: ['2023-10-17', '2023-10-17'] });
});
afterAll(() => env.close());

describe('the next dose beside a booking', () => {
  it('shows the citizen and the staff when the dose after a booked one can be given, and drops it when the booking is cancelled', async () => {
    const person = await newPerson(env.ctx, { birthDate: '1938-08-08' });
    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(person)));
    const staff = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'site_manager')));
    const booked = await citizen({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: site.slots[0]!.id } });
    expect(booked.statusCode, booked.body).toBe(201);
    const bookingId = booked.json().bookings[0].id as string;

    // 80+: the autumn dose on 17 October, the spring dose at least 180 days later.
    const nextDose = { vaccine: 'covid-19', doseNumber: 2, from: '2024-04-14', recommendationId: expect.any(String) };
    const mine = (await citizen({ method: 'GET', url: '/api/vaccination/my' })).json();
    expect(mine.me.bookings).toEqual([expect.objectContaining({ id: bookingId, doseNumber: 1, status: 'booked', nextDose })]);
    const record = await staff({ method: 'GET', url: `/api/vaccination/persons/${person.id}?purpose=vaccination` });
    expect(record.statusCode, record.body).toBe(200);
    expect(record.json().bookings).toEqual([expect.objectContaining({ id: bookingId, nextDose })]);

    expect((await staff({ method: 'POST', url: `/api/vaccination/bookings/${bookingId}/cancel` })).statusCode).toBe(200);
    const after = (await citizen({ method: 'GET', url: '/api/vaccination/my' })).json();
    expect(after.me.bookings).toEqual([expect.objectContaining({ id: bookingId, status: 'cancelled', nextDose: null })]);
  });
});

describe('recording a dose: the batch and the stock it draws', () => {
  let arena: SiteSetup;
  let bus: SiteSetup;
  let vaccinator: ReturnType<typeof as>;
  let busBatch: string;
  const today = '2023-10-16';
  const bookable = (s: SiteSetup, day = today) => bookableDoses(env.database.db, '18', s.id, day, 'covid-19', clock.now());
  const doses = async (personId: string) => env.database.query<{ site_id: string; stock_site_id: string; delivery_id: string; batch_number: string }>('SELECT site_id, stock_site_id, delivery_id, batch_number FROM vaccination_doses WHERE person_id = $1', [personId]);
  const dose = (personId: string, extra: Record<string, unknown> = {}) => ({ personId, siteId: arena.id, vaccine: 'covid-19', productCode: 'comirnaty', batchNumber: 'hh4093', doseNumber: 1, ...extra });

  beforeAll(async () => {
    arena = await newSite(env, { name: 'Arenan', days: ['2023-10-16', '2023-10-17'] });
    bus = await newSite(env, { name: 'Vaccinationsbussen', kind: 'mobile_unit', days: ['2023-10-16', '2023-10-17'] });
    await deliveredBatch(env, { batchNumber: 'HH4093', sites: [{ siteId: arena.id, vials: 2 }] });
    busBatch = await deliveredBatch(env, { batchNumber: 'EW0001', sites: [{ siteId: bus.id, vials: 1 }] });
    await deliveredBatch(env, { batchNumber: 'OLD0001', sites: [{ siteId: arena.id, vials: 1 }], receivedAt: '2023-09-01T08:00:00Z', expiresOn: '2023-10-15' });
    vaccinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccinator')));
  });

  it('refuses a batch never delivered, one delivered elsewhere or of another product, naming the field, and writes nothing', async () => {
    const person = await newPerson(env.ctx, { birthDate: '1938-08-08' });
    const refusal = async (payload: object) => {
      const res = await vaccinator({ method: 'POST', url: '/api/vaccination/doses', payload });
      expect(res.statusCode, res.body).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      return res.json().errors[0] as { field: string; message: string };
    };
    expect(await refusal(dose(person.id, { batchNumber: 'NOSUCH123' }))).toMatchObject({ field: 'batchNumber', message: expect.stringMatching(/no delivery has batch number NOSUCH123/) });
    expect(await refusal(dose(person.id, { batchNumber: 'EW0001' }))).toMatchObject({ field: 'batchNumber', message: expect.stringMatching(/was not delivered to Arenan \(it is at Vaccinationsbussen\)/) });
    expect(await refusal(dose(person.id, { productCode: 'comirnaty-xbb15' }))).toMatchObject({ field: 'batchNumber', message: expect.stringMatching(/is comirnaty, not comirnaty-xbb15/) });
    expect(await refusal(dose(person.id, { deviations: ['given_elsewhere'] }))).toMatchObject({ field: 'deviations' });
    expect(await refusal(dose(person.id, { deviations: ['batch_from_other_site'], batchNumber: 'EW0001' }))).toMatchObject({ field: 'batchSiteId' });
    expect(await refusal(dose(person.id, { deviations: ['given_elsewhere', 'given_elsewhere'] }))).toMatchObject({ field: 'deviations' });
    expect(await refusal(dose(person.id, { batchNumber: 'OLD0001' }))).toMatchObject({ field: 'batchNumber', message: expect.stringMatching(/expired on 2023-10-15/) });
    const unknownSite = await vaccinator({ method: 'POST', url: '/api/vaccination/doses', payload: dose(person.id, { deviations: ['batch_from_other_site'], batchSiteId: randomUUID(), batchNumber: 'EW0001' }) });
    expect(unknownSite.statusCode).toBe(404);
    expect(unknownSite.json().errors[0].field).toBe('batchSiteId');
    expect(await doses(person.id)).toEqual([]);
  });

  it('draws the stock of the site the batch came from when the vaccinator says so', async () => {
    const person = await newPerson(env.ctx, { birthDate: '1938-08-09' });
    const [arenaBefore, busBefore] = [await bookable(arena), await bookable(bus)];
    const res = await vaccinator({ method: 'POST', url: '/api/vaccination/doses', payload: dose(person.id, { batchNumber: 'EW0001', deviations: ['batch_from_other_site'], batchSiteId: bus.id }) });
    expect(res.statusCode, res.body).toBe(201);
    expect(await doses(person.id)).toEqual([{ site_id: arena.id, stock_site_id: bus.id, delivery_id: busBatch, batch_number: 'EW0001' }]);
    expect(await bookable(bus)).toBe(busBefore! - 1);
    expect(await bookable(arena)).toBe(arenaBefore);
    const [audit] = await env.database.query<{ details: { deviations: string[]; stockSiteId: string } }>("SELECT details FROM audit_log WHERE person_id = $1 AND action = 'vaccination.dose.recorded'", [person.id]);
    expect(audit!.details).toMatchObject({ deviations: ['batch_from_other_site'], stockSiteId: bus.id });
  });

  it('records a dose at another site than the booking’s only as given elsewhere, and gives the booked site its dose back', async () => {
    const person = await newPerson(env.ctx, { birthDate: '1938-08-10' });
    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(person)));
    const arenaTomorrow = await bookable(arena, '2023-10-17');
    const booked = await citizen({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: arena.slots.find((s) => s.startsAt.startsWith('2023-10-17'))!.id } });
    expect(booked.statusCode, booked.body).toBe(201);
    const bookingId = booked.json().bookings[0].id as string;
    expect(await bookable(arena, '2023-10-17')).toBe(arenaTomorrow! - 1);

    const atBus = dose(person.id, { siteId: bus.id, bookingId, batchNumber: 'EW0001' });
    const refused = await vaccinator({ method: 'POST', url: '/api/vaccination/doses', payload: atBus });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('siteId');
    const [still] = await env.database.query<{ status: string }>('SELECT status FROM vaccination_bookings WHERE id = $1', [bookingId]);
    expect(still!.status).toBe('booked');

    const busToday = await bookable(bus);
    const given = await vaccinator({ method: 'POST', url: '/api/vaccination/doses', payload: { ...atBus, deviations: ['given_elsewhere'] } });
    expect(given.statusCode, given.body).toBe(201);
    expect(await doses(person.id)).toEqual([{ site_id: bus.id, stock_site_id: bus.id, delivery_id: busBatch, batch_number: 'EW0001' }]);
    const [attended] = await env.database.query<{ status: string }>('SELECT status FROM vaccination_bookings WHERE id = $1', [bookingId]);
    expect(attended!.status).toBe('attended');
    expect(await bookable(arena, '2023-10-17')).toBe(arenaTomorrow);
    expect(await bookable(bus)).toBe(busToday! - 1);
  });
});

describe('a booking is closed when its dose is recorded, whatever the day', () => {
  it('closes the booking of tomorrow when the dose is given today without naming it, and gives its seat back', async () => {
    const arena = await newSite(env, { name: 'Arenan B', days: ['2023-10-16', '2023-10-17'] });
    await deliveredBatch(env, { batchNumber: 'CL0001', sites: [{ siteId: arena.id, vials: 1 }] });
    const person = await newPerson(env.ctx, { birthDate: '1938-08-11' });
    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(person)));
    const vaccinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccinator')));
    const tomorrow = arena.slots.find((s) => s.startsAt.startsWith('2023-10-17'))!;
    const booked = await citizen({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: tomorrow.id } });
    expect(booked.statusCode, booked.body).toBe(201);
    const bookingId = booked.json().bookings[0].id as string;

    const given = await vaccinator({ method: 'POST', url: '/api/vaccination/doses', payload: { personId: person.id, siteId: arena.id, vaccine: 'covid-19', productCode: 'comirnaty', batchNumber: 'CL0001', doseNumber: 1 } });
    expect(given.statusCode, given.body).toBe(201);
    const mine = (await citizen({ method: 'GET', url: '/api/vaccination/my' })).json();
    expect(mine.me.bookings).toEqual([expect.objectContaining({ id: bookingId, status: 'attended', nextDose: null })]);
    const [slot] = await env.database.query<{ booked: number }>('SELECT booked FROM vaccination_slots WHERE id = $1', [tomorrow.id]);
    expect(slot!.booked).toBe(tomorrow.booked);
  });
});

describe('the next dose beside a booking under a one-dose-per-season rule', () => {
  it('offers no “dose 2” after the season’s one dose (50–79: one autumn dose), but still the spring dose for 80+', async () => {
    const arena = await newSite(env, { name: 'Arenan C', days: ['2023-10-17', '2023-10-17'] });
    const person = await newPerson(env.ctx, { birthDate: '1960-05-05' });
    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(person)));
    const booked = await citizen({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: arena.slots[0]!.id } });
    expect(booked.statusCode, booked.body).toBe(201);
    const mine = (await citizen({ method: 'GET', url: '/api/vaccination/my' })).json();
    expect(mine.me.bookings).toEqual([expect.objectContaining({ doseNumber: 1, status: 'booked', nextDose: null })]);
  });
});
