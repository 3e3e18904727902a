import { sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows, toIso } from '../../platform/db/sql.js';
import { calendarDateInStockholm } from '../../identity/identity-number.js';
import type { Vaccine } from '../model.js';
import { matchDemand, maxBookable, uncoveredBookings } from './rules.js';
import { sitesById } from './sites.js';
import { siteSupply, type SiteSupply } from './store.js';
import type { SuggestionView } from './views.js';
import { addDays, dayBounds } from '../recommendations/dates.js';

/** What the coordinator can do about a short day, most direct first. */
export type Suggestion = z.infer<typeof SuggestionView>;

const horizonDays = 28;

async function bookingsOn(tx: Db, regionId: string, siteId: string, vaccine: Vaccine, day: string) {
  const { start, end } = dayBounds(day);
  return queryRows<{ id: string; slot_id: string; starts_at: string; booked_at: string }>(
    tx,
    sql`SELECT id, slot_id, starts_at::text AS starts_at, booked_at::text AS booked_at FROM vaccination_bookings
      WHERE region_id = ${regionId} AND site_id = ${siteId} AND vaccine = ${vaccine} AND status = 'booked'
        AND starts_at >= ${start}::timestamptz AND starts_at < ${end}::timestamptz`,
  );
}

/** Received vials not yet allocated to any site, usable on `day`, for the vaccine. */
async function unallocatedBatches(tx: Db, regionId: string, vaccine: Vaccine, day: string) {
  const rows = await queryRows<{ id: string; batch_number: string; product_code: string; doses_per_vial: number; vials: number; allocated: number }>(
    tx,
    sql`SELECT d.id, d.batch_number, d.product_code, p.doses_per_vial, d.vials,
        coalesce((SELECT sum(a.vials) FROM vaccination_stock_allocations a WHERE a.region_id = d.region_id AND a.delivery_id = d.id), 0)::int AS allocated
      FROM vaccination_deliveries d JOIN vaccination_supply_products p ON p.region_id = d.region_id AND p.product_code = d.product_code
      WHERE d.region_id = ${regionId} AND p.vaccine = ${vaccine} AND d.expires_on >= ${day}::date ORDER BY d.expires_on`,
  );
  return rows.map((r) => ({ ...r, free: Math.max(0, r.vials - r.allocated) })).filter((r) => r.free > 0);
}

function suggest(short: number, day: string, s: SiteSupply, others: SiteSupply[], free: Awaited<ReturnType<typeof unallocatedBatches>>, siteName: (id: string) => string): Suggestion[] {
  const out: Suggestion[] = [];
  let left = short;
  for (const b of free) {
    if (left <= 0) break;
    const vials = Math.min(b.free, Math.ceil(left / b.doses_per_vial));
    out.push({ kind: 'allocate', deliveryId: b.id, batchNumber: b.batch_number, productCode: b.product_code, vials });
    left -= vials * b.doses_per_vial;
  }
  for (const o of others) {
    if (left <= 0) break;
    const spare = maxBookable(o.lots, o.demand, day);
    if (spare > 0) {
      const doses = Math.min(spare, left);
      out.push({ kind: 'move', siteId: o.siteId, siteName: siteName(o.siteId), doses });
      left -= doses;
    }
  }
  for (let i = 1; i <= horizonDays && left > 0; i++) {
    const later = addDays(day, i);
    const spare = maxBookable(s.lots, s.demand, later);
    if (spare > 0) {
      const doses = Math.min(spare, left);
      out.push({ kind: 'rebook', day: later, doses });
      left -= doses;
    }
  }
  if (left > 0) out.push({ kind: 'contact', doses: left });
  return out;
}

/**
 * Booked times no longer covered by the doses expected at their site (after a forecast shrank, a batch was
 * lost, or vials gave fewer doses), with what to do: allocate free stock, move people to a site with spare
 * doses that day, rebook them to a later day with spare doses, or contact them. Counts only: no names.
 */
export async function shortages(ctx: AppContext, actor: Actor) {
  const db = ctx.database.db;
  const today = calendarDateInStockholm(ctx.clock.now());
  const [supply, sites] = await Promise.all([siteSupply(db, actor.regionId, today), sitesById(db, actor.regionId)]);
  const siteName = (id: string) => sites.get(id)?.name ?? '';
  const result = [];
  for (const s of supply.values()) {
    const { uncovered } = matchDemand(s.lots, s.demand);
    if (uncovered.size === 0) continue;
    const others = [...supply.values()].filter((o) => o.vaccine === s.vaccine && o.siteId !== s.siteId);
    const days = [];
    for (const [day, short] of [...uncovered].sort(([a], [b]) => a.localeCompare(b))) {
      const bookings = (await bookingsOn(db, actor.regionId, s.siteId, s.vaccine, day)).map((b) => ({ id: b.id, slotId: b.slot_id, day, bookedAt: toIso(b.booked_at), startsAt: toIso(b.starts_at) }));
      const lost = uncoveredBookings(bookings, new Map([[day, short]]));
      const slots = new Map<string, { slotId: string; startsAt: string; uncovered: number }>();
      for (const b of lost) {
        const slot = slots.get(b.slotId) ?? { slotId: b.slotId, startsAt: b.startsAt, uncovered: 0 };
        slot.uncovered += 1;
        slots.set(b.slotId, slot);
      }
      const demand = s.demand.filter((d) => d.day === day).reduce((a, d) => a + d.doses, 0);
      days.push({
        day,
        booked: demand,
        uncovered: short,
        slots: [...slots.values()].sort((a, b) => a.startsAt.localeCompare(b.startsAt)),
        suggestions: suggest(short, day, s, others, await unallocatedBatches(db, actor.regionId, s.vaccine, day), siteName),
      });
    }
    result.push({ siteId: s.siteId, siteName: siteName(s.siteId), vaccine: s.vaccine, days });
  }
  return { today, sites: result.sort((a, b) => a.siteName.localeCompare(b.siteName, 'sv') || a.vaccine.localeCompare(b.vaccine)) };
}
