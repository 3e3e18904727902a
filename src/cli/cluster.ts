/**
 * Several HTTP processes on one machine (node:cluster), for PostgreSQL: the app keeps nothing between
 * requests that another process would need (sessions, rate limits aside, are in the database; every guard is
 * a database constraint or lock), so each process serves any request. The primary prepares the database once
 * (migrations, demo, signing keys), then forks the processes, which share the port; the first runs the outbox
 * worker and the housekeeping, the others only serve. A process that dies is started again.
 *
 * The embedded database (PGlite) lives inside one process, so it always runs one.
 */
import cluster, { type Worker } from 'node:cluster';
import { availableParallelism } from 'node:os';
import { loadConfig, type Config } from '../platform/config.js';
import { AppError } from '../platform/errors.js';
import { createContext } from '../app.js';
import { prepareDatabase, prepareInstance, serve, type Running } from './runtime.js';

/** How many processes serve: as asked; else one per CPU on PostgreSQL and one on the embedded database. */
export function processCount(config: Pick<Config, 'databaseUrl'>, asked: number | undefined, cpus = availableParallelism()): number {
  if (asked !== undefined && (!Number.isInteger(asked) || asked < 1 || asked > 64))
    throw new AppError('invalid', `--workers must be a whole number from 1 to 64, not ${asked}`, 'workers');
  if (!config.databaseUrl) {
    if (asked !== undefined && asked > 1)
      throw new AppError('invalid', 'The embedded database lives inside one process: --workers above 1 needs PostgreSQL (set DATABASE_URL).', 'workers');
    return 1;
  }
  return asked ?? cpus;
}

/** What a serving process tells the primary once it listens. */
interface Listening {
  listening: string;
}

const RESTART_DELAY_MS = 1_000;
/** The environment variable that tells a forked process whether it is the first (the one with the outbox worker). */
const ROLE = 'LAGESBILD_CLUSTER_ROLE';

/**
 * The primary: prepares the database, forks `count` serving processes and restarts any that dies. Resolves
 * with the URL once every process listens; `stop` ends them all.
 */
export async function startPrimary(overrides: Partial<Config>, count: number, say: (m: string) => void): Promise<{ url: string; stop(): Promise<void> }> {
  const config = loadConfig(overrides);
  const database = await prepareDatabase(config, say);
  try {
    await prepareInstance(createContext(database, config), say);
  } finally {
    await database.close();
  }
  let stopping = false;
  const fork = (first: boolean): Worker => {
    const worker = cluster.fork({ [ROLE]: first ? 'first' : 'serve' });
    worker.once('exit', (code, signal) => {
      if (stopping) return;
      say(`A serving process stopped (${signal ?? `exit code ${code}`}); starting another in ${RESTART_DELAY_MS / 1000} s.`);
      setTimeout(() => !stopping && fork(first), RESTART_DELAY_MS);
    });
    return worker;
  };
  const workers = Array.from({ length: count }, (_, i) => fork(i === 0));
  const urls = await Promise.all(
    workers.map(
      (w) =>
        new Promise<string>((resolve, reject) => {
          w.on('message', (m: Listening) => m?.listening && resolve(m.listening));
          w.once('exit', (code) => reject(new Error(`a serving process stopped before it listened (exit code ${code})`)));
        }),
    ),
  );
  return {
    url: urls[0]!,
    async stop() {
      stopping = true;
      await Promise.all(
        Object.values(cluster.workers ?? {}).map(
          (w) =>
            new Promise<void>((resolve) => {
              if (!w || w.isDead()) return resolve();
              w.once('exit', () => resolve());
              w.kill('SIGTERM');
            }),
        ),
      );
    },
  };
}

/**
 * A serving process of the cluster: the prepared instance's HTTP server, which neither migrates nor loads the
 * demo again; only the first drains the outbox (if this deployment runs it at all). Tells the primary where
 * it listens.
 */
export async function startServingProcess(overrides: Partial<Config>): Promise<Running> {
  const base = loadConfig(overrides);
  const config = loadConfig({ ...overrides, demo: false, migrateOnStart: false, runWorker: base.runWorker && process.env[ROLE] === 'first' });
  const database = await prepareDatabase(config);
  const running = await serve(createContext(database, config));
  process.send?.({ listening: running.url } satisfies Listening);
  return running;
}

export const isServingProcess = () => cluster.isWorker;
