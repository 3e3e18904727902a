import type { Actor } from '../auth/actor.js';
import type { RouteAccess } from '../auth/permissions.js';

declare module 'fastify' {
  interface FastifyContextConfig {
    /** Who may call the route; every /api route must say. */
    access?: RouteAccess;
  }
  interface FastifyInstance {
    /** Every API route and who may call it, for the access-matrix test and the docs. */
    accessTable: { method: string; url: string; access: RouteAccess }[];
  }
  interface FastifyRequest {
    actor?: Actor;
    sessionToken?: string;
  }
}
