import { and, asc, desc, eq, isNotNull, sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.js';
import { resolveInRegion } from '../platform/db/resolve.js';
import { agendaItems, caseEvents, cases, documents, meetings, memos, minutes, type CaseStatus, type CaseType } from './model.js';
import { memoView, oslGround } from './register.js';
import { searchRegister } from './search.js';

/**
 * The public register (no login): cases and public records of this instance's region. Secret documents are
 * listed without title or text, with their ground in OSL; a proposer's name only with their consent;
 * decisions only from checked minutes.
 */
export async function publicCases(ctx: AppContext, q: { q?: string; type?: CaseType; year?: number; status?: CaseStatus }) {
  const regionId = ctx.config.regionId;
  const db = ctx.database.db;
  if (q.q) return { hits: (await searchRegister(db, regionId, 'public', { ...q, q: q.q })).hits, cases: [] };
  const rows = await db
    .select({ id: cases.id, caseNumber: cases.caseNumber, type: cases.type, title: cases.title, status: cases.status, outcome: cases.outcome, receivedOn: cases.receivedOn })
    .from(cases)
    .where(and(eq(cases.regionId, regionId), q.type ? eq(cases.type, q.type) : undefined, q.year ? eq(cases.year, q.year) : undefined, q.status ? eq(cases.status, q.status) : undefined))
    .orderBy(desc(cases.year), desc(cases.serial))
    .limit(100);
  return { hits: [], cases: rows };
}

export async function publicCase(ctx: AppContext, caseId: string) {
  const regionId = ctx.config.regionId;
  const db = ctx.database.db;
  const c = await resolveInRegion(db, cases, regionId, caseId, { field: 'id', what: 'case' });
  const [path, docs, [memo], decisions] = await Promise.all([
    db.select({ body: caseEvents.body, event: caseEvents.event, occurredOn: caseEvents.occurredOn }).from(caseEvents).where(and(eq(caseEvents.regionId, regionId), eq(caseEvents.caseId, caseId))).orderBy(asc(caseEvents.occurredOn), asc(caseEvents.recordedAt)),
    db.select().from(documents).where(and(eq(documents.regionId, regionId), eq(documents.caseId, caseId))).orderBy(asc(documents.registeredOn), asc(documents.title)),
    db.select().from(memos).where(and(eq(memos.regionId, regionId), eq(memos.caseId, caseId))),
    db
      .select({ body: meetings.body, heldOn: meetings.heldOn, position: agendaItems.position, decision: agendaItems.decision, postedOn: minutes.postedOn, appealUntil: minutes.appealUntil })
      .from(agendaItems)
      .innerJoin(meetings, and(eq(meetings.regionId, agendaItems.regionId), eq(meetings.id, agendaItems.meetingId)))
      .innerJoin(minutes, and(eq(minutes.regionId, agendaItems.regionId), eq(minutes.meetingId, agendaItems.meetingId)))
      .where(and(eq(agendaItems.regionId, regionId), eq(agendaItems.caseId, caseId), isNotNull(minutes.checkedAt), sql`${agendaItems.decision} IS NOT NULL`))
      .orderBy(asc(meetings.heldOn)),
  ]);
  const m = memo ? memoView(memo) : null;
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    type: c.type,
    title: c.title,
    receivedOn: c.receivedOn,
    senderReference: c.senderReference,
    status: c.status,
    outcome: c.outcome,
    proposer: c.proposer ? { name: c.proposer.publishName ? c.proposer.name : null, published: c.proposer.publishName } : null,
    path,
    // Addresses of the recipients are not public; their names (a unit, "Förslagsställaren") are.
    memo: m ? { ...m, sendTo: m.sendTo.map((r) => ({ name: r.name })) } : null,
    decisions,
    documents: docs.map((d) =>
      d.secret
        ? { id: d.id, registeredOn: d.registeredOn, secret: true, secrecyGround: oslGround(d), title: null, body: null }
        : { id: d.id, registeredOn: d.registeredOn, secret: false, secrecyGround: null, title: d.title, body: d.body },
    ),
  };
}
