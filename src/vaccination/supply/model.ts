import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { Vaccine } from '../model.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * The products a region handles and how many doses it plans per vial. The planning number changes over time
 * (Comirnaty: 5, later 6 with low-dead-volume syringes); the real number drawn is recorded per vial.
 */
export const supplyProducts = pgTable(
  'vaccination_supply_products',
  {
    regionId: text('region_id').notNull(),
    productCode: text('product_code').notNull(),
    vaccine: text('vaccine').$type<Vaccine>().notNull(),
    name: text('name').notNull(),
    dosesPerVial: integer('doses_per_vial').notNull(),
    /** Shake-sensitive vaccines may not go out to home visits. */
    shakeSensitive: boolean('shake_sensitive').notNull().default(false),
    updatedBy: text('updated_by').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.productCode] }), check('vaccination_supply_products_doses', sql`${t.dosesPerVial} BETWEEN 1 AND 20`)],
);

/**
 * The expected delivery of a product in an ISO week. Every change is a new version (never an update), so the
 * coordinator can show when and why the week's volume changed ("halved, announced Friday for Monday").
 */
export const deliveryForecasts = pgTable(
  'vaccination_delivery_forecasts',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    productCode: text('product_code').notNull(),
    isoWeek: text('iso_week').notNull(),
    version: integer('version').notNull(),
    doses: integer('doses').notNull(),
    reason: text('reason'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('vaccination_delivery_forecasts_version_key').on(t.regionId, t.productCode, t.isoWeek, t.version),
    check('vaccination_delivery_forecasts_doses', sql`${t.doses} >= 0`),
  ],
);

/** The planned share of a week's forecast per site, in doses; scaled down with the forecast when it shrinks. */
export const forecastAllocations = pgTable(
  'vaccination_forecast_allocations',
  {
    regionId: text('region_id').notNull(),
    productCode: text('product_code').notNull(),
    isoWeek: text('iso_week').notNull(),
    siteId: uuid('site_id').notNull(),
    doses: integer('doses').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.productCode, t.isoWeek, t.siteId] }), check('vaccination_forecast_allocations_doses', sql`${t.doses} >= 0`)],
);

/** A received delivery: one batch of a product, counted in vials. `isoWeek` is the forecast week it fulfils. */
export const deliveries = pgTable(
  'vaccination_deliveries',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    productCode: text('product_code').notNull(),
    isoWeek: text('iso_week').notNull(),
    batchNumber: text('batch_number').notNull(),
    /** The last day the vials may be used. */
    expiresOn: date('expires_on').notNull(),
    vials: integer('vials').notNull(),
    receivedAt: ts('received_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('vaccination_deliveries_week_idx').on(t.regionId, t.productCode, t.isoWeek),
    check('vaccination_deliveries_vials', sql`${t.vials} > 0`),
  ],
);

/** Vials of a delivery sent to a site. Their sum never passes the delivery's vials (checked under a row lock). */
export const stockAllocations = pgTable(
  'vaccination_stock_allocations',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    deliveryId: uuid('delivery_id').notNull(),
    siteId: uuid('site_id').notNull(),
    vials: integer('vials').notNull(),
    allocatedBy: text('allocated_by').notNull(),
    allocatedAt: ts('allocated_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('vaccination_stock_allocations_site_idx').on(t.regionId, t.siteId, t.deliveryId),
    index('vaccination_stock_allocations_delivery_idx').on(t.regionId, t.deliveryId),
    check('vaccination_stock_allocations_vials', sql`${t.vials} > 0`),
  ],
);

/**
 * A vial opened at a site. `nominalDoses` is the planning number when it was opened; on closing, the
 * vaccinator records how many doses were really drawn and how many of those were discarded.
 */
export const openedVials = pgTable(
  'vaccination_opened_vials',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    siteId: uuid('site_id').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    nominalDoses: integer('nominal_doses').notNull(),
    openedBy: text('opened_by').notNull(),
    openedAt: ts('opened_at').notNull(),
    dosesDrawn: integer('doses_drawn'),
    dosesDiscarded: integer('doses_discarded'),
    closedBy: text('closed_by'),
    closedAt: ts('closed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('vaccination_opened_vials_site_idx').on(t.regionId, t.siteId, t.deliveryId),
    index('vaccination_opened_vials_open_idx').on(t.regionId, t.siteId, t.openedAt),
    check('vaccination_opened_vials_counts', sql`${t.dosesDrawn} IS NULL OR (${t.dosesDrawn} >= 0 AND ${t.dosesDiscarded} BETWEEN 0 AND ${t.dosesDrawn})`),
  ],
);

export const wastageReasons = ['expired', 'broken', 'cold_chain', 'shaken', 'other'] as const;
export type WastageReason = (typeof wastageReasons)[number];

/** Whole unopened vials lost at a site: expired, broken, a cold-chain break, shaken in transport. */
export const vialWastage = pgTable(
  'vaccination_vial_wastage',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    siteId: uuid('site_id').notNull(),
    deliveryId: uuid('delivery_id').notNull(),
    vials: integer('vials').notNull(),
    reason: text('reason').$type<WastageReason>().notNull(),
    note: text('note'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('vaccination_vial_wastage_site_idx').on(t.regionId, t.siteId, t.deliveryId),
    check('vaccination_vial_wastage_vials', sql`${t.vials} > 0`),
  ],
);
