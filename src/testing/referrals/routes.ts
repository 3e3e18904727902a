import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { ReferralList, ReferralListQuery, ReferralView, WriteReferralBody } from './schemas.js';
import * as service from './service.js';

const tags = ['testing'];
const Id = z.object({ id: z.uuid() }).strict();

export function referralRoutes(app: App, ctx: AppContext) {
  // The clinician at a vårdcentral or ward.
  app.post('/api/testing/referrals', { config: { access: 'testing.referrals.write' }, schema: { tags, summary: 'Write a lab referral (remiss) for a person', body: WriteReferralBody, response: { 201: ReferralView } } }, async (req, reply) =>
    reply.code(201).send(await service.writeReferral(ctx, actorOf(req), req.body)),
  );
  app.get('/api/testing/referrals', { config: { access: 'testing.referrals.write' }, schema: { tags, summary: 'My unit’s referrals with their states and answers', querystring: ReferralListQuery, response: { 200: ReferralList } } }, async (req) =>
    service.unitReferrals(ctx, actorOf(req), req.query),
  );
  app.get('/api/testing/referrals/:id/label.pdf', { config: { access: 'testing.referrals.write' }, schema: { tags, summary: 'The tube label with the referral id as QR code (PDF)', params: Id } }, async (req, reply) => {
    const { code, pdf } = await service.referralLabel(ctx, actorOf(req), req.params.id);
    return reply.type('application/pdf').header('cache-control', 'no-store').header('content-disposition', `attachment; filename="remiss-${code}.pdf"`).send(pdf);
  });
  // The lab.
  app.get('/api/testing/lab/referrals', { config: { access: 'testing.sample.receive' }, schema: { tags, summary: 'Referrals expected at the lab (not yet answered), overdue first', response: { 200: ReferralList } } }, async (req) =>
    service.expectedReferrals(ctx, actorOf(req)),
  );
}
