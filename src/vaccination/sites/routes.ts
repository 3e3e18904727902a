import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { AvailabilityView, CreateSiteBody, GenerateSlotsBody, OpeningHoursBody, SiteDetailView, SiteView, SlotQuery, SlotView, StaffingBody } from '../schemas.js';
import * as service from './service.js';

const tags = ['vaccination'];
const SiteParams = z.object({ id: z.uuid() });

export function siteRoutes(app: App, ctx: AppContext) {
  app.get('/api/vaccination/sites', { config: { access: 'vaccination.sites.read' }, schema: { tags, summary: 'Vaccination sites (for a citizen: where they can book, nearest first)', response: { 200: z.object({ sites: z.array(SiteView) }) } } }, async (req) => ({
    sites: await service.listSites(ctx, actorOf(req)),
  }));
  app.post('/api/vaccination/sites', { config: { access: 'vaccination.sites.manage' }, schema: { tags, summary: 'Add a site', body: CreateSiteBody, response: { 201: SiteView } } }, async (req, reply) =>
    reply.code(201).send(await service.createSite(ctx, actorOf(req), req.body)),
  );
  app.get('/api/vaccination/sites/:id', { config: { access: 'vaccination.sites.manage' }, schema: { tags, summary: 'A site with its opening hours and staffing', params: SiteParams, response: { 200: SiteDetailView } } }, async (req) =>
    service.getSite(ctx, actorOf(req), req.params.id),
  );
  app.put('/api/vaccination/sites/:id/hours', { config: { access: 'vaccination.sites.manage' }, schema: { tags, summary: 'Set the weekly opening hours', params: SiteParams, body: OpeningHoursBody, response: { 200: z.object({ hours: z.array(z.object({ weekday: z.number(), opens: z.string(), closes: z.string() })) }) } } }, async (req) =>
    service.setOpeningHours(ctx, actorOf(req), req.params.id, req.body),
  );
  app.put('/api/vaccination/sites/:id/staffing', { config: { access: 'vaccination.sites.manage' }, schema: { tags, summary: 'Vaccinators on duty and pace for some days; scales existing times up or down', params: SiteParams, body: StaffingBody, response: { 200: z.object({ days: z.number(), rescaledSlots: z.number(), heldByBookings: z.number() }) } } }, async (req) =>
    service.setStaffing(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/vaccination/sites/:id/slots', { config: { access: 'vaccination.sites.manage' }, schema: { tags, summary: 'Make bookable times from opening hours and staffing', params: SiteParams, body: GenerateSlotsBody, response: { 201: z.object({ created: z.number(), skipped: z.number(), seats: z.number(), daysWithoutStaff: z.number() }) } } }, async (req, reply) =>
    reply.code(201).send(await service.generateSlots(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.get('/api/vaccination/slots', { config: { access: 'vaccination.sites.read' }, schema: { tags, summary: 'Free times at a site', querystring: SlotQuery, response: { 200: z.object({ slots: z.array(SlotView) }) } } }, async (req) => ({
    slots: await service.listSlots(ctx, actorOf(req), req.query),
  }));
  app.get('/api/vaccination/availability', { config: { access: 'vaccination.sites.read' }, schema: { tags, summary: 'When there is no free time: the next one, and when new times are released', querystring: z.object({ siteId: z.uuid().optional() }).strict(), response: { 200: AvailabilityView } } }, async (req) =>
    service.availabilityFor(ctx, actorOf(req), req.query.siteId),
  );
}
