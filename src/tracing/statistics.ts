import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { dayRange, regionsInScope } from '../testing/statistics/common.js';

const hours = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/** A share with what it is counted from, so that "100 %" of one case never reads like 100 % of all. */
export interface Share {
  numerator: number;
  denominator: number;
  /** numerator / denominator, or null when nothing was due. */
  share: number | null;
}
const shareOf = (numerator: number, denominator: number): Share => ({ numerator, denominator, share: denominator ? numerator / denominator : null });

/** The start of the clock for the first call: the lab's answer (cases opened before answers were kept: their opening). */
const clockStart = sql`coalesce(c.result_at, c.opened_at)`;

/**
 * The one definition of a deadline met, for the weekly statistics and the indicator alike. A case is due once its
 * deadline has passed by `now`, reached or not: an unreached case is late and stays in the denominator. It is
 * reached in time when done by the deadline. A case whose deadline is still ahead is in neither (pending), even if
 * already called, so the share of a week in progress is not made of its early calls only.
 */
function deadlineMet(deadline: SQL, doneAt: SQL, now: Date) {
  const due = sql`${deadline} <= ${now.toISOString()}::timestamptz`;
  return { due, met: sql`${due} AND ${doneAt} <= ${deadline}` };
}

const firstCall = (now: Date) => deadlineMet(sql`c.first_call_due_at`, sql`c.first_call_at`, now);
const within24h = (now: Date) => deadlineMet(sql`${clockStart} + interval '24 hours'`, sql`c.first_call_at`, now);
const questionnaire = (now: Date) => deadlineMet(sql`c.questionnaire_due_at`, sql`c.questionnaire_sent_at`, now);

/**
 * The week's tracing, by the week a case was opened (Swedish time): cases, contacts per case, the share of the
 * due cases reached by the first-call deadline and of the questionnaires sent in time (each with its numerator
 * and denominator), and the hours from the answer to the first call over the due cases (median and 90th
 * percentile). A due case not yet called counts with the hours it has waited so far, so while any is unreached
 * the hours are a lower bound (`hoursAtLeast`). Aggregates only, so the national analyst may read every region's.
 */
export async function tracingStatistics(ctx: AppContext, actor: Actor, q: { from: string; to: string; regionId?: string | undefined }) {
  dayRange(q.from, q.to, 750);
  const { regionIds } = regionsInScope(actor, q.regionId);
  const now = ctx.clock.now();
  const inScope = regionIds === 'all' ? sql`true` : sql`c.region_id = ANY(${sql.param(regionIds)}::text[])`;
  const from = sql`(${q.from}::date::timestamp AT TIME ZONE 'Europe/Stockholm')`;
  const to = sql`((${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`;
  const call = firstCall(now);
  const form = questionnaire(now);
  const waited = sql`extract(epoch FROM least(coalesce(c.first_call_at, ${now.toISOString()}::timestamptz), ${now.toISOString()}::timestamptz) - ${clockStart}) / 3600`;
  const weeks = await queryRows<{
    week: string;
    cases: number;
    at_unit: number;
    contacts: number;
    due: number;
    reached: number;
    not_reached: number;
    questionnaire_due: number;
    questionnaire_in_time: number;
    median_h: number | null;
    p90_h: number | null;
  }>(
    ctx.database.db,
    sql`SELECT to_char(c.opened_at AT TIME ZONE 'Europe/Stockholm', 'IYYY-"W"IW') AS week, count(*)::int AS cases,
        count(*) FILTER (WHERE c.handling_unit_id IS NOT NULL)::int AS at_unit,
        coalesce(sum(k.n), 0)::int AS contacts,
        count(*) FILTER (WHERE ${call.due})::int AS due,
        count(*) FILTER (WHERE ${call.met})::int AS reached,
        count(*) FILTER (WHERE ${call.due} AND c.first_call_at IS NULL)::int AS not_reached,
        count(*) FILTER (WHERE ${form.due})::int AS questionnaire_due,
        count(*) FILTER (WHERE ${form.met})::int AS questionnaire_in_time,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY ${waited}) FILTER (WHERE ${call.due}) AS median_h,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY ${waited}) FILTER (WHERE ${call.due}) AS p90_h
      FROM tracing_cases c
      LEFT JOIN LATERAL (SELECT count(*) AS n FROM tracing_contacts t WHERE t.region_id = c.region_id AND t.case_id = c.id) k ON true
      WHERE ${inScope} AND c.opened_at >= ${from} AND c.opened_at < ${to}
      GROUP BY 1 ORDER BY 1`,
  );
  const outbreaks = await queryRows<{ kind: string; outbreaks: number }>(
    ctx.database.db,
    sql`SELECT c.kind, count(*)::int AS outbreaks FROM tracing_outbreaks c WHERE ${inScope} AND c.confirmed_at >= ${from} AND c.confirmed_at < ${to} GROUP BY c.kind ORDER BY 2 DESC`,
  );
  return {
    weeks: weeks.map((w) => ({
      week: w.week,
      cases: w.cases,
      casesAtVardcentral: w.at_unit,
      contacts: w.contacts,
      contactsPerCase: w.cases ? Math.round((w.contacts / w.cases) * 100) / 100 : 0,
      reachedInTime: shareOf(w.reached, w.due),
      notReached: w.not_reached,
      pending: w.cases - w.due,
      questionnaireInTime: shareOf(w.questionnaire_in_time, w.questionnaire_due),
      medianHoursToFirstContact: hours(w.median_h),
      p90HoursToFirstContact: hours(w.p90_h),
      hoursAtLeast: w.not_reached > 0,
    })),
    outbreaksBySetting: outbreaks,
  };
}

/**
 * For the indicator "share of cases reached within 24 hours": of the region's cases answered in the period
 * (Swedish days) whose 24 hours have passed by `now`, those whose first call came within 24 hours of the answer
 * (the statistics' definition of a deadline met, with the deadline 24 hours after the answer).
 */
export async function reachedWithin24h(tx: Db, regionId: string, from: string, to: string, now: Date): Promise<{ numerator: number; denominator: number }> {
  const call = within24h(now);
  const [r] = await queryRows<{ due: number; reached: number }>(
    tx,
    sql`SELECT count(*) FILTER (WHERE ${call.due})::int AS due, count(*) FILTER (WHERE ${call.met})::int AS reached
      FROM tracing_cases c
      WHERE c.region_id = ${regionId} AND ${clockStart} >= (${from}::date::timestamp AT TIME ZONE 'Europe/Stockholm')
        AND ${clockStart} < ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`,
  );
  return { numerator: r!.reached, denominator: r!.due };
}
