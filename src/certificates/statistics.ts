import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { queryRows } from '../platform/db/sql.js';
import { integer, L, text, type Table } from '../platform/files/export.js';
import { regionsInScope } from '../testing/statistics/common.js';
import { refusalRules, type RefusalRule } from './rules.js';

/**
 * Requests, issued certificates by kind, refusals by rule and paper certificates per region and month
 * (Swedish months), as in seed 000's table of recovery certificates per region. Counts of requests, no
 * personal data: the national analyst reads every region.
 */
export interface MonthRow {
  regionId: string;
  regionName: string;
  month: string;
  requests: number;
  issued: { vaccination: number; test: number; recovery: number };
  paper: number;
  refused: number;
  queued: number;
  rejected: number;
  refusedByRule: Partial<Record<RefusalRule, number>>;
  recovery: { requests: number; issued: number };
}

export async function certificateStatistics(ctx: AppContext, actor: Actor, q: { from: string; to: string; regionId?: string }) {
  const scope = regionsInScope(actor, q.regionId);
  const regionFilter = scope.regionIds === 'all' ? sql`true` : sql`r.region_id = ANY(${sql.param(scope.regionIds)}::text[])`;
  const period = sql`r.requested_at >= (${q.from}::date::timestamp AT TIME ZONE 'Europe/Stockholm') AND r.requested_at < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`;
  const month = sql`to_char(r.requested_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM')`;
  const db = ctx.database.db;
  const [rows, rules] = await Promise.all([
    queryRows<{ region_id: string; region_name: string; month: string; requests: number; vaccination: number; test: number; recovery: number; paper: number; refused: number; queued: number; rejected: number; recovery_requests: number; recovery_issued: number }>(
      db,
      sql`SELECT r.region_id, g.name AS region_name, ${month} AS month, count(*)::int AS requests,
          count(*) FILTER (WHERE r.status = 'issued' AND r.kind = 'vaccination')::int AS vaccination,
          count(*) FILTER (WHERE r.status = 'issued' AND r.kind = 'test')::int AS test,
          count(*) FILTER (WHERE r.status = 'issued' AND r.kind = 'recovery')::int AS recovery,
          count(*) FILTER (WHERE r.status = 'issued' AND r.paper)::int AS paper,
          count(*) FILTER (WHERE r.status = 'refused')::int AS refused,
          count(*) FILTER (WHERE r.status = 'queued')::int AS queued,
          count(*) FILTER (WHERE r.status = 'rejected')::int AS rejected,
          count(*) FILTER (WHERE r.kind = 'recovery')::int AS recovery_requests,
          count(*) FILTER (WHERE r.kind = 'recovery' AND r.status = 'issued')::int AS recovery_issued
        FROM certificate_requests r JOIN regions g ON g.id = r.region_id
        WHERE ${regionFilter} AND ${period}
        GROUP BY r.region_id, g.name, ${month} ORDER BY g.name, month`,
    ),
    queryRows<{ region_id: string; month: string; rule: RefusalRule; n: number }>(
      db,
      sql`SELECT r.region_id, ${month} AS month, r.rule, count(*)::int AS n FROM certificate_requests r
        WHERE ${regionFilter} AND ${period} AND r.status = 'refused' GROUP BY r.region_id, ${month}, r.rule`,
    ),
  ]);
  const byRule = new Map<string, Partial<Record<RefusalRule, number>>>();
  for (const r of rules) {
    const key = `${r.region_id} ${r.month}`;
    byRule.set(key, { ...byRule.get(key), [r.rule]: r.n });
  }
  const months: MonthRow[] = rows.map((r) => ({
    regionId: r.region_id,
    regionName: r.region_name,
    month: r.month,
    requests: r.requests,
    issued: { vaccination: r.vaccination, test: r.test, recovery: r.recovery },
    paper: r.paper,
    refused: r.refused,
    queued: r.queued,
    rejected: r.rejected,
    refusedByRule: byRule.get(`${r.region_id} ${r.month}`) ?? {},
    recovery: { requests: r.recovery_requests, issued: r.recovery_issued },
  }));
  return { from: q.from, to: q.to, national: scope.national, rules: refusalRules, rows: months };
}

/** The monthly table for the downloads (platform/files/downloads.ts). */
export const statisticsTables = (s: { rows: MonthRow[] }): Table[] => [
  {
    title: L('Intyg per månad', 'Certificates per month'),
    columns: [
      text('Region'),
      text('Månad', 'Month'),
      integer('Förfrågningar', 'Requests'),
      integer('Vaccinationsbevis', 'Vaccination certificates'),
      integer('Testbevis', 'Test certificates'),
      integer('Tillfrisknandebevis', 'Recovery certificates'),
      integer('Varav papper', 'Of which on paper'),
      integer('Avslag enligt regel', 'Refused by rule'),
      integer('Väntar på handläggare', 'Waiting for an officer'),
      integer('Avslagna efter granskning', 'Rejected after review'),
      ...refusalRules.map((r) => integer(`Avslag: ${r}`, `Refused: ${r}`)),
    ],
    rows: s.rows.map((r) => [r.regionName, r.month, r.requests, r.issued.vaccination, r.issued.test, r.issued.recovery, r.paper, r.refused, r.queued, r.rejected, ...refusalRules.map((rule) => r.refusedByRule[rule] ?? 0)]),
  },
];
