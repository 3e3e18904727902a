import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { onPersonsMerged } from '../identity/events.js';
import { reportDosesAgainAs } from './nvr/handlers.js';

/**
 * Where renumbered rows wait between the two statements of a renumbering. The unique keys on dose numbers are
 * checked row by row, not at the end of a statement, so rows cannot swap numbers in one UPDATE; parked far above
 * any real dose number, no intermediate state meets another row.
 */
const PARKED = 1_000_000;

/**
 * A merge of two person records, in its own transaction. The two vaccination histories become one:
 * - doses: numbered again per vaccine in the order given (one dose number per person and vaccine). Two
 *   "dose 1" given under two numbers were really dose 1 and dose 2; every dose whose person or number changed
 *   is reported to NVR again, under the survivor's number.
 * - live bookings: numbered after the doses, in the order of their times (as booking counts an earlier booked
 *   dose as given). Nothing is cancelled on the person's behalf: two bookings made under two numbers both stay,
 *   and show in the survivor's record and the site's list for staff to move or cancel.
 * - attended and cancelled bookings: move; an attended one takes the number of the dose given at it.
 * - the risk group: the later declaration of the two records.
 * - invitations: move; where both records were on one list, the survivor's row keeps the first letter and SMS
 *   and the latest reminder of the two.
 * - adverse-event reports: move with their doses.
 */
export const moveVaccinationToSurvivor = onPersonsMerged(async (tx, { regionId, fromPersonId: from, intoPersonId: into }) => {
  const changed = await mergeDoses(tx, regionId, from, into);
  await mergeBookings(tx, regionId, from, into);
  await mergeRiskGroup(tx, regionId, from, into);
  await mergeInvitations(tx, regionId, from, into);
  await tx.execute(sql`UPDATE vaccination_adverse_events SET person_id = ${into} WHERE region_id = ${regionId} AND person_id = ${from}`);
  await reportDosesAgainAs(tx, regionId, into, changed, new Date());
});

/** Returns the doses whose person or dose number changed. */
async function mergeDoses(tx: Db, regionId: string, from: string, into: string): Promise<string[]> {
  const parked = await queryRows<{ id: string }>(
    tx,
    sql`WITH numbered AS (
        SELECT id, person_id, dose_number, row_number() OVER (PARTITION BY vaccine ORDER BY administered_at, recorded_at, id)::int AS n
        FROM vaccination_doses WHERE region_id = ${regionId} AND person_id IN (${from}, ${into}))
      UPDATE vaccination_doses d SET person_id = ${into}, dose_number = ${PARKED} + numbered.n
      FROM numbered WHERE d.region_id = ${regionId} AND d.id = numbered.id AND (numbered.person_id <> ${into} OR numbered.dose_number <> numbered.n)
      RETURNING d.id`,
  );
  await tx.execute(sql`UPDATE vaccination_doses SET dose_number = dose_number - ${PARKED} WHERE region_id = ${regionId} AND person_id = ${into} AND dose_number > ${PARKED}`);
  return parked.map((d) => d.id);
}

async function mergeBookings(tx: Db, regionId: string, from: string, into: string): Promise<void> {
  await tx.execute(sql`WITH given AS (
      SELECT vaccine, count(*)::int AS n FROM vaccination_doses WHERE region_id = ${regionId} AND person_id = ${into} GROUP BY vaccine),
    numbered AS (
      SELECT b.id, b.person_id, b.dose_number, (coalesce(given.n, 0) + row_number() OVER (PARTITION BY b.vaccine ORDER BY b.starts_at, b.booked_at, b.id))::int AS n
      FROM vaccination_bookings b LEFT JOIN given ON given.vaccine = b.vaccine
      WHERE b.region_id = ${regionId} AND b.person_id IN (${from}, ${into}) AND b.status = 'booked')
    UPDATE vaccination_bookings b SET person_id = ${into}, dose_number = ${PARKED} + numbered.n
    FROM numbered WHERE b.region_id = ${regionId} AND b.id = numbered.id AND (numbered.person_id <> ${into} OR numbered.dose_number <> numbered.n)`);
  await tx.execute(sql`UPDATE vaccination_bookings SET dose_number = dose_number - ${PARKED} WHERE region_id = ${regionId} AND person_id = ${into} AND dose_number > ${PARKED}`);
  await tx.execute(sql`UPDATE vaccination_bookings b SET person_id = ${into},
      dose_number = coalesce((SELECT min(d.dose_number) FROM vaccination_doses d WHERE d.region_id = b.region_id AND d.booking_id = b.id), b.dose_number)
    WHERE b.region_id = ${regionId} AND b.person_id IN (${from}, ${into}) AND b.status <> 'booked'`);
}

async function mergeRiskGroup(tx: Db, regionId: string, from: string, into: string): Promise<void> {
  await tx.execute(sql`INSERT INTO vaccination_person_attributes AS t (region_id, person_id, risk_group, risk_group_note, updated_by, updated_at)
      SELECT region_id, ${into}::uuid, risk_group, risk_group_note, updated_by, updated_at FROM vaccination_person_attributes WHERE region_id = ${regionId} AND person_id = ${from}
    ON CONFLICT (region_id, person_id) DO UPDATE SET risk_group = excluded.risk_group, risk_group_note = excluded.risk_group_note,
      updated_by = excluded.updated_by, updated_at = excluded.updated_at
    WHERE excluded.updated_at > t.updated_at`);
  await tx.execute(sql`DELETE FROM vaccination_person_attributes WHERE region_id = ${regionId} AND person_id = ${from}`);
}

async function mergeInvitations(tx: Db, regionId: string, from: string, into: string): Promise<void> {
  await tx.execute(sql`UPDATE vaccination_invitations t SET letter_at = least(t.letter_at, f.letter_at), sms_at = least(t.sms_at, f.sms_at),
      reminded_at = greatest(t.reminded_at, f.reminded_at), reminders = greatest(t.reminders, f.reminders)
    FROM vaccination_invitations f
    WHERE t.region_id = ${regionId} AND t.person_id = ${into} AND f.region_id = t.region_id AND f.list_id = t.list_id AND f.person_id = ${from}`);
  await tx.execute(sql`DELETE FROM vaccination_invitations f WHERE f.region_id = ${regionId} AND f.person_id = ${from}
    AND EXISTS (SELECT 1 FROM vaccination_invitations t WHERE t.region_id = f.region_id AND t.list_id = f.list_id AND t.person_id = ${into})`);
  await tx.execute(sql`UPDATE vaccination_invitations SET person_id = ${into} WHERE region_id = ${regionId} AND person_id = ${from}`);
}
