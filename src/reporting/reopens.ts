import { and, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { toIso } from '../platform/db/sql.js';
import { AppError, conflict } from '../platform/errors.js';
import { reportingReceived, reportingReopens, reportingReturnEvents, reportingReturns } from './model.js';
import { Refusal, verifySigned, type SignedSubmission } from './national.js';
import { organisationOf } from './organisations.js';
import { signDocument } from './signing.js';

/**
 * Reopening when the nation runs an instance of its own: the national analyst reopens the latest submission
 * received from an organisation, and the region's instance fetches its reopenings with a request signed by its
 * key (only the region itself may read them), then reopens its return with the reason, as if done locally.
 */
export async function reopenReceived(ctx: AppContext, actor: Actor, roundId: string, organisation: string, reason: string) {
  const org = organisationOf(organisation)!;
  await ctx.database.db.transaction(async (tx) => {
    const [latest] = await tx
      .select({ submission: reportingReceived.submission })
      .from(reportingReceived)
      .where(and(eq(reportingReceived.regionId, org.regionId), eq(reportingReceived.roundId, roundId), eq(reportingReceived.organisation, organisation)))
      .orderBy(desc(reportingReceived.submission))
      .limit(1);
    if (!latest) throw conflict('organisation: nothing has been received from this organisation to reopen', 'organisation');
    const [row] = await tx.insert(reportingReopens).values({ regionId: org.regionId, roundId, organisation, submission: latest.submission, reason, by: actor.name, at: ctx.clock.now().toISOString() }).onConflictDoNothing().returning();
    if (!row) throw conflict('organisation: this submission is already reopened', 'organisation');
  });
}

const MAX_SKEW_MS = 5 * 60_000;
export const ReopensQuery = z.object({ kind: z.literal('lagesbild.reporting.reopens-query'), format: z.literal(1), regionId: z.string().regex(/^\d{2}$/), at: z.string().max(40) });

/** The nation's answer to a region's signed query: its reopenings. A query older than five minutes is refused (no replay). */
export async function reopensFor(ctx: AppContext, signed: SignedSubmission) {
  if (!ctx.config.nationalInstance) throw new AppError('not-found', 'This instance is not the national one (LAGESBILD_NATIONAL)');
  const query = await ctx.database.db.transaction(async (tx) => {
    try {
      return await verifySigned(tx, signed, ReopensQuery);
    } catch (e) {
      if (e instanceof Refusal) throw new AppError('invalid', `${e.field}: ${e.message}`, e.field);
      throw e;
    }
  });
  if (!(Math.abs(ctx.clock.now().getTime() - Date.parse(query.at)) <= MAX_SKEW_MS)) throw new AppError('invalid', 'document.at: the query is too old or from the future', 'document.at');
  const rows = await ctx.database.db.select().from(reportingReopens).where(eq(reportingReopens.regionId, query.regionId)).orderBy(reportingReopens.at);
  return { reopens: rows.map((r) => ({ roundId: r.roundId, organisation: r.organisation, submission: r.submission, reason: r.reason, by: r.by, at: toIso(r.at) })) };
}

/** Housekeeping on a region's instance: fetches the nation's reopenings and reopens the returns they name. */
export async function pullReopens(ctx: AppContext, opts: { atMostEveryMs?: number } = {}): Promise<number> {
  const base = ctx.config.reportingNationalUrl;
  if (!base || ctx.config.nationalInstance) return 0;
  const now = Date.now();
  if (opts.atMostEveryMs && now - (lastPull.get(ctx) ?? 0) < opts.atMostEveryMs) return 0;
  lastPull.set(ctx, now);
  const regionId = ctx.config.regionId;
  const document = { kind: 'lagesbild.reporting.reopens-query', format: 1, regionId, at: ctx.clock.now().toISOString() };
  const signed = await ctx.database.db.transaction(async (tx) => ({ document, ...(await signDocument(tx, ctx.config, regionId, document)) }));
  const res = await fetch(new URL('/api/reporting/national/reopens', base), { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(signed), signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`national reopenings: HTTP ${res.status}`);
  const { reopens } = (await res.json()) as Awaited<ReturnType<typeof reopensFor>>;
  let applied = 0;
  await ctx.database.db.transaction(async (tx) => {
    for (const r of reopens) {
      // Only the very submission the nation reopened: a return resubmitted since is left as it is.
      const [ret] = await tx
        .update(reportingReturns)
        .set({ status: 'reopened', reopenedAt: r.at, reopenedBy: r.by, reopenReason: r.reason })
        .where(and(eq(reportingReturns.regionId, regionId), eq(reportingReturns.roundId, r.roundId), eq(reportingReturns.organisation, r.organisation), eq(reportingReturns.submission, r.submission), eq(reportingReturns.status, 'submitted')))
        .returning();
      if (!ret) continue;
      await tx.insert(reportingReturnEvents).values({ regionId, returnId: ret.id, kind: 'reopened', note: r.reason, by: r.by, at: r.at });
      applied += 1;
    }
  });
  return applied;
}

const lastPull = new WeakMap<AppContext, number>();
