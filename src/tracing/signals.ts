import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { personalDataScope } from '../platform/auth/permissions.js';
import { record } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { invalid, notFound } from '../platform/errors.js';
import { tracingOutbreaks, tracingSignals } from './model.js';

export interface SignalInput {
  senderName: string;
  senderContact: string;
  organisation?: string | undefined;
  subject: string;
  message: string;
}

/** A message to Smittskydd's function mailbox, from the public form; it goes to the instance's region. */
export async function receiveSignal(ctx: AppContext, input: SignalInput) {
  const [s] = await ctx.database.db
    .insert(tracingSignals)
    .values({ regionId: ctx.config.regionId, receivedAt: ctx.clock.now().toISOString(), ...input, organisation: input.organisation ?? null })
    .returning({ id: tracingSignals.id, receivedAt: tracingSignals.receivedAt });
  return { id: s!.id, receivedAt: toIso(s!.receivedAt) };
}

export async function listSignals(ctx: AppContext, actor: Actor) {
  const regionId = personalDataScope(actor);
  const rows = await queryRows<{ id: string; received_at: string; sender_name: string; sender_contact: string; organisation: string | null; subject: string; message: string; outbreak_id: string | null; outbreak_label: string | null }>(
    ctx.database.db,
    sql`SELECT s.id, s.received_at, s.sender_name, s.sender_contact, s.organisation, s.subject, s.message, s.outbreak_id, o.label AS outbreak_label
      FROM tracing_signals s LEFT JOIN tracing_outbreaks o ON o.region_id = s.region_id AND o.id = s.outbreak_id
      WHERE s.region_id = ${regionId} ORDER BY s.outbreak_id IS NOT NULL, s.received_at DESC LIMIT 200`,
  );
  return {
    signals: rows.map((r) => ({ id: r.id, receivedAt: toIso(r.received_at), senderName: r.sender_name, senderContact: r.sender_contact, organisation: r.organisation, subject: r.subject, message: r.message, outbreakId: r.outbreak_id, outbreakLabel: r.outbreak_label })),
  };
}

export async function linkSignal(ctx: AppContext, actor: Actor, signalId: string, outbreakId: string) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const [o] = await tx.select({ label: tracingOutbreaks.label }).from(tracingOutbreaks).where(and(eq(tracingOutbreaks.regionId, regionId), eq(tracingOutbreaks.id, outbreakId)));
    if (!o) throw invalid('outbreakId', 'no such outbreak in your region');
    const [s] = await tx
      .update(tracingSignals)
      .set({ outbreakId, handledBy: actor.id, handledAt: ctx.clock.now().toISOString() })
      .where(and(eq(tracingSignals.regionId, regionId), eq(tracingSignals.id, signalId)))
      .returning({ id: tracingSignals.id });
    if (!s) throw notFound('The signal');
    await record(tx, actor, { action: 'tracing.signal.linked', purpose: 'utbrottsutredning', details: { signalId, outbreakId } });
    return { id: signalId, outbreakId, outbreakLabel: o.label };
  });
}
