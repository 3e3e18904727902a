import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import type { CallOutcome } from './calls.js';
import type { CaseOutcome, Classification } from './infectious-period.js';

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
    /** When the lab's answer came: the start of the clock for 'time to first contact'. */
    resultAt: ts('result_at'),
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
    closedBy: uuid('closed_by'),
    questionnaireSentAt: ts('questionnaire_sent_at'),
    /** Who tells the contacts other than the household: the index themself, or the tracer. */
    contactsInformedBy: text('contacts_informed_by').$type<'index' | 'tracer'>(),
    severeIllness: boolean('severe_illness').notNull().default(false),
    /** When a tracer took the case from the queue (it became theirs; nobody else may take it). */
    takenAt: ts('taken_at'),
    /** The call log's summary, kept with the case so the queue reads where each case stands without the log. */
    unreachedCalls: integer('unreached_calls').notNull().default(0),
    lastCallAt: ts('last_call_at'),
    lastCallOutcome: text('last_call_outcome').$type<CallOutcome>(),
    callBackAt: ts('call_back_at'),
    /** Raised to the coordinator (three unreached calls, or a refusal): calls.ts `afterCall`. */
    escalatedAt: ts('escalated_at'),
    /** Confirmed by the positive that opened the case; a tracer or Smittskydd may change it (who and when kept). */
    classification: text('classification').$type<Classification>().notNull().default('confirmed'),
    classifiedAt: ts('classified_at'),
    classifiedBy: uuid('classified_by'),
    outcome: text('outcome').$type<CaseOutcome>(),
    /** As the tracer recorded it; the questionnaire's answer counts until then. Excludes `noSymptoms`. */
    symptomOnset: date('symptom_onset', { mode: 'string' }),
    noSymptoms: boolean('no_symptoms').notNull().default(false),
    /** A contact under follow-up who tested positive: the case that named them, and that contact row (who infected whom). */
    indexCaseId: uuid('index_case_id'),
    sourceContactId: uuid('source_contact_id'),
    /** The unit whose referral gave the positive (a vårdcentral or ward); null for kits and stations. */
    referringUnitId: uuid('referring_unit_id'),
    /** A vårdcentral the coordinator handed the case to for tracing there; null = the central tracing unit. */
    handlingUnitId: uuid('handling_unit_id'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('tracing_cases_source_key').on(t.regionId, t.sourceSampleId),
    index('tracing_cases_person_idx').on(t.regionId, t.personId, t.positiveTakenAt),
    index('tracing_cases_queue_idx').on(t.regionId, t.status, t.priority, t.firstCallDueAt, t.id),
    index('tracing_cases_opened_idx').on(t.regionId, t.openedAt),
    check('tracing_cases_classification', sql`${t.classification} IN ('suspected', 'probable', 'confirmed', 'not_a_case')`),
    check('tracing_cases_onset', sql`NOT (${t.noSymptoms} AND ${t.symptomOnset} IS NOT NULL)`),
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

export type ContactRelation = 'household' | 'close';
export type InformedBy = 'system' | 'tracer' | 'index';

/** The index's answers, saved as they are typed (a phone may lose its connection halfway). */
export const tracingQuestionnaires = pgTable(
  'tracing_questionnaires',
  {
    regionId: text('region_id').notNull(),
    caseId: uuid('case_id').notNull(),
    answers: jsonb('answers').$type<Record<string, unknown>>().notNull().default({}),
    symptomOnset: date('symptom_onset', { mode: 'string' }),
    travelledAbroad: boolean('travelled_abroad').notNull().default(false),
    savedAt: ts('saved_at').notNull(),
    submittedAt: ts('submitted_at'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.caseId] })],
);

/** A contact of an index, named in the questionnaire or by the tracer; linked to the register when found there. */
export const tracingContacts = pgTable(
  'tracing_contacts',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull(),
    caseId: uuid('case_id').notNull(),
    /**
     * The questionnaire's own key for the row that named the contact, so saving the same answers twice
     * names nobody twice. Scoped to the case: the contact's id is always the server's.
     */
    formKey: uuid('form_key'),
    personId: uuid('person_id'),
    name: text('name').notNull(),
    phone: text('phone'),
    relation: text('relation').$type<ContactRelation>().notNull(),
    context: text('context'),
    exposureDate: date('exposure_date', { mode: 'string' }),
    namedAt: ts('named_at').notNull(),
    informedAt: ts('informed_at'),
    informedBy: text('informed_by').$type<InformedBy>(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('tracing_contacts_case_idx').on(t.regionId, t.caseId),
    index('tracing_contacts_person_idx').on(t.regionId, t.personId),
    /** The daily check-in job looks for contacts exposed within the follow-up window. */
    index('tracing_contacts_exposure_idx').on(t.regionId, t.exposureDate),
    uniqueIndex('tracing_contacts_form_key_idx').on(t.regionId, t.caseId, t.formKey),
  ],
);

/** The case's record: calls, advice given (förhållningsregler) and journal notes; never changed, only added to. */
export const tracingNotes = pgTable(
  'tracing_notes',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').$type<'call' | 'advice' | 'journal'>().notNull(),
    text: text('text').notNull(),
    advice: text('advice').array().notNull().default(sql`'{}'::text[]`),
    authorId: uuid('author_id').notNull(),
    authorName: text('author_name').notNull(),
    createdAt: ts('created_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('tracing_notes_case_idx').on(t.regionId, t.caseId, t.createdAt)],
);

/** Every call to the index, with what came of it: never changed, only added to. */
export const tracingCalls = pgTable(
  'tracing_calls',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    outcome: text('outcome').$type<CallOutcome>().notNull(),
    note: text('note'),
    durationMinutes: integer('duration_minutes').notNull(),
    callBackAt: ts('call_back_at'),
    calledAt: ts('called_at').notNull(),
    staffId: uuid('staff_id').notNull(),
    staffName: text('staff_name').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('tracing_calls_case_idx').on(t.regionId, t.caseId, t.calledAt),
    check('tracing_calls_outcome', sql`${t.outcome} IN ('reached', 'no_answer', 'wrong_number', 'refused', 'call_back')`),
    check('tracing_calls_call_back', sql`(${t.outcome} = 'call_back') = (${t.callBackAt} IS NOT NULL)`),
    check('tracing_calls_duration', sql`${t.durationMinutes} BETWEEN 0 AND 600`),
  ],
);

/**
 * The clinical notification (klinisk anmälan) to SmiNet: one per case, required before the case closes. Its
 * delivery status is the outbox message's (`sminet:<case id>`), so it cannot drift from what was sent.
 */
export const tracingNotifications = pgTable(
  'tracing_notifications',
  {
    regionId: text('region_id').notNull(),
    caseId: uuid('case_id').notNull(),
    document: jsonb('document').$type<Record<string, unknown>>().notNull(),
    createdAt: ts('created_at').notNull(),
    createdBy: uuid('created_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.caseId] })],
);

export type SettingKind = 'care_home' | 'home_care' | 'workplace' | 'school_class' | 'association' | 'event';

/**
 * Where a case was during its infectious period, normalised so that cases sharing a place meet on one key:
 * a register unit's id (and class), or the lower-cased name the index wrote.
 */
export const tracingCaseSettings = pgTable(
  'tracing_case_settings',
  {
    regionId: text('region_id').notNull(),
    caseId: uuid('case_id').notNull(),
    kind: text('kind').$type<SettingKind>().notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    unitId: uuid('unit_id'),
    schoolClass: text('school_class'),
    exposureDate: date('exposure_date', { mode: 'string' }).notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.caseId, t.kind, t.key] }), index('tracing_case_settings_cluster_idx').on(t.regionId, t.kind, t.key, t.exposureDate)],
);

/** A cluster Smittskydd has confirmed as an outbreak (utbrott). */
export const tracingOutbreaks = pgTable(
  'tracing_outbreaks',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    kind: text('kind').$type<SettingKind>().notNull(),
    key: text('key').notNull(),
    label: text('label').notNull(),
    unitId: uuid('unit_id'),
    schoolClass: text('school_class'),
    status: text('status').$type<'open' | 'closed'>().notNull().default('open'),
    confirmedAt: ts('confirmed_at').notNull(),
    confirmedBy: uuid('confirmed_by').notNull(),
    note: text('note'),
    /** `cluster`: confirmed from a cluster proposal; `manual`: created by hand from what Smittskydd learnt elsewhere. */
    origin: text('origin').$type<'cluster' | 'manual'>().notNull().default('cluster'),
    /** Where, in words (a workplace, a school), and its municipality; the day it started, as judged. Set on outbreaks made by hand. */
    place: text('place'),
    municipalityCode: text('municipality_code'),
    startDate: date('start_date', { mode: 'string' }),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('tracing_outbreaks_key_idx').on(t.regionId, t.kind, t.key)],
);

export const tracingOutbreakCases = pgTable(
  'tracing_outbreak_cases',
  {
    regionId: text('region_id').notNull(),
    outbreakId: uuid('outbreak_id').notNull(),
    caseId: uuid('case_id').notNull(),
    addedAt: ts('added_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.outbreakId, t.caseId] }), index('tracing_outbreak_cases_case_idx').on(t.regionId, t.caseId)],
);

/** A message to Smittskydd's function mailbox (from a school, a care home, a clinician), to be linked to an outbreak. */
export const tracingSignals = pgTable(
  'tracing_signals',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    receivedAt: ts('received_at').notNull(),
    senderName: text('sender_name').notNull(),
    senderContact: text('sender_contact').notNull(),
    organisation: text('organisation'),
    subject: text('subject').notNull(),
    message: text('message').notNull(),
    outbreakId: uuid('outbreak_id'),
    handledBy: uuid('handled_by'),
    handledAt: ts('handled_at'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('tracing_signals_received_idx').on(t.regionId, t.receivedAt)],
);

/** Positives chosen for sequencing, with the criteria they met, and the variant once the lab has it. */
export const tracingSequencing = pgTable(
  'tracing_sequencing',
  {
    regionId: text('region_id').notNull(),
    caseId: uuid('case_id').notNull(),
    reasons: text('reasons').array().notNull(),
    flaggedAt: ts('flagged_at').notNull(),
    variant: text('variant'),
    variantRecordedAt: ts('variant_recorded_at'),
    variantWeek: text('variant_week'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.caseId] }), index('tracing_sequencing_week_idx').on(t.regionId, t.variantWeek)],
);

/** A region's tracing rules (priorities, windows, sequencing criteria); defaults in rules.ts when there is no row. */
export const tracingSettings = pgTable('tracing_settings', {
  regionId: text('region_id').primaryKey(),
  config: jsonb('config').$type<Record<string, unknown>>().notNull(),
  updatedAt: ts('updated_at').notNull(),
  updatedBy: uuid('updated_by').notNull(),
});

/**
 * A contact's daily check-in during follow-up (follow-up-days.ts): one per contact and day, so the daily job never
 * sends two for a day. Sent by SMS with a link holding a single-purpose token (only its hash is kept), to the 1177
 * inbox, or put on the tracers' phone list; answered through the link, the inbox, or by the tracer on the phone.
 */
export const tracingCheckIns = pgTable(
  'tracing_check_ins',
  {
    regionId: text('region_id').notNull(),
    contactId: uuid('contact_id').notNull(),
    day: date('day', { mode: 'string' }).notNull(),
    followUpDay: integer('follow_up_day').notNull(),
    /** sms (link), inbox (1177, logged in), call (no phone or e-ID we can reach: the tracers' phone list). */
    channel: text('channel').$type<'sms' | 'inbox' | 'call'>().notNull(),
    /** SHA-256 of the link's token (base64url); null without an SMS. Valid for this day's answer until follow-up ends. */
    tokenHash: text('token_hash'),
    expiresAt: ts('expires_at').notNull(),
    sentAt: ts('sent_at').notNull(),
    answeredAt: ts('answered_at'),
    answeredVia: text('answered_via').$type<'link' | 'inbox' | 'phone'>(),
    hasSymptoms: boolean('has_symptoms'),
    symptoms: text('symptoms').array().notNull().default(sql`'{}'::text[]`),
    tested: boolean('tested'),
    testDate: date('test_date', { mode: 'string' }),
    /** The tracer who recorded a phone answer. */
    recordedBy: uuid('recorded_by'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.contactId, t.day] }),
    uniqueIndex('tracing_check_ins_token_idx').on(t.regionId, t.tokenHash),
    index('tracing_check_ins_day_idx').on(t.regionId, t.day),
    check('tracing_check_ins_channel', sql`${t.channel} IN ('sms', 'inbox', 'call')`),
  ],
);
