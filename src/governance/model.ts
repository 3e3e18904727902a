import { sql } from 'drizzle-orm';
import { boolean, check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/** The case types of the committee's register (seed 002, agenda lines 1–623). */
export const caseTypes = ['citizen_proposal', 'motion', 'consultation', 'procurement_initiation', 'award_decision', 'plan', 'audit_report', 'delegated_decision', 'information'] as const;
export type CaseType = (typeof caseTypes)[number];

export const caseStatuses = ['registered', 'in_preparation', 'ready', 'on_agenda', 'decided', 'closed'] as const;
export type CaseStatus = (typeof caseStatuses)[number];

/** How a case ended: 'besvarat', 'bifallet', 'avslaget', 'godkänt', 'anses besvarat', 'återremitterat'. */
export const caseOutcomes = ['answered', 'granted', 'rejected', 'approved', 'deemed_answered', 'referred_back'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

/** The bodies a case passes: preparation, the committee, then sometimes the regional board and the assembly. */
export const bodies = ['registry', 'preparatory_committee', 'committee', 'regional_board', 'assembly', 'delegate'] as const;
export type Body = (typeof bodies)[number];

/** A region's register settings: the diarienummer format (`{yy}RS{serial}` in the seed: 21RS5471). */
export const governanceSettings = pgTable('governance_settings', {
  regionId: text('region_id').primaryKey(),
  caseNumberFormat: text('case_number_format').notNull(),
  updatedBy: text('updated_by').notNull(),
  updatedAt: ts('updated_at').notNull().defaultNow(),
});

/**
 * The last serial given per region and year. Registration increments it in its own transaction
 * (UPDATE … RETURNING takes the row lock), so serials have neither gaps nor doubles: a rolled-back
 * registration rolls its increment back too.
 */
export const caseSerials = pgTable(
  'governance_case_serials',
  {
    regionId: text('region_id').notNull(),
    year: integer('year').notNull(),
    lastSerial: integer('last_serial').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.year] }), check('governance_case_serials_positive', sql`${t.lastSerial} >= 0`)],
);

export interface Proposer {
  name: string;
  email: string | null;
  /** The proposer agreed that their name is published with the case (public register). */
  publishName: boolean;
}

export const cases = pgTable(
  'governance_cases',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseNumber: text('case_number').notNull(),
    year: integer('year').notNull(),
    serial: integer('serial').notNull(),
    type: text('type').$type<CaseType>().notNull(),
    title: text('title').notNull(),
    caseOfficer: text('case_officer'),
    unit: text('unit'),
    receivedOn: date('received_on').notNull(),
    /** The sender's reference, e.g. a ministry's 'Er beteckning'. */
    senderReference: text('sender_reference'),
    answerBy: date('answer_by'),
    proposer: jsonb('proposer').$type<Proposer>(),
    status: text('status').$type<CaseStatus>().notNull().default('registered'),
    outcome: text('outcome').$type<CaseOutcome>(),
    registeredBy: text('registered_by').notNull(),
    registeredAt: ts('registered_at').notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('governance_cases_number_key').on(t.regionId, t.caseNumber),
    unique('governance_cases_serial_key').on(t.regionId, t.year, t.serial),
    index('governance_cases_status_idx').on(t.regionId, t.status, t.receivedOn),
  ],
);

/** The case's path across bodies, one row per step: never changed, only added to. */
export const caseEvents = pgTable(
  'governance_case_events',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    body: text('body').$type<Body>().notNull(),
    event: text('event').notNull(),
    occurredOn: date('occurred_on').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('governance_case_events_case_idx').on(t.regionId, t.caseId, t.occurredOn)],
);

/**
 * A document of a case. Every document is a public record (allmän handling) unless the secretary marks it
 * secret with its ground in OSL (chapter and section); the ground is then shown in its place.
 */
export const documents = pgTable(
  'governance_documents',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    title: text('title').notNull(),
    body: text('body').notNull(),
    secret: boolean('secret').notNull().default(false),
    oslChapter: integer('osl_chapter'),
    oslSection: integer('osl_section'),
    registeredOn: date('registered_on').notNull(),
    registeredBy: text('registered_by').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    index('governance_documents_case_idx').on(t.regionId, t.caseId),
    check('governance_documents_ground', sql`(${t.secret} AND ${t.oslChapter} BETWEEN 1 AND 99 AND ${t.oslSection} BETWEEN 1 AND 99) OR (NOT ${t.secret} AND ${t.oslChapter} IS NULL AND ${t.oslSection} IS NULL)`),
  ],
);

export interface Recipient {
  name: string;
  email: string;
}

/** The briefing memo (föredragnings-PM) of a case, one per case, with the sections the seed's memos share. */
export const memos = pgTable(
  'governance_memos',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    rapporteur: text('rapporteur'),
    /** The proposal for decision as 'att …' clauses. */
    proposal: jsonb('proposal').$type<string[]>().notNull(),
    summary: text('summary'),
    background: text('background'),
    assessment: text('assessment'),
    environment: text('environment'),
    children: text('children'),
    genderEquality: text('gender_equality'),
    economy: text('economy'),
    followUp: text('follow_up'),
    supportingDocuments: jsonb('supporting_documents').$type<string[]>().notNull(),
    sendTo: jsonb('send_to').$type<Recipient[]>().notNull(),
    updatedBy: text('updated_by').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('governance_memos_case_key').on(t.regionId, t.caseId)],
);

export const meetings = pgTable(
  'governance_meetings',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    body: text('body').notNull(),
    heldOn: date('held_on').notNull(),
    startsAt: text('starts_at').notNull(),
    place: text('place').notNull(),
    chair: text('chair').notNull(),
    /** The members named to check the minutes with the chair. */
    checkers: jsonb('checkers').$type<string[]>().notNull(),
    /** The last day of justering; a later one needs a recorded reason. */
    checkDeadline: date('check_deadline').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('governance_meetings_day_idx').on(t.regionId, t.heldOn)],
);

export interface Votes {
  yes: number;
  no: number;
  abstain: number;
}
export interface Reservation {
  member: string;
  text: string;
}

/** An agenda item and, once the meeting has decided, its decision. */
export const agendaItems = pgTable(
  'governance_agenda_items',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    caseId: uuid('case_id'),
    position: integer('position').notNull(),
    title: text('title').notNull(),
    rapporteur: text('rapporteur'),
    time: text('time'),
    decision: jsonb('decision').$type<string[]>(),
    votes: jsonb('votes').$type<Votes>(),
    reservations: jsonb('reservations').$type<Reservation[]>().notNull().default([]),
    /** Members who declared a conflict of interest (jäv) and took no part. */
    conflicts: jsonb('conflicts').$type<string[]>().notNull().default([]),
    outcome: text('outcome').$type<CaseOutcome>(),
    decidedBy: text('decided_by'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('governance_agenda_items_position_key').on(t.regionId, t.meetingId, t.position),
    unique('governance_agenda_items_case_key').on(t.regionId, t.meetingId, t.caseId),
  ],
);

/**
 * The minutes of a meeting: checked (justerade) once the chair and every named member signed; then posted
 * (anslag), which starts the appeal period. A trigger refuses changes to checked minutes and their items.
 */
export const minutes = pgTable(
  'governance_minutes',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    meetingId: uuid('meeting_id').notNull(),
    checkedAt: ts('checked_at'),
    lateReason: text('late_reason'),
    postedOn: date('posted_on'),
    appealFrom: date('appeal_from'),
    appealUntil: date('appeal_until'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('governance_minutes_meeting_key').on(t.regionId, t.meetingId)],
);

export const signatures = pgTable(
  'governance_minute_signatures',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    minutesId: uuid('minutes_id').notNull(),
    signer: text('signer').notNull(),
    signedAt: ts('signed_at').notNull(),
    recordedBy: text('recorded_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('governance_minute_signatures_key').on(t.regionId, t.minutesId, t.signer)],
);

/** A correction of checked minutes: a new entry linked to them (and to an item), never an edit. */
export const corrections = pgTable(
  'governance_minute_corrections',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    minutesId: uuid('minutes_id').notNull(),
    itemId: uuid('item_id'),
    text: text('text').notNull(),
    recordedBy: text('recorded_by').notNull(),
    recordedAt: ts('recorded_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('governance_minute_corrections_idx').on(t.regionId, t.minutesId)],
);

/** A protokollsutdrag sent to one 'skickas till' recipient of an item, through the outbox. */
export const extracts = pgTable(
  'governance_extracts',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    itemId: uuid('item_id').notNull(),
    recipient: text('recipient').notNull(),
    email: text('email').notNull(),
    sentAt: ts('sent_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('governance_extracts_key').on(t.regionId, t.itemId, t.email)],
);

/** A decision taken under delegation, reported to the next meeting (anmälningsärende). */
export const delegatedDecisions = pgTable(
  'governance_delegated_decisions',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    delegate: text('delegate').notNull(),
    /** The point of the delegation order the decision rests on. */
    delegationPoint: text('delegation_point').notNull(),
    decidedOn: date('decided_on').notNull(),
    summary: text('summary').notNull(),
    registeredBy: text('registered_by').notNull(),
    registeredAt: ts('registered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('governance_delegated_decisions_day_idx').on(t.regionId, t.decidedOn)],
);

export const actionSources = ['plan_activity', 'audit_recommendation'] as const;
export const actionStatuses = ['planned', 'started', 'ongoing', 'done'] as const;
export type ActionStatus = (typeof actionStatuses)[number];

/** A plan's activity or an audit's recommendation, followed to the end. */
export const actions = pgTable(
  'governance_actions',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    source: text('source').$type<(typeof actionSources)[number]>().notNull(),
    title: text('title').notNull(),
    owner: text('owner').notNull(),
    /** Where a status request goes; without it the secretary asks the owner another way. */
    ownerEmail: text('owner_email'),
    /** As the plan says it ('2022–2023'); `dueOn` is the day it is followed up against. */
    timeFrame: text('time_frame'),
    dueOn: date('due_on').notNull(),
    status: text('status').$type<ActionStatus>().notNull().default('planned'),
    statusNote: text('status_note'),
    statusRequestedAt: ts('status_requested_at'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: ts('updated_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('governance_actions_due_idx').on(t.regionId, t.status, t.dueOn)],
);

export const assessments = ['met', 'partly_met', 'not_met'] as const;

/** An audit question with the auditors' assessment and the committee's reply. */
export const auditQuestions = pgTable(
  'governance_audit_questions',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    caseId: uuid('case_id').notNull(),
    question: text('question').notNull(),
    assessment: text('assessment').$type<(typeof assessments)[number]>().notNull(),
    reply: text('reply'),
    updatedBy: text('updated_by').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('governance_audit_questions_case_idx').on(t.regionId, t.caseId)],
);
