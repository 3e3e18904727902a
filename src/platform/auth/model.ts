import { index, jsonb, pgTable, primaryKey, text, timestamp } from 'drizzle-orm/pg-core';
import type { Actor } from './actor.js';

/** Server-side sessions: the cookie holds a random token, the table its SHA-256, so a leaked table logs no one in. */
export const sessions = pgTable(
  'sessions',
  {
    regionId: text('region_id').notNull(),
    tokenHash: text('token_hash').notNull(),
    actor: jsonb('actor').$type<Actor>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  // region_id leads every key, as in every regional table, so a national deployment can distribute it.
  (t) => [primaryKey({ columns: [t.regionId, t.tokenHash] }), index('sessions_expires_idx').on(t.expiresAt)],
);

/** OpenID Connect logins under way: state, nonce and PKCE verifier between the redirect and the callback. */
export const oidcLogins = pgTable(
  'oidc_logins',
  {
    regionId: text('region_id').notNull(),
    state: text('state').notNull(),
    nonce: text('nonce').notNull(),
    codeVerifier: text('code_verifier').notNull(),
    audience: text('audience').$type<'citizen' | 'staff'>().notNull(),
    returnTo: text('return_to').notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.state] })],
);
