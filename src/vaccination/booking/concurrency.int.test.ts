import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onServer } from '../../../test/db.js';
import { citizenActor, newPerson, setupTest, type TestEnv } from '../../../test/harness.js';
import { fixedClock, newSite, type SiteSetup } from '../../../test/vaccination.js';
import { AppError } from '../../platform/errors.js';
import { bookAsCitizen, cancelBooking, moveBooking } from './service.js';

/**
 * Booking under load, decided by the database: many transactions at the same moment. On PGlite they
 * serialize; with DATABASE_URL they run truly in parallel on PostgreSQL, through a pool of 20 connections.
 */
const clock = fixedClock('2023-10-16T06:00:00Z');
let env: TestEnv;
let site: SiteSetup;

beforeAll(async () => {
  env = await setupTest({ clock });
  // One vaccinator at 12 an hour: three seats in each 15-minute time.
  site = await newSite(env, { days: ['2023-10-17', '2023-10-17'], perHour: 12 });
});
afterAll(() => env.close());

const outcome = (p: Promise<unknown>) => p.then(() => 'booked' as const, (e: unknown) => (e instanceof AppError && e.code === 'conflict' ? ('conflict' as const) : Promise.reject(e)));

describe('concurrent booking', () => {
  it('fills a time with exactly its capacity when 40 people book it at once', async () => {
    const slot = site.slots[0]!;
    expect(slot.capacity).toBe(3);
    const people = await Promise.all(Array.from({ length: 40 }, () => newPerson(env.ctx)));
    const results = await Promise.all(people.map((p) => outcome(bookAsCitizen(env.ctx, citizenActor(p), { slotId: slot.id, vaccine: 'covid-19', withInfluenza: false }))));
    expect(results.filter((r) => r === 'booked')).toHaveLength(3);
    expect(results.filter((r) => r === 'conflict')).toHaveLength(37);
    const [row] = await env.database.query<{ booked: number }>('SELECT booked FROM vaccination_slots WHERE id = $1', [slot.id]);
    expect(row!.booked).toBe(3);
    const [n] = await env.database.query<{ n: number }>("SELECT count(*)::int AS n FROM vaccination_bookings WHERE slot_id = $1 AND status = 'booked'", [slot.id]);
    expect(n!.n).toBe(3);
  });

  it('gives one person one booking for a dose when they book it in ten tabs at once, and leaks no seat', async () => {
    const person = await newPerson(env.ctx);
    const slots = site.slots.slice(1, 4);
    const attempts = Array.from({ length: 10 }, (_, i) => slots[i % slots.length]!);
    const results = await Promise.all(attempts.map((s) => outcome(bookAsCitizen(env.ctx, citizenActor(person), { slotId: s.id, vaccine: 'covid-19', withInfluenza: false }))));
    expect(results.filter((r) => r === 'booked')).toHaveLength(1);
    const [live] = await env.database.query<{ n: number }>("SELECT count(*)::int AS n FROM vaccination_bookings WHERE person_id = $1 AND status = 'booked'", [person.id]);
    expect(live!.n).toBe(1);
    const [seats] = await env.database.query<{ n: number }>('SELECT sum(booked)::int AS n FROM vaccination_slots WHERE id = ANY($1::uuid[])', [slots.map((s) => s.id)]);
    expect(seats!.n).toBe(1);
  });
});

describe('concurrent moves and cancellations', () => {
  /** Deadlocks PostgreSQL has detected in this test's database (its statistics reach the view within a second or so). */
  const deadlocks = async () => {
    await new Promise((r) => setTimeout(r, 1500));
    const [row] = await env.database.query<{ n: number }>('SELECT deadlocks::int AS n FROM pg_stat_database WHERE datname = current_database()');
    return row!.n;
  };
  const liveIn = async (slotId: string) =>
    (await env.database.query<{ n: number }>("SELECT count(*)::int AS n FROM vaccination_bookings WHERE slot_id = $1 AND status = 'booked'", [slotId]))[0]!.n;
  const seatsOf = async (slotId: string) => (await env.database.query<{ booked: number }>('SELECT booked FROM vaccination_slots WHERE id = $1', [slotId]))[0]!.booked;

  it('moves people between two times in both directions at once, with cancellations, without an error or a lost seat', async () => {
    // 30 seats a time: 16 booked in each, 12 moving in and 12 out, so a move never meets a full time.
    const big = await newSite(env, { name: 'Vaccinationscentrum Hallen', days: ['2023-10-17', '2023-10-17'], vaccinators: 6, perHour: 20 });
    const [a, b] = [big.slots[0]!, big.slots[1]!];
    expect(a.capacity).toBe(30);
    const bookIn = async (slotId: string) => {
      const person = await newPerson(env.ctx);
      const [booking] = await bookAsCitizen(env.ctx, citizenActor(person), { slotId, vaccine: 'covid-19', withInfluenza: false });
      return { actor: citizenActor(person), bookingId: booking!.id };
    };
    const inA = await Promise.all(Array.from({ length: 16 }, () => bookIn(a.id)));
    const inB = await Promise.all(Array.from({ length: 16 }, () => bookIn(b.id)));
    const before = onServer ? await deadlocks() : 0;

    // Three rounds: the first 12 of each time cross over and back and over again, while 2 of those staying in each time cancel.
    const [fromA, fromB] = [inA.slice(0, 12), inB.slice(0, 12)];
    const cancellers = [...inA.slice(12, 14), ...inB.slice(12, 14)];
    for (let round = 0; round < 3; round++) {
      const [there, back] = round % 2 === 0 ? [b, a] : [a, b];
      const moves = [...fromA.map((m) => moveBooking(env.ctx, m.actor, m.bookingId, there.id)), ...fromB.map((m) => moveBooking(env.ctx, m.actor, m.bookingId, back.id))];
      const cancels = round === 0 ? cancellers.map((c) => cancelBooking(env.ctx, c.actor, c.bookingId)) : [];
      const results = await Promise.allSettled([...moves, ...cancels]);
      expect(results.filter((r) => r.status === 'rejected').map((r) => String((r as PromiseRejectedResult).reason))).toEqual([]);
    }

    // 16 − 2 cancelled in each time, and every counter equals its live bookings; the movers ended up crossed over.
    for (const slot of [a, b]) {
      expect(await liveIn(slot.id)).toBe(14);
      expect(await seatsOf(slot.id)).toBe(14);
    }
    const slotOf = async (people: { bookingId: string }[]) =>
      (await env.database.query<{ slot_id: string }>('SELECT DISTINCT slot_id FROM vaccination_bookings WHERE id = ANY($1::uuid[])', [people.map((p) => p.bookingId)])).map((r) => r.slot_id);
    expect(await slotOf(fromA)).toEqual([b.id]);
    expect(await slotOf(fromB)).toEqual([a.id]);
    if (onServer) expect(await deadlocks()).toBe(before);
  });
});
