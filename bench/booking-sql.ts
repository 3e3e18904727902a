/**
 * The booking's own SQL as a pgbench custom script: the baseline that tells what the database can do for a
 * booking, so that the storm's ratio to it is what the server adds (issue #17 §2).
 *
 * Nothing is copied from the stores: the statements are recorded from the pg client while the running app
 * answers two real bookings (two citizens, two times of the same site), and turned into a script by comparing
 * the two recordings parameter by parameter:
 * - a value equal in both is a constant of the region (its rules, the site, a status) and stays a literal;
 * - a value that is the citizen's (their session's token hash, their person id) or the time's id becomes a
 *   pgbench variable, set for a random citizen and time by one lookup in numbered tables at the start of each
 *   transaction (the two times are of the same site, so the site stays a literal);
 * - any other uuid that differs is one the app made up for this request (visit, audit entry), so it becomes
 *   `gen_random_uuid()`: concurrent clients must not collide on a key;
 * - any other differing value (a timestamp, the audit entry's details) is kept from the first recording: it
 *   costs the same.
 * The script runs the statements in one transaction that ends in ROLLBACK, so that every client's booking
 * does the whole work (a seat is taken, rows are written) without seats running out or a person booking the
 * same dose twice; that spares the baseline the commit's WAL flush, so it errs on the fast side.
 */
import { createRequire } from 'node:module';
import { writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import type { Database } from '../src/platform/db/client.js';

const prepareValue = (createRequire(import.meta.url)('pg/lib/utils.js') as { prepareValue: (v: unknown) => unknown }).prepareValue;

export interface Statement {
  text: string;
  values: unknown[];
}

type QueryFn = (...args: unknown[]) => unknown;

/** Runs `work` while recording every statement any pg client of this process sends. */
export async function recordStatements(work: () => Promise<void>): Promise<Statement[]> {
  const proto = pg.Client.prototype as unknown as { query: QueryFn };
  const original = proto.query;
  const seen: Statement[] = [];
  proto.query = function (this: unknown, ...args: unknown[]) {
    // query(text, values), query({ text, values }) or, as drizzle calls it, query({ text, rowMode, types }, values).
    const [first, second] = args;
    const config = typeof first === 'string' ? { text: first } : (first as { text?: string; values?: unknown[] } | undefined);
    if (config?.text) seen.push({ text: config.text, values: Array.isArray(second) ? second : (config.values ?? []) });
    return original.apply(this, args);
  };
  try {
    await work();
  } finally {
    proto.query = original;
  }
  return seen;
}

/** What the two recorded bookings were made of: the values that stand for the citizen and the time. */
export interface Probe {
  statements: Statement[];
  tokenHash: string;
  personId: string;
  slotId: string;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

const literal = (v: unknown): string => {
  const p = prepareValue(v);
  if (p === null || p === undefined) return 'NULL';
  const s = Buffer.isBuffer(p) ? `\\x${p.toString('hex')}` : String(p);
  return `'${s.replace(/'/g, "''")}'`;
};

/** The pgbench variable (set by the script's lookup) a value of the citizen or the time stands for. */
const VARIABLES = { tokenHash: ':token_hash', personId: ':person_id', slotId: ':slot_id' } as const;

/**
 * The pgbench script of one booking: a random citizen and time, looked up by number into variables
 * (`\gset`), then the statements with their parameters written in. In extended mode pgbench sends each
 * variable as an untyped parameter, as the app does. Throws when the two recordings did not take the same
 * path (different statements): then the script would time something else than a booking.
 */
export function bookingScript(a: Probe, b: Probe, citizens: number, slots: number): string {
  if (a.statements.length !== b.statements.length || a.statements.some((s, i) => s.text !== b.statements[i]!.text))
    throw new Error(`the two recorded bookings sent different statements (${a.statements.length} and ${b.statements.length}); the booking's SQL cannot be told apart from its values`);
  const stands = (va: unknown, vb: unknown): string | undefined =>
    (Object.keys(VARIABLES) as (keyof typeof VARIABLES)[]).map((key) => (va === a[key] && vb === b[key] ? VARIABLES[key] : undefined)).find(Boolean);
  const written = (va: unknown, vb: unknown): string => {
    if (String(prepareValue(va)) === String(prepareValue(vb))) return literal(va);
    // An array (the audit rows' ids, the people a read concerns): element by element.
    if (Array.isArray(va) && Array.isArray(vb) && va.length === vb.length) return `ARRAY[${va.map((x, i) => written(x, vb[i])).join(', ')}]`;
    return stands(va, vb) ?? (typeof va === 'string' && typeof vb === 'string' && UUID.test(va) && UUID.test(vb) ? 'gen_random_uuid()' : literal(va));
  };
  const lines = a.statements.map((s, i) => {
    const other = b.statements[i]!.values;
    // From the highest number down, so that $1 does not eat the start of $12.
    return s.values
      .map((v, k) => ({ k, v }))
      .sort((x, y) => y.k - x.k)
      .reduce((text, { k, v }) => text.replace(new RegExp(`\\$${k + 1}(?!\\d)`, 'g'), written(v, other[k])), s.text)
      .replace(/\s*;?\s*$/, ';');
  });
  return [
    `\\set c random(1, ${citizens})`,
    `\\set s random(1, ${slots})`,
    'SELECT c.token_hash, c.person_id, s.slot_id FROM bench_booking_citizens c, bench_booking_slots s WHERE c.n = :c AND s.n = :s \\gset',
    'BEGIN;',
    ...lines,
    'ROLLBACK;',
    '',
  ].join('\n');
}

/** The numbered tables the script looks citizens and times up in (written once; untimed). */
export async function writeLookupTables(database: Database, citizens: { tokenHash: string; personId: string }[], slotIds: string[]) {
  await database.query('DROP TABLE IF EXISTS bench_booking_citizens, bench_booking_slots');
  await database.query('CREATE TABLE bench_booking_citizens (n int PRIMARY KEY, token_hash text NOT NULL, person_id uuid NOT NULL)');
  await database.query('CREATE TABLE bench_booking_slots (n int PRIMARY KEY, slot_id uuid NOT NULL)');
  await database.query('INSERT INTO bench_booking_citizens SELECT n, t, p FROM unnest($1::text[], $2::uuid[]) WITH ORDINALITY AS x(t, p, n)', [
    citizens.map((c) => c.tokenHash),
    citizens.map((c) => c.personId),
  ]);
  await database.query('INSERT INTO bench_booking_slots SELECT n, i FROM unnest($1::uuid[]) WITH ORDINALITY AS x(i, n)', [slotIds]);
}

/** Writes the script to a temporary file for `pgbench -f`; returns its path. */
export async function scriptFile(script: string): Promise<string> {
  const path = join(tmpdir(), `lagesbild-booking-${process.pid}-${Date.now()}.sql`);
  await writeFile(path, script);
  return path;
}
