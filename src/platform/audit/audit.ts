import { createHash, randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Database, Db } from '../db/client.js';
import { isoTimestamp, queryRows } from '../db/sql.js';

export interface AuditEntry {
  /** What was done, as `area.thing.verb`: 'identity.person.read', 'testing.result.registered'. */
  action: string;
  /** Whose data; null for actions on no one's data. */
  personId?: string | null;
  /** Why: the reason given or implied by the route ('smittspårning', 'egen journal'). */
  purpose: string;
  details?: Record<string, unknown>;
}

/** Writes an audit row inside the caller's transaction: it commits or rolls back with the change it describes. */
export async function record(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordMany(tx, actor, [entry]);
}

export async function recordMany(tx: Db, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(auditInsert(actor, entries));
}

/**
 * The audit INSERT as SQL, for a data-modifying CTE that must audit in the very statement that changes the
 * data (a booking is one statement). With `onlyIf`, the rows are written only when that condition holds.
 * Array parameters: one statement however many entries (a bulk import audits thousands per batch).
 */
export function auditInsert(actor: Actor, entries: AuditEntry[], onlyIf: SQL = sql`true`): SQL {
  const column = <T,>(f: (e: AuditEntry) => T) => sql.param(entries.map(f));
  return sql`INSERT INTO audit_log (region_id, id, at, actor_kind, actor_id, actor_name, actor_role, person_id, action, purpose, details)
    SELECT ${actor.regionId}, id, clock_timestamp(), ${actor.kind}, ${actor.id}, ${actor.name}, ${actor.role}, person_id, action, purpose, details
    FROM unnest(${sql.param(entries.map(() => randomUUID()))}::uuid[], ${column((e) => e.personId ?? null)}::uuid[], ${column((e) => e.action)}::text[],
      ${column((e) => e.purpose)}::text[], ${column((e) => (e.details ? JSON.stringify(e.details) : null))}::jsonb[]) AS e(id, person_id, action, purpose, details)
    WHERE ${onlyIf}`;
}

// --- The hash chain -------------------------------------------------------------------------------

const GENESIS = '0'.repeat(64);

interface ChainRow {
  region_id: string;
  id: string;
  at_iso: string;
  actor_kind: string;
  actor_id: string;
  actor_name: string;
  actor_role: string;
  person_id: string | null;
  action: string;
  purpose: string;
  details: unknown;
  seq: number | null;
  prev_hash: string | null;
  hash: string | null;
}

// Timestamps are hashed as UTC text with microseconds, so PGlite and a server with another TimeZone agree.
const chainColumns = `region_id, id, ${isoTimestamp('at')} AS at_iso,
  actor_kind, actor_id, actor_name, actor_role, person_id, action, purpose, details, seq, prev_hash, hash`;

function stableJson(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v ?? null);
  if (Array.isArray(v)) return `[${v.map(stableJson).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${stableJson(o[k])}`)
    .join(',')}}`;
}

export function entryHash(row: ChainRow, seq: number, prevHash: string): string {
  const content = [row.region_id, seq, prevHash, row.id, row.at_iso, row.actor_kind, row.actor_id, row.actor_name, row.actor_role, row.person_id, row.action, row.purpose];
  return createHash('sha256').update(stableJson(content)).update(stableJson(row.details)).digest('hex');
}

/**
 * Links unsealed rows into each region's chain. Safe to run from several instances at once: the chain
 * head row is locked for the batch, and rows another sealer holds are skipped.
 */
export async function sealAuditLog(database: Database, batchSize = 5_000): Promise<number> {
  const regions = await database.query<{ region_id: string }>('SELECT DISTINCT region_id FROM audit_log WHERE hash IS NULL');
  let sealed = 0;
  for (const { region_id } of regions) {
    for (;;) {
      const n = await database.db.transaction(async (tx) => {
        await tx.execute(sql`INSERT INTO audit_chain (region_id, last_seq, last_hash) VALUES (${region_id}, 0, ${GENESIS}) ON CONFLICT DO NOTHING`);
        const [head] = await queryRows<{ last_seq: number | string; last_hash: string }>(tx, sql`SELECT last_seq, last_hash FROM audit_chain WHERE region_id = ${region_id} FOR UPDATE`);
        const rows = (await queryRows<ChainRow>(tx, sql`SELECT ${sql.raw(chainColumns)} FROM audit_log WHERE region_id = ${region_id} AND hash IS NULL ORDER BY at, id LIMIT ${batchSize} FOR UPDATE SKIP LOCKED`));
        if (rows.length === 0) return 0;
        let seq = Number(head!.last_seq);
        let prev = head!.last_hash;
        const ids: string[] = [], seqs: number[] = [], prevs: string[] = [], hashes: string[] = [];
        for (const row of rows) {
          seq += 1;
          const hash = entryHash(row, seq, prev);
          ids.push(row.id); seqs.push(seq); prevs.push(prev); hashes.push(hash);
          prev = hash;
        }
        await tx.execute(sql`
          UPDATE audit_log a SET seq = s.seq, prev_hash = s.prev_hash, hash = s.hash
          FROM unnest(${sql.param(ids)}::uuid[], ${sql.param(seqs)}::bigint[], ${sql.param(prevs)}::text[], ${sql.param(hashes)}::text[]) AS s(id, seq, prev_hash, hash)
          WHERE a.region_id = ${region_id} AND a.id = s.id`);
        await tx.execute(sql`UPDATE audit_chain SET last_seq = ${seq}, last_hash = ${prev} WHERE region_id = ${region_id}`);
        return rows.length;
      });
      sealed += n;
      if (n < batchSize) break;
    }
  }
  return sealed;
}

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  /** Where the chain first breaks: the region, the sequence number and what is wrong. */
  firstBroken?: { regionId: string; seq: number; reason: string };
}

/** Recomputes every region's chain from the start (or one region's). Tampering shows as a broken link or a gap. */
export async function verifyAuditChain(database: Database, opts: { regionId?: string; onProgress?: (checked: number, total: number) => void } = {}): Promise<VerifyResult> {
  const regionFilter = opts.regionId ? 'WHERE region_id = $1' : '';
  const params = opts.regionId ? [opts.regionId] : [];
  const heads = await database.query<{ region_id: string; last_seq: number; last_hash: string }>(`SELECT region_id, last_seq, last_hash FROM audit_chain ${regionFilter} ORDER BY region_id`, params);
  const [counts] = await database.query<{ sealed: number; unsealed: number }>(
    `SELECT count(*) FILTER (WHERE hash IS NOT NULL)::int AS sealed, count(*) FILTER (WHERE hash IS NULL)::int AS unsealed FROM audit_log ${regionFilter}`,
    params,
  );
  let checked = 0;
  const total = counts?.sealed ?? 0;
  for (const head of heads) {
    let expectedSeq = 1;
    let prev = GENESIS;
    for (;;) {
      const rows = await database.query<ChainRow>(
        `SELECT ${chainColumns} FROM audit_log WHERE region_id = $1 AND seq >= $2 ORDER BY seq LIMIT 10000`,
        [head.region_id, expectedSeq],
      );
      for (const row of rows) {
        const seq = Number(row.seq);
        const broken = (reason: string): VerifyResult => ({ ok: false, checked, unsealed: counts?.unsealed ?? 0, firstBroken: { regionId: head.region_id, seq, reason } });
        if (seq !== expectedSeq) return broken(`entry ${expectedSeq} is missing`);
        if (row.prev_hash !== prev) return broken('the link to the previous entry does not match');
        if (entryHash(row, seq, prev) !== row.hash) return broken('the entry was changed after it was sealed');
        prev = row.hash!;
        expectedSeq += 1;
        checked += 1;
      }
      opts.onProgress?.(checked, total);
      if (rows.length < 10000) break;
    }
    if (expectedSeq - 1 !== Number(head.last_seq) || prev !== head.last_hash) {
      return { ok: false, checked, unsealed: counts?.unsealed ?? 0, firstBroken: { regionId: head.region_id, seq: expectedSeq, reason: `entry ${expectedSeq} is missing` } };
    }
  }
  return { ok: true, checked, unsealed: counts?.unsealed ?? 0 };
}
