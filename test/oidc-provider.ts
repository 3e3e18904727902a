import { generateKeyPairSync } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
// oidc-provider ships no type declarations; the few parts used here are typed below.
// @ts-expect-error TS7016: untyped JavaScript module
import Provider from 'oidc-provider';

/**
 * A real OpenID Provider (oidc-provider, in-process, plain http on loopback) for end-to-end login tests,
 * plus a scripted browser that walks its development login and consent pages.
 */

export type AccountClaims = Record<string, unknown>;

interface ProviderInstance {
  callback(): (req: IncomingMessage, res: ServerResponse) => void;
}
type ProviderClass = new (issuer: string, configuration: Record<string, unknown>) => ProviderInstance;

export interface TestProvider {
  /** e.g. http://127.0.0.1:41234 (no trailing slash; openid-client compares it with the discovered issuer). */
  issuer: string;
  clientId: string;
  clientSecret: string;
  close(): Promise<void>;
}

/**
 * Starts a provider with one confidential client (`client_secret_basic`, code flow, PKCE required).
 * Each account id is the subject (`sub`) and is given the listed claims, which the `profile` scope releases.
 * `claimsInIdToken: false` (the default, and what OpenID Connect Core prescribes for the code flow) puts the
 * profile claims in the userinfo response only; `true` puts them in the ID token as well.
 */
export async function startTestProvider(opts: {
  redirectUri: string;
  accounts: Record<string, AccountClaims>;
  port?: number;
  clientId?: string;
  clientSecret?: string;
  claimsInIdToken?: boolean;
}): Promise<TestProvider> {
  const clientId = opts.clientId ?? 'lagesbild-test';
  const clientSecret = opts.clientSecret ?? 'test-secret-that-is-long-enough-for-hs256-0123456789';
  // Listen first so the issuer URL (which must carry the real port) is known when the provider is built.
  let handler: ((req: IncomingMessage, res: ServerResponse) => void) | undefined;
  const server = createServer((req, res) => handler!(req, res));
  await new Promise<void>((resolve, reject) => server.once('error', reject).listen(opts.port ?? 0, '127.0.0.1', resolve));
  const issuer = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  const claimNames = [...new Set(Object.values(opts.accounts).flatMap((c) => Object.keys(c)))].filter((n) => n !== 'sub');

  const provider = new (Provider as ProviderClass)(issuer, {
    clients: [{ client_id: clientId, client_secret: clientSecret, redirect_uris: [opts.redirectUri], grant_types: ['authorization_code'], response_types: ['code'] }],
    async findAccount(_ctx: unknown, id: string) {
      const claims = opts.accounts[id];
      if (!claims) return undefined;
      return { accountId: id, claims: async () => ({ ...claims, sub: id }) };
    },
    claims: { openid: ['sub'], profile: claimNames },
    scopes: ['openid', 'profile'],
    conformIdTokenClaims: !opts.claimsInIdToken,
    features: { devInteractions: { enabled: true } },
    pkce: { required: () => true },
    // A fresh RS256 key per run instead of the library's well-known development key.
    jwks: { keys: [{ ...generateKeyPairSync('rsa', { modulusLength: 2048 }).privateKey.export({ format: 'jwk' }), use: 'sig', alg: 'RS256' }] },
    cookies: { keys: ['oidc-test-cookie-key'] },
    // Explicit lifetimes (seconds); the defaults work but print a notice each.
    ttl: { AccessToken: 600, AuthorizationCode: 60, IdToken: 600, Interaction: 600, Session: 3600, Grant: 3600 },
    // The default CORS hook only logs a notice; no browser here makes cross-origin calls.
    clientBasedCORS: () => false,
  });
  handler = provider.callback();

  return {
    issuer,
    clientId,
    clientSecret,
    async close() {
      server.closeAllConnections();
      await new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve())));
    },
  };
}

/** Cookies per host (host:port) and path, as a browser keeps them; enough for the provider and Lägesbild. */
export class CookieJar {
  private readonly cookies = new Map<string, { name: string; value: string; path: string }>();

  store(url: URL, res: Response): void {
    for (const line of res.headers.getSetCookie()) {
      const [pair = '', ...attrs] = line.split(';').map((s) => s.trim());
      const eq = pair.indexOf('=');
      const name = pair.slice(0, eq);
      const value = pair.slice(eq + 1);
      const attr = (n: string) => attrs.find((a) => a.toLowerCase().startsWith(`${n}=`))?.slice(n.length + 1);
      const path = attr('path') ?? defaultPath(url);
      const maxAge = attr('max-age');
      const expires = attr('expires');
      const expired = (maxAge !== undefined && Number(maxAge) <= 0) || (expires !== undefined && Date.parse(expires) <= Date.now()) || value === '';
      const key = `${url.host} ${path} ${name}`;
      if (expired) this.cookies.delete(key);
      else this.cookies.set(key, { name, value, path });
    }
  }

  /** The Cookie header for a request to `url` (undefined when there is none). */
  header(url: URL): string | undefined {
    const sent = [...this.cookies.entries()]
      .filter(([key, c]) => key.startsWith(`${url.host} `) && pathMatches(url.pathname, c.path))
      .sort(([, a], [, b]) => b.path.length - a.path.length)
      .map(([, c]) => `${c.name}=${c.value}`);
    return sent.length ? sent.join('; ') : undefined;
  }

  get(url: URL, name: string): string | undefined {
    return [...this.cookies.entries()].find(([key, c]) => key.startsWith(`${url.host} `) && c.name === name)?.[1].value;
  }
}

const defaultPath = (url: URL) => (url.pathname.lastIndexOf('/') > 0 ? url.pathname.slice(0, url.pathname.lastIndexOf('/')) : '/');
const pathMatches = (path: string, cookiePath: string) => path === cookiePath || (path.startsWith(cookiePath) && (cookiePath.endsWith('/') || path[cookiePath.length] === '/'));

/** One request as a browser makes it: cookies from the jar, no automatic redirects. */
export async function browse(jar: CookieJar, url: URL, init: { method?: string; form?: Record<string, string> } = {}): Promise<Response> {
  const headers: Record<string, string> = {};
  const cookie = jar.header(url);
  if (cookie) headers.cookie = cookie;
  let body: string | undefined;
  if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const res = await fetch(url, { method: init.method ?? (body ? 'POST' : 'GET'), headers, body, redirect: 'manual' });
  jar.store(url, res);
  return res;
}

/**
 * Plays the browser from `startUrl` (the relying party's login URL) through the provider's login page (as
 * `accountId`, any password) and consent page, and stops at the first redirect back to the relying party's
 * origin: that is the callback URL carrying `code`, `state` and `iss` (or an `error`). The callback itself is
 * not requested, so the test can inspect or replay it.
 */
export async function followLogin(startUrl: string | URL, accountId: string, opts: { jar?: CookieJar; maxSteps?: number } = {}): Promise<{ callbackUrl: URL; jar: CookieJar }> {
  const jar = opts.jar ?? new CookieJar();
  const start = new URL(startUrl);
  let url = start;
  let init: Parameters<typeof browse>[2] = {};
  const trail: string[] = [];
  for (let step = 0; step < (opts.maxSteps ?? 12); step++) {
    trail.push(`${init.form ? 'POST' : 'GET'} ${url.href}`);
    const res = await browse(jar, url, init);
    init = {};
    const location = res.headers.get('location');
    if (res.status >= 300 && res.status < 400 && location) {
      const next = new URL(location, url);
      if (step > 0 && next.origin === start.origin) return { callbackUrl: next, jar };
      url = next;
      continue;
    }
    const html = await res.text();
    if (res.status !== 200) throw new Error(`login stopped at ${url.href} with ${res.status}: ${html.slice(0, 500)}\n${trail.join('\n')}`);
    const form = parseForm(html, url);
    if (!form) throw new Error(`no form on ${url.href}: ${html.slice(0, 500)}`);
    if (form.fields.prompt === 'login') form.fields = { ...form.fields, login: accountId, password: 'x' };
    else if (form.fields.prompt !== 'consent') throw new Error(`unexpected prompt ${form.fields.prompt} on ${url.href}`);
    url = form.action;
    init = { form: form.fields };
  }
  throw new Error(`login did not come back to ${start.origin}:\n${trail.join('\n')}`);
}

const unescapeHtml = (s: string) => s.replace(/&amp;/g, '&').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>');

/** The first POST form: its action and hidden inputs. */
function parseForm(html: string, base: URL): { action: URL; fields: Record<string, string> } | undefined {
  const form = /<form\b[^>]*\baction="([^"]*)"[^>]*>([\s\S]*?)<\/form>/i.exec(html);
  if (!form) return undefined;
  const fields: Record<string, string> = {};
  for (const [input] of form[2]!.matchAll(/<input\b[^>]*>/gi)) {
    if (!/\btype="hidden"/i.test(input)) continue;
    const name = /\bname="([^"]*)"/i.exec(input)?.[1];
    if (name) fields[unescapeHtml(name)] = unescapeHtml(/\bvalue="([^"]*)"/i.exec(input)?.[1] ?? '');
  }
  return { action: new URL(unescapeHtml(form[1]!), base), fields };
}
