import { createHash } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Database } from '../db/client.js';
import { isoTimestamp, queryRows } from '../db/sql.js';
import { entryMac, macMatches, stableJson, type SignedEntry } from './signing.js';

export const GENESIS = '0'.repeat(64);

export interface ChainRow extends SignedEntry {
  seq: number | string | null;
  prev_hash: string | null;
  hash: string | null;
  mac: string | null;
}

// Timestamps are hashed and signed as UTC text with microseconds, so PGlite and a server with another TimeZone agree.
export const chainColumns = `region_id, id, ${isoTimestamp('at')} AS at_iso,
  actor_kind, actor_id, actor_name, actor_role, person_id, action, purpose, details, seq, prev_hash, hash, mac`;

export function entryHash(row: SignedEntry, seq: number, prevHash: string): string {
  const content = [row.region_id, seq, prevHash, row.id, row.at_iso, row.actor_kind, row.actor_id, row.actor_name, row.actor_role, row.person_id, row.action, row.purpose];
  return createHash('sha256').update(stableJson(content)).update(stableJson(row.details)).digest('hex');
}

/**
 * Whether an entry may hold this place in the chain: it carries the application's MAC over its content,
 * or it is one of the entries written before entries were signed (numbered up to `unsignedUntil`).
 */
export function isGenuine(row: ChainRow, seq: number, unsignedUntil: number): boolean {
  if (row.mac === null) return seq <= unsignedUntil;
  return macMatches(row.mac, entryMac(row));
}

export interface ForgedEntry {
  regionId: string;
  id: string;
  at: string;
}

export interface SealResult {
  sealed: number;
  /** Unsealed entries without a valid MAC: written past the application, so they are left out of the chain. */
  forged: ForgedEntry[];
}

/**
 * Links unsealed rows into each region's chain, in the order they were written, and leaves out every row
 * whose MAC does not verify. Safe to run from several instances at once: `audit_chain_head` locks the
 * region's head for the batch, so the next sealer reads the rows after this one's commit.
 */
export async function sealAuditLog(database: Database, batchSize = 5_000): Promise<SealResult> {
  const regions = await database.query<{ region_id: string }>('SELECT DISTINCT region_id FROM audit_log WHERE hash IS NULL');
  const result: SealResult = { sealed: 0, forged: [] };
  for (const { region_id: regionId } of regions) {
    let after: { at: string; id: string } | undefined;
    for (;;) {
      const batch = await database.db.transaction(async (tx) => {
        const [head] = await queryRows<{ last_seq: number | string; last_hash: string; unsigned_until: number | string }>(tx, sql`SELECT * FROM audit_chain_head(${regionId})`);
        const rows = await queryRows<ChainRow>(tx, sql`SELECT ${sql.raw(chainColumns)} FROM audit_log
          WHERE region_id = ${regionId} AND hash IS NULL ${after ? sql`AND (at, id) > (${after.at}::timestamptz, ${after.id}::uuid)` : sql``}
          ORDER BY at, id LIMIT ${batchSize}`);
        let seq = Number(head!.last_seq);
        let prev = head!.last_hash;
        const ids: string[] = [], seqs: number[] = [], prevs: string[] = [], hashes: string[] = [];
        const forged: ForgedEntry[] = [];
        for (const row of rows) {
          if (!isGenuine(row, seq + 1, Number(head!.unsigned_until))) {
            forged.push({ regionId, id: row.id, at: row.at_iso });
            continue;
          }
          seq += 1;
          const hash = entryHash(row, seq, prev);
          ids.push(row.id); seqs.push(seq); prevs.push(prev); hashes.push(hash);
          prev = hash;
        }
        if (ids.length > 0) {
          await tx.execute(sql`SELECT audit_seal(${regionId}, ${sql.param(ids)}::uuid[], ${sql.param(seqs)}::bigint[], ${sql.param(prevs)}::text[], ${sql.param(hashes)}::text[])`);
        }
        return { rows, sealed: ids.length, forged };
      });
      result.sealed += batch.sealed;
      result.forged.push(...batch.forged);
      const last = batch.rows.at(-1);
      if (!last || batch.rows.length < batchSize) break;
      after = { at: last.at_iso, id: last.id };
    }
  }
  return result;
}
