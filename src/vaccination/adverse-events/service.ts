import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { personalDataScope, requirePermission } from '../../platform/auth/permissions.js';
import { record, recordMany } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { resolveInRegion } from '../../platform/db/resolve.js';
import { queryRows, toIso } from '../../platform/db/sql.js';
import { AppError } from '../../platform/errors.js';
import { findPerson } from '../../identity/store.js';
import { vaccinationDoses } from '../model.js';
import { childrenOf } from '../people.js';
import { productOf } from '../products.js';
import { vaccinationAdverseEvents, type AdverseEventReporter } from './model.js';
import { adverseEventProblems, seriousCriteria, symptoms, type AdverseEventInput } from './rules.js';
import { adverseEventKey, queueAdverseEventReport } from './transport.js';

type Dose = typeof vaccinationDoses.$inferSelect;
const ADVERSE_KEY_PREFIX = adverseEventKey('');

/** The lists a reporter picks from, in both languages. */
export const adverseEventTerms = () => ({ symptoms: [...symptoms], seriousCriteria: [...seriousCriteria] });

const notTheirDose = () => new AppError('not-found', 'doseId: no dose of this person with this id in your region', 'doseId');

/** Checks the report against the dose, stores it, audits it and queues it for Läkemedelsverket, in the caller's transaction. */
async function store(ctx: AppContext, tx: Db, actor: Actor, dose: Dose, input: AdverseEventInput, reporter: AdverseEventReporter) {
  const problems = adverseEventProblems(input, dose, ctx.clock.now());
  if (problems.length > 0) throw new AppError('invalid', problems.map((p) => p.message).join('; '), problems);
  const [row] = await tx
    .insert(vaccinationAdverseEvents)
    .values({ regionId: dose.regionId, doseId: dose.id, personId: dose.personId, reporter, reportedBy: actor.id, symptoms: input.symptoms, description: input.description?.trim() || null, onsetAt: new Date(input.onsetAt).toISOString(), serious: input.serious, seriousCriteria: input.seriousCriteria, reportedAt: ctx.clock.now().toISOString() })
    .returning();
  await record(tx, actor, { action: 'vaccination.adverse-event.reported', personId: dose.personId, purpose: 'rapport om misstänkt biverkning', details: { adverseEventId: row!.id, doseId: dose.id, serious: input.serious } });
  await queueAdverseEventReport(tx, dose.regionId, row!.id);
  return (await viewsOf(tx, dose.regionId, [row!.id]))[0]!;
}

/** The vaccinator reports for a person they vaccinated: the dose must be that person's, in the region. */
export async function reportAsStaff(ctx: AppContext, actor: Actor, personId: string, input: AdverseEventInput & { doseId: string }) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const person = await findPerson(tx, regionId, personId);
    if (!person) throw new AppError('not-found', 'personId: no person with this id in your region', 'personId');
    const dose = await resolveInRegion(tx, vaccinationDoses, regionId, input.doseId, { field: 'doseId', what: 'dose' });
    if (dose.personId !== person.id) throw notTheirDose();
    return store(ctx, tx, actor, dose, input, 'healthcare');
  });
}

/** The citizen reports after their own dose or their child's. */
export async function reportAsCitizen(ctx: AppContext, citizen: Actor, input: AdverseEventInput & { doseId: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const dose = await resolveInRegion(tx, vaccinationDoses, citizen.regionId, input.doseId, { field: 'doseId', what: 'dose' });
    const mine = [citizen.id, ...(await childrenOf(tx, citizen.regionId, citizen.id, ctx.clock.now()))];
    if (!mine.includes(dose.personId)) throw notTheirDose();
    return store(ctx, tx, citizen, dose, input, 'citizen');
  });
}

/** A person's reports for staff, newest first; an audited read. */
export async function personAdverseEvents(ctx: AppContext, actor: Actor, personId: string) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const person = await findPerson(tx, regionId, personId);
    if (!person) throw new AppError('not-found', 'personId: no person with this id in your region', 'personId');
    const reports = await viewsOf(tx, regionId, await idsOf(tx, regionId, [person.id]));
    // Audited as delivered: an empty list shows nothing of the person (src/platform/http/read-audit.int.test.ts).
    if (reports.length) await record(tx, actor, { action: 'vaccination.adverse-events.read', personId: person.id, purpose: 'uppföljning av biverkningsrapport' });
    return { reports };
  });
}

/** The citizen's own reports and their children's. */
export async function myAdverseEvents(ctx: AppContext, citizen: Actor) {
  return ctx.database.db.transaction(async (tx) => {
    const ids = [citizen.id, ...(await childrenOf(tx, citizen.regionId, citizen.id, ctx.clock.now()))];
    const reports = await viewsOf(tx, citizen.regionId, await idsOf(tx, citizen.regionId, ids));
    await recordMany(tx, citizen, [...new Set(reports.map((r) => r.personId))].map((personId) => ({ action: 'vaccination.adverse-events.read', personId, purpose: personId === citizen.id ? 'egna biverkningsrapporter' : 'vårdnadshavare: barnets biverkningsrapporter' })));
    return { reports };
  });
}

/** Reports per product and batch: counts only, no person. */
export async function adverseEventStatistics(ctx: AppContext, actor: Actor) {
  requirePermission(actor, 'vaccination.adverse-events.statistics');
  const rows = await queryRows<{ product_code: string; batch_number: string; reports: number; serious: number; received: number; doses: number }>(
    ctx.database.db,
    sql`WITH ev AS (
          SELECT d.product_code, d.batch_number, count(*)::int AS reports, count(*) FILTER (WHERE e.serious)::int AS serious, count(e.received_at)::int AS received
          FROM vaccination_adverse_events e JOIN vaccination_doses d ON d.region_id = e.region_id AND d.id = e.dose_id
          WHERE e.region_id = ${actor.regionId} GROUP BY 1, 2)
        SELECT ev.*, (SELECT count(*)::int FROM vaccination_doses d WHERE d.region_id = ${actor.regionId} AND d.product_code = ev.product_code AND d.batch_number = ev.batch_number) AS doses
        FROM ev ORDER BY ev.reports DESC, ev.product_code, ev.batch_number`,
  );
  return {
    batches: rows.map((r) => ({ productCode: r.product_code, productName: productOf(r.product_code)?.name ?? r.product_code, batchNumber: r.batch_number, reports: r.reports, serious: r.serious, received: r.received, doses: r.doses })),
  };
}

async function idsOf(tx: Db, regionId: string, personIds: string[]) {
  const rows = await tx.select({ id: vaccinationAdverseEvents.id }).from(vaccinationAdverseEvents).where(and(eq(vaccinationAdverseEvents.regionId, regionId), inArray(vaccinationAdverseEvents.personId, personIds)));
  return rows.map((r) => r.id);
}

interface Row {
  id: string;
  dose_id: string;
  person_id: string;
  reporter: AdverseEventReporter;
  symptoms: string[];
  description: string | null;
  onset_at: string;
  serious: boolean;
  serious_criteria: string[];
  reported_at: string;
  received_at: string | null;
  receipt_reference: string | null;
  vaccine: string;
  product_code: string;
  batch_number: string;
  dose_number: number;
  administered_at: string;
  delivery: 'pending' | 'delivered' | 'failed' | null;
  last_error: string | null;
}

/** Reports with their dose and where their delivery to Läkemedelsverket stands. */
async function viewsOf(tx: Db, regionId: string, ids: string[]) {
  if (ids.length === 0) return [];
  const rows = await queryRows<Row>(
    tx,
    sql`SELECT e.id, e.dose_id, e.person_id, e.reporter, e.symptoms, e.description, e.onset_at::text AS onset_at, e.serious, e.serious_criteria,
        e.reported_at::text AS reported_at, e.received_at::text AS received_at, e.receipt_reference,
        d.vaccine, d.product_code, d.batch_number, d.dose_number, d.administered_at::text AS administered_at, o.status AS delivery, o.last_error
      FROM vaccination_adverse_events e
      JOIN vaccination_doses d ON d.region_id = e.region_id AND d.id = e.dose_id
      LEFT JOIN outbox o ON o.region_id = e.region_id AND o.idempotency_key = ${ADVERSE_KEY_PREFIX} || e.id::text
      WHERE e.region_id = ${regionId} AND e.id = ANY(${sql.param(ids)}::uuid[])
      ORDER BY e.reported_at DESC, e.id`,
  );
  return rows.map((r) => ({
    id: r.id,
    doseId: r.dose_id,
    personId: r.person_id,
    reporter: r.reporter,
    symptoms: r.symptoms,
    description: r.description,
    onsetAt: toIso(r.onset_at),
    serious: r.serious,
    seriousCriteria: r.serious_criteria,
    reportedAt: toIso(r.reported_at),
    status: r.received_at ? ('received' as const) : r.delivery === 'failed' ? ('failed' as const) : ('queued' as const),
    receipt: r.received_at ? { reference: r.receipt_reference, receivedAt: toIso(r.received_at) } : null,
    lastError: r.received_at ? null : r.last_error,
    dose: { vaccine: r.vaccine, productCode: r.product_code, productName: productOf(r.product_code)?.name ?? r.product_code, batchNumber: r.batch_number, doseNumber: r.dose_number, administeredAt: toIso(r.administered_at) },
  }));
}
