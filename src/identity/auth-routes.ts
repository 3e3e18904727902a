import { z } from 'zod';
import type { FastifyReply } from 'fastify';
import type { Actor } from '../platform/auth/actor.js';
import { roles, staffRoles } from '../platform/auth/roles.js';
import { OidcLogin } from '../platform/auth/oidc.js';
import { createSession, endSession, SESSION_COOKIE, setSessionLanguage } from '../platform/auth/session.js';
import type { AppContext } from '../platform/context.js';
import { publicUrlOf } from '../platform/config.js';
import { AppError, notFound } from '../platform/errors.js';
import { LANGUAGES, text } from '../platform/text/index.js';
import { actorOf, type App } from '../platform/http/server.js';
import { citizenActorFromClaims, demoActor, demoUsers, staffActorFromClaims } from './login.js';
import * as store from './store.js';

const SessionView = z.object({
  actor: z.object({
    kind: z.enum(['staff', 'citizen']),
    id: z.string(),
    name: z.string(),
    role: z.enum(roles),
    region: z.object({ id: z.string(), name: z.string() }),
    unitName: z.string().nullable().optional(),
    /** The language chosen in this session (or a citizen's saved choice); null until one is chosen. */
    language: z.enum(LANGUAGES).nullable(),
  }),
});

const DemoUsers = z.object({
  staff: z.array(z.object({ id: z.string(), name: z.string(), role: z.enum(staffRoles), unitName: z.string().nullable() })),
  citizens: z.array(z.object({ id: z.string(), name: z.string(), age: z.number().nullable(), note: z.string() })),
});

/**
 * Binds an OIDC login to the browser that started it: the callback must come with the same state in this
 * cookie, or someone could start a login, stop at the callback URL and get a victim to finish it (login CSRF).
 */
const OIDC_STATE_COOKIE = 'lb_oidc_state';
const OIDC_COOKIE_PATH = '/api/auth/oidc';

/** Only same-site paths may be returned to after login (no open redirect). */
const ReturnTo = z.string().max(2000).regex(/^\/(?!\/)[^\s\\]*$/, 'a path on this site').default('/');

export function authRoutes(app: App, ctx: AppContext) {
  let oidc: Promise<OidcLogin> | undefined;
  const publicUrl = () => publicUrlOf(ctx.config);
  const oidcLogin = () => {
    if (!ctx.config.oidc) throw notFound(text('what.oidcLogin'));
    oidc ??= OidcLogin.discover(ctx, publicUrl()).catch((e) => {
      oidc = undefined;
      throw new AppError('unavailable', text('identity.idpUnreachable', { reason: (e as Error).message }));
    });
    return oidc;
  };

  async function sessionView(actor: Actor) {
    // A session is a person's: the system actor never logs in.
    if (actor.kind === 'system') throw new AppError('forbidden', text('identity.systemNoSession'));
    const region = await store.getRegion(ctx.database.db, actor.regionId);
    const unitName = actor.kind === 'staff' && actor.unitId ? (await store.findStaff(ctx.database.db, actor.regionId, actor.id))?.unitName : undefined;
    return { actor: { kind: actor.kind, id: actor.id, name: actor.name, role: actor.role, region: { id: actor.regionId, name: region?.name ?? actor.regionId }, unitName, language: actor.language ?? null } };
  }

  async function logIn(reply: FastifyReply, actor: Actor) {
    const { token, expiresAt } = await createSession(ctx, actor);
    reply.setCookie(SESSION_COOKIE, token, { path: '/', httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, expires: expiresAt });
  }

  app.get('/api/auth/config', { config: { access: 'public' }, schema: { tags: ['auth'], response: { 200: z.object({ demo: z.boolean(), oidc: z.boolean(), regionName: z.string() }) } } }, async () => ({
    demo: ctx.config.demoLogin,
    oidc: !!ctx.config.oidc,
    regionName: (await store.getRegion(ctx.database.db, ctx.config.regionId))?.name ?? ctx.config.regionId,
  }));

  app.get('/api/session', { config: { access: 'authenticated' }, schema: { tags: ['auth'], response: { 200: SessionView } } }, async (req) => sessionView(actorOf(req)));

  // Problems are shown in this language from now on; a citizen's choice is kept for the messages sent to them.
  app.put(
    '/api/session/language',
    { config: { access: 'authenticated' }, schema: { tags: ['auth'], summary: 'Choose the language of this session (and a citizen\'s messages)', body: z.object({ language: z.enum(LANGUAGES) }).strict(), response: { 200: SessionView } } },
    async (req) => {
      const actor = actorOf(req);
      const { language } = req.body;
      await ctx.database.db.transaction(async (tx) => {
        await setSessionLanguage(tx, ctx.config.regionId, req.sessionToken!, actor, language);
        if (actor.kind === 'citizen') await store.setPersonLanguage(tx, actor.regionId, actor.id, language);
      });
      return sessionView({ ...actor, language });
    },
  );

  app.post('/api/auth/logout', { config: { access: 'public' }, schema: { tags: ['auth'] } }, async (req, reply) => {
    if (req.sessionToken) await endSession(ctx, req.sessionToken);
    reply.clearCookie(SESSION_COOKIE, { path: '/' });
    return reply.code(204).send();
  });

  app.get('/api/auth/demo/users', { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Synthetic demo users (demo login only)', response: { 200: DemoUsers } } }, async () => {
    if (!ctx.config.demoLogin) throw notFound(text('what.demoLogin'));
    return demoUsers(ctx);
  });

  app.post(
    '/api/auth/demo/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Log in as a synthetic demo user', body: z.object({ kind: z.enum(['staff', 'citizen']), id: z.uuid() }).strict(), response: { 200: SessionView } } },
    async (req, reply) => {
      if (!ctx.config.demoLogin) throw notFound(text('what.demoLogin'));
      const actor = await demoActor(ctx, req.body.kind, req.body.id);
      await logIn(reply, actor);
      return sessionView(actor);
    },
  );

  app.get(
    '/api/auth/oidc/login',
    { config: { access: 'public' }, schema: { tags: ['auth'], summary: 'Start an e-ID (citizen) or SITHS (staff) login', querystring: z.object({ audience: z.enum(['citizen', 'staff']).default('citizen'), returnTo: ReturnTo }).strict() } },
    async (req, reply) => {
      const location = await (await oidcLogin()).start(req.query.audience, req.query.returnTo);
      const state = new URL(location).searchParams.get('state')!;
      reply.setCookie(OIDC_STATE_COOKIE, state, { path: OIDC_COOKIE_PATH, httpOnly: true, sameSite: 'lax', secure: ctx.config.secureCookies, maxAge: 15 * 60 });
      return reply.redirect(location);
    },
  );

  app.get('/api/auth/oidc/callback', { config: { access: 'public' }, schema: { tags: ['auth'], hide: true, querystring: z.looseObject({}).describe('Whatever the identity provider sends; the OIDC client reads it') } }, async (req, reply) => {
    const url = new URL(req.url, publicUrl());
    // The person cancelled at the identity provider, or it refused: back to the login page, which says so.
    if (url.searchParams.has('error')) return reply.redirect(`/login?error=${encodeURIComponent(url.searchParams.get('error')!)}`);
    const started = req.cookies[OIDC_STATE_COOKIE];
    reply.clearCookie(OIDC_STATE_COOKIE, { path: OIDC_COOKIE_PATH });
    if (!started || started !== url.searchParams.get('state')) throw new AppError('invalid', text('identity.loginOtherBrowser'), 'state');
    const { audience, returnTo, claims } = await (await oidcLogin()).finish(url);
    const actor = audience === 'staff' ? await staffActorFromClaims(ctx, claims) : await citizenActorFromClaims(ctx, claims);
    await logIn(reply, actor);
    return reply.redirect(returnTo);
  });
}
