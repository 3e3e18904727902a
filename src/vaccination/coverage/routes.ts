import { z } from 'zod';
import { day, isoWeek, regionCode } from '../../platform/input/index.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { vaccines } from '../model.js';
import { downloadRoutes } from '../../platform/files/downloads.js';
import { coveragePdf, coverageTables } from './exports.js';
import { coverageDimensions, coverageReport, MAX_DOSE } from './service.js';

const tags = ['vaccination coverage'];
const access = 'vaccination.coverage.read' as const;
const CoverageQuery = z
  .object({
    vaccine: z.enum(vaccines).default('covid-19'),
    by: z.enum(coverageDimensions).default('ageGroup'),
    dose: z.coerce.number().int().min(1).max(MAX_DOSE).default(1),
    from: isoWeek,
    to: isoWeek,
    asOf: day.optional(),
    lowBelow: z.coerce.number().min(0).max(1).optional(),
    regionId: regionCode.optional(),
  })
  .strict();
const Share = z.number().nullable();
const CoverageView = z.object({
  vaccine: z.enum(vaccines),
  by: z.enum(coverageDimensions),
  dose: z.number(),
  asOf: z.string(),
  from: z.string(),
  to: z.string(),
  regions: z.union([z.array(z.string()), z.literal('all')]),
  overall: z.object({ population: z.number(), vaccinated: z.number(), coverage: Share }),
  lowThreshold: Share,
  /** Per group: people with at least 1, 2, … doses and their shares; null counts where suppressed. */
  rows: z.array(z.object({ key: z.string(), label: z.string(), population: z.number(), vaccinated: z.array(z.number().nullable()), coverage: z.array(Share), low: z.boolean(), suppressed: z.boolean() })),
  weeks: z.array(z.string()),
  series: z.array(z.object({ key: z.string(), label: z.string(), points: z.array(z.object({ week: z.string(), vaccinated: z.number(), coverage: Share })) })),
});

export function vaccinationCoverageRoutes(app: App, ctx: AppContext) {
  app.get('/api/vaccination/coverage', { config: { access }, schema: { tags, summary: 'Coverage by age group, municipality, postcode area or region, over time', querystring: CoverageQuery, response: { 200: CoverageView } } }, async (req) =>
    coverageReport(ctx, actorOf(req), req.query),
  );
  downloadRoutes(app, ctx, {
    path: '/api/vaccination/coverage',
    access,
    tags,
    what: 'Vaccination coverage',
    query: CoverageQuery,
    load: (actor, q: z.infer<typeof CoverageQuery>) => coverageReport(ctx, actor, q),
    name: (q, d) => ['vaccinationstackning', d.vaccine, d.by, `dos${d.dose}`, q.regionId, d.from, d.to, d.asOf],
    tables: coverageTables,
    report: coveragePdf,
  });
}
