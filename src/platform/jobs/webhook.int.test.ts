import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTest, type TestEnv } from '../../../test/harness.js';
import { sendMessage, sendMessages } from './outbox.js';

let env: TestEnv;
let server: ReturnType<typeof createServer>;
const received: { key: string | undefined; body: { topic: string; payload: { to: string } } }[] = [];
let failNext = 0;
/** Keys the gateway refuses for good (400). */
const refuse = new Set<string>();
let inFlight = 0;
let mostInFlight = 0;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    inFlight += 1;
    mostInFlight = Math.max(mostInFlight, inFlight);
    req.on('end', () => setTimeout(() => answer(), 5));
    const answer = () => {
      inFlight -= 1;
      const key = req.headers['idempotency-key'] as string | undefined;
      if (key && refuse.has(key)) {
        received.push({ key, body: JSON.parse(text) });
        res.writeHead(400).end('unknown number');
        return;
      }
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      received.push({ key, body: JSON.parse(text) });
      res.writeHead(202).end();
    };
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  env = await setupTest({ config: { messageWebhookUrl: `http://127.0.0.1:${(server.address() as AddressInfo).port}/messages` } });
});
afterAll(async () => {
  await env.close();
  server.close();
});

describe('the configured SMS/e-mail gateway', () => {
  it('receives SMS and e-mail with their idempotency keys, is retried on 503, while the inbox stays embedded', async () => {
    failNext = 1;
    await env.database.db.transaction(async (tx) => {
      await sendMessage(tx, { regionId: '18', channel: 'sms', to: '0701740605', body: 'Ditt provsvar finns i 1177', idempotencyKey: 'gw-sms' });
      await sendMessage(tx, { regionId: '18', channel: 'inbox', to: 'p', body: 'Svar', idempotencyKey: 'gw-inbox' });
    });
    const t0 = Date.now();
    await env.worker.drain(new Date(t0));
    expect(received).toEqual([]);
    await env.worker.drain(new Date(t0 + 10_000));
    expect(received).toEqual([{ key: 'gw-sms', body: expect.objectContaining({ topic: 'message.sms', payload: expect.objectContaining({ to: '0701740605' }) }) }]);
    expect(await env.database.query("SELECT 1 FROM delivered_messages WHERE idempotency_key = 'gw-inbox'")).toHaveLength(1);
    expect(await env.database.query("SELECT 1 FROM delivered_messages WHERE idempotency_key = 'gw-sms'")).toHaveLength(0);
  });

  it('sends a batch several requests at a time, each with its own outcome: one refused number fails alone, the rest go once', async () => {
    received.length = 0;
    mostInFlight = 0;
    refuse.add('gw-batch:7');
    await env.database.db.transaction((tx) =>
      sendMessages(tx, Array.from({ length: 30 }, (_, i) => ({ regionId: '18', channel: 'sms' as const, to: '0701740605', body: `Svar ${i}`, idempotencyKey: `gw-batch:${i}` }))),
    );
    await env.worker.drain(new Date(Date.now() + 20_000));
    expect(received.map((r) => r.key).sort()).toEqual(Array.from({ length: 30 }, (_, i) => `gw-batch:${i}`).sort());
    expect(mostInFlight).toBeGreaterThan(1);
    const status = await env.database.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM outbox WHERE idempotency_key LIKE 'gw-batch:%' GROUP BY 1 ORDER BY 1");
    expect(status).toEqual([
      { status: 'delivered', n: 29 },
      { status: 'failed', n: 1 },
    ]);
    expect(await env.database.query("SELECT last_error FROM outbox WHERE idempotency_key = 'gw-batch:7'")).toEqual([{ last_error: 'webhook-sms: HTTP 400 unknown number' }]);
  });
});
