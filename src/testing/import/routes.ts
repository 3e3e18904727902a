import { z } from 'zod';
import { text } from '../../platform/input/index.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { ResultField, TestTypeField } from '../schemas.js';
import { listImports, listRejections, listUnmatched, matchUnmatched } from './matching.js';
import { importResults } from './runner.js';

const tags = ['testing'];

export const ImportBody = z
  .object({
    fileName: text({ max: 255 }),
    format: z.enum(['csv', 'fhir']).optional().describe('Detected from the file name (.json = FHIR) or the content when left out'),
    content: z.string().min(1).max(50 * 1024 * 1024).describe('The file as text: CSV (kit_id;test_type;result;result_time;method) or a FHIR R4 Bundle as JSON'),
  })
  .strict();

export const ImportSummaryView = z.object({
  importId: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'fhir']),
  status: z.enum(['finished', 'already-imported']),
  resumedFrom: z.number(),
  rowsTotal: z.number(),
  rowsDone: z.number(),
  accepted: z.number(),
  unchanged: z.number(),
  held: z.number(),
  rejected: z.number(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  seconds: z.number(),
  rowsPerSecond: z.number(),
});

const ImportView = z.object({
  id: z.string(),
  fileName: z.string(),
  format: z.enum(['csv', 'fhir']),
  labUnitId: z.string().nullable(),
  startedAt: z.string(),
  finishedAt: z.string().nullable(),
  rowsDone: z.number(),
  rowsTotal: z.number().nullable(),
  accepted: z.number(),
  unchanged: z.number(),
  held: z.number(),
  rejected: z.number(),
});

const UnmatchedView = z.object({
  id: z.string(),
  importId: z.string().nullable(),
  line: z.number().nullable(),
  kitCode: z.string(),
  testType: TestTypeField,
  result: ResultField,
  resultAt: z.string(),
  method: z.string().nullable(),
  status: z.enum(['held', 'matched', 'discarded']),
  matchedSampleId: z.string().nullable(),
});

const MatchBody = z.union([z.object({ sampleId: z.uuid() }).strict(), z.object({ kitCode: text({ max: 200 }) }).strict()]);

/** Lab bulk import of results, and the held results a person matches by hand. */
export function testingImportRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/testing/lab/imports',
    { bodyLimit: 50 * 1024 * 1024, config: { access: 'testing.results.import' }, schema: { tags, summary: 'Import a file of lab results (CSV or FHIR Bundle)', body: ImportBody, response: { 200: ImportSummaryView } } },
    async (req) => {
      const actor = actorOf(req);
      const { reportPath: _, ...summary } = await importResults(ctx, actor, {
        fileName: req.body.fileName,
        format: req.body.format,
        content: Buffer.from(req.body.content, 'utf8'),
        labUnitId: actor.kind === 'staff' ? (actor.unitId ?? null) : null,
        reportPath: null,
      });
      return summary;
    },
  );
  app.get('/api/testing/lab/imports', { config: { access: 'testing.results.import' }, schema: { tags, summary: 'Imports, newest first', response: { 200: z.object({ imports: z.array(ImportView) }) } } }, async (req) => ({
    imports: await listImports(ctx, actorOf(req)),
  }));
  app.get(
    '/api/testing/lab/imports/:id/rejections',
    { config: { access: 'testing.results.import' }, schema: { tags, summary: 'The rows an import rejected, with line, field and reason', params: z.object({ id: z.uuid() }), response: { 200: z.object({ rejections: z.array(z.object({ line: z.number(), field: z.string().nullable(), reason: z.string() })) }) } } },
    async (req) => ({ rejections: await listRejections(ctx, actorOf(req), req.params.id) }),
  );
  app.get(
    '/api/testing/lab/unmatched',
    { config: { access: 'testing.unmatched.resolve' }, schema: { tags, summary: 'Results held because their kit id matched no sample', querystring: z.object({ status: z.enum(['held', 'matched', 'discarded']).default('held') }).strict(), response: { 200: z.object({ results: z.array(UnmatchedView) }) } } },
    async (req) => ({ results: await listUnmatched(ctx, actorOf(req), req.query.status) }),
  );
  app.post(
    '/api/testing/lab/unmatched/:id/match',
    { config: { access: 'testing.unmatched.resolve' }, schema: { tags, summary: 'Apply a held result to the right sample', params: z.object({ id: z.uuid() }), body: MatchBody, response: { 200: z.object({ id: z.string(), sampleId: z.string(), outcome: z.enum(['accepted', 'unchanged', 'held', 'rejected']) }) } } },
    async (req) => matchUnmatched(ctx, actorOf(req), req.params.id, req.body),
  );
}
