import { createHash, randomBytes } from 'node:crypto';
import { and, eq, gt, lt } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Actor } from './actor.js';
import type { Db } from '../db/client.js';
import { sessions } from './model.js';
import type { Language } from '../text/index.js';

export const SESSION_COOKIE = 'lb_session';

/** What the sessions table keeps of a token: its SHA-256, so that a copy of the table logs no one in. */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * Sessions belong to the region whose instance issued them. Several regions' instances may share one
 * database (a national deployment, or two regions on one server), so a cookie issued by one region's
 * instance must log no one in at another's.
 */
export async function createSession(ctx: AppContext, actor: Actor): Promise<{ token: string; expiresAt: Date }> {
  if (actor.regionId !== ctx.config.regionId) throw new Error(`A session for region ${actor.regionId} cannot be issued by the instance of region ${ctx.config.regionId}`);
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(ctx.clock.now().getTime() + ctx.config.sessionTtlHours * 3_600_000);
  await ctx.database.db.insert(sessions).values({ tokenHash: hashToken(token), regionId: ctx.config.regionId, actor, expiresAt });
  return { token, expiresAt };
}

export async function loadSession(ctx: AppContext, token: string): Promise<Actor | undefined> {
  const [row] = await ctx.database.db
    .select({ actor: sessions.actor })
    .from(sessions)
    .where(and(eq(sessions.tokenHash, hashToken(token)), eq(sessions.regionId, ctx.config.regionId), gt(sessions.expiresAt, ctx.clock.now())));
  return row?.actor.regionId === ctx.config.regionId ? row.actor : undefined;
}

export async function endSession(ctx: AppContext, token: string): Promise<void> {
  await ctx.database.db.delete(sessions).where(and(eq(sessions.tokenHash, hashToken(token)), eq(sessions.regionId, ctx.config.regionId)));
}

export async function purgeExpiredSessions(ctx: AppContext): Promise<void> {
  await ctx.database.db.delete(sessions).where(and(eq(sessions.regionId, ctx.config.regionId), lt(sessions.expiresAt, ctx.clock.now())));
}

/** The language chosen in this session: problems and texts are shown in it from the next request on. */
export async function setSessionLanguage(tx: Db, regionId: string, token: string, actor: Actor, language: Language): Promise<void> {
  await tx
    .update(sessions)
    .set({ actor: { ...actor, language } })
    .where(and(eq(sessions.tokenHash, hashToken(token)), eq(sessions.regionId, regionId)));
}
