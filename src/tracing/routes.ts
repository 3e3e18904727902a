import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import { cursorParam, instant, text } from '../platform/input/index.js';
import { callOutcomes, caseStages } from './calls.js';
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
  stage: z.enum(caseStages).describe('Where the case stands: unassigned, assigned, trying (unreached calls), call_back, escalated (to the coordinator), reached'),
  unreachedCalls: z.number(),
  lastCallAt: z.string().nullable(),
  callBackAt: z.string().nullable(),
  assignedTo: z.string().nullable(),
  assignedToName: z.string().nullable(),
  referringUnitName: z.string().nullable().describe('The vårdcentral or ward whose referral gave the positive'),
  handlingUnitId: z.string().nullable(),
  handlingUnitName: z.string().nullable().describe('The vårdcentral tracing the case; null = the central tracing unit'),
});
const CaseParams = z.object({ id: z.uuid() });
export const CallView = z.object({
  id: z.string(),
  outcome: z.enum(callOutcomes),
  note: z.string().nullable(),
  durationMinutes: z.number(),
  callBackAt: z.string().nullable(),
  calledAt: z.string(),
  staffName: z.string(),
});

export function tracingRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/tracing/queue',
    {
      config: { access: 'tracing.queue.read' },
      schema: {
        tags,
        summary: 'Open cases by priority and deadline (audited)',
        querystring: z.object({ mine: z.enum(['true', 'false']).default('false').transform((v) => v === 'true'), limit: z.coerce.number().int().min(1).max(200).default(50), cursor: cursorParam.optional(), handledBy: z.enum(['central', 'unit']).optional().describe('Only the central unit’s cases, or only those handed to a vårdcentral') }).strict(),
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
    '/api/tracing/cases/:id/take',
    { config: { access: 'tracing.case.work' }, schema: { tags, summary: 'Take a case from the queue (409 when another tracer has it)', params: CaseParams, body: z.object({}).strict().optional(), response: { 200: z.object({ id: z.string(), assignedTo: z.string(), takenAt: z.string() }) } } },
    async (req) => service.takeCase(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/tracing/cases/:id/call',
    {
      config: { access: 'tracing.case.work' },
      schema: {
        tags,
        summary: 'Record a call to the index with its outcome, note and duration (a reached call meets the deadline; the third unreached one raises the case to the coordinator)',
        params: CaseParams,
        body: z
          .object({
            outcome: z.enum(callOutcomes),
            durationMinutes: z.number().int().min(0).max(600),
            note: text({ max: 5000, multiline: true, min: 0 }).optional(),
            callBackAt: instant.optional().describe('When to call back: required for the outcome call_back, refused otherwise'),
          })
          .strict(),
        response: {
          200: z.object({
            call: CallView,
            case: z.object({ id: z.string(), stage: z.enum(caseStages), firstCallAt: z.string().nullable(), unreachedCalls: z.number(), escalatedAt: z.string().nullable(), callBackAt: z.string().nullable() }),
          }),
        },
      },
    },
    async (req) => service.recordCall(ctx, actorOf(req), req.params.id, req.body),
  );
}
