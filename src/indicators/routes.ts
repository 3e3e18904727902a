import { z } from 'zod';
import { code, day, text } from '../platform/input/index.js';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import { compareRegions, consistencyList } from './comparison.js';
import { computeIndicators, listRuns } from './compute.js';
import { importContacts } from './contacts.js';
import { createDefinition, listDefinitions, reviseDefinition, setDefinitionActive } from './definitions.js';
import { DOCUMENT_FORMAT, exportDocument, importDocument, indicatorExport, indicatorTables } from './exchange.js';
import { downloadRoutes } from '../platform/files/downloads.js';
import { importRejections, listImports } from './imports.js';
import { computations, orgLevels, periodTypes, targetDirections, units, valueSources } from './model.js';
import { importValues } from './value-import.js';
import { aggregates, listValues, recordValue } from './values.js';
import {
  AggregatesView,
  ComparisonView,
  ComputeRunView,
  ConsistencyView,
  DefinitionView,
  ImportedDocumentView,
  ImportsView,
  ImportSummaryView,
  RecordedValueView,
  RejectionsView,
  RunsView,
  ValueView,
} from './views.js';

const tags = ['indicators'];
const read = 'indicators.read' as const;
const indicatorCode = code(60, /^[a-z0-9_]+$/);
const period = text({ max: 10 });
const amount = z.number().min(0).max(1e12);
const IdParams = z.object({ id: z.guid() });

const DefinitionBody = z
  .object({
    nameSv: text({ max: 200 }),
    nameEn: text({ max: 200 }),
    numerator: text({ max: 500 }),
    denominator: text({ max: 500 }),
    computation: z.enum(computations).nullable().optional(),
    unit: z.enum(units),
    source: text({ max: 200 }),
    population: text({ max: 300 }),
    periodType: z.enum(periodTypes),
    target: z.object({ value: z.number().min(-1e9).max(1e9), direction: z.enum(targetDirections), date: day.nullable().optional() }).strict().nullable().optional(),
    owner: text({ max: 100 }),
    note: text({ max: 2000, min: 0, multiline: true }).nullable().optional(),
  })
  .strict();

const FileBody = z
  .object({
    fileName: text({ max: 255 }),
    content: z.string().min(1).max(70 * 1024 * 1024).describe('The file: CSV as text, or XLSX as base64 (encoding: base64)'),
    encoding: z.enum(['text', 'base64']).default('text'),
  })
  .strict();
const fileOf = (b: z.infer<typeof FileBody>) => ({ fileName: b.fileName, content: Buffer.from(b.content, b.encoding === 'base64' ? 'base64' : 'utf8') });

const DocumentBody = z
  .object({
    format: z.literal(DOCUMENT_FORMAT),
    exportedAt: z.string().max(40),
    fromRegion: code(2, /^\d{2}$/),
    definition: DefinitionBody.omit({ target: true, computation: true, note: true })
      .extend({ code: indicatorCode, version: z.number().int().min(1).max(10_000), computation: z.enum(computations).nullable(), note: text({ max: 2000, min: 0, multiline: true }).nullable(), target: z.object({ value: z.number().min(-1e9).max(1e9), direction: z.enum(targetDirections), date: day.nullable() }).strict().nullable() })
      .strict(),
    values: z.array(z.object({ regionId: code(2, /^\d{2}$/), period, numerator: amount, denominator: amount, source: z.enum(valueSources) }).strict()).max(100_000),
  })
  .strict();

export function indicatorRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/indicators/definitions',
    { config: { access: read }, schema: { tags, summary: 'Indicator definitions, every version', querystring: z.object({ code: indicatorCode.optional(), activeOnly: z.coerce.boolean().optional() }).strict(), response: { 200: z.object({ definitions: z.array(DefinitionView) }) } } },
    async (req) => ({ definitions: await listDefinitions(ctx, req.query) }),
  );
  app.post('/api/indicators/definitions', { config: { access: 'indicators.definitions.manage' }, schema: { tags, summary: 'A new indicator (version 1)', body: DefinitionBody.extend({ code: indicatorCode }).strict(), response: { 201: DefinitionView } } }, async (req, reply) =>
    reply.code(201).send(await createDefinition(ctx, actorOf(req), req.body)),
  );
  app.post(
    '/api/indicators/definitions/:code/versions',
    { config: { access: 'indicators.definitions.manage' }, schema: { tags, summary: 'A changed definition: the next version, which becomes the active one', params: z.object({ code: indicatorCode }), body: DefinitionBody, response: { 201: DefinitionView } } },
    async (req, reply) => reply.code(201).send(await reviseDefinition(ctx, actorOf(req), req.params.code, req.body)),
  );
  app.put(
    '/api/indicators/definitions/:id/active',
    { config: { access: 'indicators.definitions.manage' }, schema: { tags, summary: 'Make a version the active one, or retire it', params: IdParams, body: z.object({ active: z.boolean() }).strict(), response: { 200: DefinitionView } } },
    async (req) => setDefinitionActive(ctx, actorOf(req), req.params.id, req.body.active),
  );
  app.get('/api/indicators/definitions/:id/document', { config: { access: read }, schema: { tags, summary: "A definition version with the region's figures, for another instance (aggregates only)", params: IdParams } }, async (req) =>
    exportDocument(ctx, actorOf(req), req.params.id),
  );
  app.post('/api/indicators/documents', { bodyLimit: 20 * 1024 * 1024, config: { access: 'indicators.documents.import' }, schema: { tags, summary: "Take in another instance's indicator document", body: DocumentBody, response: { 200: ImportedDocumentView } } }, async (req) =>
    importDocument(ctx, actorOf(req), req.body),
  );

  app.get(
    '/api/indicators/values',
    { config: { access: read }, schema: { tags, summary: "The region's values of one indicator, every version", querystring: z.object({ code: indicatorCode, period: period.optional(), source: z.enum(valueSources).optional() }).strict(), response: { 200: z.object({ values: z.array(ValueView) }) } } },
    async (req) => ({ values: await listValues(ctx, actorOf(req), req.query) }),
  );
  app.post(
    '/api/indicators/values',
    {
      config: { access: 'indicators.values.record' },
      schema: { tags, summary: 'Enter a value (numerator and denominator) against the active version', body: z.object({ definitionId: z.guid(), orgLevel: z.enum(orgLevels), orgCode: text({ max: 100 }), orgName: text({ max: 200 }).optional(), period, numerator: amount, denominator: amount }).strict(), response: { 201: RecordedValueView } },
    },
    async (req, reply) => reply.code(201).send(await recordValue(ctx, actorOf(req), req.body)),
  );
  app.get(
    '/api/indicators/aggregates',
    { config: { access: read }, schema: { tags, summary: "Regions' and the nation's figures for a version and period, summed exactly", querystring: z.object({ definitionId: z.guid(), period, source: z.enum(valueSources).default('reported') }).strict(), response: { 200: AggregatesView } } },
    async (req) => aggregates(ctx, req.query),
  );
  app.get(
    '/api/indicators/comparison',
    {
      config: { access: read },
      schema: { tags, summary: 'One indicator across regions and over time, with the target; other definition versions apart', querystring: z.object({ code: indicatorCode, regions: code(200, /^\d{2}(,\d{2})*$/).optional(), from: period.optional(), to: period.optional() }).strict(), response: { 200: ComparisonView } },
    },
    async (req) => compareRegions(ctx, { code: req.query.code, regionIds: req.query.regions?.split(','), from: req.query.from, to: req.query.to }),
  );
  app.get(
    '/api/indicators/consistency',
    { config: { access: read }, schema: { tags, summary: 'Two sources of the same figure differing beyond a tolerance', querystring: z.object({ code: indicatorCode.optional(), tolerance: z.coerce.number().min(0).max(1e9).default(2) }).strict(), response: { 200: ConsistencyView } } },
    async (req) => consistencyList(ctx, actorOf(req), req.query),
  );
  const ExportFilters = z.object({ code: indicatorCode.optional() }).strict();
  downloadRoutes(app, ctx, {
    path: '/api/indicators/export',
    access: read,
    tags,
    what: 'Values with their definitions',
    query: ExportFilters,
    load: (actor, q: z.infer<typeof ExportFilters>) => indicatorExport(ctx, actor, q.code),
    name: (q) => ['indikatorer', q.code],
    tables: indicatorTables,
  });

  app.post('/api/indicators/imports/values', { bodyLimit: 70 * 1024 * 1024, config: { access: 'indicators.values.record' }, schema: { tags, summary: 'Import values from CSV or XLSX, row by row', body: FileBody, response: { 200: ImportSummaryView } } }, async (req) =>
    importValues(ctx, actorOf(req), fileOf(req.body)),
  );
  app.post('/api/indicators/imports/contacts', { bodyLimit: 70 * 1024 * 1024, config: { access: 'indicators.contacts.import' }, schema: { tags, summary: 'Import primary-care contacts from CSV or XLSX', body: FileBody, response: { 200: ImportSummaryView } } }, async (req) =>
    importContacts(ctx, actorOf(req), fileOf(req.body)),
  );
  app.get('/api/indicators/imports', { config: { access: read }, schema: { tags, summary: "The region's imports, newest first", response: { 200: ImportsView } } }, async (req) => ({ imports: await listImports(ctx, actorOf(req)) }));
  app.get('/api/indicators/imports/:id/rejections', { config: { access: read }, schema: { tags, summary: 'The rows an import kept out, with row, column and reason', params: IdParams, response: { 200: RejectionsView } } }, async (req) => ({
    rejections: await importRejections(ctx, actorOf(req), req.params.id),
  }));

  app.post('/api/indicators/compute', { config: { access: 'indicators.compute' }, schema: { tags, summary: "Compute indicators from Lägesbild's own data for a period", body: z.object({ period }).strict(), response: { 201: ComputeRunView } } }, async (req, reply) =>
    reply.code(201).send(await computeIndicators(ctx, actorOf(req), req.body)),
  );
  app.get('/api/indicators/compute/runs', { config: { access: read }, schema: { tags, summary: 'Compute runs: when, by whom, from what', response: { 200: RunsView } } }, async (req) => ({ runs: await listRuns(ctx, actorOf(req)) }));
}
