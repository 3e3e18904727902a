import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv, asStaffElsewhere } from '../../../test/harness.js';
import { deliveredBatch, fixedClock, newSite, type SiteSetup } from '../../../test/vaccination.js';

// Monday 16 October 2023, 08:00 in Stockholm: the 2023 rules apply, the influenza season has begun.
const clock = fixedClock('2023-10-16T06:00:00Z');
let env: TestEnv;
let site: SiteSetup;

beforeAll(async () => {
  env = await setupTest({ clock });
  // 08:00–09:00 on Tue–Wed, one vaccinator at 8 an hour: four times of two seats a day.
  site = await newSite(env, { days: ['2023-10-17', '2023-10-18'] });
});
afterAll(() => env.close());

async function citizen(p: Parameters<typeof newPerson>[1] = {}) {
  const person = await newPerson(env.ctx, p);
  return { person, call: as(env.app, await loginCookie(env.ctx, citizenActor(person))) };
}

const seats = async (slotId: string) => (await env.database.query<{ booked: number; capacity: number }>('SELECT booked, capacity FROM vaccination_slots WHERE id = $1', [slotId]))[0]!;

describe('slots from opening hours, staffing and pace', () => {
  it('makes times of the right capacity, and scales them with the staffing without dropping bookings', async () => {
    expect(site.slots).toHaveLength(8);
    expect(site.slots[0]).toMatchObject({ startsAt: '2023-10-17T06:00:00.000Z', capacity: 2, booked: 0 });
    const other = await newSite(env, { name: 'Vårdcentralen Tullen', kind: 'vardcentral', postalCode: '70361', days: ['2023-10-19', '2023-10-19'], vaccinators: 2, perHour: 6 });
    expect(other.slots.map((s) => s.capacity)).toEqual([3, 3, 3, 3]);
    const { call } = await citizen();
    expect((await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: other.slots[0]!.id } })).statusCode).toBe(201);
    const manager = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'site_manager')));
    const down = await manager({ method: 'PUT', url: `/api/vaccination/sites/${other.id}/staffing`, payload: { from: '2023-10-19', to: '2023-10-19', vaccinators: 0, perVaccinatorPerHour: 6 } });
    expect(down.json()).toEqual({ days: 1, rescaledSlots: 4, heldByBookings: 1 });
    expect(await seats(other.slots[0]!.id)).toEqual({ booked: 1, capacity: 1 });
    expect(await seats(other.slots[1]!.id)).toEqual({ booked: 0, capacity: 0 });
    const up = await manager({ method: 'PUT', url: `/api/vaccination/sites/${other.id}/staffing`, payload: { from: '2023-10-19', to: '2023-10-19', vaccinators: 4, perVaccinatorPerHour: 6 } });
    expect(up.json()).toMatchObject({ rescaledSlots: 4, heldByBookings: 0 });
    expect(await seats(other.slots[1]!.id)).toEqual({ booked: 0, capacity: 6 });
    const bad = await manager({ method: 'PUT', url: `/api/vaccination/sites/${other.id}/hours`, payload: { hours: [{ weekday: 1, opens: '17:00', closes: '08:00' }] } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('hours.0.closes');
  });
});

describe('the citizen books, moves and cancels', () => {
  it('books an eligible dose, sees it with the reason, moves it in one step and cancels it', async () => {
    const { person, call } = await citizen({ birthDate: '1985-02-02', postalCode: '70210', municipalityCode: '1880' });
    const my = (await call({ method: 'GET', url: '/api/vaccination/my' })).json();
    expect(my.me.eligibility.covid).toMatchObject({ eligible: true, doseNumber: 1, recommendationId: expect.any(String) });
    expect(my.me.eligibility.covid.reason).toMatch(/alla från 18 år.*du är 38 år/);
    expect(my.me.eligibility.influenza.eligible).toBe(false);
    const sites = (await call({ method: 'GET', url: '/api/vaccination/sites' })).json().sites;
    expect(sites[0].id).toBe(site.id);

    const [first, second] = site.slots;
    const booked = await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: first!.id } });
    expect(booked.statusCode, booked.body).toBe(201);
    const booking = booked.json().bookings[0];
    expect(booking).toMatchObject({ personId: person.id, vaccine: 'covid-19', doseNumber: 1, status: 'booked', channel: 'self', startsAt: first!.startsAt });
    expect(await seats(first!.id)).toMatchObject({ booked: 1 });

    // The same dose cannot be booked twice, at a later time (the booked dose counts as given: the next
    // dose is not due yet) or an earlier one (the unique index); nothing is written by the refusals.
    const again = await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: second!.id } });
    expect(again.statusCode).toBe(409);
    expect(again.json().errors[0].field).toBe('vaccine');
    expect(again.json().detail).toMatch(/^There is already a booking for dose 1 on .*; move or cancel it instead\. The next dose can be booked from /);
    expect(await seats(second!.id)).toMatchObject({ booked: 0 });

    const moved = await call({ method: 'POST', url: `/api/vaccination/my/bookings/${booking.id}/move`, payload: { slotId: second!.id } });
    expect(moved.statusCode, moved.body).toBe(200);
    expect(moved.json().bookings[0]).toMatchObject({ id: booking.id, slotId: second!.id, startsAt: second!.startsAt });
    expect(await seats(first!.id)).toMatchObject({ booked: 0 });
    expect(await seats(second!.id)).toMatchObject({ booked: 1 });
    const earlier = await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: first!.id } });
    expect(earlier.statusCode).toBe(409);
    expect(earlier.json().detail).toMatch(/^There is already a booking for this dose; move or cancel it instead/);
    expect(await seats(first!.id)).toMatchObject({ booked: 0 });

    const cancelled = await call({ method: 'POST', url: `/api/vaccination/my/bookings/${booking.id}/cancel` });
    expect(cancelled.statusCode, cancelled.body).toBe(200);
    expect(cancelled.json().bookings[0]).toMatchObject({ status: 'cancelled', cancelledAt: expect.any(String) });
    expect(await seats(second!.id)).toMatchObject({ booked: 0 });
    const after = (await call({ method: 'GET', url: '/api/vaccination/my' })).json();
    expect(after.me.bookings.map((b: { status: string }) => b.status)).toEqual(['cancelled']);
    const audit = await env.database.query<{ action: string }>("SELECT action FROM audit_log WHERE person_id = $1 AND action LIKE 'vaccination.booking.%' ORDER BY at", [person.id]);
    expect(audit.map((a) => a.action)).toEqual(['vaccination.booking.created', 'vaccination.booking.moved', 'vaccination.booking.cancelled']);

    // Someone else's booking is not found, not forbidden.
    const { call: stranger } = await citizen();
    expect((await stranger({ method: 'POST', url: `/api/vaccination/my/bookings/${booking.id}/cancel` })).statusCode).toBe(404);
  });

  it('refuses a full time with a fair answer: the next free time, and when new times are released', async () => {
    const slot = site.slots[2]!;
    for (let i = 0; i < 2; i++) expect((await (await citizen()).call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: slot.id } })).statusCode).toBe(201);
    const { call } = await citizen();
    const full = await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: slot.id } });
    expect(full.statusCode).toBe(409);
    expect(full.headers['content-type']).toMatch(/problem\+json/);
    expect(full.json().detail).toMatch(/^The time is fully booked\. The next free time is on 2023-10-17 at Vaccinationscentrum Arenan\./);
    expect(full.json().errors[0].field).toBe('slotId');
    expect(await seats(slot.id)).toEqual({ booked: 2, capacity: 2 });

    // Times released later are not shown or bookable before then, and the wait answer names the day.
    const manager = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'site_manager')));
    const later = await newSite(env, { name: 'Mobil enhet Hälla', kind: 'mobile_unit', days: ['2023-10-24', '2023-10-24'] });
    expect(later.slots).toHaveLength(4);
    await manager({ method: 'PUT', url: `/api/vaccination/sites/${later.id}/staffing`, payload: { from: '2023-10-25', to: '2023-10-25', vaccinators: 1, perVaccinatorPerHour: 4 } });
    await manager({ method: 'POST', url: `/api/vaccination/sites/${later.id}/slots`, payload: { from: '2023-10-25', to: '2023-10-25', releaseAt: '2023-10-20T06:00:00Z' } });
    const wait = (await call({ method: 'GET', url: `/api/vaccination/availability?siteId=${later.id}` })).json();
    expect(wait.nextRelease).toMatchObject({ siteName: 'Mobil enhet Hälla', releasedAt: '2023-10-20T06:00:00.000Z' });
    expect(wait.message.sv).toMatch(/Nya tider släpps 20 oktober 2023/);
    const hidden = (await call({ method: 'GET', url: `/api/vaccination/slots?siteId=${later.id}&from=2023-10-25` })).json().slots;
    expect(hidden).toEqual([]);
  });

  it('books covid-19 and influenza in one visit with one seat, and a guardian books for a child', async () => {
    const household = crypto.randomUUID();
    const { person: parent, call } = await citizen({ birthDate: '1950-03-03', householdId: household });
    const child = await newPerson(env.ctx, { birthDate: '2016-06-06', householdId: household });
    const slot = site.slots[3]!;
    const both = await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: slot.id, withInfluenza: true } });
    expect(both.statusCode, both.body).toBe(201);
    const rows = both.json().bookings;
    expect(rows.map((b: { vaccine: string }) => b.vaccine)).toEqual(['covid-19', 'influenza']);
    expect(rows[0].visitId).toBe(rows[1].visitId);
    expect(await seats(slot.id)).toMatchObject({ booked: 1 });

    // The child is not in a risk group yet: no rule covers a 7-year-old.
    const refused = await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: site.slots[4]!.id, vaccine: 'influenza', personId: child.id } });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0]).toMatchObject({ field: 'withInfluenza', message: expect.stringMatching(/Ingen gällande rekommendation om vaccination mot influensa omfattar dig \(du är 7 år\)/) });
    const vaccinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccinator')));
    expect((await vaccinator({ method: 'PUT', url: `/api/vaccination/persons/${child.id}/risk-group`, payload: { riskGroup: true, note: 'astma' } })).statusCode).toBe(200);
    const forChild = await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: site.slots[4]!.id, vaccine: 'influenza', personId: child.id } });
    expect(forChild.statusCode, forChild.body).toBe(201);
    expect(forChild.json().bookings[0]).toMatchObject({ personId: child.id, channel: 'guardian', vaccine: 'influenza' });
    const my = (await call({ method: 'GET', url: '/api/vaccination/my' })).json();
    expect(my.children).toHaveLength(1);
    expect(my.children[0]).toMatchObject({ personId: child.id, age: 7, eligibility: { influenza: { eligible: true } } });
    expect(my.children[0].bookings).toHaveLength(1);

    // A child of another household is refused.
    const other = await newPerson(env.ctx, { birthDate: '2016-06-06' });
    const notMine = await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: site.slots[4]!.id, vaccine: 'influenza', personId: other.id } });
    expect(notMine.statusCode).toBe(400);
    expect(notMine.json().errors[0].field).toBe('personId');
    expect(parent.id).toBeTruthy();
  });

  it('lets the call centre book for someone without e-ID, with the reason in the audit log', async () => {
    const person = await newPerson(env.ctx, { birthDate: '1940-01-01' });
    const agent = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
    const noNote = await agent({ method: 'POST', url: '/api/vaccination/bookings', payload: { personId: person.id, slotId: site.slots[5]!.id, reason: 'other' } });
    expect(noNote.statusCode).toBe(400);
    expect(noNote.json().errors[0].field).toBe('note');
    const ok = await agent({ method: 'POST', url: '/api/vaccination/bookings', payload: { personId: person.id, slotId: site.slots[5]!.id, reason: 'no_eid', note: 'ringde själv, saknar BankID' } });
    expect(ok.statusCode, ok.body).toBe(201);
    expect(ok.json().bookings[0]).toMatchObject({ channel: 'on_behalf', doseNumber: 1 });
    const [entry] = await env.database.query<{ purpose: string }>("SELECT purpose FROM audit_log WHERE person_id = $1 AND action = 'vaccination.booking.created'", [person.id]);
    expect(entry!.purpose).toBe('bokning åt annan: no_eid: ringde själv, saknar BankID');
    const [row] = await env.database.query<{ on_behalf_reason: string }>('SELECT on_behalf_reason FROM vaccination_bookings WHERE person_id = $1', [person.id]);
    expect(row!.on_behalf_reason).toBe('no_eid: ringde själv, saknar BankID');
  });
});

describe('the vaccinator', () => {
  it('finds the day’s bookings, checks eligibility and records the dose; dose 2 is proposed at the interval', async () => {
    const person = await newPerson(env.ctx, { birthDate: '1938-08-08' });
    const agent = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccinator')));
    const booking = (await agent({ method: 'POST', url: '/api/vaccination/bookings', payload: { personId: person.id, slotId: site.slots[6]!.id, reason: 'no_eid' } })).json().bookings[0];
    const day = (await agent({ method: 'GET', url: `/api/vaccination/sites/${site.id}/appointments?date=2023-10-18` })).json().appointments;
    expect(day.find((a: { personId: string }) => a.personId === person.id)).toMatchObject({ bookingId: booking.id, doseNumber: 1, status: 'booked', identityNumber: expect.stringMatching(/^19380808-\d{4}$/) });
    const record = (await agent({ method: 'GET', url: `/api/vaccination/persons/${person.id}?purpose=vaccination` })).json();
    expect(record.eligibility.covid).toMatchObject({ eligible: true, doseNumber: 1 });
    expect(record.eligibility.covid.reason).toMatch(/80 år och äldre.*du är 85 år/);

    // The batches the site has (plenty: its bookings are then limited by their doses too).
    await deliveredBatch(env, { batchNumber: 'HH1234', productCode: 'comirnaty-xbb15', sites: [{ siteId: site.id, vials: 100 }] });
    await deliveredBatch(env, { batchNumber: 'FK5618', sites: [{ siteId: site.id, vials: 100 }] });
    const base = { personId: person.id, bookingId: booking.id, siteId: site.id, vaccine: 'covid-19', productCode: 'comirnaty-xbb15', batchNumber: 'HH1234', doseNumber: 1 };
    const wrongDose = await agent({ method: 'POST', url: '/api/vaccination/doses', payload: { ...base, doseNumber: 2 } });
    expect(wrongDose.statusCode).toBe(400);
    expect(wrongDose.json().errors[0].field).toBe('doseNumber');
    const wrongProduct = await agent({ method: 'POST', url: '/api/vaccination/doses', payload: { ...base, productCode: 'vaxigrip-tetra' } });
    expect(wrongProduct.json().errors[0].field).toBe('productCode');
    const badBatch = await agent({ method: 'POST', url: '/api/vaccination/doses', payload: { ...base, batchNumber: 'x' } });
    expect(badBatch.json().errors[0].field).toBe('batchNumber');
    expect(await count(env.database, 'vaccination_doses')).toBe(0);

    const given = await agent({ method: 'POST', url: '/api/vaccination/doses', payload: base });
    expect(given.statusCode, given.body).toBe(201);
    const { dose, next } = given.json();
    expect(dose).toMatchObject({ vaccine: 'covid-19', doseNumber: 1, productName: 'Comirnaty Omicron XBB.1.5', batchNumber: 'HH1234', siteId: site.id, bookingId: booking.id });
    // 80+: the next dose in spring, at least six months on.
    expect(next).toMatchObject({ eligible: false, doseNumber: 2, from: '2024-04-13' });
    const [b] = await env.database.query<{ status: string }>('SELECT status FROM vaccination_bookings WHERE id = $1', [booking.id]);
    expect(b!.status).toBe('attended');
    const [event] = await env.database.query<{ topic: string; payload: { doseId: string; personId: string } }>("SELECT topic, payload FROM outbox WHERE idempotency_key = $1", [`vaccination.DoseRecorded:${dose.id}`]);
    expect(event).toMatchObject({ topic: 'vaccination.DoseRecorded', payload: { doseId: dose.id, personId: person.id, regionId: '18' } });
    const twice = await agent({ method: 'POST', url: '/api/vaccination/doses', payload: { ...base, bookingId: undefined } });
    expect(twice.statusCode).toBe(400);
    expect(twice.json().errors[0].field).toBe('doseNumber');

    // A drop-in dose without a booking, to someone no rule covers, needs the vaccinator's reason.
    const young = await newPerson(env.ctx, { birthDate: '2010-01-01' });
    const drop = { personId: young.id, siteId: site.id, vaccine: 'covid-19', productCode: 'comirnaty', batchNumber: 'FK5618', doseNumber: 1 };
    const refused = await agent({ method: 'POST', url: '/api/vaccination/doses', payload: drop });
    expect(refused.json().errors[0]).toMatchObject({ field: 'outsideRecommendation', message: expect.stringMatching(/du är 13 år/) });
    expect((await agent({ method: 'POST', url: '/api/vaccination/doses', payload: { ...drop, outsideRecommendation: 'Immunsupprimerad, ordination av barnläkare' } })).statusCode).toBe(201);

    // The citizen sees their vaccination.
    const mine = (await as(env.app, await loginCookie(env.ctx, citizenActor(person)))({ method: 'GET', url: '/api/vaccination/my' })).json();
    expect(mine.me.doses).toEqual([expect.objectContaining({ doseNumber: 1, productName: 'Comirnaty Omicron XBB.1.5', siteName: 'Vaccinationscentrum Arenan' })]);
  });

  it('cannot see or vaccinate another region’s people', async () => {
    const here = await newPerson(env.ctx, { birthDate: '1950-01-01' });
    const stockholm = await asStaffElsewhere(env, '01', 'vaccinator');
    expect((await stockholm({ method: 'GET', url: `/api/vaccination/persons/${here.id}?purpose=vaccination` })).statusCode).toBe(404);
    expect((await stockholm({ method: 'GET', url: `/api/vaccination/sites/${site.id}/appointments?date=2023-10-17` })).statusCode).toBe(404);
    const dose = await stockholm({ method: 'POST', url: '/api/vaccination/doses', payload: { personId: here.id, siteId: site.id, vaccine: 'covid-19', productCode: 'comirnaty', batchNumber: 'AB1234', doseNumber: 1 } });
    expect(dose.statusCode).toBe(400);
    expect(dose.json().errors[0].field).toBe('personId');
    const book = await stockholm({ method: 'POST', url: '/api/vaccination/bookings', payload: { personId: here.id, slotId: site.slots[7]!.id, reason: 'no_eid' } });
    expect(book.statusCode).toBe(400);
    expect(book.json().errors[0].field).toBe('personId');
    expect((await stockholm({ method: 'GET', url: '/api/vaccination/sites' })).json().sites.map((s: { id: string }) => s.id)).not.toContain(site.id);
    expect((await env.database.query("SELECT 1 FROM audit_log WHERE person_id = $1 AND region_id = '01'", [here.id])).length).toBe(0);
  });
});

describe('the next dose', () => {
  it('books the next dose at its interval before the booked one is given: 80+, the spring dose 180 days after the autumn one', async () => {
    const autumn = await newSite(env, { name: 'Höstmottagningen', days: ['2023-10-18', '2023-10-18'] });
    const spring = await newSite(env, { name: 'Vårmottagningen', days: ['2024-04-10', '2024-04-17'] });
    const { call } = await citizen({ birthDate: '1938-05-05' });
    const first = await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: autumn.slots[0]!.id } });
    expect(first.json().bookings[0]).toMatchObject({ doseNumber: 1 });
    // 10 April 2024 is 175 days after 18 October: too soon, with the day it can be booked from.
    const tooSoon = await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: spring.slots[0]!.id } });
    expect(tooSoon.statusCode).toBe(409);
    expect(tooSoon.json().detail).toContain('The next dose can be booked from 2024-04-15');
    const april17 = spring.slots.find((sl) => sl.startsAt.startsWith('2024-04-17'))!;
    const second = await call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: april17.id } });
    expect(second.statusCode, second.body).toBe(201);
    expect(second.json().bookings[0]).toMatchObject({ doseNumber: 2, startsAt: april17.startsAt });
  });
});

describe('doses in stock', () => {
  it('books no more at a site that tracks its stock than the doses it expects, with the fair answer after', async () => {
    const small = await newSite(env, { name: 'Vårdcentralen Liten', days: ['2023-10-18', '2023-10-18'] });
    const coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
    const put = async (method: 'PUT' | 'POST', url: string, payload: object) => {
      const res = await coordinator({ method, url, payload });
      expect(res.statusCode, res.body).toBeLessThan(300);
    };
    await put('PUT', '/api/vaccination/supply/products', { productCode: 'comirnaty', dosesPerVial: 6 });
    await put('POST', '/api/vaccination/supply/forecasts', { productCode: 'comirnaty', isoWeek: '2023-W42', doses: 1 });
    await put('PUT', '/api/vaccination/supply/forecasts/allocations', { productCode: 'comirnaty', isoWeek: '2023-W42', allocations: [{ siteId: small.id, doses: 1 }] });

    const first = await citizen({ birthDate: '1970-01-01' });
    expect((await first.call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: small.slots[0]!.id } })).statusCode).toBe(201);
    const second = await citizen({ birthDate: '1971-01-01' });
    const refused = await second.call({ method: 'POST', url: '/api/vaccination/my/bookings', payload: { slotId: small.slots[1]!.id } });
    expect(refused.statusCode).toBe(409);
    expect(refused.json().detail).toMatch(/^Vårdcentralen Liten has no more doses to book that day\. The next free time is /);
    expect(await seats(small.slots[1]!.id)).toMatchObject({ booked: 0 });
  });
});
