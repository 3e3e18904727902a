import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, newPerson, setupTest, type TestEnv } from '../../../test/harness.js';
import { addToOutbox, publishEvent, sendMessage } from './outbox.js';
import { OutboxRouter, OutboxWorker } from './worker.js';
import { embeddedMessageTransport, PermanentError, RetryableError, type BatchTransport, type Transport } from './transports.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTest();
});
afterAll(() => env.close());

const status = async (key: string) =>
  (await env.database.query<{ status: string; attempts: number; last_error: string | null }>('SELECT status, attempts, last_error FROM outbox WHERE idempotency_key = $1', [key]))[0];

describe('the outbox', () => {
  it('delivers a message once, to the embedded inbox, even when added twice', async () => {
    const p = await newPerson(env.ctx);
    for (let i = 0; i < 2; i++) {
      await env.database.db.transaction((tx) => sendMessage(tx, { regionId: '18', channel: 'inbox', personId: p.id, to: p.id, subject: 'Provsvar', body: 'Ditt provsvar finns', idempotencyKey: 'result-1' }));
    }
    await env.worker.drain();
    await env.worker.drain();
    const rows = await env.database.query<{ body: string }>('SELECT body FROM delivered_messages WHERE idempotency_key = $1', ['result-1']);
    expect(rows).toEqual([{ body: 'Ditt provsvar finns' }]);
    expect(await status('result-1')).toMatchObject({ status: 'delivered', attempts: 1 });
  });

  it('adds nothing when the change that queued it rolls back', async () => {
    const before = await count(env.database, 'outbox');
    await expect(
      env.database.db.transaction(async (tx) => {
        await publishEvent(tx, '18', 'test.Happened', {}, 'rolled-back');
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect(await count(env.database, 'outbox')).toBe(before);
  });

  it('runs onPublish subscribers in the publishing transaction, in order; one failing rolls the publisher back', async () => {
    const seen: string[] = [];
    const router = new OutboxRouter()
      .onPublish('test.Merged', 'first', async (tx, e) => {
        await tx.execute(sql`SELECT 1`);
        seen.push(`first:${e.idempotencyKey}`);
      })
      .onPublish('test.Merged', 'second', async () => void seen.push('second'));
    await env.database.db.transaction((tx) => router.publish(tx, { regionId: '18', topic: 'test.Merged', payload: {}, idempotencyKey: 'merged-1' }));
    expect(seen).toEqual(['first:merged-1', 'second']);
    expect(await status('merged-1')).toMatchObject({ status: 'pending' }); // other areas still get it after the commit

    const before = await count(env.database, 'outbox');
    const failing = new OutboxRouter().onPublish('test.Merged', 'failing', async () => {
      throw new Error('cannot follow');
    });
    await expect(env.database.db.transaction((tx) => failing.publish(tx, { regionId: '18', topic: 'test.Merged', payload: {}, idempotencyKey: 'merged-2' }))).rejects.toThrow('cannot follow');
    expect(await count(env.database, 'outbox')).toBe(before);
  });

  it('sends nothing twice after a crash between sending and marking', async () => {
    // A worker that dies after the transport wrote but before its transaction commits: everything rolls back,
    // the row stays pending, and the next worker delivers it exactly once.
    const crashing = new OutboxRouter().useTransport('message.sms', {
      name: 'crashes-after-send',
      async send(m, tx) {
        await embeddedMessageTransport('sms').send(m, tx);
        throw Object.assign(new Error('process killed'), { crash: true });
      },
    } satisfies Transport);
    await env.database.db.transaction((tx) => sendMessage(tx, { regionId: '18', channel: 'sms', to: '0701740605', body: 'Hej', idempotencyKey: 'crash-1' }));
    // Simulate the crash: the delivery transaction is abandoned half-way, as when the process dies.
    const [row] = await env.database.query<{ region_id: string; id: string; payload: Record<string, unknown>; idempotency_key: string; topic: string }>("SELECT * FROM outbox WHERE idempotency_key = 'crash-1'");
    await expect(
      env.database.db.transaction((tx) =>
        crashing.dispatch(tx, { regionId: row!.region_id, id: row!.id, topic: row!.topic, payload: row!.payload, idempotencyKey: row!.idempotency_key, attempts: 1 }),
      ),
    ).rejects.toThrow('process killed');
    expect(await env.database.query("SELECT 1 FROM delivered_messages WHERE idempotency_key = 'crash-1'")).toHaveLength(0);
    expect(await status('crash-1')).toMatchObject({ status: 'pending', attempts: 0 });
    await env.worker.drain();
    await env.worker.drain();
    expect(await env.database.query("SELECT 1 FROM delivered_messages WHERE idempotency_key = 'crash-1'")).toHaveLength(1);
    expect(await status('crash-1')).toMatchObject({ status: 'delivered' });
  });

  it('retries with backoff and gives up on a permanent error', async () => {
    let calls = 0;
    const flaky = new OutboxRouter()
      .useTransport('message.email', { name: 'flaky', send: async () => { calls += 1; if (calls < 3) throw new RetryableError('503 from gateway'); return { ok: true }; } })
      .useTransport('message.sms', { name: 'rejects', send: async () => { throw new PermanentError('no such number'); } });
    const worker = new OutboxWorker(env.database, flaky);
    await env.database.db.transaction(async (tx) => {
      await sendMessage(tx, { regionId: '18', channel: 'email', to: 'a@example.se', body: 'x', idempotencyKey: 'flaky-1' });
      await sendMessage(tx, { regionId: '18', channel: 'sms', to: '000', body: 'x', idempotencyKey: 'bad-1' });
    });
    const t0 = Date.now();
    await worker.drain(new Date(t0));
    expect(await status('flaky-1')).toMatchObject({ status: 'pending', attempts: 1, last_error: '503 from gateway' });
    expect(await status('bad-1')).toMatchObject({ status: 'failed', attempts: 1, last_error: 'no such number' });
    await worker.drain(new Date(t0)); // not due yet: backoff
    expect(calls).toBe(1);
    await worker.drain(new Date(t0 + 6_000));
    await worker.drain(new Date(t0 + 60_000));
    expect(calls).toBe(3);
    expect(await status('flaky-1')).toMatchObject({ status: 'delivered', attempts: 3 });
  });

  it('runs event handlers in the delivery transaction, exactly once, and rolls back a failing one', async () => {
    let fail = true;
    const router = new OutboxRouter().on('test.Counted', 'counter', async (tx, e) => {
      await addToOutbox(tx, { regionId: e.regionId, topic: 'test.Effect', payload: {}, idempotencyKey: `effect-of-${e.idempotencyKey}` });
      if (fail) throw new Error('handler bug');
    });
    await env.database.db.transaction((tx) => publishEvent(tx, '18', 'test.Counted', { n: 1 }, 'c1'));
    const worker = new OutboxWorker(env.database, router);
    await worker.drain();
    expect(await env.database.query("SELECT 1 FROM outbox WHERE topic = 'test.Effect'")).toHaveLength(0);
    fail = false;
    await worker.drain(new Date(Date.now() + 10_000));
    await worker.drain(new Date(Date.now() + 10_000));
    expect(await env.database.query("SELECT 1 FROM outbox WHERE topic = 'test.Effect'")).toHaveLength(1);
    expect(await status('test.Counted:c1')).toMatchObject({ status: 'delivered', attempts: 2 });
  });

  it('delivers a batch in one go, and falls back to one at a time when one message spoils the batch', async () => {
    const sent: string[] = [];
    const picky = new OutboxRouter().useTransport('message.sms', {
      name: 'picky',
      async sendBatch(messages) {
        if (messages.some((m) => m.payload.body === 'bad')) throw new Error('the gateway refused the batch');
        sent.push(...messages.map((m) => m.idempotencyKey));
        return messages.map(() => ({ batch: true }));
      },
      async send(m) {
        if (m.payload.body === 'bad') throw new PermanentError('refused');
        sent.push(m.idempotencyKey);
        return { batch: false };
      },
    } satisfies BatchTransport);
    await env.database.db.transaction(async (tx) => {
      for (const key of ['b1', 'b2', 'b3']) await sendMessage(tx, { regionId: '18', channel: 'sms', to: '070', body: key === 'b2' ? 'bad' : 'ok', idempotencyKey: key });
    });
    await new OutboxWorker(env.database, picky).drain();
    expect(sent.sort()).toEqual(['b1', 'b3']);
    expect(await status('b2')).toMatchObject({ status: 'failed' });
    const receipts = await env.database.query<{ receipt: { batch: boolean } }>("SELECT receipt FROM outbox WHERE idempotency_key IN ('b1', 'b3')");
    expect(receipts.map((r) => r.receipt.batch)).toEqual([false, false]);

    await env.database.db.transaction(async (tx) => {
      for (const key of ['c1', 'c2']) await sendMessage(tx, { regionId: '18', channel: 'sms', to: '070', body: 'ok', idempotencyKey: key });
    });
    await new OutboxWorker(env.database, picky).drain();
    const batched = await env.database.query<{ receipt: { batch: boolean } }>("SELECT receipt FROM outbox WHERE idempotency_key IN ('c1', 'c2')");
    expect(batched.map((r) => r.receipt.batch)).toEqual([true, true]);
  });

  it('wakes the running worker on commit through NOTIFY', async () => {
    const worker = new OutboxWorker(env.database, env.ctx.outbox, { pollMs: 60_000 });
    await worker.start();
    try {
      await env.database.db.transaction((tx) => sendMessage(tx, { regionId: '18', channel: 'email', to: 'b@example.se', body: 'wake', idempotencyKey: 'notify-1' }));
      await expect.poll(async () => (await status('notify-1'))?.status, { timeout: 5_000 }).toBe('delivered');
    } finally {
      await worker.stop();
    }
  });
});
