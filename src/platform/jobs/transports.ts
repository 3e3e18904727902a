import type { Db } from '../db/client.js';
import { deliveredMessages, messageChannels, type MessageChannel } from './model.js';

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

/** Stores what it "sends", so demo users and the citizen's 1177 inbox can see it. */
export function embeddedMessageTransport(channel: MessageChannel): Transport {
  return {
    name: `embedded-${channel}`,
    async send(m, tx) {
      const p = m.payload as { personId: string | null; to: string; subject: string | null; body: string };
      const [row] = await tx
        .insert(deliveredMessages)
        .values({ regionId: m.regionId, idempotencyKey: m.idempotencyKey, channel, personId: p.personId, recipient: p.to, subject: p.subject, body: p.body })
        .onConflictDoNothing()
        .returning({ id: deliveredMessages.id });
      return { transport: `embedded-${channel}`, storedAs: row?.id ?? 'duplicate-dropped' };
    },
  };
}

/** POSTs the message as JSON to a configured URL with an Idempotency-Key header (SMS gateway, 1177 integration). */
export function webhookTransport(name: string, url: string, headers: Record<string, string> = {}): Transport {
  return {
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
}

export const defaultMessageTransports = (): Map<string, Transport> =>
  new Map(messageChannels.map((c) => [`message.${c}`, embeddedMessageTransport(c)]));
