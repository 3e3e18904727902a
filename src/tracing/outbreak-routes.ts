import { z } from 'zod';
import { day, municipalityCode, text } from '../platform/input/index.js';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import * as outbreaks from './outbreaks.js';
import * as signals from './signals.js';

const tags = ['tracing'];
const SettingKind = z.enum(['care_home', 'home_care', 'workplace', 'school_class', 'association', 'event']);
const Outbreak = z.object({ id: z.string(), kind: SettingKind, label: z.string(), status: z.enum(['open', 'closed']), confirmedAt: z.string(), cases: z.number() });
const Signal = z.object({
  id: z.string(),
  receivedAt: z.string(),
  senderName: z.string(),
  senderContact: z.string(),
  organisation: z.string().nullable(),
  subject: z.string(),
  message: z.string(),
  outbreakId: z.string().nullable(),
  outbreakLabel: z.string().nullable(),
});

/** Smittskydd's view: cluster proposals, outbreaks with timeline and graph, kits for a class, the function mailbox. */
export function tracingOutbreakRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/tracing/clusters',
    {
      config: { access: 'tracing.outbreaks.read' },
      schema: {
        tags,
        summary: 'Cases sharing a setting within the window, proposed as clusters',
        response: {
          200: z.object({
            proposals: z.array(z.object({ kind: SettingKind, key: z.string(), label: z.string(), unitId: z.string().nullable(), schoolClass: z.string().nullable(), firstDate: z.string(), lastDate: z.string(), cases: z.number(), caseIds: z.array(z.string()) })),
            windowDays: z.number(),
            minCases: z.number(),
          }),
        },
      },
    },
    async (req) => outbreaks.clusterProposals(ctx, actorOf(req)),
  );
  app.post(
    '/api/tracing/outbreaks',
    {
      config: { access: 'tracing.outbreaks.manage' },
      schema: { tags, summary: 'Confirm a cluster as an outbreak', body: z.object({ kind: SettingKind, key: z.string().min(1).max(300), label: text({ max: 300 }), caseIds: z.array(z.uuid()).min(1).max(5000), note: text({ max: 2000, min: 0, multiline: true }).optional() }).strict(), response: { 200: Outbreak } },
    },
    async (req) => outbreaks.confirmOutbreak(ctx, actorOf(req), req.body),
  );
  app.post(
    '/api/tracing/outbreaks/manual',
    {
      config: { access: 'tracing.outbreaks.create' },
      schema: {
        tags,
        summary: 'Create an outbreak by hand: name, setting, place or municipality, start day and the cases of the region in it',
        body: z
          .object({ name: text({ max: 300 }), kind: SettingKind, place: text({ max: 300, min: 0 }).optional(), municipalityCode: municipalityCode.optional(), startDate: day, caseIds: z.array(z.uuid()).max(5000).default([]), note: text({ max: 2000, min: 0, multiline: true }).optional() })
          .strict(),
        response: { 201: Outbreak },
      },
    },
    async (req, reply) => reply.code(201).send(await outbreaks.createOutbreak(ctx, actorOf(req), req.body)),
  );
  app.get('/api/tracing/outbreaks', { config: { access: 'tracing.outbreaks.read' }, schema: { tags, summary: 'Outbreaks, open first', response: { 200: z.object({ outbreaks: z.array(Outbreak.extend({ lastCaseDate: z.string().nullable() })) }) } } }, async (req) =>
    outbreaks.listOutbreaks(ctx, actorOf(req)),
  );
  app.get(
    '/api/tracing/outbreaks/:id',
    {
      config: { access: 'tracing.outbreaks.read' },
      schema: {
        tags,
        summary: 'An outbreak: timeline and transmission graph (audited)',
        params: z.object({ id: z.uuid() }),
        response: {
          200: z.object({
            outbreak: Outbreak.extend({ unitId: z.string().nullable(), schoolClass: z.string().nullable(), note: z.string().nullable() }),
            timeline: z.array(z.object({ at: z.string(), kind: z.enum(['case', 'contact', 'signal']), caseId: z.string().optional(), label: z.string() })),
            graph: z.object({ nodes: z.array(z.object({ id: z.string(), label: z.string(), kind: z.enum(['case', 'contact']) })), edges: z.array(z.object({ from: z.string(), to: z.string(), confirmed: z.boolean() })) }),
            signals: z.array(z.object({ id: z.string(), receivedAt: z.string(), senderName: z.string(), organisation: z.string().nullable(), subject: z.string() })),
          }),
        },
      },
    },
    async (req) => outbreaks.outbreakDetail(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/tracing/outbreaks/:id/order-kits',
    { config: { access: 'tracing.outbreaks.manage' }, schema: { tags, summary: 'Order self-sampling kits for every pupil of the school class', params: z.object({ id: z.uuid() }), body: z.object({ distributionPointId: z.uuid() }).strict(), response: { 200: z.object({ ordered: z.number() }) } } },
    async (req) => outbreaks.orderKitsForClass(ctx, actorOf(req), req.params.id, req.body.distributionPointId),
  );
  app.post(
    '/api/tracing/signals',
    {
      config: { access: 'public' },
      schema: {
        tags,
        summary: "Write to Smittskydd's function mailbox (public form)",
        body: z.object({ senderName: text({ max: 200 }), senderContact: text({ max: 200, min: 3 }), organisation: text({ max: 200, min: 0 }).optional(), subject: text({ max: 300 }), message: text({ max: 10_000, multiline: true }) }).strict(),
        response: { 200: z.object({ id: z.string(), receivedAt: z.string() }) },
      },
    },
    async (req) => signals.receiveSignal(ctx, req.body),
  );
  app.get('/api/tracing/signals', { config: { access: 'tracing.signals.read' }, schema: { tags, summary: 'The function mailbox, unlinked first', response: { 200: z.object({ signals: z.array(Signal) }) } } }, async (req) =>
    signals.listSignals(ctx, actorOf(req)),
  );
  app.post(
    '/api/tracing/signals/:id/link',
    { config: { access: 'tracing.outbreaks.manage' }, schema: { tags, summary: 'Link a signal to an outbreak', params: z.object({ id: z.uuid() }), body: z.object({ outbreakId: z.uuid() }).strict(), response: { 200: z.object({ id: z.string(), outbreakId: z.string(), outbreakLabel: z.string() }) } } },
    async (req) => signals.linkSignal(ctx, actorOf(req), req.params.id, req.body.outbreakId),
  );
}
