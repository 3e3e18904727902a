import { closeSync, fsyncSync, mkdirSync, openSync, readFileSync, writeSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { sql } from 'drizzle-orm';
import { z } from 'zod';
import type { Config } from '../config.js';
import type { Database } from '../db/client.js';
import { isoTimestamp } from '../db/sql.js';
import { publishEvent } from '../jobs/outbox.js';
import { checkpointMac, macMatches, nowMicros, type CheckpointContent } from './signing.js';

/** Published for a receiver outside this database (AUDIT_CHECKPOINT_WEBHOOK_URL); the payload is the signed checkpoint. */
export const AUDIT_CHECKPOINT_SEALED = 'audit.CheckpointSealed';

/** A region's chain head at a moment: `seq` entries, the last with hash `headHash`, signed with the audit key. */
export interface Checkpoint extends CheckpointContent {
  mac: string;
}

const CheckpointLine = z.object({
  regionId: z.string(),
  seq: z.number().int().nonnegative(),
  headHash: z.string(),
  unsignedUntil: z.number().int().nonnegative(),
  at: z.string(),
  mac: z.string(),
});

export const isSigned = (c: Checkpoint) => macMatches(c.mac, checkpointMac(c));

/**
 * The checkpoints as published to a file outside the database: one JSON object a line, appended and
 * synced, never rewritten. Whoever can truncate or rewind the audit tables cannot take these back.
 */
export class CheckpointLog {
  private newest: Map<string, Checkpoint> | undefined;

  constructor(readonly path: string) {}

  static of(config: Pick<Config, 'dataDir'>): CheckpointLog {
    return new CheckpointLog(join(resolve(config.dataDir), 'audit-checkpoints.jsonl'));
  }

  /** Every line of the file, read afresh: the checkpoints, and the numbers of lines that are not one. */
  read(): { checkpoints: (Checkpoint & { line: number })[]; unreadable: number[] } {
    let text: string;
    try {
      text = readFileSync(this.path, 'utf8');
    } catch (e) {
      if ((e as NodeJS.ErrnoException).code === 'ENOENT') return { checkpoints: [], unreadable: [] };
      throw e;
    }
    const checkpoints: (Checkpoint & { line: number })[] = [];
    const unreadable: number[] = [];
    text.split('\n').forEach((raw, i) => {
      if (raw.trim() === '') return;
      let parsed: unknown;
      try {
        parsed = JSON.parse(raw);
      } catch {
        parsed = undefined;
      }
      const r = CheckpointLine.safeParse(parsed);
      if (r.success) checkpoints.push({ ...r.data, line: i + 1 });
      else unreadable.push(i + 1);
    });
    return { checkpoints, unreadable };
  }

  /** The region's newest signed checkpoint in the file (read once, then kept up to date by `append`). */
  newestFor(regionId: string): Checkpoint | undefined {
    if (!this.newest) {
      this.newest = new Map();
      for (const c of this.read().checkpoints) if (isSigned(c)) this.keepNewest(c);
    }
    return this.newest.get(regionId);
  }

  append(c: Checkpoint): void {
    mkdirSync(dirname(this.path), { recursive: true });
    const fd = openSync(this.path, 'a', 0o600);
    try {
      writeSync(fd, `${JSON.stringify({ regionId: c.regionId, seq: c.seq, headHash: c.headHash, unsignedUntil: c.unsignedUntil, at: c.at, mac: c.mac })}\n`);
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
    if (this.newest) this.keepNewest(c);
  }

  private keepNewest(c: Checkpoint) {
    const known = this.newest!.get(c.regionId);
    if (!known || c.seq >= known.seq) this.newest!.set(c.regionId, c);
  }
}

/** The database's copy of the checkpoints, as written: every one (or one region's), or each region's newest. */
export async function checkpointsInDatabase(database: Database, opts: { regionId?: string; newestOnly?: boolean } = {}): Promise<Checkpoint[]> {
  const rows = await database.query<{ region_id: string; seq: number | string; head_hash: string; unsigned_until: number | string; at_iso: string; mac: string }>(
    `SELECT ${opts.newestOnly ? 'DISTINCT ON (region_id)' : ''} region_id, seq, head_hash, unsigned_until, ${isoTimestamp('at')} AS at_iso, mac
     FROM audit_checkpoints ${opts.regionId ? 'WHERE region_id = $1' : ''} ORDER BY region_id, seq ${opts.newestOnly ? 'DESC' : ''}`,
    opts.regionId ? [opts.regionId] : [],
  );
  return rows.map((r) => ({ regionId: r.region_id, seq: Number(r.seq), headHash: r.head_hash, unsignedUntil: Number(r.unsigned_until), at: r.at_iso, mac: r.mac }));
}

export type CheckpointOutcome =
  | { regionId: string; sealed: Checkpoint }
  /** The log no longer matches this earlier checkpoint (truncated or rewound): no new one is sealed over it. */
  | { regionId: string; refused: Checkpoint };

/**
 * Seals a signed checkpoint of every chain head that moved since its last checkpoint (and, with
 * `minIntervalMs`, not sooner than that after it): into the database, the outbox and the file. A head that
 * no longer continues its last checkpoint gets none, so a rewound log is never signed as good.
 */
export async function sealCheckpoints(database: Database, file: CheckpointLog, opts: { minIntervalMs?: number; now?: Date } = {}): Promise<CheckpointOutcome[]> {
  const now = (opts.now ?? new Date()).getTime();
  const heads = await database.query<{ region_id: string; last_seq: number | string; last_hash: string; unsigned_until: number | string }>(
    'SELECT region_id, last_seq, last_hash, unsigned_until FROM audit_chain ORDER BY region_id',
  );
  const stored = (await checkpointsInDatabase(database, { newestOnly: true })).filter(isSigned);
  const outcomes: CheckpointOutcome[] = [];
  for (const head of heads) {
    const regionId = head.region_id;
    const seq = Number(head.last_seq);
    if (seq === 0) continue;
    const previous = [file.newestFor(regionId), stored.find((c) => c.regionId === regionId)]
      .filter((c): c is Checkpoint => !!c)
      .sort((a, b) => b.seq - a.seq)[0];
    if (previous && previous.seq === seq && previous.headHash === head.last_hash) continue;
    if (previous && opts.minIntervalMs && now - Date.parse(previous.at) < opts.minIntervalMs) continue;
    if (previous) {
      const [atPrevious] = await database.query<{ hash: string }>('SELECT hash FROM audit_log WHERE region_id = $1 AND seq = $2', [regionId, previous.seq]);
      if (atPrevious?.hash !== previous.headHash) {
        outcomes.push({ regionId, refused: previous });
        continue;
      }
    }
    const content: CheckpointContent = { regionId, seq, headHash: head.last_hash, unsignedUntil: Number(head.unsigned_until), at: nowMicros() };
    const checkpoint: Checkpoint = { ...content, mac: checkpointMac(content) };
    await database.db.transaction(async (tx) => {
      await tx.execute(sql`SELECT audit_checkpoint_add(${regionId}, ${seq}, ${checkpoint.headHash}, ${checkpoint.unsignedUntil}, ${checkpoint.at}::timestamptz, ${checkpoint.mac})`);
      await publishEvent(tx, regionId, AUDIT_CHECKPOINT_SEALED, { ...checkpoint }, String(seq));
    });
    file.append(checkpoint);
    outcomes.push({ regionId, sealed: checkpoint });
  }
  return outcomes;
}
