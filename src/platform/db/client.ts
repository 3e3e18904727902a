import { PGlite } from '@electric-sql/pglite';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import type { PgDatabase, PgQueryResultHKT, PgTransaction } from 'drizzle-orm/pg-core';
import type { ExtractTablesWithRelations } from 'drizzle-orm';
import { mkdirSync } from 'node:fs';
import { resolve } from 'node:path';
import pg from 'pg';
import { AppError } from '../errors.js';

/** A database handle or an open transaction: store functions accept either. */
export type Db = PgDatabase<PgQueryResultHKT, Record<string, never>>;
export type Tx = PgTransaction<PgQueryResultHKT, Record<string, never>, ExtractTablesWithRelations<Record<string, never>>>;

export interface Database {
  db: Db;
  kind: 'pglite' | 'postgres';
  /** Raw SQL with positional parameters, for bulk paths where the query builder costs too much. */
  query<T = Record<string, unknown>>(text: string, params?: unknown[]): Promise<T[]>;
  close(): Promise<void>;
  /** Only for the embedded database: the PGlite instance (for COPY from a blob, dumps). */
  pglite?: PGlite;
  /** Only for a server: the pool (for COPY streams, LISTEN). */
  pool?: pg.Pool;
}

// Dates and timestamps come back as strings; the code converts where it needs to.
const identity = (v: string) => v;

export async function openPglite(dataDir: string | undefined, loadDataDir?: Blob): Promise<Database> {
  if (dataDir) mkdirSync(resolve(dataDir), { recursive: true });
  const client = await PGlite.create({
    dataDir: dataDir ? resolve(dataDir) : undefined,
    loadDataDir,
    parsers: { 1082: identity, 1114: identity, 1184: identity },
  });
  return wrapPglite(client);
}

export function wrapPglite(client: PGlite): Database {
  return {
    db: drizzlePglite(client) as unknown as Db,
    kind: 'pglite',
    pglite: client,
    query: async <T,>(text: string, params?: unknown[]) => (await client.query<T>(text, params)).rows,
    close: () => client.close(),
  };
}

pg.types.setTypeParser(1082, identity);
pg.types.setTypeParser(1114, identity);
pg.types.setTypeParser(1184, identity);
pg.types.setTypeParser(20, (v) => Number(v)); // bigint counts fit in a double

export async function openPostgres(url: string, max = 10): Promise<Database> {
  const pool = new pg.Pool({ connectionString: url, max, application_name: 'lagesbild' });
  // An idle connection the server closes (restart, failover, DROP DATABASE … FORCE) must not crash the
  // process: the pool drops it and opens a new one on the next query.
  pool.on('error', (err) => console.warn(`PostgreSQL connection lost: ${err.message}`));
  try {
    const c = await pool.connect();
    c.release();
  } catch (e) {
    await pool.end().catch(() => {});
    throw new AppError(
      'unavailable',
      `Could not connect to PostgreSQL at ${redactUrl(url)}: ${(e as Error).message}. ` +
        'Check that the server is running and that DATABASE_URL is right, or unset DATABASE_URL to use the embedded database.',
    );
  }
  return {
    db: drizzlePg(pool) as unknown as Db,
    kind: 'postgres',
    pool,
    query: async <T,>(text: string, params?: unknown[]) => (await pool.query(text, params as unknown[])).rows as T[],
    close: () => pool.end(),
  };
}

export function redactUrl(url: string): string {
  try {
    const u = new URL(url);
    if (u.password) u.password = '***';
    return u.toString();
  } catch {
    return '(unparseable URL)';
  }
}

export function openDatabase(opts: { databaseUrl?: string; dataDir: string }): Promise<Database> {
  return opts.databaseUrl ? openPostgres(opts.databaseUrl) : openPglite(resolve(opts.dataDir, 'pglite'));
}
