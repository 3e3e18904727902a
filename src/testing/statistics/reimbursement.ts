import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { queryRows } from '../../platform/db/sql.js';
import { stockholmTime } from '../../platform/time.js';
import type { Collection, TestType } from '../model.js';
import { isoWeekOf, rateFor, type Rate } from '../rules.js';
import { dayRange, tuneForReport } from './common.js';

export type ExclusionReason = 'pending' | 'not_assessable' | 'self_sampled_antigen' | 'no_rate';

/** The rule the claim follows, in the order the checks are made; sent with every claim. */
export const REIMBURSEMENT_RULES = [
  'A test counts on the Swedish calendar day its sample was taken, at the standard sum (schablon) in force that day.',
  'Only tests with an answer (positive or negative) are claimed.',
  'Tests without an answer yet are left out (pending); they are claimed in the period they were taken once answered.',
  'Not assessable tests are left out: they gave no usable answer, and the retest is claimed instead.',
  'Antigen tests are claimed only when healthcare staff took the sample; self-sampled antigen tests are left out.',
  'A test taken on a day no standard sum covers is left out (no rate).',
  "Tests taken by other providers on the region's behalf are included: the region claims for them.",
];

export interface ClaimLine {
  testType: TestType;
  validFrom: string;
  validTo: string | null;
  sek: number;
  tests: number;
  amountSek: number;
}

export interface Exclusion {
  testType: TestType;
  reason: ExclusionReason;
  tests: number;
}

export interface ReimbursementClaim {
  regionId: string;
  from: string;
  to: string;
  lines: ClaimLine[];
  totalSek: number;
  totalTests: number;
  excluded: Exclusion[];
  rules: string[];
}

export async function reimbursementClaim(ctx: AppContext, actor: Actor, q: { from: string; to: string }): Promise<ReimbursementClaim> {
  dayRange(q.from, q.to, 731);
  const regionId = actor.regionId;
  const start = stockholmTime(q.from, '00:00').toISOString();
  const endDay = new Date(Date.parse(`${q.to}T00:00:00Z`) + 86_400_000).toISOString().slice(0, 10);
  const end = stockholmTime(endDay, '00:00').toISOString();
  return ctx.database.db.transaction(async (tx) => {
    await tuneForReport(ctx.database, tx);
    const rates = (
      await queryRows<{ test_type: TestType; valid_from: string; valid_to: string | null; sek: string; staff_collected_only: boolean }>(
        tx,
        sql`SELECT test_type, valid_from::text AS valid_from, valid_to::text AS valid_to, sek::text AS sek, staff_collected_only FROM reimbursement_rates ORDER BY test_type, valid_from`,
      )
    ).map((r): Rate => ({ testType: r.test_type, validFrom: r.valid_from, validTo: r.valid_to, sek: Number(r.sek), staffCollectedOnly: r.staff_collected_only }));
    const groups = await queryRows<{ day: string; test_type: TestType; collection: Collection; result: string | null; n: number }>(
      tx,
      sql`SELECT to_char(taken_at AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD') AS day, test_type, collection, result, count(*)::int AS n
          FROM samples
          WHERE region_id = ${regionId} AND taken_week BETWEEN ${isoWeekOf(new Date(start))} AND ${isoWeekOf(new Date(Date.parse(end) - 1))}
            AND taken_at >= ${start} AND taken_at < ${end}
          GROUP BY 1, 2, 3, 4`,
    );
    const lines = new Map<string, ClaimLine>();
    const excluded = new Map<string, Exclusion>();
    const exclude = (testType: TestType, reason: ExclusionReason, n: number) => {
      const key = `${testType}|${reason}`;
      const e = excluded.get(key) ?? { testType, reason, tests: 0 };
      e.tests += n;
      excluded.set(key, e);
    };
    for (const g of groups) {
      if (g.result === null) exclude(g.test_type, 'pending', g.n);
      else if (g.result === 'not_assessable') exclude(g.test_type, 'not_assessable', g.n);
      else {
        const outcome = rateFor(rates, g.test_type, g.day, g.collection);
        if ('excluded' in outcome) {
          const hasRate = rates.some((r) => r.testType === g.test_type && r.validFrom <= g.day && (r.validTo === null || g.day <= r.validTo));
          exclude(g.test_type, hasRate ? 'self_sampled_antigen' : 'no_rate', g.n);
        } else {
          const r = outcome.rate;
          const key = `${r.testType}|${r.validFrom}`;
          const line = lines.get(key) ?? { testType: r.testType, validFrom: r.validFrom, validTo: r.validTo, sek: r.sek, tests: 0, amountSek: 0 };
          line.tests += g.n;
          line.amountSek = Math.round(line.tests * r.sek * 100) / 100;
          lines.set(key, line);
        }
      }
    }
    const sorted = [...lines.values()].sort((a, b) => a.testType.localeCompare(b.testType) || a.validFrom.localeCompare(b.validFrom));
    return {
      regionId,
      from: q.from,
      to: q.to,
      lines: sorted,
      totalSek: Math.round(sorted.reduce((s, l) => s + l.amountSek * 100, 0)) / 100,
      totalTests: sorted.reduce((s, l) => s + l.tests, 0),
      excluded: [...excluded.values()].sort((a, b) => a.testType.localeCompare(b.testType) || a.reason.localeCompare(b.reason)),
      rules: REIMBURSEMENT_RULES,
    };
  });
}
