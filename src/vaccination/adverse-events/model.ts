import { sql } from 'drizzle-orm';
import { boolean, check, index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const adverseEventReporters = ['healthcare', 'citizen'] as const;
export type AdverseEventReporter = (typeof adverseEventReporters)[number];

/**
 * A suspected adverse event (misstänkt biverkning) after a recorded dose, reported by the vaccinator or by the
 * citizen (for themselves or their child) and sent to Läkemedelsverket through the outbox. `receivedAt` and
 * `receiptReference` are the agency's receipt, written by the transport when it delivered the report.
 */
export const vaccinationAdverseEvents = pgTable(
  'vaccination_adverse_events',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    doseId: uuid('dose_id').notNull(),
    personId: uuid('person_id').notNull(),
    reporter: text('reporter').$type<AdverseEventReporter>().notNull(),
    /** Staff id or, for a citizen, the person id of the one who reported (a guardian for a child). */
    reportedBy: uuid('reported_by').notNull(),
    symptoms: jsonb('symptoms').$type<string[]>().notNull(),
    description: text('description'),
    onsetAt: ts('onset_at').notNull(),
    serious: boolean('serious').notNull(),
    seriousCriteria: jsonb('serious_criteria').$type<string[]>().notNull(),
    reportedAt: ts('reported_at').notNull().defaultNow(),
    receivedAt: ts('received_at'),
    receiptReference: text('receipt_reference'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('vaccination_adverse_events_dose_idx').on(t.regionId, t.doseId),
    index('vaccination_adverse_events_person_idx').on(t.regionId, t.personId),
    check('vaccination_adverse_events_reporter', sql`${t.reporter} IN ('healthcare', 'citizen')`),
    check('vaccination_adverse_events_serious', sql`${t.serious} = (jsonb_array_length(${t.seriousCriteria}) > 0)`),
  ],
);
