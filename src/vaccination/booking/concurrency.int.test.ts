import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { citizenActor, newPerson, setupTest, type TestEnv } from '../../../test/harness.js';
import { fixedClock, newSite, type SiteSetup } from '../../../test/vaccination.js';
import { AppError } from '../../platform/errors.js';
import { bookAsCitizen } from './service.js';

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
