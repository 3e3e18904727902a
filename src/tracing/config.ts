import { eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { record } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { tracingSettings } from './model.js';
import { TracingConfig } from './rules.js';

/** The region's tracing rules: what it stored, completed by the defaults (a new rule gets its default). */
export async function tracingConfigOf(tx: Db, regionId: string): Promise<TracingConfig> {
  const [row] = await tx.select({ config: tracingSettings.config }).from(tracingSettings).where(eq(tracingSettings.regionId, regionId));
  return TracingConfig.parse(row?.config ?? {});
}

export async function updateTracingConfig(ctx: AppContext, actor: Actor, input: TracingConfig): Promise<TracingConfig> {
  const config = TracingConfig.parse(input);
  const now = ctx.clock.now().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    await tx
      .insert(tracingSettings)
      .values({ regionId: actor.regionId, config, updatedAt: now, updatedBy: actor.id })
      .onConflictDoUpdate({ target: tracingSettings.regionId, set: { config, updatedAt: now, updatedBy: actor.id } });
    await record(tx, actor, { action: 'tracing.settings.updated', purpose: 'regler för smittspårning', details: config });
    return config;
  });
}
