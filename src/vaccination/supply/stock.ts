import { and, asc, desc, eq, isNull, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows, toIso } from '../../platform/db/sql.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { calendarDateInStockholm } from '../../identity/identity-number.js';
import { isIsoWeek } from '../../testing/rules.js';
import { dayRange } from '../../testing/statistics/common.js';
import { deliveries, openedVials, stockAllocations, vialWastage, type WastageReason } from './model.js';
import { getProduct } from './forecasts.js';
import { summarizeWastage, unopenedVials, vialOutcome } from './rules.js';
import { assertSites, sitesById } from './sites.js';
import { batchStock } from './store.js';
import type { StockView } from './views.js';
import { resolveSite } from '../store.js';
import { dayBounds } from '../recommendations/dates.js';

type Allocation = { siteId: string; vials: number };

function assertDistinctSites(allocations: Allocation[]) {
  const dup = allocations.findIndex((a, i) => allocations.findIndex((b) => b.siteId === a.siteId) !== i);
  if (dup >= 0) throw invalid(`allocations.${dup}.siteId`, 'the site is listed twice');
}

/** Adds allocations of a locked delivery; together they may not pass its vials. */
async function allocate(tx: Db, actor: Actor, delivery: { id: string; vials: number }, allocations: Allocation[]) {
  if (allocations.length === 0) return;
  await assertSites(tx, actor.regionId, allocations.map((a) => a.siteId), (i) => `allocations.${i}.siteId`);
  const [done] = await queryRows<{ vials: number }>(tx, sql`SELECT coalesce(sum(vials), 0)::int AS vials FROM vaccination_stock_allocations WHERE region_id = ${actor.regionId} AND delivery_id = ${delivery.id}`);
  const asked = allocations.reduce((a, x) => a + x.vials, 0);
  if (done!.vials + asked > delivery.vials) throw invalid('allocations', `${asked} vials asked for, ${delivery.vials - done!.vials} of the delivery left to allocate`);
  await tx.execute(sql`INSERT INTO vaccination_stock_allocations (region_id, delivery_id, site_id, vials, allocated_by)
    SELECT ${actor.regionId}, ${delivery.id}, site_id, vials, ${actor.name} FROM unnest(${sql.param(allocations.map((a) => a.siteId))}::uuid[], ${sql.param(allocations.map((a) => a.vials))}::int[]) AS a(site_id, vials)`);
}

export interface DeliveryInput {
  productCode: string;
  isoWeek: string;
  batchNumber: string;
  expiresOn: string;
  vials: number;
  receivedAt?: string;
  allocations?: Allocation[];
}

/** Records a received batch, and optionally its allocation to sites, in one transaction. */
export async function recordDelivery(ctx: AppContext, actor: Actor, input: DeliveryInput) {
  if (!isIsoWeek(input.isoWeek)) throw invalid('isoWeek', 'not an ISO week (YYYY-Www)');
  const receivedAt = input.receivedAt ?? ctx.clock.now().toISOString();
  if (input.expiresOn < calendarDateInStockholm(new Date(receivedAt))) throw invalid('expiresOn', 'the batch had expired when it was received');
  assertDistinctSites(input.allocations ?? []);
  return ctx.database.db.transaction(async (tx) => {
    await getProduct(tx, actor.regionId, input.productCode);
    const [d] = await tx
      .insert(deliveries)
      .values({ regionId: actor.regionId, productCode: input.productCode, isoWeek: input.isoWeek, batchNumber: input.batchNumber, expiresOn: input.expiresOn, vials: input.vials, receivedAt, recordedBy: actor.name })
      .returning();
    await allocate(tx, actor, d!, input.allocations ?? []);
    return deliveryView(tx, actor.regionId, d!.id);
  });
}

export async function allocateDelivery(ctx: AppContext, actor: Actor, deliveryId: string, allocations: Allocation[]) {
  assertDistinctSites(allocations);
  return ctx.database.db.transaction(async (tx) => {
    // The row lock makes concurrent allocations of one delivery wait for each other, so the sum check holds.
    const [d] = await tx.select().from(deliveries).where(and(eq(deliveries.regionId, actor.regionId), eq(deliveries.id, deliveryId))).for('update');
    if (!d) throw notFound('The delivery');
    await allocate(tx, actor, d, allocations);
    return deliveryView(tx, actor.regionId, d.id);
  });
}

async function deliveryView(tx: Db, regionId: string, id: string) {
  const [view] = await listDeliveryRows(tx, regionId, id);
  return view!;
}

async function listDeliveryRows(tx: Db, regionId: string, id?: string) {
  const rows = await queryRows<{ id: string; product_code: string; iso_week: string; batch_number: string; expires_on: string; vials: number; doses_per_vial: number; received_at: string; allocated: number }>(
    tx,
    sql`SELECT d.id, d.product_code, d.iso_week, d.batch_number, d.expires_on::text AS expires_on, d.vials, p.doses_per_vial, d.received_at::text AS received_at,
        coalesce((SELECT sum(a.vials) FROM vaccination_stock_allocations a WHERE a.region_id = d.region_id AND a.delivery_id = d.id), 0)::int AS allocated
      FROM vaccination_deliveries d JOIN vaccination_supply_products p ON p.region_id = d.region_id AND p.product_code = d.product_code
      WHERE d.region_id = ${regionId} ${id ? sql`AND d.id = ${id}` : sql``}
      ORDER BY d.received_at DESC, d.batch_number LIMIT 500`,
  );
  const allocs = await tx
    .select({ deliveryId: stockAllocations.deliveryId, siteId: stockAllocations.siteId, vials: stockAllocations.vials, allocatedAt: stockAllocations.allocatedAt })
    .from(stockAllocations)
    .where(and(eq(stockAllocations.regionId, regionId), id ? eq(stockAllocations.deliveryId, id) : undefined))
    .orderBy(asc(stockAllocations.allocatedAt));
  const sites = await sitesById(tx, regionId, [...new Set(allocs.map((a) => a.siteId))]);
  return rows.map((r) => ({
    id: r.id,
    productCode: r.product_code,
    isoWeek: r.iso_week,
    batchNumber: r.batch_number,
    expiresOn: r.expires_on,
    vials: r.vials,
    doses: r.vials * r.doses_per_vial,
    receivedAt: toIso(r.received_at),
    allocatedVials: r.allocated,
    unallocatedVials: r.vials - r.allocated,
    allocations: allocs.filter((a) => a.deliveryId === r.id).map((a) => ({ siteId: a.siteId, siteName: sites.get(a.siteId)?.name ?? '', vials: a.vials, allocatedAt: toIso(a.allocatedAt) })),
  }));
}

export const listDeliveries = (ctx: AppContext, actor: Actor) => listDeliveryRows(ctx.database.db, actor.regionId).then((deliveries) => ({ deliveries }));

/** Stock per site and batch now: unopened vials and the doses they are planned to give, vials open today. */
export async function stockView(ctx: AppContext, actor: Actor, q: { siteId?: string }) {
  const db = ctx.database.db;
  const today = calendarDateInStockholm(ctx.clock.now());
  if (q.siteId) await resolveSite(db, actor.regionId, q.siteId);
  const [batches, open, sites] = await Promise.all([
    batchStock(db, actor.regionId, q.siteId),
    db
      .select()
      .from(openedVials)
      .where(and(eq(openedVials.regionId, actor.regionId), isNull(openedVials.closedAt), q.siteId ? eq(openedVials.siteId, q.siteId) : undefined))
      .orderBy(asc(openedVials.openedAt)),
    sitesById(db, actor.regionId),
  ]);
  const bySite = new Map<string, z.infer<typeof StockView>['sites'][number]>();
  const site = (id: string) => {
    let s = bySite.get(id);
    if (!s) bySite.set(id, (s = { siteId: id, siteName: sites.get(id)?.name ?? '', unopenedVials: 0, expectedDoses: 0, batches: [], openVials: [] }));
    return s;
  };
  for (const b of batches) {
    const unopened = unopenedVials(b);
    const expired = b.expiresOn < today;
    const s = site(b.siteId);
    s.batches.push({ ...b, unopened, expired, expectedDoses: expired ? 0 : unopened * b.dosesPerVial });
    if (!expired) {
      s.unopenedVials += unopened;
      s.expectedDoses += unopened * b.dosesPerVial;
    }
  }
  const batchOf = new Map(batches.map((b) => [b.deliveryId, b]));
  for (const v of open) {
    const b = batchOf.get(v.deliveryId);
    site(v.siteId).openVials.push({ id: v.id, deliveryId: v.deliveryId, batchNumber: b?.batchNumber ?? '', productCode: b?.productCode ?? '', nominalDoses: v.nominalDoses, openedAt: toIso(v.openedAt) });
  }
  return { today, sites: [...bySite.values()].sort((a, b) => a.siteName.localeCompare(b.siteName, 'sv')) };
}

/** Locks the site's allocations of a batch and returns what is left unopened (vials allocated − opened − lost). */
async function lockBatchAtSite(tx: Db, regionId: string, siteId: string, deliveryId: string) {
  await tx.select({ id: stockAllocations.id }).from(stockAllocations).where(and(eq(stockAllocations.regionId, regionId), eq(stockAllocations.siteId, siteId), eq(stockAllocations.deliveryId, deliveryId))).for('update');
  const batch = (await batchStock(tx, regionId, siteId)).find((b) => b.deliveryId === deliveryId);
  if (!batch) throw invalid('deliveryId', 'no vials of this batch were allocated to the site');
  return { batch, unopened: unopenedVials(batch) };
}

/** Opens a vial of a batch at a site; its planning number of doses is fixed now. */
export async function openVial(ctx: AppContext, actor: Actor, input: { siteId: string; deliveryId: string }) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    await assertSites(tx, actor.regionId, [input.siteId], () => 'siteId');
    const { batch, unopened } = await lockBatchAtSite(tx, actor.regionId, input.siteId, input.deliveryId);
    if (batch.expiresOn < calendarDateInStockholm(now)) throw invalid('deliveryId', `the batch expired on ${batch.expiresOn}`);
    if (unopened < 1) throw invalid('deliveryId', 'no unopened vials of this batch are left at the site');
    const [v] = await tx.insert(openedVials).values({ regionId: actor.regionId, siteId: input.siteId, deliveryId: input.deliveryId, nominalDoses: batch.dosesPerVial, openedBy: actor.id, openedAt: now.toISOString() }).returning();
    return { id: v!.id, siteId: v!.siteId, deliveryId: v!.deliveryId, batchNumber: batch.batchNumber, nominalDoses: v!.nominalDoses, openedAt: toIso(v!.openedAt) };
  });
}

/** Closes an open vial with the doses really drawn and those discarded. */
export async function closeVial(ctx: AppContext, actor: Actor, vialId: string, input: { dosesDrawn: number; dosesDiscarded: number }) {
  return ctx.database.db.transaction(async (tx) => {
    const [v] = await tx.select().from(openedVials).where(and(eq(openedVials.regionId, actor.regionId), eq(openedVials.id, vialId))).for('update');
    if (!v) throw notFound('The vial');
    if (v.closedAt) throw conflict('The vial is already closed', 'vialId');
    const outcome = vialOutcome({ nominal: v.nominalDoses, drawn: input.dosesDrawn, discarded: input.dosesDiscarded });
    await tx.update(openedVials).set({ dosesDrawn: input.dosesDrawn, dosesDiscarded: input.dosesDiscarded, closedBy: actor.id, closedAt: ctx.clock.now().toISOString() }).where(and(eq(openedVials.regionId, actor.regionId), eq(openedVials.id, vialId)));
    return { id: v.id, nominalDoses: v.nominalDoses, dosesDrawn: input.dosesDrawn, dosesDiscarded: input.dosesDiscarded, ...outcome };
  });
}

/** Whole unopened vials lost at a site; never more than the site has unopened of the batch. */
export async function recordWastage(ctx: AppContext, actor: Actor, input: { siteId: string; deliveryId: string; vials: number; reason: WastageReason; note?: string }) {
  return ctx.database.db.transaction(async (tx) => {
    await assertSites(tx, actor.regionId, [input.siteId], () => 'siteId');
    const { unopened } = await lockBatchAtSite(tx, actor.regionId, input.siteId, input.deliveryId);
    if (input.vials > unopened) throw invalid('vials', `only ${unopened} unopened vials of this batch are at the site`);
    const [w] = await tx.insert(vialWastage).values({ regionId: actor.regionId, ...input, note: input.note ?? null, recordedBy: actor.id, recordedAt: ctx.clock.now().toISOString() }).returning();
    return { id: w!.id, vials: w!.vials, reason: w!.reason, unopenedLeft: unopened - w!.vials };
  });
}

/** Wastage per site and product over a period (vials closed and lost in it), with the region's total. */
export async function wastageReport(ctx: AppContext, actor: Actor, q: { from: string; to: string }) {
  dayRange(q.from, q.to);
  const start = dayBounds(q.from).start;
  const end = dayBounds(q.to).end;
  const db = ctx.database.db;
  const [closed, lost, stillOpen, sites] = await Promise.all([
    queryRows<{ site_id: string; product_code: string; nominal: number; drawn: number; discarded: number }>(
      db,
      sql`SELECT v.site_id, d.product_code, v.nominal_doses AS nominal, v.doses_drawn AS drawn, v.doses_discarded AS discarded
        FROM vaccination_opened_vials v JOIN vaccination_deliveries d ON d.region_id = v.region_id AND d.id = v.delivery_id
        WHERE v.region_id = ${actor.regionId} AND v.closed_at >= ${start}::timestamptz AND v.closed_at < ${end}::timestamptz`,
    ),
    queryRows<{ site_id: string; product_code: string; vials: number; doses_per_vial: number }>(
      db,
      sql`SELECT w.site_id, d.product_code, sum(w.vials)::int AS vials, p.doses_per_vial
        FROM vaccination_vial_wastage w JOIN vaccination_deliveries d ON d.region_id = w.region_id AND d.id = w.delivery_id
        JOIN vaccination_supply_products p ON p.region_id = d.region_id AND p.product_code = d.product_code
        WHERE w.region_id = ${actor.regionId} AND w.recorded_at >= ${start}::timestamptz AND w.recorded_at < ${end}::timestamptz GROUP BY 1, 2, 4`,
    ),
    queryRows<{ site_id: string; product_code: string; n: number }>(
      db,
      sql`SELECT v.site_id, d.product_code, count(*)::int AS n FROM vaccination_opened_vials v JOIN vaccination_deliveries d ON d.region_id = v.region_id AND d.id = v.delivery_id
        WHERE v.region_id = ${actor.regionId} AND v.closed_at IS NULL AND v.opened_at < ${end}::timestamptz GROUP BY 1, 2`,
    ),
    sitesById(db, actor.regionId),
  ]);
  const keys = new Map<string, { siteId: string; productCode: string }>();
  for (const r of [...closed, ...lost, ...stillOpen]) keys.set(`${r.site_id}|${r.product_code}`, { siteId: r.site_id, productCode: r.product_code });
  const match = (k: { siteId: string; productCode: string }) => (r: { site_id: string; product_code: string }) => r.site_id === k.siteId && r.product_code === k.productCode;
  const toClosed = (r: { nominal: number; drawn: number; discarded: number }) => ({ nominal: r.nominal, drawn: r.drawn, discarded: r.discarded });
  const toLost = (r: { vials: number; doses_per_vial: number }) => ({ vials: r.vials, dosesPerVial: r.doses_per_vial });
  const rows = [...keys.values()]
    .map((k) => ({
      siteId: k.siteId,
      siteName: sites.get(k.siteId)?.name ?? '',
      productCode: k.productCode,
      ...summarizeWastage(closed.filter(match(k)).map(toClosed), lost.filter(match(k)).map(toLost), stillOpen.filter(match(k)).reduce((a, r) => a + r.n, 0)),
    }))
    .sort((a, b) => a.siteName.localeCompare(b.siteName, 'sv') || a.productCode.localeCompare(b.productCode));
  return { from: q.from, to: q.to, rows, total: summarizeWastage(closed.map(toClosed), lost.map(toLost), stillOpen.reduce((a, r) => a + r.n, 0)) };
}

/** The most recent vials and losses at a site, for its stock page. */
export async function recentVials(ctx: AppContext, actor: Actor, siteId: string) {
  await resolveSite(ctx.database.db, actor.regionId, siteId, 'id');
  const rows = await ctx.database.db.select().from(openedVials).where(and(eq(openedVials.regionId, actor.regionId), eq(openedVials.siteId, siteId))).orderBy(desc(openedVials.openedAt)).limit(50);
  return rows.map((v) => ({ id: v.id, deliveryId: v.deliveryId, nominalDoses: v.nominalDoses, openedAt: toIso(v.openedAt), dosesDrawn: v.dosesDrawn, dosesDiscarded: v.dosesDiscarded, closedAt: v.closedAt ? toIso(v.closedAt) : null }));
}
