import { sql } from 'drizzle-orm';
import {
  boolean,
  date,
  foreignKey,
  index,
  integer,
  pgTable,
  primaryKey,
  text,
  timestamp,
  unique,
  uuid,
} from 'drizzle-orm/pg-core';
import type { StaffRole } from '../platform/auth/roles.js';

// Reference tables: small, the same in every deployment (replicated in a distributed one).

export const regions = pgTable('regions', {
  /** The county code, '01'–'25'. */
  id: text('id').primaryKey(),
  name: text('name').notNull(),
  shortName: text('short_name').notNull(),
  countyName: text('county_name').notNull(),
  /** Inhabitants, for rates per 100,000. */
  population: integer('population').notNull(),
});

export const municipalities = pgTable('municipalities', {
  code: text('code').primaryKey(),
  name: text('name').notNull(),
  regionId: text('region_id').notNull().references(() => regions.id),
});

export const postalCodes = pgTable(
  'postal_codes',
  {
    postalCode: text('postal_code').primaryKey(),
    locality: text('locality').notNull(),
    municipalityCode: text('municipality_code').notNull().references(() => municipalities.code),
  },
  (t) => [index('postal_codes_municipality_idx').on(t.municipalityCode)],
);

// Region-owned tables: region_id leads every key so a distributed deployment can shard on it.

export const unitKinds = ['vardcentral', 'ward', 'care_home', 'home_care', 'school', 'preschool', 'workplace', 'lss_home', 'sampling_station', 'lab', 'vaccination_site', 'smittskydd'] as const;
export type UnitKind = (typeof unitKinds)[number];

/** Places people belong to or work at: vårdcentraler, SÄBO, schools, workplaces, stations, labs. */
export const units = pgTable(
  'units',
  {
    regionId: text('region_id').notNull().references(() => regions.id),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<UnitKind>().notNull(),
    name: text('name').notNull(),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    postalCode: text('postal_code'),
    capacity: integer('capacity'),
    synthetic: boolean('synthetic').notNull().default(false),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('units_kind_idx').on(t.regionId, t.kind)],
);

export const persons = pgTable(
  'persons',
  {
    regionId: text('region_id').notNull().references(() => regions.id),
    id: uuid('id').notNull().defaultRandom(),
    givenName: text('given_name').notNull(),
    familyName: text('family_name').notNull(),
    birthDate: date('birth_date'),
    legalSex: text('legal_sex').$type<'female' | 'male'>(),
    streetAddress: text('street_address'),
    postalCode: text('postal_code'),
    locality: text('locality'),
    municipalityCode: text('municipality_code').references(() => municipalities.code),
    phone: text('phone'),
    email: text('email'),
    /** The language the person chose for messages and the 1177 pages ('sv' | 'en'); Swedish when unset. */
    language: text('language').$type<'sv' | 'en'>(),
    householdId: uuid('household_id'),
    careHomeId: uuid('care_home_id'),
    homeCare: boolean('home_care').notNull().default(false),
    schoolId: uuid('school_id'),
    schoolClass: text('school_class'),
    workplaceId: uuid('workplace_id'),
    vardcentralId: uuid('vardcentral_id'),
    /** Demo data: generated, not a real person. */
    synthetic: boolean('synthetic').notNull().default(false),
    /** Set when this record was merged into another (reservnummer → personnummer); lookups follow it. */
    mergedInto: uuid('merged_into'),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    updatedAt: timestamp('updated_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('persons_household_idx').on(t.regionId, t.householdId),
    index('persons_municipality_idx').on(t.regionId, t.municipalityCode, t.postalCode),
    index('persons_name_idx').on(t.regionId, t.familyName, t.givenName),
  ],
);

export const identityKinds = ['personnummer', 'samordningsnummer', 'reservnummer'] as const;

/** Every number a person has been known by; a number once linked keeps finding the person. */
export const personIdentifiers = pgTable(
  'person_identifiers',
  {
    regionId: text('region_id').notNull(),
    value: text('value').notNull(),
    kind: text('kind').$type<(typeof identityKinds)[number]>().notNull(),
    personId: uuid('person_id').notNull(),
    /** For reservnummer: the region that issued it. */
    issuingRegion: text('issuing_region'),
    isPrimary: boolean('is_primary').notNull().default(true),
    addedAt: timestamp('added_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.value] }),
    index('person_identifiers_person_idx').on(t.regionId, t.personId),
    foreignKey({ columns: [t.regionId, t.personId], foreignColumns: [persons.regionId, persons.id] }),
  ],
);

/** Staff accounts: authentication comes from the identity provider, the role and region from here. */
export const staff = pgTable(
  'staff',
  {
    regionId: text('region_id').notNull().references(() => regions.id),
    id: uuid('id').notNull().defaultRandom(),
    name: text('name').notNull(),
    role: text('role').$type<StaffRole>().notNull(),
    unitId: uuid('unit_id'),
    /** HSA-id, the Swedish health-care directory identity. */
    hsaId: text('hsa_id'),
    /** The `sub` claim from the OpenID Connect provider. */
    oidcSubject: text('oidc_subject'),
    /** Where work reaches them by e-mail (reporting reminders, for one). */
    email: text('email'),
    active: boolean('active').notNull().default(true),
    synthetic: boolean('synthetic').notNull().default(false),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('staff_oidc_subject_key').on(t.regionId, t.oidcSubject),
    index('staff_oidc_subject_idx').on(t.oidcSubject).where(sql`${t.oidcSubject} IS NOT NULL`),
  ],
);
