import { z } from 'zod';
import { day, dayRange, isoWeek, regionCode, text } from '../platform/input/index.js';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import { tracingConfigOf, updateTracingConfig } from './config.js';
import { TracingConfig } from './rules.js';
import * as sequencing from './sequencing.js';
import { tracingStatistics } from './statistics.js';
import { downloadRoutes } from '../platform/files/downloads.js';
import { tracingPdf, tracingTables, variantTables } from './exports.js';

const tags = ['tracing'];
const StatisticsFilters = z.object({ from: day, to: day, regionId: regionCode.optional() }).strict();
const VariantFilters = z.object({ from: isoWeek, to: isoWeek }).strict();
const Share = z.object({ numerator: z.number(), denominator: z.number(), share: z.number().nullable() });

/** Sequencing selection and variants, weekly statistics, and the region's tracing rules. */
export function tracingFollowUpRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/tracing/sequencing',
    { config: { access: 'tracing.sequencing.read' }, schema: { tags, summary: 'Positives flagged for sequencing, with the criteria met (audited)', response: { 200: z.object({ cases: z.array(z.object({ caseId: z.string(), name: z.string(), positiveTakenAt: z.string(), reasons: z.array(z.string()), variant: z.string().nullable() })) }) } } },
    async (req) => ({ cases: await sequencing.flaggedForSequencing(ctx, actorOf(req)) }),
  );
  app.post(
    '/api/tracing/sequencing/:caseId/variant',
    { config: { access: 'tracing.sequencing.record' }, schema: { tags, summary: 'Record the variant found', params: z.object({ caseId: z.uuid() }), body: z.object({ variant: text({ max: 60 }) }).strict(), response: { 200: z.object({ caseId: z.string(), variant: z.string() }) } } },
    async (req) => sequencing.recordVariant(ctx, actorOf(req), req.params.caseId, req.body.variant),
  );
  app.get(
    '/api/tracing/sequencing/variants',
    { config: { access: 'tracing.sequencing.read' }, schema: { tags, summary: 'Variants per week', querystring: VariantFilters, response: { 200: z.object({ weeks: z.array(z.object({ week: z.string(), variant: z.string(), count: z.number() })) }) } } },
    async (req) => sequencing.variantsPerWeek(ctx, actorOf(req), req.query.from, req.query.to),
  );
  app.get(
    '/api/tracing/statistics',
    {
      config: { access: 'tracing.statistics.read' },
      schema: {
        tags,
        summary: 'Weekly tracing statistics (aggregates)',
        querystring: StatisticsFilters.superRefine(dayRange(750)),
        response: {
          200: z.object({
            weeks: z.array(
              z.object({
                week: z.string(),
                cases: z.number(),
                casesAtVardcentral: z.number().describe('Of the cases, those handed to a vårdcentral for tracing (smittspårning på vårdcentral)'),
                contacts: z.number(),
                contactsPerCase: z.number(),
                reachedInTime: Share.describe('Of the cases whose first-call deadline has passed, those called by it'),
                notReached: z.number().describe('Cases past their first-call deadline and never called'),
                pending: z.number().describe('Cases whose first-call deadline is still ahead (in no share yet)'),
                questionnaireInTime: Share.describe('Of the cases whose questionnaire deadline has passed, those sent it by then'),
                medianHoursToFirstContact: z.number().nullable(),
                p90HoursToFirstContact: z.number().nullable(),
                hoursAtLeast: z.boolean().describe('Some due cases are not reached yet and count with the hours waited so far: the hours are a lower bound'),
              }),
            ),
            outbreaksBySetting: z.array(z.object({ kind: z.string(), outbreaks: z.number() })),
          }),
        },
      },
    },
    async (req) => tracingStatistics(ctx, actorOf(req), req.query),
  );
  downloadRoutes(app, ctx, {
    path: '/api/tracing/statistics',
    access: 'tracing.statistics.read',
    tags,
    what: 'Weekly tracing statistics',
    query: StatisticsFilters,
    refine: dayRange(750),
    load: async (actor, q: z.infer<typeof StatisticsFilters>) => ({ ...(await tracingStatistics(ctx, actor, q)), from: q.from, to: q.to }),
    name: (q) => ['smittsparning', q.regionId, q.from, q.to],
    tables: tracingTables,
    report: tracingPdf,
  });
  downloadRoutes(app, ctx, {
    path: '/api/tracing/sequencing/variants',
    access: 'tracing.sequencing.read',
    tags,
    what: 'Variants per week',
    query: VariantFilters,
    load: (actor, q: z.infer<typeof VariantFilters>) => sequencing.variantsPerWeek(ctx, actor, q.from, q.to),
    name: (q) => ['varianter', q.from, q.to],
    tables: variantTables,
  });
  app.get('/api/tracing/settings', { config: { access: 'tracing.case.read' }, schema: { tags, summary: "The region's tracing rules", response: { 200: TracingConfig } } }, async (req) => tracingConfigOf(ctx.database.db, actorOf(req).regionId));
  app.put('/api/tracing/settings', { config: { access: 'tracing.outbreaks.manage' }, schema: { tags, summary: "Change the region's tracing rules", body: TracingConfig, response: { 200: TracingConfig } } }, async (req) =>
    updateTracingConfig(ctx, actorOf(req), req.body),
  );
}
