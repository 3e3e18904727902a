/**
 * Migration 0013 on a database that already has an audit log: the entries written before it carry no
 * MAC, sealed or not, and must stay valid; the first entry after them must be signed.
 */
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { drizzle as drizzlePg } from 'drizzle-orm/node-postgres';
import { migrate as migratePg } from 'drizzle-orm/node-postgres/migrator';
import { drizzle as drizzlePglite } from 'drizzle-orm/pglite';
import { migrate as migratePglite } from 'drizzle-orm/pglite/migrator';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withDatabase } from '../../../test/global-setup.js';
import { systemActor } from '../auth/actor.js';
import { openPglite, openPostgres, type Database } from '../db/client.js';
import { migrate, migrationsFolder } from '../db/migrate.js';
import { record } from './audit.js';
import { entryHash, GENESIS, sealAuditLog } from './chain.js';
import { CheckpointLog } from './checkpoints.js';
import { useAuditKey } from './signing.js';
import { verifyAuditLog } from './verify.js';

let dir: string;
let database: Database;
let dropServer = async () => {};

/** The migrations up to the one before 0013, as a deployment had them. */
function migrationsBefore0013(): string {
  const folder = join(dir, 'migrations');
  cpSync(migrationsFolder, folder, { recursive: true });
  const journalFile = join(folder, 'meta', '_journal.json');
  const journal = JSON.parse(readFileSync(journalFile, 'utf8')) as { entries: { tag: string }[] };
  journal.entries = journal.entries.filter((e) => e.tag < '0013');
  writeFileSync(journalFile, JSON.stringify(journal));
  return folder;
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lagesbild-0013-'));
  const url = process.env.DATABASE_URL;
  if (url) {
    const name = `lb_0013_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    database = await openPostgres(withDatabase(url, name), 2);
    dropServer = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
    await migratePg(drizzlePg(database.pool!), { migrationsFolder: migrationsBefore0013() });
  } else {
    database = await openPglite(undefined);
    await migratePglite(drizzlePglite(database.pglite!), { migrationsFolder: migrationsBefore0013() });
  }
}, 120_000);

afterAll(async () => {
  await database?.close();
  await dropServer();
  rmSync(dir, { recursive: true, force: true });
});

/** An entry as the application wrote it before 0013: no MAC, sealed by the sealer of then. */
async function oldEntry(regionId: string, at: string, sealAs?: { seq: number; prev: string }): Promise<string> {
  const [row] = await database.query<{ id: string }>(
    `INSERT INTO audit_log (region_id, id, at, actor_kind, actor_id, actor_name, actor_role, action, purpose)
     VALUES ($1, gen_random_uuid(), $2, 'system', 'system', 'Lägesbild', 'system', 'old.entry', 'test') RETURNING id`,
    [regionId, at],
  );
  if (!sealAs) return '';
  const hash = entryHash(
    { region_id: regionId, id: row!.id, at_iso: at, actor_kind: 'system', actor_id: 'system', actor_name: 'Lägesbild', actor_role: 'system', person_id: null, action: 'old.entry', purpose: 'test', details: null },
    sealAs.seq,
    sealAs.prev,
  );
  await database.query('UPDATE audit_log SET seq = $1, prev_hash = $2, hash = $3 WHERE id = $4', [sealAs.seq, sealAs.prev, hash, row!.id]);
  await database.query(
    'INSERT INTO audit_chain (region_id, last_seq, last_hash) VALUES ($1, $2, $3) ON CONFLICT (region_id) DO UPDATE SET last_seq = excluded.last_seq, last_hash = excluded.last_hash',
    [regionId, sealAs.seq, hash],
  );
  return hash;
}

describe('migration 0013 on an existing audit log', () => {
  it('keeps the entries written before it valid, sealed or still pending, and signs every one after', async () => {
    const first = await oldEntry('18', '2021-05-01T08:00:00.000001Z', { seq: 1, prev: GENESIS });
    await oldEntry('18', '2021-05-01T08:00:00.000002Z', { seq: 2, prev: first });
    await oldEntry('18', '2021-05-01T08:00:00.000003Z'); // written, not yet sealed
    await oldEntry('01', '2021-05-01T08:00:00.000004Z'); // a region never sealed before

    await migrate(database);
    expect(await database.query('SELECT region_id, last_seq::int AS last_seq, unsigned_until::int AS unsigned_until FROM audit_chain ORDER BY region_id')).toEqual([
      { region_id: '01', last_seq: 0, unsigned_until: 1 },
      { region_id: '18', last_seq: 2, unsigned_until: 3 },
    ]);

    useAuditKey(Buffer.from('the key of the migration test, 32+ characters'));
    for (const regionId of ['18', '01']) await database.db.transaction((tx) => record(tx, systemActor(regionId), { action: 'new.entry', purpose: 'test' }));
    expect(await sealAuditLog(database)).toEqual({ sealed: 4, forged: [] });
    expect(await verifyAuditLog(database, new CheckpointLog(join(dir, 'none.jsonl')))).toMatchObject({ ok: true, checked: 6, findings: [] });

    // An unsigned entry now is one too many.
    await oldEntry('18', '2021-05-01T08:00:00.000005Z');
    expect((await sealAuditLog(database)).forged).toHaveLength(1);
  });
});
