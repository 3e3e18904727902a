import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { record } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import { queryRows } from '../../platform/db/sql.js';
import { invalid } from '../../platform/errors.js';
import { stockholmTime } from '../../platform/time.js';
import { units } from '../../identity/model.js';
import { testCapacity, testTypes, type TestType } from '../model.js';
import { CAPACITY_WARNING_SHARE, capacityLevel, isIsoWeek, isoWeekOf } from '../rules.js';
import { dayRange, regionsInScope, tuneForReport } from './common.js';

export interface DeclareCapacityInput {
  unitId: string;
  isoWeek: string;
  testType: TestType;
  testsPerWeek: number;
}

/** A lab or station declares what it can do in a week; declaring again replaces the figure. */
export async function declareCapacity(ctx: AppContext, actor: Actor, input: DeclareCapacityInput) {
  if (!isIsoWeek(input.isoWeek)) throw invalid('isoWeek', `not an ISO week (YYYY-Www): ${input.isoWeek}`);
  return ctx.database.db.transaction(async (tx) => {
    const [unit] = await tx.select({ id: units.id, kind: units.kind, name: units.name }).from(units).where(and(eq(units.regionId, actor.regionId), eq(units.id, input.unitId)));
    if (!unit) throw invalid('unitId', 'no such unit in your region');
    if (unit.kind !== 'lab' && unit.kind !== 'sampling_station') throw invalid('unitId', 'capacity is declared for a lab or a sampling station');
    const [previous] = await tx
      .select({ testsPerWeek: testCapacity.testsPerWeek })
      .from(testCapacity)
      .where(and(eq(testCapacity.regionId, actor.regionId), eq(testCapacity.unitId, unit.id), eq(testCapacity.isoWeek, input.isoWeek), eq(testCapacity.testType, input.testType)));
    await tx
      .insert(testCapacity)
      .values({ regionId: actor.regionId, unitId: unit.id, isoWeek: input.isoWeek, testType: input.testType, testsPerWeek: input.testsPerWeek })
      .onConflictDoUpdate({ target: [testCapacity.regionId, testCapacity.unitId, testCapacity.isoWeek, testCapacity.testType], set: { testsPerWeek: input.testsPerWeek } });
    await record(tx, actor, {
      action: 'testing.capacity.declared',
      purpose: 'kapacitetsplanering',
      details: { unitId: unit.id, isoWeek: input.isoWeek, testType: input.testType, testsPerWeek: input.testsPerWeek, previous: previous?.testsPerWeek ?? null },
    });
    return { unitId: unit.id, unitName: unit.name, isoWeek: input.isoWeek, testType: input.testType, testsPerWeek: input.testsPerWeek, previous: previous?.testsPerWeek ?? null };
  });
}

/** Units that may declare capacity, for the form. */
export async function capacityUnits(ctx: AppContext, actor: Actor) {
  return queryRows<{ id: string; name: string; kind: string }>(
    ctx.database.db,
    sql`SELECT id, name, kind FROM units WHERE region_id = ${actor.regionId} AND kind IN ('lab', 'sampling_station') ORDER BY kind, name`,
  );
}

export interface CapacityDay {
  date: string;
  week: string;
  testType: TestType;
  /** Samples taken that Swedish calendar day. */
  demand: number;
  /** The week's declared capacity divided by 7. */
  capacity: number;
  /** demand / capacity; null when no capacity was declared. */
  share: number | null;
  level: 'ok' | 'warning' | 'over';
}

export async function capacityReport(ctx: AppContext, actor: Actor, q: { from: string; to: string; regionId?: string | undefined }) {
  const days = dayRange(q.from, q.to);
  // The national analyst may look at any one region; everyone else at their own (403 for another).
  regionsInScope(actor, q.regionId);
  const regionId = q.regionId ?? actor.regionId;
  const start = stockholmTime(q.from, '00:00').toISOString();
  const endDay = new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const end = stockholmTime(endDay, '00:00').toISOString();
  const firstWeek = isoWeekOf(new Date(start));
  const lastWeek = isoWeekOf(new Date(Date.parse(end) - 1));
  return ctx.database.db.transaction(async (tx) => {
    await tuneForReport(ctx.database, tx);
    // taken_week narrows the scan to the weeks on samples_week_idx; taken_at cuts the days at Swedish midnight.
    const demand = await queryRows<{ day: string; test_type: TestType; n: number }>(
      tx,
      sql`SELECT to_char(taken_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS day, test_type, count(*)::int AS n
          FROM samples
          WHERE region_id = ${regionId} AND taken_week BETWEEN ${firstWeek} AND ${lastWeek} AND taken_at >= ${start} AND taken_at < ${end}
          GROUP BY 1, 2`,
    );
    const caps = await queryRows<{ iso_week: string; test_type: TestType; capacity: number }>(
      tx,
      sql`SELECT iso_week, test_type, sum(tests_per_week)::int AS capacity FROM test_capacity
          WHERE region_id = ${regionId} AND iso_week BETWEEN ${firstWeek} AND ${lastWeek} GROUP BY 1, 2`,
    );
    const demandOf = new Map(demand.map((d) => [`${d.day}|${d.test_type}`, d.n]));
    const capOf = new Map(caps.map((c) => [`${c.iso_week}|${c.test_type}`, c.capacity]));
    const out: CapacityDay[] = [];
    for (const date of days) {
      const week = isoWeekOf(stockholmTime(date, '12:00'));
      for (const testType of testTypes) {
        const d = demandOf.get(`${date}|${testType}`) ?? 0;
        const c = (capOf.get(`${week}|${testType}`) ?? 0) / 7;
        out.push({ date, week, testType, demand: d, capacity: Math.round(c * 10) / 10, share: c > 0 ? d / c : null, level: capacityLevel(d, c) });
      }
    }
    return { regionId, from: q.from, to: q.to, warningShare: CAPACITY_WARNING_SHARE, days: out };
  });
}
