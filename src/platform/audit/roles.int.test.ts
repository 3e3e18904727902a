import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { onServer } from '../../../test/db.js';
import { setupTest, type TestEnv } from '../../../test/harness.js';
import { systemActor } from '../auth/actor.js';
import { openPostgres, type Database } from '../db/client.js';
import { record } from './audit.js';
import { sealAuditLog } from './chain.js';
import { CheckpointLog, sealCheckpoints } from './checkpoints.js';
import { verifyAuditLog } from './verify.js';

/** The grants of README, "Audit log roles", that the owner role runs after each migration. */
const grants = (app: string) => [
  `GRANT USAGE ON SCHEMA public TO ${app}`,
  `GRANT SELECT, INSERT, UPDATE, DELETE ON ALL TABLES IN SCHEMA public TO ${app}`,
  `GRANT USAGE ON ALL SEQUENCES IN SCHEMA public TO ${app}`,
  `REVOKE INSERT, UPDATE, DELETE, TRUNCATE ON audit_log, audit_chain, audit_checkpoints FROM ${app}`,
  `GRANT EXECUTE ON FUNCTION audit_append, audit_chain_head, audit_seal, audit_checkpoint_add TO ${app}`,
];

// Roles belong to the whole server, so this runs on PostgreSQL only; PGlite has one role, and the same SQL.
describe.skipIf(!onServer)('the application role on PostgreSQL', () => {
  const role = `lb_test_app_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
  let dataDir: string;
  let env: TestEnv;
  let asApp: Database;

  beforeAll(async () => {
    dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-roles-'));
    env = await setupTest({ config: { dataDir } });
    await env.database.query(`CREATE ROLE ${role} NOLOGIN`);
    for (const g of grants(role)) await env.database.query(g);
    const [{ db }] = (await env.database.query<{ db: string }>('SELECT current_database() AS db')) as [{ db: string }];
    // Connected as the test's superuser, every session takes the application's role at once.
    const url = new URL(process.env.DATABASE_URL!);
    url.pathname = `/${db}`;
    url.searchParams.set('options', `-c role=${role}`);
    asApp = await openPostgres(url.toString(), 2);
  });

  afterAll(async () => {
    await asApp?.close();
    await env?.close();
    const admin = new pg.Client({ connectionString: process.env.DATABASE_URL });
    await admin.connect();
    await admin.query(`DROP ROLE IF EXISTS ${role}`);
    await admin.end();
    rmSync(dataDir, { recursive: true, force: true });
  });

  it('writes, seals, checkpoints and verifies through the audit functions', async () => {
    expect(await asApp.query('SELECT current_user AS u')).toEqual([{ u: role }]);
    await asApp.db.transaction((tx) => record(tx, systemActor('18'), { action: 'test.entry', purpose: 'test' }));
    expect((await sealAuditLog(asApp)).sealed).toBe(1);
    const file = CheckpointLog.of(env.ctx.config);
    expect(await sealCheckpoints(asApp, file)).toEqual([{ regionId: '18', sealed: expect.objectContaining({ seq: 1 }) }]);
    expect(await verifyAuditLog(asApp, file)).toMatchObject({ ok: true, checked: 1 });
  });

  it.each([
    "INSERT INTO audit_log (region_id, id, at, actor_kind, actor_id, actor_name, actor_role, action, purpose) VALUES ('18', gen_random_uuid(), now(), 'staff', 'x', 'x', 'x', 'x', 'x')",
    "UPDATE audit_log SET purpose = 'changed'",
    'DELETE FROM audit_log',
    'TRUNCATE audit_log',
    "INSERT INTO audit_chain (region_id, last_seq, last_hash) VALUES ('01', 0, 'x')",
    'UPDATE audit_chain SET last_seq = 0',
    'DELETE FROM audit_chain',
    'TRUNCATE audit_chain',
    "INSERT INTO audit_checkpoints VALUES ('18', 99, 'x', 0, now(), 'x')",
    'DELETE FROM audit_checkpoints',
    'TRUNCATE audit_checkpoints',
    'ALTER TABLE audit_log DISABLE TRIGGER USER',
    'SET session_replication_role = replica',
  ])('refuses the application role: %s', async (statement) => {
    await expect(asApp.query(statement)).rejects.toThrow(/permission denied|must be owner/);
  });
});
