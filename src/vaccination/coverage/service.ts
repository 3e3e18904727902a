import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { queryRows } from '../../platform/db/sql.js';
import { invalid } from '../../platform/errors.js';
import { calendarDateInStockholm } from '../../identity/identity-number.js';
import { regionsInScope, tuneForReport, weekRange, weeksBetween } from '../../testing/statistics/common.js';
import type { Vaccine } from '../model.js';
import { dayBounds } from '../recommendations/dates.js';
import { ageGroupSql, ageGroups } from './age-groups.js';
import { isSmallGroup } from '../../privacy/suppression.js';

export const coverageDimensions = ['ageGroup', 'municipality', 'postalArea', 'region'] as const;
export type CoverageDimension = (typeof coverageDimensions)[number];

/** Doses counted separately; a fifth or later dose counts as having reached 1–4 (and is listed under 4). */
export const MAX_DOSE = 4;
/** A group is flagged when its coverage is below this share of the whole scope's (unless a fixed threshold is asked for). */
export const LOW_RELATIVE = 0.8;
/** Smaller groups are not flagged: a handful of people moves their share too much to target outreach by. */
export const MIN_POPULATION_TO_FLAG = 20;

export interface CoverageQuery {
  vaccine: Vaccine;
  by: CoverageDimension;
  /** Coverage of this dose over time and for the low-coverage flag. */
  dose: number;
  from: string;
  to: string;
  asOf?: string;
  lowBelow?: number;
  regionId?: string;
}

export interface CoverageRow {
  key: string;
  label: string;
  population: number;
  /** People with at least 1, 2, … MAX_DOSE doses; null when suppressed. */
  vaccinated: (number | null)[];
  coverage: (number | null)[];
  low: boolean;
  suppressed: boolean;
}

const groupKey = (by: CoverageDimension, asOf: string): SQL => {
  switch (by) {
    case 'ageGroup':
      return ageGroupSql(sql`p.birth_date`, sql`${asOf}::date`);
    case 'municipality':
      return sql`coalesce(p.municipality_code, 'unknown')`;
    case 'postalArea':
      return sql`coalesce(left(p.postal_code, 3), 'unknown')`;
    case 'region':
      return sql`p.region_id`;
  }
};

/**
 * Vaccination coverage of the population register by age group, municipality, postcode area (first three
 * digits) or region: people with at least n doses per group as of a day, and the chosen dose's coverage week by
 * week. Low-coverage groups are flagged for outreach. Staff see their region; the national analyst all regions,
 * in aggregate only, with small groups suppressed.
 */
export async function coverageReport(ctx: AppContext, actor: Actor, q: CoverageQuery) {
  weekRange(q.from, q.to);
  if (q.dose < 1 || q.dose > MAX_DOSE) throw invalid('dose', `1 to ${MAX_DOSE}`);
  const asOf = q.asOf ?? calendarDateInStockholm(ctx.clock.now());
  const scope = regionsInScope(actor, q.regionId);
  const national = actor.role === 'national_analyst';
  const regions = scope.regionIds === 'all' ? sql`TRUE` : sql`region_id = ANY(${sql.param(scope.regionIds)}::text[])`;
  const end = dayBounds(asOf).end;
  const base = sql`WITH p AS (SELECT region_id, id, ${groupKey(q.by, asOf)} AS grp FROM persons p WHERE ${regions} AND merged_into IS NULL),
    reach AS (SELECT d.region_id, d.person_id, gs.n, min(d.administered_at) AS at
      FROM vaccination_doses d CROSS JOIN LATERAL generate_series(1, least(d.dose_number, ${MAX_DOSE})) AS gs(n)
      WHERE ${regions} AND d.vaccine = ${q.vaccine} AND d.administered_at < ${end}::timestamptz GROUP BY 1, 2, 3)`;
  return ctx.database.db.transaction(async (tx) => {
    await tuneForReport(ctx.database, tx);
    const population = await queryRows<{ grp: string; n: number }>(tx, sql`${base} SELECT grp, count(*)::int AS n FROM p GROUP BY grp`);
    const reached = await queryRows<{ grp: string; n: number; people: number }>(tx, sql`${base} SELECT p.grp, r.n, count(*)::int AS people FROM reach r JOIN p ON p.region_id = r.region_id AND p.id = r.person_id GROUP BY 1, 2`);
    const weekly = await queryRows<{ grp: string; week: string; people: number }>(
      tx,
      sql`${base} SELECT p.grp, to_char(r.at AT TIME ZONE 'Europe/Stockholm', 'IYYY-"W"IW') AS week, count(*)::int AS people
        FROM reach r JOIN p ON p.region_id = r.region_id AND p.id = r.person_id WHERE r.n = ${q.dose} GROUP BY 1, 2`,
    );
    const labels = await labelsFor(tx, q.by, population.map((p) => p.grp));
    const totalPopulation = population.reduce((a, p) => a + p.n, 0);
    const totalReached = reached.filter((r) => r.n === q.dose).reduce((a, r) => a + r.people, 0);
    const overall = totalPopulation === 0 ? null : totalReached / totalPopulation;
    const threshold = q.lowBelow ?? (overall === null ? null : overall * LOW_RELATIVE);
    const order = q.by === 'ageGroup' ? [...ageGroups.map((g) => g.key as string), 'unknown'] : null;
    const rows: CoverageRow[] = population
      .map((p) => {
        // For the national analyst, small groups show no counts (privacy/suppression.ts: the rule every national figure follows).
        const suppressed = national && isSmallGroup(p.n);
        const vaccinated = Array.from({ length: MAX_DOSE }, (_, i) => (suppressed ? null : (reached.find((r) => r.grp === p.grp && r.n === i + 1)?.people ?? 0)));
        const coverage = vaccinated.map((v) => (v === null || p.n === 0 ? null : v / p.n));
        const share = coverage[q.dose - 1];
        return { key: p.grp, label: labels.get(p.grp) ?? p.grp, population: p.n, vaccinated, coverage, suppressed, low: !suppressed && threshold !== null && share !== null && share !== undefined && p.n >= MIN_POPULATION_TO_FLAG && share < threshold };
      })
      .sort((a, b) => (order ? order.indexOf(a.key) - order.indexOf(b.key) : a.label.localeCompare(b.label, 'sv')));
    // Over time: cumulative share per group at the end of each week (people reached before `from` count from the start).
    const weeks = weeksBetween(q.from, q.to);
    const series = rows
      .filter((r) => !r.suppressed)
      .map((r) => {
        const mine = weekly.filter((w) => w.grp === r.key);
        let cumulative = mine.filter((w) => w.week < q.from).reduce((a, w) => a + w.people, 0);
        return {
          key: r.key,
          label: r.label,
          points: weeks.map((week) => {
            cumulative += mine.find((w) => w.week === week)?.people ?? 0;
            return { week, vaccinated: cumulative, coverage: r.population === 0 ? null : cumulative / r.population };
          }),
        };
      });
    return { vaccine: q.vaccine, by: q.by, dose: q.dose, asOf, from: q.from, to: q.to, regions: scope.regionIds, overall: { population: totalPopulation, vaccinated: totalReached, coverage: overall }, lowThreshold: threshold, rows, weeks, series };
  });
}

async function labelsFor(tx: Parameters<typeof queryRows>[0], by: CoverageDimension, keys: string[]): Promise<Map<string, string>> {
  const names = new Map<string, string>([['unknown', 'Okänd']]);
  if (by === 'ageGroup') for (const g of ageGroups) names.set(g.key, g.key === '80+' ? '80 år och äldre' : `${g.key.replace('-', '–')} år`);
  if (by === 'municipality') for (const m of await queryRows<{ code: string; name: string }>(tx, sql`SELECT code, name FROM municipalities WHERE code = ANY(${sql.param(keys)}::text[])`)) names.set(m.code, m.name);
  if (by === 'region') for (const r of await queryRows<{ id: string; name: string }>(tx, sql`SELECT id, name FROM regions WHERE id = ANY(${sql.param(keys)}::text[])`)) names.set(r.id, r.name);
  if (by === 'postalArea') for (const k of keys) if (k !== 'unknown') names.set(k, `${k} xx`);
  return names;
}

export type CoverageReport = Awaited<ReturnType<typeof coverageReport>>;
