import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import { cursorParam, text } from '../platform/input/index.js';
import * as service from './service.js';

const tags = ['tracing'];
const CaseView = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  priority: z.number(),
  priorityReason: z.string(),
  openedAt: z.string(),
  questionnaireDueAt: z.string(),
  firstCallDueAt: z.string(),
  overdue: z.boolean(),
  possibleReinfection: z.boolean(),
  assignedTo: z.string().nullable(),
  assignedToName: z.string().nullable(),
});
const CaseParams = z.object({ id: z.uuid() });

export function tracingRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/tracing/queue',
    {
      config: { access: 'tracing.queue.read' },
      schema: {
        tags,
        summary: 'Open cases by priority and deadline (audited)',
        querystring: z.object({ mine: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'), limit: z.coerce.number().int().min(1).max(200).default(50), cursor: cursorParam.optional() }).strict(),
        response: { 200: z.object({ cases: z.array(CaseView), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => service.queue(ctx, actorOf(req), req.query),
  );
  app.get('/api/tracing/tracers', { config: { access: 'tracing.assign' }, schema: { tags, summary: 'Tracers and their open cases', response: { 200: z.object({ tracers: z.array(z.object({ id: z.string(), name: z.string(), openCases: z.number() })) }) } } }, async (req) => ({
    tracers: await service.tracers(ctx, actorOf(req)),
  }));
  app.post('/api/tracing/cases/:id/assign', { config: { access: 'tracing.assign' }, schema: { tags, summary: 'Assign a case to a tracer', params: CaseParams, body: z.object({ staffId: z.uuid() }).strict(), response: { 200: z.object({ id: z.string(), assignedTo: z.string() }) } } }, async (req) =>
    service.assignCase(ctx, actorOf(req), req.params.id, req.body.staffId),
  );
  app.post('/api/tracing/assign-balanced', { config: { access: 'tracing.assign' }, schema: { tags, summary: 'Assign unassigned cases by load', body: z.object({}).strict().optional(), response: { 200: z.object({ assigned: z.number(), perTracer: z.array(z.object({ staffId: z.string(), name: z.string(), count: z.number() })) }) } } }, async (req) =>
    service.assignBalanced(ctx, actorOf(req)),
  );
  app.post(
    '/api/tracing/cases/:id/call',
    {
      config: { access: 'tracing.case.work' },
      schema: { tags, summary: 'Record a call to the index (the first one meets the deadline)', params: CaseParams, body: z.object({ note: text({ max: 5000, multiline: true }).optional() }).strict().optional(), response: { 200: z.object({ id: z.string(), firstCallAt: z.string() }) } },
    },
    async (req) => service.recordCall(ctx, actorOf(req), req.params.id, req.body?.note),
  );
}
