import { and, asc, eq, isNull, or, sql, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../platform/auth/actor.js';
import { personalDataScope } from '../platform/auth/permissions.js';
import { record, recordMany } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { cursorCodec, instant } from '../platform/input/index.js';
import { AppError, conflict, invalid, notFound } from '../platform/errors.js';
import { contactsOf } from '../identity/contacts.js';
import { activeStaffWithRole } from '../identity/store.js';
import { balance } from './assignment.js';
import { afterCall, caseStage, checkCall, type CallOutcome, type CallState } from './calls.js';
import { handledByFilter, unitNamesOf } from './handover.js';
import { tracingCalls, tracingCases } from './model.js';

const queueCursor = cursorCodec(z.tuple([z.number().int().min(0).max(9), instant, z.guid()]));
/** The cursor of the queue page that ends with this case. */
export const queueCursorAfter = (c: { priority: number; firstCallDueAt: string; id: string }) => queueCursor.encode([c.priority, toIso(c.firstCallDueAt), c.id]);
const decodeCursor = (cursor: string): SQL => {
  const [priority, due, id] = queueCursor.decode(cursor);
  return sql`(${tracingCases.priority}, ${tracingCases.firstCallDueAt}, ${tracingCases.id}) > (${priority}, ${due}::timestamptz, ${id}::uuid)`;
};

/**
 * The tracers' work queue: open cases by priority, then by the first-call deadline; keyset pages, so a
 * queue of thousands loads as fast as one of ten (index tracing_cases_queue_idx). Every listed case is a read.
 */
export async function queue(ctx: AppContext, actor: Actor, q: { mine: boolean; limit: number; cursor?: string; handledBy?: 'central' | 'unit' | undefined }) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(tracingCases)
      .where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.status, 'open'), q.mine ? eq(tracingCases.assignedTo, actor.id) : undefined, handledByFilter(q.handledBy), q.cursor ? decodeCursor(q.cursor) : undefined))
      .orderBy(asc(tracingCases.priority), asc(tracingCases.firstCallDueAt), asc(tracingCases.id))
      .limit(q.limit + 1);
    const page = rows.slice(0, q.limit);
    const contacts = await contactsOf(tx, regionId, page.map((c) => c.personId));
    const staffNames = new Map((await activeStaffWithRole(tx, regionId, ['tracer', 'tracing_coordinator'])).map((s) => [s.id, s.name]));
    const unitNames = await unitNamesOf(tx, regionId, page.flatMap((c) => [c.referringUnitId, c.handlingUnitId]));
    await recordMany(tx, actor, page.map((c) => ({ action: 'tracing.case.listed', personId: c.personId, purpose: 'smittspårning' })));
    const last = page.at(-1);
    return {
      cases: page.map((c) => ({
        id: c.id,
        personId: c.personId,
        name: contacts.get(c.personId)?.name ?? '',
        phone: contacts.get(c.personId)?.phone ?? null,
        priority: c.priority,
        priorityReason: c.priorityReason,
        openedAt: toIso(c.openedAt),
        questionnaireDueAt: toIso(c.questionnaireDueAt),
        firstCallDueAt: toIso(c.firstCallDueAt),
        overdue: !c.firstCallAt && new Date(toIso(c.firstCallDueAt)) < now,
        possibleReinfection: c.possibleReinfection,
        stage: caseStage(callState(c)),
        unreachedCalls: c.unreachedCalls,
        lastCallAt: c.lastCallAt ? toIso(c.lastCallAt) : null,
        callBackAt: c.callBackAt ? toIso(c.callBackAt) : null,
        assignedTo: c.assignedTo,
        assignedToName: c.assignedTo ? (staffNames.get(c.assignedTo) ?? null) : null,
        referringUnitName: c.referringUnitId ? (unitNames.get(c.referringUnitId) ?? null) : null,
        handlingUnitId: c.handlingUnitId,
        handlingUnitName: c.handlingUnitId ? (unitNames.get(c.handlingUnitId) ?? null) : null,
      })),
      nextCursor: rows.length > q.limit && last ? queueCursorAfter(last) : null,
    };
  });
}

/** The region's tracers with their open cases, for the coordinator. */
export async function tracers(ctx: AppContext, actor: Actor) {
  const db = ctx.database.db;
  const [people, loads] = await Promise.all([
    activeStaffWithRole(db, actor.regionId, ['tracer']),
    db
      .select({ staffId: tracingCases.assignedTo, n: sql<number>`count(*)::int` })
      .from(tracingCases)
      .where(and(eq(tracingCases.regionId, actor.regionId), eq(tracingCases.status, 'open')))
      .groupBy(tracingCases.assignedTo),
  ]);
  const load = new Map(loads.map((l) => [l.staffId, l.n]));
  return people.map((p) => ({ id: p.id, name: p.name, openCases: load.get(p.id) ?? 0 }));
}

export async function assignCase(ctx: AppContext, actor: Actor, caseId: string, staffId: string) {
  const regionId = personalDataScope(actor);
  if (!(await tracers(ctx, actor)).some((t) => t.id === staffId)) throw invalid('staffId', 'not an active tracer in your region');
  return ctx.database.db.transaction(async (tx) => {
    const [c] = await tx.update(tracingCases).set({ assignedTo: staffId }).where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.id, caseId), eq(tracingCases.status, 'open'))).returning();
    if (!c) throw notFound('An open case');
    await record(tx, actor, { action: 'tracing.case.assigned', personId: c.personId, purpose: 'fördelning av smittspårning', details: { staffId } });
    return { id: c.id, assignedTo: staffId };
  });
}

/** Assigns every unassigned open case, most urgent first, to the tracer with the least load. */
export async function assignBalanced(ctx: AppContext, actor: Actor) {
  const regionId = personalDataScope(actor);
  const team = await tracers(ctx, actor);
  return ctx.database.db.transaction(async (tx) => {
    const open = await tx
      .select({ id: tracingCases.id, personId: tracingCases.personId })
      .from(tracingCases)
      .where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.status, 'open'), isNull(tracingCases.assignedTo)))
      .orderBy(asc(tracingCases.priority), asc(tracingCases.firstCallDueAt), asc(tracingCases.id))
      .for('update', { skipLocked: true });
    const plan = balance(open, team);
    if (plan.size > 0) {
      await tx.execute(sql`UPDATE tracing_cases c SET assigned_to = p.staff_id FROM unnest(${sql.param([...plan.keys()])}::uuid[], ${sql.param([...plan.values()])}::uuid[]) AS p(id, staff_id)
        WHERE c.region_id = ${regionId} AND c.id = p.id AND c.assigned_to IS NULL`);
      await recordMany(tx, actor, open.filter((c) => plan.has(c.id)).map((c) => ({ action: 'tracing.case.assigned', personId: c.personId, purpose: 'fördelning av smittspårning', details: { staffId: plan.get(c.id), rule: 'balanced' } })));
    }
    return {
      assigned: plan.size,
      perTracer: team.map((t) => ({ staffId: t.id, name: t.name, count: [...plan.values()].filter((s) => s === t.id).length })),
    };
  });
}

/**
 * A tracer takes a case from the queue: it becomes theirs at once. One conditional UPDATE decides, so of two
 * tracers taking the same case one gets it and the other a conflict naming who has it (on PostgreSQL the second
 * UPDATE waits for the first and then finds the case taken). A case the coordinator gave them is taken again freely.
 */
export async function takeCase(ctx: AppContext, actor: Actor, caseId: string) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const [c] = await tx
      .update(tracingCases)
      .set({ assignedTo: actor.id, takenAt: now })
      .where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.id, caseId), eq(tracingCases.status, 'open'), or(isNull(tracingCases.assignedTo), eq(tracingCases.assignedTo, actor.id))))
      .returning();
    if (!c) throw await takenElsewhere(tx, regionId, caseId);
    await record(tx, actor, { action: 'tracing.case.taken', personId: c.personId, purpose: 'smittspårning', details: { caseId } });
    return { id: c.id, assignedTo: actor.id, takenAt: toIso(c.takenAt!) };
  });
}

/** Why a case could not be taken or called: it is not open in the region (404), or another tracer has it (409). */
async function takenElsewhere(tx: Db, regionId: string, caseId: string): Promise<AppError> {
  const [held] = await queryRows<{ name: string | null }>(
    tx,
    sql`SELECT s.name FROM tracing_cases c LEFT JOIN staff s ON s.region_id = c.region_id AND s.id = c.assigned_to
      WHERE c.region_id = ${regionId} AND c.id = ${caseId} AND c.status = 'open'`,
  );
  if (!held) return notFound('An open case');
  return conflict(`Ärendet har redan tagits av ${held.name ?? 'en annan smittspårare'} (The case is already taken by ${held.name ?? 'another tracer'})`);
}

export interface CallInput {
  outcome: CallOutcome;
  durationMinutes: number;
  note?: string | undefined;
  callBackAt?: string | undefined;
}

/**
 * Records a call to the index with its outcome, note and duration. The caller must have the case or take it with
 * this call (an unassigned case becomes theirs). Only a call that reached the index is the first contact; the third
 * unreached call (or a refusal) raises the case to the coordinator (calls.ts).
 */
export async function recordCall(ctx: AppContext, actor: Actor, caseId: string, input: CallInput) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  checkCall(input, now);
  const at = now.toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const [c] = await tx
      .select()
      .from(tracingCases)
      .where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.id, caseId), eq(tracingCases.status, 'open'), or(isNull(tracingCases.assignedTo), eq(tracingCases.assignedTo, actor.id))))
      .for('update');
    if (!c) throw await takenElsewhere(tx, regionId, caseId);
    const next = afterCall(callState(c), input, at);
    const callBackAt = input.outcome === 'call_back' ? input.callBackAt! : null;
    const [updated] = await tx
      .update(tracingCases)
      .set({ assignedTo: actor.id, takenAt: c.takenAt ?? at, firstCallAt: next.firstCallAt, unreachedCalls: next.unreachedCalls, lastCallAt: at, lastCallOutcome: input.outcome, callBackAt, escalatedAt: next.escalatedAt })
      .where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.id, caseId)))
      .returning();
    const [call] = await tx
      .insert(tracingCalls)
      .values({ regionId, caseId, outcome: input.outcome, note: input.note ?? null, durationMinutes: input.durationMinutes, callBackAt, calledAt: at, staffId: actor.id, staffName: actor.name })
      .returning();
    await record(tx, actor, { action: 'tracing.case.called', personId: c.personId, purpose: 'smittspårning', details: { caseId, outcome: input.outcome, escalated: next.escalatedNow } });
    const u = updated!;
    return {
      call: callView(call!),
      case: {
        id: u.id,
        stage: caseStage(callState(u)),
        firstCallAt: u.firstCallAt && toIso(u.firstCallAt),
        unreachedCalls: u.unreachedCalls,
        escalatedAt: u.escalatedAt && toIso(u.escalatedAt),
        callBackAt: u.callBackAt && toIso(u.callBackAt),
      },
    };
  });
}

type CaseRow = typeof tracingCases.$inferSelect;
type CallRow = typeof tracingCalls.$inferSelect;

/** The part of a case the call rules read. */
export const callState = (c: CaseRow): CallState => ({ assignedTo: c.assignedTo, firstCallAt: c.firstCallAt, unreachedCalls: c.unreachedCalls, lastCallOutcome: c.lastCallOutcome, escalatedAt: c.escalatedAt });

export const callView = (c: CallRow) => ({
  id: c.id,
  outcome: c.outcome,
  note: c.note,
  durationMinutes: c.durationMinutes,
  callBackAt: c.callBackAt ? toIso(c.callBackAt) : null,
  calledAt: toIso(c.calledAt),
  staffName: c.staffName,
});
