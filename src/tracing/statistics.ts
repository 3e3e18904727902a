import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { dayRange, regionsInScope } from '../testing/statistics/common.js';

const hours = (v: number | null) => (v === null ? null : Math.round(v * 10) / 10);

/**
 * The week's tracing, by the week a case was opened (Swedish time): cases, contacts per case, the share
 * reached within the deadlines, and hours from the answer to the first call (median and 90th percentile).
 * Aggregates only, so the national analyst may read every region's.
 */
export async function tracingStatistics(ctx: AppContext, actor: Actor, q: { from: string; to: string; regionId?: string | undefined }) {
  dayRange(q.from, q.to, 750);
  const { regionIds } = regionsInScope(actor, q.regionId);
  const inScope = regionIds === 'all' ? sql`true` : sql`c.region_id = ANY(${sql.param(regionIds)}::text[])`;
  const from = sql`(${q.from}::date::timestamp AT TIME ZONE 'Europe/Stockholm')`;
  const to = sql`((${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`;
  const weeks = await queryRows<{ week: string; cases: number; contacts: number; reached: number; due: number; questionnaire_in_time: number; median_h: number | null; p90_h: number | null }>(
    ctx.database.db,
    sql`SELECT to_char(c.opened_at AT TIME ZONE 'Europe/Stockholm', 'IYYY-"W"IW') AS week, count(*)::int AS cases,
        coalesce(sum(k.n), 0)::int AS contacts,
        count(*) FILTER (WHERE c.first_call_at <= c.first_call_due_at)::int AS reached,
        count(*) FILTER (WHERE c.first_call_at IS NOT NULL OR c.first_call_due_at < ${ctx.clock.now().toISOString()}::timestamptz)::int AS due,
        count(*) FILTER (WHERE c.questionnaire_sent_at <= c.questionnaire_due_at)::int AS questionnaire_in_time,
        percentile_cont(0.5) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_call_at - c.result_at) / 3600) AS median_h,
        percentile_cont(0.9) WITHIN GROUP (ORDER BY extract(epoch FROM c.first_call_at - c.result_at) / 3600) AS p90_h
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
      contacts: w.contacts,
      contactsPerCase: w.cases ? Math.round((w.contacts / w.cases) * 100) / 100 : 0,
      reachedInTime: w.due ? w.reached / w.due : null,
      questionnaireInTime: w.cases ? w.questionnaire_in_time / w.cases : 0,
      medianHoursToFirstContact: hours(w.median_h),
      p90HoursToFirstContact: hours(w.p90_h),
    })),
    outbreaksBySetting: outbreaks,
  };
}

/**
 * For the indicator "share of cases reached within 24 hours": of the region's cases answered in the period
 * (Swedish days) whose 24 hours have passed by `now`, those whose first call came within 24 hours of the answer.
 */
export async function reachedWithin24h(tx: Db, regionId: string, from: string, to: string, now: Date): Promise<{ numerator: number; denominator: number }> {
  const [r] = await queryRows<{ due: number; reached: number }>(
    tx,
    sql`SELECT count(*)::int AS due, count(*) FILTER (WHERE first_call_at <= result_at + interval '24 hours')::int AS reached
      FROM tracing_cases
      WHERE region_id = ${regionId} AND result_at >= (${from}::date::timestamp AT TIME ZONE 'Europe/Stockholm')
        AND result_at < ((${to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm') AND result_at + interval '24 hours' <= ${now.toISOString()}::timestamptz`,
  );
  return { numerator: r!.reached, denominator: r!.due };
}
