import { z } from 'zod';
import type { FastifyRequest } from 'fastify';
import type { AppContext } from '../../platform/context.js';
import type { App } from '../../platform/http/server.js';
import { manifest, resources, SMART_FILES } from './publish.js';

const tags = ['vaccination'];
/** Public and unauthenticated: a crawler gets a few fetches a minute per address. */
const rateLimit = { max: 30, timeWindow: '1 minute' };

const baseOf = (ctx: AppContext, req: FastifyRequest) => (ctx.config.publicUrl ?? `${req.protocol}://${req.host}`).replace(/\/$/, '');

export function smartRoutes(app: App, ctx: AppContext) {
  app.get('/api/vaccination/$bulk-publish', { config: { access: 'public', rateLimit }, schema: { tags, summary: 'SMART Scheduling Links manifest of open vaccination times' } }, async (req) =>
    manifest(baseOf(ctx, req), ctx.clock.now().toISOString()),
  );
  app.get('/api/vaccination/smart/:file', { config: { access: 'public', rateLimit }, schema: { tags, summary: 'Location, Schedule or Slot resources as NDJSON', params: z.object({ file: z.enum(SMART_FILES.map((f) => `${f}.ndjson`) as [string, ...string[]]) }) } }, async (req, reply) => {
    const file = req.params.file.replace('.ndjson', '') as (typeof SMART_FILES)[number];
    const list = await resources(ctx.database.db, ctx.config.regionId, file, baseOf(ctx, req), ctx.clock.now());
    return reply.type('application/fhir+ndjson').header('cache-control', 'public, max-age=60').send(list.map((r) => JSON.stringify(r)).join('\n') + (list.length ? '\n' : ''));
  });
}
