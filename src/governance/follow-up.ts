import { and, asc, eq, inArray, lt, ne } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { resolveInRegion } from '../platform/db/resolve.js';
import { invalid } from '../platform/errors.js';
import { sendMessages } from '../platform/jobs/outbox.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import { actions, actionSources, auditQuestions, assessments, cases, delegatedDecisions, type ActionStatus } from './model.js';
import { addEvent, caseView, insertCase } from './register.js';
import { isOverdue } from './rules.js';

/** Delegated decisions, and plans' activities and audits' recommendations followed to the end. */

export interface DelegatedDecisionInput {
  title: string;
  delegate: string;
  delegationPoint: string;
  decidedOn: string;
  summary: string;
}

/**
 * A decision the delegate took is registered as a case of its own; it is reported to the next meeting
 * (anmälningsärenden) without anyone putting it on the agenda.
 */
export async function registerDelegatedDecision(ctx: AppContext, actor: Actor, input: DelegatedDecisionInput) {
  const now = ctx.clock.now();
  if (input.decidedOn > calendarDateInStockholm(now)) throw invalid('decidedOn', 'a decision is registered after it was taken');
  return ctx.database.db.transaction(async (tx) => {
    const caseId = await insertCase(tx, actor, { type: 'delegated_decision', title: input.title, receivedOn: input.decidedOn }, now);
    await tx.insert(delegatedDecisions).values({ regionId: actor.regionId, caseId, delegate: input.delegate, delegationPoint: input.delegationPoint, decidedOn: input.decidedOn, summary: input.summary, registeredBy: actor.name, registeredAt: now.toISOString() });
    await tx.update(cases).set({ status: 'decided' }).where(and(eq(cases.regionId, actor.regionId), eq(cases.id, caseId)));
    await addEvent(tx, actor, caseId, 'delegate', `Beslut på delegation (${input.delegationPoint}) av ${input.delegate}`, input.decidedOn);
    return caseView(tx, actor, caseId);
  });
}

export interface ActionInput {
  source: (typeof actionSources)[number];
  title: string;
  owner: string;
  ownerEmail?: string;
  timeFrame?: string;
  dueOn: string;
}

/** Only a plan has activities and only an audit report has recommendations. */
const sourceCaseType = { plan_activity: 'plan', audit_recommendation: 'audit_report' } as const;

export async function addAction(ctx: AppContext, actor: Actor, caseId: string, input: ActionInput) {
  return ctx.database.db.transaction(async (tx) => {
    const c = await resolveInRegion(tx, cases, actor.regionId, caseId, { field: 'id', what: 'case' });
    if (c.type !== sourceCaseType[input.source]) throw invalid('source', `a ${input.source.replace('_', ' ')} belongs to a case of type ${sourceCaseType[input.source]}, this case is a ${c.type}`);
    const [a] = await tx.insert(actions).values({ regionId: actor.regionId, caseId, ...input, ownerEmail: input.ownerEmail ?? null, timeFrame: input.timeFrame ?? null, updatedBy: actor.name }).returning();
    return actionView(a!, calendarDateInStockholm(ctx.clock.now()));
  });
}

export async function updateAction(ctx: AppContext, actor: Actor, actionId: string, input: { status: ActionStatus; statusNote?: string; owner?: string; ownerEmail?: string; dueOn?: string }) {
  return ctx.database.db.transaction(async (tx) => {
    await resolveInRegion(tx, actions, actor.regionId, actionId, { field: 'id', what: 'action', forUpdate: true });
    const [a] = await tx
      .update(actions)
      .set({ ...input, updatedBy: actor.name, updatedAt: ctx.clock.now().toISOString() })
      .where(and(eq(actions.regionId, actor.regionId), eq(actions.id, actionId)))
      .returning();
    return actionView(a!, calendarDateInStockholm(ctx.clock.now()));
  });
}

const actionView = (a: typeof actions.$inferSelect, today: string) => ({
  id: a.id,
  caseId: a.caseId,
  source: a.source,
  title: a.title,
  owner: a.owner,
  ownerEmail: a.ownerEmail,
  timeFrame: a.timeFrame,
  dueOn: a.dueOn,
  status: a.status,
  statusNote: a.statusNote,
  statusRequestedAt: a.statusRequestedAt,
  overdue: isOverdue(a, today),
});

/**
 * A follow-up round: every open action (of one case, or overdue ones in the region) whose owner has an e-mail
 * address is asked for its status through the outbox; once a day at most per action (the idempotency key).
 */
export async function requestStatus(ctx: AppContext, actor: Actor, q: { caseId?: string }) {
  const now = ctx.clock.now();
  const today = calendarDateInStockholm(now);
  return ctx.database.db.transaction(async (tx) => {
    if (q.caseId) await resolveInRegion(tx, cases, actor.regionId, q.caseId, { field: 'caseId', what: 'case' });
    const open = await tx
      .select({ action: actions, caseNumber: cases.caseNumber })
      .from(actions)
      .innerJoin(cases, and(eq(cases.regionId, actions.regionId), eq(cases.id, actions.caseId)))
      .where(and(eq(actions.regionId, actor.regionId), ne(actions.status, 'done'), q.caseId ? eq(actions.caseId, q.caseId) : lt(actions.dueOn, today)))
      .orderBy(asc(actions.dueOn));
    const asked = open.filter((r) => r.action.ownerEmail);
    await sendMessages(
      tx,
      asked.map(({ action: a, caseNumber }) => ({
        regionId: actor.regionId,
        channel: 'email' as const,
        to: a.ownerEmail!,
        subject: `Begäran om lägesrapport: ${caseNumber}`,
        body: [`Till: ${a.owner}`, `Nämnden följer upp åtgärden i ärende ${caseNumber}:`, a.title, `Klart senast: ${a.dueOn}. Senast kända status: ${a.status}.`, 'Svara nämndsekreteraren med status och en kort kommentar.'].join('\n'),
        idempotencyKey: `governance-status-request:${a.id}:${today}`,
      })),
    );
    if (asked.length) await tx.update(actions).set({ statusRequestedAt: now.toISOString() }).where(and(eq(actions.regionId, actor.regionId), inArray(actions.id, asked.map((r) => r.action.id))));
    return { asked: asked.length, withoutEmail: open.length - asked.length };
  });
}

/** Actions of one case, or (without a case) every overdue one in the region: what the committee follows. */
export async function listActions(ctx: AppContext, actor: Actor, q: { caseId?: string; overdue?: boolean }) {
  const db = ctx.database.db;
  const today = calendarDateInStockholm(ctx.clock.now());
  if (q.caseId) await resolveInRegion(db, cases, actor.regionId, q.caseId, { field: 'caseId', what: 'case' });
  const rows = await db
    .select({ action: actions, caseNumber: cases.caseNumber, caseTitle: cases.title })
    .from(actions)
    .innerJoin(cases, and(eq(cases.regionId, actions.regionId), eq(cases.id, actions.caseId)))
    .where(and(eq(actions.regionId, actor.regionId), q.caseId ? eq(actions.caseId, q.caseId) : undefined, q.overdue ? and(ne(actions.status, 'done'), lt(actions.dueOn, today)) : undefined))
    .orderBy(asc(actions.dueOn), asc(actions.title))
    .limit(1000);
  return { today, actions: rows.map((r) => ({ ...actionView(r.action, today), caseNumber: r.caseNumber, caseTitle: r.caseTitle })) };
}

export async function addAuditQuestion(ctx: AppContext, actor: Actor, caseId: string, input: { question: string; assessment: (typeof assessments)[number]; reply?: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const c = await resolveInRegion(tx, cases, actor.regionId, caseId, { field: 'id', what: 'case' });
    if (c.type !== 'audit_report') throw invalid('id', 'audit questions belong to an audit report');
    const [q] = await tx.insert(auditQuestions).values({ regionId: actor.regionId, caseId, question: input.question, assessment: input.assessment, reply: input.reply ?? null, updatedBy: actor.name }).returning();
    return { id: q!.id, question: q!.question, assessment: q!.assessment, reply: q!.reply };
  });
}

export async function listAuditQuestions(ctx: AppContext, actor: Actor, caseId: string) {
  await resolveInRegion(ctx.database.db, cases, actor.regionId, caseId, { field: 'id', what: 'case' });
  const rows = await ctx.database.db
    .select({ id: auditQuestions.id, question: auditQuestions.question, assessment: auditQuestions.assessment, reply: auditQuestions.reply })
    .from(auditQuestions)
    .where(and(eq(auditQuestions.regionId, actor.regionId), eq(auditQuestions.caseId, caseId)));
  return { questions: rows };
}

export async function listDelegatedDecisions(ctx: AppContext, actor: Actor) {
  const rows = await ctx.database.db
    .select({ id: delegatedDecisions.id, caseId: delegatedDecisions.caseId, caseNumber: cases.caseNumber, title: cases.title, delegate: delegatedDecisions.delegate, delegationPoint: delegatedDecisions.delegationPoint, decidedOn: delegatedDecisions.decidedOn, summary: delegatedDecisions.summary })
    .from(delegatedDecisions)
    .innerJoin(cases, and(eq(cases.regionId, delegatedDecisions.regionId), eq(cases.id, delegatedDecisions.caseId)))
    .where(eq(delegatedDecisions.regionId, actor.regionId))
    .orderBy(asc(delegatedDecisions.decidedOn))
    .limit(500);
  return { decisions: rows };
}
