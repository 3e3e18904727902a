import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { AppError, conflict, invalid, type FieldError } from '../platform/errors.js';
import { addToOutbox } from '../platform/jobs/outbox.js';
import { reportingAnswers, reportingAnswerVersions, reportingInitiatives, reportingReceived, reportingReopens, reportingReturnEvents, reportingReturns } from './model.js';
import { organisationOf, type Organisation } from './organisations.js';
import { getRound, organisationsFor, todayOf, type Round } from './rounds.js';
import { answerProblem, missingQuestions, roundPhase } from './rules.js';
import { reopenReceived } from './reopens.js';
import { signDocument } from './signing.js';
import { getTemplateVersion } from './templates.js';
import { questionsOf, type Question } from './template.js';

/** The outbox topic a signed submission travels on to the national instance. */
export const REPORTING_SUBMISSION = 'reporting.submission';

export type ReturnRow = typeof reportingReturns.$inferSelect;

const national = (actor: Actor) => actor.role === 'national_analyst' || actor.kind === 'system';

/**
 * Who may see an organisation's return: its own region's analysts and the national analyst always; the other
 * regions' analysts and the committee secretary once the round's report is published. Others get not-found.
 */
function assertVisible(actor: Actor, round: Round, organisation: string) {
  const org = organisationOf(organisation);
  const own = org?.regionId === actor.regionId && organisationsFor(actor, round).includes(organisation);
  if (!org || !round.organisations.includes(organisation) || !(national(actor) || own || round.publishedAt)) {
    throw new AppError('not-found', 'organisation: no return of this organisation in the round that you may see', 'organisation');
  }
  return org;
}

/** A region's analyst answers for the organisations of their own county only. */
function assertAnswering(actor: Actor, round: Round, organisation: string) {
  const org = organisationOf(organisation);
  if (!org || !round.organisations.includes(organisation) || org.regionId !== actor.regionId) {
    throw new AppError('not-found', 'organisation: no return of this organisation in the round that you answer for', 'organisation');
  }
  return org;
}

export async function findReturn(tx: Db, regionId: string, roundId: string, organisation: string, forUpdate = false): Promise<ReturnRow | undefined> {
  const q = tx.select().from(reportingReturns).where(and(eq(reportingReturns.regionId, regionId), eq(reportingReturns.roundId, roundId), eq(reportingReturns.organisation, organisation)));
  const [row] = await (forUpdate ? q.for('update') : q);
  return row;
}

/** The organisation's return in the round, made on its first answer, locked for the rest of the transaction. */
export async function lockReturn(tx: Db, regionId: string, roundId: string, organisation: string): Promise<ReturnRow> {
  await tx.insert(reportingReturns).values({ regionId, roundId, organisation }).onConflictDoNothing();
  return (await findReturn(tx, regionId, roundId, organisation, true))!;
}

async function answersOf(tx: Db, regionId: string, returnId: string | undefined) {
  if (!returnId) return [];
  return tx.select().from(reportingAnswers).where(and(eq(reportingAnswers.regionId, regionId), eq(reportingAnswers.returnId, returnId))).orderBy(asc(reportingAnswers.questionId));
}

/** How many initiatives the organisation has in each development area under the round's agreement. */
async function initiativesByArea(tx: Db, regionId: string, agreementId: string, organisation: string): Promise<Map<string, number>> {
  const rows = await queryRows<{ area: string; n: number }>(
    tx,
    sql`SELECT development_area AS area, count(*)::int AS n FROM reporting_initiatives WHERE region_id = ${regionId} AND agreement_id = ${agreementId} AND organisation = ${organisation} GROUP BY 1`,
  );
  return new Map(rows.map((r) => [r.area, r.n]));
}

export async function missingOf(tx: Db, round: Round, regionId: string, organisation: string, returnId: string | undefined) {
  const template = await getTemplateVersion(tx, round.templateVersionId);
  const answers = await answersOf(tx, regionId, returnId);
  const missing = missingQuestions(template.content, new Map(answers.map((a) => [a.questionId, a.value])), await initiativesByArea(tx, regionId, round.agreementId, organisation));
  return { template, answers, missing };
}

/** The return as the answering form shows it: template, answers with their versions, what is missing, what happened. */
export async function returnView(ctx: AppContext, actor: Actor, roundId: string, organisation: string) {
  const tx = ctx.database.db;
  const round = await getRound(tx, roundId, 'roundId');
  const org = assertVisible(actor, round, organisation);
  const ret = await findReturn(tx, org.regionId, roundId, organisation);
  if (!ret && ctx.config.nationalInstance) return receivedView(ctx, round, org);
  const { template, answers, missing } = await missingOf(tx, round, org.regionId, organisation, ret?.id);
  const events = ret
    ? await tx.select().from(reportingReturnEvents).where(and(eq(reportingReturnEvents.regionId, org.regionId), eq(reportingReturnEvents.returnId, ret.id))).orderBy(asc(reportingReturnEvents.at))
    : [];
  return {
    roundId,
    roundName: round.name,
    deadline: round.deadline,
    phase: roundPhase(round, todayOf(ctx)),
    organisation: { code: org.code, name: org.name, kind: org.kind },
    template,
    status: ret?.status ?? ('not_started' as const),
    locked: ret?.status === 'submitted',
    submission: ret?.submission ?? 0,
    submittedAt: ret?.submittedAt ? toIso(ret.submittedAt) : null,
    reopenReason: ret?.status === 'reopened' ? ret.reopenReason : null,
    receivedAt: ret?.receivedAt ? toIso(ret.receivedAt) : null,
    answers: answers.map((a) => ({ questionId: a.questionId, value: a.value, version: a.version, prefilledFrom: a.prefilledFrom, updatedBy: a.updatedBy, updatedAt: toIso(a.updatedAt) })),
    missing: missing.map((q) => ({ questionId: q.id, label: q.label })),
    events: events.map((e) => ({ kind: e.kind, note: e.note, missing: e.missing, by: e.by, at: toIso(e.at) })),
  };
}

/**
 * On a national instance of its own the region's return is not in this database: the latest submission the
 * nation received stands for it, read-only (reopened when the nation has reopened it).
 */
async function receivedView(ctx: AppContext, round: Round, org: Organisation) {
  const tx = ctx.database.db;
  const template = await getTemplateVersion(tx, round.templateVersionId);
  const [latest] = await tx
    .select()
    .from(reportingReceived)
    .where(and(eq(reportingReceived.regionId, org.regionId), eq(reportingReceived.roundId, round.id), eq(reportingReceived.organisation, org.code)))
    .orderBy(desc(reportingReceived.submission))
    .limit(1);
  const doc = latest?.document as { submittedAt: string; answers: { questionId: string; version: number; value: unknown }[] } | undefined;
  const [reopen] = latest
    ? await tx.select().from(reportingReopens).where(and(eq(reportingReopens.regionId, org.regionId), eq(reportingReopens.roundId, round.id), eq(reportingReopens.organisation, org.code), eq(reportingReopens.submission, latest.submission)))
    : [];
  return {
    roundId: round.id,
    roundName: round.name,
    deadline: round.deadline,
    phase: roundPhase(round, todayOf(ctx)),
    organisation: { code: org.code, name: org.name, kind: org.kind },
    template,
    status: reopen ? ('reopened' as const) : latest ? ('submitted' as const) : ('not_started' as const),
    locked: !!latest && !reopen,
    submission: latest?.submission ?? 0,
    submittedAt: doc?.submittedAt ?? null,
    reopenReason: reopen?.reason ?? null,
    receivedAt: latest ? toIso(latest.receivedAt) : null,
    answers: (doc?.answers ?? []).map((a) => ({ questionId: a.questionId, value: a.value, version: a.version, prefilledFrom: null, updatedBy: org.name, updatedAt: toIso(latest!.receivedAt) })),
    missing: [],
    events: reopen ? [{ kind: 'reopened', note: reopen.reason, missing: null, by: reopen.by, at: toIso(reopen.at) }] : [],
  };
}

export interface AnswerInput {
  questionId: string;
  /** The version the analyst's form was loaded with; 0 for a question not yet answered. */
  version: number;
  value: unknown;
}

/** Checks each answer against its question; every problem named by its field. */
export function answerProblems(questions: Map<string, Question>, answers: AnswerInput[]): FieldError[] {
  const problems: FieldError[] = [];
  answers.forEach((a, i) => {
    const q = questions.get(a.questionId);
    if (!q) problems.push({ field: `answers.${i}.questionId`, message: 'not a question of the round’s template' });
    else {
      const p = answerProblem(q, a.value, `answers.${i}.value`);
      if (p) problems.push(p);
    }
    if (answers.findIndex((b) => b.questionId === a.questionId) !== i) problems.push({ field: `answers.${i}.questionId`, message: 'answered twice in one save' });
  });
  return problems;
}

/**
 * Writes answers to a round (a draft until submitted). Each answer carries the version the form was loaded
 * with: if someone else saved that question since, the save is refused with 409 naming the question, and
 * nothing of it is written, so neither analyst loses what they typed. Every saved value is kept as a version.
 */
export async function saveAnswers(ctx: AppContext, actor: Actor, roundId: string, organisation: string, answers: AnswerInput[], prefilledFrom: string | null = null) {
  const at = ctx.clock.now().toISOString();
  const refusal = await ctx.database.db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, 'roundId');
    const org = assertAnswering(actor, round, organisation);
    if (roundPhase(round, todayOf(ctx)) === 'upcoming') throw invalid('roundId', `the round opens on ${round.opensOn}`);
    const template = await getTemplateVersion(tx, round.templateVersionId);
    const problems = answerProblems(new Map(questionsOf(template.content).map((q) => [q.id, q])), answers);
    if (problems.length) throw new AppError('invalid', `${problems[0]!.field}: ${problems[0]!.message}`, problems);
    const ret = await lockReturn(tx, org.regionId, roundId, organisation);
    if (ret.status === 'submitted') return ret;
    for (const [i, a] of answers.entries()) {
      const value = JSON.stringify(a.value);
      const written =
        a.version === 0
          ? await tx.insert(reportingAnswers).values({ regionId: org.regionId, returnId: ret.id, questionId: a.questionId, value: sql`${value}::jsonb`, version: 1, prefilledFrom, updatedBy: actor.name, updatedAt: at }).onConflictDoNothing().returning()
          : await tx
              .update(reportingAnswers)
              .set({ value: sql`${value}::jsonb`, version: a.version + 1, prefilledFrom, updatedBy: actor.name, updatedAt: at })
              .where(and(eq(reportingAnswers.regionId, org.regionId), eq(reportingAnswers.returnId, ret.id), eq(reportingAnswers.questionId, a.questionId), eq(reportingAnswers.version, a.version)))
              .returning();
      const row = written[0];
      if (!row) {
        const [current] = await tx.select().from(reportingAnswers).where(and(eq(reportingAnswers.regionId, org.regionId), eq(reportingAnswers.returnId, ret.id), eq(reportingAnswers.questionId, a.questionId)));
        const who = current ? `${current.updatedBy} saved version ${current.version} at ${toIso(current.updatedAt)}` : 'the answer was removed';
        throw conflict(`answers.${i}.version: question ${a.questionId} was changed by someone else (${who}); reload it and try again`, `answers.${i}.version`);
      }
      await tx.insert(reportingAnswerVersions).values({ regionId: org.regionId, answerId: row.id, version: row.version, value: sql`${value}::jsonb`, changedBy: actor.name, changedAt: at });
    }
    return null;
  });
  if (refusal) {
    // The refused edit is recorded in a transaction of its own: the one that tried it wrote nothing.
    await ctx.database.db.transaction((tx) => tx.insert(reportingReturnEvents).values({ regionId: refusal.regionId, returnId: refusal.id, kind: 'edit_refused', note: `${answers.length} answer(s) after submission`, by: actor.name, at }));
    throw conflict('organisation: the return is submitted and locked; the national analyst can reopen it', 'organisation');
  }
  return returnView(ctx, actor, roundId, organisation);
}

/** Every version of every answer of the return, newest first: who changed what, when. */
export async function answerHistory(ctx: AppContext, actor: Actor, roundId: string, organisation: string) {
  const tx = ctx.database.db;
  const round = await getRound(tx, roundId, 'roundId');
  const org = assertVisible(actor, round, organisation);
  const rows = await queryRows<{ question_id: string; version: number; value: unknown; changed_by: string; changed_at: string }>(
    tx,
    sql`SELECT a.question_id, v.version, v.value, v.changed_by, v.changed_at::text FROM reporting_answer_versions v
        JOIN reporting_answers a ON a.region_id = v.region_id AND a.id = v.answer_id
        JOIN reporting_returns r ON r.region_id = a.region_id AND r.id = a.return_id
        WHERE r.region_id = ${org.regionId} AND r.round_id = ${roundId} AND r.organisation = ${organisation}
        ORDER BY v.changed_at DESC, a.question_id, v.version DESC LIMIT 2000`,
  );
  return { versions: rows.map((r) => ({ questionId: r.question_id, version: r.version, value: r.value, changedBy: r.changed_by, changedAt: toIso(r.changed_at) })) };
}

/**
 * Submits the return: refused while mandatory answers are missing; then locked, signed with the region's key
 * (over the template version and every answer) and put in the outbox for the national instance.
 */
export async function submitReturn(ctx: AppContext, actor: Actor, roundId: string, organisation: string) {
  const at = ctx.clock.now().toISOString();
  await ctx.database.db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, 'roundId');
    const org = assertAnswering(actor, round, organisation);
    if (roundPhase(round, todayOf(ctx)) === 'upcoming') throw invalid('roundId', `the round opens on ${round.opensOn}`);
    const ret = await lockReturn(tx, org.regionId, roundId, organisation);
    if (ret.status === 'submitted') throw conflict('organisation: the return is already submitted', 'organisation');
    const { template, answers, missing } = await missingOf(tx, round, org.regionId, organisation, ret.id);
    if (missing.length) throw new AppError('invalid', `answers.${missing[0]!.id}: mandatory (${missing.length} missing)`, missing.map((q) => ({ field: `answers.${q.id}`, message: `mandatory: ${q.label}` })));
    const submission = ret.submission + 1;
    await tx.update(reportingReturns).set({ status: 'submitted', submission, submittedAt: at, submittedBy: actor.name }).where(and(eq(reportingReturns.regionId, ret.regionId), eq(reportingReturns.id, ret.id)));
    await tx.insert(reportingReturnEvents).values({ regionId: ret.regionId, returnId: ret.id, kind: 'submitted', note: `submission ${submission}`, by: actor.name, at });
    const initiatives = await tx.select().from(reportingInitiatives).where(and(eq(reportingInitiatives.regionId, org.regionId), eq(reportingInitiatives.agreementId, round.agreementId), eq(reportingInitiatives.organisation, organisation))).orderBy(asc(reportingInitiatives.id));
    // The document names no person: the nation receives the organisation's answers, never who typed them.
    const document = {
      kind: 'lagesbild.reporting.submission',
      format: 1,
      regionId: org.regionId,
      roundId,
      organisation,
      submission,
      submittedAt: at,
      templateVersionId: template.id,
      templateDigest: template.digest,
      answers: answers.map((a) => ({ questionId: a.questionId, version: a.version, value: a.value })),
      initiatives: initiatives.map((i) => ({ id: i.id, title: i.title, developmentArea: i.developmentArea, focusArea: i.focusArea, targetGroup: i.targetGroup, status: i.status, reach: i.reach, participants: i.participants, privateProviders: i.privateProviders, measured: i.measured, genderPerspective: i.genderPerspective })),
    };
    const { signature, keyId } = await signDocument(tx, ctx.config, org.regionId, document);
    await addToOutbox(tx, { regionId: org.regionId, topic: REPORTING_SUBMISSION, payload: { document, signature, keyId }, idempotencyKey: `${REPORTING_SUBMISSION}:${ret.id}:${submission}` });
  });
  return returnView(ctx, actor, roundId, organisation);
}

/** The national analyst reopens a submitted return with a reason the region sees; the region corrects and submits again. */
export async function reopenReturn(ctx: AppContext, actor: Actor, roundId: string, organisation: string, reason: string) {
  const at = ctx.clock.now().toISOString();
  if (ctx.config.nationalInstance) {
    // The regions' returns are in their own instances: the reopening waits here until the region fetches it.
    assertVisible(actor, await getRound(ctx.database.db, roundId, 'roundId'), organisation);
    await reopenReceived(ctx, actor, roundId, organisation, reason);
    return returnView(ctx, actor, roundId, organisation);
  }
  await ctx.database.db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, 'roundId');
    const org = assertVisible(actor, round, organisation);
    const ret = await findReturn(tx, org.regionId, roundId, organisation, true);
    if (ret?.status !== 'submitted') throw conflict('organisation: only a submitted return can be reopened', 'organisation');
    await tx.update(reportingReturns).set({ status: 'reopened', reopenedAt: at, reopenedBy: actor.name, reopenReason: reason }).where(and(eq(reportingReturns.regionId, ret.regionId), eq(reportingReturns.id, ret.id)));
    await tx.insert(reportingReturnEvents).values({ regionId: ret.regionId, returnId: ret.id, kind: 'reopened', note: reason, by: actor.name, at });
  });
  return returnView(ctx, actor, roundId, organisation);
}

/** Marks a return's latest submission as received by the nation, with the receipt (called by the transport, in the worker's transaction). */
export async function recordReceipt(tx: Db, regionId: string, roundId: string, organisation: string, submission: number, receipt: { receiptId: string; receivedAt: string }) {
  const [ret] = await tx
    .update(reportingReturns)
    .set({ receivedAt: receipt.receivedAt, receipt })
    .where(and(eq(reportingReturns.regionId, regionId), eq(reportingReturns.roundId, roundId), eq(reportingReturns.organisation, organisation), eq(reportingReturns.submission, submission)))
    .returning();
  if (ret) await tx.insert(reportingReturnEvents).values({ regionId, returnId: ret.id, kind: 'received', note: `receipt ${receipt.receiptId}`, by: 'Nationell instans', at: receipt.receivedAt });
}
