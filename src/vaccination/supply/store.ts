import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/sql.js';
import { isoWeekDates } from '../../testing/rules.js';
import type { Vaccine } from '../model.js';
import type { Demand, Lot } from './rules.js';
import { unopenedVials } from './rules.js';
import { dayBounds } from '../recommendations/dates.js';

/** Stock of one batch at one site: vials allocated, opened and lost whole. */
export interface BatchStock {
  siteId: string;
  deliveryId: string;
  productCode: string;
  vaccine: Vaccine;
  batchNumber: string;
  expiresOn: string;
  dosesPerVial: number;
  allocated: number;
  opened: number;
  wasted: number;
}

const optional = (column: string, value: string | undefined) => (value ? sql`AND ${sql.raw(column)} = ${value}` : sql``);

/** Every batch allocated to the region's sites (or one site), with what was opened and lost of it. */
export async function batchStock(tx: Db, regionId: string, siteId?: string): Promise<BatchStock[]> {
  const rows = await queryRows<{ site_id: string; delivery_id: string; product_code: string; vaccine: Vaccine; batch_number: string; expires_on: string; doses_per_vial: number; allocated: number; opened: number; wasted: number }>(
    tx,
    sql`WITH alloc AS (SELECT site_id, delivery_id, sum(vials)::int AS vials FROM vaccination_stock_allocations WHERE region_id = ${regionId} ${optional('site_id', siteId)} GROUP BY 1, 2),
      opened AS (SELECT site_id, delivery_id, count(*)::int AS n FROM vaccination_opened_vials WHERE region_id = ${regionId} ${optional('site_id', siteId)} GROUP BY 1, 2),
      lost AS (SELECT site_id, delivery_id, sum(vials)::int AS n FROM vaccination_vial_wastage WHERE region_id = ${regionId} ${optional('site_id', siteId)} GROUP BY 1, 2)
    SELECT a.site_id, a.delivery_id, d.product_code, p.vaccine, d.batch_number, d.expires_on::text AS expires_on, p.doses_per_vial,
      a.vials AS allocated, coalesce(o.n, 0) AS opened, coalesce(l.n, 0) AS wasted
    FROM alloc a
    JOIN vaccination_deliveries d ON d.region_id = ${regionId} AND d.id = a.delivery_id
    JOIN vaccination_supply_products p ON p.region_id = ${regionId} AND p.product_code = d.product_code
    LEFT JOIN opened o ON o.site_id = a.site_id AND o.delivery_id = a.delivery_id
    LEFT JOIN lost l ON l.site_id = a.site_id AND l.delivery_id = a.delivery_id
    ORDER BY a.site_id, d.expires_on, d.batch_number`,
  );
  return rows.map((r) => ({
    siteId: r.site_id,
    deliveryId: r.delivery_id,
    productCode: r.product_code,
    vaccine: r.vaccine,
    batchNumber: r.batch_number,
    expiresOn: r.expires_on,
    dosesPerVial: r.doses_per_vial,
    allocated: r.allocated,
    opened: r.opened,
    wasted: r.wasted,
  }));
}

/** A delivery of a batch at one site, as recording a dose checks it: the vials left unopened there and those open now. */
export interface BatchAtSite {
  deliveryId: string;
  siteId: string;
  productCode: string;
  batchNumber: string;
  expiresOn: string;
  unopened: number;
  openVials: number;
}

/** Every delivery with this batch number (as printed, any case) at every site it was allocated to. */
export async function batchAtSites(tx: Db, regionId: string, batchNumber: string): Promise<BatchAtSite[]> {
  const rows = await queryRows<{ delivery_id: string; site_id: string; product_code: string; batch_number: string; expires_on: string; unopened: number; open_vials: number }>(
    tx,
    sql`SELECT d.id AS delivery_id, a.site_id, d.product_code, d.batch_number, d.expires_on::text AS expires_on,
        greatest(0, a.vials
          - (SELECT count(*) FROM vaccination_opened_vials v WHERE v.region_id = d.region_id AND v.site_id = a.site_id AND v.delivery_id = d.id)
          - coalesce((SELECT sum(w.vials) FROM vaccination_vial_wastage w WHERE w.region_id = d.region_id AND w.site_id = a.site_id AND w.delivery_id = d.id), 0))::int AS unopened,
        (SELECT count(*) FROM vaccination_opened_vials v WHERE v.region_id = d.region_id AND v.site_id = a.site_id AND v.delivery_id = d.id AND v.closed_at IS NULL)::int AS open_vials
      FROM vaccination_deliveries d
      JOIN (SELECT site_id, delivery_id, sum(vials)::int AS vials FROM vaccination_stock_allocations WHERE region_id = ${regionId} GROUP BY 1, 2) a ON a.delivery_id = d.id
      WHERE d.region_id = ${regionId} AND upper(d.batch_number) = upper(${batchNumber})
      ORDER BY d.expires_on, d.id, a.site_id`,
  );
  return rows.map((r) => ({ deliveryId: r.delivery_id, siteId: r.site_id, productCode: r.product_code, batchNumber: r.batch_number, expiresOn: r.expires_on, unopened: r.unopened, openVials: r.open_vials }));
}

/**
 * (site, vaccine) pairs whose stock is tracked: a site that has ever had stock or a forecast share of a
 * vaccine allocated. The filters narrow the stock allocations (`a`), the forecast shares (`fa`) and the
 * product (`p`).
 */
function trackedPairs(regionId: string | SQL, stockFilter: SQL, forecastFilter: SQL, productFilter: SQL = sql``): SQL {
  return sql`SELECT DISTINCT a.site_id, p.vaccine FROM vaccination_stock_allocations a
      JOIN vaccination_deliveries d ON d.region_id = a.region_id AND d.id = a.delivery_id
      JOIN vaccination_supply_products p ON p.region_id = a.region_id AND p.product_code = d.product_code
      WHERE a.region_id = ${regionId} ${stockFilter} ${productFilter}
    UNION SELECT DISTINCT fa.site_id, p.vaccine FROM vaccination_forecast_allocations fa
      JOIN vaccination_supply_products p ON p.region_id = fa.region_id AND p.product_code = fa.product_code
      WHERE fa.region_id = ${regionId} ${forecastFilter} ${productFilter}`;
}

/** The vaccines a site tracks the stock of, as an array expression for a query about one site (a booking's time). */
export const trackedVaccinesOf = (regionId: SQL, siteId: SQL): SQL =>
  sql`ARRAY(SELECT vaccine FROM (${trackedPairs(regionId, sql`AND a.site_id = ${siteId}`, sql`AND fa.site_id = ${siteId}`)}) tracked)`;

/** What a site has and owes for one vaccine, from `today` on: the input to the rules' matching. */
export interface SiteSupply {
  siteId: string;
  vaccine: Vaccine;
  lots: Lot[];
  demand: Demand[];
}

const key = (siteId: string, vaccine: string) => `${siteId}|${vaccine}`;

/**
 * Lots and demand per site and vaccine, from `today` on. Lots: unopened unexpired vials allocated to the site;
 * vials opened today (open ones at their planning number, closed ones at what they gave); the site's share of
 * forecast weeks not yet received (from the week's Monday). Demand: bookings still booked from today, and
 * today's doses (booked or not) at the site whose stock they drew (a dose given with a batch from another
 * site draws that site's; an attended booking counts through its dose). A site/vaccine with no stock or
 * forecast allocation ever is not tracked and is left out.
 */
export async function siteSupply(tx: Db, regionId: string, today: string, filter: { siteId?: string; vaccine?: Vaccine } = {}): Promise<Map<string, SiteSupply>> {
  const { start, end } = dayBounds(today);
  const site = (col: string) => optional(col, filter.siteId);
  const vaccine = (col: string) => optional(col, filter.vaccine);
  // One connection per transaction: the queries run one after the other, and an untracked site (the common
  // case when booking) costs only the first.
  const tracked = await queryRows<{ site_id: string; vaccine: Vaccine }>(tx, trackedPairs(regionId, site('a.site_id'), site('fa.site_id'), vaccine('p.vaccine')));
  if (tracked.length === 0) return new Map();
  const stock = await batchStock(tx, regionId, filter.siteId);
  const openedToday = await queryRows<{ site_id: string; vaccine: Vaccine; doses: number }>(
    tx,
    sql`SELECT v.site_id, p.vaccine, sum(CASE WHEN v.closed_at IS NULL THEN v.nominal_doses ELSE v.doses_drawn - v.doses_discarded END)::int AS doses
      FROM vaccination_opened_vials v
      JOIN vaccination_deliveries d ON d.region_id = v.region_id AND d.id = v.delivery_id
      JOIN vaccination_supply_products p ON p.region_id = v.region_id AND p.product_code = d.product_code
      WHERE v.region_id = ${regionId} AND v.opened_at >= ${start}::timestamptz AND v.opened_at < ${end}::timestamptz ${site('v.site_id')} ${vaccine('p.vaccine')}
      GROUP BY 1, 2`,
  );
  const forecast = await queryRows<{ site_id: string; vaccine: Vaccine; iso_week: string; product_code: string; doses: number }>(
    tx,
    sql`SELECT fa.site_id, p.vaccine, fa.iso_week, fa.product_code, fa.doses
      FROM vaccination_forecast_allocations fa
      JOIN vaccination_supply_products p ON p.region_id = fa.region_id AND p.product_code = fa.product_code
      WHERE fa.region_id = ${regionId} AND fa.doses > 0 ${site('fa.site_id')} ${vaccine('p.vaccine')}
        AND NOT EXISTS (SELECT 1 FROM vaccination_deliveries d WHERE d.region_id = fa.region_id AND d.product_code = fa.product_code AND d.iso_week = fa.iso_week)`,
  );
  const booked = await queryRows<{ site_id: string; vaccine: Vaccine; day: string; n: number }>(
    tx,
    sql`SELECT site_id, vaccine, (starts_at AT TIME ZONE 'Europe/Stockholm')::date::text AS day, count(*)::int AS n
      FROM vaccination_bookings
      WHERE region_id = ${regionId} AND status = 'booked' AND starts_at >= ${start}::timestamptz ${site('site_id')} ${vaccine('vaccine')}
      GROUP BY 1, 2, 3`,
  );
  const given = await queryRows<{ site_id: string; vaccine: Vaccine; n: number }>(
    tx,
    sql`SELECT coalesce(stock_site_id, site_id) AS site_id, vaccine, count(*)::int AS n FROM vaccination_doses
      WHERE region_id = ${regionId} AND coalesce(stock_site_id, site_id) IS NOT NULL
        AND administered_at >= ${start}::timestamptz AND administered_at < ${end}::timestamptz ${site('coalesce(stock_site_id, site_id)')} ${vaccine('vaccine')}
      GROUP BY 1, 2`,
  );
  const out = new Map<string, SiteSupply>();
  for (const t of tracked) out.set(key(t.site_id, t.vaccine), { siteId: t.site_id, vaccine: t.vaccine, lots: [], demand: [] });
  const at = (siteId: string, v: string) => out.get(key(siteId, v));
  for (const s of stock) {
    if (filter.vaccine && s.vaccine !== filter.vaccine) continue;
    const doses = unopenedVials(s) * s.dosesPerVial;
    if (doses > 0 && s.expiresOn >= today) at(s.siteId, s.vaccine)?.lots.push({ id: `batch:${s.deliveryId}`, doses, from: today, until: s.expiresOn });
  }
  for (const o of openedToday) if (o.doses > 0) at(o.site_id, o.vaccine)?.lots.push({ id: 'opened-today', doses: o.doses, from: today, until: today });
  for (const f of forecast) {
    const { monday, sunday } = isoWeekDates(f.iso_week);
    if (sunday < today) continue; // a forecast week that passed without a delivery brings nothing
    at(f.site_id, f.vaccine)?.lots.push({ id: `forecast:${f.product_code}:${f.iso_week}`, doses: f.doses, from: monday > today ? monday : today, until: null });
  }
  for (const b of booked) at(b.site_id, b.vaccine)?.demand.push({ day: b.day, doses: b.n });
  for (const g of given) at(g.site_id, g.vaccine)?.demand.push({ day: today, doses: g.n });
  return out;
}
