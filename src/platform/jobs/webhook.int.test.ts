import { createServer, type IncomingMessage } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { setupTest, type TestEnv } from '../../../test/harness.js';
import { sendMessage } from './outbox.js';

let env: TestEnv;
let server: ReturnType<typeof createServer>;
const received: { key: string | undefined; body: { topic: string; payload: { to: string } } }[] = [];
let failNext = 0;

beforeAll(async () => {
  server = createServer((req: IncomingMessage, res) => {
    let text = '';
    req.on('data', (c) => (text += c));
    req.on('end', () => {
      if (failNext > 0) {
        failNext -= 1;
        res.writeHead(503).end();
        return;
      }
      received.push({ key: req.headers['idempotency-key'] as string | undefined, body: JSON.parse(text) });
      res.writeHead(202).end();
    });
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
});
