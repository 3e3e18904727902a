/**
 * Every benchmark runs once at a tiny size, so that a broken benchmark (a changed schema, a wrong integrity
 * check) fails CI rather than the next person who times it. Timings are printed by the benchmark itself and
 * never asserted; on PostgreSQL (DATABASE_URL set) the benchmarks run there too, as `npm run bench` does.
 */
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import { expect, it } from 'vitest';

it('runs every benchmark at a tiny size without a failure', { timeout: 600_000 }, async () => {
  const run = await promisify(execFile)(process.execPath, ['--import', 'tsx', 'bench/run.ts', '--size', '0.002', '--repeat', '1'], { maxBuffer: 64 * 1024 * 1024 }).catch((e: { code: number; stdout: string; stderr: string }) => e);
  const out = `${run.stdout}\n${run.stderr}`;
  expect(out, out).not.toMatch(/FAILED|Failed:/);
  expect('code' in run ? run.code : 0, out).toBe(0);
  expect(out).toMatch(/results via importResults/);
  expect(out).toMatch(/contacts via importContacts/);
});
