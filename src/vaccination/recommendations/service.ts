import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { record } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import { vaccinationRecommendations } from '../model.js';
import type { AddRecommendationBody } from '../schemas.js';

const view = (r: typeof vaccinationRecommendations.$inferSelect) => ({
  id: r.id,
  code: r.code,
  version: r.version,
  vaccine: r.vaccine,
  title: r.title,
  priority: r.priority,
  validFrom: r.validFrom,
  validTo: r.validTo,
  criteria: r.criteria,
  source: r.source,
  createdBy: r.createdBy,
});

export async function listRecommendations(ctx: AppContext, actor: Actor) {
  const rows = await ctx.database.db
    .select()
    .from(vaccinationRecommendations)
    .where(eq(vaccinationRecommendations.regionId, actor.regionId))
    .orderBy(sql`${vaccinationRecommendations.validFrom} DESC`, vaccinationRecommendations.vaccine, vaccinationRecommendations.priority);
  return rows.map(view);
}

/**
 * Adds a recommendation, or a new version of one (same code): rules are data, so next season's rule
 * needs no code change. Earlier versions stay, with their own validity, so past answers can be explained.
 */
export async function addRecommendation(ctx: AppContext, actor: Actor, input: z.infer<typeof AddRecommendationBody>) {
  return ctx.database.db.transaction(async (tx) => {
    // Serializes versions of one code: two coordinators saving at once get versions n and n+1, not a clash.
    await tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext(${`vaccination.recommendation:${actor.regionId}:${input.code}`}))`);
    const [last] = await tx
      .select({ version: sql<number>`max(${vaccinationRecommendations.version})` })
      .from(vaccinationRecommendations)
      .where(and(eq(vaccinationRecommendations.regionId, actor.regionId), eq(vaccinationRecommendations.code, input.code)));
    const [row] = await tx
      .insert(vaccinationRecommendations)
      .values({ regionId: actor.regionId, ...input, source: input.source ?? null, version: (last?.version ?? 0) + 1, createdBy: actor.name })
      .returning();
    await record(tx, actor, { action: 'vaccination.recommendation.added', purpose: 'vaccinationsrekommendationer', details: { id: row!.id, code: row!.code, version: row!.version } });
    return view(row!);
  });
}
