import { and, asc, desc, eq, lte, max, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { resolveInRegion } from '../platform/db/resolve.js';
import { can } from '../platform/auth/permissions.js';
import { conflict, forbidden, invalid } from '../platform/errors.js';
import { sendMessages } from '../platform/jobs/outbox.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import { agendaItems, cases, corrections, delegatedDecisions, extracts, meetings, memos, minutes, signatures, type CaseOutcome, type Reservation, type Votes } from './model.js';
import { addEvent } from './register.js';
import { appealPeriod, justeringProblem, missingMemoSections, outcomeOfDecision, reportingMeeting } from './rules.js';

/** Meetings: the agenda from ready cases, decisions per item, justering, anslag and the extracts. */

export interface NewMeeting {
  body: string;
  heldOn: string;
  startsAt: string;
  place: string;
  chair: string;
  checkers: string[];
  checkDeadline: string;
}

export async function createMeeting(ctx: AppContext, actor: Actor, input: NewMeeting) {
  if (input.checkDeadline < input.heldOn) throw invalid('checkDeadline', 'the minutes cannot be checked before the meeting');
  if (input.checkers.includes(input.chair)) throw invalid('checkers', 'the chair checks the minutes anyway; name the other members');
  if (new Set(input.checkers).size !== input.checkers.length) throw invalid('checkers', 'a member is named twice');
  return ctx.database.db.transaction(async (tx) => {
    const [m] = await tx.insert(meetings).values({ regionId: actor.regionId, ...input, createdBy: actor.name }).returning({ id: meetings.id });
    await tx.insert(minutes).values({ regionId: actor.regionId, meetingId: m!.id });
    return meetingView(tx, actor, m!.id);
  });
}

export async function listMeetings(ctx: AppContext, actor: Actor) {
  const rows = await ctx.database.db
    .select({ id: meetings.id, body: meetings.body, heldOn: meetings.heldOn, startsAt: meetings.startsAt, place: meetings.place, checkedAt: minutes.checkedAt, postedOn: minutes.postedOn })
    .from(meetings)
    .innerJoin(minutes, and(eq(minutes.regionId, meetings.regionId), eq(minutes.meetingId, meetings.id)))
    .where(eq(meetings.regionId, actor.regionId))
    .orderBy(desc(meetings.heldOn))
    .limit(200);
  return { meetings: rows };
}

/** The meeting locked for the change, refused when its minutes are checked (the trigger is the last word). */
async function openMeeting(tx: Db, actor: Actor, meetingId: string, field = 'id') {
  const meeting = await resolveInRegion(tx, meetings, actor.regionId, meetingId, { field, what: 'meeting', forUpdate: true });
  const m = await minutesOf(tx, actor.regionId, meetingId);
  if (m.checkedAt) throw conflict('The minutes of this meeting are checked and can no longer change; record a correction instead', field);
  return { meeting, minutes: m };
}

async function minutesOf(tx: Db, regionId: string, meetingId: string) {
  const [m] = await tx.select().from(minutes).where(and(eq(minutes.regionId, regionId), eq(minutes.meetingId, meetingId))).for('update');
  return m!;
}

export interface NewItem {
  caseId?: string;
  title?: string;
  rapporteur?: string;
  time?: string;
}

/** Puts a case (or a heading without a case) on the agenda; a case needs its memo with every mandatory section. */
export async function addAgendaItem(ctx: AppContext, actor: Actor, meetingId: string, input: NewItem) {
  if (!input.caseId && !input.title) throw invalid('title', 'an item without a case needs a title');
  return ctx.database.db.transaction(async (tx) => {
    const { meeting } = await openMeeting(tx, actor, meetingId);
    let title = input.title;
    let rapporteur = input.rapporteur ?? null;
    if (input.caseId) {
      const c = await resolveInRegion(tx, cases, actor.regionId, input.caseId, { field: 'caseId', what: 'case', forUpdate: true });
      const [memo] = await tx.select().from(memos).where(and(eq(memos.regionId, actor.regionId), eq(memos.caseId, c.id)));
      const missing = missingMemoSections(memo ?? null);
      if (missing.length) throw invalid('caseId', memo ? `the briefing memo lacks mandatory sections: ${missing.join(', ')}` : 'the case has no briefing memo');
      const [already] = await tx.select({ id: agendaItems.id }).from(agendaItems).where(and(eq(agendaItems.regionId, actor.regionId), eq(agendaItems.meetingId, meetingId), eq(agendaItems.caseId, c.id)));
      if (already) throw conflict(`caseId: ${c.caseNumber} is already on this agenda`, 'caseId');
      title ??= c.title;
      rapporteur ??= memo!.rapporteur;
      await tx.update(cases).set({ status: 'on_agenda' }).where(and(eq(cases.regionId, actor.regionId), eq(cases.id, c.id)));
      await addEvent(tx, actor, c.id, 'committee', `På föredragningslistan, ${meeting.body} ${meeting.heldOn}`, calendarDateInStockholm(ctx.clock.now()));
    }
    const [last] = await tx.select({ n: max(agendaItems.position) }).from(agendaItems).where(and(eq(agendaItems.regionId, actor.regionId), eq(agendaItems.meetingId, meetingId)));
    await tx.insert(agendaItems).values({ regionId: actor.regionId, meetingId, caseId: input.caseId ?? null, position: (last?.n ?? 0) + 1, title: title!, rapporteur, time: input.time ?? null });
    return meetingView(tx, actor, meetingId);
  });
}

export interface DecisionInput {
  /** The decision's 'att' clauses; by default the memo's proposal. */
  decision?: string[];
  votes?: Votes | null;
  reservations?: Reservation[];
  conflicts?: string[];
  outcome?: CaseOutcome | null;
}

export async function recordDecision(ctx: AppContext, actor: Actor, itemId: string, input: DecisionInput) {
  return ctx.database.db.transaction(async (tx) => {
    const item = await resolveInRegion(tx, agendaItems, actor.regionId, itemId, { field: 'id', what: 'agenda item', forUpdate: true });
    const { meeting } = await openMeeting(tx, actor, item.meetingId, 'id');
    let decision = input.decision;
    if (!decision) {
      const [memo] = item.caseId ? await tx.select({ proposal: memos.proposal }).from(memos).where(and(eq(memos.regionId, actor.regionId), eq(memos.caseId, item.caseId))) : [];
      if (!memo) throw invalid('decision', 'the item has no proposal to take as the decision; write the decision');
      decision = memo.proposal;
    }
    if (decision.length === 0) throw invalid('decision', 'a decision has at least one clause');
    const outcome = input.outcome === undefined ? outcomeOfDecision(decision) : input.outcome;
    await tx
      .update(agendaItems)
      .set({ decision, votes: input.votes ?? null, reservations: input.reservations ?? [], conflicts: input.conflicts ?? [], outcome, decidedBy: actor.name })
      .where(and(eq(agendaItems.regionId, actor.regionId), eq(agendaItems.id, itemId)));
    if (item.caseId) {
      await tx.update(cases).set({ status: 'decided', outcome }).where(and(eq(cases.regionId, actor.regionId), eq(cases.id, item.caseId)));
      await addEvent(tx, actor, item.caseId, 'committee', `Beslut, ${meeting.body} § ${item.position}: ${decision.join(' ')}`, meeting.heldOn);
    }
    return meetingView(tx, actor, item.meetingId);
  });
}

/**
 * Records one signature of the minutes (the chair or a named member). When the last one is in, the minutes are
 * checked and can no longer change. After the deadline day a reason must be recorded.
 */
export async function signMinutes(ctx: AppContext, actor: Actor, meetingId: string, input: { signer: string; lateReason?: string }) {
  const now = ctx.clock.now();
  const today = calendarDateInStockholm(now);
  return ctx.database.db.transaction(async (tx) => {
    const { meeting, minutes: m } = await openMeeting(tx, actor, meetingId);
    if (meeting.heldOn > today) throw invalid('signer', `the meeting is held on ${meeting.heldOn}; its minutes cannot be checked before`);
    const required = [meeting.chair, ...meeting.checkers];
    if (!can(actor, 'governance.write') && input.signer !== actor.name) throw forbidden(`You sign the minutes as yourself (${actor.name}), not as ${input.signer}`);
    if (!required.includes(input.signer)) throw invalid('signer', `checks the minutes only if named: ${required.join(', ')}`);
    const problem = justeringProblem(meeting.checkDeadline, today, input.lateReason);
    if (problem) throw invalid('lateReason', problem);
    const signed = await tx.select({ signer: signatures.signer }).from(signatures).where(and(eq(signatures.regionId, actor.regionId), eq(signatures.minutesId, m.id)));
    if (signed.some((s) => s.signer === input.signer)) throw conflict(`signer: ${input.signer} has already signed`, 'signer');
    await tx.insert(signatures).values({ regionId: actor.regionId, minutesId: m.id, signer: input.signer, signedAt: now.toISOString(), recordedBy: actor.name });
    if (signed.length + 1 === required.length) {
      const late = today > meeting.checkDeadline;
      await tx
        .update(minutes)
        .set({ checkedAt: now.toISOString(), lateReason: late ? input.lateReason!.trim() : null })
        .where(and(eq(minutes.regionId, actor.regionId), eq(minutes.id, m.id)));
    }
    return meetingView(tx, actor, meetingId);
  });
}

/**
 * Posts checked minutes on the notice board (anslag): the appeal period runs from that day, and the extract
 * of every decided item goes to its 'skickas till' list through the outbox, in the same transaction.
 */
export async function postMinutes(ctx: AppContext, actor: Actor, meetingId: string, input: { postedOn?: string }) {
  const now = ctx.clock.now();
  const postedOn = input.postedOn ?? calendarDateInStockholm(now);
  return ctx.database.db.transaction(async (tx) => {
    const meeting = await resolveInRegion(tx, meetings, actor.regionId, meetingId, { field: 'id', what: 'meeting', forUpdate: true });
    const m = await minutesOf(tx, actor.regionId, meetingId);
    if (!m.checkedAt) throw conflict('The minutes are not checked yet; they are posted after justering', 'id');
    if (m.postedOn) throw conflict(`The minutes were posted on ${m.postedOn}`, 'id');
    if (postedOn < calendarDateInStockholm(new Date(m.checkedAt))) throw invalid('postedOn', 'the minutes are posted on or after the day they were checked');
    const period = appealPeriod(postedOn);
    await tx.update(minutes).set({ postedOn, appealFrom: period.from, appealUntil: period.until }).where(and(eq(minutes.regionId, actor.regionId), eq(minutes.id, m.id)));
    await sendExtracts(tx, actor, meeting, period, now);
    return meetingView(tx, actor, meetingId);
  });
}

async function sendExtracts(tx: Db, actor: Actor, meeting: typeof meetings.$inferSelect, period: { from: string; until: string }, now: Date) {
  const items = await tx
    .select({ id: agendaItems.id, position: agendaItems.position, title: agendaItems.title, decision: agendaItems.decision, caseNumber: cases.caseNumber, sendTo: memos.sendTo })
    .from(agendaItems)
    .innerJoin(cases, and(eq(cases.regionId, agendaItems.regionId), eq(cases.id, agendaItems.caseId)))
    .innerJoin(memos, and(eq(memos.regionId, agendaItems.regionId), eq(memos.caseId, agendaItems.caseId)))
    .where(and(eq(agendaItems.regionId, actor.regionId), eq(agendaItems.meetingId, meeting.id), sql`${agendaItems.decision} IS NOT NULL`))
    .orderBy(asc(agendaItems.position));
  const rows = items.flatMap((i) => [...new Map(i.sendTo.map((r) => [r.email.toLowerCase(), r])).values()].map((r) => ({ item: i, recipient: r })));
  if (rows.length === 0) return;
  await tx.insert(extracts).values(rows.map(({ item, recipient }) => ({ regionId: actor.regionId, itemId: item.id, recipient: recipient.name, email: recipient.email, sentAt: now.toISOString() })));
  await sendMessages(
    tx,
    rows.map(({ item, recipient }) => ({
      regionId: actor.regionId,
      channel: 'email' as const,
      to: recipient.email,
      subject: `Protokollsutdrag ${meeting.body} ${meeting.heldOn} § ${item.position}, ${item.caseNumber}`,
      body: extractText(meeting, item, recipient.name, period),
      idempotencyKey: `governance-extract:${item.id}:${recipient.email.toLowerCase()}`,
    })),
  );
}

function extractText(meeting: typeof meetings.$inferSelect, item: { position: number; title: string; decision: string[] | null; caseNumber: string }, to: string, period: { from: string; until: string }) {
  return [
    `Till: ${to}`,
    `Protokollsutdrag, ${meeting.body}, sammanträde ${meeting.heldOn}`,
    `§ ${item.position} ${item.title} (diarienummer ${item.caseNumber})`,
    '',
    `${meeting.body} beslutar`,
    ...(item.decision ?? []),
    '',
    `Protokollet är justerat och anslaget ${period.from}. Beslutet kan överklagas till förvaltningsrätten till och med ${period.until}.`,
  ].join('\n');
}

/** A correction of checked minutes: a new entry linked to them, never a change of what was checked. */
export async function addCorrection(ctx: AppContext, actor: Actor, meetingId: string, input: { itemId?: string; text: string }) {
  return ctx.database.db.transaction(async (tx) => {
    await resolveInRegion(tx, meetings, actor.regionId, meetingId, { field: 'id', what: 'meeting' });
    const m = await minutesOf(tx, actor.regionId, meetingId);
    if (!m.checkedAt) throw conflict('The minutes are not checked yet: change the item itself', 'id');
    if (input.itemId) {
      const item = await resolveInRegion(tx, agendaItems, actor.regionId, input.itemId, { field: 'itemId', what: 'agenda item' });
      if (item.meetingId !== meetingId) throw invalid('itemId', 'the item belongs to another meeting');
    }
    await tx.insert(corrections).values({ regionId: actor.regionId, minutesId: m.id, itemId: input.itemId ?? null, text: input.text, recordedBy: actor.name });
    return meetingView(tx, actor, meetingId);
  });
}

/** The delegated decisions reported to a meeting (anmälningsärenden): those whose next meeting it is. */
export async function reportedDecisions(db: Db, regionId: string, meeting: { id: string; heldOn: string }) {
  const candidates = await db
    .select({
      id: delegatedDecisions.id,
      caseId: delegatedDecisions.caseId,
      caseNumber: cases.caseNumber,
      title: cases.title,
      delegate: delegatedDecisions.delegate,
      delegationPoint: delegatedDecisions.delegationPoint,
      decidedOn: delegatedDecisions.decidedOn,
      summary: delegatedDecisions.summary,
      registeredOn: sql<string>`(${delegatedDecisions.registeredAt} AT TIME ZONE 'Europe/Stockholm')::date::text`,
    })
    .from(delegatedDecisions)
    .innerJoin(cases, and(eq(cases.regionId, delegatedDecisions.regionId), eq(cases.id, delegatedDecisions.caseId)))
    .where(and(eq(delegatedDecisions.regionId, regionId), lte(delegatedDecisions.decidedOn, meeting.heldOn), sql`(${delegatedDecisions.registeredAt} AT TIME ZONE 'Europe/Stockholm')::date <= ${meeting.heldOn}`))
    .orderBy(asc(delegatedDecisions.decidedOn));
  if (candidates.length === 0) return [];
  const earliest = candidates.reduce((a, c) => (c.decidedOn < a ? c.decidedOn : a), meeting.heldOn);
  const around = await db
    .select({ id: meetings.id, heldOn: meetings.heldOn })
    .from(meetings)
    .where(and(eq(meetings.regionId, regionId), sql`${meetings.heldOn} BETWEEN ${earliest} AND ${meeting.heldOn}`));
  return candidates.filter((d) => reportingMeeting(d, around) === meeting.id).map(({ registeredOn: _, ...d }) => d);
}

export async function meetingView(db: Db, actor: Actor, meetingId: string) {
  const meeting = await resolveInRegion(db, meetings, actor.regionId, meetingId, { field: 'id', what: 'meeting' });
  const region = actor.regionId;
  const [m] = await db.select().from(minutes).where(and(eq(minutes.regionId, region), eq(minutes.meetingId, meetingId)));
  const [items, signed, fixes, sent, reported] = await Promise.all([
    db
      .select({ item: agendaItems, caseNumber: cases.caseNumber, caseType: cases.type, proposal: memos.proposal, supportingDocuments: memos.supportingDocuments })
      .from(agendaItems)
      .leftJoin(cases, and(eq(cases.regionId, agendaItems.regionId), eq(cases.id, agendaItems.caseId)))
      .leftJoin(memos, and(eq(memos.regionId, agendaItems.regionId), eq(memos.caseId, agendaItems.caseId)))
      .where(and(eq(agendaItems.regionId, region), eq(agendaItems.meetingId, meetingId)))
      .orderBy(asc(agendaItems.position)),
    db.select({ signer: signatures.signer, signedAt: signatures.signedAt }).from(signatures).where(and(eq(signatures.regionId, region), eq(signatures.minutesId, m!.id))).orderBy(asc(signatures.signedAt)),
    db.select({ id: corrections.id, itemId: corrections.itemId, text: corrections.text, recordedBy: corrections.recordedBy, recordedAt: corrections.recordedAt }).from(corrections).where(and(eq(corrections.regionId, region), eq(corrections.minutesId, m!.id))).orderBy(asc(corrections.recordedAt)),
    db
      .select({ itemId: extracts.itemId, recipient: extracts.recipient, email: extracts.email, sentAt: extracts.sentAt })
      .from(extracts)
      .innerJoin(agendaItems, and(eq(agendaItems.regionId, extracts.regionId), eq(agendaItems.id, extracts.itemId)))
      .where(and(eq(extracts.regionId, region), eq(agendaItems.meetingId, meetingId))),
    reportedDecisions(db, region, meeting),
  ]);
  return {
    id: meeting.id,
    body: meeting.body,
    heldOn: meeting.heldOn,
    startsAt: meeting.startsAt,
    place: meeting.place,
    chair: meeting.chair,
    checkers: meeting.checkers,
    checkDeadline: meeting.checkDeadline,
    minutes: { checkedAt: m!.checkedAt, lateReason: m!.lateReason, postedOn: m!.postedOn, appealFrom: m!.appealFrom, appealUntil: m!.appealUntil, signatures: signed, corrections: fixes },
    items: items.map(({ item, caseNumber, caseType, proposal, supportingDocuments }) => ({
      id: item.id,
      position: item.position,
      caseId: item.caseId,
      caseNumber,
      caseType,
      title: item.title,
      rapporteur: item.rapporteur,
      time: item.time,
      proposal: proposal ?? [],
      supportingDocuments: supportingDocuments ?? [],
      decision: item.decision,
      votes: item.votes,
      reservations: item.reservations,
      conflicts: item.conflicts,
      outcome: item.outcome,
      extracts: sent.filter((e) => e.itemId === item.id).map(({ itemId: _, ...e }) => e),
    })),
    reportedDecisions: reported,
  };
}

export const getMeeting = (ctx: AppContext, actor: Actor, meetingId: string) => meetingView(ctx.database.db, actor, meetingId);

/** Cases ready for an agenda: a complete memo, not yet on one. */
export async function readyCases(ctx: AppContext, actor: Actor) {
  const rows = await ctx.database.db
    .select({ id: cases.id, caseNumber: cases.caseNumber, type: cases.type, title: cases.title, rapporteur: memos.rapporteur })
    .from(cases)
    .innerJoin(memos, and(eq(memos.regionId, cases.regionId), eq(memos.caseId, cases.id)))
    .where(and(eq(cases.regionId, actor.regionId), eq(cases.status, 'ready')))
    .orderBy(asc(cases.receivedOn));
  return { cases: rows };
}
