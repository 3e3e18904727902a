import { sql } from 'drizzle-orm';
import type { Database, Db } from '../db/client.js';
import { queryRows } from '../db/sql.js';
import { addToOutbox, OUTBOX_CHANNEL, type OutboxItem } from './outbox.js';
import { PermanentError, type BatchTransport, type OutboxMessage, type Receipt, type Transport } from './transports.js';

export type EventHandler = (tx: Db, event: OutboxMessage) => Promise<void>;
/** Reacts to an event inside the transaction that publishes it. */
export type PublishHandler = (tx: Db, event: OutboxItem) => Promise<void>;

/**
 * Routes each outbox topic: messages to their transport, domain events to the handlers other areas
 * registered. An event nobody handles yet is marked delivered with an empty receipt.
 */
export class OutboxRouter {
  private readonly transports = new Map<string, Transport>();
  private readonly handlers = new Map<string, { name: string; handle: EventHandler }[]>();
  private readonly publishHandlers = new Map<string, { name: string; handle: PublishHandler }[]>();

  useTransport(topic: string, transport: Transport | BatchTransport): this {
    this.transports.set(topic, transport);
    return this;
  }

  on(topic: string, name: string, handle: EventHandler): this {
    this.handlers.set(topic, [...(this.handlers.get(topic) ?? []), { name, handle }]);
    return this;
  }

  /**
   * Subscribes to an event in the transaction that publishes it, not after the commit: for data that must never
   * be seen out of step with the publisher's change (the rows of a person merged into another). A failing
   * handler rolls the publisher's change back with it, so such handlers write only their own area's rows.
   */
  onPublish(topic: string, name: string, handle: PublishHandler): this {
    this.publishHandlers.set(topic, [...(this.publishHandlers.get(topic) ?? []), { name, handle }]);
    return this;
  }

  /** Publishes an event: its `onPublish` subscribers run now, in `tx` and in the order they subscribed; the outbox carries it to the others after the commit. */
  async publish(tx: Db, event: OutboxItem): Promise<void> {
    for (const h of this.publishHandlers.get(event.topic) ?? []) await h.handle(tx, event);
    await addToOutbox(tx, event);
  }

  /** The topic's transport, if it can deliver many messages in one call. */
  batchTransport(topic: string): BatchTransport | undefined {
    const t = this.transports.get(topic);
    return t && 'sendBatch' in t ? (t as BatchTransport) : undefined;
  }

  async dispatch(tx: Db, m: OutboxMessage): Promise<Receipt> {
    const transport = this.transports.get(m.topic);
    if (transport) return transport.send(m, tx);
    if (m.topic.startsWith('message.')) throw new PermanentError(`No transport is configured for ${m.topic}`);
    const handlers = this.handlers.get(m.topic) ?? [];
    for (const h of handlers) await h.handle(tx, m);
    return { handlers: handlers.map((h) => h.name) };
  }
}

export interface WorkerOptions {
  batchSize?: number;
  maxAttempts?: number;
  /** Poll interval when no notification arrives (notifications wake the worker at once). */
  pollMs?: number;
  onError?: (err: unknown) => void;
}

/** Seconds until the next try: 5 s, 10 s, 20 s … capped at one hour. */
export const backoffSeconds = (attempts: number) => Math.min(5 * 2 ** Math.max(0, attempts - 1), 3600);

interface Row {
  region_id: string;
  id: string;
  topic: string;
  payload: Record<string, unknown>;
  idempotency_key: string;
  attempts: number;
}

/**
 * Drains the outbox with FOR UPDATE SKIP LOCKED, so any number of instances can run it side by side.
 * Each message is dispatched inside a savepoint: a failure rolls back what its handler wrote but keeps the attempt count.
 */
export class OutboxWorker {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<void> | undefined;
  private again = false;
  private stopped = true;
  private unlisten: (() => Promise<void>) | undefined;
  private readonly batchSize: number;
  private readonly maxAttempts: number;
  private readonly pollMs: number;

  constructor(
    private readonly database: Database,
    private readonly router: OutboxRouter,
    private readonly opts: WorkerOptions = {},
  ) {
    this.batchSize = opts.batchSize ?? 500;
    this.maxAttempts = opts.maxAttempts ?? 10;
    this.pollMs = opts.pollMs ?? 1000;
  }

  /** Processes one batch of due messages; returns how many were handled (delivered, retried or failed). */
  async runOnce(asOf: Date = new Date()): Promise<number> {
    return this.database.db.transaction(async (tx) => {
      const rows = (await queryRows<Row>(tx, sql`
          SELECT region_id, id, topic, payload, idempotency_key, attempts FROM outbox
          WHERE status = 'pending' AND next_attempt_at <= GREATEST(now(), ${asOf.toISOString()}::timestamptz)
          ORDER BY next_attempt_at LIMIT ${this.batchSize} FOR UPDATE SKIP LOCKED`));
      const messages = rows.map((r): OutboxMessage => ({ regionId: r.region_id, id: r.id, topic: r.topic, payload: r.payload, idempotencyKey: r.idempotency_key, attempts: r.attempts + 1 }));
      // Messages for a transport that can take many at once go in one savepoint and one update; if that
      // fails, they fall back to one at a time, so one bad message cannot hold back the rest.
      const single: OutboxMessage[] = [];
      const byTopic = new Map<string, OutboxMessage[]>();
      for (const m of messages) {
        const group = byTopic.get(m.topic);
        if (group) group.push(m);
        else byTopic.set(m.topic, [m]);
      }
      for (const [topic, group] of byTopic) {
        const batch = this.router.batchTransport(topic);
        if (!batch || group.length === 1 || !(await this.deliverBatch(tx, batch, group, asOf))) single.push(...group);
      }
      for (const m of single) {
        try {
          const receipt = await tx.transaction((sp) => this.router.dispatch(sp, m));
          await this.markDelivered(tx, [m], [receipt]);
        } catch (e) {
          await this.markFailed(tx, m, e, asOf);
        }
      }
      return rows.length;
    });
  }

  /** One call for the group; a message the transport reports failed is retried later on its own. False when the whole call failed. */
  private async deliverBatch(tx: Db, transport: BatchTransport, group: OutboxMessage[], asOf: Date): Promise<boolean> {
    let outcomes: (Receipt | Error)[];
    try {
      outcomes = await tx.transaction((sp) => transport.sendBatch(group, sp));
    } catch (e) {
      this.opts.onError?.(e);
      return false;
    }
    const delivered = group.flatMap((m, i) => (outcomes[i] instanceof Error ? [] : [{ m, receipt: outcomes[i] as Receipt }]));
    if (delivered.length) await this.markDelivered(tx, delivered.map((d) => d.m), delivered.map((d) => d.receipt));
    for (const [i, m] of group.entries()) if (outcomes[i] instanceof Error) await this.markFailed(tx, m, outcomes[i], asOf);
    return true;
  }

  /** A failed attempt: retried after the backoff, or failed for good when permanent or out of attempts. */
  private async markFailed(tx: Db, m: OutboxMessage, e: unknown, asOf: Date): Promise<void> {
    const permanent = e instanceof PermanentError || m.attempts >= this.maxAttempts;
    const error = (e as Error).message ?? String(e);
    await tx.execute(sql`UPDATE outbox SET attempts = ${m.attempts}, last_error = ${error},
      status = ${permanent ? 'failed' : 'pending'},
      next_attempt_at = GREATEST(now(), ${asOf.toISOString()}::timestamptz) + make_interval(secs => ${backoffSeconds(m.attempts)})
      WHERE region_id = ${m.regionId} AND id = ${m.id}`);
    this.opts.onError?.(e);
  }

  private async markDelivered(tx: Db, group: OutboxMessage[], receipts: Receipt[]): Promise<void> {
    await tx.execute(sql`UPDATE outbox o SET status = 'delivered', attempts = d.attempts, receipt = d.receipt, delivered_at = now(), last_error = NULL
      FROM unnest(${sql.param(group.map((m) => m.regionId))}::text[], ${sql.param(group.map((m) => m.id))}::uuid[], ${sql.param(group.map((m) => m.attempts))}::int[],
        ${sql.param(receipts.map((r) => JSON.stringify(r)))}::jsonb[]) AS d(region_id, id, attempts, receipt)
      WHERE o.region_id = d.region_id AND o.id = d.id`);
  }

  /** Runs batches until nothing is due, including what handlers queued meanwhile. Tests and the CLI call this; the server runs `start()`. */
  async drain(asOf?: Date): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.runOnce(asOf);
      total += n;
      if (n === 0) return total;
    }
  }

  async start(): Promise<void> {
    this.stopped = false;
    this.unlisten = await this.listen();
    this.kick();
  }

  /** Wakes the worker now; a wake-up during a run makes it run once more. */
  kick(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    clearTimeout(this.timer);
    this.running = this.drain()
      .then(() => undefined, (e) => this.opts.onError?.(e))
      .finally(() => {
        this.running = undefined;
        if (this.stopped) return;
        if (this.again) {
          this.again = false;
          this.kick();
        } else this.timer = setTimeout(() => this.kick(), this.pollMs);
      });
  }

  async stop(): Promise<void> {
    this.stopped = true;
    clearTimeout(this.timer);
    await this.unlisten?.().catch(() => {});
    await this.running;
  }

  private async listen(): Promise<() => Promise<void>> {
    const { pglite, pool } = this.database;
    if (pglite) return pglite.listen(OUTBOX_CHANNEL, () => this.kick());
    const client = await pool!.connect();
    client.on('notification', () => this.kick());
    client.on('error', (e) => this.opts.onError?.(e)); // polling carries on if the listening connection dies
    await client.query(`LISTEN ${OUTBOX_CHANNEL}`);
    return async () => {
      await client.query(`UNLISTEN ${OUTBOX_CHANNEL}`).catch(() => {});
      client.release();
    };
  }
}
