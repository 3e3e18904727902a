import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { distributionPoints } from './model.js';

let env: TestEnv;
let lab: ReturnType<typeof as>;
let sampler: ReturnType<typeof as>;
let pointId: string;

beforeAll(async () => {
  env = await setupTest();
  lab = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'lab')));
  sampler = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'sampler')));
  const [p] = await env.database.db.insert(distributionPoints).values({ regionId: '18', kind: 'pharmacy', name: 'Apoteket Hjärtat Örebro', openingHours: 'mån–fre 9–19' }).returning();
  pointId = p!.id;
});
afterAll(() => env.close());

async function issue(n: number, testType = 'pcr') {
  const res = await lab({ method: 'POST', url: '/api/testing/kits', payload: { count: n, testType } });
  expect(res.statusCode, res.body).toBe(201);
  return res.json().kits as string[];
}

describe('self-sampling from order to answer', () => {
  it('orders, registers by QR code, is received, analysed and answered with advice, and raises the positive event', async () => {
    const person = await newPerson(env.ctx, { phone: '0701740605', email: 'testa@example.com' });
    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(person)));
    const [kit] = await issue(1);

    const points = (await citizen({ method: 'GET', url: '/api/testing/distribution-points' })).json().points;
    expect(points.map((p: { name: string }) => p.name)).toContain('Apoteket Hjärtat Örebro');
    const order = await citizen({ method: 'POST', url: '/api/testing/my/orders', payload: { distributionPointId: pointId } });
    expect(order.statusCode, order.body).toBe(201);

    // Scanned QR codes carry a URL; typed codes come in any case with or without dashes.
    const registered = await citizen({ method: 'POST', url: '/api/testing/my/kits', payload: { kitCode: `https://lagesbild.example/k/${kit!.toLowerCase()}` } });
    expect(registered.statusCode, registered.body).toBe(201);
    expect(registered.json()).toMatchObject({ status: 'registered', collection: 'self', result: null });
    expect((await citizen({ method: 'GET', url: '/api/testing/my' })).json().orders[0].status).toBe('registered');

    expect((await lab({ method: 'POST', url: '/api/testing/lab/received', payload: { kitCode: kit } })).json().status).toBe('received');
    const result = await lab({ method: 'POST', url: '/api/testing/lab/results', payload: { kitCode: kit, testType: 'pcr', result: 'positive', method: 'RT-PCR' } });
    expect(result.json()).toMatchObject({ status: 'accepted' });

    const mine = (await citizen({ method: 'GET', url: '/api/testing/my' })).json();
    expect(mine.samples[0]).toMatchObject({ status: 'answered', result: 'positive' });

    await env.worker.drain();
    // The answer, and (from contact tracing, which opened a case) the questionnaire.
    const inbox = (await citizen({ method: 'GET', url: '/api/inbox' })).json().messages as { subject: string; body: string }[];
    const answer = inbox.find((m) => m.subject.startsWith('Provsvar'));
    expect(answer?.subject).toMatch(/^Provsvar: PCR-test/);
    expect(answer?.body).toMatch(/En smittspårare kommer att kontakta dig/);
    expect(inbox.map((m) => m.subject)).toContain('Smittspårning: frågor om dina kontakter');
    const notices = await env.database.query<{ channel: string; body: string }>("SELECT channel, body FROM delivered_messages WHERE person_id = $1 AND idempotency_key LIKE 'result:%' ORDER BY channel", [person.id]);
    expect(notices.map((n) => n.channel)).toEqual(['email', 'inbox', 'sms']);
    expect(notices.find((n) => n.channel === 'sms')!.body).not.toMatch(/covid-19\./); // the notice never carries the answer
    const [event] = await env.database.query<{ payload: { personId: string; collection: string } }>("SELECT payload FROM outbox WHERE topic = 'testing.PositiveResultRegistered'");
    expect(event!.payload).toMatchObject({ personId: person.id, collection: 'self' });

    // The same result again changes nothing; a different one is refused.
    expect((await lab({ method: 'POST', url: '/api/testing/lab/results', payload: { kitCode: kit, testType: 'pcr', result: 'positive' } })).json().status).toBe('unchanged');
    const conflicting = await lab({ method: 'POST', url: '/api/testing/lab/results', payload: { kitCode: kit, testType: 'pcr', result: 'negative' } });
    expect(conflicting.statusCode).toBe(409);
  });

  it('refuses mistyped, unknown and already used kit ids clearly', async () => {
    const person = await newPerson(env.ctx);
    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(person)));
    const [kit] = await issue(1);
    const typo = kit!.slice(0, 3) + (kit![3] === 'A' ? 'B' : 'A') + kit!.slice(4);
    const bad = await citizen({ method: 'POST', url: '/api/testing/my/kits', payload: { kitCode: typo } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0]).toMatchObject({ field: 'kitCode' });
    expect(bad.json().errors[0].message).toMatch(/check character/);
    const unknown = await citizen({ method: 'POST', url: '/api/testing/my/kits', payload: { kitCode: '0000-0000-0000-0' } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].message).toMatch(/not one of the region/);
    expect((await citizen({ method: 'POST', url: '/api/testing/my/kits', payload: { kitCode: kit } })).statusCode).toBe(201);
    const again = await citizen({ method: 'POST', url: '/api/testing/my/kits', payload: { kitCode: kit } });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/already registered/);
  });

  it('holds a result for an unknown kit for manual matching instead of dropping it', async () => {
    const [kit] = await issue(1);
    const res = await lab({ method: 'POST', url: '/api/testing/lab/results', payload: { kitCode: kit, testType: 'pcr', result: 'negative' } });
    expect(res.json().status).toBe('held');
    expect(await env.database.query("SELECT 1 FROM unmatched_results WHERE status = 'held'")).toHaveLength(1);
  });
});

describe('assisted sampling', () => {
  it('books within capacity, records the sample, and puts a negative answer on the call list instead of the inbox', async () => {
    const station = (await env.database.query<{ id: string }>("INSERT INTO units (region_id, kind, name) VALUES ('18', 'sampling_station', 'Drive-in Örebro') RETURNING id"))[0]!.id;
    const date = new Date(Date.now() + 2 * 86_400_000).toISOString().slice(0, 10);
    const slots = await sampler({ method: 'POST', url: '/api/testing/slots', payload: { stationId: station, date, from: '09:00', to: '10:00', minutes: 30, capacity: 1 } });
    expect(slots.json()).toEqual({ created: 2, skipped: 0 });
    const [slot] = (await sampler({ method: 'GET', url: `/api/testing/slots?date=${date}&stationId=${station}` })).json().slots;
    const child = await newPerson(env.ctx, { birthDate: '2015-04-04' });
    const other = await newPerson(env.ctx);
    const booking = await sampler({ method: 'POST', url: '/api/testing/bookings', payload: { slotId: slot.id, personId: child.id, reason: 'child', phone: '0701740606' } });
    expect(booking.statusCode, booking.body).toBe(201);
    const full = await sampler({ method: 'POST', url: '/api/testing/bookings', payload: { slotId: slot.id, personId: other.id, reason: 'no_eid' } });
    expect(full.statusCode).toBe(409);

    const sample = await sampler({ method: 'POST', url: '/api/testing/samples', payload: { personId: child.id, bookingId: booking.json().id, testType: 'pcr' } });
    expect(sample.statusCode, sample.body).toBe(201);
    expect(sample.json().collection).toBe('staff');
    const inboxBefore = await count(env.database, 'outbox');
    await lab({ method: 'POST', url: '/api/testing/lab/results', payload: { kitCode: sample.json().kitCode, testType: 'pcr', result: 'negative' } });
    expect(await count(env.database, 'outbox')).toBe(inboxBefore);
    const calls = (await sampler({ method: 'GET', url: '/api/testing/call-list' })).json().calls;
    expect(calls).toEqual([expect.objectContaining({ personId: child.id, phone: '0701740606', attempts: 0 })]);
    await sampler({ method: 'POST', url: `/api/testing/call-list/${calls[0].sampleId}`, payload: { outcome: 'no_answer' } });
    expect((await sampler({ method: 'GET', url: '/api/testing/call-list' })).json().calls[0].attempts).toBe(1);
    await sampler({ method: 'POST', url: `/api/testing/call-list/${calls[0].sampleId}`, payload: { outcome: 'reached' } });
    expect((await sampler({ method: 'GET', url: '/api/testing/call-list' })).json().calls).toEqual([]);
  });
});
