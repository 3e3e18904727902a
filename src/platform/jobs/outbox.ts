import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import type { MessageChannel } from './model.js';

export const OUTBOX_CHANNEL = 'lagesbild_outbox';

export interface OutboxItem {
  regionId: string;
  topic: string;
  payload: Record<string, unknown>;
  /** Same key, same effect: adding it again is a no-op, and transports drop a resend with a key they have seen. */
  idempotencyKey: string;
}

/** Queues side effects in the caller's transaction. NOTIFY is delivered at commit, so the worker wakes only for committed work. */
export async function addToOutbox(tx: Db, items: OutboxItem | OutboxItem[]): Promise<void> {
  const list = Array.isArray(items) ? items : [items];
  if (list.length === 0) return;
  // One statement with array parameters: a batch of thousands costs one round trip and no per-row SQL.
  await tx.execute(sql`INSERT INTO outbox (region_id, topic, payload, idempotency_key)
    SELECT * FROM unnest(${sql.param(list.map((i) => i.regionId))}::text[], ${sql.param(list.map((i) => i.topic))}::text[],
      ${sql.param(list.map((i) => JSON.stringify(i.payload)))}::jsonb[], ${sql.param(list.map((i) => i.idempotencyKey))}::text[])
    ON CONFLICT DO NOTHING`);
  await tx.execute(sql`SELECT pg_notify(${OUTBOX_CHANNEL}, '')`);
}

export interface MessageToSend {
  regionId: string;
  channel: MessageChannel;
  /** The person it concerns (for the 1177 inbox and the citizen's view of what was sent). */
  personId?: string | null;
  /** Phone number, e-mail address, or for the inbox the person id. */
  to: string;
  subject?: string;
  body: string;
  idempotencyKey: string;
}

export const messageTopic = (channel: MessageChannel) => `message.${channel}`;

export function sendMessage(tx: Db, m: MessageToSend): Promise<void> {
  return sendMessages(tx, [m]);
}

/** Many messages in one statement (invitation letters and SMS to thousands). */
export function sendMessages(tx: Db, messages: MessageToSend[]): Promise<void> {
  return addToOutbox(
    tx,
    messages.map((m) => ({
      regionId: m.regionId,
      topic: messageTopic(m.channel),
      idempotencyKey: m.idempotencyKey,
      payload: { personId: m.personId ?? null, to: m.to, subject: m.subject ?? null, body: m.body },
    })),
  );
}

/** A domain event for other areas, e.g. `testing.PositiveResultRegistered`. */
export function publishEvent(tx: Db, regionId: string, topic: string, payload: Record<string, unknown>, idempotencyKey: string): Promise<void> {
  return addToOutbox(tx, { regionId, topic, payload, idempotencyKey: `${topic}:${idempotencyKey}` });
}
