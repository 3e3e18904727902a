import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, smallint, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { Criteria } from './recommendations/criteria.js';

export const vaccines = ['covid-19', 'influenza'] as const;
export type Vaccine = (typeof vaccines)[number];

/**
 * Kinds of site. Only the first three take bookings from the public; the others are visited by staff
 * (home visits, SÄBO by municipal nurses, LSS group homes on site) and record doses without a booking.
 */
export const siteKinds = ['vardcentral', 'mass_centre', 'mobile_unit', 'home_visit', 'care_home', 'lss_home'] as const;
export type SiteKind = (typeof siteKinds)[number];
export const publicSiteKinds: readonly SiteKind[] = ['vardcentral', 'mass_centre', 'mobile_unit'];

export const bookingStatuses = ['booked', 'cancelled', 'attended'] as const;
export type BookingStatus = (typeof bookingStatuses)[number];

/** How a booking came about: the citizen with e-ID, a guardian for a child, the call centre on someone's behalf. */
export const bookingChannels = ['self', 'guardian', 'on_behalf'] as const;
export type BookingChannel = (typeof bookingChannels)[number];

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * Vaccination recommendations as data: one row per version of a rule, valid for a period. The engine
 * (recommendations/engine.ts) reads them; a coordinator adds next season's without a code change.
 * `criteria` is validated by `Criteria` (recommendations/criteria.ts) on the way in.
 */
export const vaccinationRecommendations = pgTable(
  'vaccination_recommendations',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    /** Stable name of the rule across versions: 'covid-2023-80plus'. */
    code: text('code').notNull(),
    version: integer('version').notNull(),
    vaccine: text('vaccine').$type<Vaccine>().notNull(),
    /** Swedish, read out by the call centre: 'Påfyllnadsdos för 80 år och äldre och boende på SÄBO (2023)'. */
    title: text('title').notNull(),
    /** Lower is offered first when several rules match (the 2021 phases: 1–4). */
    priority: integer('priority').notNull().default(100),
    validFrom: date('valid_from').notNull(),
    /** Last day the rule applies; null = until replaced. */
    validTo: date('valid_to'),
    criteria: jsonb('criteria').$type<Criteria>().notNull(),
    source: text('source'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('vaccination_recommendations_code_version_key').on(t.regionId, t.code, t.version), check('vaccination_recommendations_validity', sql`${t.validTo} IS NULL OR ${t.validTo} >= ${t.validFrom}`)],
);

/**
 * What vaccination needs to know about a person that the population register does not hold: membership of
 * a medical risk group (declared at the health check before vaccination, or by the person's doctor).
 */
export const vaccinationPersonAttributes = pgTable(
  'vaccination_person_attributes',
  {
    regionId: text('region_id').notNull(),
    personId: uuid('person_id').notNull(),
    riskGroup: boolean('risk_group').notNull().default(false),
    riskGroupNote: text('risk_group_note'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.personId] })],
);

export const vaccinationSites = pgTable(
  'vaccination_sites',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    kind: text('kind').$type<SiteKind>().notNull(),
    municipalityCode: text('municipality_code'),
    postalCode: text('postal_code'),
    streetAddress: text('street_address'),
    /** The register's unit (vårdcentral, SÄBO, LSS home) the site belongs to, when there is one. */
    unitId: uuid('unit_id'),
    /** Vaccines given here; co-vaccination needs both. */
    vaccines: text('vaccines').array().$type<Vaccine[]>().notNull(),
    /** Length of one bookable time, in minutes. */
    slotMinutes: integer('slot_minutes').notNull().default(15),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('vaccination_sites_place_idx').on(t.regionId, t.municipalityCode, t.postalCode), check('vaccination_sites_slot_minutes', sql`${t.slotMinutes} BETWEEN 5 AND 240`)],
);

/** Weekly opening hours (ISO weekday 1 = Monday), Swedish wall-clock time. */
export const vaccinationOpeningHours = pgTable(
  'vaccination_opening_hours',
  {
    regionId: text('region_id').notNull(),
    siteId: uuid('site_id').notNull(),
    weekday: smallint('weekday').notNull(),
    opens: text('opens').notNull(),
    closes: text('closes').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.siteId, t.weekday] }), check('vaccination_opening_hours_weekday', sql`${t.weekday} BETWEEN 1 AND 7`), check('vaccination_opening_hours_order', sql`${t.opens} < ${t.closes}`)],
);

/** Vaccinators on duty at a site on a day, and how many each vaccinates per hour: the base of the slots' capacity. */
export const vaccinationStaffing = pgTable(
  'vaccination_staffing',
  {
    regionId: text('region_id').notNull(),
    siteId: uuid('site_id').notNull(),
    day: date('day').notNull(),
    vaccinators: integer('vaccinators').notNull(),
    perVaccinatorPerHour: integer('per_vaccinator_per_hour').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.siteId, t.day] }), check('vaccination_staffing_positive', sql`${t.vaccinators} >= 0 AND ${t.perVaccinatorPerHour} > 0`)],
);

/**
 * A bookable time. `booked` never passes `capacity`: the CHECK holds it, and booking takes a seat with a
 * guarded `UPDATE … WHERE booked < capacity` so concurrent bookers cannot both take the last one.
 */
export const vaccinationSlots = pgTable(
  'vaccination_slots',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    siteId: uuid('site_id').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    /** The Swedish calendar day of `startsAt`, for per-day stock limits and listings. */
    day: date('day').notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
    /** When the time opens for booking (new times are released in batches); before it, it is not shown. */
    releasedAt: ts('released_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('vaccination_slots_site_time_key').on(t.regionId, t.siteId, t.startsAt),
    index('vaccination_slots_day_idx').on(t.regionId, t.siteId, t.day),
    index('vaccination_slots_time_idx').on(t.regionId, t.startsAt),
    check('vaccination_slots_seats', sql`${t.booked} >= 0 AND ${t.booked} <= ${t.capacity}`),
  ],
);

/**
 * A booked dose. A visit for covid-19 and influenza together is two rows with the same `visitId` and one
 * seat in the slot. At most one live booking per person, vaccine and dose: a partial unique index.
 */
export const vaccinationBookings = pgTable(
  'vaccination_bookings',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    visitId: uuid('visit_id').notNull(),
    personId: uuid('person_id').notNull(),
    siteId: uuid('site_id').notNull(),
    slotId: uuid('slot_id').notNull(),
    vaccine: text('vaccine').$type<Vaccine>().notNull(),
    doseNumber: integer('dose_number').notNull(),
    recommendationId: uuid('recommendation_id'),
    startsAt: ts('starts_at').notNull(),
    status: text('status').$type<BookingStatus>().notNull().default('booked'),
    channel: text('channel').$type<BookingChannel>().notNull(),
    /** Who booked: the person, their guardian, or the call-centre agent (with the reason). */
    bookedBy: text('booked_by').notNull(),
    onBehalfReason: text('on_behalf_reason'),
    bookedAt: ts('booked_at').notNull().defaultNow(),
    cancelledAt: ts('cancelled_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    uniqueIndex('vaccination_bookings_one_live_key').on(t.regionId, t.personId, t.vaccine, t.doseNumber).where(sql`${t.status} = 'booked'`),
    index('vaccination_bookings_person_idx').on(t.regionId, t.personId),
    index('vaccination_bookings_slot_idx').on(t.regionId, t.slotId),
    index('vaccination_bookings_site_time_idx').on(t.regionId, t.siteId, t.startsAt),
    check('vaccination_bookings_status', sql`${t.status} IN ('booked', 'cancelled', 'attended')`),
    check('vaccination_bookings_dose', sql`${t.doseNumber} >= 1`),
  ],
);

/** A dose given, booked or not (drop-in, home visit, care home). One row per person, vaccine and dose number. */
/** Why a dose departs from its booking or from the stock of the site where it is given; the vaccinator states it. */
export const doseDeviations = ['given_elsewhere', 'batch_from_other_site'] as const;
export type DoseDeviation = (typeof doseDeviations)[number];

export const vaccinationDoses = pgTable(
  'vaccination_doses',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    siteId: uuid('site_id'),
    vaccine: text('vaccine').$type<Vaccine>().notNull(),
    productCode: text('product_code').notNull(),
    batchNumber: text('batch_number').notNull(),
    doseNumber: integer('dose_number').notNull(),
    administeredAt: ts('administered_at').notNull(),
    bookingId: uuid('booking_id'),
    recommendationId: uuid('recommendation_id'),
    /** Why a dose was given although no recommendation covered the person (the vaccinator's judgement). */
    outsideRecommendation: text('outside_recommendation'),
    /** The delivery (batch) the vial came from, and the site whose stock it drew: `siteId` unless the batch came from another site's stock. Null on doses recorded before stock was checked. */
    deliveryId: uuid('delivery_id'),
    stockSiteId: uuid('stock_site_id'),
    recordedBy: uuid('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('vaccination_doses_person_dose_key').on(t.regionId, t.personId, t.vaccine, t.doseNumber),
    index('vaccination_doses_site_idx').on(t.regionId, t.siteId, t.administeredAt),
    // The day's doses per site whose stock they drew (supply/store.ts: siteSupply); older doses drew their own site's.
    index('vaccination_doses_stock_site_idx').on(t.regionId, sql`coalesce(${t.stockSiteId}, ${t.siteId})`, t.administeredAt),
    check('vaccination_doses_dose', sql`${t.doseNumber} >= 1`),
  ],
);
