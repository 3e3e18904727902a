import { index, jsonb, pgTable, text, timestamp } from 'drizzle-orm/pg-core';
import type { Actor } from './actor.js';

/** Server-side sessions: the cookie holds a random token, the table its SHA-256, so a leaked table logs no one in. */
export const sessions = pgTable(
  'sessions',
  {
    tokenHash: text('token_hash').primaryKey(),
    regionId: text('region_id').notNull(),
    actor: jsonb('actor').$type<Actor>().notNull(),
    createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
    expiresAt: timestamp('expires_at', { withTimezone: true }).notNull(),
  },
  (t) => [index('sessions_expires_idx').on(t.expiresAt)],
);

/** OpenID Connect logins under way: state, nonce and PKCE verifier between the redirect and the callback. */
export const oidcLogins = pgTable('oidc_logins', {
  state: text('state').primaryKey(),
  nonce: text('nonce').notNull(),
  codeVerifier: text('code_verifier').notNull(),
  audience: text('audience').$type<'citizen' | 'staff'>().notNull(),
  returnTo: text('return_to').notNull(),
  createdAt: timestamp('created_at', { withTimezone: true }).notNull().defaultNow(),
});
