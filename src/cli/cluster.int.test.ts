/**
 * `lagesbild start --workers 2` on PostgreSQL: two serving processes behind one port; one killed is started
 * again while the other serves; SIGTERM stops them all. On the embedded database more than one is refused.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { onServer, sharedTestDatabase } from '../../test/db.js';

const root = new URL('../..', import.meta.url).pathname;

/** Resolves with the first match of `pattern` in what the child has printed (stdout and stderr). */
function waitFor(child: ChildProcess, output: { text: string }, pattern: RegExp, ms = 90_000): Promise<RegExpMatchArray> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`no ${pattern} within ${ms} ms:\n${output.text}`)), ms);
    const check = () => {
      const m = output.text.match(pattern);
      if (m) {
        clearTimeout(timer);
        resolve(m);
      }
    };
    child.stdout!.on('data', check);
    child.stderr!.on('data', check);
    child.once('exit', (code) => reject(new Error(`exited with ${code} before ${pattern}:\n${output.text}`)));
    check();
  });
}

const childrenOf = (pid: number) =>
  spawnSync('pgrep', ['-P', String(pid), '-f', 'lagesbild.js start'], { encoding: 'utf8' })
    .stdout.split('\n')
    .filter(Boolean)
    .map(Number);

describe('several serving processes', () => {
  it('refuses --workers 2 on the embedded database, naming the option', () => {
    const run = spawnSync(process.execPath, ['bin/lagesbild.js', 'start', '--workers', '2', '--no-demo'], { cwd: root, encoding: 'utf8', env: { ...process.env, DATABASE_URL: '' } });
    expect(run.status).toBe(2);
    expect(run.stderr).toMatch(/--workers above 1 needs PostgreSQL/);
  });

  describe.skipIf(!onServer)('on PostgreSQL', () => {
    let child: ChildProcess | undefined;
    let shared: Awaited<ReturnType<typeof sharedTestDatabase>> | undefined;
    afterAll(async () => {
      if (child && child.exitCode === null) child.kill('SIGKILL');
      await shared?.remove();
    });

    it('serves from two processes, starts a killed one again, and stops on SIGTERM', { timeout: 180_000 }, async () => {
      shared = await sharedTestDatabase('cluster');
      const output = { text: '' };
      child = spawn(process.execPath, ['bin/lagesbild.js', 'start', '--workers', '2', '--no-demo', '--port', '0', '--host', '127.0.0.1'], {
        cwd: root,
        env: { ...process.env, DATABASE_URL: shared.serverUrl, LAGESBILD_DATA_DIR: shared.dir, LAGESBILD_DEMO_LOGIN: 'false' },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      child.stdout!.on('data', (d) => (output.text += d));
      child.stderr!.on('data', (d) => (output.text += d));
      const [, url] = await waitFor(child, output, /Lägesbild is running: (http:\/\/\S+) \(2 processes\)/);
      const health = async () => (await fetch(`${url}/api/health`)).json();
      for (let i = 0; i < 6; i++) expect(await health()).toEqual({ status: 'ok' });

      const serving = childrenOf(child.pid!);
      expect(serving).toHaveLength(2);
      process.kill(serving[1]!, 'SIGKILL');
      await waitFor(child, output, /A serving process stopped \(SIGKILL\); starting another/);
      expect(await health()).toEqual({ status: 'ok' });
      await expect.poll(() => childrenOf(child!.pid!).length, { timeout: 60_000, interval: 500 }).toBe(2);

      const exited = new Promise<number | null>((resolve) => child!.once('exit', resolve));
      child.kill('SIGTERM');
      expect(await exited).toBe(0);
      expect(childrenOf(child.pid!)).toEqual([]);
    });
  });
});
