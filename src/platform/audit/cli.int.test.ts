/**
 * `lagesbild audit checkpoint` and `lagesbild audit verify` as an operator runs them: a child process on an
 * on-disk PGlite data dir (or, with DATABASE_URL, a database of its own), the key in AUDIT_KEY.
 */
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { withDatabase } from '../../../test/global-setup.js';
import { systemActor } from '../auth/actor.js';
import { openPglite, openPostgres, type Database } from '../db/client.js';
import { recordMany } from './audit.js';
import { useAuditKey } from './signing.js';

const KEY = 'the audit key of the command-line test, 32+ characters';
const root = new URL('../../../', import.meta.url).pathname;

let dir: string;
let serverUrl: string | undefined;
let dropServer = async () => {};

const open = (): Promise<Database> => (serverUrl ? openPostgres(serverUrl, 2) : openPglite(join(dir, 'pglite')));

async function inDatabase(work: (database: Database) => Promise<unknown>) {
  const database = await open();
  try {
    await work(database);
  } finally {
    await database.close();
  }
}

function lagesbild(...args: string[]) {
  const { DATABASE_URL: _, ...env } = process.env;
  return spawnSync(process.execPath, ['bin/lagesbild.js', 'audit', ...args, '--data-dir', dir], {
    cwd: root,
    env: { ...env, AUDIT_KEY: KEY, ...(serverUrl ? { DATABASE_URL: serverUrl } : {}) },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(async () => {
  dir = mkdtempSync(join(tmpdir(), 'lagesbild-audit-cli-'));
  const url = process.env.DATABASE_URL;
  const template = inject('pgTemplate');
  if (url && template) {
    const name = `lb_audit_cli_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: url });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
    serverUrl = withDatabase(url, name);
    dropServer = async () => {
      await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      await admin.end();
    };
  } else {
    await (await openPglite(join(dir, 'pglite'), new Blob([readFileSync(inject('pgliteTemplate'))]))).close();
  }
  useAuditKey(Buffer.from(KEY));
  await inDatabase((database) =>
    database.db.transaction((tx) => recordMany(tx, systemActor('18'), [1, 2, 3].map((i) => ({ action: 'test.entry', purpose: 'test', details: { i } })))),
  );
}, 120_000);

afterAll(async () => {
  await dropServer();
  rmSync(dir, { recursive: true, force: true });
});

describe('lagesbild audit', () => {
  it('seals a checkpoint on demand, verifies against it, and exits 1 saying what is missing since which checkpoint', { timeout: 240_000 }, async () => {
    const checkpoint = lagesbild('checkpoint');
    expect(checkpoint.status, checkpoint.stderr).toBe(0);
    expect(checkpoint.stdout).toContain('Sealed 3 pending entries.');
    expect(checkpoint.stdout).toMatch(/Region 18: kontrollpunkt 3 förseglad \(.+\), skriven till .+audit-checkpoints\.jsonl\.\n {2}Region 18: checkpoint 3 sealed/);
    const [written] = readFileSync(join(dir, 'audit-checkpoints.jsonl'), 'utf8').trim().split('\n');
    const at = JSON.parse(written!).at as string;

    const intact = lagesbild('verify');
    expect(intact.status, intact.stderr).toBe(0);
    expect(intact.stdout).toContain('Granskningsloggen är intakt: 3 poster kontrollerade.\n  The audit log is intact: 3 entries checked.');

    await inDatabase(async (database) => {
      await database.query('ALTER TABLE audit_log DISABLE TRIGGER USER');
      await database.query('ALTER TABLE audit_chain DISABLE TRIGGER USER');
      await database.query('TRUNCATE audit_log, audit_chain');
    });
    const truncated = lagesbild('verify');
    expect(truncated.status).toBe(1);
    expect(truncated.stderr).toContain(`- Region 18: 3 poster saknas sedan kontrollpunkt 3 från ${at}.\n  Region 18: 3 entries missing since checkpoint 3 of ${at}.`);
  });
});
