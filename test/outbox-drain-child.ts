/**
 * A worker process for src/platform/jobs/kill.int.test.ts: drains the outbox of the database it is given
 * (PGLITE_DIR or DATABASE_URL), with SMS going to MESSAGE_WEBHOOK_URL, in batches of OUTBOX_BATCH.
 */
import { createContext } from '../src/app.js';
import { loadConfig } from '../src/platform/config.js';
import { openPglite, openPostgres } from '../src/platform/db/client.js';
import { OutboxWorker } from '../src/platform/jobs/worker.js';

const database = process.env.DATABASE_URL ? await openPostgres(process.env.DATABASE_URL, 2) : await openPglite(process.env.PGLITE_DIR!);
const ctx = createContext(database, loadConfig({ logLevel: 'silent', demo: false }, process.env));
await new OutboxWorker(database, ctx.outbox, { batchSize: Number(process.env.OUTBOX_BATCH) }).drain();
await database.close();
