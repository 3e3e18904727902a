import { boolean, index, integer, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** A contact-tracing case (smittspårningsärende): opened from a positive result, worked by a tracer. */
export const tracingCases = pgTable(
  'tracing_cases',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    /** The positive sample that opened the case: an event delivered twice still opens one case. */
    sourceSampleId: uuid('source_sample_id').notNull(),
    positiveTakenAt: ts('positive_taken_at').notNull(),
    openedAt: ts('opened_at').notNull(),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    /** 1 = health and elderly care, 2 = schools, 3 = large or growing outbreaks, 4 = the rest. */
    priority: integer('priority').notNull(),
    priorityReason: text('priority_reason').notNull(),
    questionnaireDueAt: ts('questionnaire_due_at').notNull(),
    firstCallDueAt: ts('first_call_due_at').notNull(),
    firstCallAt: ts('first_call_at'),
    assignedTo: uuid('assigned_to'),
    possibleReinfection: boolean('possible_reinfection').notNull().default(false),
    previousCaseId: uuid('previous_case_id'),
    closedAt: ts('closed_at'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('tracing_cases_source_key').on(t.regionId, t.sourceSampleId),
    index('tracing_cases_person_idx').on(t.regionId, t.personId, t.positiveTakenAt),
    index('tracing_cases_queue_idx').on(t.regionId, t.status, t.priority, t.firstCallDueAt, t.id),
  ],
);

/** Further positives of the same person within the window, attached to the case instead of opening one. */
export const tracingCaseResults = pgTable(
  'tracing_case_results',
  {
    regionId: text('region_id').notNull(),
    sampleId: uuid('sample_id').notNull(),
    caseId: uuid('case_id').notNull(),
    takenAt: ts('taken_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.sampleId] }), index('tracing_case_results_case_idx').on(t.regionId, t.caseId)],
);
