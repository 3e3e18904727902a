import { and, eq } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv, asStaffElsewhere } from '../../../test/harness.js';
import { stockholmTime } from '../../platform/time.js';
import { vaccinationRecommendations } from '../model.js';
import { letters } from './service.js';

let now = stockholmTime('2021-03-01', '09:00');
let env: TestEnv;
let coordinator: ReturnType<typeof as>;
let recommendationId: string;
const people: Record<string, { id: string; regionId: string }> = {};

/** A booking as the booking area leaves it, at a site and time of the region (only its status and times matter here). */
async function booking(personId: string, status: 'booked' | 'cancelled', bookedAt: string, cancelledAt: string | null = null) {
  await env.database.query(
    `WITH site AS (INSERT INTO vaccination_sites (region_id, name, kind, vaccines) VALUES ('18', 'Arenan', 'mass_centre', '{covid-19}') RETURNING id),
       slot AS (INSERT INTO vaccination_slots (region_id, site_id, starts_at, ends_at, day, capacity, released_at)
         SELECT '18', id, '2021-03-20T09:00:00Z', '2021-03-20T09:15:00Z', '2021-03-20', 1, '2021-03-01T00:00:00Z' FROM site RETURNING id, site_id)
     INSERT INTO vaccination_bookings (region_id, visit_id, person_id, site_id, slot_id, vaccine, dose_number, starts_at, status, channel, booked_by, booked_at, cancelled_at)
     SELECT '18', gen_random_uuid(), $1, slot.site_id, slot.id, 'covid-19', 1, '2021-03-20T09:00:00Z', $2, 'self', 'test', $3, $4 FROM slot`,
    [personId, status, bookedAt, cancelledAt],
  );
}

beforeAll(async () => {
  env = await setupTest({ clock: { now: () => now } });
  coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
  // The national recommendations are seeded for every region; phase 2 (2021) covers 65 and older.
  const [rec] = await env.database.db.select().from(vaccinationRecommendations).where(and(eq(vaccinationRecommendations.regionId, '18'), eq(vaccinationRecommendations.code, 'covid-2021-fas-2')));
  recommendationId = rec!.id;
  const place = { municipalityCode: '1880', postalCode: '70361', locality: 'Örebro', streetAddress: 'Storgatan 1' };
  people.elder = await newPerson(env.ctx, { ...place, givenName: 'Greta', familyName: 'Äldre', birthDate: '1940-04-02', phone: '0701111111' });
  people.noPhone = await newPerson(env.ctx, { ...place, givenName: 'Gustav', familyName: 'Utan', birthDate: '1945-06-01', postalCode: '70362' });
  people.young = await newPerson(env.ctx, { ...place, givenName: 'Ung', familyName: 'Person', birthDate: '1990-01-01', phone: '0702222222' });
  people.booked = await newPerson(env.ctx, { ...place, givenName: 'Bokad', familyName: 'Redan', birthDate: '1938-01-01', phone: '0703333333' });
  people.otherTown = await newPerson(env.ctx, { ...place, municipalityCode: '1861', postalCode: '69430', givenName: 'Hall', familyName: 'Berg', birthDate: '1939-01-01', phone: '0704444444' });
  people.stockholm = await newPerson(env.ctx, { regionId: '01', municipalityCode: '0180', postalCode: '11122', givenName: 'Sthlm', familyName: 'Äldre', birthDate: '1936-01-01', phone: '0705555555' });
  await booking(people.booked.id, 'booked', '2021-02-20T10:00:00Z');
});
afterAll(() => env.close());

describe('invitations', () => {
  let listId: string;

  it('builds a list of the eligible, unvaccinated, unbooked people of the area, and names bad fields', async () => {
    const noArea = await coordinator({ method: 'POST', url: '/api/vaccination/invitations/lists', payload: { recommendationId } });
    expect(noArea.statusCode).toBe(400);
    expect(noArea.json().errors[0].field).toBe('municipalityCode');
    const foreign = await coordinator({ method: 'POST', url: '/api/vaccination/invitations/lists', payload: { recommendationId, municipalityCode: '0180' } });
    expect(foreign.json().errors[0].field).toBe('municipalityCode');
    const noRec = await coordinator({ method: 'POST', url: '/api/vaccination/invitations/lists', payload: { recommendationId: crypto.randomUUID(), municipalityCode: '1880' } });
    expect(noRec.json().errors[0].field).toBe('recommendationId');
    expect(await count(env.database, 'vaccination_invitation_lists')).toBe(0);

    const res = await coordinator({ method: 'POST', url: '/api/vaccination/invitations/lists', payload: { recommendationId, municipalityCode: '1880', postalCodePrefix: '703' } });
    expect(res.statusCode).toBe(201);
    listId = res.json().id;
    expect(res.json()).toMatchObject({ people: 2, lettersSent: 0, smsSent: 0 });
    const listed = await env.database.query<{ person_id: string }>('SELECT person_id FROM vaccination_invitations WHERE list_id = $1', [listId]);
    expect(listed.map((r) => r.person_id).sort()).toEqual([people.elder!.id, people.noPhone!.id].sort());
    expect(await env.database.query("SELECT 1 FROM audit_log WHERE action = 'vaccination.invitation.listed'")).toHaveLength(2);
    // The same recommendation and area again: nobody twice.
    const again = await coordinator({ method: 'POST', url: '/api/vaccination/invitations/lists', payload: { recommendationId, municipalityCode: '1880' } });
    expect(again.json().people).toBe(0);
  });

  it('sends SMS via the outbox and letters as one merged print file, once', async () => {
    const sent = (await coordinator({ method: 'POST', url: `/api/vaccination/invitations/lists/${listId}/send`, payload: { letters: true, sms: true } })).json();
    expect(sent).toEqual({ listId, letters: 2, sms: 1, withoutPhone: 1 });
    await env.worker.drain();
    const sms = await env.database.query<{ recipient: string; body: string }>("SELECT recipient, body FROM delivered_messages WHERE channel = 'sms'");
    expect(sms).toEqual([{ recipient: '0701111111', body: expect.stringContaining('dos 1') }]);
    expect((await coordinator({ method: 'POST', url: `/api/vaccination/invitations/lists/${listId}/send`, payload: { letters: true, sms: true } })).json()).toMatchObject({ letters: 0, sms: 0 });

    const merged = await coordinator({ method: 'GET', url: `/api/vaccination/invitations/lists/${listId}/letters.pdf` });
    expect(merged.headers['content-type']).toBe('application/pdf');
    expect(merged.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    expect(merged.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(2);
    const one = await coordinator({ method: 'GET', url: `/api/vaccination/invitations/lists/${listId}/letters/${people.elder!.id}.pdf` });
    expect(one.rawPayload.toString('latin1').match(/\/Type \/Page\b/g)).toHaveLength(1);
    expect((await coordinator({ method: 'GET', url: `/api/vaccination/invitations/lists/${listId}/letters/${people.young!.id}.pdf` })).statusCode).toBe(404);
  });

  it('audits the letters a download delivered, and none when the client gave up before the PDF was ready', async () => {
    const printed = () => count(env.database, "audit_log WHERE action = 'vaccination.invitation.printed'");
    const before = await printed();
    const given = new AbortController();
    given.abort(new Error('the client closed the connection'));
    const actor = await newStaff(env.ctx, 'vaccine_coordinator');
    await expect(letters(env.ctx, actor, listId, undefined, given.signal)).rejects.toThrow('closed the connection');
    expect(await printed()).toBe(before);
    await letters(env.ctx, actor, listId, undefined, new AbortController().signal);
    expect(await printed()).toBe(before + 2);
  });

  it('reminds those who have not booked, and counts cancellations by age group', async () => {
    expect((await coordinator({ method: 'POST', url: `/api/vaccination/invitations/lists/${listId}/remind`, payload: { afterDays: 7 } })).json().reminded).toBe(0);
    now = stockholmTime('2021-03-10', '09:00');
    coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator'))); // the morning's session has expired
    // Greta books, then cancels: still not booked, so she is reminded.
    await booking(people.elder!.id, 'cancelled', '2021-03-02T10:00:00Z', '2021-03-05T10:00:00Z');
    const r = (await coordinator({ method: 'POST', url: `/api/vaccination/invitations/lists/${listId}/remind`, payload: { afterDays: 7 } })).json();
    expect(r).toEqual({ listId, reminded: 1, notBookedWithoutPhone: 1 });
    expect((await coordinator({ method: 'POST', url: `/api/vaccination/invitations/lists/${listId}/remind`, payload: { afterDays: 7 } })).json().reminded).toBe(0);
    await env.worker.drain();
    expect(await env.database.query("SELECT 1 FROM delivered_messages WHERE channel = 'sms' AND body LIKE '%Påminnelse%'")).toHaveLength(1);

    const list = (await coordinator({ method: 'GET', url: `/api/vaccination/invitations/lists/${listId}` })).json();
    expect(list).toMatchObject({ people: 2, lettersSent: 2, smsSent: 1, reminded: 1, bookedOrVaccinated: 0, cancelledWithoutNewBooking: 1 });

    const c = (await coordinator({ method: 'GET', url: '/api/vaccination/invitations/cancellations?from=2021-02-01&to=2021-03-31&vaccine=covid-19' })).json();
    expect(c.groups.find((g: { ageGroup: string }) => g.ageGroup === '80+')).toEqual({ ageGroup: '80+', booked: 2, cancelled: 1, cancelledShare: 0.5 });
    expect(c.total).toEqual({ booked: 2, cancelled: 1, cancelledShare: 0.5 });
    const bad = await coordinator({ method: 'GET', url: '/api/vaccination/invitations/cancellations?from=2021-13-01&to=2021-03-31' });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('from');
  });

  it('keeps people of one region invisible to another region', async () => {
    const stockholm = await asStaffElsewhere(env, '01', 'vaccine_coordinator');
    expect((await stockholm({ method: 'GET', url: '/api/vaccination/invitations/lists' })).json().lists).toEqual([]);
    expect((await stockholm({ method: 'GET', url: `/api/vaccination/invitations/lists/${listId}/letters.pdf` })).statusCode).toBe(404);
    expect((await stockholm({ method: 'POST', url: `/api/vaccination/invitations/lists/${listId}/send`, payload: {} })).statusCode).toBe(404);
    // Their coordinator cannot use our recommendation to list their own people either.
    const theirs = await stockholm({ method: 'POST', url: '/api/vaccination/invitations/lists', payload: { recommendationId, municipalityCode: '0180' } });
    expect(theirs.json().errors[0].field).toBe('recommendationId');
  });
});
