/**
 * `lagesbild audit checkpoint` and `lagesbild audit verify` as an operator runs them: a child process on an
 * on-disk PGlite data dir (or, with DATABASE_URL, a database of its own), the key in AUDIT_KEY.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedTestDatabase } from '../../../test/db.js';
import { systemActor } from '../auth/actor.js';
import type { Database } from '../db/client.js';
import { recordMany } from './audit.js';
import { useAuditKey } from './signing.js';

const KEY = 'the audit key of the command-line test, 32+ characters';
const root = new URL('../../../', import.meta.url).pathname;

let shared: Awaited<ReturnType<typeof sharedTestDatabase>>;
let dir: string;
let serverUrl: string | undefined;

const open = (): Promise<Database> => shared.open();

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
  shared = await sharedTestDatabase('lagesbild-audit-cli');
  ({ dir, serverUrl } = shared);
  useAuditKey(Buffer.from(KEY));
  await inDatabase((database) =>
    database.db.transaction((tx) => recordMany(tx, systemActor('18'), [1, 2, 3].map((i) => ({ action: 'test.entry', purpose: 'test', details: { i } })))),
  );
}, 120_000);

afterAll(() => shared?.remove());

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
