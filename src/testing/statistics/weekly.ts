import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/sql.js';
import { testTypes, type TestType } from '../model.js';
import { regionsInScope, weekRange, weeksBetween } from './common.js';

/** Who took the samples: the region itself, or other providers on the region's behalf (reported apart). */
export type ProviderGroup = 'region' | 'other';

export interface WeeklyRow {
  regionId: string;
  regionName: string;
  week: string;
  testType: TestType;
  provider: ProviderGroup;
  tests: number;
  /** Distinct people tested that week with that test type (a person tested twice counts once). */
  individuals: number;
  positive: number;
  negative: number;
  notAssessable: number;
  pending: number;
  /** Positive of assessed (positive + negative), 0–1; null when none were assessed. */
  sharePositive: number | null;
  individualsPer100k: number | null;
  /** Declared capacity of the region's labs and stations that week (sum of test_capacity); null on the other providers' rows. */
  capacity: number | null;
}

export interface RegionDenominator {
  regionId: string;
  regionName: string;
  population: number;
  /** Where the per-100,000 denominator comes from. */
  source: 'regions.population';
  note: string | null;
}

export interface WeeklyReport {
  from: string;
  to: string;
  weeks: string[];
  regions: RegionDenominator[];
  rows: WeeklyRow[];
  /** For the national analyst: the whole country per week, test type and provider group; null otherwise. */
  national: WeeklyRow[] | null;
}

interface AggRow {
  region_id: string;
  taken_week: string;
  test_type: TestType;
  other: boolean;
  tests: number;
  individuals: number;
  positive: number;
  negative: number;
  not_assessable: number;
  pending: number;
}

/**
 * The report's one read: the weekly counters that triggers on `samples` keep current (migration 0005),
 * a few hundred rows for a region's year however many samples lie behind them.
 */
export async function aggregateWeeks(tx: Db, regionIds: string[] | 'all', from: string, to: string): Promise<AggRow[]> {
  const regionFilter = regionIds === 'all' ? sql`` : sql`region_id = ANY(${sql.param(regionIds)}::text[]) AND `;
  return queryRows<AggRow>(
    tx,
    sql`SELECT region_id, week AS taken_week, test_type, other, tests, individuals, positive, negative, not_assessable, pending
        FROM test_week_counts
        WHERE ${regionFilter}week BETWEEN ${from} AND ${to}`,
  );
}

const share = (positive: number, negative: number) => (positive + negative === 0 ? null : positive / (positive + negative));
const per100k = (n: number, population: number) => (population > 0 ? (n * 100_000) / population : null);

export async function weeklyReport(ctx: AppContext, actor: Actor, q: { from: string; to: string; regionId?: string | undefined }): Promise<WeeklyReport> {
  weekRange(q.from, q.to);
  const scope = regionsInScope(actor, q.regionId);
  const weeks = weeksBetween(q.from, q.to);
  return ctx.database.db.transaction(async (tx) => {
    const regionFilter = scope.regionIds === 'all' ? sql`` : sql`WHERE id = ANY(${sql.param(scope.regionIds)}::text[])`;
    const regions = await queryRows<{ id: string; name: string; population: number }>(tx, sql`SELECT id, name, population FROM regions ${regionFilter} ORDER BY id`);
    const agg = await aggregateWeeks(tx, scope.regionIds, q.from, q.to);
    const capFilter = scope.regionIds === 'all' ? sql`` : sql`region_id = ANY(${sql.param(scope.regionIds)}::text[]) AND `;
    const caps = await queryRows<{ region_id: string; iso_week: string; test_type: TestType; capacity: number }>(
      tx,
      sql`SELECT region_id, iso_week, test_type, sum(tests_per_week)::int AS capacity FROM test_capacity
          WHERE ${capFilter}iso_week BETWEEN ${q.from} AND ${q.to} GROUP BY region_id, iso_week, test_type`,
    );
    const capOf = new Map(caps.map((c) => [`${c.region_id}|${c.iso_week}|${c.test_type}`, c.capacity]));
    const aggOf = new Map(agg.map((a) => [`${a.region_id}|${a.taken_week}|${a.test_type}|${a.other ? 'other' : 'region'}`, a]));

    const demoRegion = ctx.config.demo ? ctx.config.regionId : null;
    const denominators: RegionDenominator[] = regions.map((r) => ({
      regionId: r.id,
      regionName: r.name,
      population: r.population,
      source: 'regions.population',
      note:
        r.id === demoRegion
          ? `Demo region: the samples belong to ${ctx.config.demoSize.toLocaleString('sv-SE')} synthetic people, but the rate per 100,000 uses the region's registered population (${r.population.toLocaleString('sv-SE')}), so it is far lower than it would be for a real region of this size.`
          : null,
    }));

    const rows: WeeklyRow[] = [];
    for (const r of regions) {
      for (const week of weeks) {
        for (const testType of testTypes) {
          for (const provider of ['region', 'other'] as const) {
            const a = aggOf.get(`${r.id}|${week}|${testType}|${provider}`);
            if (provider === 'other' && !a) continue;
            rows.push(row(r.id, r.name, r.population, week, testType, provider, a, provider === 'region' ? (capOf.get(`${r.id}|${week}|${testType}`) ?? 0) : null));
          }
        }
      }
    }
    return { from: q.from, to: q.to, weeks, regions: denominators, rows, national: scope.national ? nationalRows(rows, regions) : null };
  });
}

function row(regionId: string, regionName: string, population: number, week: string, testType: TestType, provider: ProviderGroup, a: Omit<AggRow, 'region_id' | 'taken_week' | 'test_type' | 'other'> | undefined, capacity: number | null): WeeklyRow {
  const n = a ?? { tests: 0, individuals: 0, positive: 0, negative: 0, not_assessable: 0, pending: 0 };
  return {
    regionId,
    regionName,
    week,
    testType,
    provider,
    tests: n.tests,
    individuals: n.individuals,
    positive: n.positive,
    negative: n.negative,
    notAssessable: n.not_assessable,
    pending: n.pending,
    sharePositive: share(n.positive, n.negative),
    individualsPer100k: per100k(n.individuals, population),
    capacity,
  };
}

/** The country: sums over regions (a person's samples are in one region's records, so individuals add up). */
function nationalRows(rows: WeeklyRow[], regions: { population: number }[]): WeeklyRow[] {
  const population = regions.reduce((s, r) => s + r.population, 0);
  const sums = new Map<string, WeeklyRow>();
  for (const r of rows) {
    const key = `${r.week}|${r.testType}|${r.provider}`;
    const s = sums.get(key);
    if (!s) sums.set(key, { ...r, regionId: 'SE', regionName: 'Riket' });
    else {
      s.tests += r.tests;
      s.individuals += r.individuals;
      s.positive += r.positive;
      s.negative += r.negative;
      s.notAssessable += r.notAssessable;
      s.pending += r.pending;
      s.capacity = s.capacity === null ? null : s.capacity + (r.capacity ?? 0);
    }
  }
  return [...sums.values()].map((s) => ({ ...s, sharePositive: share(s.positive, s.negative), individualsPer100k: per100k(s.individuals, population) }));
}
