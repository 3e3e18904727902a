import * as client from 'openid-client';
import { and, eq, lt } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { AppError } from '../errors.js';
import { oidcLogins } from './model.js';

export type Audience = 'citizen' | 'staff';

/** A login must be finished within this time of being started. */
const LOGIN_TTL_MS = 15 * 60_000;

const isLocal = (url: string) => /^http:\/\/(localhost|127\.0\.0\.1|\[::1\])(:\d+)?\//.test(url.endsWith('/') ? url : `${url}/`);

/**
 * OpenID Connect authorization-code flow with PKCE, state and nonce, against the region's identity provider
 * (a BankID/Freja broker for citizens, SITHS for staff). Plain http is allowed only for a provider on this machine.
 */
export class OidcLogin {
  private constructor(
    private readonly ctx: AppContext,
    private readonly config: client.Configuration,
    private readonly redirectUri: string,
  ) {}

  static async discover(ctx: AppContext, publicUrl: string): Promise<OidcLogin> {
    const o = ctx.config.oidc;
    if (!o) throw new Error('OIDC is not configured');
    const config = await client.discovery(new URL(o.issuer), o.clientId, o.clientSecret, undefined, isLocal(o.issuer) ? { execute: [client.allowInsecureRequests] } : undefined);
    return new OidcLogin(ctx, config, new URL('/api/auth/oidc/callback', publicUrl).toString());
  }

  async start(audience: Audience, returnTo: string): Promise<string> {
    const state = client.randomState();
    const nonce = client.randomNonce();
    const codeVerifier = client.randomPKCECodeVerifier();
    const regionId = this.ctx.config.regionId;
    await this.ctx.database.db.delete(oidcLogins).where(and(eq(oidcLogins.regionId, regionId), lt(oidcLogins.createdAt, new Date(this.ctx.clock.now().getTime() - LOGIN_TTL_MS))));
    await this.ctx.database.db.insert(oidcLogins).values({ regionId, state, nonce, codeVerifier, audience, returnTo });
    return client
      .buildAuthorizationUrl(this.config, {
        redirect_uri: this.redirectUri,
        scope: 'openid profile',
        state,
        nonce,
        code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
        code_challenge_method: 'S256',
      })
      .toString();
  }

  /** Completes the flow; the pending login is consumed, so a callback URL cannot be replayed. */
  async finish(callbackUrl: URL): Promise<{ audience: Audience; returnTo: string; claims: client.IDToken }> {
    const state = callbackUrl.searchParams.get('state');
    if (!state) throw new AppError('invalid', 'The login response has no state', 'state');
    const [pending] = await this.ctx.database.db.delete(oidcLogins).where(and(eq(oidcLogins.regionId, this.ctx.config.regionId), eq(oidcLogins.state, state))).returning();
    const expired = pending && new Date(pending.createdAt).getTime() < this.ctx.clock.now().getTime() - LOGIN_TTL_MS;
    if (!pending || expired) throw new AppError('invalid', 'This login has expired or was already used; start again', 'state');
    let tokens;
    try {
      tokens = await client.authorizationCodeGrant(this.config, callbackUrl, { pkceCodeVerifier: pending.codeVerifier, expectedState: state, expectedNonce: pending.nonce, idTokenExpected: true });
    } catch (e) {
      throw new AppError('unauthenticated', `The identity provider's answer was not accepted: ${(e as Error).message}`);
    }
    const idToken = tokens.claims();
    if (!idToken) throw new AppError('unauthenticated', 'The identity provider returned no ID token');
    // In the code flow a conforming provider releases scope claims (names, personnummer) from the userinfo
    // endpoint, not in the ID token (OpenID Connect Core 5.4); fetchUserInfo checks that its sub is the same.
    let userInfo: Partial<client.UserInfoResponse> = {};
    if (this.config.serverMetadata().userinfo_endpoint) {
      try {
        userInfo = await client.fetchUserInfo(this.config, tokens.access_token, idToken.sub);
      } catch (e) {
        throw new AppError('unauthenticated', `The identity provider's user information was not accepted: ${(e as Error).message}`);
      }
    }
    return { audience: pending.audience, returnTo: pending.returnTo, claims: { ...userInfo, ...idToken } };
  }
}
