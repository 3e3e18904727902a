import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { personalDataScope } from '../platform/auth/permissions.js';
import { record, recordMany } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { conflict, invalid, notFound } from '../platform/errors.js';
import { sendMessage } from '../platform/jobs/outbox.js';
import { contactsOf } from '../identity/contacts.js';
import { detectClusters } from './clusters.js';
import { tracingConfigOf } from './config.js';
import { contactsOfCases } from './contacts.js';
import { tracingOutbreakCases, tracingOutbreaks, type SettingKind } from './model.js';
import { refreshSequencing } from './sequencing.js';

/** How far back proposals look: clusters still growing, not last year's. */
const PROPOSAL_DAYS = 42;

/** Clusters of the last weeks not already confirmed as an outbreak (aggregates: no personal data). */
export async function clusterProposals(ctx: AppContext, actor: Actor) {
  const regionId = personalDataScope(actor);
  const db = ctx.database.db;
  const config = await tracingConfigOf(db, regionId);
  const since = new Date(ctx.clock.now().getTime() - PROPOSAL_DAYS * 86_400_000).toISOString().slice(0, 10);
  const clusters = await detectClusters(db, regionId, { windowDays: config.clusterWindowDays, minCases: config.clusterMinCases, since });
  const open = await db.select({ kind: tracingOutbreaks.kind, key: tracingOutbreaks.key }).from(tracingOutbreaks).where(and(eq(tracingOutbreaks.regionId, regionId), eq(tracingOutbreaks.status, 'open')));
  const confirmed = new Set(open.map((o) => `${o.kind}|${o.key}`));
  return { proposals: clusters.filter((c) => !confirmed.has(`${c.kind}|${c.key}`)), windowDays: config.clusterWindowDays, minCases: config.clusterMinCases };
}

/**
 * Smittskydd confirms a cluster as an outbreak. Its open cases move up to the outbreak priority when that is
 * more urgent than what they had, with the outbreak named as the reason; later cases in the setting join it.
 */
export async function confirmOutbreak(ctx: AppContext, actor: Actor, input: { kind: SettingKind; key: string; label: string; caseIds: string[]; note?: string }) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const existing = await tx.select({ id: tracingOutbreaks.id }).from(tracingOutbreaks).where(and(eq(tracingOutbreaks.regionId, regionId), eq(tracingOutbreaks.kind, input.kind), eq(tracingOutbreaks.key, input.key), eq(tracingOutbreaks.status, 'open')));
    if (existing.length > 0) throw conflict('There is already an open outbreak in this setting');
    const members = await queryRows<{ case_id: string; unit_id: string | null; school_class: string | null }>(
      tx,
      sql`SELECT case_id, unit_id, school_class FROM tracing_case_settings WHERE region_id = ${regionId} AND kind = ${input.kind} AND key = ${input.key} AND case_id = ANY(${sql.param(input.caseIds)}::uuid[])`,
    );
    if (members.length !== new Set(input.caseIds).size) throw invalid('caseIds', 'every case must be in your region and share the setting');
    const [o] = await tx
      .insert(tracingOutbreaks)
      .values({ regionId, kind: input.kind, key: input.key, label: input.label, unitId: members[0]?.unit_id ?? null, schoolClass: members[0]?.school_class ?? null, confirmedAt: now.toISOString(), confirmedBy: actor.id, note: input.note ?? null })
      .returning();
    await linkCases(tx, regionId, o!.id, input.label, members.map((m) => m.case_id), now);
    await record(tx, actor, { action: 'tracing.outbreak.confirmed', purpose: 'utbrottsutredning', details: { outbreakId: o!.id, cases: members.length, label: input.label } });
    return { id: o!.id, kind: o!.kind, label: o!.label, status: o!.status, confirmedAt: toIso(o!.confirmedAt), cases: members.length };
  });
}

/**
 * The outbreak's cases join it and move up to the outbreak priority when that is more urgent than what they had,
 * with the outbreak named as the reason; their sequencing choice is looked at again.
 */
async function linkCases(tx: Db, regionId: string, outbreakId: string, label: string, caseIds: string[], now: Date) {
  await tx.insert(tracingOutbreakCases).values(caseIds.map((caseId) => ({ regionId, outbreakId, caseId, addedAt: now.toISOString() })));
  const config = await tracingConfigOf(tx, regionId);
  const outbreakPriority = config.priorities.find((p) => p.setting === 'outbreak')?.priority;
  if (outbreakPriority)
    await tx.execute(sql`UPDATE tracing_cases SET priority = ${outbreakPriority}, priority_reason = ${`Utbrott: ${label}`}
      WHERE region_id = ${regionId} AND id = ANY(${sql.param(caseIds)}::uuid[]) AND status = 'open' AND priority > ${outbreakPriority}`);
  await refreshSequencing(tx, regionId, caseIds, now);
}

export interface ManualOutbreak {
  name: string;
  kind: SettingKind;
  place?: string;
  municipalityCode?: string;
  startDate: string;
  caseIds: string[];
  note?: string;
}

/**
 * Smittskydd or the tracing coordinator creates an outbreak by hand, from what they learnt outside the cluster
 * proposals (a call from a school, the function mailbox): its name, setting, place, start day and the cases of
 * the region that belong to it. It is keyed by its own id, so a cluster in the same setting can still be confirmed.
 */
export async function createOutbreak(ctx: AppContext, actor: Actor, input: ManualOutbreak) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  if (!input.place?.trim() && !input.municipalityCode) throw invalid('place', 'name the place or the municipality of the outbreak');
  if (input.startDate > calendarDateInStockholm(now)) throw invalid('startDate', 'is in the future');
  return ctx.database.db.transaction(async (tx) => {
    const caseIds = [...new Set(input.caseIds)];
    const found = await queryRows<{ id: string }>(tx, sql`SELECT id FROM tracing_cases WHERE region_id = ${regionId} AND id = ANY(${sql.param(caseIds)}::uuid[])`);
    const missing = caseIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length > 0) throw invalid('caseIds', `no case in your region with the id ${missing.join(', ')}`);
    const id = randomUUID();
    const [o] = await tx
      .insert(tracingOutbreaks)
      .values({ regionId, id, kind: input.kind, key: `manual:${id}`, label: input.name, origin: 'manual', place: input.place?.trim() || null, municipalityCode: input.municipalityCode ?? null, startDate: input.startDate, confirmedAt: now.toISOString(), confirmedBy: actor.id, note: input.note ?? null })
      .returning();
    if (caseIds.length > 0) await linkCases(tx, regionId, id, input.name, caseIds, now);
    await record(tx, actor, { action: 'tracing.outbreak.created', purpose: 'utbrottsutredning', details: { outbreakId: id, cases: caseIds.length, label: input.name } });
    return { id, kind: o!.kind, label: o!.label, status: o!.status, confirmedAt: toIso(o!.confirmedAt), cases: caseIds.length };
  });
}

export async function listOutbreaks(ctx: AppContext, actor: Actor) {
  const regionId = personalDataScope(actor);
  const rows = await queryRows<{ id: string; kind: SettingKind; label: string; status: 'open' | 'closed'; confirmed_at: string; cases: number; last_case_date: string | null }>(
    ctx.database.db,
    sql`SELECT o.id, o.kind, o.label, o.status, o.confirmed_at, count(oc.case_id)::int AS cases, max(c.positive_taken_at)::date::text AS last_case_date
      FROM tracing_outbreaks o LEFT JOIN tracing_outbreak_cases oc ON oc.region_id = o.region_id AND oc.outbreak_id = o.id
      LEFT JOIN tracing_cases c ON c.region_id = oc.region_id AND c.id = oc.case_id
      WHERE o.region_id = ${regionId} GROUP BY o.region_id, o.id ORDER BY o.status DESC, o.confirmed_at DESC`,
  );
  return { outbreaks: rows.map((r) => ({ id: r.id, kind: r.kind, label: r.label, status: r.status, confirmedAt: toIso(r.confirmed_at), cases: r.cases, lastCaseDate: r.last_case_date })) };
}

/** The outbreak with its cases and contacts on a timeline, and who infected whom as a graph. */
export async function outbreakDetail(ctx: AppContext, actor: Actor, outbreakId: string) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const [o] = await tx.select().from(tracingOutbreaks).where(and(eq(tracingOutbreaks.regionId, regionId), eq(tracingOutbreaks.id, outbreakId)));
    if (!o) throw notFound('The outbreak');
    const cases = await queryRows<{ id: string; person_id: string; positive_taken_at: string; status: string; source_contact_id: string | null }>(
      tx,
      sql`SELECT c.id, c.person_id, c.positive_taken_at, c.status, c.source_contact_id FROM tracing_outbreak_cases oc JOIN tracing_cases c ON c.region_id = oc.region_id AND c.id = oc.case_id
        WHERE oc.region_id = ${regionId} AND oc.outbreak_id = ${outbreakId} ORDER BY c.positive_taken_at`,
    );
    const names = await contactsOf(tx, regionId, cases.map((c) => c.person_id));
    const contacts = await contactsOfCases(tx, regionId, cases.map((c) => c.id), { reader: actor });
    const signals = await queryRows<{ id: string; received_at: string; sender_name: string; organisation: string | null; subject: string }>(
      tx,
      sql`SELECT id, received_at, sender_name, organisation, subject FROM tracing_signals WHERE region_id = ${regionId} AND outbreak_id = ${outbreakId} ORDER BY received_at`,
    );
    await recordMany(tx, actor, cases.map((c) => ({ action: 'tracing.outbreak.case-read', personId: c.person_id, purpose: 'utbrottsutredning', details: { outbreakId } })));
    const caseByPerson = new Map(cases.map((c) => [c.person_id, c.id]));
    // A contact who tested positive under follow-up is linked to the index by the contact row itself.
    const caseBySourceContact = new Map(cases.flatMap((c) => (c.source_contact_id ? [[c.source_contact_id, c.id] as const] : [])));
    const becameCase = (k: { id: string; personId: string | null }) => caseBySourceContact.get(k.id) ?? (k.personId ? caseByPerson.get(k.personId) : undefined);
    const caseNode = (id: string) => `case:${id}`;
    const nodes = [
      ...cases.map((c) => ({ id: caseNode(c.id), label: names.get(c.person_id)?.name ?? '', kind: 'case' as const })),
      ...contacts.filter((k) => !becameCase(k)).map((k) => ({ id: `contact:${k.id}`, label: k.name, kind: 'contact' as const })),
    ];
    // An edge to a contact who is a case in the same outbreak is a confirmed transmission (as far as tracing can tell).
    const edges = contacts.map((k) => {
      const infected = becameCase(k);
      return { from: caseNode(k.caseId), to: infected ? caseNode(infected) : `contact:${k.id}`, confirmed: !!infected };
    });
    const timeline = [
      ...cases.map((c) => ({ at: toIso(c.positive_taken_at), kind: 'case' as const, caseId: c.id, label: `Positivt prov: ${names.get(c.person_id)?.name ?? ''}` })),
      ...contacts.map((k) => ({ at: k.exposureDate ? `${k.exposureDate}T12:00:00.000Z` : (k.informedAt ?? toIso(o.confirmedAt)), kind: 'contact' as const, caseId: k.caseId, label: `Kontakt: ${k.name} (${k.relation === 'household' ? 'hushåll' : 'nära kontakt'})` })),
      ...signals.map((s) => ({ at: toIso(s.received_at), kind: 'signal' as const, label: `Signal: ${s.subject}${s.organisation ? ` (${s.organisation})` : ''}` })),
    ].sort((a, b) => a.at.localeCompare(b.at));
    return {
      outbreak: { id: o.id, kind: o.kind, label: o.label, status: o.status, confirmedAt: toIso(o.confirmedAt), unitId: o.unitId, schoolClass: o.schoolClass, note: o.note, cases: cases.length },
      timeline,
      graph: { nodes, edges },
      signals: signals.map((s) => ({ id: s.id, receivedAt: toIso(s.received_at), senderName: s.sender_name, organisation: s.organisation, subject: s.subject })),
    };
  });
}

/**
 * A self-sampling kit for every pupil of the outbreak's school class, handed out at the chosen distribution
 * point (or sent home with the pupils), with a message to each pupil's 1177 inbox. Pupils with a kit already
 * ordered are skipped, so ordering twice orders nothing more.
 */
export async function orderKitsForClass(ctx: AppContext, actor: Actor, outbreakId: string, distributionPointId: string) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const [o] = await tx.select().from(tracingOutbreaks).where(and(eq(tracingOutbreaks.regionId, regionId), eq(tracingOutbreaks.id, outbreakId)));
    if (!o) throw notFound('The outbreak');
    if (o.kind !== 'school_class' || !o.unitId || !o.schoolClass) throw conflict('Kits can be ordered for a school-class outbreak whose school and class are in the register');
    const [point] = await queryRows<{ name: string }>(tx, sql`SELECT name FROM distribution_points WHERE region_id = ${regionId} AND id = ${distributionPointId} AND active`);
    if (!point) throw invalid('distributionPointId', 'no such active distribution point in your region');
    const ordered = await queryRows<{ person_id: string }>(
      tx,
      sql`INSERT INTO kit_orders (region_id, person_id, test_type, distribution_point_id, ordered_at)
        SELECT p.region_id, p.id, 'pcr', ${distributionPointId}, ${now}::timestamptz FROM persons p
        WHERE p.region_id = ${regionId} AND p.school_id = ${o.unitId} AND lower(p.school_class) = lower(${o.schoolClass}) AND p.merged_into IS NULL
          AND NOT EXISTS (SELECT 1 FROM kit_orders k WHERE k.region_id = p.region_id AND k.person_id = p.id AND k.status = 'ordered')
        RETURNING person_id`,
    );
    for (const r of ordered)
      await sendMessage(tx, {
        regionId,
        channel: 'inbox',
        personId: r.person_id,
        to: r.person_id,
        subject: 'Självtest för covid-19 till eleverna i klassen',
        body: `Det finns fall av covid-19 i ${o.label}. Alla elever i klassen får ett självtest (${point.name}). Ta provet hemma och registrera det med QR-koden på 1177.se.`,
        idempotencyKey: `tracing-outbreak-kit:${outbreakId}:${r.person_id}`,
      });
    await recordMany(tx, actor, ordered.map((r) => ({ action: 'tracing.outbreak.kit-ordered', personId: r.person_id, purpose: 'utbrottsutredning', details: { outbreakId } })));
    return { ordered: ordered.length };
  });
}
