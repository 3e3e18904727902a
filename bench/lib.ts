/**
 * The benchmark harness's building blocks: targets (fresh databases to run on), timing, and the table.
 * Benchmarks compare our code with a baseline measured on the same database in the same run, and report
 * the ratio; they never assert timings.
 */
import pg from 'pg';
import { openPglite, openPostgres, redactUrl, type Database } from '../src/platform/db/client.js';
import { migrate } from '../src/platform/db/migrate.js';
import { loadReferenceData } from '../src/identity/reference-data.js';

export type TargetName = 'pglite' | 'postgres';

export interface BenchTarget {
  name: TargetName;
  /** A human description for the output, e.g. 'embedded PGlite (in memory)'. */
  description: string;
  /** A FRESH migrated database with reference data; closing it throws it away. */
  open(): Promise<Database>;
  /** Frees what the target keeps between open() calls (templates). */
  dispose(): Promise<void>;
}

export interface BenchOptions {
  /** Multiplies every benchmark's default row counts (`--size`). */
  scale: number;
  /** Timed rounds per contestant; the best one counts (`--repeat`). */
  repeat: number;
}

export interface Benchmark {
  name: string;
  run(target: BenchTarget, options: BenchOptions): Promise<BenchResult[]>;
}

/** Wall-clock times of the rounds, in milliseconds; `best` is the one reported. */
export interface Timing {
  best: number;
  runs: number[];
}

export interface Measurement {
  /** What ran, e.g. 'people via store' or 'raw INSERT'. */
  label: string;
  /** Rows per round, and what a row is ('people', 'rows'). */
  rows: number;
  unit: string;
  timing: Timing;
}

export interface BenchResult {
  benchmark: string;
  target: TargetName;
  ours: Measurement;
  baseline: Measurement;
  notes: string[];
}

// ---------------------------------------------------------------------------------------------------
// Timing

/** Times `fn` `repeat` times (best of N), running `before` untimed ahead of each round. */
export async function time(fn: () => Promise<unknown>, opts: { repeat?: number; before?: () => Promise<unknown> } = {}): Promise<Timing> {
  const runs: number[] = [];
  for (let i = 0; i < (opts.repeat ?? 3); i++) {
    await opts.before?.();
    const start = performance.now();
    await fn();
    runs.push(performance.now() - start);
  }
  return { best: Math.min(...runs), runs };
}

export interface Contestant {
  before?: () => Promise<unknown>;
  run: () => Promise<unknown>;
}

/**
 * Best of N for several contestants, interleaved round by round (A B C, A B C, …) so that a slow phase
 * of the machine (another process, a checkpoint, GC) hits them alike rather than one of them.
 */
export async function race<K extends string>(repeat: number, contestants: Record<K, Contestant>, onRound?: (round: number) => void): Promise<Record<K, Timing>> {
  const keys = Object.keys(contestants) as K[];
  const runs = Object.fromEntries(keys.map((k) => [k, [] as number[]])) as Record<K, number[]>;
  for (let round = 1; round <= repeat; round++) {
    onRound?.(round);
    for (const k of keys) runs[k].push(...(await time(contestants[k].run, { repeat: 1, before: contestants[k].before })).runs);
  }
  return Object.fromEntries(keys.map((k) => [k, { best: Math.min(...runs[k]), runs: runs[k] }])) as Record<K, Timing>;
}

/** Rows per second of the best round. */
export const rate = (m: Measurement) => (m.rows * 1000) / m.timing.best;
/** Ours over baseline, in rows per second: 1 is as fast as the baseline, 0.5 half as fast. */
export const ratio = (r: BenchResult) => rate(r.ours) / rate(r.baseline);

// ---------------------------------------------------------------------------------------------------
// Raw SQL on the driver, below drizzle, for baselines

export interface RawTx {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

/** Runs `fn` in one transaction straight on the driver (PGlite's transaction, or BEGIN/COMMIT on one pooled client). */
export async function rawTransaction<T>(database: Database, fn: (tx: RawTx) => Promise<T>): Promise<T> {
  if (database.pglite) return database.pglite.transaction((tx) => fn({ query: (text, params) => tx.query(text, params) }));
  const client = await database.pool!.connect();
  try {
    await client.query('BEGIN');
    const out = await fn({ query: (text, params) => client.query(text, params) });
    await client.query('COMMIT');
    return out;
  } catch (e) {
    await client.query('ROLLBACK').catch(() => {});
    throw e;
  } finally {
    client.release();
  }
}

// ---------------------------------------------------------------------------------------------------
// Targets

async function prepare(database: Database): Promise<Database> {
  try {
    await migrate(database);
    await loadReferenceData(database);
    return database;
  } catch (e) {
    await database.close().catch(() => {});
    throw e;
  }
}

/**
 * In-memory PGlite. Migrating one takes seconds, so the first open() also keeps a dump of the migrated
 * data dir and later ones start from a copy of it (as test/global-setup.ts does).
 */
export function pgliteTarget(): BenchTarget {
  let template: Blob | undefined;
  return {
    name: 'pglite',
    description: 'embedded PGlite (in memory)',
    async open() {
      if (template) return openPglite(undefined, template);
      const database = await prepare(await openPglite(undefined));
      template = await database.pglite!.dumpDataDir('none');
      return database;
    },
    async dispose() {
      template = undefined;
    },
  };
}

/** Server databases this process created and has not dropped yet, for cleanup on Ctrl+C. */
const liveServerDatabases = new Map<string, string>();

export function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

async function admin<T>(url: string, fn: (c: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: url, application_name: 'lagesbild-bench' });
  try {
    await client.connect();
  } catch (e) {
    throw new Error(
      `Could not connect to PostgreSQL at ${redactUrl(url)} (DATABASE_URL): ${(e as Error).message}. ` +
        'Check that the server is running and the URL is right, or unset DATABASE_URL to run on PGlite only.',
    );
  }
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

async function dropServerDatabase(name: string) {
  const url = liveServerDatabases.get(name);
  if (!url) return;
  await admin(url, (c) => c.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`));
  liveServerDatabases.delete(name);
}

/** Drops every throwaway database still live; for interrupts. */
export async function dropLiveServerDatabases(): Promise<string[]> {
  const names = [...liveServerDatabases.keys()];
  for (const name of names) await dropServerDatabase(name).catch(() => {});
  return names;
}

/** lb_bench_* databases on the server that nobody is connected to: left behind by a killed run. */
export async function leftoverServerDatabases(url: string): Promise<string[]> {
  const { rows } = await admin(url, (c) =>
    c.query<{ name: string }>(`SELECT datname AS name FROM pg_database d WHERE datname LIKE 'lb\\_bench\\_%'
      AND NOT EXISTS (SELECT 1 FROM pg_stat_activity a WHERE a.datname = d.datname) ORDER BY 1`),
  );
  return rows.map((r) => r.name).filter((n) => !liveServerDatabases.has(n));
}

/**
 * PostgreSQL at `url`: each open() creates a throwaway database lb_bench_<random> on that server,
 * migrates it and loads reference data; close() drops it. The role needs CREATEDB.
 */
export function postgresTarget(url: string): BenchTarget {
  return {
    name: 'postgres',
    description: `PostgreSQL at ${redactUrl(url)}`,
    async open() {
      const name = `lb_bench_${Math.random().toString(36).slice(2, 10)}`;
      await admin(url, (c) => c.query(`CREATE DATABASE ${name}`));
      liveServerDatabases.set(name, url);
      let database: Database;
      try {
        database = await prepare(await openPostgres(withDatabase(url, name), 4));
      } catch (e) {
        await dropServerDatabase(name).catch(() => {});
        throw e;
      }
      const close = database.close;
      database.close = async () => {
        await close();
        await dropServerDatabase(name);
      };
      return database;
    },
    async dispose() {},
  };
}

// ---------------------------------------------------------------------------------------------------
// Output

const int = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });
export const formatInt = (n: number) => int.format(n);
export const formatRate = (m: Measurement) => `${int.format(rate(m))} ${m.unit}/s`;
export const formatMs = (ms: number) => (ms >= 10_000 ? `${(ms / 1000).toFixed(1)} s` : ms >= 1000 ? `${(ms / 1000).toFixed(2)} s` : `${ms.toFixed(0)} ms`);

/** `people via store / raw INSERT: 0.62` */
export const ratioLine = (r: BenchResult) => `${r.ours.label} / ${r.baseline.label}: ${ratio(r).toFixed(2)}`;

/** A plain-text table; `right` lists the columns to right-align (numbers). */
export function table(header: string[], rows: string[][], right: number[] = []): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => (i === cells.length - 1 ? c : right.includes(i) ? c.padStart(widths[i]!) : c.padEnd(widths[i]!)))
      .join('  ')
      .trimEnd();
  return [line(header), widths.map((w) => '-'.repeat(w)).join('  '), ...rows.map(line)].join('\n');
}

/** The results table, with notes as footnote numbers listed under it (the same note is listed once). */
export function resultsTable(results: BenchResult[]): string {
  const notes: string[] = [];
  const ref = (note: string) => {
    let i = notes.indexOf(note);
    if (i < 0) i = notes.push(note) - 1;
    return `[${i + 1}]`;
  };
  const body = table(
    ['benchmark', 'target', 'our rate', 'baseline', 'baseline rate', 'ratio', 'notes'],
    results.map((r) => [r.ours.label, r.target, formatRate(r.ours), r.baseline.label, formatRate(r.baseline), ratio(r).toFixed(2), r.notes.map(ref).join(' ')]),
    [2, 4, 5],
  );
  return notes.length ? `${body}\n\n${notes.map((n, i) => `[${i + 1}] ${n}`).join('\n')}` : body;
}
