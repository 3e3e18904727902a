import type { Actor } from '../auth/actor.js';
import type { RouteAccess } from '../auth/permissions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must say. */
    access?: RouteAccess;
  }
  interface FastifyRequest {
    actor?: Actor;
    sessionToken?: string;
  }
}
