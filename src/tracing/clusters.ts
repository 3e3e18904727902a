import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import type { SettingKind } from './model.js';

export interface Cluster {
  kind: SettingKind;
  key: string;
  label: string;
  unitId: string | null;
  schoolClass: string | null;
  firstDate: string;
  lastDate: string;
  cases: number;
  caseIds: string[];
}

/**
 * Cases that shared a setting with no more than `windowDays` between one case and the next form a cluster
 * (gaps and islands over the settings index): one pass over a year of cases, no pairwise comparison. The
 * islands read only what the index covers (kind, key, date, case); a setting's label, unit and class are
 * fetched for the clusters found, from one of their own rows.
 */
export async function detectClusters(tx: Db, regionId: string, opts: { windowDays: number; minCases: number; since: string }): Promise<Cluster[]> {
  const rows = await queryRows<{ kind: SettingKind; key: string; label: string; unit_id: string | null; school_class: string | null; first_date: string; last_date: string; cases: number; case_ids: string[] }>(
    tx,
    sql`WITH ordered AS (
        SELECT kind, key, case_id, exposure_date,
          CASE WHEN exposure_date - lag(exposure_date) OVER (PARTITION BY kind, key ORDER BY exposure_date) > ${opts.windowDays} THEN 1 ELSE 0 END AS gap
        FROM tracing_case_settings WHERE region_id = ${regionId} AND exposure_date >= ${opts.since}::date),
      islands AS (
        SELECT *, sum(gap) OVER (PARTITION BY kind, key ORDER BY exposure_date ROWS UNBOUNDED PRECEDING) AS island FROM ordered),
      clusters AS (
        SELECT kind, key, min(exposure_date) AS first_date, max(exposure_date) AS last_date, count(*)::int AS cases, array_agg(case_id) AS case_ids
        FROM islands GROUP BY kind, key, island HAVING count(*) >= ${opts.minCases})
      SELECT c.kind, c.key, s.label, s.unit_id::text AS unit_id, s.school_class, c.first_date::text AS first_date, c.last_date::text AS last_date, c.cases, c.case_ids
      FROM clusters c
      CROSS JOIN LATERAL (SELECT label, unit_id, school_class FROM tracing_case_settings s
        WHERE s.region_id = ${regionId} AND s.case_id = c.case_ids[1] AND s.kind = c.kind AND s.key = c.key LIMIT 1) s
      ORDER BY c.cases DESC, c.last_date DESC`,
  );
  // A case has one row per setting (the key is region, case, kind, key), so the rows of an island are distinct
  // cases: count(*) and a plain array_agg. DISTINCT aggregates would sort every island apart, and a year of
  // cases has a million islands, most of them a single case (benchmark tracing-clusters).
  return rows.map((r) => ({ kind: r.kind, key: r.key, label: r.label, unitId: r.unit_id, schoolClass: r.school_class, firstDate: r.first_date, lastDate: r.last_date, cases: r.cases, caseIds: [...r.case_ids].sort() }));
}

/** Adds a case to the open outbreaks it shares a setting with; returns their labels (the outbreak grows). */
export async function joinOpenOutbreaks(tx: Db, regionId: string, caseId: string, at: string): Promise<string[]> {
  const joined = await queryRows<{ label: string }>(
    tx,
    sql`WITH matching AS (
        SELECT o.id, o.label FROM tracing_outbreaks o
        JOIN tracing_case_settings s ON s.region_id = o.region_id AND s.kind = o.kind AND s.key = o.key
        WHERE o.region_id = ${regionId} AND o.status = 'open' AND s.case_id = ${caseId}),
      added AS (
        INSERT INTO tracing_outbreak_cases (region_id, outbreak_id, case_id, added_at)
        SELECT ${regionId}, id, ${caseId}, ${at}::timestamptz FROM matching ON CONFLICT DO NOTHING)
      SELECT label FROM matching`,
  );
  return joined.map((j) => j.label);
}
