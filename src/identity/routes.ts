import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import { LinkIdentityNumberBody, PersonFindQuery, PersonMatches, PersonPage, PersonSearchQuery, PersonView, Purpose, RegionView, RegisterPersonBody } from './schemas.js';
import { findPeople, getPerson, linkIdentityNumber, registerPerson, searchPeople } from './service.js';
import { listRegions } from './store.js';

const PersonParams = z.object({ id: z.uuid() });

export function identityRoutes(app: App, ctx: AppContext) {
  app.get('/api/regions', { config: { access: 'authenticated' }, schema: { tags: ['identity'], summary: 'The 21 regions', response: { 200: z.object({ regions: z.array(RegionView) }) } } }, async () => ({
    regions: await listRegions(ctx.database.db),
  }));

  app.post('/api/persons', { config: { access: 'identity.person.write' }, schema: { tags: ['identity'], summary: 'Register a person', body: RegisterPersonBody, response: { 201: PersonView } } }, async (req, reply) =>
    reply.code(201).send(await registerPerson(ctx, actorOf(req), req.body)),
  );

  app.get('/api/persons', { config: { access: 'identity.person.read' }, schema: { tags: ['identity'], summary: 'Find people by identity number or name (audited)', querystring: PersonSearchQuery, response: { 200: PersonPage } } }, async (req) =>
    searchPeople(ctx, actorOf(req), req.query),
  );

  app.get(
    '/api/persons/find',
    { config: { access: 'identity.person.read' }, schema: { tags: ['identity'], summary: 'Find one person by identity number, or by name and birth date, with a reason (at most ten; audited)', querystring: PersonFindQuery, response: { 200: PersonMatches } } },
    async (req) => findPeople(ctx, actorOf(req), req.query),
  );

  app.get('/api/persons/:id', { config: { access: 'identity.person.read' }, schema: { tags: ['identity'], summary: "Read a person's record (audited)", params: PersonParams, querystring: z.object({ purpose: Purpose }).strict(), response: { 200: PersonView } } }, async (req) =>
    getPerson(ctx, actorOf(req), req.params.id, req.query.purpose),
  );

  app.post('/api/persons/:id/identity-numbers', { config: { access: 'identity.person.link' }, schema: { tags: ['identity'], summary: 'Link a new identity number (merges records that share it)', params: PersonParams, body: LinkIdentityNumberBody, response: { 200: PersonView } } }, async (req) =>
    linkIdentityNumber(ctx, actorOf(req), req.params.id, req.body),
  );
}
