/**
 * The state's flat rates per test type (schablonersättning), kept in the application: the national analyst sets
 * a new rate from a day on, the rate in force that day ends the day before (src/testing/statistics/rate-change.ts),
 * and every claim counts each test at the rate in force on its sampling day. Nothing is ever rewritten: the
 * table is the history, and each change is in the audit log with who made it.
 */
import { asc, eq, sql } from 'drizzle-orm';
import { both } from '../../platform/text/index.js';
import type { Actor } from '../../platform/auth/actor.js';
import { record } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { toIso } from '../../platform/db/sql.js';
import { conflict } from '../../platform/errors.js';
import { reimbursementRates, type TestType } from '../model.js';
import type { Rate } from '../rules.js';
import { planRateChange } from './rate-change.js';

export interface RateView extends Rate {
  source: string;
  setBy: string | null;
  setAt: string | null;
}

export interface NewRate {
  testType: TestType;
  validFrom: string;
  sek: number;
  staffCollectedOnly: boolean;
  source: string;
}

const view = (r: typeof reimbursementRates.$inferSelect): RateView => ({
  testType: r.testType,
  validFrom: r.validFrom,
  validTo: r.validTo,
  sek: Number(r.sek),
  staffCollectedOnly: r.staffCollectedOnly,
  source: r.source,
  setBy: r.setBy,
  setAt: r.setAt ? toIso(r.setAt) : null,
});

const ratesOf = async (db: Db, testType?: TestType) =>
  (await db.select().from(reimbursementRates).where(testType ? eq(reimbursementRates.testType, testType) : undefined).orderBy(asc(reimbursementRates.testType), asc(reimbursementRates.validFrom))).map(view);

/** Every rate ever set, per test type in the order they took effect. */
export async function listRates(ctx: AppContext): Promise<{ rates: RateView[] }> {
  return { rates: await ratesOf(ctx.database.db) };
}

/** Sets a new rate from `validFrom` on; refused (409, nothing changed) when a rate already starts on or after that day. */
export async function setRate(ctx: AppContext, actor: Actor, input: NewRate): Promise<{ rates: RateView[] }> {
  return ctx.database.db.transaction(async (tx) => {
    // One change at a time nationally: two analysts setting the same test type cannot interleave.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`reimbursement-rates:${input.testType}`}))`);
    const plan = planRateChange(await ratesOf(tx, input.testType), input.validFrom);
    if (!plan.ok) throw conflict(both(plan.reason.sv, plan.reason.en), 'validFrom');
    if (plan.closes) {
      await tx.update(reimbursementRates).set({ validTo: plan.closes.validTo }).where(sql`${reimbursementRates.testType} = ${input.testType} AND ${reimbursementRates.validFrom} = ${plan.closes.validFrom}`);
    }
    const setAt = ctx.clock.now().toISOString();
    await tx.insert(reimbursementRates).values({ ...input, sek: String(input.sek), validTo: plan.validTo, setBy: actor.name, setAt });
    await record(tx, actor, {
      action: 'testing.rate.set',
      purpose: 'statlig ersättning för testning',
      details: { testType: input.testType, validFrom: input.validFrom, sek: input.sek, staffCollectedOnly: input.staffCollectedOnly, previous: plan.closes ? { validFrom: plan.closes.validFrom, sek: plan.closes.sek } : null },
    });
    return { rates: await ratesOf(tx) };
  });
}
