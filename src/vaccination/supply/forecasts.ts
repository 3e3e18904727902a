import { and, asc, between, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows, toIso } from '../../platform/db/sql.js';
import { conflict, invalid } from '../../platform/errors.js';
import { weekRange } from '../../testing/statistics/common.js';
import { isIsoWeek } from '../../testing/rules.js';
import { productOf } from '../products.js';
import { deliveryForecasts, forecastAllocations, supplyProducts } from './model.js';
import { scaleAllocations } from './rules.js';
import { assertSites, sitesById } from './sites.js';

// --- Products ---------------------------------------------------------------------------------------

export interface ProductInput {
  productCode: string;
  dosesPerVial: number;
  shakeSensitive: boolean;
}

export async function listProducts(ctx: AppContext, actor: Actor) {
  const rows = await ctx.database.db.select().from(supplyProducts).where(eq(supplyProducts.regionId, actor.regionId)).orderBy(asc(supplyProducts.name));
  return rows.map((p) => ({ productCode: p.productCode, vaccine: p.vaccine, name: p.name, dosesPerVial: p.dosesPerVial, shakeSensitive: p.shakeSensitive, updatedAt: toIso(p.updatedAt) }));
}

/**
 * Starts stock-keeping of a product (one of the products doses are recorded with) or changes its planning
 * number of doses per vial; vials already opened keep theirs.
 */
export async function saveProduct(ctx: AppContext, actor: Actor, input: ProductInput) {
  const product = productOf(input.productCode);
  if (!product) throw invalid('productCode', 'not a product doses can be recorded with');
  const values = { ...input, vaccine: product.vaccine, name: product.name, regionId: actor.regionId, updatedBy: actor.id, updatedAt: ctx.clock.now().toISOString() };
  await ctx.database.db
    .insert(supplyProducts)
    .values(values)
    .onConflictDoUpdate({ target: [supplyProducts.regionId, supplyProducts.productCode], set: { vaccine: values.vaccine, name: values.name, dosesPerVial: values.dosesPerVial, shakeSensitive: values.shakeSensitive, updatedBy: values.updatedBy, updatedAt: values.updatedAt } });
  return (await listProducts(ctx, actor)).find((p) => p.productCode === input.productCode)!;
}

export async function getProduct(tx: Db, regionId: string, productCode: string, field = 'productCode') {
  const [p] = await tx.select().from(supplyProducts).where(and(eq(supplyProducts.regionId, regionId), eq(supplyProducts.productCode, productCode)));
  if (!p) throw invalid(field, 'not a product of your region (add it under products first)');
  return p;
}

// --- Forecasts --------------------------------------------------------------------------------------

export interface ForecastInput {
  productCode: string;
  isoWeek: string;
  doses: number;
  reason?: string;
}

/**
 * Records a new forecast for a product's week as the next version. When the week shrinks below what was
 * planned for the sites, their shares are scaled down in the same transaction; the shortage view then shows
 * which booked times are no longer covered.
 */
export async function recordForecast(ctx: AppContext, actor: Actor, input: ForecastInput) {
  if (!isIsoWeek(input.isoWeek)) throw invalid('isoWeek', 'not an ISO week (YYYY-Www)');
  const regionId = actor.regionId;
  return ctx.database.db.transaction(async (tx) => {
    await getProduct(tx, regionId, input.productCode);
    const [previous] = await tx
      .select()
      .from(deliveryForecasts)
      .where(and(eq(deliveryForecasts.regionId, regionId), eq(deliveryForecasts.productCode, input.productCode), eq(deliveryForecasts.isoWeek, input.isoWeek)))
      .orderBy(sql`${deliveryForecasts.version} DESC`)
      .limit(1)
      .for('update');
    const inserted = await tx
      .insert(deliveryForecasts)
      .values({ regionId, productCode: input.productCode, isoWeek: input.isoWeek, version: (previous?.version ?? 0) + 1, doses: input.doses, reason: input.reason ?? null, recordedBy: actor.name, recordedAt: ctx.clock.now().toISOString() })
      .onConflictDoNothing()
      .returning();
    if (inserted.length === 0) throw conflict('Someone changed this forecast at the same time; reload and try again', 'isoWeek');
    const planned = await tx
      .select({ siteId: forecastAllocations.siteId, doses: forecastAllocations.doses })
      .from(forecastAllocations)
      .where(and(eq(forecastAllocations.regionId, regionId), eq(forecastAllocations.productCode, input.productCode), eq(forecastAllocations.isoWeek, input.isoWeek)))
      .orderBy(sql`${forecastAllocations.doses} DESC`, asc(forecastAllocations.siteId));
    const scaled = scaleAllocations(planned, input.doses);
    const changed = scaled.map((s, i) => ({ siteId: s.siteId, from: planned[i]!.doses, to: s.doses })).filter((c) => c.from !== c.to);
    if (changed.length > 0) {
      await tx.execute(sql`UPDATE vaccination_forecast_allocations fa SET doses = c.doses, updated_at = now()
        FROM unnest(${sql.param(changed.map((c) => c.siteId))}::uuid[], ${sql.param(changed.map((c) => c.to))}::int[]) AS c(site_id, doses)
        WHERE fa.region_id = ${regionId} AND fa.product_code = ${input.productCode} AND fa.iso_week = ${input.isoWeek} AND fa.site_id = c.site_id`);
    }
    const f = inserted[0]!;
    return { productCode: f.productCode, isoWeek: f.isoWeek, version: f.version, doses: f.doses, previousDoses: previous?.doses ?? null, scaledAllocations: changed };
  });
}

/** Replaces the sites' shares of a forecast week; together they may not pass the forecast. */
export async function setForecastAllocations(ctx: AppContext, actor: Actor, input: { productCode: string; isoWeek: string; allocations: { siteId: string; doses: number }[] }) {
  if (!isIsoWeek(input.isoWeek)) throw invalid('isoWeek', 'not an ISO week (YYYY-Www)');
  const regionId = actor.regionId;
  const dup = input.allocations.findIndex((a, i) => input.allocations.findIndex((b) => b.siteId === a.siteId) !== i);
  if (dup >= 0) throw invalid(`allocations.${dup}.siteId`, 'the site is listed twice');
  return ctx.database.db.transaction(async (tx) => {
    await assertSites(tx, regionId, input.allocations.map((a) => a.siteId), (i) => `allocations.${i}.siteId`);
    const [current] = await tx
      .select({ doses: deliveryForecasts.doses })
      .from(deliveryForecasts)
      .where(and(eq(deliveryForecasts.regionId, regionId), eq(deliveryForecasts.productCode, input.productCode), eq(deliveryForecasts.isoWeek, input.isoWeek)))
      .orderBy(sql`${deliveryForecasts.version} DESC`)
      .limit(1)
      .for('update');
    if (!current) throw invalid('isoWeek', 'there is no forecast for this product and week');
    const total = input.allocations.reduce((a, x) => a + x.doses, 0);
    if (total > current.doses) throw invalid('allocations', `${total} doses planned but ${current.doses} expected`);
    await tx.delete(forecastAllocations).where(and(eq(forecastAllocations.regionId, regionId), eq(forecastAllocations.productCode, input.productCode), eq(forecastAllocations.isoWeek, input.isoWeek)));
    if (input.allocations.length > 0) {
      await tx.execute(sql`INSERT INTO vaccination_forecast_allocations (region_id, product_code, iso_week, site_id, doses)
        SELECT ${regionId}, ${input.productCode}, ${input.isoWeek}, site_id, doses
        FROM unnest(${sql.param(input.allocations.map((a) => a.siteId))}::uuid[], ${sql.param(input.allocations.map((a) => a.doses))}::int[]) AS a(site_id, doses)`);
    }
    return { productCode: input.productCode, isoWeek: input.isoWeek, planned: total, expected: current.doses };
  });
}

/** Forecast weeks with their history, the sites' shares and what has been received. */
export async function forecastWeeks(ctx: AppContext, actor: Actor, q: { from: string; to: string }) {
  weekRange(q.from, q.to, 53);
  const regionId = actor.regionId;
  const db = ctx.database.db;
  const [versions, shares, received, sites] = await Promise.all([
    db
      .select()
      .from(deliveryForecasts)
      .where(and(eq(deliveryForecasts.regionId, regionId), between(deliveryForecasts.isoWeek, q.from, q.to)))
      .orderBy(asc(deliveryForecasts.isoWeek), asc(deliveryForecasts.productCode), asc(deliveryForecasts.version)),
    db
      .select()
      .from(forecastAllocations)
      .where(and(eq(forecastAllocations.regionId, regionId), between(forecastAllocations.isoWeek, q.from, q.to))),
    queryRows<{ product_code: string; iso_week: string; vials: number; doses: number }>(
      db,
      sql`SELECT d.product_code, d.iso_week, sum(d.vials)::int AS vials, sum(d.vials * p.doses_per_vial)::int AS doses
        FROM vaccination_deliveries d JOIN vaccination_supply_products p ON p.region_id = d.region_id AND p.product_code = d.product_code
        WHERE d.region_id = ${regionId} AND d.iso_week BETWEEN ${q.from} AND ${q.to} GROUP BY 1, 2`,
    ),
    sitesById(db, regionId),
  ]);
  const weeks = new Map<string, { productCode: string; isoWeek: string; history: { version: number; doses: number; reason: string | null; recordedBy: string; recordedAt: string }[] }>();
  for (const v of versions) {
    const k = `${v.productCode}|${v.isoWeek}`;
    const w = weeks.get(k) ?? { productCode: v.productCode, isoWeek: v.isoWeek, history: [] };
    w.history.push({ version: v.version, doses: v.doses, reason: v.reason, recordedBy: v.recordedBy, recordedAt: toIso(v.recordedAt) });
    weeks.set(k, w);
  }
  return {
    weeks: [...weeks.values()].map((w) => {
      const current = w.history.at(-1)!;
      const got = received.find((r) => r.product_code === w.productCode && r.iso_week === w.isoWeek);
      const allocations = shares
        .filter((s) => s.productCode === w.productCode && s.isoWeek === w.isoWeek)
        .map((s) => ({ siteId: s.siteId, siteName: sites.get(s.siteId)?.name ?? '', doses: s.doses }))
        .sort((a, b) => a.siteName.localeCompare(b.siteName, 'sv'));
      return { ...w, doses: current.doses, version: current.version, planned: allocations.reduce((a, x) => a + x.doses, 0), allocations, receivedDoses: got?.doses ?? null, history: [...w.history].reverse() };
    }),
  };
}
