import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';
import { fixedClock, newSite, type SiteSetup } from '../../../test/vaccination.js';

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
