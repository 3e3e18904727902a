import { z } from 'zod';
import { day, dayRange, isoWeek, regionCode, text } from '../../platform/input/index.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { testTypes } from '../model.js';
import { capacityReport, capacityUnits, declareCapacity } from './capacity.js';
import { listRates, setRate } from './rates.js';
import { downloadRoutes } from '../../platform/files/downloads.js';
import { capacityTables, reimbursementPdf, reimbursementTables, weeklyPdf, weeklyTables } from './exports.js';
import { reimbursementClaim } from './reimbursement.js';
import { weeklyReport } from './weekly.js';

const tags = ['testing statistics'];
const WeeklyQuery = z.object({ from: isoWeek, to: isoWeek, regionId: regionCode.optional() }).strict();
const DayFilters = z.object({ from: day, to: day, regionId: regionCode.optional() }).strict();
const DayQuery = DayFilters.superRefine(dayRange(366));
const PeriodFilters = z.object({ from: day, to: day }).strict();
const PeriodQuery = PeriodFilters.superRefine(dayRange(731));
const testType = z.enum(testTypes);

const WeeklyRowView = z.object({
  regionId: z.string(),
  regionName: z.string(),
  week: z.string(),
  testType,
  provider: z.enum(['region', 'other']),
  tests: z.number(),
  individuals: z.number(),
  positive: z.number(),
  negative: z.number(),
  notAssessable: z.number(),
  pending: z.number(),
  sharePositive: z.number().nullable(),
  individualsPer100k: z.number().nullable(),
  capacity: z.number().nullable(),
});
const WeeklyReportView = z.object({
  from: z.string(),
  to: z.string(),
  weeks: z.array(z.string()),
  regions: z.array(z.object({ regionId: z.string(), regionName: z.string(), population: z.number(), source: z.literal('regions.population'), note: z.string().nullable() })),
  rows: z.array(WeeklyRowView),
  national: z.array(WeeklyRowView).nullable(),
});
const CapacityReportView = z.object({
  regionId: z.string(),
  from: z.string(),
  to: z.string(),
  warningShare: z.number(),
  days: z.array(z.object({ date: z.string(), week: z.string(), testType, demand: z.number(), capacity: z.number(), share: z.number().nullable(), level: z.enum(['ok', 'warning', 'over']) })),
});
const ReimbursementClaimView = z.object({
  regionId: z.string(),
  from: z.string(),
  to: z.string(),
  lines: z.array(z.object({ testType, validFrom: z.string(), validTo: z.string().nullable(), sek: z.number(), tests: z.number(), amountSek: z.number() })),
  totalSek: z.number(),
  totalTests: z.number(),
  excluded: z.array(z.object({ testType, reason: z.enum(['pending', 'not_assessable', 'self_sampled_antigen', 'no_rate']), tests: z.number() })),
  rules: z.array(z.string()),
});
const DeclareCapacityBody = z.object({ unitId: z.uuid(), isoWeek, testType, testsPerWeek: z.number().int().min(0).max(10_000_000) }).strict();

const RatesView = z.object({
  rates: z.array(
    z.object({ testType, validFrom: z.string(), validTo: z.string().nullable(), sek: z.number(), staffCollectedOnly: z.boolean(), source: z.string(), setBy: z.string().nullable(), setAt: z.string().nullable() }),
  ),
});
const NewRateBody = z
  .object({ testType, validFrom: day, sek: z.number().positive().max(100_000).multipleOf(0.01), staffCollectedOnly: z.boolean().default(false), source: text({ max: 300 }) })
  .strict();

export function testingStatisticsRoutes(app: App, ctx: AppContext) {
  const weeklySchema = { tags, querystring: WeeklyQuery };
  app.get('/api/testing/statistics/weekly', { config: { access: 'testing.statistics.read' }, schema: { ...weeklySchema, summary: 'Weekly testing report to Folkhälsomyndigheten', response: { 200: WeeklyReportView } } }, async (req) =>
    weeklyReport(ctx, actorOf(req), req.query),
  );
  downloadRoutes(app, ctx, {
    path: '/api/testing/statistics/weekly',
    access: 'testing.statistics.read',
    tags,
    what: 'The weekly test report',
    query: WeeklyQuery,
    load: (actor, q: z.infer<typeof WeeklyQuery>) => weeklyReport(ctx, actor, q),
    name: (q) => ['veckorapport', q.regionId, q.from, q.to],
    tables: weeklyTables,
    report: weeklyPdf,
  });

  app.get('/api/testing/statistics/capacity', { config: { access: 'testing.statistics.read' }, schema: { tags, summary: 'Demand against declared capacity per day and test type', querystring: DayQuery, response: { 200: CapacityReportView } } }, async (req) =>
    capacityReport(ctx, actorOf(req), req.query),
  );
  downloadRoutes(app, ctx, {
    path: '/api/testing/statistics/capacity',
    access: 'testing.statistics.read',
    tags,
    what: 'Demand against capacity per day',
    query: DayFilters,
    refine: dayRange(366),
    load: (actor, q: z.infer<typeof DayFilters>) => capacityReport(ctx, actor, q),
    name: (q, d) => ['kapacitet', d.regionId, q.from, q.to],
    tables: capacityTables,
  });
  app.get('/api/testing/capacity/units', { config: { access: 'testing.capacity.declare' }, schema: { tags, summary: 'Labs and stations that declare capacity', response: { 200: z.object({ units: z.array(z.object({ id: z.string(), name: z.string(), kind: z.string() })) }) } } }, async (req) => ({
    units: await capacityUnits(ctx, actorOf(req)),
  }));
  app.put('/api/testing/capacity', { config: { access: 'testing.capacity.declare' }, schema: { tags, summary: 'Declare (or replace) a unit\'s capacity for a week', body: DeclareCapacityBody, response: { 200: z.object({ unitId: z.string(), unitName: z.string(), isoWeek: z.string(), testType, testsPerWeek: z.number(), previous: z.number().nullable() }) } } }, async (req) =>
    declareCapacity(ctx, actorOf(req), req.body),
  );

  app.get('/api/testing/statistics/reimbursement', { config: { access: 'testing.reimbursement.read' }, schema: { tags, summary: 'The reimbursement claim for a period', querystring: PeriodQuery, response: { 200: ReimbursementClaimView } } }, async (req) =>
    reimbursementClaim(ctx, actorOf(req), req.query),
  );
  downloadRoutes(app, ctx, {
    path: '/api/testing/statistics/reimbursement',
    access: 'testing.reimbursement.read',
    tags,
    what: 'The reimbursement claim',
    query: PeriodFilters,
    refine: dayRange(731),
    load: (actor, q: z.infer<typeof PeriodFilters>) => reimbursementClaim(ctx, actor, q),
    name: (q, d) => ['ersattning', d.regionId, q.from, q.to],
    tables: reimbursementTables,
    report: reimbursementPdf,
  });
  app.get('/api/testing/reimbursement-rates', { config: { access: 'testing.rates.read' }, schema: { tags, summary: 'The flat rates per test type, with their history', response: { 200: RatesView } } }, () => listRates(ctx));
  app.post('/api/testing/reimbursement-rates', { config: { access: 'testing.rates.set' }, schema: { tags, summary: 'Set a new flat rate for a test type from a day on (national analyst)', body: NewRateBody, response: { 200: RatesView } } }, async (req) =>
    setRate(ctx, actorOf(req), req.body),
  );
}
