import { sql } from 'drizzle-orm';
import type { Db } from '../db/client.js';
import { messageChannels, type MessageChannel } from './model.js';

export interface OutboxMessage {
  regionId: string;
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  idempotencyKey: string;
  attempts: number;
}

export type Receipt = Record<string, unknown>;

/** The far side is down or busy: try again later. */
export class RetryableError extends Error {}
/** The message can never be delivered (bad address, rejected format): stop trying. */
export class PermanentError extends Error {}

/**
 * One interface for every way out of Lägesbild. `tx` is the worker's transaction: a transport that writes
 * to this database (the embedded ones, in-process event handlers) commits together with the delivery mark,
 * so it runs exactly once; one that calls out must pass the idempotency key so the receiver can drop a resend.
 */
export interface Transport {
  readonly name: string;
  send(message: OutboxMessage, tx: Db): Promise<Receipt>;
}

/** A transport that can deliver many messages in one call: for each, in the same order, its receipt or why it failed. */
export interface BatchTransport extends Transport {
  sendBatch(messages: OutboxMessage[], tx: Db): Promise<(Receipt | Error)[]>;
}

/** Stores what it "sends", so demo users and the citizen's 1177 inbox can see it. A resend with a known key is dropped. */
export function embeddedMessageTransport(channel: MessageChannel): BatchTransport {
  const name = `embedded-${channel}`;
  const sendBatch = async (messages: OutboxMessage[], tx: Db): Promise<Receipt[]> => {
    const p = messages.map((m) => m.payload as { personId: string | null; to: string; subject: string | null; body: string });
    await tx.execute(sql`INSERT INTO delivered_messages (region_id, idempotency_key, channel, person_id, recipient, subject, body)
      SELECT region_id, key, ${channel}, person_id, recipient, subject, body FROM unnest(${sql.param(messages.map((m) => m.regionId))}::text[],
        ${sql.param(messages.map((m) => m.idempotencyKey))}::text[], ${sql.param(p.map((x) => x.personId))}::uuid[], ${sql.param(p.map((x) => x.to))}::text[],
        ${sql.param(p.map((x) => x.subject))}::text[], ${sql.param(p.map((x) => x.body))}::text[]) AS t(region_id, key, person_id, recipient, subject, body)
      ON CONFLICT DO NOTHING`);
    return messages.map(() => ({ transport: name }));
  };
  return { name, sendBatch, send: async (m, tx) => (await sendBatch([m], tx))[0]! };
}

/** Runs `fn` over `items` with at most `limit` calls in flight; results in the order of `items`. */
async function mapBounded<T, R>(items: T[], limit: number, fn: (item: T) => Promise<R>): Promise<R[]> {
  const out = new Array<R>(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      out[i] = await fn(items[i]!);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return out;
}

/**
 * POSTs the message as JSON to a configured URL with an Idempotency-Key header (SMS gateway, 1177 integration).
 * A batch goes out `inFlight` requests at a time: a gateway answers in tens of milliseconds, so one at a time
 * would cap a night's messages at a few dozen a second. Each message keeps its own key and its own outcome.
 */
export function webhookTransport(name: string, url: string, headers: Record<string, string> = {}, inFlight = 16): BatchTransport {
  const transport: Transport = {
    name,
    async send(m) {
      let res: Response;
      try {
        res = await fetch(url, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'idempotency-key': m.idempotencyKey, ...headers },
          body: JSON.stringify({ topic: m.topic, regionId: m.regionId, payload: m.payload }),
          signal: AbortSignal.timeout(10_000),
        });
      } catch (e) {
        throw new RetryableError(`${name}: ${(e as Error).message}`);
      }
      if (res.status >= 500 || res.status === 429) throw new RetryableError(`${name}: HTTP ${res.status}`);
      if (!res.ok) throw new PermanentError(`${name}: HTTP ${res.status} ${await res.text().catch(() => '')}`.trim());
      return { transport: name, status: res.status };
    },
  };
  return { ...transport, sendBatch: (messages, tx) => mapBounded(messages, inFlight, (m) => transport.send(m, tx).catch((e: Error) => e)) };
}

export const defaultMessageTransports = (): Map<string, Transport> =>
  new Map(messageChannels.map((c) => [`message.${c}`, embeddedMessageTransport(c)]));
