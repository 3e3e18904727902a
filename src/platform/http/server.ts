import { z } from 'zod';
import Fastify, { type FastifyInstance, type FastifyRequest } from 'fastify';
import cookie from '@fastify/cookie';
import helmet from '@fastify/helmet';
import rateLimit from '@fastify/rate-limit';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import fastifyStatic from '@fastify/static';
import { jsonSchemaTransform, serializerCompiler, validatorCompiler, type ZodTypeProvider } from 'fastify-type-provider-zod';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { text } from '../text/index.js';
import type { Actor } from '../auth/actor.js';
import { requirePermission } from '../auth/permissions.js';
import { loadSession, SESSION_COOKIE } from '../auth/session.js';
import { refuseControlCharacters } from './control-characters.js';
import { errorHandler, sendProblem } from './problem.js';

export type App = FastifyInstance<any, any, any, any, ZodTypeProvider>;

export const webDist = fileURLToPath(new URL('../../../web/dist', import.meta.url));

export interface ServerOptions {
  /** Area plugins: each registers its routes under /api. */
  areas: ((app: App, ctx: AppContext) => Promise<void> | void)[];
  logger?: boolean;
}

/** The actor of an authenticated route (the access check has already run). */
export function actorOf(req: FastifyRequest): Actor {
  if (!req.actor) throw new AppError('unauthenticated', text('error.loginRequired'));
  return req.actor;
}

export async function buildServer(ctx: AppContext, opts: ServerOptions): Promise<App> {
  const app = Fastify({
    logger: opts.logger === false || ctx.config.logLevel === 'silent' ? false : {
      level: ctx.config.logLevel,
      // Requests may carry identity numbers in the URL; never write them to the log.
      serializers: { req: (r) => ({ method: r.method, url: r.url.replace(/\d{6,8}[-+]?\d{4}/g, '<id>'), id: r.id }) },
    },
    bodyLimit: 1_048_576,
    trustProxy: true,
    requestIdHeader: 'x-request-id',
    // A path too long for the router or not decodable: answered like every other error.
    frameworkErrors: (err, _req, reply) =>
      err.code === 'FST_ERR_MAX_PARAM_LENGTH'
        ? sendProblem(reply, 414, text('problem.urlTooLong'), [{ field: 'url', message: text('validation.urlTooLong') }])
        : sendProblem(reply, 400, text('problem.urlUnreadable'), [{ field: 'url', message: text('validation.urlInvalid') }]),
  }).withTypeProvider<ZodTypeProvider>();

  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);
  app.setErrorHandler(errorHandler);
  app.addHook('preValidation', refuseControlCharacters);

  // Access is declared on every API route and checked here, before any handler runs.
  app.decorate('accessTable', []);
  app.addHook('onRoute', (route) => {
    if (!route.url.startsWith('/api/') || route.url.startsWith('/api/docs')) return;
    const access = route.config?.access;
    if (!access) throw new Error(`Route ${route.method} ${route.url} declares no access; add config: { access: … }`);
    for (const method of [route.method].flat()) if (method !== 'HEAD') app.accessTable.push({ method, url: route.url, access });
    // A route that takes no query parameters refuses them: `?personId=…` on a citizen's own page must not
    // look as if it chose whose page it is.
    if (!route.schema?.querystring) route.schema = { ...route.schema, querystring: z.object({}).strict() };
  });

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        defaultSrc: ["'self'"],
        styleSrc: ["'self'", "'unsafe-inline'"], // Mantine injects style tags
        imgSrc: ["'self'", 'data:', 'blob:'],
        scriptSrc: ["'self'"],
        connectSrc: ["'self'"],
        mediaSrc: ["'self'", 'blob:'],
      },
    },
    crossOriginEmbedderPolicy: false,
  });
  // Who is asking is known before anything is counted or checked (a cookie that names no session is no one).
  app.addHook('onRequest', async (req) => {
    const token = routeAccess(req) ? req.cookies[SESSION_COOKIE] : undefined;
    if (!token) return;
    req.actor = await loadSession(ctx, token);
    req.sessionToken = req.actor ? token : undefined;
  });

  await app.register(rateLimit, {
    global: true,
    // Every request counts, refused ones too: a staff member against their own (higher) limit, never against
    // the public limit of the address they share with others (a hospital's one NAT address); everyone else
    // (public forms, logins, citizens, the not logged in) per client address.
    keyGenerator: (req) => (req.actor?.kind === 'staff' ? `staff:${req.actor.id}` : `address:${req.ip}`),
    max: (req) => (req.actor?.kind === 'staff' ? ctx.config.staffRateLimitPerMinute : ctx.config.rateLimitPerMinute),
    timeWindow: '1 minute',
    allowList: (req) => !req.url.startsWith('/api/'),
  });

  // The access check, after the rate limit's count and before the body is even read.
  app.addHook('preParsing', async (req, _reply, payload) => {
    const access = routeAccess(req);
    if (!access || access === 'public') return payload;
    if (!req.actor) throw new AppError('unauthenticated', text('error.loginRequired'));
    if (access !== 'authenticated') requirePermission(req.actor, access);
    return payload;
  });

  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: { title: 'Lägesbild API', version: '0.1.0', description: 'Communicable-disease response for a Swedish healthcare region. Errors are application/problem+json.' },
      components: { securitySchemes: { session: { type: 'apiKey', in: 'cookie', name: SESSION_COOKIE } } },
      security: [{ session: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: '/api/docs' });
  app.get('/api/openapi.json', { config: { access: 'public' }, schema: { hide: true } }, () => app.swagger());
  // For a load balancer in front of several instances: answers only when the database does.
  app.get('/api/health', { config: { access: 'public', rateLimit: false }, schema: { hide: true } }, async () => {
    await ctx.database.query('SELECT 1');
    return { status: 'ok' };
  });

  for (const area of opts.areas) await area(app, ctx);

  if (existsSync(webDist)) {
    await app.register(fastifyStatic, {
      root: webDist,
      wildcard: false,
      // Built assets have content hashes in their names and never change; the page itself must always be fresh.
      setHeaders: (reply, path) => reply.header('cache-control', path.includes('/assets/') ? 'public, max-age=31536000, immutable' : 'no-cache'),
    });
  }
  app.setNotFoundHandler((req, reply) => {
    if (req.url.startsWith('/api/') || !existsSync(webDist)) return sendProblem(reply, 404, text('problem.noEndpoint', { method: req.method, path: req.url.split('?')[0]! }));
    // The web app routes on the client: any other path gets its page.
    return reply.type('text/html').sendFile('index.html');
  });

  return app;
}

function routeAccess(req: FastifyRequest) {
  return req.routeOptions.config?.access;
}
