import { and, asc, eq, gt, gte, inArray, lt, lte, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { auditInsert, type AuditEntry } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/client.js';
import { resolveInRegion } from '../platform/db/resolve.js';
import { queryRows } from '../platform/db/sql.js';
import { trackedVaccinesOf } from './supply/store.js';
import {
  vaccinationBookings,
  vaccinationDoses,
  vaccinationOpeningHours,
  vaccinationPersonAttributes,
  vaccinationSites,
  vaccinationSlots,
  vaccinationStaffing,
  type BookingChannel,
  type BookingStatus,
  type Vaccine,
} from './model.js';

// --- Sites ---------------------------------------------------------------------------------------

export type SiteRow = typeof vaccinationSites.$inferSelect;

export async function insertSite(tx: Db, row: typeof vaccinationSites.$inferInsert): Promise<SiteRow> {
  const [site] = await tx.insert(vaccinationSites).values(row).returning();
  return site!;
}

export const listSites = (tx: Db, regionId: string) =>
  tx.select().from(vaccinationSites).where(eq(vaccinationSites.regionId, regionId)).orderBy(vaccinationSites.municipalityCode, vaccinationSites.name);

/** A site of the region a request names, or a 404 problem naming the field. */
export const resolveSite = (tx: Db, regionId: string, id: string, field = 'siteId'): Promise<SiteRow> => resolveInRegion(tx, vaccinationSites, regionId, id, { field, what: 'vaccination site' });

export async function findSite(tx: Db, regionId: string, id: string): Promise<SiteRow | undefined> {
  const [row] = await tx.select().from(vaccinationSites).where(and(eq(vaccinationSites.regionId, regionId), eq(vaccinationSites.id, id)));
  return row;
}

export async function replaceHours(tx: Db, regionId: string, siteId: string, hours: { weekday: number; opens: string; closes: string }[]) {
  await tx.delete(vaccinationOpeningHours).where(and(eq(vaccinationOpeningHours.regionId, regionId), eq(vaccinationOpeningHours.siteId, siteId)));
  if (hours.length) await tx.insert(vaccinationOpeningHours).values(hours.map((h) => ({ regionId, siteId, ...h })));
}

export const hoursOf = (tx: Db, regionId: string, siteId: string) =>
  tx
    .select({ weekday: vaccinationOpeningHours.weekday, opens: vaccinationOpeningHours.opens, closes: vaccinationOpeningHours.closes })
    .from(vaccinationOpeningHours)
    .where(and(eq(vaccinationOpeningHours.regionId, regionId), eq(vaccinationOpeningHours.siteId, siteId)))
    .orderBy(vaccinationOpeningHours.weekday);

export async function upsertStaffing(tx: Db, rows: (typeof vaccinationStaffing.$inferInsert)[]) {
  if (rows.length === 0) return;
  await tx
    .insert(vaccinationStaffing)
    .values(rows)
    .onConflictDoUpdate({
      target: [vaccinationStaffing.regionId, vaccinationStaffing.siteId, vaccinationStaffing.day],
      set: { vaccinators: sql`excluded.vaccinators`, perVaccinatorPerHour: sql`excluded.per_vaccinator_per_hour` },
    });
}

export const staffingOf = (tx: Db, regionId: string, siteId: string, from: string, to: string) =>
  tx
    .select({ day: vaccinationStaffing.day, vaccinators: vaccinationStaffing.vaccinators, perVaccinatorPerHour: vaccinationStaffing.perVaccinatorPerHour })
    .from(vaccinationStaffing)
    .where(and(eq(vaccinationStaffing.regionId, regionId), eq(vaccinationStaffing.siteId, siteId), gte(vaccinationStaffing.day, from), lte(vaccinationStaffing.day, to)))
    .orderBy(vaccinationStaffing.day);

// --- Slots ---------------------------------------------------------------------------------------

export type SlotRow = typeof vaccinationSlots.$inferSelect;

export async function insertSlots(tx: Db, rows: (typeof vaccinationSlots.$inferInsert)[]): Promise<number> {
  let created = 0;
  for (let i = 0; i < rows.length; i += 1000) created += (await tx.insert(vaccinationSlots).values(rows.slice(i, i + 1000)).onConflictDoNothing().returning({ id: vaccinationSlots.id })).length;
  return created;
}

/**
 * Sets the capacity of a site's future times on some days from the staffing: vaccinators × per hour ×
 * the slot's length. Never below what is already booked (people keep their times); those are counted.
 */
export async function rescaleSlots(tx: Db, regionId: string, siteId: string, days: string[], now: string): Promise<{ slots: number; heldByBookings: number }> {
  const rows = await tx.execute(sql`
    UPDATE vaccination_slots s SET capacity = greatest(s.booked, floor(st.vaccinators * st.per_vaccinator_per_hour * extract(epoch FROM s.ends_at - s.starts_at) / 3600)::int)
    FROM vaccination_staffing st
    WHERE s.region_id = ${regionId} AND s.site_id = ${siteId} AND s.day = ANY(${sql.param(days)}::date[]) AND s.starts_at > ${now}::timestamptz
      AND st.region_id = s.region_id AND st.site_id = s.site_id AND st.day = s.day
    RETURNING (s.capacity = s.booked AND s.booked > floor(st.vaccinators * st.per_vaccinator_per_hour * extract(epoch FROM s.ends_at - s.starts_at) / 3600)) AS held`);
  const list = (rows as unknown as { rows: { held: boolean }[] }).rows;
  return { slots: list.length, heldByBookings: list.filter((r) => r.held).length };
}

/** A time with its site and the vaccines whose stock the site tracks, in one read (the first thing a booking checks). */
export async function findSlotWithSite(tx: Db, regionId: string, id: string): Promise<{ slot: SlotRow; site: SiteRow; trackedVaccines: Vaccine[] } | undefined> {
  const [row] = await tx
    .select({ slot: vaccinationSlots, site: vaccinationSites, trackedVaccines: sql<Vaccine[]>`${trackedVaccinesOf(sql`${vaccinationSlots.regionId}`, sql`${vaccinationSlots.siteId}`)}` })
    .from(vaccinationSlots)
    .innerJoin(vaccinationSites, and(eq(vaccinationSites.regionId, vaccinationSlots.regionId), eq(vaccinationSites.id, vaccinationSlots.siteId)))
    .where(and(eq(vaccinationSlots.regionId, regionId), eq(vaccinationSlots.id, id)));
  return row;
}

/** Times of a site between two instants, released by `now` and not yet started. */
export const slotsBetween = (tx: Db, regionId: string, siteIds: string[], from: string, to: string, now: string) =>
  tx
    .select()
    .from(vaccinationSlots)
    .where(
      and(
        eq(vaccinationSlots.regionId, regionId),
        inArray(vaccinationSlots.siteId, siteIds),
        gte(vaccinationSlots.startsAt, from),
        lt(vaccinationSlots.startsAt, to),
        gt(vaccinationSlots.startsAt, now),
        lte(vaccinationSlots.releasedAt, now),
      ),
    )
    .orderBy(asc(vaccinationSlots.startsAt));

/**
 * Locks times in one statement, in the order of their ids: every transaction that holds two times (a move)
 * takes them in the same order, so two moves between the same times in opposite directions wait for each
 * other instead of deadlocking. `FOR NO KEY UPDATE` is the lock the seat UPDATEs take anyway.
 */
export async function lockSlots(tx: Db, regionId: string, slotIds: string[]): Promise<void> {
  await tx.execute(sql`SELECT id FROM vaccination_slots WHERE region_id = ${regionId} AND id = ANY(${sql.param(slotIds)}::uuid[]) ORDER BY id FOR NO KEY UPDATE`);
}

/** Takes a seat: the WHERE makes the database the judge, so concurrent bookers never overfill a time. */
export async function takeSeat(tx: Db, regionId: string, slotId: string): Promise<SlotRow | undefined> {
  const [row] = await tx
    .update(vaccinationSlots)
    .set({ booked: sql`${vaccinationSlots.booked} + 1` })
    .where(and(eq(vaccinationSlots.regionId, regionId), eq(vaccinationSlots.id, slotId), sql`${vaccinationSlots.booked} < ${vaccinationSlots.capacity}`))
    .returning();
  return row;
}

export async function releaseSeat(tx: Db, regionId: string, slotId: string) {
  await tx
    .update(vaccinationSlots)
    .set({ booked: sql`${vaccinationSlots.booked} - 1` })
    .where(and(eq(vaccinationSlots.regionId, regionId), eq(vaccinationSlots.id, slotId), sql`${vaccinationSlots.booked} > 0`));
}

// --- Bookings ------------------------------------------------------------------------------------

export type BookingRow = typeof vaccinationBookings.$inferSelect;

/** One visit to book: a seat in `slot`, and a booking per dose given at it. */
export interface NewVisit {
  regionId: string;
  visitId: string;
  personId: string;
  slot: SlotRow;
  doses: { vaccine: Vaccine; doseNumber: number; recommendationId: string | null }[];
  channel: BookingChannel;
  bookedBy: string;
  onBehalfReason: string | null;
}

/**
 * Takes a seat and books the visit in one statement, audited in the same: it commits whole or not at all,
 * and holds the slot row's lock only for itself. The seat UPDATE's `booked < capacity` makes the database
 * the judge (never overbooked); the partial unique index on live bookings refuses a second booking of a
 * dose (never two). Returns the bookings made, or none when the time was full. The audit CTE is joined
 * because a CTE that only calls a function runs only when read.
 */
export async function bookVisitAtomically(db: Db, visit: NewVisit, actor: Actor, audit: AuditEntry): Promise<BookingRow[]> {
  const { regionId, slot } = visit;
  const rows = await queryRows<{ id: string; vaccine: Vaccine; booked_at: string }>(
    db,
    sql`WITH seat AS (
        UPDATE vaccination_slots SET booked = booked + 1
        WHERE region_id = ${regionId} AND id = ${slot.id} AND booked < capacity RETURNING id),
      audited AS (${auditInsert(actor, [audit], sql`EXISTS (SELECT 1 FROM seat)`)})
      INSERT INTO vaccination_bookings (region_id, visit_id, person_id, site_id, slot_id, vaccine, dose_number, recommendation_id, starts_at, channel, booked_by, on_behalf_reason)
      SELECT ${regionId}, ${visit.visitId}, ${visit.personId}, ${slot.siteId}, seat.id, d.vaccine, d.dose_number, d.recommendation_id, ${slot.startsAt}::timestamptz,
        ${visit.channel}, ${visit.bookedBy}, ${visit.onBehalfReason}
      FROM seat CROSS JOIN audited CROSS JOIN unnest(${sql.param(visit.doses.map((d) => d.vaccine))}::text[], ${sql.param(visit.doses.map((d) => d.doseNumber))}::int[],
        ${sql.param(visit.doses.map((d) => d.recommendationId))}::uuid[]) AS d(vaccine, dose_number, recommendation_id)
      RETURNING id, vaccine, booked_at::text`,
  );
  return rows.map((r) => {
    const dose = visit.doses.find((d) => d.vaccine === r.vaccine)!;
    return {
      regionId,
      id: r.id,
      visitId: visit.visitId,
      personId: visit.personId,
      siteId: slot.siteId,
      slotId: slot.id,
      vaccine: r.vaccine,
      doseNumber: dose.doseNumber,
      recommendationId: dose.recommendationId,
      startsAt: slot.startsAt,
      status: 'booked',
      channel: visit.channel,
      bookedBy: visit.bookedBy,
      onBehalfReason: visit.onBehalfReason,
      bookedAt: r.booked_at,
      cancelledAt: null,
    };
  });
}

export const bookingsOf = (tx: Db, regionId: string, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([] as BookingRow[])
    : tx
        .select()
        .from(vaccinationBookings)
        .where(and(eq(vaccinationBookings.regionId, regionId), inArray(vaccinationBookings.personId, personIds)))
        .orderBy(sql`${vaccinationBookings.startsAt} DESC`);

/** The booked rows of a visit, locked: a move or cancel of the same visit waits for the other to finish. */
export const lockVisit = (tx: Db, regionId: string, visitId: string) =>
  tx
    .select()
    .from(vaccinationBookings)
    .where(and(eq(vaccinationBookings.regionId, regionId), eq(vaccinationBookings.visitId, visitId), eq(vaccinationBookings.status, 'booked')))
    .for('update');

export async function findBooking(tx: Db, regionId: string, id: string): Promise<BookingRow | undefined> {
  const [row] = await tx.select().from(vaccinationBookings).where(and(eq(vaccinationBookings.regionId, regionId), eq(vaccinationBookings.id, id)));
  return row;
}

export async function setVisitStatus(tx: Db, regionId: string, visitId: string, status: BookingStatus, at: string | null) {
  return tx
    .update(vaccinationBookings)
    .set({ status, cancelledAt: status === 'cancelled' ? at : null })
    .where(and(eq(vaccinationBookings.regionId, regionId), eq(vaccinationBookings.visitId, visitId), eq(vaccinationBookings.status, 'booked')))
    .returning();
}

export async function setBookingStatus(tx: Db, regionId: string, id: string, status: BookingStatus) {
  await tx.update(vaccinationBookings).set({ status }).where(and(eq(vaccinationBookings.regionId, regionId), eq(vaccinationBookings.id, id), eq(vaccinationBookings.status, 'booked')));
}

/**
 * The person's live booking of a dose that is now recorded without it (a drop-in, or given on another day than
 * booked) is closed as attended; a seat still ahead is given back unless another vaccine of the visit keeps it.
 */
export async function closeBookingOfRecordedDose(tx: Db, regionId: string, dose: { personId: string; vaccine: Vaccine; doseNumber: number }, now: Date) {
  const closed = await tx
    .update(vaccinationBookings)
    .set({ status: 'attended' })
    .where(and(eq(vaccinationBookings.regionId, regionId), eq(vaccinationBookings.personId, dose.personId), eq(vaccinationBookings.vaccine, dose.vaccine), eq(vaccinationBookings.doseNumber, dose.doseNumber), eq(vaccinationBookings.status, 'booked')))
    .returning();
  for (const b of closed) {
    if (new Date(b.startsAt).getTime() <= now.getTime()) continue;
    const [stillLive] = await tx.select({ id: vaccinationBookings.id }).from(vaccinationBookings).where(and(eq(vaccinationBookings.regionId, regionId), eq(vaccinationBookings.visitId, b.visitId), eq(vaccinationBookings.status, 'booked')));
    if (!stillLive) await releaseSeat(tx, regionId, b.slotId);
  }
  return closed;
}

export const moveVisit = (tx: Db, regionId: string, visitId: string, slot: SlotRow) =>
  tx
    .update(vaccinationBookings)
    .set({ slotId: slot.id, siteId: slot.siteId, startsAt: slot.startsAt })
    .where(and(eq(vaccinationBookings.regionId, regionId), eq(vaccinationBookings.visitId, visitId), eq(vaccinationBookings.status, 'booked')))
    .returning();

/** A site's bookings on a day (any status), for the vaccinators' list. */
export const bookingsAt = (tx: Db, regionId: string, siteId: string, from: string, to: string) =>
  tx
    .select()
    .from(vaccinationBookings)
    .where(and(eq(vaccinationBookings.regionId, regionId), eq(vaccinationBookings.siteId, siteId), gte(vaccinationBookings.startsAt, from), lt(vaccinationBookings.startsAt, to)))
    .orderBy(vaccinationBookings.startsAt, vaccinationBookings.personId, vaccinationBookings.vaccine);

// --- Doses and attributes ------------------------------------------------------------------------

export async function insertDose(tx: Db, row: typeof vaccinationDoses.$inferInsert) {
  const [dose] = await tx.insert(vaccinationDoses).values(row).returning();
  return dose!;
}

export const dosesOfPeople = (tx: Db, regionId: string, personIds: string[]) =>
  personIds.length === 0
    ? Promise.resolve([] as (typeof vaccinationDoses.$inferSelect)[])
    : tx
        .select()
        .from(vaccinationDoses)
        .where(and(eq(vaccinationDoses.regionId, regionId), inArray(vaccinationDoses.personId, personIds)))
        .orderBy(vaccinationDoses.administeredAt);

export async function setRiskGroup(tx: Db, regionId: string, personId: string, riskGroup: boolean, note: string | null, by: string) {
  await tx
    .insert(vaccinationPersonAttributes)
    .values({ regionId, personId, riskGroup, riskGroupNote: note, updatedBy: by })
    .onConflictDoUpdate({ target: [vaccinationPersonAttributes.regionId, vaccinationPersonAttributes.personId], set: { riskGroup, riskGroupNote: note, updatedBy: by, updatedAt: sql`now()` } });
}
