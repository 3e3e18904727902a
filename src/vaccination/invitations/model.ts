import { sql } from 'drizzle-orm';
import { check, date, index, integer, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';
import type { Vaccine } from '../model.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** An invitation list: the eligible, unvaccinated people of an area under one recommendation, built on a day. */
export const invitationLists = pgTable(
  'vaccination_invitation_lists',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    recommendationId: uuid('recommendation_id').notNull(),
    vaccine: text('vaccine').$type<Vaccine>().notNull(),
    title: text('title').notNull(),
    municipalityCode: text('municipality_code'),
    /** A postcode or its first digits ('702' = the postcode area). */
    postalCodePrefix: text('postal_code_prefix'),
    builtFor: date('built_for').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), check('vaccination_invitation_lists_area', sql`${t.municipalityCode} IS NOT NULL OR ${t.postalCodePrefix} IS NOT NULL`)],
);

/** One person on a list: when the letter and SMS went, and the reminders. */
export const invitations = pgTable(
  'vaccination_invitations',
  {
    regionId: text('region_id').notNull(),
    listId: uuid('list_id').notNull(),
    personId: uuid('person_id').notNull(),
    doseNumber: integer('dose_number').notNull(),
    eligibleFrom: date('eligible_from').notNull(),
    letterAt: ts('letter_at'),
    smsAt: ts('sms_at'),
    remindedAt: ts('reminded_at'),
    reminders: integer('reminders').notNull().default(0),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.listId, t.personId] }), index('vaccination_invitations_person_idx').on(t.regionId, t.personId)],
);
