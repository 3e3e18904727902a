import { createServer } from 'node:net';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, setupTest, type TestEnv } from '../../test/harness.js';
import { browse, CookieJar, followLogin, startTestProvider, type TestProvider } from '../../test/oidc-provider.js';
import { staff } from './model.js';

/**
 * Real OpenID Connect logins: Lägesbild listens on a loopback port, an in-process oidc-provider plays the
 * e-ID broker / SITHS IdP, and a scripted browser (fetch + cookie jar) walks the provider's login and consent
 * pages. Lägesbild does discovery, the redirect, the code exchange with PKCE and the ID-token validation.
 */

const PERSONNUMMER = '198112189876';
const accounts = {
  'citizen-testa': { given_name: 'Testa', family_name: 'Testsson', personal_identity_number: PERSONNUMMER },
  'siths-tracer': { given_name: 'Spår', family_name: 'Smittsson' },
  'siths-stranger': { given_name: 'Okänd', family_name: 'Främling' },
};

let env: TestEnv;
let provider: TestProvider;
let base: string;

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve, reject) => probe.once('error', reject).listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

beforeAll(async () => {
  const port = await freePort();
  base = `http://127.0.0.1:${port}`;
  provider = await startTestProvider({ redirectUri: `${base}/api/auth/oidc/callback`, accounts });
  env = await setupTest({
    config: {
      publicUrl: base,
      host: '127.0.0.1',
      port,
      demoLogin: false,
      oidc: { issuer: provider.issuer, clientId: provider.clientId, clientSecret: provider.clientSecret, personnummerClaim: 'personal_identity_number' },
    },
  });
  await env.app.listen({ host: '127.0.0.1', port });
});

afterAll(async () => {
  await env?.close();
  await provider?.close();
});

const loginUrl = (audience: 'citizen' | 'staff', returnTo: string) => `${base}/api/auth/oidc/login?${new URLSearchParams({ audience, returnTo })}`;

/**
 * Requests the callback: from the browser that started the login (its jar, which holds the cookie binding the
 * login to it), or with a given Cookie header, or with none. Returns the response and the new session, if any.
 */
async function callback(url: URL, from: CookieJar | string | undefined) {
  const res = from instanceof CookieJar ? await browse(from, url) : await fetch(url, { redirect: 'manual', headers: from ? { cookie: from } : {} });
  const session = res.headers
    .getSetCookie()
    .map((c) => /^lb_session=([^;]+)/.exec(c)?.[1])
    .find(Boolean);
  return { res, session };
}

/** Everyone registered under an identity number (canonical, 12 digits). */
const peopleWith = (identityNumber: string) =>
  env.database.query<{ id: string; kind: string; given_name: string; family_name: string; birth_date: string; legal_sex: string }>(
    `SELECT p.id, i.kind, p.given_name, p.family_name, p.birth_date::text AS birth_date, p.legal_sex
       FROM person_identifiers i JOIN persons p ON p.region_id = i.region_id AND p.id = i.person_id
      WHERE i.region_id = '18' AND i.value = $1`,
    [identityNumber],
  );

const sessionOf = (token: string) => fetch(`${base}/api/session`, { headers: { cookie: `lb_session=${token}` } });

describe('citizen e-ID login', () => {
  it('logs in, creates the person on first login (audited), and finds the same person the next time', async () => {
    const sessionsBefore = await count(env.database, 'sessions');
    const { callbackUrl, jar } = await followLogin(loginUrl('citizen', '/mina-sidor?flik=prov'), 'citizen-testa');
    expect(callbackUrl.pathname).toBe('/api/auth/oidc/callback');
    expect(callbackUrl.searchParams.get('code')).toBeTruthy();
    expect(callbackUrl.searchParams.get('iss')).toBe(provider.issuer);

    const { res, session } = await callback(callbackUrl, jar);
    expect(res.status, await res.clone().text()).toBe(302);
    expect(res.headers.get('location')).toBe('/mina-sidor?flik=prov');
    expect(session).toBeTruthy();
    const cookie = res.headers.getSetCookie().find((c) => c.startsWith('lb_session='))!;
    expect(cookie).toMatch(/HttpOnly/i);
    expect(cookie).toMatch(/SameSite=Lax/i);

    const me = await sessionOf(session!);
    expect(me.status).toBe(200);
    const body = await me.json();
    expect(body).toMatchObject({ actor: { kind: 'citizen', name: 'Testa Testsson', role: 'citizen', region: { id: '18' } } });

    expect(await peopleWith(PERSONNUMMER)).toEqual([{ id: body.actor.id, kind: 'personnummer', given_name: 'Testa', family_name: 'Testsson', birth_date: '1981-12-18', legal_sex: 'male' }]);
    const audit = await env.database.query<{ action: string }>('SELECT action FROM audit_log WHERE person_id = $1', [body.actor.id]);
    expect(audit.map((a) => a.action)).toEqual(['identity.person.created']);

    // A second login (a fresh browser) is the same person, not a new one.
    const second = await followLogin(loginUrl('citizen', '/'), 'citizen-testa');
    const again = await callback(second.callbackUrl, second.jar);
    expect(again.res.status).toBe(302);
    expect(again.res.headers.get('location')).toBe('/');
    expect(again.session).toBeTruthy();
    expect(again.session).not.toBe(session);
    expect((await (await sessionOf(again.session!)).json()).actor.id).toBe(body.actor.id);
    expect(await peopleWith(PERSONNUMMER)).toHaveLength(1);
    expect(await env.database.query("SELECT 1 FROM audit_log WHERE person_id = $1 AND action = 'identity.person.created'", [body.actor.id])).toHaveLength(1);
    expect(await count(env.database, 'sessions')).toBe(sessionsBefore + 2);
  });
});

describe('staff SITHS login', () => {
  it("logs in a registered staff member with the role from Lägesbild's staff register", async () => {
    const [row] = await env.ctx.database.db.insert(staff).values({ regionId: '18', name: 'Spår Smittsson', role: 'tracer', oidcSubject: 'siths-tracer' }).returning();
    const { callbackUrl, jar } = await followLogin(loginUrl('staff', '/smittspårning'), 'siths-tracer');
    const { res, session } = await callback(callbackUrl, jar);
    expect(res.status, await res.clone().text()).toBe(302);
    expect(res.headers.get('location')).toBe('/smittspårning');
    const me = await sessionOf(session!);
    expect(me.status).toBe(200);
    expect(await me.json()).toMatchObject({ actor: { kind: 'staff', id: row!.id, name: 'Spår Smittsson', role: 'tracer', region: { id: '18' } } });
  });

  it('refuses a subject with no staff row: 403 problem+json and no session', async () => {
    const sessionsBefore = await count(env.database, 'sessions');
    const { callbackUrl, jar } = await followLogin(loginUrl('staff', '/'), 'siths-stranger');
    const { res, session } = await callback(callbackUrl, jar);
    expect(res.status).toBe(403);
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await res.json()).detail).toMatch(/ingen roll i Lägesbild/); // Swedish: the browser asked for no language
    expect(session).toBeUndefined();
    expect(await count(env.database, 'sessions')).toBe(sessionsBefore);
  });
});

describe('callback and returnTo safety', () => {
  it('refuses a replayed callback URL (the state is consumed) and creates no second session', async () => {
    const { callbackUrl, jar } = await followLogin(loginUrl('citizen', '/'), 'citizen-testa');
    const binding = jar.header(callbackUrl);
    expect(binding).toMatch(/^lb_oidc_state=/);
    const first = await callback(callbackUrl, jar);
    expect(first.res.status).toBe(302);
    expect(first.session).toBeTruthy();
    const sessionsAfterFirst = await count(env.database, 'sessions');

    // Again from the same browser: the binding cookie was cleared by the first callback.
    const sameBrowser = await callback(callbackUrl, jar);
    expect(sameBrowser.res.status).toBe(400);
    expect(sameBrowser.session).toBeUndefined();
    // Again with the binding cookie copied too: the pending login (state, nonce, PKCE verifier) is gone.
    const replay = await callback(callbackUrl, binding);
    expect(replay.res.status).toBe(400);
    expect(replay.res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect((await replay.res.json()).detail).toMatch(/expired or was already used/);
    expect(replay.session).toBeUndefined();
    expect(await count(env.database, 'sessions')).toBe(sessionsAfterFirst);
  });

  it('refuses a callback URL opened in another browser than the one that started the login (login CSRF)', async () => {
    const sessionsBefore = await count(env.database, 'sessions');
    const { callbackUrl, jar } = await followLogin(loginUrl('citizen', '/'), 'citizen-testa');
    const victim = await callback(callbackUrl, new CookieJar());
    expect(victim.res.status).toBe(400);
    expect((await victim.res.json()).detail).toMatch(/startades inte i den här webbläsaren/);
    expect(victim.session).toBeUndefined();
    expect(await count(env.database, 'sessions')).toBe(sessionsBefore);
    // The refusal did not use up the login: the browser that started it can still finish.
    const own = await callback(callbackUrl, jar);
    expect(own.res.status).toBe(302);
    expect(own.session).toBeTruthy();
  });

  it.each(['//evil.example', '//evil.example/path', 'https://evil.example/', '/\\evil.example'])('refuses returnTo %s with 400 before going to the provider', async (returnTo) => {
    const pending = await count(env.database, 'oidc_logins');
    const res = await fetch(loginUrl('citizen', returnTo), { redirect: 'manual' });
    expect(res.status).toBe(400);
    expect(res.headers.get('location')).toBeNull();
    expect(res.headers.get('content-type')).toMatch(/^application\/problem\+json/);
    expect(await count(env.database, 'oidc_logins')).toBe(pending);
  });
});
