import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { can } from '../platform/auth/permissions.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { resolveInRegion } from '../platform/db/resolve.js';
import { record } from '../platform/audit/audit.js';
import { conflict, forbidden, invalid } from '../platform/errors.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import { agendaItems, caseEvents, cases, documents, governanceSettings, meetings, memos, type Body, type CaseOutcome, type CaseStatus, type CaseType, type Proposer } from './model.js';
import { DEFAULT_CASE_NUMBER_FORMAT, formatCaseNumber, missingMemoSections, parseCaseNumber, parseCaseNumberFormat } from './rules.js';

/** The diary: a region's format setting, registration with gap-free serials, a case's documents and its path. */

export async function caseNumberFormat(db: Db, regionId: string): Promise<string> {
  const [row] = await db.select({ format: governanceSettings.caseNumberFormat }).from(governanceSettings).where(eq(governanceSettings.regionId, regionId));
  return row?.format ?? DEFAULT_CASE_NUMBER_FORMAT;
}

export async function getSettings(ctx: AppContext, actor: Actor) {
  return { caseNumberFormat: await caseNumberFormat(ctx.database.db, actor.regionId) };
}

export async function saveSettings(ctx: AppContext, actor: Actor, input: { caseNumberFormat: string }) {
  const parsed = parseCaseNumberFormat(input.caseNumberFormat);
  if (typeof parsed === 'string') throw invalid('caseNumberFormat', parsed);
  await ctx.database.db
    .insert(governanceSettings)
    .values({ regionId: actor.regionId, caseNumberFormat: input.caseNumberFormat, updatedBy: actor.name })
    .onConflictDoUpdate({ target: governanceSettings.regionId, set: { caseNumberFormat: input.caseNumberFormat, updatedBy: actor.name, updatedAt: sql`now()` } });
  return getSettings(ctx, actor);
}

export interface RegisterCase {
  /** Given only for a case already numbered elsewhere (the paper diary); otherwise the next serial. */
  caseNumber?: string;
  type: CaseType;
  title: string;
  caseOfficer?: string;
  unit?: string;
  receivedOn?: string;
  senderReference?: string;
  answerBy?: string;
  proposer?: Proposer;
}

/**
 * The next serial of the year, taken in the registering transaction: the counter row's update holds its lock
 * until commit, so concurrent registrations queue on it, and a registration that fails returns its number.
 */
async function nextSerial(tx: Db, regionId: string, year: number, atLeast = 0): Promise<number> {
  const rows = (await tx.execute(sql`INSERT INTO governance_case_serials (region_id, year, last_serial) VALUES (${regionId}, ${year}, ${atLeast || 1})
    ON CONFLICT (region_id, year) DO UPDATE SET last_serial = ${atLeast ? sql`GREATEST(governance_case_serials.last_serial, ${atLeast})` : sql`governance_case_serials.last_serial + 1`}
    RETURNING last_serial`)) as unknown as { rows: { last_serial: number }[] };
  return rows.rows[0]!.last_serial;
}

export async function registerCase(ctx: AppContext, actor: Actor, input: RegisterCase) {
  return ctx.database.db.transaction(async (tx) => caseView(tx, actor, await insertCase(tx, actor, input, ctx.clock.now())));
}

/** Registers a case in the caller's transaction and returns its id. */
export async function insertCase(tx: Db, actor: Actor, input: RegisterCase, now: Date): Promise<string> {
  if (input.type === 'citizen_proposal' && !input.proposer) throw invalid('proposer', 'a citizen proposal names its proposer');
  if (input.type !== 'citizen_proposal' && input.proposer) throw invalid('proposer', 'only a citizen proposal has a proposer');
  const today = calendarDateInStockholm(now);
  const format = await caseNumberFormat(tx, actor.regionId);
  let caseNumber: string;
  let year: number;
  let serial: number;
  if (input.caseNumber !== undefined) {
    const parsed = parseCaseNumber(format, input.caseNumber);
    if (!parsed) throw invalid('caseNumber', `does not follow the region's format ${format} (e.g. ${formatCaseNumber(format, Number(today.slice(0, 4)), 5471)})`);
    ({ year, serial } = parsed);
    caseNumber = input.caseNumber;
    const [taken] = await tx.select({ id: cases.id }).from(cases).where(and(eq(cases.regionId, actor.regionId), eq(cases.caseNumber, caseNumber)));
    if (taken) throw conflict(`caseNumber: ${caseNumber} is already registered`, 'caseNumber');
    // Later serials of that year continue after it, so a number is never given twice.
    await nextSerial(tx, actor.regionId, year, serial);
  } else {
    year = Number(today.slice(0, 4));
    serial = await nextSerial(tx, actor.regionId, year);
    caseNumber = formatCaseNumber(format, year, serial);
  }
  const receivedOn = input.receivedOn ?? today;
  const [row] = await tx
    .insert(cases)
    .values({
      regionId: actor.regionId,
      caseNumber,
      year,
      serial,
      type: input.type,
      title: input.title,
      caseOfficer: input.caseOfficer ?? null,
      unit: input.unit ?? null,
      receivedOn,
      senderReference: input.senderReference ?? null,
      answerBy: input.answerBy ?? null,
      proposer: input.proposer ?? null,
      registeredBy: actor.name,
    })
    .returning({ id: cases.id });
  await addEvent(tx, actor, row!.id, 'registry', 'Registrerat', receivedOn);
  return row!.id;
}

export async function addEvent(tx: Db, actor: Actor, caseId: string, body: Body, event: string, occurredOn: string) {
  await tx.insert(caseEvents).values({ regionId: actor.regionId, caseId, body, event, occurredOn, recordedBy: actor.name });
}

export interface CaseUpdate {
  title?: string;
  caseOfficer?: string | null;
  unit?: string | null;
  senderReference?: string | null;
  answerBy?: string | null;
  status?: CaseStatus;
  outcome?: CaseOutcome | null;
  /** A step on the case's path (sent to the regional board, decided by the assembly). */
  step?: { body: Body; event: string; occurredOn: string };
}

export async function updateCase(ctx: AppContext, actor: Actor, caseId: string, input: CaseUpdate) {
  return ctx.database.db.transaction(async (tx) => {
    await resolveInRegion(tx, cases, actor.regionId, caseId, { field: 'id', what: 'case', forUpdate: true });
    const { step, ...fields } = input;
    if (Object.keys(fields).length) await tx.update(cases).set(fields).where(and(eq(cases.regionId, actor.regionId), eq(cases.id, caseId)));
    if (step) await addEvent(tx, actor, caseId, step.body, step.event, step.occurredOn);
    return caseView(tx, actor, caseId);
  });
}

export async function listCases(ctx: AppContext, actor: Actor, q: { type?: CaseType; status?: CaseStatus; year?: number }) {
  const rows = await ctx.database.db
    .select({ id: cases.id, caseNumber: cases.caseNumber, type: cases.type, title: cases.title, status: cases.status, outcome: cases.outcome, receivedOn: cases.receivedOn, answerBy: cases.answerBy, caseOfficer: cases.caseOfficer, hasMemo: sql<boolean>`${memos.id} IS NOT NULL` })
    .from(cases)
    .leftJoin(memos, and(eq(memos.regionId, cases.regionId), eq(memos.caseId, cases.id)))
    .where(and(eq(cases.regionId, actor.regionId), q.type ? eq(cases.type, q.type) : undefined, q.status ? eq(cases.status, q.status) : undefined, q.year ? eq(cases.year, q.year) : undefined))
    .orderBy(desc(cases.year), desc(cases.serial))
    .limit(500);
  return { cases: rows };
}

export const oslGround = (d: { oslChapter: number | null; oslSection: number | null }) => (d.oslChapter ? `OSL ${d.oslChapter} kap. ${d.oslSection} §` : null);

/** A case with its path, documents (secret ones without their text), memo and the meetings it was on. */
export async function caseView(db: Db, actor: Actor, caseId: string) {
  const c = await resolveInRegion(db, cases, actor.regionId, caseId, { field: 'id', what: 'case' });
  const region = actor.regionId;
  const [events, docs, [memo], items] = await Promise.all([
    db.select().from(caseEvents).where(and(eq(caseEvents.regionId, region), eq(caseEvents.caseId, caseId))).orderBy(asc(caseEvents.occurredOn), asc(caseEvents.recordedAt)),
    db.select().from(documents).where(and(eq(documents.regionId, region), eq(documents.caseId, caseId))).orderBy(asc(documents.registeredOn), asc(documents.title)),
    db.select().from(memos).where(and(eq(memos.regionId, region), eq(memos.caseId, caseId))),
    db
      .select({ itemId: agendaItems.id, meetingId: meetings.id, heldOn: meetings.heldOn, body: meetings.body, position: agendaItems.position, decision: agendaItems.decision })
      .from(agendaItems)
      .innerJoin(meetings, and(eq(meetings.regionId, agendaItems.regionId), eq(meetings.id, agendaItems.meetingId)))
      .where(and(eq(agendaItems.regionId, region), eq(agendaItems.caseId, caseId)))
      .orderBy(asc(meetings.heldOn)),
  ]);
  return {
    id: c.id,
    caseNumber: c.caseNumber,
    type: c.type,
    title: c.title,
    caseOfficer: c.caseOfficer,
    unit: c.unit,
    receivedOn: c.receivedOn,
    senderReference: c.senderReference,
    answerBy: c.answerBy,
    proposer: c.proposer,
    status: c.status,
    outcome: c.outcome,
    registeredBy: c.registeredBy,
    path: events.map((e) => ({ body: e.body, event: e.event, occurredOn: e.occurredOn })),
    documents: docs.map((d) => ({ id: d.id, title: d.title, registeredOn: d.registeredOn, secret: d.secret, secrecyGround: oslGround(d) })),
    memo: memo ? memoView(memo) : null,
    missingSections: missingMemoSections(memo ?? null),
    meetings: items,
  };
}

export const memoView = (m: typeof memos.$inferSelect) => ({
  rapporteur: m.rapporteur,
  proposal: m.proposal,
  summary: m.summary,
  background: m.background,
  assessment: m.assessment,
  environment: m.environment,
  children: m.children,
  genderEquality: m.genderEquality,
  economy: m.economy,
  followUp: m.followUp,
  supportingDocuments: m.supportingDocuments,
  sendTo: m.sendTo,
  updatedAt: m.updatedAt,
});

/** A case for staff. A citizen proposal names its proposer, a private person: that read is audited. */
export async function getCase(ctx: AppContext, actor: Actor, caseId: string) {
  return ctx.database.db.transaction(async (tx) => {
    const view = await caseView(tx, actor, caseId);
    if (view.proposer) await record(tx, actor, { action: 'governance.proposer.read', purpose: 'nämndadministration', details: { caseNumber: view.caseNumber } });
    return view;
  });
}

export interface NewDocument {
  title: string;
  body: string;
  registeredOn?: string;
  /** Only the secretary marks a document secret, with its ground in OSL. */
  secrecy?: { chapter: number; section: number };
}

export async function addDocument(ctx: AppContext, actor: Actor, caseId: string, input: NewDocument) {
  return ctx.database.db.transaction(async (tx) => {
    await resolveInRegion(tx, cases, actor.regionId, caseId, { field: 'caseId', what: 'case' });
    const [d] = await tx
      .insert(documents)
      .values({
        regionId: actor.regionId,
        caseId,
        title: input.title,
        body: input.body,
        secret: !!input.secrecy,
        oslChapter: input.secrecy?.chapter ?? null,
        oslSection: input.secrecy?.section ?? null,
        registeredOn: input.registeredOn ?? calendarDateInStockholm(ctx.clock.now()),
        registeredBy: actor.name,
      })
      .returning();
    return { id: d!.id, title: d!.title, registeredOn: d!.registeredOn, secret: d!.secret, secrecyGround: oslGround(d!) };
  });
}

/**
 * A document's text. A public record is given to every reader; a secret one only to those with the right,
 * and every such release is written to the audit log in the same transaction.
 */
export async function readDocument(ctx: AppContext, actor: Actor, documentId: string) {
  return ctx.database.db.transaction(async (tx) => {
    const d = await resolveInRegion(tx, documents, actor.regionId, documentId, { field: 'id', what: 'document' });
    const ground = oslGround(d);
    if (d.secret) {
      if (!can(actor, 'governance.secret.read')) throw forbidden(`The document is secret under ${ground}; your role may not read it`);
      const [c] = await tx.select({ caseNumber: cases.caseNumber }).from(cases).where(and(eq(cases.regionId, actor.regionId), eq(cases.id, d.caseId)));
      await record(tx, actor, { action: 'governance.document.secret-released', purpose: 'nämndadministration', details: { documentId: d.id, caseNumber: c?.caseNumber, ground } });
    }
    return { id: d.id, caseId: d.caseId, title: d.title, body: d.body, registeredOn: d.registeredOn, secret: d.secret, secrecyGround: ground };
  });
}
