import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { inject } from 'vitest';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/platform/db/client.js';
import { withDatabase } from './global-setup.js';

export const onServer = !!process.env.DATABASE_URL;

/** A copy of the migrated template on the server named by DATABASE_URL, when it is set. */
async function serverCopy(prefix: string): Promise<{ url: string; drop(): Promise<void> } | undefined> {
  const url = process.env.DATABASE_URL;
  const template = inject('pgTemplate');
  if (!url || !template) return undefined;
  const name = `${prefix}_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  return {
    url: withDatabase(url, name),
    async drop() {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    },
  };
}

const templateBlob = () => new Blob([readFileSync(inject('pgliteTemplate'))]);

/**
 * A fresh, migrated database with reference data for one test file: PGlite by default, a new database on
 * the server named by DATABASE_URL when it is set. Closing it drops the server database.
 */
export async function openTestDatabase(): Promise<Database> {
  const copy = await serverCopy('lb_test');
  if (!copy) return openPglite(undefined, templateBlob());
  const database = await openPostgres(copy.url, 20);
  const close = database.close;
  database.close = async () => {
    await close();
    await copy.drop();
  };
  return database;
}

/**
 * A migrated database that a child process (the CLI) can open too: an on-disk PGlite data dir under `dir`
 * (`<dir>/pglite`), or with DATABASE_URL a database of its own on the server (`serverUrl`).
 */
export async function sharedTestDatabase(prefix: string) {
  const dir = mkdtempSync(join(tmpdir(), `${prefix}-`));
  const copy = await serverCopy(prefix.replace(/\W/g, '_'));
  if (!copy) await (await openPglite(join(dir, 'pglite'), templateBlob())).close();
  return {
    dir,
    serverUrl: copy?.url,
    open: (): Promise<Database> => (copy ? openPostgres(copy.url, 2) : openPglite(join(dir, 'pglite'))),
    async remove() {
      await copy?.drop();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}
