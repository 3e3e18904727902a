/**
 * The outbox keeps up with the import (issue 17, section 4): N pending messages (a night's results: inbox, SMS
 * and e-mail in equal parts; 300,000 on PostgreSQL, 60,000 on PGlite; `--size` scales) delivered by the outbox
 * worker (`OutboxWorker.drain`: claim a batch FOR UPDATE SKIP LOCKED, hand each topic's messages to its batch
 * transport, mark them delivered in one statement) against the plainest set-based SQL for the same rows: one
 * `INSERT INTO delivered_messages … SELECT … FROM outbox`, as an embedded transport stores them. Aim: ≥ 0.3.
 * Each round starts from the same pending outbox and no delivered messages.
 */
import { createContext } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/client.js';
import { OutboxWorker } from '../src/platform/jobs/worker.js';
import { formatInt, race, type Benchmark, type Measurement, type Timing } from './lib.js';

const REGION = '18';
const DEFAULT = { postgres: 300_000, pglite: 60_000 } as const;

const count = async (database: Database, q: string) => (await database.query<{ n: number }>(q))[0]!.n;

async function queueMessages(database: Database, n: number) {
  await database.query(
    `INSERT INTO outbox (region_id, topic, payload, idempotency_key)
     SELECT $1, 'message.' || channel, jsonb_build_object('personId', md5('p' || (i / 3))::uuid, 'to', CASE channel WHEN 'inbox' THEN md5('p' || (i / 3))::uuid::text WHEN 'sms' THEN '070' || lpad((i / 3)::text, 7, '0') ELSE 'p' || (i / 3) || '@example.com' END,
       'subject', CASE WHEN channel <> 'sms' THEN 'Ditt provsvar' END, 'body', 'Ditt provsvar har kommit. Logga in på 1177 för att läsa det.'), 'result:' || i || ':' || channel
     FROM (SELECT i, (ARRAY['inbox', 'sms', 'email'])[1 + i % 3] AS channel FROM generate_series(0, $2::int - 1) i) s`,
    [REGION, n],
  );
  await database.query('VACUUM ANALYZE outbox');
}

const benchmark: Benchmark = {
  name: 'outbox',
  async run(target, { scale, repeat }) {
    const n = Math.max(300, Math.round(DEFAULT[target.name] * scale));
    const say = (m: string) => process.stderr.write(`  outbox on ${target.name}: ${m}\n`);
    const database = await target.open();
    try {
      say(`queueing ${formatInt(n)} messages…`);
      await queueMessages(database, n);
      const ctx = createContext(database, loadConfig({ logLevel: 'silent', demo: false }, {}));
      const reset = async () => {
        await database.query('TRUNCATE delivered_messages');
        await database.query(`UPDATE outbox SET status = 'pending', attempts = 0, receipt = NULL, delivered_at = NULL WHERE status <> 'pending'`);
        await database.query('VACUUM ANALYZE outbox');
      };
      const timings = await race(
        repeat,
        {
          worker: { before: reset, run: () => new OutboxWorker(database, ctx.outbox).drain() },
          insertSelect: {
            before: reset,
            run: () =>
              database.query(`INSERT INTO delivered_messages (region_id, idempotency_key, channel, person_id, recipient, subject, body)
                SELECT region_id, idempotency_key, substr(topic, 9), (payload->>'personId')::uuid, payload->>'to', payload->>'subject', payload->>'body' FROM outbox WHERE status = 'pending'`),
          },
        },
        (round) => say(`round ${round} of ${repeat}…`),
      );
      // Integrity: after the last round (the baseline's), run the worker once more and check every message went exactly once.
      await reset();
      await new OutboxWorker(database, ctx.outbox).drain();
      const delivered = await count(database, 'SELECT count(*)::int AS n FROM delivered_messages');
      const marked = await count(database, "SELECT count(*)::int AS n FROM outbox WHERE status = 'delivered'");
      if (delivered !== n || marked !== n) throw new Error(`the worker delivered ${delivered} messages and marked ${marked}, expected ${n} each`);
      const m = (label: string, timing: Timing): Measurement => ({ label, rows: n, unit: 'messages', timing });
      return [
        {
          benchmark: 'outbox',
          target: target.name,
          ours: m('messages via OutboxWorker.drain', timings.worker),
          baseline: m('INSERT … SELECT FROM outbox', timings.insertSelect),
          notes: [`${formatInt(n)} messages, a third each to the 1177 inbox, SMS and e-mail (embedded batch transports); the worker also marks each delivered with its receipt`],
        },
      ];
    } finally {
      await database.close();
    }
  },
};

export default benchmark;
