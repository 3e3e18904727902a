import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { code, instant, text } from '../../platform/input/index.js';
import { adverseEventStatistics, adverseEventTerms, myAdverseEvents, personAdverseEvents, reportAsCitizen, reportAsStaff } from './service.js';

const tags = ['vaccination adverse events'];

const ReportBody = z
  .object({
    doseId: z.string().max(40),
    /** Codes from `GET /api/vaccination/adverse-events/terms`. */
    symptoms: z.array(code(40)).min(1, 'choose at least one symptom').max(20),
    description: text({ max: 2000, min: 0, multiline: true }).optional(),
    onsetAt: instant,
    serious: z.boolean(),
    seriousCriteria: z.array(code(40)).max(10).default([]),
  })
  .strict();

const Term = z.object({ code: z.string(), sv: z.string(), en: z.string() });
const AdverseEventView = z.object({
  id: z.string(),
  doseId: z.string(),
  personId: z.string(),
  reporter: z.enum(['healthcare', 'citizen']),
  symptoms: z.array(z.string()),
  description: z.string().nullable(),
  onsetAt: z.string(),
  serious: z.boolean(),
  seriousCriteria: z.array(z.string()),
  reportedAt: z.string(),
  /** queued: waiting for the outbox; received: Läkemedelsverket's receipt is in; failed: the outbox gave up. */
  status: z.enum(['queued', 'received', 'failed']),
  receipt: z.object({ reference: z.string().nullable(), receivedAt: z.string() }).nullable(),
  lastError: z.string().nullable(),
  dose: z.object({ vaccine: z.string(), productCode: z.string(), productName: z.string(), batchNumber: z.string(), doseNumber: z.number(), administeredAt: z.string() }),
});
const Reports = z.object({ reports: z.array(AdverseEventView) });

export function vaccinationAdverseEventRoutes(app: App, ctx: AppContext) {
  app.get('/api/vaccination/adverse-events/terms', { config: { access: 'authenticated' }, schema: { tags, summary: 'The symptoms and seriousness criteria a report picks from (Swedish and English)', response: { 200: z.object({ symptoms: z.array(Term), seriousCriteria: z.array(Term) }) } } }, async () => adverseEventTerms());
  app.post(
    '/api/vaccination/persons/:personId/adverse-events',
    { config: { access: 'vaccination.adverse-events.report' }, schema: { tags, summary: 'Report a suspected adverse event after a dose the person was given (sent to Läkemedelsverket)', params: z.object({ personId: z.uuid() }), body: ReportBody, response: { 201: AdverseEventView } } },
    async (req, reply) => reply.code(201).send(await reportAsStaff(ctx, actorOf(req), req.params.personId, req.body)),
  );
  app.get(
    '/api/vaccination/persons/:personId/adverse-events',
    { config: { access: 'vaccination.adverse-events.report' }, schema: { tags, summary: 'A person’s adverse-event reports with Läkemedelsverket’s receipt (audited)', params: z.object({ personId: z.uuid() }), response: { 200: Reports } } },
    async (req) => personAdverseEvents(ctx, actorOf(req), req.params.personId),
  );
  app.post(
    '/api/vaccination/my/adverse-events',
    { config: { access: 'vaccination.own' }, schema: { tags, summary: 'The citizen reports a suspected adverse event after their own or their child’s dose', body: ReportBody, response: { 201: AdverseEventView } } },
    async (req, reply) => reply.code(201).send(await reportAsCitizen(ctx, actorOf(req), req.body)),
  );
  app.get('/api/vaccination/my/adverse-events', { config: { access: 'vaccination.own' }, schema: { tags, summary: 'The citizen’s own and their children’s adverse-event reports', response: { 200: Reports } } }, async (req) => myAdverseEvents(ctx, actorOf(req)));
  app.get(
    '/api/vaccination/adverse-events/statistics',
    {
      config: { access: 'vaccination.adverse-events.statistics' },
      schema: {
        tags,
        summary: 'Adverse-event reports per product and batch (counts only)',
        response: { 200: z.object({ batches: z.array(z.object({ productCode: z.string(), productName: z.string(), batchNumber: z.string(), reports: z.number(), serious: z.number(), received: z.number(), doses: z.number() })) }) },
      },
    },
    async (req) => adverseEventStatistics(ctx, actorOf(req)),
  );
}
