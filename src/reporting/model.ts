import { sql } from 'drizzle-orm';
import { check, date, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import type { TemplateContent } from './template.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const roundKinds = ['monthly', 'quarterly', 'partial', 'final'] as const;
export type RoundKind = (typeof roundKinds)[number];
export const returnStatuses = ['draft', 'submitted', 'reopened'] as const;
export type ReturnStatus = (typeof returnStatuses)[number];
export const initiativeStatuses = ['planned', 'started', 'ongoing', 'completed'] as const;
export type InitiativeStatus = (typeof initiativeStatuses)[number];
export const initiativeReaches = ['project', 'region_wide'] as const;
export const initiativeMeasures = ['none', 'output', 'effect'] as const;

/*
 * Agreements, templates and rounds are national reference data (like the list of regions): they are the same
 * for every region and hold no region's data, so they have no region_id. What a region answers does.
 */

/** An agreement a follow-up is made under: "Vaccination mot covid-19 2023", "God och nära vård 2021". */
export const reportingAgreements = pgTable('reporting_agreements', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  description: text('description'),
  createdAt: ts('created_at').notNull().defaultNow(),
});

/** A questionnaire; its content lives in versions, and an answer keeps the version it was given on. */
export const reportingTemplates = pgTable('reporting_templates', {
  id: uuid('id').primaryKey().defaultRandom(),
  name: text('name').notNull().unique(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

export const reportingTemplateVersions = pgTable(
  'reporting_template_versions',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    templateId: uuid('template_id').notNull().references(() => reportingTemplates.id),
    version: integer('version').notNull(),
    content: jsonb('content').$type<TemplateContent>().notNull(),
    /** SHA-256 of the content's canonical JSON: what a signed submission names. */
    digest: text('digest').notNull(),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [unique('reporting_template_versions_version_key').on(t.templateId, t.version)],
);

/** One collection under an agreement: who answers which template version, between which days. */
export const reportingRounds = pgTable(
  'reporting_rounds',
  {
    id: uuid('id').primaryKey().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => reportingAgreements.id),
    name: text('name').notNull(),
    kind: text('kind').$type<RoundKind>().notNull(),
    /** The period the answers describe; pre-filled figures are taken over it. */
    periodFrom: date('period_from').notNull(),
    periodTo: date('period_to').notNull(),
    opensOn: date('opens_on').notNull(),
    deadline: date('deadline').notNull(),
    templateVersionId: uuid('template_version_id').notNull().references(() => reportingTemplateVersions.id),
    /** Codes of the organisations that must answer (organisations.ts). */
    organisations: text('organisations').array().notNull(),
    publishedAt: ts('published_at'),
    publishedBy: text('published_by'),
    createdBy: text('created_by').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
  },
  (t) => [
    unique('reporting_rounds_name_key').on(t.agreementId, t.name),
    check('reporting_rounds_period', sql`${t.periodFrom} <= ${t.periodTo}`),
    check('reporting_rounds_deadline', sql`${t.opensOn} <= ${t.deadline}`),
  ],
);

/** One organisation's return in a round: draft until submitted (locked), reopened by the national analyst. */
export const reportingReturns = pgTable(
  'reporting_returns',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => reportingRounds.id),
    organisation: text('organisation').notNull(),
    status: text('status').$type<ReturnStatus>().notNull().default('draft'),
    /** Counts submissions: the signed document of each carries it. */
    submission: integer('submission').notNull().default(0),
    submittedAt: ts('submitted_at'),
    submittedBy: text('submitted_by'),
    reopenedAt: ts('reopened_at'),
    reopenedBy: text('reopened_by'),
    reopenReason: text('reopen_reason'),
    /** The national instance's receipt of the latest submission. */
    receivedAt: ts('received_at'),
    receipt: jsonb('receipt'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('reporting_returns_org_key').on(t.regionId, t.roundId, t.organisation)],
);

/** The current answer to one question; `version` is the optimistic lock two analysts save against. */
export const reportingAnswers = pgTable(
  'reporting_answers',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    returnId: uuid('return_id').notNull(),
    questionId: text('question_id').notNull(),
    value: jsonb('value').notNull(),
    version: integer('version').notNull(),
    /** Where the value came from when not typed: 'previous-round', 'testing.weekly', … */
    prefilledFrom: text('prefilled_from'),
    updatedBy: text('updated_by').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('reporting_answers_question_key').on(t.regionId, t.returnId, t.questionId), check('reporting_answers_version', sql`${t.version} >= 1`)],
);

/** Every saved value of every answer, with who and when: nothing an analyst typed is ever overwritten unseen. */
export const reportingAnswerVersions = pgTable(
  'reporting_answer_versions',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    answerId: uuid('answer_id').notNull(),
    version: integer('version').notNull(),
    value: jsonb('value').notNull(),
    changedBy: text('changed_by').notNull(),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('reporting_answer_versions_key').on(t.regionId, t.answerId, t.version)],
);

/** What happened to a return (submitted, reopened with a reason, received by the nation), for the region to read. */
export const reportingReturnEvents = pgTable(
  'reporting_return_events',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    returnId: uuid('return_id').notNull(),
    kind: text('kind').notNull(),
    note: text('note'),
    missing: jsonb('missing').$type<string[]>(),
    by: text('by').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('reporting_return_events_return_idx').on(t.regionId, t.returnId, t.at)],
);

/** The initiatives register (insatser): carried over from round to round under an agreement, with its status history. */
export const reportingInitiatives = pgTable(
  'reporting_initiatives',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    agreementId: uuid('agreement_id').notNull().references(() => reportingAgreements.id),
    organisation: text('organisation').notNull(),
    title: text('title').notNull(),
    developmentArea: text('development_area').notNull(),
    focusArea: text('focus_area').notNull(),
    targetGroup: text('target_group').notNull(),
    status: text('status').$type<InitiativeStatus>().notNull(),
    reach: text('reach').$type<(typeof initiativeReaches)[number]>().notNull(),
    participants: text('participants').array().notNull(),
    privateProviders: text('private_providers').$type<'yes' | 'no'>().notNull(),
    measured: text('measured').$type<(typeof initiativeMeasures)[number]>().notNull(),
    genderPerspective: text('gender_perspective'),
    version: integer('version').notNull().default(1),
    updatedBy: text('updated_by').notNull(),
    updatedAt: ts('updated_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('reporting_initiatives_agreement_idx').on(t.agreementId, t.regionId)],
);

export const reportingInitiativeStatuses = pgTable(
  'reporting_initiative_statuses',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    initiativeId: uuid('initiative_id').notNull(),
    status: text('status').$type<InitiativeStatus>().notNull(),
    /** The round open when the status was set, if any. */
    roundId: uuid('round_id').references(() => reportingRounds.id),
    changedBy: text('changed_by').notNull(),
    changedAt: ts('changed_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('reporting_initiative_statuses_idx').on(t.regionId, t.initiativeId)],
);

/**
 * This instance's signing key for submissions to the nation (Ed25519). The private key is stored encrypted
 * with a key derived from the audit key, which never lies in the database.
 */
export const reportingSigningKeys = pgTable('reporting_signing_keys', {
  regionId: text('region_id').primaryKey(),
  keyId: text('key_id').notNull(),
  publicKey: text('public_key').notNull(),
  privateKeyEncrypted: text('private_key_encrypted').notNull(),
  createdAt: ts('created_at').notNull().defaultNow(),
});

// --- The national instance ------------------------------------------------------------------------

/** The public keys the nation trusts, one per region, registered by a national analyst. */
export const reportingTrustedKeys = pgTable(
  'reporting_trusted_keys',
  {
    regionId: text('region_id').notNull(),
    keyId: text('key_id').notNull(),
    publicKey: text('public_key').notNull(),
    registeredBy: text('registered_by').notNull(),
    registeredAt: ts('registered_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.keyId] })],
);

/** Submissions the nation verified and stored: aggregates and answers only, never personal data. */
export const reportingReceived = pgTable(
  'reporting_received',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => reportingRounds.id),
    organisation: text('organisation').notNull(),
    submission: integer('submission').notNull(),
    document: jsonb('document').notNull(),
    signature: text('signature').notNull(),
    keyId: text('key_id').notNull(),
    digest: text('digest').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('reporting_received_submission_key').on(t.regionId, t.roundId, t.organisation, t.submission)],
);

/** Submissions the nation refused (bad signature, altered, unknown round): kept so an attack or a fault is seen. */
export const reportingRefused = pgTable(
  'reporting_refused',
  {
    /** The region the document claims to come from, as sent (not trusted); '00' when it names none. */
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    reason: text('reason').notNull(),
    digest: text('digest').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] })],
);

// --- Weekly aggregates from each region to the nation ---------------------------------------------

/** The region's weekly aggregates it has sent (a corrected week is sent again as the next version). */
export const reportingAggregateSends = pgTable(
  'reporting_aggregate_sends',
  {
    regionId: text('region_id').notNull(),
    week: text('week').notNull(),
    version: integer('version').notNull(),
    digest: text('digest').notNull(),
    sentAt: ts('sent_at').notNull(),
    receivedAt: ts('received_at'),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.week, t.version] })],
);

/** The weekly aggregates the nation received and verified: counts only, small groups suppressed by the region. */
export const reportingReceivedAggregates = pgTable(
  'reporting_received_aggregates',
  {
    regionId: text('region_id').notNull(),
    week: text('week').notNull(),
    version: integer('version').notNull(),
    document: jsonb('document').notNull(),
    keyId: text('key_id').notNull(),
    digest: text('digest').notNull(),
    receivedAt: ts('received_at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.week, t.version] })],
);

/** A national instance of its own reopens a received submission here; the region's instance fetches it (reopens.ts). */
export const reportingReopens = pgTable(
  'reporting_reopens',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    roundId: uuid('round_id').notNull().references(() => reportingRounds.id),
    organisation: text('organisation').notNull(),
    submission: integer('submission').notNull(),
    reason: text('reason').notNull(),
    by: text('by').notNull(),
    at: ts('at').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('reporting_reopens_submission_key').on(t.regionId, t.roundId, t.organisation, t.submission)],
);
