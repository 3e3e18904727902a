import { CheckpointLog } from '../platform/audit/checkpoints.js';
import { AuditSealer } from '../platform/audit/sealer.js';
import { auditKeyFile } from '../platform/audit/signing.js';
import { purgeExpiredSessions } from '../platform/auth/session.js';
import { purgeExpiredFhir } from '../fhir/export.js';
import { loadConfig, type Config } from '../platform/config.js';
import { openDatabase, redactUrl, type Database } from '../platform/db/client.js';
import { migrate } from '../platform/db/migrate.js';
import { OutboxWorker } from '../platform/jobs/worker.js';
import { createApp, createContext } from '../app.js';
import { loadReferenceData } from '../identity/reference-data.js';
import { loadDemo } from '../demo.js';
import { loadCertificatesDemo } from '../certificates/demo.js';
import { vaultOf } from '../certificates/issuance.js';
import { activeSigner } from '../certificates/signing/store.js';
import type { App } from '../platform/http/server.js';
import type { AppContext } from '../platform/context.js';
import { sendDueReminders } from '../reporting/reminders.js';
import { sendDueAggregates } from '../reporting/aggregates.js';
import { syncDefinitions } from '../reporting/definitions.js';
import { pullReopens } from '../reporting/reopens.js';
import { purgeIfDue } from '../privacy/purge/job.js';
import { sendDueCheckIns } from '../tracing/check-ins.js';

export interface Running {
  app: App;
  ctx: AppContext;
  url: string;
  worker?: OutboxWorker;
  stop(): Promise<void>;
}

/**
 * Opens (and creates, for the embedded database) the database and brings its schema up to date, unless
 * migrations are left to the owner role (`migrateOnStart` off).
 */
export async function prepareDatabase(config: Config, say: (m: string) => void = () => {}, opts: { migrate?: boolean } = {}): Promise<Database> {
  say(config.databaseUrl ? `Connecting to PostgreSQL at ${redactUrl(config.databaseUrl)}…` : `Opening the embedded database in ${config.dataDir}/pglite…`);
  const database = await openDatabase(config);
  if (opts.migrate ?? config.migrateOnStart) {
    say('Applying migrations…');
    await migrate(database);
  }
  await loadReferenceData(database);
  return database;
}

/** Starts Lägesbild: database, demo region, HTTP server and, unless switched off, the outbox worker and audit sealer. */
export async function startLagesbild(overrides: Partial<Config> = {}, say: (m: string) => void = console.log): Promise<Running> {
  const config = loadConfig(overrides);
  const database = await prepareDatabase(config, say);
  // The context first: it loads the audit key, which the demo's audited writes need.
  const ctx = createContext(database, config);
  await prepareInstance(ctx, say);
  return serve(ctx);
}

/**
 * Brings an instance's data to what its first request needs: the demo region when asked for, and the
 * region's certificate signing keys (CSCA and document signer), which exist from the first start on.
 * Run once per start, before any process serves (several processes would race to create the keys).
 */
export async function prepareInstance(ctx: AppContext, say: (m: string) => void): Promise<void> {
  const { config, database } = ctx;
  if (config.databaseUrl && !config.auditKey) say(`AUDIT_KEY is not set: audit entries are signed with the key in ${auditKeyFile(config.dataDir)}; every instance on this database must use the same key.`);
  if (config.demo) {
    const r = await loadDemo(database, { regionId: config.regionId, size: config.demoSize, seed: config.demoSeed, now: new Date(), onProgress: say });
    say(r.skipped ? `Demo region: ${r.people.toLocaleString('sv-SE')} synthetic people already loaded.` : `Demo region loaded: ${r.people.toLocaleString('sv-SE')} synthetic people, ${r.units} units, ${r.staff} staff.`);
    if (!r.skipped) {
      say('Certificates: signing keys, doses for a demo citizen, four months of requests…');
      await loadCertificatesDemo(ctx, new Date());
    }
  }
  const signer = await database.db.transaction((tx) => activeSigner(tx, vaultOf(ctx), config.regionId, new Date()));
  if (config.databaseUrl && !config.certificateKey) say(`CERTIFICATE_KEY is not set: certificate signing keys are encrypted with the key in ${config.dataDir}/certificate.key; every instance on this database must use the same key.`);
  say(`Certificates are signed by document signer ${signer.kid}.`);
}

/** Serves HTTP on a prepared instance and, unless switched off, runs the outbox worker and the housekeeping. */
export async function serve(ctx: AppContext): Promise<Running> {
  const { config, database } = ctx;
  const app = await createApp(ctx);
  await app.listen({ host: config.host, port: config.port });
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  const url = `http://${config.host === '0.0.0.0' ? 'localhost' : config.host}:${port}`;

  let worker: OutboxWorker | undefined;
  let housekeeping: NodeJS.Timeout | undefined;
  const auditSealer = new AuditSealer(database, CheckpointLog.of(config), app.log);
  if (config.runWorker) {
    worker = new OutboxWorker(database, ctx.outbox, { onError: (e) => app.log.warn({ err: e }, 'outbox delivery failed') });
    await worker.start();
    // Housekeeping every few seconds: seal new audit entries into the chain (and checkpoints of it), drop expired sessions,
    // send contacts under follow-up their daily check-in, and once a night purge what has outlived its retention period (src/privacy/README.md).
    housekeeping = setInterval(() => {
      void auditSealer.runOnce().catch((e) => app.log.error({ err: e }, 'audit sealing failed'));
      void purgeExpiredSessions(ctx).catch((e) => app.log.error({ err: e }, 'session cleanup failed'));
      void purgeExpiredFhir(ctx).catch((e) => app.log.error({ err: e }, 'FHIR export cleanup failed'));
      void sendDueReminders(ctx).catch((e) => app.log.error({ err: e }, 'reporting reminders failed'));
      void sendDueAggregates(ctx).catch((e) => app.log.error({ err: e }, 'weekly aggregates to the nation failed'));
      void syncDefinitions(ctx, { atMostEveryMs: 60_000 }).catch((e) => app.log.warn({ err: e }, 'the national rounds could not be fetched'));
      void pullReopens(ctx, { atMostEveryMs: 60_000 }).catch((e) => app.log.warn({ err: e }, 'the national reopenings could not be fetched'));
      // Once per contact and day (the check-in's key), so every tick may try: only the first of a day sends.
      void sendDueCheckIns(ctx).catch((e) => app.log.error({ err: e }, 'the daily check-ins of contacts failed; the next tick retries'));
      void purgeIfDue(ctx).catch((e) => app.log.error({ err: e }, 'the retention purge failed; the next tick resumes it'));
    }, 5_000);
  }
  return {
    app,
    ctx,
    url,
    worker,
    async stop() {
      clearInterval(housekeeping);
      await worker?.stop();
      await app.close();
      await auditSealer.runOnce({ final: true }).catch((e) => app.log.error({ err: e }, 'audit sealing failed'));
      await database.close();
    },
  };
}
