import { z } from 'zod';
import { day, isoWeek, regionCode } from '../../platform/input/index.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { vaccines } from '../model.js';
import { coverageCsv, coverageDimensions, coverageReport, coverageXlsx, MAX_DOSE } from './service.js';

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
const download = (name: string) => `attachment; filename="${name}"`;

export function vaccinationCoverageRoutes(app: App, ctx: AppContext) {
  app.get('/api/vaccination/coverage', { config: { access }, schema: { tags, summary: 'Coverage by age group, municipality, postcode area or region, over time', querystring: CoverageQuery } }, async (req) =>
    coverageReport(ctx, actorOf(req), req.query),
  );
  app.get('/api/vaccination/coverage.csv', { config: { access }, schema: { tags, summary: 'Coverage as CSV (semicolons, UTF-8 with BOM)', querystring: CoverageQuery } }, async (req, reply) => {
    const report = await coverageReport(ctx, actorOf(req), req.query);
    return reply.type('text/csv; charset=utf-8').header('content-disposition', download(`vaccinationstackning-${report.by}-${report.asOf}.csv`)).send(coverageCsv(report));
  });
  app.get('/api/vaccination/coverage.xlsx', { config: { access }, schema: { tags, summary: 'Coverage as an Excel workbook', querystring: CoverageQuery } }, async (req, reply) => {
    const report = await coverageReport(ctx, actorOf(req), req.query);
    return reply
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .header('content-disposition', download(`vaccinationstackning-${report.by}-${report.asOf}.xlsx`))
      .send(await coverageXlsx(report));
  });
}
