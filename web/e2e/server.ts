import { execFile } from 'node:child_process';
import { existsSync, mkdtempSync, readdirSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import pg from 'pg';
import type { AddressInfo } from 'node:net';
import { createApp, createContext } from '../../src/app.js';
import { startLagesbild } from '../../src/cli/runtime.js';
import { loadDemo } from '../../src/demo.js';
import type { App } from '../../src/platform/http/server.js';

const run = promisify(execFile);

/** Repository root (this file is web/e2e/server.ts). */
export const repoRoot = fileURLToPath(new URL('../../', import.meta.url));
const webDir = join(repoRoot, 'web');
const distIndex = join(webDir, 'dist', 'index.html');

export interface E2eServer {
  /** Base URL, e.g. http://127.0.0.1:41234 (no trailing slash). */
  url: string;
  /** Serves another region from the same database (its own instance, with demo data), for tests between regions; returns its URL. */
  alsoServe(regionId: string): Promise<string>;
  stop(): Promise<void>;
}

/** Newest modification time of the web UI's sources (src/, public/, index.html, vite.config.ts). */
function newestSourceMtime(): number {
  let newest = 0;
  const visit = (path: string) => {
    if (!existsSync(path)) return;
    const st = statSync(path);
    if (st.isDirectory()) {
      for (const name of readdirSync(path)) visit(join(path, name));
    } else if (!/\.test\.tsx?$/.test(path)) {
      newest = Math.max(newest, st.mtimeMs);
    }
  };
  for (const p of ['src', 'public', 'index.html', 'vite.config.ts']) visit(join(webDir, p));
  return newest;
}

/**
 * Builds web/dist when it is missing, or older than the UI's sources (the server serves web/dist, so a
 * stale build would test yesterday's UI). Output is captured and only shown when the build fails.
 */
export async function ensureWebBuilt(): Promise<void> {
  const missing = !existsSync(distIndex);
  if (!missing && statSync(distIndex).mtimeMs >= newestSourceMtime()) return;
  try {
    await run('npx', ['vite', 'build', '--config', 'web/vite.config.ts', '--logLevel', 'warn'], {
      cwd: repoRoot,
      maxBuffer: 64 * 1024 * 1024,
      // Vitest sets NODE_ENV=test, which would make vite bundle React's development build (and
      // StrictMode's double effects); the server must serve what `npm start` serves.
      env: { ...process.env, NODE_ENV: 'production', NO_COLOR: '1', FORCE_COLOR: '0' },
    });
  } catch (e) {
    const err = e as { stdout?: string; stderr?: string; message: string };
    throw new Error(`Building the web UI failed (npx vite build --config web/vite.config.ts):\n${err.stderr || err.stdout || err.message}`);
  }
  if (!existsSync(distIndex)) throw new Error(`The web build finished but ${distIndex} is missing`);
}

function withDatabase(url: string, name: string): string {
  const u = new URL(url);
  u.pathname = `/${name}`;
  return u.toString();
}

/**
 * Starts a real Lägesbild (HTTP API + built UI) on a free port, with a small synthetic demo region:
 * embedded PGlite in a fresh temporary directory, or, when DATABASE_URL is set, a fresh database
 * `lb_e2e_<random>` on that server, dropped again by `stop()`.
 */
export async function startE2eServer(say: (message: string) => void = () => {}): Promise<E2eServer> {
  await ensureWebBuilt();

  const dataDir = mkdtempSync(join(tmpdir(), 'lagesbild-e2e-'));
  const serverUrl = process.env.DATABASE_URL || undefined;
  let dropDatabase = async () => {};
  let databaseUrl: string | undefined;
  if (serverUrl) {
    const name = `lb_e2e_${process.pid}_${Math.random().toString(36).slice(2, 8)}`;
    const admin = new pg.Client({ connectionString: serverUrl });
    await admin.connect();
    await admin.query(`CREATE DATABASE ${name}`);
    databaseUrl = withDatabase(serverUrl, name);
    dropDatabase = async () => {
      try {
        await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
      } finally {
        await admin.end();
      }
    };
  }

  let running;
  try {
    running = await startLagesbild(
      {
        ...(databaseUrl ? { databaseUrl } : {}),
        dataDir,
        port: 0,
        host: '127.0.0.1',
        demo: true,
        demoLogin: true,
        demoSize: 2000,
        demoSeed: 7,
        logLevel: 'silent',
      },
      say,
    );
  } catch (e) {
    await dropDatabase().catch(() => {});
    rmSync(dataDir, { recursive: true, force: true });
    throw e;
  }

  const others: App[] = [];
  return {
    url: running.url,
    async alsoServe(regionId) {
      const { ctx } = running;
      await loadDemo(ctx.database, { regionId, size: 300, seed: 8, now: new Date() });
      const other = await createApp(createContext(ctx.database, { ...ctx.config, regionId }, ctx.clock));
      others.push(other);
      await other.listen({ host: '127.0.0.1', port: 0 });
      return `http://127.0.0.1:${(other.server.address() as AddressInfo).port}`;
    },
    async stop() {
      try {
        for (const other of others) await other.close();
        await running.stop();
      } finally {
        await dropDatabase();
        rmSync(dataDir, { recursive: true, force: true });
      }
    },
  };
}
