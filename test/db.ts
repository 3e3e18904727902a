import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import pg from 'pg';
import { openPglite, openPostgres, type Database } from '../src/platform/db/client.js';
import { withDatabase } from './global-setup.js';

export const onServer = !!process.env.DATABASE_URL;

/**
 * A fresh, migrated database with reference data for one test file: PGlite by default, a new database on
 * the server named by DATABASE_URL when it is set. Closing it drops the server database.
 */
export async function openTestDatabase(): Promise<Database> {
  const url = process.env.DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    const name = `lb_test_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    const database = await openPostgres(withDatabase(url, name), 20);
    const close = database.close;
    database.close = async () => {
      await close();
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    return database;
  }
  const blob = new Blob([readFileSync(inject('pgliteTemplate'))]);
  return openPglite(undefined, blob);
}
