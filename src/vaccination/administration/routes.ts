import { z } from 'zod';
import { day } from '../../platform/input/index.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { Purpose } from '../../identity/schemas.js';
import { AppointmentView, DoseView, EligibilityView, RecordDoseBody, RiskGroupBody, SlotView, VaccinationRecordView } from '../schemas.js';
import { products } from '../products.js';
import * as service from './service.js';

const tags = ['vaccination'];
const PersonParams = z.object({ id: z.uuid() });

export function administrationRoutes(app: App, ctx: AppContext) {
  app.get('/api/vaccination/products', { config: { access: 'vaccination.sites.read' }, schema: { tags, summary: 'Vaccine products doses are recorded with', response: { 200: z.object({ products: z.array(z.object({ code: z.string(), name: z.string(), vaccine: z.string() })) }) } } }, async () => ({
    products: [...products],
  }));
  app.get('/api/vaccination/persons/:id', { config: { access: 'vaccination.eligibility.check' }, schema: { tags, summary: 'A person’s eligibility (with the reason), bookings and doses (audited)', params: PersonParams, querystring: z.object({ purpose: Purpose }).strict(), response: { 200: VaccinationRecordView.extend({ person: z.object({ id: z.string(), name: z.string(), identityNumber: z.string().nullable(), age: z.number().nullable() }), riskGroup: z.boolean() }) } } }, async (req) =>
    service.personVaccination(ctx, actorOf(req), req.params.id, req.query.purpose),
  );
  app.put('/api/vaccination/persons/:id/risk-group', { config: { access: 'vaccination.risk-group.record' }, schema: { tags, summary: 'Record whether the person belongs to a medical risk group', params: PersonParams, body: RiskGroupBody, response: { 200: z.object({ personId: z.string(), riskGroup: z.boolean() }) } } }, async (req) =>
    service.setRiskGroup(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/vaccination/sites/:id/appointments', { config: { access: 'vaccination.appointments.read' }, schema: { tags, summary: 'A site’s bookings on a day (audited)', params: PersonParams, querystring: z.object({ date: day }).strict(), response: { 200: z.object({ appointments: z.array(AppointmentView) }) } } }, async (req) => ({
    appointments: await service.appointments(ctx, actorOf(req), req.params.id, req.query.date),
  }));
  app.post('/api/vaccination/doses', { config: { access: 'vaccination.dose.record' }, schema: { tags, summary: 'Record a dose given, booked or not', body: RecordDoseBody, response: { 201: z.object({ dose: DoseView, next: EligibilityView.extend({ suggestedSlot: SlotView.nullable() }) }) } } }, async (req, reply) =>
    reply.code(201).send(await service.recordDose(ctx, actorOf(req), req.body)),
  );
}
