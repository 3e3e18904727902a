/**
 * The worker killed in the middle of a batch (SIGKILL while the gateway holds its requests): nothing of that batch
 * is marked delivered, and the next run sends its messages again with the same idempotency keys, so the gateway,
 * which drops a key it has seen, delivers every message exactly once. Runs on an on-disk PGlite data dir, or with
 * DATABASE_URL on a database of its own.
 */
import { spawn } from 'node:child_process';
import { createServer, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { join } from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { sharedTestDatabase } from '../../../test/db.js';
import { sendMessages } from './outbox.js';

const MESSAGES = 60;
const BATCH = 20;
const root = new URL('../../../', import.meta.url).pathname;

let shared: Awaited<ReturnType<typeof sharedTestDatabase>>;
const seen: string[] = [];
const held: ServerResponse[] = [];
/** From the request with this number on, the gateway holds its answers and the worker is killed. */
let killAt = Infinity;
let kill = () => {};
const server = createServer((req, res) => {
  req.resume();
  req.on('end', () => {
    seen.push(req.headers['idempotency-key'] as string);
    if (seen.length < killAt) return void res.writeHead(202).end();
    held.push(res);
    kill();
  });
});

beforeAll(async () => {
  shared = await sharedTestDatabase('lagesbild-outbox-kill');
  const database = await shared.open();
  try {
    await database.db.transaction((tx) =>
      sendMessages(tx, Array.from({ length: MESSAGES }, (_, i) => ({ regionId: '18', channel: 'sms' as const, to: '0701740605', body: `Meddelande ${i}`, idempotencyKey: `kill-test:${i}` }))),
    );
  } finally {
    await database.close();
  }
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
}, 180_000);

afterAll(async () => {
  server.close();
  await shared?.remove();
});

/** Runs the worker process; `killAfter` requests into a batch, the gateway stops answering and the process is killed. */
function runWorker(killAfter?: number): Promise<{ signal: NodeJS.Signals | null; code: number | null; stderr: string }> {
  const env: Record<string, string> = { ...(process.env as Record<string, string>), MESSAGE_WEBHOOK_URL: `http://127.0.0.1:${(server.address() as AddressInfo).port}/sms`, OUTBOX_BATCH: String(BATCH) };
  delete env.DATABASE_URL;
  if (shared.serverUrl) env.DATABASE_URL = shared.serverUrl;
  else env.PGLITE_DIR = join(shared.dir, 'pglite');
  const child = spawn(process.execPath, ['--import', 'tsx', 'test/outbox-drain-child.ts'], { cwd: root, env, stdio: ['ignore', 'ignore', 'pipe'] });
  let stderr = '';
  child.stderr.on('data', (d) => (stderr += d));
  killAt = killAfter === undefined ? Infinity : seen.length + BATCH + killAfter;
  kill = () => child.kill('SIGKILL');
  return new Promise((resolve) => child.on('exit', (code, signal) => resolve({ code, signal, stderr })));
}

async function outboxStatus() {
  const database = await shared.open();
  try {
    return await database.query<{ status: string; n: number }>("SELECT status, count(*)::int AS n FROM outbox WHERE idempotency_key LIKE 'kill-test:%' GROUP BY status ORDER BY status");
  } finally {
    await database.close();
  }
}

it('resends an interrupted batch with the same keys, and every message reaches the gateway', { timeout: 240_000 }, async () => {
  const killed = await runWorker(5);
  expect(killed.signal, killed.stderr).toBe('SIGKILL');
  // The first batch was committed; the second was cut off after its fifth request and marked nothing.
  expect(await outboxStatus()).toEqual([
    { status: 'delivered', n: BATCH },
    { status: 'pending', n: MESSAGES - BATCH },
  ]);
  const beforeResend = new Set(seen);
  for (const res of held.splice(0)) res.destroy();

  const resumed = await runWorker();
  expect(resumed.code, resumed.stderr).toBe(0);
  expect(await outboxStatus()).toEqual([{ status: 'delivered', n: MESSAGES }]);
  // Every key went out and no other; what went out twice is what the killed batch had sent, and nothing three times.
  const keys = Array.from({ length: MESSAGES }, (_, i) => `kill-test:${i}`);
  expect(new Set(seen)).toEqual(new Set(keys));
  const times = (k: string) => seen.filter((s) => s === k).length;
  const twice = keys.filter((k) => times(k) > 1);
  expect(twice.length).toBeGreaterThanOrEqual(6);
  for (const k of twice) expect([beforeResend.has(k), times(k)]).toEqual([true, 2]);
});
