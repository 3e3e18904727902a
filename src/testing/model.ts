import { sql } from 'drizzle-orm';
import { boolean, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

export const testTypes = ['pcr', 'antigen', 'serology'] as const;
export type TestType = (typeof testTypes)[number];
export const testResults = ['positive', 'negative', 'not_assessable'] as const;
export type TestResult = (typeof testResults)[number];
/** Who took the sample: the person themself, or healthcare staff (only the latter can ground a recovery certificate). */
export const collections = ['self', 'staff'] as const;
export type Collection = (typeof collections)[number];

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** Where citizens pick up self-sampling kits and drop samples off: vårdcentral boxes, pharmacies, stations. */
export const distributionPoints = pgTable(
  'distribution_points',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<'vardcentral' | 'pharmacy' | 'station'>().notNull(),
    name: text('name').notNull(),
    streetAddress: text('street_address'),
    postalCode: text('postal_code'),
    municipalityCode: text('municipality_code'),
    /** Human-readable, Swedish: 'mån–fre 8–17, lör 10–14'. */
    openingHours: text('opening_hours').notNull(),
    active: boolean('active').notNull().default(true),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('distribution_points_municipality_idx').on(t.regionId, t.municipalityCode)],
);

/** Kits printed with their QR code by the supplier; a code is valid only if the region issued it. */
export const kits = pgTable(
  'kits',
  {
    regionId: text('region_id').notNull(),
    code: text('code').notNull(),
    testType: text('test_type').$type<TestType>().notNull(),
    batch: text('batch').notNull(),
    issuedAt: ts('issued_at').notNull().defaultNow(),
    /** Set once, when a citizen registers the kit. */
    registeredAt: ts('registered_at'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.code] })],
);

export const kitOrders = pgTable(
  'kit_orders',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    testType: text('test_type').$type<TestType>().notNull(),
    distributionPointId: uuid('distribution_point_id').notNull(),
    orderedAt: ts('ordered_at').notNull(),
    status: text('status').$type<'ordered' | 'registered' | 'cancelled'>().notNull().default('ordered'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('kit_orders_person_idx').on(t.regionId, t.personId)],
);

/**
 * One sample, from registration (or sampling by staff) to answer. `takenWeek` is the ISO week in Swedish
 * time ('2021-W49'), stored at write so the weekly report is an index range, not a date computation per row.
 */
export const samples = pgTable(
  'samples',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kitCode: text('kit_code'),
    orderId: uuid('order_id'),
    bookingId: uuid('booking_id'),
    personId: uuid('person_id').notNull(),
    testType: text('test_type').$type<TestType>().notNull(),
    collection: text('collection').$type<Collection>().notNull(),
    collectingUnitId: uuid('collecting_unit_id'),
    collectedBy: text('collected_by'),
    /** Another provider that took the sample on the region's behalf (reported separately); null = the region. */
    provider: text('provider'),
    takenAt: ts('taken_at').notNull(),
    takenWeek: text('taken_week').notNull(),
    registeredAt: ts('registered_at').notNull().defaultNow(),
    receivedAt: ts('received_at'),
    labUnitId: uuid('lab_unit_id'),
    method: text('method'),
    result: text('result').$type<TestResult>(),
    resultAt: ts('result_at'),
    /** When the answer reached the citizen (inbox message delivered, or phoned). */
    answeredAt: ts('answered_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('samples_kit_key').on(t.regionId, t.kitCode),
    index('samples_person_idx').on(t.regionId, t.personId, t.takenAt),
    index('samples_week_idx').on(t.regionId, t.takenWeek, t.testType, t.result, t.personId),
    index('samples_pending_idx').on(t.regionId, t.receivedAt).where(sql`${t.result} IS NULL`),
  ],
);

/** Assisted sampling: a station's bookable times; `booked` never passes `capacity` (checked by the database). */
export const samplingSlots = pgTable(
  'sampling_slots',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    stationId: uuid('station_id').notNull(),
    startsAt: ts('starts_at').notNull(),
    endsAt: ts('ends_at').notNull(),
    testType: text('test_type').$type<TestType>().notNull(),
    capacity: integer('capacity').notNull(),
    booked: integer('booked').notNull().default(0),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('sampling_slots_station_time_key').on(t.regionId, t.stationId, t.startsAt, t.testType),
    index('sampling_slots_time_idx').on(t.regionId, t.startsAt),
  ],
);

export const bookingReasons = ['no_eid', 'child', 'staff', 'other'] as const;

export const samplingBookings = pgTable(
  'sampling_bookings',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    slotId: uuid('slot_id').notNull(),
    personId: uuid('person_id').notNull(),
    reason: text('reason').$type<(typeof bookingReasons)[number]>().notNull(),
    /** A phone number to call with a negative answer. */
    phone: text('phone'),
    bookedBy: text('booked_by').notNull(),
    bookedAt: ts('booked_at').notNull().defaultNow(),
    status: text('status').$type<'booked' | 'sampled' | 'cancelled'>().notNull().default('booked'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('sampling_bookings_slot_person_key').on(t.regionId, t.slotId, t.personId)],
);

/** Calls made from the call list of negative answers in the assisted track. */
export const resultCalls = pgTable(
  'result_calls',
  {
    regionId: text('region_id').notNull(),
    sampleId: uuid('sample_id').notNull(),
    calledAt: ts('called_at').notNull(),
    calledBy: text('called_by').notNull(),
    outcome: text('outcome').$type<'reached' | 'no_answer'>().notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.sampleId, t.calledAt] })],
);

/** What a lab or station can do in a week, per test type. */
export const testCapacity = pgTable(
  'test_capacity',
  {
    regionId: text('region_id').notNull(),
    unitId: uuid('unit_id').notNull(),
    isoWeek: text('iso_week').notNull(),
    testType: text('test_type').$type<TestType>().notNull(),
    testsPerWeek: integer('tests_per_week').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.unitId, t.isoWeek, t.testType] })],
);

/** A bulk import of lab results: one row per file (by content hash, so the same file is recognised). */
export const resultImports = pgTable(
  'result_imports',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    format: text('format').$type<'csv' | 'fhir'>().notNull(),
    labUnitId: uuid('lab_unit_id'),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
    /** Rows committed so far: a resumed import starts after this one. */
    rowsDone: integer('rows_done').notNull().default(0),
    rowsTotal: integer('rows_total'),
    accepted: integer('accepted').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    held: integer('held').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('result_imports_file_key').on(t.regionId, t.fileSha256)],
);

export const importRejections = pgTable(
  'import_rejections',
  {
    regionId: text('region_id').notNull(),
    importId: uuid('import_id').notNull(),
    line: integer('line').notNull(),
    field: text('field'),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.importId, t.line] })],
);

/** A result whose kit id matched no sample: held for a person to match by hand, never dropped. */
export const unmatchedResults = pgTable(
  'unmatched_results',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    importId: uuid('import_id'),
    line: integer('line'),
    kitCode: text('kit_code').notNull(),
    testType: text('test_type').$type<TestType>().notNull(),
    result: text('result').$type<TestResult>().notNull(),
    resultAt: ts('result_at').notNull(),
    method: text('method'),
    labUnitId: uuid('lab_unit_id'),
    status: text('status').$type<'held' | 'matched' | 'discarded'>().notNull().default('held'),
    matchedSampleId: uuid('matched_sample_id'),
    raw: jsonb('raw').$type<Record<string, unknown>>(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('unmatched_results_kit_key').on(t.regionId, t.kitCode, t.testType), index('unmatched_results_status_idx').on(t.regionId, t.status)],
);

/** The state's standard sums per test (schablon), dated: national configuration, the same for every region. */
export const reimbursementRates = pgTable(
  'reimbursement_rates',
  {
    testType: text('test_type').$type<TestType>().notNull(),
    validFrom: date('valid_from').notNull(),
    validTo: date('valid_to'),
    sek: numeric('sek', { precision: 10, scale: 2 }).notNull(),
    /** Antigen tests are paid for only when healthcare staff took the sample. */
    staffCollectedOnly: boolean('staff_collected_only').notNull().default(false),
    source: text('source').notNull(),
    /** Who set the rate in the application, and when (null for the rates the migrations seeded). */
    setBy: text('set_by'),
    setAt: timestamp('set_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.testType, t.validFrom] })],
);

/**
 * The weekly report's figures, kept up to date by triggers on `samples` (migration 0005) in the same
 * transaction as every insert and every new answer, whatever path wrote it: the report reads a few
 * hundred rows a year instead of counting millions of samples. `other` = taken by another provider.
 */
export const testWeekCounts = pgTable(
  'test_week_counts',
  {
    regionId: text('region_id').notNull(),
    week: text('week').notNull(),
    testType: text('test_type').$type<TestType>().notNull(),
    other: boolean('other').notNull(),
    tests: integer('tests').notNull().default(0),
    individuals: integer('individuals').notNull().default(0),
    positive: integer('positive').notNull().default(0),
    negative: integer('negative').notNull().default(0),
    notAssessable: integer('not_assessable').notNull().default(0),
    pending: integer('pending').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.week, t.testType, t.other] })],
);

/** Who was tested in a week (for counting unique individuals once, however many samples they gave). */
export const testWeekPersons = pgTable(
  'test_week_persons',
  {
    regionId: text('region_id').notNull(),
    week: text('week').notNull(),
    testType: text('test_type').$type<TestType>().notNull(),
    other: boolean('other').notNull(),
    personId: uuid('person_id').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.week, t.testType, t.other, t.personId] })],
);

export const referralUrgencies = ['routine', 'urgent'] as const;
export type ReferralUrgency = (typeof referralUrgencies)[number];

/**
 * A lab referral (remiss) written by a clinician for their unit. Its code is a kit id (same alphabet and check
 * character), printed as a QR label on the tube: the sample it creates carries it as `kit_code`, so the lab
 * receives and answers a referral exactly as a kit, and an answer naming an unknown referral is held the same way.
 */
export const referrals = pgTable(
  'referrals',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    code: text('code').notNull(),
    personId: uuid('person_id').notNull(),
    sampleId: uuid('sample_id').notNull(),
    testType: text('test_type').$type<TestType>().notNull(),
    indication: text('indication').notNull(),
    collection: text('collection').$type<Collection>().notNull(),
    urgency: text('urgency').$type<ReferralUrgency>().notNull(),
    orderingUnitId: uuid('ordering_unit_id').notNull(),
    samplingAt: ts('sampling_at').notNull(),
    writtenBy: uuid('written_by').notNull(),
    writtenAt: ts('written_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('referrals_code_key').on(t.regionId, t.code),
    unique('referrals_sample_key').on(t.regionId, t.sampleId),
    index('referrals_unit_idx').on(t.regionId, t.orderingUnitId, t.writtenAt),
  ],
);
