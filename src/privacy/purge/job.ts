import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import { record } from '../../platform/audit/audit.js';
import { systemActor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { toIso } from '../../platform/db/sql.js';
import { calendarDateInStockholm } from '../../identity/identity-number.js';
import { privacyPurgeRuns } from '../model.js';
import { cutoffOf } from '../retention/periods.js';
import { purgeRules, type PurgeRule } from './rules.js';

export const PURGE_PURPOSE = 'gallring enligt bevarandetider';
const actorOf = (regionId: string) => systemActor(regionId, 'Lägesbild gallring');

export interface PurgeOptions {
  batchSize?: number;
  /** Runs inside each batch's transaction after its rows are purged: tests throw here to kill a run halfway. */
  inBatch?: (tx: Db, rule: PurgeRule, rows: number) => Promise<void>;
}

export interface PurgeRunView {
  id: string;
  asOf: string;
  startedAt: string;
  finishedAt: string | null;
  counts: Record<string, number>;
}

const view = (r: typeof privacyPurgeRuns.$inferSelect): PurgeRunView => ({ id: r.id, asOf: toIso(r.asOf), startedAt: toIso(r.startedAt), finishedAt: r.finishedAt ? toIso(r.finishedAt) : null, counts: r.counts });
const lockRegion = (tx: Db, regionId: string) => tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`privacy.purge:${regionId}`}))`);

/** The run to work on: the unfinished one (a run killed halfway goes on with its own `asOf`), else a new one as of now. */
async function currentRun(ctx: AppContext, regionId: string) {
  return ctx.database.db.transaction(async (tx) => {
    await lockRegion(tx, regionId);
    const [open] = await tx.select().from(privacyPurgeRuns).where(and(eq(privacyPurgeRuns.regionId, regionId), isNull(privacyPurgeRuns.finishedAt))).limit(1);
    if (open) return open;
    const now = ctx.clock.now().toISOString();
    const [created] = await tx.insert(privacyPurgeRuns).values({ regionId, asOf: now, startedAt: now }).returning();
    return created!;
  });
}

/**
 * Purges what has outlived its period in one region, rule by rule, in batches of one transaction each:
 * a kill loses at most the batch under way, and the next call finishes the same run. Each batch records
 * its rule, class and row count in the run and in the audit log (never the rows' contents); the finished
 * run is audited with its totals.
 */
export async function runPurge(ctx: AppContext, regionId: string, opts: PurgeOptions = {}): Promise<PurgeRunView> {
  const limit = opts.batchSize ?? 500;
  const run = await currentRun(ctx, regionId);
  const asOf = new Date(run.asOf);
  const actor = actorOf(regionId);
  for (const rule of purgeRules) {
    const cutoff = cutoffOf(ctx.config.retention, rule.dataClass, asOf);
    for (;;) {
      const rows = await ctx.database.db.transaction(async (tx) => {
        await lockRegion(tx, regionId);
        const n = await rule.batch(tx, regionId, cutoff, limit);
        if (n > 0) {
          await tx.execute(sql`UPDATE privacy_purge_runs SET counts = jsonb_set(counts, ARRAY[${rule.key}], to_jsonb(coalesce((counts ->> ${rule.key})::int, 0) + ${n}))
            WHERE region_id = ${regionId} AND id = ${run.id}`);
          await record(tx, actor, { action: 'privacy.purge.batch', purpose: PURGE_PURPOSE, details: { runId: run.id, rule: rule.key, table: rule.table, dataClass: rule.dataClass, action: rule.action, rows: n } });
        }
        await opts.inBatch?.(tx, rule, n);
        return n;
      });
      if (rows < limit) break;
    }
  }
  return ctx.database.db.transaction(async (tx) => {
    await lockRegion(tx, regionId);
    const [done] = await tx.update(privacyPurgeRuns).set({ finishedAt: ctx.clock.now().toISOString() }).where(and(eq(privacyPurgeRuns.regionId, regionId), eq(privacyPurgeRuns.id, run.id), isNull(privacyPurgeRuns.finishedAt))).returning();
    // Another instance finished the same run meanwhile: it audited the totals.
    if (!done) return view((await tx.select().from(privacyPurgeRuns).where(and(eq(privacyPurgeRuns.regionId, regionId), eq(privacyPurgeRuns.id, run.id))))[0]!);
    await record(tx, actor, { action: 'privacy.purge.finished', purpose: PURGE_PURPOSE, details: { runId: run.id, asOf: view(done).asOf, counts: done.counts } });
    return view(done);
  });
}

/** The hour (Swedish time) from which the night's purge may start. */
export const PURGE_FROM_HOUR = 2;

const running = new WeakMap<AppContext, Promise<PurgeRunView | null>>();

/** Housekeeping: once a night, from 02:00 Swedish time; a run killed halfway is finished at the next tick. */
export function purgeIfDue(ctx: AppContext): Promise<PurgeRunView | null> {
  // Housekeeping ticks every few seconds; a long run is not started twice by the same process.
  const underWay = running.get(ctx);
  if (underWay) return underWay.then(() => null);
  const run = purgeWhenDue(ctx).finally(() => running.delete(ctx));
  running.set(ctx, run);
  return run;
}

async function purgeWhenDue(ctx: AppContext): Promise<PurgeRunView | null> {
  const regionId = ctx.config.regionId;
  if (ctx.config.nationalInstance) return null;
  const now = ctx.clock.now();
  const [last] = await ctx.database.db.select().from(privacyPurgeRuns).where(eq(privacyPurgeRuns.regionId, regionId)).orderBy(desc(privacyPurgeRuns.startedAt)).limit(1);
  const hour = Number(new Intl.DateTimeFormat('sv-SE', { hour: '2-digit', hourCycle: 'h23', timeZone: 'Europe/Stockholm' }).format(now));
  const today = calendarDateInStockholm(now);
  const due = !last || last.finishedAt === null || (hour >= PURGE_FROM_HOUR && calendarDateInStockholm(new Date(last.startedAt)) < today);
  return due ? runPurge(ctx, regionId) : null;
}

/** The region's latest runs, for Smittskydd and the data protection officer. */
export async function purgeRuns(ctx: AppContext, regionId: string): Promise<PurgeRunView[]> {
  const rows = await ctx.database.db.select().from(privacyPurgeRuns).where(eq(privacyPurgeRuns.regionId, regionId)).orderBy(desc(privacyPurgeRuns.startedAt)).limit(60);
  return rows.map(view);
}
