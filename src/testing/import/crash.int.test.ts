/**
 * Crash recovery of the bulk import, end to end: the CLI as a child process is killed (SIGKILL, through the
 * runner's test hook) after two committed batches; run again, it resumes after `rows_done`, and every row
 * is applied exactly once. Runs on an on-disk PGlite data dir, or with DATABASE_URL on a database of its own.
 */
import { spawnSync } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedTestDatabase } from '../../../test/db.js';
import { newPerson } from '../../../test/harness.js';
import { createContext } from '../../app.js';
import { systemActor } from '../../platform/auth/actor.js';
import { loadConfig } from '../../platform/config.js';
import type { Database } from '../../platform/db/client.js';
import { issueKits, registerKit } from '../service.js';
import { OutboxWorker } from '../../platform/jobs/worker.js';
import { CRASH_HOOK } from './runner.js';

const ROWS = 57;
const BATCH = 10;
const root = new URL('../../../', import.meta.url).pathname;

let shared: Awaited<ReturnType<typeof sharedTestDatabase>>;
let dir: string;
let serverUrl: string | undefined;

const open = (): Promise<Database> => shared.open();

beforeAll(async () => {
  shared = await sharedTestDatabase('lagesbild-crash');
  ({ dir, serverUrl } = shared);
  const database = await open();
  try {
    const ctx = createContext(database, loadConfig({ logLevel: 'silent', demo: false }, {}));
    const actor = systemActor('18');
    const { kits } = await issueKits(ctx, actor, { count: ROWS, testType: 'pcr' });
    const lines = ['kit_id;test_type;result;result_time;method'];
    for (const [i, kit] of kits.entries()) {
      const person = await newPerson(ctx, { phone: '0701740605', email: 'test@example.com' });
      await registerKit(ctx, { kind: 'citizen', id: person.id, name: 'Test', role: 'citizen', regionId: '18' }, { kitCode: kit, takenAt: '2021-12-04T09:00:00Z' });
      lines.push(`${kit};pcr;${i % 10 === 0 ? 'positive' : 'negative'};2021-12-05T14:30:00+01:00;RT-PCR`);
    }
    writeFileSync(join(dir, 'results.csv'), lines.join('\n') + '\n');
  } finally {
    await database.close();
  }
}, 180_000);

afterAll(() => shared?.remove());

function cli(env: Record<string, string>) {
  const base = { ...process.env };
  delete base.DATABASE_URL;
  delete base[CRASH_HOOK];
  return spawnSync(process.execPath, ['bin/lagesbild.js', 'import', 'results', join(dir, 'results.csv'), '--data-dir', dir, '--batch-size', String(BATCH)], {
    cwd: root,
    env: { ...base, ...(serverUrl ? { DATABASE_URL: serverUrl } : {}), ...env },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

async function facts() {
  const database = await open();
  try {
    // The citizens' messages are written by the outbox worker from the import's events: deliver them first.
    await new OutboxWorker(database, createContext(database, loadConfig({ logLevel: 'silent' }, {})).outbox).drain();
    const one = async (q: string) => (await database.query<{ n: number }>(q))[0]!.n;
    return {
      answered: await one('SELECT count(*)::int AS n FROM samples WHERE result IS NOT NULL'),
      messages: await one("SELECT count(*)::int AS n FROM outbox WHERE topic LIKE 'message.%' AND idempotency_key LIKE 'result:%'"),
      events: await one("SELECT count(*)::int AS n FROM outbox WHERE topic = 'testing.PositiveResultRegistered'"),
      audited: await one("SELECT count(*)::int AS n FROM audit_log WHERE action = 'testing.result.registered'"),
      rowsDone: await one('SELECT coalesce(max(rows_done), -1)::int AS n FROM result_imports'),
      imports: await one('SELECT count(*)::int AS n FROM result_imports'),
      finished: await one('SELECT count(*)::int AS n FROM result_imports WHERE finished_at IS NOT NULL'),
    };
  } finally {
    await database.close();
  }
}

describe('crash in the middle of an import', () => {
  it('leaves whole batches, and the next run resumes after them: every row applied exactly once', { timeout: 240_000 }, async () => {
    const crashed = cli({ [CRASH_HOOK]: '2' });
    expect(crashed.signal, crashed.stderr).toBe('SIGKILL');
    expect(await facts()).toMatchObject({ answered: 2 * BATCH, rowsDone: 2 * BATCH, messages: 2 * BATCH * 3, finished: 0 });

    const resumed = cli({});
    expect(resumed.status, resumed.stderr + resumed.stdout).toBe(0);
    expect(resumed.stdout).toMatch(/resumed after row 20/);
    expect(resumed.stdout).toMatch(/accepted +57/);
    expect(resumed.stderr).toMatch(/Importing: 100%/); // no TTY: a line per 10 %
    const positives = Math.ceil(ROWS / 10);
    expect(await facts()).toEqual({ answered: ROWS, messages: ROWS * 3, events: positives, audited: ROWS, rowsDone: ROWS, imports: 1, finished: 1 });
    const report = readFileSync(join(dir, 'results.csv.report.csv'), 'utf8').trim().split('\n');
    expect(report).toHaveLength(ROWS + 1);
    expect(report.filter((l) => l.includes(';applied;'))).toHaveLength(2 * BATCH);
    expect(report.filter((l) => l.includes(';accepted;'))).toHaveLength(ROWS - 2 * BATCH);

    const again = cli({});
    expect(again.status).toBe(0);
    expect(again.stdout).toMatch(/already imported.*nothing changed/);
    expect((await facts()).messages).toBe(ROWS * 3);
  });
});
