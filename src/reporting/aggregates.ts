import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { systemActor, type Actor } from '../platform/auth/actor.js';
import type { Config } from '../platform/config.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { AppError } from '../platform/errors.js';
import { addToOutbox } from '../platform/jobs/outbox.js';
import type { Transport } from '../platform/jobs/transports.js';
import { regionNames } from '../identity/regions.js';
import { isoWeekDates, isoWeekOf } from '../testing/rules.js';
import { weekRange, weeksBetween } from '../testing/statistics/common.js';
import { weeklyReport } from '../testing/statistics/weekly.js';
import { tracingStatistics } from '../tracing/statistics.js';
import { coverageReport } from '../vaccination/coverage/service.js';
import { suppressSmall } from '../privacy/suppression.js';
import { reportingAggregateSends, reportingReceivedAggregates } from './model.js';
import { nationalTransport, Refusal, verifySigned, type Receipt, type SignedSubmission } from './national.js';
import { digestOf, signDocument } from './signing.js';

/**
 * With one instance per region, the national views work only if the aggregates travel: each region's instance
 * sends its weekly figures (tests and positives per test type, capacity, tracing, coverage per age group) as a
 * signed document on the same path as a submission, and the nation shows a region that has not delivered as
 * missing, never as zero. Counts only; small coverage groups are sent without counts (privacy/suppression.ts).
 */
export const REPORTING_AGGREGATES = 'reporting.aggregates';

const count = z.number().int().min(0).nullable();
export const AggregatesDocument = z.object({
  kind: z.literal('lagesbild.reporting.weekly-aggregates'),
  format: z.literal(1),
  regionId: z.string().regex(/^\d{2}$/),
  week: z.string().regex(/^\d{4}-W\d{2}$/),
  version: z.number().int().min(1),
  sentAt: z.string().max(40),
  testing: z.array(z.object({ testType: z.string().max(20), provider: z.string().max(20), tests: count, positive: count, negative: count, pending: count, capacity: count })).max(20),
  tracing: z.object({ cases: count, contacts: count, medianHoursToFirstContact: z.number().nullable() }),
  coverage: z.array(z.object({ group: z.string().max(20), population: count, dose1: count, dose2: count })).max(20),
});
export type AggregatesDocument = z.infer<typeof AggregatesDocument>;

/** The region's figures of one ISO week, computed with the region's own statistics, as the document to sign. */
async function weekFigures(ctx: AppContext, actor: Actor, week: string) {
  const { monday, sunday } = isoWeekDates(week);
  const testing = await weeklyReport(ctx, actor, { from: week, to: week });
  const tracing = await tracingStatistics(ctx, actor, { from: monday, to: sunday });
  const coverage = await coverageReport(ctx, actor, { vaccine: 'covid-19', by: 'ageGroup', dose: 1, from: week, to: week, asOf: sunday });
  const traced = tracing.weeks.find((w) => w.week === week);
  return {
    testing: testing.rows.map((r) => ({ testType: r.testType, provider: r.provider, tests: r.tests, positive: r.positive, negative: r.negative, pending: r.pending, capacity: r.capacity })),
    tracing: { cases: traced?.cases ?? 0, contacts: traced?.contacts ?? 0, medianHoursToFirstContact: traced?.medianHoursToFirstContact ?? null },
    coverage: coverage.rows.map((r) => ({ group: r.key, ...suppressSmall(r.population, { population: r.population, dose1: r.vaccinated[0] ?? 0, dose2: r.vaccinated[1] ?? 0 }) })),
  };
}

/** Signs the region's figures of a week and puts them in the outbox for the nation (the next version when sent before). */
export async function sendWeekAggregates(ctx: AppContext, regionId: string, week: string, opts: { onlyFirst?: boolean } = {}) {
  weekRange(week, week);
  const figures = await weekFigures(ctx, systemActor(regionId), week);
  const at = ctx.clock.now().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`reporting.aggregates:${regionId}:${week}`}))`);
    const [last] = await tx.select({ version: reportingAggregateSends.version }).from(reportingAggregateSends).where(and(eq(reportingAggregateSends.regionId, regionId), eq(reportingAggregateSends.week, week))).orderBy(desc(reportingAggregateSends.version)).limit(1);
    if (last && opts.onlyFirst) return null;
    const version = (last?.version ?? 0) + 1;
    const document: AggregatesDocument = { kind: 'lagesbild.reporting.weekly-aggregates', format: 1, regionId, week, version, sentAt: at, ...figures };
    const { signature, keyId } = await signDocument(tx, ctx.config, regionId, document);
    await tx.insert(reportingAggregateSends).values({ regionId, week, version, digest: digestOf(document), sentAt: at });
    await addToOutbox(tx, { regionId, topic: REPORTING_AGGREGATES, payload: { document, signature, keyId }, idempotencyKey: `${REPORTING_AGGREGATES}:${regionId}:${week}:${version}` });
    return { regionId, week, version };
  });
}

/** Housekeeping: the last complete week goes to the nation once, at the start of the next. */
export async function sendDueAggregates(ctx: AppContext): Promise<boolean> {
  if (ctx.config.nationalInstance) return false;
  const week = isoWeekOf(new Date(ctx.clock.now().getTime() - 7 * 86_400_000));
  const regionId = ctx.config.regionId;
  const [sent] = await ctx.database.db.select({ version: reportingAggregateSends.version }).from(reportingAggregateSends).where(and(eq(reportingAggregateSends.regionId, regionId), eq(reportingAggregateSends.week, week))).limit(1);
  if (sent) return false;
  // Checked again under the week's lock: two housekeeping ticks never send the same week twice.
  return (await sendWeekAggregates(ctx, regionId, week, { onlyFirst: true })) !== null;
}

/** The nation's side: a verified week is stored; a resend of the same version gets the same receipt. */
export async function acceptAggregates(tx: Db, now: Date, signed: SignedSubmission): Promise<Receipt> {
  const doc = await verifySigned(tx, signed, AggregatesDocument);
  const digest = digestOf(signed.document);
  const [row] = await tx
    .insert(reportingReceivedAggregates)
    .values({ regionId: doc.regionId, week: doc.week, version: doc.version, document: signed.document, keyId: signed.keyId, digest, receivedAt: now.toISOString() })
    .onConflictDoNothing()
    .returning();
  const stored = row ?? (await tx.select().from(reportingReceivedAggregates).where(and(eq(reportingReceivedAggregates.regionId, doc.regionId), eq(reportingReceivedAggregates.week, doc.week), eq(reportingReceivedAggregates.version, doc.version))))[0]!;
  if (stored.digest !== digest) throw new Refusal('document.version', 'another document was received under this version', doc.regionId);
  return { receiptId: `${stored.regionId}:${stored.week}:${stored.version}`, receivedAt: toIso(stored.receivedAt), digest };
}

export const aggregatesTransport = (config: Config): Transport =>
  nationalTransport(config, 'reporting-aggregates', {
    path: '/api/reporting/national/aggregates',
    accept: acceptAggregates,
    onReceipt: async (tx, document, receipt) => {
      const doc = document as AggregatesDocument;
      await tx.update(reportingAggregateSends).set({ receivedAt: receipt.receivedAt }).where(and(eq(reportingAggregateSends.regionId, doc.regionId), eq(reportingAggregateSends.week, doc.week), eq(reportingAggregateSends.version, doc.version)));
    },
  });

const sum = (xs: (number | null)[]) => (xs.some((x) => x === null) ? null : xs.reduce<number>((a, x) => a + (x ?? 0), 0));

/**
 * The national weekly view from what the regions delivered: every region and week, the latest version of each;
 * a week a region has not delivered is `delivered: false` with no figures, so it reads as missing, not as zero.
 */
export async function nationalWeekly(ctx: AppContext, q: { from: string; to: string }) {
  weekRange(q.from, q.to);
  if (!ctx.config.nationalInstance && ctx.config.reportingNationalUrl) throw new AppError('not-found', 'The weekly aggregates are kept by the national instance');
  const weeks = weeksBetween(q.from, q.to);
  const rows = await queryRows<{ region_id: string; week: string; document: AggregatesDocument; received_at: string }>(
    ctx.database.db,
    sql`SELECT DISTINCT ON (region_id, week) region_id, week, document, received_at::text FROM reporting_received_aggregates
        WHERE week BETWEEN ${q.from} AND ${q.to} ORDER BY region_id, week, version DESC`,
  );
  const byKey = new Map(rows.map((r) => [`${r.region_id}|${r.week}`, r]));
  return {
    weeks,
    regions: Object.entries(regionNames).map(([regionId, r]) => ({
      regionId,
      name: r.name,
      weeks: weeks.map((week) => {
        const got = byKey.get(`${regionId}|${week}`);
        if (!got) return { week, delivered: false as const, receivedAt: null, tests: null, positive: null, capacity: null, cases: null, medianHoursToFirstContact: null, coverageDose1: null };
        const d = got.document;
        const population = sum(d.coverage.map((c) => c.population));
        const dose1 = sum(d.coverage.map((c) => c.dose1));
        return {
          week,
          delivered: true as const,
          receivedAt: toIso(got.received_at),
          tests: sum(d.testing.map((t) => t.tests)),
          positive: sum(d.testing.map((t) => t.positive)),
          capacity: sum(d.testing.filter((t) => t.provider === 'region').map((t) => t.capacity)),
          cases: d.tracing.cases,
          medianHoursToFirstContact: d.tracing.medianHoursToFirstContact,
          coverageDose1: population && dose1 !== null ? Math.round((dose1 / population) * 1000) / 10 : null,
        };
      }),
    })),
  };
}

/** What this region has sent, newest first, with the time the nation received each. */
export async function sentAggregates(ctx: AppContext, actor: Actor) {
  const rows = await ctx.database.db.select().from(reportingAggregateSends).where(eq(reportingAggregateSends.regionId, actor.regionId)).orderBy(desc(reportingAggregateSends.week), desc(reportingAggregateSends.version)).limit(200);
  return { sent: rows.map((r) => ({ week: r.week, version: r.version, sentAt: toIso(r.sentAt), receivedAt: r.receivedAt ? toIso(r.receivedAt) : null })) };
}
