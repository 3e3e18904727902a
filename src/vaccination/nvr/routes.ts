import { z } from 'zod';
import { regionCode } from '../../platform/input/index.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { checkAnswerToken, recordLaterAnswer } from './answers.js';
import { pendingReports, resendReport } from './service.js';

const tags = ['vaccination NVR'];
/** A report not (yet) accepted by the register. */
const PendingStatus = z.enum(['queued', 'sent', 'rejected']);
const PendingView = z.object({
  counts: z.object({ queued: z.number(), sent: z.number(), accepted: z.number(), rejected: z.number(), notAcceptedOnReservnummer: z.number() }),
  doses: z.array(
    z.object({
      doseId: z.string(),
      personId: z.string(),
      person: z.string(),
      reservnummer: z.boolean(),
      status: PendingStatus,
      attempt: z.number(),
      vaccine: z.string().nullable(),
      doseNumber: z.number().nullable(),
      administeredAt: z.string().nullable(),
      siteName: z.string().nullable(),
      queuedAt: z.string(),
      sentAt: z.string().nullable(),
      rejection: z.string().nullable(),
      deliveryAttempts: z.number(),
      lastError: z.string().nullable(),
      nextAttemptAt: z.string().nullable(),
      deliveryFailed: z.boolean(),
    }),
  ),
});

export function vaccinationNvrRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/vaccination/nvr/pending',
    {
      config: { access: 'vaccination.nvr.read' },
      schema: {
        tags,
        summary: 'Doses not yet accepted by the national vaccination register (audited)',
        querystring: z.object({ status: PendingStatus.optional(), reservnummer: z.enum(['true', 'false']).transform((v) => v === 'true').optional(), limit: z.coerce.number().int().min(1).max(500).default(200) }).strict(),
        response: { 200: PendingView },
      },
    },
    async (req) => pendingReports(ctx, actorOf(req), req.query),
  );
  app.post('/api/vaccination/nvr/doses/:doseId/resend', { config: { access: 'vaccination.nvr.manage' }, schema: { tags, summary: 'Report a rejected dose again after correction', params: z.object({ doseId: z.uuid() }), body: z.object({}).strict().optional(), response: { 200: z.object({ doseId: z.string(), status: z.literal('queued'), attempt: z.number() }) } } }, async (req) =>
    resendReport(ctx, actorOf(req), req.params.doseId),
  );
  app.post(
    '/api/vaccination/nvr/answers',
    {
      // Called by NVR's integration, not by a person: it proves itself with the bearer token (NVR_ANSWER_TOKEN).
      config: { access: 'public' },
      schema: {
        tags,
        summary: 'NVR answers a report it took earlier (202): accepted with its reference, or rejected with the reason',
        body: z
          .object({ regionId: regionCode, messageId: z.string().max(80), status: z.enum(['accepted', 'rejected']), reference: z.string().max(200).optional(), reason: z.string().max(2000).optional() })
          .strict(),
        response: { 200: z.object({ doseId: z.string(), status: z.enum(['accepted', 'rejected']) }) },
      },
    },
    async (req) => {
      checkAnswerToken(ctx, req.headers.authorization);
      return recordLaterAnswer(ctx, req.body);
    },
  );
}
