import { and, asc, eq, gte, lt, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { distributionPoints, kitOrders, kits, resultCalls, samples, samplingBookings, samplingSlots, type TestType } from './model.js';

export const listDistributionPoints = (tx: Db, regionId: string) =>
  tx.select().from(distributionPoints).where(and(eq(distributionPoints.regionId, regionId), eq(distributionPoints.active, true))).orderBy(distributionPoints.municipalityCode, distributionPoints.name);

export async function findDistributionPoint(tx: Db, regionId: string, id: string) {
  const [row] = await tx.select().from(distributionPoints).where(and(eq(distributionPoints.regionId, regionId), eq(distributionPoints.id, id)));
  return row;
}

export async function insertKits(tx: Db, regionId: string, testType: TestType, batch: string, codes: string[]) {
  await tx.insert(kits).values(codes.map((code) => ({ regionId, code, testType, batch })));
}

/** Claims a kit for registration: only an issued, unregistered kit can be claimed, and only once. */
export async function claimKit(tx: Db, regionId: string, code: string, at: string) {
  const [row] = await tx
    .update(kits)
    .set({ registeredAt: at })
    .where(and(eq(kits.regionId, regionId), eq(kits.code, code), sql`${kits.registeredAt} IS NULL`))
    .returning();
  return row;
}

export async function findKit(tx: Db, regionId: string, code: string) {
  const [row] = await tx.select().from(kits).where(and(eq(kits.regionId, regionId), eq(kits.code, code)));
  return row;
}

export async function insertOrder(tx: Db, row: typeof kitOrders.$inferInsert) {
  const [order] = await tx.insert(kitOrders).values(row).returning();
  return order!;
}

export async function openOrderOf(tx: Db, regionId: string, personId: string, testType: TestType) {
  const [row] = await tx
    .select()
    .from(kitOrders)
    .where(and(eq(kitOrders.regionId, regionId), eq(kitOrders.personId, personId), eq(kitOrders.testType, testType), eq(kitOrders.status, 'ordered')))
    .orderBy(asc(kitOrders.orderedAt))
    .limit(1);
  return row;
}

export async function markOrderRegistered(tx: Db, regionId: string, orderId: string) {
  await tx.update(kitOrders).set({ status: 'registered' }).where(and(eq(kitOrders.regionId, regionId), eq(kitOrders.id, orderId)));
}

export const ordersOf = (tx: Db, regionId: string, personId: string) =>
  tx.select().from(kitOrders).where(and(eq(kitOrders.regionId, regionId), eq(kitOrders.personId, personId))).orderBy(sql`${kitOrders.orderedAt} DESC`);

export async function insertSample(tx: Db, row: typeof samples.$inferInsert) {
  const [sample] = await tx.insert(samples).values(row).returning();
  return sample!;
}

export const samplesOf = (tx: Db, regionId: string, personIds: string[]) =>
  tx
    .select()
    .from(samples)
    .where(and(eq(samples.regionId, regionId), sql`${samples.personId} = ANY(${sql.param(personIds)}::uuid[])`))
    .orderBy(sql`${samples.takenAt} DESC`);

export async function findSampleByKit(tx: Db, regionId: string, kitCode: string) {
  const [row] = await tx.select().from(samples).where(and(eq(samples.regionId, regionId), eq(samples.kitCode, kitCode)));
  return row;
}

export async function markReceived(tx: Db, regionId: string, sampleId: string, labUnitId: string | null, at: string) {
  const [row] = await tx
    .update(samples)
    .set({ receivedAt: at, labUnitId })
    .where(and(eq(samples.regionId, regionId), eq(samples.id, sampleId), sql`${samples.receivedAt} IS NULL`))
    .returning();
  return row;
}

export async function insertSlots(tx: Db, rows: (typeof samplingSlots.$inferInsert)[]) {
  if (rows.length === 0) return [];
  return tx.insert(samplingSlots).values(rows).onConflictDoNothing().returning();
}

export const slotsBetween = (tx: Db, regionId: string, stationId: string | undefined, from: string, to: string) =>
  tx
    .select()
    .from(samplingSlots)
    .where(and(eq(samplingSlots.regionId, regionId), stationId ? eq(samplingSlots.stationId, stationId) : undefined, gte(samplingSlots.startsAt, from), lt(samplingSlots.startsAt, to)))
    .orderBy(samplingSlots.startsAt);

/** Takes a seat in a slot; the WHERE makes the database the judge, so two bookers can never overfill it. */
export async function takeSeat(tx: Db, regionId: string, slotId: string) {
  const [row] = await tx
    .update(samplingSlots)
    .set({ booked: sql`${samplingSlots.booked} + 1` })
    .where(and(eq(samplingSlots.regionId, regionId), eq(samplingSlots.id, slotId), sql`${samplingSlots.booked} < ${samplingSlots.capacity}`))
    .returning();
  return row;
}

export async function findSlot(tx: Db, regionId: string, slotId: string) {
  const [row] = await tx.select().from(samplingSlots).where(and(eq(samplingSlots.regionId, regionId), eq(samplingSlots.id, slotId)));
  return row;
}

export async function insertBooking(tx: Db, row: typeof samplingBookings.$inferInsert) {
  const [b] = await tx.insert(samplingBookings).values(row).returning();
  return b!;
}

export async function findBooking(tx: Db, regionId: string, id: string) {
  const [row] = await tx.select().from(samplingBookings).where(and(eq(samplingBookings.regionId, regionId), eq(samplingBookings.id, id)));
  return row;
}

export async function markBookingSampled(tx: Db, regionId: string, id: string) {
  await tx.update(samplingBookings).set({ status: 'sampled' }).where(and(eq(samplingBookings.regionId, regionId), eq(samplingBookings.id, id)));
}

export async function findSample(tx: Db, regionId: string, id: string) {
  const [row] = await tx.select().from(samples).where(and(eq(samples.regionId, regionId), eq(samples.id, id)));
  return row;
}

export const unansweredNegatives = (tx: Db, regionId: string) =>
  tx
    .select({
      sampleId: samples.id,
      personId: samples.personId,
      takenAt: samples.takenAt,
      resultAt: samples.resultAt,
      phone: samplingBookings.phone,
      attempts: sql<number>`(SELECT count(*)::int FROM result_calls c WHERE c.region_id = ${samples.regionId} AND c.sample_id = ${samples.id})`,
    })
    .from(samples)
    .innerJoin(samplingBookings, and(eq(samplingBookings.regionId, samples.regionId), eq(samplingBookings.id, samples.bookingId)))
    .where(and(eq(samples.regionId, regionId), eq(samples.result, 'negative'), sql`${samples.answeredAt} IS NULL`))
    .orderBy(samples.resultAt);

export async function insertCall(tx: Db, row: typeof resultCalls.$inferInsert) {
  await tx.insert(resultCalls).values(row);
}

export async function markAnswered(tx: Db, regionId: string, sampleId: string, at: string) {
  await tx.update(samples).set({ answeredAt: at }).where(and(eq(samples.regionId, regionId), eq(samples.id, sampleId)));
}

/**
 * For the indicators on answered samples in a period (Swedish days, by the time of the answer): PCR and antigen
 * samples with a positive or negative answer and how many were positive (positivity), and for PCR the count
 * and the sum of hours from sampling to answer (time to answer).
 */
export async function answeredSampleFigures(tx: Db, regionId: string, from: string, to: string) {
  const [r] = await queryRows<{ answered: number; positive: number; pcr: number; pcr_hours: number }>(
    tx,
    sql`SELECT count(*)::int AS answered, count(*) FILTER (WHERE result = 'positive')::int AS positive,
      count(*) FILTER (WHERE test_type = 'pcr')::int AS pcr, coalesce(sum(extract(epoch FROM result_at - taken_at) / 3600) FILTER (WHERE test_type = 'pcr'), 0)::float8 AS pcr_hours
    FROM samples
    WHERE region_id = ${regionId} AND test_type IN ('pcr', 'antigen') AND result IN ('positive', 'negative')
      AND result_at >= (${from}::date::timestamp AT TIME ZONE 'Europe/Stockholm') AND result_at < ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`,
  );
  return r!;
}
