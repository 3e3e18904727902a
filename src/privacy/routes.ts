import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import { extractPdf } from './extract/pdf.js';
import { registerExtract } from './extract/service.js';
import { extractLanguages } from './extract/texts.js';
import { purgeRuns } from './purge/job.js';

const tags = ['privacy'];
const ExtractQuery = z.object({ personId: z.guid().optional(), lang: z.enum(extractLanguages).default('sv') }).strict();
const Extract = z.object({
  kind: z.literal('lagesbild.register-extract'),
  format: z.literal(1),
  language: z.enum(extractLanguages),
  personId: z.string(),
  madeAt: z.string(),
  regionId: z.string(),
  regionName: z.string(),
  data: z.record(z.string(), z.unknown()),
});
const PurgeRun = z.object({ id: z.string(), asOf: z.string(), startedAt: z.string(), finishedAt: z.string().nullable(), counts: z.record(z.string(), z.number()) });
const attachment = (name: string) => `attachment; filename="${name}"`;
const fileName = (madeAt: string, ext: string) => `registerutdrag-${madeAt.slice(0, 10)}.${ext}`;

export function privacyRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/privacy/extract.json',
    { config: { access: 'privacy.extract' }, schema: { tags, summary: 'My register extract (or my child’s): everything Lägesbild holds, as JSON to keep (audited)', querystring: ExtractQuery, response: { 200: Extract } } },
    async (req, reply) => {
      const extract = await registerExtract(ctx, actorOf(req), { ...req.query, format: 'json' });
      return reply.header('cache-control', 'no-store').header('content-disposition', attachment(fileName(extract.madeAt, 'json'))).send(extract);
    },
  );
  app.get(
    '/api/privacy/extract.pdf',
    { config: { access: 'privacy.extract' }, schema: { tags, summary: 'My register extract (or my child’s) as a PDF to read, in Swedish or English (audited)', querystring: ExtractQuery } },
    async (req, reply) => {
      const extract = await registerExtract(ctx, actorOf(req), { ...req.query, format: 'pdf' });
      return reply.type('application/pdf').header('cache-control', 'no-store').header('content-disposition', attachment(fileName(extract.madeAt, 'pdf'))).send(await extractPdf(extract));
    },
  );
  app.get(
    '/api/privacy/purge/runs',
    { config: { access: 'privacy.purge.read' }, schema: { tags, summary: 'The retention purge’s latest runs: rows per rule, never their contents', response: { 200: z.object({ runs: z.array(PurgeRun) }) } } },
    async (req) => ({ runs: await purgeRuns(ctx, actorOf(req).regionId) }),
  );
}
