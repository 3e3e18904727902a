import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { personalDataScope } from '../platform/auth/permissions.js';
import { record, recordMany } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { notFound } from '../platform/errors.js';
import { isoWeekOf } from '../testing/rules.js';
import { weekRange } from '../testing/statistics/common.js';
import { contactsOf } from '../identity/contacts.js';
import { tracingConfigOf } from './config.js';
import { sequencingReasons, type SequencingReason } from './rules.js';

/** A vaccinated person's positive counts as a breakthrough from this many days after the dose. */
const BREAKTHROUGH_AFTER_DAYS = 14;

/**
 * Re-reads what is known about the cases (questionnaire, outbreaks, reinfection, vaccinations, severity) and
 * flags those meeting the region's criteria for sequencing. Set-based: one read for any number of cases.
 * A flag never disappears once a variant is recorded.
 */
export async function refreshSequencing(tx: Db, regionId: string, caseIds: string[], now: Date): Promise<void> {
  if (caseIds.length === 0) return;
  const config = (await tracingConfigOf(tx, regionId)).sequencing;
  const facts = await queryRows<{ id: string; travel: boolean; cluster: boolean; reinfection: boolean; breakthrough: boolean; severe: boolean }>(
    tx,
    sql`SELECT c.id,
        coalesce(q.travelled_abroad, false) AS travel,
        EXISTS (SELECT 1 FROM tracing_outbreak_cases o WHERE o.region_id = c.region_id AND o.case_id = c.id) AS cluster,
        c.possible_reinfection AS reinfection,
        EXISTS (SELECT 1 FROM vaccination_doses d WHERE d.region_id = c.region_id AND d.person_id = c.person_id AND d.vaccine = 'covid-19'
                AND d.administered_at <= c.positive_taken_at - make_interval(days => ${BREAKTHROUGH_AFTER_DAYS})) AS breakthrough,
        c.severe_illness AS severe
      FROM tracing_cases c LEFT JOIN tracing_questionnaires q ON q.region_id = c.region_id AND q.case_id = c.id
      WHERE c.region_id = ${regionId} AND c.id = ANY(${sql.param(caseIds)}::uuid[])`,
  );
  const flagged = facts.map((f) => ({
    id: f.id,
    reasons: sequencingReasons({ travelAbroad: f.travel, cluster: f.cluster, reinfection: f.reinfection, vaccineBreakthrough: f.breakthrough, severeIllness: f.severe }, config),
  }));
  const keep = flagged.filter((f) => f.reasons.length > 0);
  if (keep.length > 0) {
    await tx.execute(sql`INSERT INTO tracing_sequencing (region_id, case_id, reasons, flagged_at)
      SELECT ${regionId}, id, string_to_array(reasons, ','), ${now.toISOString()}::timestamptz
      FROM unnest(${sql.param(keep.map((f) => f.id))}::uuid[], ${sql.param(keep.map((f) => f.reasons.join(',')))}::text[]) AS t(id, reasons)
      ON CONFLICT (region_id, case_id) DO UPDATE SET reasons = excluded.reasons`);
  }
  const cleared = flagged.filter((f) => f.reasons.length === 0).map((f) => f.id);
  if (cleared.length > 0) await tx.execute(sql`DELETE FROM tracing_sequencing WHERE region_id = ${regionId} AND case_id = ANY(${sql.param(cleared)}::uuid[]) AND variant IS NULL`);
}

/** The positives flagged for sequencing, newest first, with the criteria each met. */
export async function flaggedForSequencing(ctx: AppContext, actor: Actor) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const rows = await queryRows<{ case_id: string; person_id: string; positive_taken_at: string; reasons: SequencingReason[]; variant: string | null }>(
      tx,
      sql`SELECT s.case_id, c.person_id, c.positive_taken_at, s.reasons, s.variant FROM tracing_sequencing s
        JOIN tracing_cases c ON c.region_id = s.region_id AND c.id = s.case_id
        WHERE s.region_id = ${regionId} ORDER BY s.variant IS NOT NULL, c.positive_taken_at DESC LIMIT 500`,
    );
    const contacts = await contactsOf(tx, regionId, rows.map((r) => r.person_id));
    await recordMany(tx, actor, rows.map((r) => ({ action: 'tracing.sequencing.listed', personId: r.person_id, purpose: 'urval för sekvensering' })));
    return rows.map((r) => ({ caseId: r.case_id, name: contacts.get(r.person_id)?.name ?? '', positiveTakenAt: toIso(r.positive_taken_at), reasons: r.reasons, variant: r.variant }));
  });
}

/** The lab's variant for a sequenced positive, counted in the week it was recorded. */
export async function recordVariant(ctx: AppContext, actor: Actor, caseId: string, variant: string) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await queryRows<{ person_id: string }>(
      tx,
      sql`UPDATE tracing_sequencing s SET variant = ${variant}, variant_recorded_at = ${now.toISOString()}::timestamptz, variant_week = ${isoWeekOf(now)}
        FROM tracing_cases c WHERE s.region_id = ${regionId} AND s.case_id = ${caseId} AND c.region_id = s.region_id AND c.id = s.case_id RETURNING c.person_id`,
    );
    if (!row) throw notFound('A case flagged for sequencing');
    await record(tx, actor, { action: 'tracing.sequencing.variant-recorded', personId: row.person_id, purpose: 'sekvensering', details: { caseId, variant } });
    return { caseId, variant };
  });
}

/** Variants per week, for Smittskydd's follow-up (aggregates only). */
export async function variantsPerWeek(ctx: AppContext, actor: Actor, from: string, to: string) {
  weekRange(from, to);
  const rows = await ctx.database.query<{ week: string; variant: string; count: number }>(
    `SELECT variant_week AS week, variant, count(*)::int AS count FROM tracing_sequencing
      WHERE region_id = $1 AND variant_week BETWEEN $2 AND $3 GROUP BY variant_week, variant ORDER BY variant_week, variant`,
    [actor.regionId, from, to],
  );
  return { weeks: rows };
}
