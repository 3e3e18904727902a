import { and, asc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { personalDataScope } from '../platform/auth/permissions.js';
import { record } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import { addToOutbox, OUTBOX_CHANNEL } from '../platform/jobs/outbox.js';
import { ageOn, calendarDateInStockholm, formatIdentityNumber } from '../identity/identity-number.js';
import { units } from '../identity/model.js';
import { findPerson, listIdentifiers } from '../identity/store.js';
import { addContact as saveNewContact, contactsOfCases, informContacts } from './contacts.js';
import { tracingCalls, tracingCases, tracingNotes, tracingNotifications, tracingQuestionnaires, tracingSequencing } from './model.js';
import { caseStage } from './calls.js';
import { checkOnset, exposedOutside, infectiousPeriod, type CaseOutcome, type Classification } from './infectious-period.js';
import { adviceOptions } from './rules.js';
import { callState, callView } from './service.js';
import { refreshSequencing } from './sequencing.js';
import { clinicalNotification, SMINET_TOPIC, sminetKey, type SminetInput } from './sminet.js';

type CaseRow = typeof tracingCases.$inferSelect;

async function caseOf(tx: Db, regionId: string, caseId: string, opts: { open?: boolean; lock?: boolean } = {}): Promise<CaseRow> {
  const q = tx.select().from(tracingCases).where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.id, caseId), opts.open ? eq(tracingCases.status, 'open') : undefined));
  const [c] = opts.lock ? await q.for('update') : await q;
  if (!c) throw notFound(opts.open ? 'An open case' : 'The case');
  return c;
}

/** Runs a change to one case in one transaction, audited as a read-and-write of the index's record. */
function onCase<T>(ctx: AppContext, actor: Actor, caseId: string, action: string, change: (tx: Db, c: CaseRow, now: Date) => Promise<T>, details?: Record<string, unknown>): Promise<T> {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const c = await caseOf(tx, regionId, caseId, { open: true, lock: true });
    const result = await change(tx, c, ctx.clock.now());
    await record(tx, actor, { action, personId: c.personId, purpose: 'smittspårning', details: { caseId, ...details } });
    return result;
  });
}

async function notificationStatus(tx: Db, regionId: string, caseId: string) {
  const [n] = await queryRows<{ document: Record<string, unknown>; created_at: string; status: 'pending' | 'delivered' | 'failed'; delivered_at: string | null; receipt: Record<string, unknown> | null; last_error: string | null }>(
    tx,
    sql`SELECT n.document, n.created_at, o.status, o.delivered_at, o.receipt, o.last_error FROM tracing_notifications n
      JOIN outbox o ON o.region_id = n.region_id AND o.idempotency_key = ${sminetKey(caseId)}
      WHERE n.region_id = ${regionId} AND n.case_id = ${caseId}`,
  );
  if (!n) return null;
  return {
    status: ({ pending: 'queued', delivered: 'sent', failed: 'failed' } as const)[n.status],
    createdAt: toIso(n.created_at),
    sentAt: n.delivered_at ? toIso(n.delivered_at) : null,
    reference: (n.receipt?.reference as string | undefined) ?? null,
    error: n.last_error,
    document: n.document,
  };
}

/** Everything about one case the tracer works with; reading it is audited. */
export async function caseFile(ctx: AppContext, actor: Actor, caseId: string) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = await caseOf(tx, regionId, caseId);
    const person = await findPerson(tx, regionId, c.personId);
    const [id] = await listIdentifiers(tx, regionId, [c.personId]);
    const [q] = await tx.select().from(tracingQuestionnaires).where(and(eq(tracingQuestionnaires.regionId, regionId), eq(tracingQuestionnaires.caseId, caseId)));
    const notes = await tx.select().from(tracingNotes).where(and(eq(tracingNotes.regionId, regionId), eq(tracingNotes.caseId, caseId))).orderBy(asc(tracingNotes.createdAt));
    const calls = await tx.select().from(tracingCalls).where(and(eq(tracingCalls.regionId, regionId), eq(tracingCalls.caseId, caseId))).orderBy(asc(tracingCalls.calledAt));
    const [seq] = await tx.select().from(tracingSequencing).where(and(eq(tracingSequencing.regionId, regionId), eq(tracingSequencing.caseId, caseId)));
    const outbreaks = await queryRows<{ id: string; label: string }>(
      tx,
      sql`SELECT o.id, o.label FROM tracing_outbreak_cases oc JOIN tracing_outbreaks o ON o.region_id = oc.region_id AND o.id = oc.outbreak_id WHERE oc.region_id = ${regionId} AND oc.case_id = ${caseId}`,
    );
    const [assignee] = c.assignedTo ? await queryRows<{ name: string }>(tx, sql`SELECT name FROM staff WHERE region_id = ${regionId} AND id = ${c.assignedTo}`) : [];
    await record(tx, actor, { action: 'tracing.case.read', personId: c.personId, purpose: 'smittspårning', details: { caseId } });
    const symptomOnset = c.symptomOnset ?? (c.noSymptoms ? null : (q?.symptomOnset ?? null));
    const period = infectiousPeriod({ symptomOnset, noSymptoms: c.noSymptoms, sampleDay: calendarDateInStockholm(new Date(toIso(c.positiveTakenAt))) });
    const [classifier] = c.classifiedBy ? await queryRows<{ name: string }>(tx, sql`SELECT name FROM staff WHERE region_id = ${regionId} AND id = ${c.classifiedBy}`) : [];
    return {
      case: {
        id: c.id,
        personId: c.personId,
        name: person ? `${person.givenName} ${person.familyName}` : '',
        identityNumber: id ? formatIdentityNumber({ kind: id.kind, canonical: id.value }) : '',
        phone: person?.phone ?? null,
        priority: c.priority,
        priorityReason: c.priorityReason,
        status: c.status,
        positiveTakenAt: toIso(c.positiveTakenAt),
        openedAt: toIso(c.openedAt),
        questionnaireDueAt: toIso(c.questionnaireDueAt),
        questionnaireSentAt: c.questionnaireSentAt ? toIso(c.questionnaireSentAt) : null,
        firstCallDueAt: toIso(c.firstCallDueAt),
        firstCallAt: c.firstCallAt ? toIso(c.firstCallAt) : null,
        overdue: c.status === 'open' && !c.firstCallAt && new Date(toIso(c.firstCallDueAt)) < now,
        possibleReinfection: c.possibleReinfection,
        indexCaseId: c.indexCaseId,
        stage: caseStage(callState(c)),
        unreachedCalls: c.unreachedCalls,
        callBackAt: c.callBackAt ? toIso(c.callBackAt) : null,
        escalatedAt: c.escalatedAt ? toIso(c.escalatedAt) : null,
        classification: c.classification,
        classifiedAt: c.classifiedAt ? toIso(c.classifiedAt) : null,
        classifiedByName: classifier?.name ?? null,
        outcome: c.outcome,
        symptomOnset,
        noSymptoms: c.noSymptoms,
        infectiousPeriod: period,
        assignedTo: c.assignedTo,
        assignedToName: assignee?.name ?? null,
        contactsInformedBy: c.contactsInformedBy,
        severeIllness: c.severeIllness,
        closedAt: c.closedAt ? toIso(c.closedAt) : null,
      },
      questionnaire: q ? { answers: q.answers, savedAt: toIso(q.savedAt), submittedAt: q.submittedAt ? toIso(q.submittedAt) : null } : null,
      contacts: (await contactsOfCases(tx, regionId, [caseId], { reader: actor })).map((k) => ({ ...k, outsideInfectiousPeriod: exposedOutside(k.exposureDate, period) })),
      calls: calls.map(callView),
      notes: notes.map((n) => ({ id: n.id, kind: n.kind, text: n.text, advice: n.advice, authorName: n.authorName, createdAt: toIso(n.createdAt) })),
      notification: await notificationStatus(tx, regionId, caseId),
      outbreaks,
      sequencing: seq ? { reasons: seq.reasons, variant: seq.variant } : null,
      adviceOptions: [...adviceOptions],
    };
  });
}

export function addNote(ctx: AppContext, actor: Actor, caseId: string, input: { kind: 'advice' | 'journal'; text: string; advice?: string[] }) {
  return onCase(ctx, actor, caseId, `tracing.case.note-${input.kind}`, async (tx, c, now) => {
    const [n] = await tx
      .insert(tracingNotes)
      .values({ regionId: c.regionId, caseId, kind: input.kind, text: input.text, advice: input.advice ?? [], authorId: actor.id, authorName: actor.name, createdAt: now.toISOString() })
      .returning();
    return { id: n!.id, kind: n!.kind, text: n!.text, advice: n!.advice, authorName: n!.authorName, createdAt: toIso(n!.createdAt) };
  });
}

/** Who tells the close contacts: the index, or the tracer (who then informs those not yet informed). */
export function setContactsInformedBy(ctx: AppContext, actor: Actor, caseId: string, by: 'index' | 'tracer') {
  return onCase(ctx, actor, caseId, 'tracing.case.contacts-informed-by', async (tx, c, now) => {
    await tx.update(tracingCases).set({ contactsInformedBy: by }).where(and(eq(tracingCases.regionId, c.regionId), eq(tracingCases.id, caseId)));
    const informed = by === 'tracer' ? await informContacts(tx, c, { relation: 'close', by: 'tracer' }, now) : 0;
    return { contactsInformedBy: by, informed };
  }, { by });
}

export function addContact(ctx: AppContext, actor: Actor, caseId: string, input: { name: string; phone?: string | null; identityNumber?: string | null; relation: 'household' | 'close'; context?: string | null; exposureDate?: string | null }) {
  return onCase(ctx, actor, caseId, 'tracing.contact.added', async (tx, c, now) => {
    const id = await saveNewContact(tx, now, c, { name: input.name, phone: input.phone ?? null, identityNumber: input.identityNumber ?? null, relation: input.relation, context: input.context ?? null, exposureDate: input.exposureDate ?? null });
    if (input.relation === 'household') await informContacts(tx, c, { contactId: id, by: 'system' }, now);
    return (await contactsOfCases(tx, c.regionId, [caseId], { reader: actor, contactId: id }))[0]!;
  });
}

export function informContact(ctx: AppContext, actor: Actor, caseId: string, contactId: string) {
  return onCase(ctx, actor, caseId, 'tracing.contact.informed', async (tx, c, now) => {
    const [contact] = await contactsOfCases(tx, c.regionId, [caseId], { reader: null, contactId });
    if (!contact) throw notFound('The contact');
    if (contact.informedAt) throw conflict(`${contact.name} was already informed`);
    if ((await informContacts(tx, c, { contactId, by: 'tracer' }, now)) === 0) throw new AppError('conflict', `${contact.name} has no phone number and is not in the person register: call them, or add a number`);
    return (await contactsOfCases(tx, c.regionId, [caseId], { reader: actor, contactId }))[0]!;
  });
}

export function setSevereIllness(ctx: AppContext, actor: Actor, caseId: string, severe: boolean) {
  return onCase(ctx, actor, caseId, 'tracing.case.severity', async (tx, c, now) => {
    await tx.update(tracingCases).set({ severeIllness: severe }).where(and(eq(tracingCases.regionId, c.regionId), eq(tracingCases.id, caseId)));
    await refreshSequencing(tx, c.regionId, [caseId], now);
    return { severeIllness: severe };
  });
}

/**
 * Produces the clinical notification from the case and queues it to SmiNet through the outbox. A failed
 * delivery can be sent again (corrected); one queued or sent cannot be replaced.
 */
export function notifySminet(ctx: AppContext, actor: Actor, caseId: string, input: SminetInput) {
  return onCase(ctx, actor, caseId, 'tracing.sminet.notified', async (tx, c, now) => {
    const existing = await notificationStatus(tx, c.regionId, caseId);
    if (existing && existing.status !== 'failed') throw conflict('The clinical notification has already been made');
    const person = await findPerson(tx, c.regionId, c.personId);
    const [id] = await listIdentifiers(tx, c.regionId, [c.personId]);
    const [q] = await tx.select({ symptomOnset: tracingQuestionnaires.symptomOnset }).from(tracingQuestionnaires).where(and(eq(tracingQuestionnaires.regionId, c.regionId), eq(tracingQuestionnaires.caseId, caseId)));
    const [sample] = await queryRows<{ test_type: string }>(tx, sql`SELECT test_type FROM samples WHERE region_id = ${c.regionId} AND id = ${c.sourceSampleId}`);
    const [{ n: contacts }] = (await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM tracing_contacts WHERE region_id = ${c.regionId} AND case_id = ${caseId}`)) as [{ n: number }];
    const [unit] = actor.kind === 'staff' && actor.unitId ? await tx.select({ name: units.name }).from(units).where(and(eq(units.regionId, c.regionId), eq(units.id, actor.unitId))) : [];
    const document = clinicalNotification(
      {
        caseId,
        regionId: c.regionId,
        identityNumber: id ? formatIdentityNumber({ kind: id.kind, canonical: id.value }) : '',
        identityKind: id?.kind ?? 'unknown',
        name: person ? `${person.givenName} ${person.familyName}` : '',
        legalSex: person?.legalSex ?? null,
        age: person?.birthDate ? ageOn(person.birthDate, new Date(toIso(c.positiveTakenAt))) : null,
        municipalityCode: person?.municipalityCode ?? null,
        sampleTakenAt: toIso(c.positiveTakenAt),
        testType: sample?.test_type ?? 'pcr',
        symptomOnset: c.symptomOnset ?? (c.noSymptoms ? null : (q?.symptomOnset ?? null)),
        possibleReinfection: c.possibleReinfection,
        contacts,
      },
      input,
      { name: actor.name, role: actor.role, unit: unit?.name ?? 'Smittspårningen' },
      now.toISOString(),
    );
    await tx
      .insert(tracingNotifications)
      .values({ regionId: c.regionId, caseId, document, createdAt: now.toISOString(), createdBy: actor.id })
      .onConflictDoUpdate({ target: [tracingNotifications.regionId, tracingNotifications.caseId], set: { document, createdAt: now.toISOString(), createdBy: actor.id } });
    if (existing) {
      await tx.execute(sql`UPDATE outbox SET status = 'pending', attempts = 0, next_attempt_at = now(), last_error = NULL, payload = ${JSON.stringify(document)}::jsonb
        WHERE region_id = ${c.regionId} AND idempotency_key = ${sminetKey(caseId)}`);
      await tx.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`);
    } else await addToOutbox(tx, { regionId: c.regionId, topic: SMINET_TOPIC, idempotencyKey: sminetKey(caseId), payload: document });
    return (await notificationStatus(tx, c.regionId, caseId))!;
  });
}

/**
 * Classifies the case and records its outcome and symptom onset (or "no symptoms"), with who decided and when.
 * The onset moves the infectious period, and with it which contacts are flagged as exposed outside it.
 */
export function classifyCase(ctx: AppContext, actor: Actor, caseId: string, input: { classification: Classification; outcome: CaseOutcome | null; symptomOnset: string | null; noSymptoms: boolean }) {
  return onCase(ctx, actor, caseId, 'tracing.case.classified', async (tx, c, now) => {
    checkOnset(input, calendarDateInStockholm(new Date(toIso(c.positiveTakenAt))), calendarDateInStockholm(now));
    await tx
      .update(tracingCases)
      .set({ classification: input.classification, outcome: input.outcome, symptomOnset: input.symptomOnset, noSymptoms: input.noSymptoms, classifiedAt: now.toISOString(), classifiedBy: actor.id })
      .where(and(eq(tracingCases.regionId, c.regionId), eq(tracingCases.id, caseId)));
    return { ...input, classifiedAt: now.toISOString(), classifiedByName: actor.name };
  }, { classification: input.classification, outcome: input.outcome });
}

/** Closes the case; refused until the clinical notification has been made and has not failed. */
export function closeCase(ctx: AppContext, actor: Actor, caseId: string) {
  return onCase(ctx, actor, caseId, 'tracing.case.closed', async (tx, c, now) => {
    const n = await notificationStatus(tx, c.regionId, caseId);
    if (!n) throw conflict('Ärendet kan inte avslutas innan klinisk anmälan till SmiNet är gjord (The case cannot be closed before the clinical notification to SmiNet is made)');
    if (n.status === 'failed') throw conflict(`Anmälan till SmiNet misslyckades (${n.error ?? 'okänt fel'}): gör om anmälan innan ärendet avslutas`);
    await tx.update(tracingCases).set({ status: 'closed', closedAt: now.toISOString(), closedBy: actor.id }).where(and(eq(tracingCases.regionId, c.regionId), eq(tracingCases.id, caseId)));
    return { id: caseId, status: 'closed' as const, closedAt: now.toISOString() };
  });
}
