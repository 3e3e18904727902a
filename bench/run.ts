/**
 * Runs the benchmarks in bench/*.bench.ts on embedded PGlite and, when DATABASE_URL is set, on PostgreSQL.
 *
 *   npm run bench                      every benchmark
 *   npm run bench -- people            only benchmarks whose name contains "people"
 *   npm run bench -- --size 0.1        a tenth of the default row counts (2 = twice as many)
 *   npm run bench -- --repeat 5        best of 5 rounds instead of 3
 *
 * Prints a table of rates and ratios (ours / baseline) and writes it to bench/out/results-<timestamp>.json.
 * Never asserts timings: the exit code is 0 unless a benchmark failed to run.
 */
import { mkdirSync, readdirSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, totalmem } from 'node:os';
import { dirname, join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import {
  dropLiveServerDatabases,
  leftoverServerDatabases,
  formatMs,
  pgliteTarget,
  postgresTarget,
  rate,
  ratio,
  ratioLine,
  resultsTable,
  type Benchmark,
  type BenchOptions,
  type BenchResult,
  type BenchTarget,
} from './lib.js';

const benchDir = dirname(fileURLToPath(import.meta.url));
const LOCAL_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function usage(): string {
  return [
    'Usage: npm run bench -- [word …] [--size N] [--repeat N]',
    '  word        run only benchmarks whose name contains one of the words',
    '  --size N    multiply the default row counts by N (default 1; 0.1 for a quick run)',
    '  --repeat N  timed rounds per contestant, the best counts (default 3)',
    'Runs on embedded PGlite, and also on PostgreSQL when DATABASE_URL is set.',
  ].join('\n');
}

function parseArgs(argv: string[]): { words: string[]; options: BenchOptions } {
  const words: string[] = [];
  const options: BenchOptions = { scale: 1, repeat: 3 };
  const number = (flag: string, v: string | undefined, integer: boolean) => {
    const n = Number(v);
    if (v === undefined || !Number.isFinite(n) || n <= 0 || (integer && !Number.isInteger(n))) {
      throw new UsageError(`${flag} needs a positive ${integer ? 'whole ' : ''}number, got ${v ?? 'nothing'}`);
    }
    return n;
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    const [flag, inline] = arg.startsWith('--') && arg.includes('=') ? [arg.slice(0, arg.indexOf('=')), arg.slice(arg.indexOf('=') + 1)] : [arg, undefined];
    if (flag === '--help' || flag === '-h') throw new UsageError('');
    else if (flag === '--size') options.scale = number(flag, inline ?? argv[++i], false);
    else if (flag === '--repeat') options.repeat = number(flag, inline ?? argv[++i], true);
    else if (flag.startsWith('-')) throw new UsageError(`unknown option ${flag}`);
    else words.push(arg.toLowerCase());
  }
  return { words, options };
}

class UsageError extends Error {}

interface Failure {
  benchmark: string;
  target: string;
  error: string;
}

/** Imports every bench/*.bench.ts; one that does not load is a failure, the others still run. */
async function loadBenchmarks(failures: Failure[]): Promise<Benchmark[]> {
  const files = readdirSync(benchDir).filter((f) => f.endsWith('.bench.ts')).sort();
  const out: Benchmark[] = [];
  for (const file of files) {
    try {
      const b = ((await import(pathToFileURL(join(benchDir, file)).href)) as { default?: Benchmark }).default;
      if (!b || typeof b.name !== 'string' || typeof b.run !== 'function') throw new Error('it must export default { name, run(target, options) }');
      out.push(b);
    } catch (e) {
      failures.push({ benchmark: `bench/${file}`, target: '-', error: `does not load: ${e instanceof Error ? e.message : String(e)}` });
    }
  }
  return out;
}

async function main(): Promise<number> {
  let args;
  try {
    args = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (!(e instanceof UsageError)) throw e;
    if (e.message) console.error(`${e.message}\n`);
    console.error(usage());
    return e.message ? 2 : 0;
  }
  const { words, options } = args;

  const failures: Failure[] = [];
  const all = await loadBenchmarks(failures);
  for (const f of failures) console.error(`${f.benchmark} ${f.error}`);
  const selected = all.filter((b) => words.length === 0 || words.some((w) => b.name.toLowerCase().includes(w)));
  if (selected.length === 0) {
    console.error(`No benchmark matches ${words.join(', ') || 'anything'}. There are: ${all.map((b) => b.name).join(', ') || 'none that load'}.`);
    return 2;
  }

  const targets: BenchTarget[] = [pgliteTarget()];
  const url = process.env.DATABASE_URL;
  if (url) targets.push(postgresTarget(url));

  const cpu = cpus();
  console.log(`Lägesbild benchmarks: ${selected.map((b) => b.name).join(', ')}`);
  const load = loadavg().map((l) => l.toFixed(1));
  console.log(`  size ×${options.scale}, best of ${options.repeat}; Node ${process.version}, ${cpu.length} × ${cpu[0]?.model ?? 'CPU'}, ${Math.round(totalmem() / 2 ** 30)} GiB`);
  console.log(`  load average ${load.join(' ')}${Number(load[0]) > cpu.length ? ' (more than the CPU count: the machine is busy, figures will be low and noisy)' : ''}`);
  for (const t of targets) console.log(`  target: ${t.name}, ${t.description}`);
  if (url) {
    const left = await leftoverServerDatabases(url).catch(() => []);
    if (left.length) {
      console.log(`  Left over on the server by interrupted runs (no connections): ${left.join(', ')}. When no other run is going, drop them with`);
      for (const name of left) console.log(`    psql "$DATABASE_URL" -c 'DROP DATABASE ${name}'`);
    }
  } else {
    console.log(`  PostgreSQL is skipped: DATABASE_URL is not set. To include it (a local server on dev machines):`);
    console.log(`    DATABASE_URL=${LOCAL_URL} npm run bench`);
  }
  console.log('');

  const started = new Date();
  const results: BenchResult[] = [];
  for (const benchmark of selected) {
    for (const target of targets) {
      const t0 = performance.now();
      process.stderr.write(`${benchmark.name} on ${target.name}…\n`);
      try {
        const rs = await benchmark.run(target, options);
        results.push(...rs);
        process.stderr.write(`  done in ${formatMs(performance.now() - t0)}\n`);
      } catch (e) {
        const error = e instanceof Error ? e.message : String(e);
        failures.push({ benchmark: benchmark.name, target: target.name, error });
        process.stderr.write(`  FAILED: ${e instanceof Error ? (e.stack ?? e.message) : error}\n`);
      }
    }
  }
  for (const t of targets) await t.dispose();

  console.log('');
  if (results.length) {
    console.log(resultsTable(results));
    console.log('\nRatio = our rate / baseline rate (rows per second, best round each): 1.00 is as fast as the baseline, 0.50 half as fast.');
    for (const r of results) console.log(`  ${r.target.padEnd(8)}  ${ratioLine(r)}`);
  }
  if (failures.length) {
    console.log('\nFailed:');
    for (const f of failures) console.log(`  ${f.benchmark} on ${f.target}: ${f.error}`);
  }

  const stamp = started.toISOString().replace(/[:.]/g, '-');
  const outDir = join(benchDir, 'out');
  mkdirSync(outDir, { recursive: true });
  const file = join(outDir, `results-${stamp}.json`);
  writeFileSync(
    file,
    JSON.stringify(
      {
        startedAt: started.toISOString(),
        finishedAt: new Date().toISOString(),
        options,
        filter: words,
        environment: { node: process.version, platform: `${process.platform} ${process.arch}`, cpus: cpu.length, cpuModel: cpu[0]?.model, memoryGiB: Math.round(totalmem() / 2 ** 30), loadAverageAtStart: load.map(Number), loadAverageAtEnd: loadavg() },
        targets: targets.map((t) => ({ name: t.name, description: t.description })),
        results: results.map((r) => ({
          ...r,
          oursRate: rate(r.ours),
          baselineRate: rate(r.baseline),
          ratio: ratio(r),
          summary: ratioLine(r),
        })),
        failures,
      },
      null,
      2,
    ) + '\n',
  );
  console.log(`\nWrote ${relative(process.cwd(), file)}`);
  return failures.length ? 1 : 0;
}

// Ctrl+C: drop the throwaway server databases before leaving. Dropping them cuts the benchmark's own
// connections, whose errors are of no interest by then. (tsx kills the process outright when it does not
// answer a signal within a few tens of milliseconds; the next run then lists what was left behind.)
let interrupted = false;
process.on('SIGINT', () => {
  if (interrupted) process.exit(130);
  interrupted = true;
  process.on('uncaughtException', () => {});
  process.on('unhandledRejection', () => {});
  process.stderr.write('\nInterrupted: dropping the throwaway databases…\n');
  void dropLiveServerDatabases().finally(() => process.exit(130));
});

main().then(
  // Exit explicitly: an unclosed handle (a PGlite instance left by a failed benchmark) must not keep the process alive.
  (code) => process.exit(code),
  async (e) => {
    console.error(e);
    await dropLiveServerDatabases();
    process.exit(1);
  },
);
