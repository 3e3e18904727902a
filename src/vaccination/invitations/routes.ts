import type { FastifyReply } from 'fastify';
import { z } from 'zod';
import { AppError } from '../../platform/errors.js';
import { day, dayRange, municipalityCode } from '../../platform/input/index.js';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { vaccines } from '../model.js';
import { cancellationsByAgeGroup } from './cancellations.js';
import { buildList, getList, letters, listLists, remind, sendInvitations } from './service.js';

const tags = ['vaccination invitations'];
const access = 'vaccination.invitations.manage' as const;
const IdParams = z.object({ id: z.uuid() });
/** A list with counts only (no names): invited, letters and SMS sent, booked or vaccinated since, reminded, cancelled. */
const ListView = z.object({
  id: z.string(),
  title: z.string(),
  vaccine: z.enum(vaccines),
  municipalityCode: z.string().nullable(),
  postalCodePrefix: z.string().nullable(),
  builtFor: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  people: z.number(),
  lettersSent: z.number(),
  smsSent: z.number(),
  reminded: z.number(),
  bookedOrVaccinated: z.number(),
  cancelledWithoutNewBooking: z.number(),
});
const Counts = { booked: z.number(), cancelled: z.number(), cancelledShare: z.number().nullable() };
const CancellationsView = z.object({ from: z.string(), to: z.string(), vaccine: z.enum(vaccines), groups: z.array(z.object({ ageGroup: z.string(), ...Counts })), total: z.object(Counts) });
/** Aborts when the client closes the connection before the answer is complete (a cancelled download). */
function whenGivenUp(reply: FastifyReply): AbortSignal {
  const given = new AbortController();
  reply.raw.on('close', () => {
    if (!reply.raw.writableFinished) given.abort(new AppError('unavailable', 'The client closed the connection before the letters were ready'));
  });
  return given.signal;
}

const pdf = (reply: { type(t: string): { header(k: string, v: string): { send(b: Buffer): unknown } } }, name: string, body: Buffer) => reply.type('application/pdf').header('content-disposition', `attachment; filename="${name}"`).send(body);

export function vaccinationInvitationRoutes(app: App, ctx: AppContext) {
  app.get('/api/vaccination/invitations/lists', { config: { access }, schema: { tags, summary: 'Invitation lists with their counts', response: { 200: z.object({ lists: z.array(ListView) }) } } }, async (req) => listLists(ctx, actorOf(req)));
  app.post(
    '/api/vaccination/invitations/lists',
    {
      config: { access },
      schema: {
        tags,
        summary: 'Build an invitation list of eligible, unvaccinated people of an area (audited)',
        body: z.object({ recommendationId: z.uuid(), municipalityCode: municipalityCode.optional(), postalCodePrefix: z.string().max(5).regex(/^\d{1,5}$/, '1–5 digits of a postcode').optional(), on: day.optional() }).strict(),
        response: { 201: ListView },
      },
    },
    async (req, reply) => reply.code(201).send(await buildList(ctx, actorOf(req), req.body)),
  );
  app.get('/api/vaccination/invitations/lists/:id', { config: { access }, schema: { tags, summary: 'One invitation list with its counts', params: IdParams, response: { 200: ListView } } }, async (req) => getList(ctx, actorOf(req), req.params.id));
  app.post('/api/vaccination/invitations/lists/:id/send', { config: { access }, schema: { tags, summary: 'Send the letters (for print) and SMS not yet sent', params: IdParams, body: z.object({ letters: z.boolean().default(true), sms: z.boolean().default(true) }).strict(), response: { 200: z.object({ listId: z.string(), letters: z.number(), sms: z.number(), withoutPhone: z.number() }) } } }, async (req) =>
    sendInvitations(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/vaccination/invitations/lists/:id/remind', { config: { access }, schema: { tags, summary: 'Remind by SMS those who have not booked', params: IdParams, body: z.object({ afterDays: z.number().int().min(0).max(90).default(7) }).strict(), response: { 200: z.object({ listId: z.string(), reminded: z.number(), notBookedWithoutPhone: z.number() }) } } }, async (req) =>
    remind(ctx, actorOf(req), req.params.id, req.body),
  );
  app.get('/api/vaccination/invitations/lists/:id/letters.pdf', { config: { access }, schema: { tags, summary: 'All letters of the list merged into one PDF for print (audited)', params: IdParams } }, async (req, reply) =>
    pdf(reply, `kallelser-${req.params.id}.pdf`, await letters(ctx, actorOf(req), req.params.id, undefined, whenGivenUp(reply))),
  );
  app.get('/api/vaccination/invitations/lists/:id/letters/:personId.pdf', { config: { access }, schema: { tags, summary: "One person's letter as PDF (audited)", params: z.object({ id: z.uuid(), personId: z.uuid() }) } }, async (req, reply) =>
    pdf(reply, `kallelse-${req.params.personId}.pdf`, await letters(ctx, actorOf(req), req.params.id, req.params.personId, whenGivenUp(reply))),
  );
  app.get(
    '/api/vaccination/invitations/cancellations',
    { config: { access }, schema: { tags, summary: 'Bookings and cancellations by age group', querystring: z.object({ from: day, to: day, vaccine: z.enum(vaccines).default('covid-19'), listId: z.uuid().optional() }).strict().superRefine(dayRange(366)), response: { 200: CancellationsView } } },
    async (req) => cancellationsByAgeGroup(ctx, actorOf(req), req.query),
  );
}
