import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, numeric, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const periodTypes = ['month', 'quarter', 'year', 'point'] as const;
export type PeriodType = (typeof periodTypes)[number];
export const units = ['percent', 'index', 'hours', 'days', 'count', 'sek'] as const;
export type IndicatorUnit = (typeof units)[number];
export const targetDirections = ['at_least', 'at_most'] as const;
export type TargetDirection = (typeof targetDirections)[number];
export const orgLevels = ['region', 'municipality', 'unit', 'rss'] as const;
export type OrgLevel = (typeof orgLevels)[number];
export const valueSources = ['reported', 'computed'] as const;
export type ValueSource = (typeof valueSources)[number];
/** What Lägesbild can compute itself (compute.ts); a definition without one is reported only. */
export const computations = ['named_doctor_share', 'named_doctor_share_75', 'named_doctor_share_care_home', 'coc_mean', 'upc_mean', 'readmission_30d', 'positivity', 'sample_to_answer_hours', 'tracing_within_24h'] as const;
export type Computation = (typeof computations)[number];

/**
 * An indicator definition, versioned: (code, version) is one immutable definition; a change is a new version
 * and the old one stays, so every value keeps the definition it was measured by (seed 004: regions measure the
 * same thing by different definitions). At most one version per code is active (partial unique index).
 * A reference table (replicated, no region): definitions travel between instances with the values.
 */
export const indicatorDefinitions = pgTable(
  'indicator_definitions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    code: text('code').notNull(),
    version: integer('version').notNull(),
    nameSv: text('name_sv').notNull(),
    nameEn: text('name_en').notNull(),
    numerator: text('numerator').notNull(),
    denominator: text('denominator').notNull(),
    computation: text('computation').$type<Computation>(),
    unit: text('unit').$type<IndicatorUnit>().notNull(),
    source: text('source').notNull(),
    population: text('population').notNull(),
    periodType: text('period_type').$type<PeriodType>().notNull(),
    targetValue: numeric('target_value', { mode: 'number' }),
    targetDirection: text('target_direction').$type<TargetDirection>(),
    targetDate: date('target_date'),
    owner: text('owner').notNull(),
    active: boolean('active').notNull().default(true),
    note: text('note'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('indicator_definitions_version_key').on(t.code, t.version),
    check('indicator_definitions_version', sql`${t.version} >= 1`),
    check('indicator_definitions_target', sql`(${t.targetValue} IS NULL) = (${t.targetDirection} IS NULL)`),
  ],
);

/**
 * A value of an indicator for one organisation and period, measured by one definition version. Numerator
 * and denominator are kept (not only the ratio) so that region and nation are summed exactly. A reported
 * and a computed value of the same thing live side by side: the consistency list compares them.
 */
export const indicatorValues = pgTable(
  'indicator_values',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    definitionId: uuid('definition_id').notNull(),
    orgLevel: text('org_level').$type<OrgLevel>().notNull(),
    /** The region code, municipality code, the unit's code (HSA id) or the RSS's name. */
    orgCode: text('org_code').notNull(),
    orgName: text('org_name').notNull(),
    period: text('period').notNull(),
    periodStart: date('period_start').notNull(),
    periodEnd: date('period_end').notNull(),
    numerator: numeric('numerator', { mode: 'number' }).notNull(),
    denominator: numeric('denominator', { mode: 'number' }).notNull(),
    source: text('source').$type<ValueSource>().notNull(),
    importId: uuid('import_id'),
    runId: uuid('run_id'),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('indicator_values_key').on(t.regionId, t.definitionId, t.orgLevel, t.orgCode, t.period, t.source),
    index('indicator_values_definition_idx').on(t.definitionId, t.periodStart),
    check('indicator_values_ratio', sql`${t.denominator} > 0 AND ${t.numerator} >= 0`),
  ],
);

export const importKinds = ['values', 'contacts'] as const;
export type ImportKind = (typeof importKinds)[number];

/** One imported file (values or primary-care contacts), recognised by its content: the same file twice changes nothing. */
export const indicatorImports = pgTable(
  'indicator_imports',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<ImportKind>().notNull(),
    fileName: text('file_name').notNull(),
    fileSha256: text('file_sha256').notNull(),
    format: text('format').$type<'csv' | 'xlsx'>().notNull(),
    rowsTotal: integer('rows_total').notNull(),
    rowsDone: integer('rows_done').notNull().default(0),
    accepted: integer('accepted').notNull().default(0),
    unchanged: integer('unchanged').notNull().default(0),
    rejected: integer('rejected').notNull().default(0),
    importedBy: text('imported_by').notNull(),
    startedAt: ts('started_at').notNull().defaultNow(),
    finishedAt: ts('finished_at'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('indicator_imports_file_key').on(t.regionId, t.kind, t.fileSha256)],
);

/** A row an import kept out, with the row and column it names. */
export const indicatorImportRejections = pgTable(
  'indicator_import_rejections',
  {
    regionId: text('region_id').notNull(),
    importId: uuid('import_id').notNull(),
    row: integer('row').notNull(),
    column: text('column').notNull(),
    reason: text('reason').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.importId, t.row, t.column] })],
);

export const contactTypes = ['visit', 'phone', 'video', 'home', 'admission'] as const;
export type ContactType = (typeof contactTypes)[number];

/**
 * A primary-care contact in the shape of Socialstyrelsen's proposed register (seed 002, about lines 2180–4300):
 * the person, care unit and provider, date, contact type, professional category, and whether the person has a
 * named regular doctor (fast läkarkontakt). `contactId` is the source system's id: the primary key that makes a
 * second import of the same rows change nothing. Admissions (with discharge day and whether unplanned) feed the
 * readmission measure. Personal data: only aggregates ever leave this table.
 */
export const primaryCareContacts = pgTable(
  'indicator_primary_care_contacts',
  {
    regionId: text('region_id').notNull(),
    contactId: text('contact_id').notNull(),
    personNumber: text('person_number').notNull(),
    birthDate: date('birth_date').notNull(),
    careUnitCode: text('care_unit_code').notNull(),
    careUnitName: text('care_unit_name').notNull(),
    providerCode: text('provider_code').notNull(),
    contactDate: date('contact_date').notNull(),
    contactType: text('contact_type').$type<ContactType>().notNull(),
    professionalCategory: text('professional_category').notNull(),
    /** The professional met (HSA id) when known; continuity is counted per practitioner, else per unit. */
    practitionerCode: text('practitioner_code'),
    listedUnitCode: text('listed_unit_code'),
    namedDoctor: boolean('named_doctor').notNull(),
    careHome: boolean('care_home').notNull().default(false),
    dischargeDate: date('discharge_date'),
    unplanned: boolean('unplanned'),
    importId: uuid('import_id'),
  },
  (t) => [
    // Keyed by the source's contact id alone: a surrogate id with its own index made the bulk import a third slower.
    primaryKey({ columns: [t.regionId, t.contactId] }),
    // Only the admissions are looked up by person (readmissions); a full index by person would slow the bulk import.
    index('indicator_primary_care_contacts_admission_idx').on(t.regionId, t.personNumber, t.contactDate).where(sql`${t.contactType} = 'admission'`),
  ],
);

/** One run of the compute job: when, by whom, for which period and from what (the inputs it saw). */
export const indicatorComputeRuns = pgTable(
  'indicator_compute_runs',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    period: text('period').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at').notNull(),
    inputs: jsonb('inputs').$type<Record<string, unknown>>().notNull(),
    valuesWritten: integer('values_written').notNull(),
    runBy: text('run_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);
