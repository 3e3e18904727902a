import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { BookBody, BookingView, BookOnBehalfBody, MoveBody, VaccinationRecordView } from '../schemas.js';
import * as service from './service.js';

const tags = ['vaccination'];
const BookingParams = z.object({ id: z.uuid() });
const Bookings = z.object({ bookings: z.array(BookingView) });
const PersonRecord = VaccinationRecordView.extend({ personId: z.string(), name: z.string(), age: z.number().nullable() });

export function bookingRoutes(app: App, ctx: AppContext) {
  // The citizen, for themself and the children in their household.
  app.get('/api/vaccination/my', { config: { access: 'vaccination.own' }, schema: { tags, summary: 'My (and my children’s) eligibility, bookings and vaccinations', response: { 200: z.object({ me: PersonRecord, children: z.array(PersonRecord) }) } } }, async (req) =>
    service.myVaccination(ctx, actorOf(req)),
  );
  app.post('/api/vaccination/my/bookings', { config: { access: 'vaccination.own' }, schema: { tags, summary: 'Book a time (personId: a child in my household)', body: BookBody, response: { 201: Bookings } } }, async (req, reply) =>
    reply.code(201).send({ bookings: await service.bookAsCitizen(ctx, actorOf(req), req.body) }),
  );
  app.post('/api/vaccination/my/bookings/:id/move', { config: { access: 'vaccination.own' }, schema: { tags, summary: 'Move my booking to another time', params: BookingParams, body: MoveBody, response: { 200: Bookings } } }, async (req) => ({
    bookings: await service.moveBooking(ctx, actorOf(req), req.params.id, req.body.slotId),
  }));
  app.post('/api/vaccination/my/bookings/:id/cancel', { config: { access: 'vaccination.own' }, schema: { tags, summary: 'Cancel my booking', params: BookingParams, response: { 200: Bookings } } }, async (req) => ({
    bookings: await service.cancelBooking(ctx, actorOf(req), req.params.id),
  }));

  // The call centre, for people without e-ID.
  app.post('/api/vaccination/bookings', { config: { access: 'vaccination.book.on-behalf' }, schema: { tags, summary: 'Book on behalf of someone (audited with the reason)', body: BookOnBehalfBody, response: { 201: Bookings } } }, async (req, reply) =>
    reply.code(201).send({ bookings: await service.bookOnBehalf(ctx, actorOf(req), req.body) }),
  );
  app.post('/api/vaccination/bookings/:id/move', { config: { access: 'vaccination.book.on-behalf' }, schema: { tags, summary: 'Move a booking on someone’s behalf', params: BookingParams, body: MoveBody, response: { 200: Bookings } } }, async (req) => ({
    bookings: await service.moveBooking(ctx, actorOf(req), req.params.id, req.body.slotId),
  }));
  app.post('/api/vaccination/bookings/:id/cancel', { config: { access: 'vaccination.book.on-behalf' }, schema: { tags, summary: 'Cancel a booking on someone’s behalf', params: BookingParams, response: { 200: Bookings } } }, async (req) => ({
    bookings: await service.cancelBooking(ctx, actorOf(req), req.params.id),
  }));
}
