import { randomUUID } from 'node:crypto';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { personalDataScope } from '../../platform/auth/permissions.js';
import { record, recordMany } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { retryOnConflict, sqlState, UNIQUE_VIOLATION } from '../../platform/db/conflicts.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { findPerson } from '../../identity/store.js';
import { bookableDoses } from '../supply/availability.js';
import type { BookingChannel, Vaccine } from '../model.js';
import { historiesOf, recommendationsOf } from '../recommendations/engine.js';
import { evaluate, nextDoseAfter, type Eligibility, type GivenDose } from '../recommendations/rules.js';
import { swedishDate } from '../recommendations/dates.js';
import { childrenOf, summariesOf } from '../people.js';
import { isBookable, isoOf } from '../rules.js';
import type { BookBody, BookOnBehalfBody } from '../schemas.js';
import { availability } from '../sites/service.js';
import * as store from '../store.js';
import { dosesView } from '../administration/views.js';

type Body<T extends z.ZodType> = z.infer<T>;

/** The 409 when the time is gone, with the same fair answer for everyone: when to look again. */
async function fullyBooked(tx: Db, regionId: string, now: Date, what: { sv: string; en: string }): Promise<AppError> {
  const next = await availability(tx, regionId, now);
  return conflict(`${what.sv} ${next.message.sv} / ${what.en} ${next.message.en}`, 'slotId');
}

export const bookingView = (b: store.BookingRow, siteName: string) => ({
  id: b.id,
  visitId: b.visitId,
  personId: b.personId,
  siteId: b.siteId,
  siteName,
  slotId: b.slotId,
  vaccine: b.vaccine,
  doseNumber: b.doseNumber,
  startsAt: isoOf(b.startsAt),
  status: b.status,
  channel: b.channel,
  bookedAt: isoOf(b.bookedAt),
  cancelledAt: b.cancelledAt ? isoOf(b.cancelledAt) : null,
});

interface Checked {
  slot: store.SlotRow;
  site: store.SiteRow;
  doses: { vaccine: Vaccine; doseNumber: number; recommendationId: string | null }[];
}

/**
 * Everything a time must satisfy before a seat is taken: it exists, has opened for booking and not
 * started, the site gives the vaccines, the person is eligible on that day, and the site has doses.
 * Reads only: a booking runs it on the pool and then writes in one statement (bookVisit).
 */
async function checkSlotFor(db: Db, regionId: string, personId: string, slotId: string, vaccines: Vaccine[], now: Date, movingVisit?: string): Promise<Checked> {
  const found = await store.findSlotWithSite(db, regionId, slotId);
  if (!found) throw invalid('slotId', 'no such time');
  const { slot, site, trackedVaccines } = found;
  if (new Date(isoOf(slot.startsAt)) <= now) throw invalid('slotId', 'the time has passed');
  if (new Date(isoOf(slot.releasedAt)) > now) throw invalid('slotId', 'the time is not open for booking yet');
  if (!site.active || !isBookable(site.kind)) throw invalid('slotId', 'the site does not take bookings');
  const missing = vaccines.find((v) => !site.vaccines.includes(v));
  if (missing) throw invalid(missing === 'influenza' ? 'withInfluenza' : 'vaccine', `${site.name} does not give ${missing}`);
  const at = new Date(isoOf(slot.startsAt));
  // A dose booked at an earlier time counts as given: the next one can be booked at its interval.
  const person = (await historiesOf(db, regionId, [personId], { countBookedBefore: at, exceptVisit: movingVisit })).get(personId);
  if (!person) throw invalid('personId', 'no such person in your region');
  const recommendations = await recommendationsOf(db, regionId);
  const doses: Checked['doses'] = [];
  for (const vaccine of vaccines) {
    const e = evaluate(recommendations, person.facts, person.doses, at, vaccine);
    const booked = person.doses.findLast((d) => d.vaccine === vaccine && d.booked);
    if (!e.eligible && booked) throw alreadyBooked(booked, e);
    if (!e.eligible || e.doseNumber === null) throw invalid(vaccine === 'influenza' ? 'withInfluenza' : 'slotId', e.reason);
    doses.push({ vaccine, doseNumber: e.doseNumber, recommendationId: e.recommendationId });
  }
  const short = [];
  // Only a vaccine whose stock the site tracks can run short; the seats alone limit the others.
  for (const vaccine of vaccines.filter((v) => trackedVaccines.includes(v))) {
    const stock = await bookableDoses(db, regionId, site.id, slot.day, vaccine, now);
    if (stock !== null && stock < 1) short.push(vaccine);
  }
  if (short.length > 0) throw await fullyBooked(db, regionId, now, { sv: `${site.name} har inga fler doser att boka den dagen.`, en: `${site.name} has no more doses to book that day.` });
  return { slot, site, doses };
}

/** A time too soon after a dose already booked: the fair answer names the booking and when the next dose can be booked. */
function alreadyBooked(booked: GivenDose, next: Eligibility): AppError {
  const from = next.from ? { sv: ` Nästa dos kan bokas från ${swedishDate(next.from)}.`, en: ` The next dose can be booked from ${next.from}.` } : { sv: '', en: '' };
  return conflict(
    `Det finns redan en bokning för dos ${booked.doseNumber} den ${swedishDate(booked.day)}; flytta eller avboka den.${from.sv} / There is already a booking for dose ${booked.doseNumber} on ${booked.day}; move or cancel it instead.${from.en}`,
    'vaccine',
  );
}

interface BookRequest {
  personId: string;
  slotId: string;
  vaccine: Vaccine;
  withInfluenza: boolean;
  channel: BookingChannel;
  reason: string | null;
}

const FULL = { sv: 'Tiden är fullbokad.', en: 'The time is fully booked.' };

/**
 * Books a visit: one seat in the slot, one booking row per vaccine. The checks read; the booking is then one
 * statement with the two guards that make it safe under any load (store.bookVisitAtomically). Eligibility
 * and stock read a moment before the write can only be as stale as in a transaction of READ COMMITTED.
 */
async function bookVisit(ctx: AppContext, actor: Actor, regionId: string, req: BookRequest) {
  const now = ctx.clock.now();
  const db = ctx.database.db;
  const vaccines: Vaccine[] = req.withInfluenza && req.vaccine === 'covid-19' ? ['covid-19', 'influenza'] : [req.vaccine];
  const { slot, site, doses } = await checkSlotFor(db, regionId, req.personId, req.slotId, vaccines, now);
  const visitId = randomUUID();
  const audit = { action: 'vaccination.booking.created', personId: req.personId, purpose: req.channel === 'on_behalf' ? `bokning åt annan: ${req.reason}` : 'bokning av vaccination', details: { visitId, slotId: slot.id, channel: req.channel, vaccines } };
  const rows = await store
    .bookVisitAtomically(db, { regionId, visitId, personId: req.personId, slot, doses, channel: req.channel, bookedBy: actor.id, onBehalfReason: req.reason }, actor, audit)
    .catch((e: unknown) => {
      throw sqlState(e) === UNIQUE_VIOLATION ? conflict('Det finns redan en bokning för den här dosen; flytta eller avboka den. / There is already a booking for this dose; move or cancel it instead.', 'vaccine') : e;
    });
  if (rows.length === 0) throw await fullyBooked(db, regionId, now, FULL);
  return rows.map((b) => bookingView(b, site.name));
}

/** People a citizen acts for: themself and the children in their household. */
async function actsFor(ctx: AppContext, citizen: Actor, personId: string): Promise<BookingChannel> {
  if (personId === citizen.id) return 'self';
  const children = await childrenOf(ctx.database.db, citizen.regionId, citizen.id, ctx.clock.now());
  if (!children.includes(personId)) throw invalid('personId', 'you can book only for yourself and the children in your household');
  return 'guardian';
}

export async function bookAsCitizen(ctx: AppContext, citizen: Actor, input: Body<typeof BookBody>) {
  const personId = input.personId ?? citizen.id;
  const channel = await actsFor(ctx, citizen, personId);
  return bookVisit(ctx, citizen, citizen.regionId, { personId, slotId: input.slotId, vaccine: input.vaccine, withInfluenza: input.withInfluenza, channel, reason: null });
}

/** The call centre books for someone without e-ID; the reason goes with the booking and into the audit log. */
export async function bookOnBehalf(ctx: AppContext, agent: Actor, input: Body<typeof BookOnBehalfBody>) {
  const regionId = personalDataScope(agent);
  const person = await findPerson(ctx.database.db, regionId, input.personId); // an id merged away: the survivor
  if (!person) throw invalid('personId', 'no such person in your region');
  const reason = input.note ? `${input.reason}: ${input.note}` : input.reason;
  return bookVisit(ctx, agent, regionId, { personId: person.id, slotId: input.slotId, vaccine: input.vaccine, withInfluenza: input.withInfluenza, channel: 'on_behalf', reason });
}

/** The visit a booking belongs to, locked, if the actor may change it (else not found: no hint it exists). */
async function lockOwnVisit(ctx: AppContext, tx: Db, actor: Actor, bookingId: string) {
  const regionId = personalDataScope(actor);
  const booking = await store.findBooking(tx, regionId, bookingId);
  if (!booking) throw notFound('The booking');
  if (actor.kind === 'citizen' && booking.personId !== actor.id && !(await childrenOf(tx, regionId, actor.id, ctx.clock.now())).includes(booking.personId)) throw notFound('The booking');
  const rows = await store.lockVisit(tx, regionId, booking.visitId);
  if (rows.length === 0) throw conflict('The booking is no longer active (cancelled or attended)', 'bookingId');
  if (new Date(isoOf(rows[0]!.startsAt)) <= ctx.clock.now()) throw invalid('bookingId', 'the time has already started; it can no longer be changed');
  return { regionId, rows };
}

/**
 * Moves a visit to another time in one transaction: the new seat is taken before the old one is given back.
 * Both times are locked first, in one statement and in id order (store.lockSlots), so a move the other way
 * cannot deadlock with this one; a conflict PostgreSQL still reports is retried once.
 */
export async function moveBooking(ctx: AppContext, actor: Actor, bookingId: string, slotId: string) {
  const now = ctx.clock.now();
  return retryOnConflict(() =>
    ctx.database.db.transaction(async (tx) => {
      const { regionId, rows } = await lockOwnVisit(ctx, tx, actor, bookingId);
      const old = rows[0]!;
      if (old.slotId === slotId) throw invalid('slotId', 'the booking already has this time');
      const { slot, site } = await checkSlotFor(tx, regionId, old.personId, slotId, rows.map((r) => r.vaccine), now, old.visitId);
      await store.lockSlots(tx, regionId, [old.slotId, slot.id]);
      if (!(await store.takeSeat(tx, regionId, slot.id))) throw await fullyBooked(tx, regionId, now, FULL);
      await store.releaseSeat(tx, regionId, old.slotId);
      const moved = await store.moveVisit(tx, regionId, old.visitId, slot);
      await record(tx, actor, { action: 'vaccination.booking.moved', personId: old.personId, purpose: 'ombokning av vaccination', details: { visitId: old.visitId, from: old.slotId, to: slot.id } });
      return moved.map((b) => bookingView(b, site.name));
    }),
  );
}

/** Cancels a visit and gives its seat back; it locks the visit and then its time, as a move does, and retries a conflict once. */
export async function cancelBooking(ctx: AppContext, actor: Actor, bookingId: string) {
  return retryOnConflict(() =>
    ctx.database.db.transaction(async (tx) => {
      const { regionId, rows } = await lockOwnVisit(ctx, tx, actor, bookingId);
      const old = rows[0]!;
      const cancelled = await store.setVisitStatus(tx, regionId, old.visitId, 'cancelled', ctx.clock.now().toISOString());
      await store.releaseSeat(tx, regionId, old.slotId);
      await record(tx, actor, { action: 'vaccination.booking.cancelled', personId: old.personId, purpose: 'avbokning av vaccination', details: { visitId: old.visitId, slotId: old.slotId } });
      const site = await store.findSite(tx, regionId, old.siteId);
      return cancelled.map((b) => bookingView(b, site?.name ?? ''));
    }),
  );
}

/**
 * Everything about vaccination for a set of people: eligibility for both vaccines (with the reason),
 * bookings (a booked one with when the dose after it can be given) and doses given. The caller's audit
 * entries are written in the same transaction.
 */
export async function vaccinationRecord(tx: Db, regionId: string, personIds: string[], now: Date) {
  const [recommendations, people, bookings, doses, sites] = [
    await recommendationsOf(tx, regionId),
    await historiesOf(tx, regionId, personIds),
    await store.bookingsOf(tx, regionId, personIds),
    await store.dosesOfPeople(tx, regionId, personIds),
    await store.listSites(tx, regionId),
  ];
  const siteName = new Map(sites.map((s) => [s.id, s.name]));
  const eligibility = (id: string, vaccine: Vaccine) => {
    const p = people.get(id)!;
    return evaluate(recommendations, p.facts, p.doses, now, vaccine);
  };
  // While a dose is booked: when the dose after it can be given. A rule of one dose a season says nothing of a
  // next dose: that is next season's, which next season's recommendation decides.
  const byId = new Map(recommendations.map((r) => [r.id, r]));
  const nextDose = (b: store.BookingRow) => {
    const p = people.get(b.personId);
    const next = b.status === 'booked' && p ? nextDoseAfter(recommendations, p.facts, p.doses, { vaccine: b.vaccine, doseNumber: b.doseNumber, at: new Date(isoOf(b.startsAt)) }) : null;
    const schedule = next && byId.get(next.recommendationId)?.criteria.schedule;
    return schedule && (schedule.kind === 'series' || schedule.windows.length > 1) ? next : null;
  };
  return new Map(
    personIds.map((id) => [
      id,
      {
        eligibility: { covid: eligibility(id, 'covid-19'), influenza: eligibility(id, 'influenza') },
        bookings: bookings.filter((b) => b.personId === id).map((b) => ({ ...bookingView(b, siteName.get(b.siteId) ?? ''), nextDose: nextDose(b) })),
        doses: dosesView(doses.filter((d) => d.personId === id), siteName),
      },
    ]),
  );
}

/** The citizen's page: their own eligibility, bookings and doses, and the same for their children. */
export async function myVaccination(ctx: AppContext, citizen: Actor) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const children = await childrenOf(tx, citizen.regionId, citizen.id, now);
    const ids = [citizen.id, ...children];
    const records = await vaccinationRecord(tx, citizen.regionId, ids, now);
    const people = await summariesOf(tx, citizen.regionId, ids, now);
    await recordMany(tx, citizen, ids.map((personId) => ({ action: 'vaccination.record.read', personId, purpose: personId === citizen.id ? 'egna vaccinationer' : 'vårdnadshavare: barnets vaccinationer' })));
    const entry = (id: string) => ({ personId: id, name: people.get(id)?.name ?? '', age: people.get(id)?.age ?? null, ...records.get(id)! });
    return { me: entry(citizen.id), children: children.map(entry) };
  });
}

