import { sealAuditLog } from '../platform/audit/audit.js';
import { purgeExpiredSessions } from '../platform/auth/session.js';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase, redactUrl, type Database } from '../platform/db/client.js';
import { migrate } from '../platform/db/migrate.js';
import { OutboxWorker } from '../platform/jobs/worker.js';
import { createApp, createContext } from '../app.js';
import { loadReferenceData } from '../identity/reference-data.js';
import { loadDemo } from '../demo.js';
import type { App } from '../platform/http/server.js';
import type { AppContext } from '../platform/context.js';

export interface Running {
  app: App;
  ctx: AppContext;
  url: string;
  worker?: OutboxWorker;
  stop(): Promise<void>;
}

/** Opens (and creates, for the embedded database) the database and brings its schema up to date. */
export async function prepareDatabase(config: Config, say: (m: string) => void = () => {}): Promise<Database> {
  say(config.databaseUrl ? `Connecting to PostgreSQL at ${redactUrl(config.databaseUrl)}…` : `Opening the embedded database in ${config.dataDir}/pglite…`);
  const database = await openDatabase(config);
  say('Applying migrations…');
  await migrate(database);
  await loadReferenceData(database);
  return database;
}

/** Starts Lägesbild: database, demo region, HTTP server and, unless switched off, the outbox worker and audit sealer. */
export async function startLagesbild(overrides: Partial<Config> = {}, say: (m: string) => void = console.log): Promise<Running> {
  const config = loadConfig(overrides);
  const database = await prepareDatabase(config, say);
  if (config.demo) {
    const r = await loadDemo(database, { regionId: config.regionId, size: config.demoSize, seed: config.demoSeed, now: new Date(), onProgress: say });
    say(r.skipped ? `Demo region: ${r.people.toLocaleString('sv-SE')} synthetic people already loaded.` : `Demo region loaded: ${r.people.toLocaleString('sv-SE')} synthetic people, ${r.units} units, ${r.staff} staff.`);
  }
  const ctx = createContext(database, config);
  const app = await createApp(ctx);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;

  let worker: OutboxWorker | undefined;
  let sealer: NodeJS.Timeout | undefined;
  if (config.runWorker) {
    worker = new OutboxWorker(database, ctx.outbox, { onError: (e) => app.log.warn({ err: e }, 'outbox delivery failed') });
    await worker.start();
    // Housekeeping every few seconds: seal new audit entries into the chain, drop expired sessions.
    sealer = setInterval(() => {
      void sealAuditLog(database).catch((e) => app.log.error({ err: e }, 'audit sealing failed'));
      void purgeExpiredSessions(ctx).catch((e) => app.log.error({ err: e }, 'session cleanup failed'));
    }, 5_000);
  }
  return {
    app,
    ctx,
    url,
    worker,
    async stop() {
      clearInterval(sealer);
      await worker?.stop();
      await app.close();
      await sealAuditLog(database).catch(() => {});
      await database.close();
    },
  };
}
