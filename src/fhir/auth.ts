import { createHash, createPublicKey, randomBytes, verify, type JsonWebKey } from 'node:crypto';
import { and, eq, gt } from 'drizzle-orm';
import type { FastifyRequest } from 'fastify';
import type { Actor } from '../platform/auth/actor.js';
import { can } from '../platform/auth/permissions.js';
import { loadSession, SESSION_COOKIE } from '../platform/auth/session.js';
import type { AppContext } from '../platform/context.js';
import { AppError, invalid } from '../platform/errors.js';
import { fhirAccessTokens, fhirAssertionIds, fhirClients } from './model.js';

/**
 * SMART Backend Services (client credentials with a signed JWT assertion): a registered client signs a
 * short JWT with its private key; the token endpoint verifies it against the client's JWK Set and issues an
 * access token of five minutes, valid only at the instance of the region that registered the client.
 */

export const ASSERTION_TYPE = 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer';
export const TOKEN_TTL_SECONDS = 300;
/** SMART asks for assertions that expire within five minutes; a little clock skew is forgiven. */
const MAX_ASSERTION_SECONDS = 300;
const SKEW_SECONDS = 60;

const hash = (token: string) => createHash('sha256').update(token).digest('hex');

/** An OAuth 2.0 error (RFC 6749 §5.2): the token endpoint answers these, not OperationOutcomes. */
export class OAuthError extends Error {
  constructor(
    readonly status: 400 | 401,
    readonly error: 'invalid_request' | 'invalid_client' | 'invalid_grant' | 'invalid_scope' | 'unsupported_grant_type',
    message: string,
  ) {
    super(message);
  }
}

const ALGORITHMS: Record<string, { hash: string; kty: string; ec?: boolean }> = {
  RS256: { hash: 'sha256', kty: 'RSA' },
  RS384: { hash: 'sha384', kty: 'RSA' },
  ES256: { hash: 'sha256', kty: 'EC', ec: true },
  ES384: { hash: 'sha384', kty: 'EC', ec: true },
};

const SCOPE = /^system\/(\*|[A-Z][A-Za-z]+)\.(read|rs|r|\*)$/;

/** Validates a JWK Set a client registers: public keys of the algorithms this server verifies, each with a kid. */
export function checkJwks(jwks: unknown): { keys: Record<string, unknown>[] } {
  if (!jwks || typeof jwks !== 'object' || !Array.isArray((jwks as { keys?: unknown }).keys)) throw invalid('jwks', 'a JWK Set: { "keys": [ … ] }');
  const keys = (jwks as { keys: unknown[] }).keys;
  if (keys.length === 0 || keys.length > 10) throw invalid('jwks', 'between 1 and 10 keys');
  for (const k of keys) {
    if (!k || typeof k !== 'object') throw invalid('jwks', 'every key is an object');
    const key = k as Record<string, unknown>;
    if ('d' in key) throw invalid('jwks', 'a private key was given; register the public key only');
    if (typeof key.kid !== 'string' || !key.kid) throw invalid('jwks', 'every key needs a kid');
    if (key.kty !== 'RSA' && key.kty !== 'EC') throw invalid('jwks', 'keys of type RSA or EC only');
    try {
      createPublicKey({ key: key as JsonWebKey, format: 'jwk' });
    } catch {
      throw invalid('jwks', `key ${key.kid} is not a valid public key`);
    }
  }
  return { keys: keys as Record<string, unknown>[] };
}

export function checkScopes(scopes: string[]): string[] {
  if (scopes.length === 0) throw invalid('scopes', 'at least one scope, such as system/*.read');
  for (const s of scopes) if (!SCOPE.test(s)) throw invalid('scopes', `${s} is not a system scope (system/*.read, system/Patient.read, …)`);
  return scopes;
}

/** Registers (or replaces) a client of the region with its public keys and the scopes it may be granted. */
export async function registerClient(ctx: AppContext, input: { clientId: string; name: string; jwks: unknown; scopes: string[] }) {
  if (!/^[A-Za-z0-9._:-]{3,100}$/.test(input.clientId)) throw invalid('clientId', '3–100 letters, digits or . _ : -');
  if (!input.name.trim() || input.name.length > 200) throw invalid('name', '1–200 characters');
  const jwks = checkJwks(input.jwks);
  const scopes = checkScopes(input.scopes);
  const regionId = ctx.config.regionId;
  await ctx.database.db
    .insert(fhirClients)
    .values({ regionId, clientId: input.clientId, name: input.name.trim(), jwks, scopes, active: true })
    .onConflictDoUpdate({ target: [fhirClients.regionId, fhirClients.clientId], set: { name: input.name.trim(), jwks, scopes, active: true } });
  return { clientId: input.clientId, regionId, scopes };
}

function decodePart(part: string | undefined, what: string): Record<string, unknown> {
  try {
    const v = JSON.parse(Buffer.from(part ?? '', 'base64url').toString('utf8'));
    if (v && typeof v === 'object' && !Array.isArray(v)) return v;
  } catch {
    // answered below
  }
  throw new OAuthError(401, 'invalid_client', `client_assertion: the ${what} is not base64url JSON`);
}

/** Verifies a client assertion and issues an access token. `audience` is this token endpoint's URL. */
export async function issueToken(ctx: AppContext, form: Record<string, string | undefined>, audience: string) {
  if (form.grant_type !== 'client_credentials') throw new OAuthError(400, 'unsupported_grant_type', 'grant_type: client_credentials only');
  if (form.client_assertion_type !== ASSERTION_TYPE) throw new OAuthError(400, 'invalid_request', `client_assertion_type: must be ${ASSERTION_TYPE}`);
  const assertion = form.client_assertion ?? '';
  if (!assertion || assertion.length > 8192) throw new OAuthError(400, 'invalid_request', 'client_assertion: missing or too long');
  const parts = assertion.split('.');
  if (parts.length !== 3) throw new OAuthError(401, 'invalid_client', 'client_assertion: not a signed JWT');
  const header = decodePart(parts[0], 'header');
  const claims = decodePart(parts[1], 'payload');
  const clientId = typeof claims.iss === 'string' ? claims.iss : '';
  if (!clientId || claims.sub !== clientId) throw new OAuthError(401, 'invalid_client', 'client_assertion: iss and sub must both be the client id');

  const regionId = ctx.config.regionId;
  const [client] = await ctx.database.db.select().from(fhirClients).where(and(eq(fhirClients.regionId, regionId), eq(fhirClients.clientId, clientId)));
  // A client of another region is unknown here: its keys were registered with that region's instance.
  if (!client || !client.active) throw new OAuthError(401, 'invalid_client', 'client_assertion: no client with this id is registered in this region');

  const alg = ALGORITHMS[String(header.alg)];
  if (!alg) throw new OAuthError(401, 'invalid_client', `client_assertion: alg must be one of ${Object.keys(ALGORITHMS).join(', ')}`);
  const candidates = client.jwks.keys.filter((k) => k.kty === alg.kty && (header.kid === undefined || k.kid === header.kid));
  const signed = Buffer.from(`${parts[0]}.${parts[1]}`);
  const signature = Buffer.from(parts[2]!, 'base64url');
  const verified = candidates.some((k) => {
    try {
      return verify(alg.hash, signed, { key: createPublicKey({ key: k as JsonWebKey, format: 'jwk' }), ...(alg.ec ? { dsaEncoding: 'ieee-p1363' as const } : {}) }, signature);
    } catch {
      return false;
    }
  });
  if (!verified) throw new OAuthError(401, 'invalid_client', 'client_assertion: the signature does not verify with any registered key of the client');

  const now = Math.floor(ctx.clock.now().getTime() / 1000);
  const exp = typeof claims.exp === 'number' ? claims.exp : NaN;
  if (!Number.isFinite(exp)) throw new OAuthError(401, 'invalid_client', 'client_assertion: exp is missing');
  if (exp <= now - SKEW_SECONDS) throw new OAuthError(401, 'invalid_client', 'client_assertion: expired');
  if (exp > now + MAX_ASSERTION_SECONDS + SKEW_SECONDS) throw new OAuthError(401, 'invalid_client', 'client_assertion: exp is more than five minutes ahead');
  const aud = Array.isArray(claims.aud) ? claims.aud : [claims.aud];
  if (!aud.includes(audience)) throw new OAuthError(401, 'invalid_client', `client_assertion: aud must be ${audience}`);
  const jti = typeof claims.jti === 'string' ? claims.jti : '';
  if (!jti || jti.length > 200) throw new OAuthError(401, 'invalid_client', 'client_assertion: jti is missing');

  const requested = (form.scope ?? '').split(' ').filter(Boolean);
  const granted = requested.length ? requested.filter((s) => grants(client.scopes, s)) : client.scopes;
  if (granted.length === 0) throw new OAuthError(400, 'invalid_scope', `scope: none of the requested scopes is granted to this client (${client.scopes.join(' ')})`);

  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.clock.now().getTime() + TOKEN_TTL_SECONDS * 1000).toISOString();
  await ctx.database.db.transaction(async (tx) => {
    const [fresh] = await tx.insert(fhirAssertionIds).values({ regionId, clientId, jti, expiresAt: new Date((exp + SKEW_SECONDS) * 1000).toISOString() }).onConflictDoNothing().returning();
    if (!fresh) throw new OAuthError(401, 'invalid_client', 'client_assertion: this jti was used already');
    await tx.insert(fhirAccessTokens).values({ regionId, tokenHash: hash(token), clientId, scopes: granted, expiresAt });
  });
  return { access_token: token, token_type: 'bearer', expires_in: TOKEN_TTL_SECONDS, scope: granted.join(' ') };
}

/** Whether a client's registered scopes cover a requested one (system/*.read covers system/Patient.read). */
export function grants(registered: string[], requested: string): boolean {
  const r = SCOPE.exec(requested);
  if (!r) return false;
  return registered.some((s) => {
    const m = SCOPE.exec(s);
    return !!m && (m[1] === '*' || m[1] === r[1]) && (m[2] === '*' || readish(m[2]!) === readish(r[2]!));
  });
}
const readish = (access: string) => (access === 'read' || access === 'rs' || access === 'r' ? 'read' : access);

export interface FhirCaller {
  actor: Actor;
  /** The scopes of a system client; undefined for a staff member (their role decides). */
  scopes?: string[];
}

/** Who calls the FHIR API: a system client by its bearer token, or a logged-in staff member with the role for it. */
export async function callerOf(ctx: AppContext, req: FastifyRequest): Promise<FhirCaller> {
  const authorization = req.headers.authorization;
  if (authorization) {
    const m = /^Bearer ([A-Za-z0-9_-]{20,200})$/i.exec(authorization);
    if (!m) throw new AppError('unauthenticated', 'Authorization: a Bearer token from the token endpoint');
    const [row] = await ctx.database.db
      .select({ clientId: fhirAccessTokens.clientId, scopes: fhirAccessTokens.scopes, name: fhirClients.name, active: fhirClients.active })
      .from(fhirAccessTokens)
      .innerJoin(fhirClients, and(eq(fhirClients.regionId, fhirAccessTokens.regionId), eq(fhirClients.clientId, fhirAccessTokens.clientId)))
      .where(and(eq(fhirAccessTokens.regionId, ctx.config.regionId), eq(fhirAccessTokens.tokenHash, hash(m[1]!)), gt(fhirAccessTokens.expiresAt, ctx.clock.now().toISOString())));
    if (!row || !row.active) throw new AppError('unauthenticated', 'The access token is unknown here or has expired; get a new one from the token endpoint');
    return { actor: { kind: 'system', id: `fhir-client:${row.clientId}`, name: row.name, role: 'system', regionId: ctx.config.regionId }, scopes: row.scopes };
  }
  const cookie = req.cookies[SESSION_COOKIE];
  const actor = cookie ? await loadSession(ctx, cookie) : undefined;
  if (!actor) throw new AppError('unauthenticated', 'Send a Bearer token (SMART Backend Services) or log in as staff');
  if (actor.kind !== 'staff' || !can(actor, 'fhir.read')) throw new AppError('forbidden', `The role ${actor.role} may not read the FHIR API (fhir.read)`);
  return { actor };
}

/** A system client reads a type only under a scope that covers it. */
export function requireScope(caller: FhirCaller, type: string) {
  if (caller.scopes && !grants(caller.scopes, `system/${type}.read`)) throw new AppError('forbidden', `The token's scopes (${caller.scopes.join(' ')}) do not cover system/${type}.read`);
}
