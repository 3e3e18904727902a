/**
 * Booking storm (issue #5): 20,000 citizens (× --size), each with their own session, book a covid-19 time
 * over HTTP on loopback (POST /api/vaccination/my/bookings, the whole app listening on 127.0.0.1) and
 * compete for 5,000 seats (× --size) in times of 5 seats each; most aim at the earliest free times, so many
 * hit the same rows at once. Every 4th citizen who gets a time moves it at once to another of the earliest
 * times, and every 10th then cancels it (issue #12: moves between the same times in opposite directions
 * deadlocked). The load is bounded (64 requests in flight, at most 5 tries per booking or move) and stops
 * when every citizen has a time or has been told there is none left.
 *
 * Two baselines, each with as many clients as requests in flight, on the same throwaway database in the same
 * run, before and after each storm (best counts): the booking's own SQL as a pgbench custom script (recorded
 * from the app answering two bookings, see booking-sql.ts): what the database can do for this work, so the
 * ratio to it is what the server adds; and pgbench's simple-update (`-b simple-update`, the `-N` script).
 *
 * After every storm the integrity is checked in SQL and the benchmark FAILS (throws) unless: no request got
 * an error (5xx, a lost connection, an unexpected status), no time holds more live bookings than its
 * capacity, every time's seat counter equals its live bookings, nobody has two live bookings of the same
 * dose, every booking is where the citizen was last told it is (moved or not; cancelled ones cancelled), and
 * the times filled up (live bookings at least min(citizens, seats) less the seats moves and cancellations
 * gave back).
 *
 * PostgreSQL only: on PGlite (one connection, everything serialised in one process) a storm measures nothing.
 */
import { execFile, spawn, type ChildProcess } from 'node:child_process';
import { availableParallelism } from 'node:os';
import { promisify } from 'node:util';
import { Worker } from 'node:worker_threads';
import { createApp, createContext } from '../src/app.js';
import { createSession, hashToken, SESSION_COOKIE } from '../src/platform/auth/session.js';
import { loadConfig } from '../src/platform/config.js';
import { openPostgres, type Database } from '../src/platform/db/client.js';
import { stockholmTime } from '../src/platform/time.js';
import { calendarDateInStockholm, makePersonnummer } from '../src/identity/identity-number.js';
import { insertPersons, type NewPerson } from '../src/identity/store.js';
import { addDays } from '../src/vaccination/recommendations/dates.js';
import { eligibilityFor } from '../src/vaccination/recommendations/engine.js';
import { isoWeekday } from '../src/vaccination/rules.js';
import type { vaccinationSlots } from '../src/vaccination/model.js';
import * as vaccinationStore from '../src/vaccination/store.js';
import { formatInt, formatMs, withDatabase, type Benchmark, type BenchResult, type Timing } from './lib.js';
import { bookingScript, recordStatements, scriptFile, writeLookupTables, type Probe } from './booking-sql.js';

const REGION = '18';
const CITIZENS = 20_000;
const SEATS = 5_000;
/** Seats per time: more than one, so that concurrent bookers of one time really race for its last seats. */
const CAPACITY = 5;
const SITES = 2;
/** Requests in flight (and pgbench clients). */
const CONCURRENCY = 64;
/** A citizen gives up after this many tries (each a 409 on a time that filled up meanwhile). */
const MAX_TRIES = 5;
/** A citizen picks at random among the earliest this-many times they do not yet know to be full. */
const HOT = 10;
/** Every MOVE_EVERY-th citizen who gets a time moves it to another hot time; every CANCEL_EVERY-th then cancels it. */
const MOVE_EVERY = 4;
const CANCEL_EVERY = 10;
/** The app's pool: the production default of openPostgres (src/platform/db/client.ts). BOOKING_STORM_POOL overrides, for experiments. */
const APP_POOL = Number(process.env.BOOKING_STORM_POOL) || 10;
/** Serving processes: the production default on PostgreSQL (one per CPU, src/cli/cluster.ts); BOOKING_STORM_PROCESSES overrides. */
const PROCESSES = Number(process.env.BOOKING_STORM_PROCESSES) || availableParallelism();
const PGBENCH_SCALE = 10;
const PGBENCH_SECONDS = 10;
/** A storm that has not finished by then is stopped (and the benchmark fails): bounded whatever happens. */
const STORM_DEADLINE_MS = 10 * 60_000;
/** Storms per run: at --size 1 one storm takes minutes on a busy 2-CPU machine, so --repeat asks for at most this many. */
const MAX_STORMS = 2;

const execFileAsync = promisify(execFile);

// ---------------------------------------------------------------------------------------------------
// The load: a worker thread (its own event loop, so that the client's work does not queue behind the
// server's), plain node:http with keep-alive, one cookie per citizen, every request's latency recorded.

interface StormInput {
  port: number;
  cookies: string[];
  slotIds: string[];
  concurrency: number;
  maxTries: number;
  hot: number;
  moveEvery: number;
  cancelEvery: number;
  deadlineMs: number;
}

interface StormOutput {
  wallMs: number;
  /** ms from the start to the last 201. */
  lastSuccessMs: number;
  requests: number;
  latencies: Float64Array;
  successLatencies: Float64Array;
  /** status → count. */
  statuses: Record<string, number>;
  /** 'booked', 'no free time left', 'gave up after N tries', 'error <status>: <detail>' → citizens. */
  outcomes: Record<string, number>;
  /** '409 slotId: The time is fully booked.' … → responses (detail cut before the fair-answer part). */
  refusals: Record<string, number>;
  /** Answers that are neither a success nor a fair refusal: 5xx, a lost connection, any other status; by kind. */
  errors: Record<string, number>;
  /** 201s to bookings (counted once per citizen), 200s to moves and cancellations, moves that found every time full. */
  booked: number;
  moved: number;
  moveRefused: number;
  cancelled: number;
  /** Where each live booking is as the citizens were last told: [booking id, slot id]; and the cancelled bookings. */
  live: [string, string][];
  cancelledIds: string[];
  notStarted: number;
}

const workerSource = `
const { parentPort, workerData } = require('node:worker_threads');
const http = require('node:http');
const { port, cookies, slotIds, concurrency, maxTries, hot, moveEvery, cancelEvery, deadlineMs } = workerData;
const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
const full = new Uint8Array(slotIds.length);
let fullCount = 0, firstOpen = 0;
const latencies = new Float64Array(cookies.length * maxTries * 2 + cookies.length);
const successLatencies = new Float64Array(Math.min(cookies.length, slotIds.length * 1000));
let n = 0, ns = 0, lastSuccess = 0, booked = 0, moved = 0, moveRefused = 0, cancelled = 0;
const statuses = {}, outcomes = {}, refusals = {}, errors = {};
const live = new Map(), cancelledIds = [];
const bump = (o, k) => { o[k] = (o[k] || 0) + 1; };

/** One of the earliest times not known to be full, other than \`except\`. */
function pick(except) {
  while (firstOpen < full.length && full[firstOpen]) firstOpen++;
  const open = [];
  for (let i = firstOpen; i < full.length && open.length < hot; i++) if (!full[i] && i !== except) open.push(i);
  if (open.length) return open[Math.floor(Math.random() * open.length)];
  // Everything known to be full: one time anyway (a list seen a moment ago).
  const any = Math.floor(Math.random() * full.length);
  return any === except ? (any + 1) % full.length : any;
}

function post(cookie, path, payload) {
  return new Promise((resolve) => {
    const body = payload ? JSON.stringify(payload) : '';
    const headers = { cookie, 'content-length': Buffer.byteLength(body) };
    if (payload) headers['content-type'] = 'application/json';
    const t0 = performance.now();
    const req = http.request({ host: '127.0.0.1', port, method: 'POST', path, agent, headers }, (res) => {
      const chunks = [];
      res.on('data', (c) => chunks.push(c));
      res.on('end', () => done(res.statusCode, Buffer.concat(chunks).toString('utf8')));
      res.on('error', (e) => done(0, String(e && e.message)));
    });
    req.on('error', (e) => done(0, String(e && e.message)));
    req.end(body);
    function done(status, text) {
      const ms = performance.now() - t0;
      latencies[n++] = ms;
      bump(statuses, String(status));
      resolve({ status, text, ms });
    }
  });
}

function reason(status, text) {
  try {
    const p = JSON.parse(text);
    const field = p.errors && p.errors[0] ? p.errors[0].field + ': ' : '';
    const detail = String((p.errors && p.errors[0] && p.errors[0].message) || p.detail || '');
    // The 409 for a full time goes on with the next free time (its date changes): keep the first sentence.
    return status + ' ' + field + detail.split(/(?<=\\.) /)[0].slice(0, 100);
  } catch { return status + ' ' + text.slice(0, 100); }
}

/** A 409 naming slotId: the time is full (remembered); anything else that is not a success is an error. */
function refused(s, res, what) {
  const r = reason(res.status, res.text);
  if (res.status === 409 && r.startsWith('409 slotId')) {
    bump(refusals, what + ' ' + r);
    if (!full[s]) { full[s] = 1; fullCount++; }
    return true;
  }
  bump(errors, what + ' ' + r);
  return false;
}

/** Books a time; returns [booking id, slot index] or the citizen's outcome. */
async function book(cookie) {
  for (let t = 0; t < maxTries; t++) {
    const s = pick(-1);
    const res = await post(cookie, '/api/vaccination/my/bookings', { slotId: slotIds[s] });
    if (res.status === 201) {
      if (ns < successLatencies.length) successLatencies[ns++] = res.ms;
      lastSuccess = performance.now() - start;
      booked++;
      return { booking: [JSON.parse(res.text).bookings[0].id, s] };
    }
    if (!refused(s, res, 'book')) return { outcome: 'error ' + reason(res.status, res.text) };
    if (fullCount === full.length) return { outcome: 'no free time left' };
  }
  return { outcome: 'gave up after ' + maxTries + ' tries' };
}

/** Moves a booking to another early time; a full time is tried again elsewhere, at most maxTries times. */
async function move(cookie, booking) {
  for (let t = 0; t < maxTries; t++) {
    const s = pick(booking[1]);
    const res = await post(cookie, '/api/vaccination/my/bookings/' + booking[0] + '/move', { slotId: slotIds[s] });
    if (res.status === 200) { moved++; booking[1] = s; return true; }
    if (!refused(s, res, 'move')) return false;
    if (fullCount === full.length) break;
  }
  moveRefused++;
  return true;
}

const start = performance.now();
let next = 0;
async function lane() {
  for (;;) {
    if (performance.now() - start > deadlineMs) return;
    const c = next++;
    if (c >= cookies.length) return;
    const got = await book(cookies[c]);
    if (!got.booking) { bump(outcomes, got.outcome); continue; }
    const booking = got.booking;
    let outcome = 'booked';
    if (c % moveEvery === 0 && !(await move(cookies[c], booking))) outcome = 'booked, move failed';
    if (c % cancelEvery === 0 && outcome === 'booked') {
      const res = await post(cookies[c], '/api/vaccination/my/bookings/' + booking[0] + '/cancel');
      if (res.status === 200) { cancelled++; cancelledIds.push(booking[0]); outcome = 'booked and cancelled'; }
      else { bump(errors, 'cancel ' + reason(res.status, res.text)); outcome = 'booked, cancellation failed'; }
    }
    if (outcome !== 'booked and cancelled') live.set(booking[0], slotIds[booking[1]]);
    bump(outcomes, outcome);
  }
}

Promise.all(Array.from({ length: concurrency }, lane)).then(() => {
  const wallMs = performance.now() - start;
  agent.destroy();
  const lat = latencies.slice(0, n), ok = successLatencies.slice(0, ns);
  parentPort.postMessage({ wallMs, lastSuccessMs: lastSuccess, requests: n, latencies: lat, successLatencies: ok, statuses, outcomes, refusals, errors,
    booked, moved, moveRefused, cancelled, live: [...live], cancelledIds, notStarted: Math.max(0, cookies.length - next) }, [lat.buffer, ok.buffer]);
});
`;

function storm(input: StormInput): Promise<StormOutput> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(workerSource, { eval: true, workerData: input });
    worker.once('message', (m: StormOutput) => {
      resolve(m);
      void worker.terminate();
    });
    worker.once('error', reject);
    worker.once('exit', (code) => code !== 0 && reject(new Error(`the load worker stopped with code ${code}`)));
  });
}

/** Requests answered with neither a success nor a fair refusal. */
const errorCount = (out: Pick<StormOutput, 'errors'>) => Object.values(out.errors).reduce((n, c) => n + c, 0);

const percentile = (sorted: Float64Array, p: number) => (sorted.length ? sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]! : NaN);
const ms = (v: number) => (v >= 100 ? `${v.toFixed(0)} ms` : `${v.toFixed(1)} ms`);

// ---------------------------------------------------------------------------------------------------
// The baseline

interface PgbenchRun {
  tps: number;
  transactions: number;
  latencyMs: number;
  failed: number;
}

async function pgbench(url: string, args: string[]): Promise<string> {
  try {
    const { stdout, stderr } = await execFileAsync('pgbench', [...args, url], { maxBuffer: 16 * 2 ** 20, env: { ...process.env, PGAPPNAME: 'lagesbild-bench-pgbench' } });
    return `${stdout}\n${stderr}`;
  } catch (e) {
    const err = e as { code?: string; stderr?: string; message: string };
    if (err.code === 'ENOENT') throw new Error('pgbench is not installed (the PostgreSQL client tools: apt-get install postgresql-client)');
    throw new Error(`pgbench ${args.join(' ')} failed: ${err.stderr?.trim() || err.message}`);
  }
}

/** A timed pgbench run of `script` (a built-in's `-b name`, or `-M extended -f path`) with `clients` clients. */
async function pgbenchRun(url: string, script: string[], clients: number): Promise<PgbenchRun> {
  const out = await pgbench(url, ['-n', ...script, '-c', String(clients), '-j', '2', '-T', String(PGBENCH_SECONDS)]);
  const num = (re: RegExp) => {
    const m = re.exec(out);
    return m ? Number(m[1]) : NaN;
  };
  const run = {
    tps: num(/tps = ([\d.]+) \(without initial connection time\)/),
    transactions: num(/number of transactions actually processed: (\d+)/),
    latencyMs: num(/latency average = ([\d.]+) ms/),
    failed: num(/number of failed transactions: (\d+)/) || 0,
  };
  if (!Number.isFinite(run.tps) || !Number.isFinite(run.transactions)) throw new Error(`could not read pgbench's output:\n${out}`);
  return run;
}

// ---------------------------------------------------------------------------------------------------
// The app in several processes

/** `lagesbild start --workers n` on the throwaway database, listening on a free port of 127.0.0.1. */
async function startCluster(url: string, processes: number): Promise<{ child: ChildProcess; port: number }> {
  const env = { ...process.env, DATABASE_URL: url, LAGESBILD_MIGRATE: 'false', LAGESBILD_WORKER: 'false', LAGESBILD_DEMO_LOGIN: 'false', LOG_LEVEL: 'silent', RATE_LIMIT_PER_MINUTE: '100000000' };
  const child = spawn(process.execPath, ['bin/lagesbild.js', 'start', '--workers', String(processes), '--no-demo', '--port', '0', '--host', '127.0.0.1'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  return new Promise((resolve, reject) => {
    const seen = (d: Buffer) => {
      output += d;
      const m = /Lägesbild is running: http:\/\/127\.0\.0\.1:(\d+)/.exec(output);
      if (m) resolve({ child, port: Number(m[1]) });
    };
    child.stdout!.on('data', seen);
    child.stderr!.on('data', seen);
    child.once('exit', (code) => reject(new Error(`lagesbild start --workers ${processes} stopped (exit code ${code}):\n${output}`)));
  });
}

async function stopCluster(child: ChildProcess | undefined): Promise<void> {
  if (!child || child.exitCode !== null) return;
  const exited = new Promise((resolve) => child.once('exit', resolve));
  child.kill('SIGTERM');
  await Promise.race([exited, new Promise((resolve) => setTimeout(resolve, 15_000))]);
  if (child.exitCode === null) child.kill('SIGKILL');
}

// ---------------------------------------------------------------------------------------------------
// Setup and checks

/** Adults (25–35) with no doses: eligible on any day under the seeded 'covid-2023-18-plus' rule (one dose per season, all year). */
function citizens(count: number, today: string): NewPerson[] {
  const year = Number(today.slice(0, 4));
  return Array.from({ length: count }, (_, i) => {
    const day = i % 3650; // ten years of birthdays, fewer than 1,000 people on each: the serial stays unique
    const birthDate = addDays(`${year - 36}-01-01`, day);
    return {
      identityNumber: makePersonnummer(birthDate, Math.floor(i / 3650)),
      idKind: 'personnummer',
      givenName: 'Storm',
      familyName: `Bokare${i}`,
      birthDate,
      legalSex: i % 2 ? 'female' : 'male',
      municipalityCode: '1880',
      postalCode: '70210',
      synthetic: true,
    };
  });
}

/** Times of 15 minutes, 08:00–18:00 on weekdays from tomorrow, alternating between the sites; released now. */
function plannedSlots(count: number, siteIds: string[], today: string, now: Date) {
  const slots: (typeof vaccinationSlots.$inferInsert)[] = [];
  const perDay = (10 * 60) / 15;
  for (let day = addDays(today, 1); slots.length < count; day = addDays(day, 1)) {
    if (isoWeekday(day) > 5) continue;
    for (let k = 0; k < perDay * siteIds.length && slots.length < count; k++) {
      const siteId = siteIds[k % siteIds.length]!;
      const startsAt = new Date(stockholmTime(day, '08:00').getTime() + Math.floor(k / siteIds.length) * 15 * 60_000);
      slots.push({ regionId: REGION, siteId, day, capacity: CAPACITY, startsAt: startsAt.toISOString(), endsAt: new Date(startsAt.getTime() + 15 * 60_000).toISOString(), releasedAt: now.toISOString() });
    }
  }
  return slots;
}

interface Integrity {
  overbookedSlots: number;
  counterMismatches: number;
  doubleBookings: number;
  peopleWithTwoVisits: number;
  liveBookings: number;
  seatsTaken: number;
  /** Bookings not live in the time the citizen was last told, and cancelled bookings not cancelled. */
  misplaced: number;
}

async function integrity(database: Database, told: Pick<StormOutput, 'live' | 'cancelledIds'>): Promise<Integrity> {
  const [slots] = await database.query<{ overbooked: number; mismatched: number; seats: number; live: number }>(
    `SELECT count(*) FILTER (WHERE n > capacity)::int AS overbooked, count(*) FILTER (WHERE n <> booked)::int AS mismatched,
       coalesce(sum(booked), 0)::int AS seats, coalesce(sum(n), 0)::int AS live
     FROM (SELECT s.id, s.capacity, s.booked, count(b.id) FILTER (WHERE b.status = 'booked') AS n
           FROM vaccination_slots s LEFT JOIN vaccination_bookings b ON b.region_id = s.region_id AND b.slot_id = s.id
           WHERE s.region_id = $1 GROUP BY s.id, s.capacity, s.booked) t`,
    [REGION],
  );
  const [doubles] = await database.query<{ doses: number; visits: number }>(
    `SELECT (SELECT count(*)::int FROM (SELECT 1 FROM vaccination_bookings WHERE region_id = $1 AND status = 'booked' GROUP BY person_id, vaccine, dose_number HAVING count(*) > 1) d) AS doses,
            (SELECT count(*)::int FROM (SELECT 1 FROM vaccination_bookings WHERE region_id = $1 AND status = 'booked' GROUP BY person_id HAVING count(DISTINCT visit_id) > 1) v) AS visits`,
    [REGION],
  );
  const [placed] = await database.query<{ misplaced: number }>(
    `SELECT (SELECT count(*)::int FROM unnest($2::uuid[], $3::uuid[]) AS t(id, slot_id)
               WHERE NOT EXISTS (SELECT 1 FROM vaccination_bookings b WHERE b.region_id = $1 AND b.id = t.id AND b.slot_id = t.slot_id AND b.status = 'booked'))
          + (SELECT count(*)::int FROM unnest($4::uuid[]) AS c(id)
               WHERE NOT EXISTS (SELECT 1 FROM vaccination_bookings b WHERE b.region_id = $1 AND b.id = c.id AND b.status = 'cancelled')) AS misplaced`,
    [REGION, told.live.map(([id]) => id), told.live.map(([, slotId]) => slotId), told.cancelledIds],
  );
  return {
    overbookedSlots: slots!.overbooked,
    counterMismatches: slots!.mismatched,
    doubleBookings: doubles!.doses,
    peopleWithTwoVisits: doubles!.visits,
    liveBookings: slots!.live,
    seatsTaken: slots!.seats,
    misplaced: placed!.misplaced,
  };
}

// ---------------------------------------------------------------------------------------------------

const benchmark: Benchmark = {
  name: 'booking-storm',
  async run(target, { scale, repeat }) {
    const say = (m: string) => process.stderr.write(`  booking-storm on ${target.name}: ${m}\n`);
    const serverUrl = process.env.DATABASE_URL;
    if (target.name !== 'postgres' || !serverUrl) {
      say('skipped: PGlite has one connection and runs every transaction in turn, so a storm of concurrent bookings measures nothing there (set DATABASE_URL)');
      return [];
    }
    const people = Math.max(200, Math.round(CITIZENS * scale));
    const seats = Math.max(50, Math.round(SEATS * scale));
    const slotCount = Math.ceil(seats / CAPACITY);
    // One storm at the default size (it takes minutes); --repeat 2 gives two at a smaller --size.
    const rounds = scale > 0.25 ? 1 : Math.min(repeat, MAX_STORMS);

    say('opening a fresh database…');
    const database = await target.open();
    let appDb: Database | undefined;
    let app: Awaited<ReturnType<typeof createApp>> | undefined;
    let cluster: { child: ChildProcess; port: number } | undefined;
    try {
      const [{ name }] = (await database.query<{ name: string }>('SELECT current_database() AS name')) as [{ name: string }];
      const url = withDatabase(serverUrl, name);

      // --- Setup, untimed ---------------------------------------------------------------------------
      const now = new Date();
      const today = calendarDateInStockholm(now);
      say(`registering ${formatInt(people)} citizens, ${SITES} sites with ${formatInt(slotCount)} times of ${CAPACITY} seats…`);
      const personIds = await database.db.transaction((tx) => insertPersons(tx, REGION, citizens(people, today)));
      const siteIds: string[] = [];
      await database.db.transaction(async (tx) => {
        for (let i = 0; i < SITES; i++) {
          const site = await vaccinationStore.insertSite(tx, { regionId: REGION, name: `Stormcentrum ${i + 1}`, kind: 'mass_centre', municipalityCode: '1880', postalCode: '70210', vaccines: ['covid-19'], slotMinutes: 15 });
          siteIds.push(site.id);
        }
        const created = await vaccinationStore.insertSlots(tx, plannedSlots(slotCount, siteIds, today, now));
        if (created !== slotCount) throw new Error(`made ${created} times, wanted ${slotCount}`);
      });
      const slots = await database.query<{ id: string; site_id: string; starts_at: string }>('SELECT id, site_id, starts_at FROM vaccination_slots WHERE region_id = $1 ORDER BY starts_at, site_id', [REGION]);
      const totalSeats = slots.length * CAPACITY;

      appDb = await openPostgres(url, APP_POOL);
      const config = loadConfig({ databaseUrl: url, demo: false, demoLogin: false, logLevel: 'silent', rateLimitPerMinute: 100_000_000, runWorker: false }, {});
      const ctx = createContext(appDb, config);
      app = await createApp(ctx, { logger: false });
      await app.listen({ host: '127.0.0.1', port: 0 });
      let port = (app.server.address() as { port: number }).port;

      // The vaccination routes seed the recommendations at start; every citizen must be eligible on the last day.
      const lastDay = new Date(slots.at(-1)!.starts_at);
      const eligible = await eligibilityFor(database.db, REGION, [personIds[0]!, personIds.at(-1)!], lastDay);
      for (const [id, e] of eligible) if (!e.eligible) throw new Error(`citizen ${id} is not eligible for covid-19 on ${lastDay.toISOString()}: ${e.reason}`);

      say(`${formatInt(people)} sessions…`);
      const cookies: string[] = new Array(people);
      const tokenHashes: string[] = new Array(people);
      for (let i = 0; i < people; i += 200) {
        await Promise.all(
          personIds.slice(i, i + 200).map(async (id, k) => {
            const { token } = await createSession(ctx, { kind: 'citizen', id, name: `Storm Bokare${i + k}`, role: 'citizen', regionId: REGION });
            cookies[i + k] = `${SESSION_COOKIE}=${token}`;
            tokenHashes[i + k] = hashToken(token);
          }),
        );
      }

      say('recording the SQL of two bookings for the booking-SQL baseline…');
      const book = async (c: number, slotId: string) => {
        const res = await fetch(`http://127.0.0.1:${port}/api/vaccination/my/bookings`, { method: 'POST', headers: { cookie: cookies[c]!, 'content-type': 'application/json' }, body: JSON.stringify({ slotId }) });
        if (res.status !== 201) throw new Error(`a booking to record got ${res.status}: ${await res.text()}`);
      };
      const probe = async (c: number, slotId: string): Promise<Probe> => ({ statements: await recordStatements(() => book(c, slotId)), tokenHash: tokenHashes[c]!, personId: personIds[c]!, slotId });
      // Two times of one site; a first, unrecorded booking warms whatever the first request of a kind sets up.
      const [first, second] = slots.filter((t) => t.site_id === slots[0]!.site_id);
      await book(2, slots.at(-1)!.id);
      const recorded = await probe(0, first!.id);
      const script = bookingScript(recorded, await probe(1, second!.id), people, slots.length);
      const statementCount = recorded.statements.length;
      await writeLookupTables(database, personIds.map((personId, c) => ({ personId, tokenHash: tokenHashes[c]! })), slots.map((t) => t.id));
      const scriptPath = await scriptFile(script);
      say(`  ${statementCount} statements per booking, script in ${scriptPath}`);

      // The storm goes to the app as production runs it: `lagesbild start` with one process per CPU (the
      // recording above needed the app in this process; one process stays here, as it was before issue #17).
      if (PROCESSES > 1) {
        await app.close();
        app = undefined;
        say(`starting lagesbild with ${PROCESSES} serving processes…`);
        cluster = await startCluster(url, PROCESSES);
        port = cluster.port;
      }

      say(`pgbench -i -s ${PGBENCH_SCALE} (the baseline's tables, in the same database)…`);
      await pgbench(url, ['-i', '-q', '-s', String(PGBENCH_SCALE)]);
      await database.query('VACUUM ANALYZE');

      // --- [pgbench, storm] per round: each round starts from no bookings, the baselines first
      const pgRuns: PgbenchRun[] = [];
      const sqlRuns: PgbenchRun[] = [];
      const baselineRun = async () => {
        say(`pgbench: the booking's SQL, then simple-update, ${CONCURRENCY} clients, ${PGBENCH_SECONDS} s each…`);
        const booking = await pgbenchRun(url, ['-M', 'extended', '-f', scriptPath], CONCURRENCY);
        const simple = await pgbenchRun(url, ['-b', 'simple-update'], CONCURRENCY);
        sqlRuns.push(booking);
        pgRuns.push(simple);
        say(`  booking SQL ${formatInt(booking.tps)} tps (latency average ${booking.latencyMs} ms), simple-update ${formatInt(simple.tps)} tps (${simple.latencyMs} ms)`);
      };
      const storms: (StormOutput & { check: Integrity })[] = [];
      for (let round = 1; round <= rounds; round++) {

        await database.query('DELETE FROM vaccination_bookings WHERE region_id = $1', [REGION]);
        await database.query('UPDATE vaccination_slots SET booked = 0 WHERE region_id = $1', [REGION]);
        await database.query('VACUUM ANALYZE vaccination_slots, vaccination_bookings, sessions');
        // The baselines on the same empty times the storm starts from (the booking script rolls back: it leaves no trace).
        await baselineRun();
        say(`storm ${round} of ${rounds}: ${formatInt(people)} citizens, ${CONCURRENCY} in flight…`);
        const out = await storm({ port, cookies, slotIds: slots.map((s) => s.id), concurrency: CONCURRENCY, maxTries: MAX_TRIES, hot: HOT, moveEvery: MOVE_EVERY, cancelEvery: CANCEL_EVERY, deadlineMs: STORM_DEADLINE_MS });
        const check = await integrity(database, out);
        storms.push({ ...out, check });
        const errors = errorCount(out);
        say(`  ${formatInt(out.requests)} requests in ${formatMs(out.wallMs)}: ${formatInt((out.requests * 1000) / out.wallMs)} requests/s; statuses ${JSON.stringify(out.statuses)}; ${formatInt(out.booked)} booked, ${formatInt(out.moved)} moved, ${formatInt(out.cancelled)} cancelled; errors ${errors}`);
        say(`  integrity: overbooked times ${check.overbookedSlots}, seat counters ≠ bookings ${check.counterMismatches}, double bookings ${check.doubleBookings}, people with two visits ${check.peopleWithTwoVisits}, bookings not where the citizen was told ${check.misplaced}, bookings ${formatInt(check.liveBookings)} of ${formatInt(totalSeats)} seats`);

        // Every time filled up once (a citizen stops only when all are known full); since then only moves and cancellations gave seats back.
        const filled = Math.min(people, totalSeats) - out.moved - out.cancelled;
        const problems = [
          errors !== 0 && `${errors} requests failed: ${JSON.stringify(out.errors)}`,
          check.overbookedSlots !== 0 && `${check.overbookedSlots} times hold more bookings than their capacity`,
          check.counterMismatches !== 0 && `${check.counterMismatches} times have a seat counter that differs from their live bookings`,
          check.doubleBookings !== 0 && `${check.doubleBookings} people have two live bookings of the same dose`,
          check.peopleWithTwoVisits !== 0 && `${check.peopleWithTwoVisits} people have two live visits`,
          check.misplaced !== 0 && `${check.misplaced} bookings are not where (or not cancelled as) the citizens were told`,
          check.liveBookings !== out.booked - out.cancelled && `the citizens were told 201 ${formatInt(out.booked)} times and cancelled ${formatInt(out.cancelled)}, the database holds ${formatInt(check.liveBookings)} bookings`,
          check.liveBookings < filled && `${formatInt(check.liveBookings)} bookings are left, fewer than min(citizens, seats) less the moves and cancellations = ${formatInt(filled)}`,
          out.notStarted !== 0 && `${formatInt(out.notStarted)} citizens had not started when the storm was stopped after ${formatMs(STORM_DEADLINE_MS)}`,
        ].filter(Boolean);
        if (problems.length) throw new Error(`booking storm, round ${round}: ${problems.join('; ')}. Outcomes: ${JSON.stringify(out.outcomes)}; refusals: ${JSON.stringify(out.refusals)}`);
      }

      // --- Results --------------------------------------------------------------------------------
      const best = storms.reduce((a, b) => (b.requests / b.wallMs > a.requests / a.wallMs ? b : a));
      const bestFill = storms.reduce((a, b) => (b.booked / b.lastSuccessMs > a.booked / a.lastSuccessMs ? b : a));
      const bestRun = (runs: PgbenchRun[]) => runs.reduce((a, b) => (b.tps > a.tps ? b : a));
      const bestPg = bestRun(pgRuns);
      const bestSql = bestRun(sqlRuns);
      // Every round's time is scaled to the best round's row count (the rounds' counts differ a little), so best = min.
      const timing = (runs: number[]): Timing => ({ best: Math.min(...runs), runs });
      // pgbench reports a rate; as a Measurement it is its transactions over the time that gives that rate.
      const asBaseline = (label: string, runs: PgbenchRun[], best: PgbenchRun) => ({ label, rows: best.transactions, unit: 'tx', timing: timing(runs.map((r) => (best.transactions * 1000) / r.tps)) });
      const baseline = asBaseline(`pgbench simple-update (${CONCURRENCY} clients)`, pgRuns, bestPg);
      const sqlBaseline = asBaseline(`pgbench -f the booking's SQL (${CONCURRENCY} clients)`, sqlRuns, bestSql);

      const sorted = Float64Array.from(best.latencies).sort();
      const okSorted = Float64Array.from(best.successLatencies).sort();
      const refusals = Object.entries(best.refusals).sort((a, b) => b[1] - a[1]).map(([r, c]) => `${formatInt(c)} × ${r}`).join('; ');
      const outcomes = Object.entries(best.outcomes).sort((a, b) => b[1] - a[1]).map(([o, c]) => `${o} ${formatInt(c)}`).join(', ');
      const all = storms.map((s) => s.check);
      const sum = (f: (c: Integrity) => number) => Math.max(...all.map(f));

      const latencyNote = `latency of the best storm (${formatInt(best.requests)} requests, client side): p50 ${ms(percentile(sorted, 50))}, p95 ${ms(percentile(sorted, 95))}, p99 ${ms(percentile(sorted, 99))}, max ${ms(percentile(sorted, 100))}; of the 201s alone p50 ${ms(percentile(okSorted, 50))}, p99 ${ms(percentile(okSorted, 99))}. Errors (5xx, failed connections, unexpected statuses) in all ${storms.length} storm(s): ${storms.reduce((n, s) => n + errorCount(s), 0)}`;
      const integrityNote = `integrity, checked in SQL after each of ${storms.length} storm(s), the benchmark fails otherwise: overbooked times ${sum((c) => c.overbookedSlots)}, seat counters ≠ live bookings ${sum((c) => c.counterMismatches)}, double bookings (person, vaccine, dose) ${sum((c) => c.doubleBookings)}, people with two visits ${sum((c) => c.peopleWithTwoVisits)}, bookings not where the citizen was told ${sum((c) => c.misplaced)}; bookings ${formatInt(best.check.liveBookings)} = ${formatInt(best.booked)} booked − ${formatInt(best.cancelled)} cancelled, of ${formatInt(totalSeats)} seats for ${formatInt(people)} citizens`;
      const setupNote = `${formatInt(people)} citizens with their own session, ${formatInt(slots.length)} times × ${CAPACITY} seats at ${SITES} sites; ${CONCURRENCY} requests in flight over HTTP keep-alive on 127.0.0.1, a citizen picks among the ${HOT} earliest times not known to be full and tries again after a 409 (at most ${MAX_TRIES} tries); ${PROCESSES > 1 ? `${PROCESSES} serving processes (lagesbild start --workers ${PROCESSES}) with a pool of 10 connections each` : `one serving process in the benchmark's own, pool ${APP_POOL} connections`}, outbox worker not running, rate limit raised; pgbench -s ${PGBENCH_SCALE}, ${PGBENCH_SECONDS} s, ${CONCURRENCY} clients, -j 2, pgbench latency average ${bestPg.latencyMs} ms; ${rounds === 1 ? 'one storm' : `best of ${rounds} storms`} between ${pgRuns.length} pgbench runs of each script (best counts: booking SQL ${sqlRuns.map((r) => formatInt(r.tps)).join(', ')} tps; simple-update ${pgRuns.map((r) => formatInt(r.tps)).join(', ')} tps)`;
      const sqlNote = `the booking-SQL baseline: the ${statementCount} statements the app sent for a booking (recorded from two real ones: see bench/booking-sql.ts), a random citizen and time per transaction looked up by number in one extra statement, then the booking's in one transaction ending in ROLLBACK (every client books; no commit flush), pgbench -M extended, latency average ${bestSql.latencyMs} ms`;
      const outcomeNote = `citizens: ${outcomes}; moves ${formatInt(best.moved)} (${formatInt(best.moveRefused)} found every time tried full), cancellations ${formatInt(best.cancelled)}. Refusals: ${refusals || 'none'}`;
      const stormNote = `a booking request is the session lookup, three reads (time with its site and tracked stock, the person's facts and doses, the rules) and one writing statement (seat UPDATE, booking INSERT and audit INSERT as CTEs); a 409 also looks up the next free time. Every ${MOVE_EVERY}th citizen with a time moves it to another of the earliest times (one transaction: the visit and both times locked, in id order), every ${CANCEL_EVERY}th then cancels it; pgbench simple-update is BEGIN, UPDATE, SELECT, INSERT, END`;

      const requests = { label: 'requests: book, move, cancel (2xx + 409)', rows: best.requests, unit: 'req', timing: timing(storms.map((s) => (best === s ? s.wallMs : (s.wallMs * best.requests) / s.requests))) };
      const results: BenchResult[] = [
        { benchmark: 'booking-storm', target: target.name, ours: requests, baseline: sqlBaseline, notes: [setupNote, sqlNote, stormNote, latencyNote, integrityNote, outcomeNote] },
        { benchmark: 'booking-storm', target: target.name, ours: requests, baseline, notes: [setupNote, stormNote] },
        {
          benchmark: 'booking-storm',
          target: target.name,
          ours: { label: 'seats booked until full', rows: bestFill.booked, unit: 'bookings', timing: timing(storms.map((s) => (bestFill === s ? s.lastSuccessMs : (s.lastSuccessMs * bestFill.booked) / s.booked))) },
          baseline,
          notes: [setupNote, `successful bookings over the time from the first request to the last 201 (${formatMs(bestFill.lastSuccessMs)}); the storm then goes on with the refusals of those left without a time`, integrityNote],
        },
      ];
      say(`requests ${formatInt((best.requests * 1000) / best.wallMs)}/s, seats booked ${formatInt((bestFill.booked * 1000) / bestFill.lastSuccessMs)}/s, booking SQL ${formatInt(bestSql.tps)} tps, simple-update ${formatInt(bestPg.tps)} tps; p99 ${ms(percentile(sorted, 99))}`);
      return results;
    } finally {
      await stopCluster(cluster?.child);
      await app?.close().catch(() => {});
      await appDb?.close().catch(() => {});
      await database.close();
    }
  },
};

export default benchmark;
