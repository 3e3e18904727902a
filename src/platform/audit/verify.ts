import type { Database } from '../db/client.js';
import { chainColumns, entryHash, GENESIS, isGenuine, type ChainRow } from './chain.js';
import { checkpointsInDatabase, isSigned, type Checkpoint, type CheckpointLog } from './checkpoints.js';

export interface CheckpointRef {
  seq: number;
  at: string;
}

/** One thing wrong with the audit log, as precise as the evidence allows. */
export type Finding =
  /** The chain itself does not hold together at `seq`. */
  | { kind: 'broken'; regionId: string; seq: number; reason: 'missing' | 'link' | 'changed' | 'head' | 'no-head' }
  /** Entries without a valid MAC: written past the application (a sealed one has a `seq`). */
  | { kind: 'forged'; regionId: string; total: number; entries: { seq: number | null; id: string; at: string }[] }
  /** The log ends before a checkpoint it reached: `missing` entries are gone. */
  | { kind: 'truncated'; regionId: string; missing: number; checkpoint: CheckpointRef }
  /** The log reaches a checkpoint but no longer matches it: entries were replaced (after `stillMatching`, if any does). */
  | { kind: 'rewound'; regionId: string; checkpoint: CheckpointRef; stillMatching: CheckpointRef | null }
  /** A checkpoint that is not signed with the audit key, or a line of the file that is not a checkpoint. */
  | { kind: 'bad-checkpoint'; regionId: string | null; where: { file: string; line: number } | { database: true; seq: number } };

/** Every kind of finding, for the API's schema. */
export const findingKinds = ['broken', 'forged', 'truncated', 'rewound', 'bad-checkpoint'] as const satisfies readonly Finding['kind'][];

export interface VerifyResult {
  ok: boolean;
  checked: number;
  unsealed: number;
  findings: Finding[];
  /** Per region, the newest checkpoint the log was compared with. */
  comparedWith: (CheckpointRef & { regionId: string })[];
}

const MAX_LISTED = 10;
const PAGE = 10_000;

/**
 * Recomputes every region's chain from the start (or one region's), checks every entry's MAC, and compares
 * the log with every signed checkpoint from the file outside the database and from the database's own copy
 * (the file's survive a truncated or rewound database). Reports each problem found, not only the first.
 */
export async function verifyAuditLog(
  database: Database,
  file: CheckpointLog,
  opts: { regionId?: string; onProgress?: (checked: number, total: number) => void } = {},
): Promise<VerifyResult> {
  const only = opts.regionId;
  const regionFilter = only ? 'WHERE region_id = $1' : '';
  const params = only ? [only] : [];
  const findings: Finding[] = [];

  const fromFile = file.read();
  if (!only) for (const line of fromFile.unreadable) findings.push({ kind: 'bad-checkpoint', regionId: null, where: { file: file.path, line } });
  const checkpoints: Checkpoint[] = [];
  for (const c of fromFile.checkpoints.filter((c) => !only || c.regionId === only)) {
    if (isSigned(c)) checkpoints.push(c);
    else findings.push({ kind: 'bad-checkpoint', regionId: c.regionId, where: { file: file.path, line: c.line } });
  }
  for (const c of await checkpointsInDatabase(database, { regionId: only })) {
    if (isSigned(c)) checkpoints.push(c);
    else findings.push({ kind: 'bad-checkpoint', regionId: c.regionId, where: { database: true, seq: c.seq } });
  }

  const heads = await database.query<{ region_id: string; last_seq: number | string; last_hash: string; unsigned_until: number | string }>(
    `SELECT region_id, last_seq, last_hash, unsigned_until FROM audit_chain ${regionFilter}`,
    params,
  );
  const [counts] = await database.query<{ sealed: number; unsealed: number }>(
    `SELECT count(*) FILTER (WHERE hash IS NOT NULL)::int AS sealed, count(*) FILTER (WHERE hash IS NULL)::int AS unsealed FROM audit_log ${regionFilter}`,
    params,
  );
  const inLog = await database.query<{ region_id: string }>(`SELECT DISTINCT region_id FROM audit_log ${regionFilter}`, params);
  // A region counts if anything names it: a head, an entry, or a checkpoint (after both tables were truncated, only the last).
  const regions = [...new Set([...heads.map((h) => h.region_id), ...inLog.map((r) => r.region_id), ...checkpoints.map((c) => c.regionId)])].sort();

  const progress = { checked: 0, total: counts?.sealed ?? 0 };
  const comparedWith: VerifyResult['comparedWith'] = [];
  for (const regionId of regions) {
    const head = heads.find((h) => h.region_id === regionId);
    const mine = checkpoints.filter((c) => c.regionId === regionId).sort((a, b) => a.seq - b.seq);
    // The checkpoints' boundary is signed; the database's alone could have been moved to let unsigned rows pass.
    const least = mine.reduce((n, c) => Math.min(n, c.unsignedUntil), head ? Number(head.unsigned_until) : Infinity);
    const unsignedUntil = Number.isFinite(least) ? least : 0;
    findings.push(...(await verifyRegion(database, { regionId, head, checkpoints: mine, unsignedUntil }, progress, opts.onProgress)));
    const newest = mine.at(-1);
    if (newest) comparedWith.push({ regionId, seq: newest.seq, at: newest.at });
  }
  return { ok: findings.length === 0, checked: progress.checked, unsealed: counts?.unsealed ?? 0, findings, comparedWith };
}

interface RegionLog {
  regionId: string;
  head: { last_seq: number | string; last_hash: string } | undefined;
  /** The region's signed checkpoints, oldest first. */
  checkpoints: Checkpoint[];
  unsignedUntil: number;
}

async function verifyRegion(
  database: Database,
  { regionId, head, checkpoints, unsignedUntil }: RegionLog,
  progress: { checked: number; total: number },
  onProgress?: (checked: number, total: number) => void,
): Promise<Finding[]> {
  const findings: Finding[] = [];
  const forged: { seq: number | null; id: string; at: string }[] = [];
  let broken: Extract<Finding, { kind: 'broken' }> | undefined;
  const hashAt = new Map<number, string>();
  const wanted = new Set(checkpoints.map((c) => c.seq));

  // The sealed chain, in order: every link, every hash, every MAC.
  let expected = 1;
  let prev = GENESIS;
  for (;;) {
    const rows = await database.query<ChainRow>(`SELECT ${chainColumns} FROM audit_log WHERE region_id = $1 AND seq >= $2 ORDER BY seq LIMIT ${PAGE}`, [regionId, expected]);
    for (const row of rows) {
      const seq = Number(row.seq);
      if (!broken) {
        if (seq !== expected) broken = { kind: 'broken', regionId, seq: expected, reason: 'missing' };
        else if (row.prev_hash !== prev) broken = { kind: 'broken', regionId, seq, reason: 'link' };
        else if (entryHash(row, seq, prev) !== row.hash) broken = { kind: 'broken', regionId, seq, reason: 'changed' };
      }
      if (!isGenuine(row, seq, unsignedUntil)) forged.push({ seq, id: row.id, at: row.at_iso });
      if (wanted.has(seq)) hashAt.set(seq, row.hash!);
      prev = row.hash!;
      expected = seq + 1;
      progress.checked += 1;
    }
    onProgress?.(progress.checked, progress.total);
    if (rows.length < PAGE) break;
  }
  const lastSeq = expected - 1;
  if (!broken && !head && lastSeq > 0) broken = { kind: 'broken', regionId, seq: lastSeq, reason: 'no-head' };
  if (!broken && head && Number(head.last_seq) > lastSeq) broken = { kind: 'broken', regionId, seq: lastSeq + 1, reason: 'missing' };
  if (!broken && head && (Number(head.last_seq) !== lastSeq || head.last_hash !== prev)) broken = { kind: 'broken', regionId, seq: lastSeq, reason: 'head' };
  if (broken) findings.push(broken);

  // Entries waiting for the sealer, in the order it takes them: each must be one it would seal.
  let next = lastSeq + 1;
  let after: { at: string; id: string } | undefined;
  for (;;) {
    const rows = await database.query<ChainRow>(
      `SELECT ${chainColumns} FROM audit_log WHERE region_id = $1 AND hash IS NULL ${after ? 'AND (at, id) > ($2::timestamptz, $3::uuid)' : ''} ORDER BY at, id LIMIT ${PAGE}`,
      after ? [regionId, after.at, after.id] : [regionId],
    );
    for (const row of rows) {
      if (isGenuine(row, next, unsignedUntil)) next += 1;
      else forged.push({ seq: null, id: row.id, at: row.at_iso });
    }
    const last = rows.at(-1);
    if (!last || rows.length < PAGE) break;
    after = { at: last.at_iso, id: last.id };
  }
  if (forged.length) findings.push({ kind: 'forged', regionId, total: forged.length, entries: forged.slice(0, MAX_LISTED) });

  // The checkpoints: the newest one past the end tells what is missing; the first one that no longer matches, what was replaced.
  const ref = (c: Checkpoint): CheckpointRef => ({ seq: c.seq, at: c.at });
  const beyond = checkpoints.filter((c) => c.seq > lastSeq).at(-1);
  if (beyond) findings.push({ kind: 'truncated', regionId, missing: beyond.seq - lastSeq, checkpoint: ref(beyond) });
  const reached = checkpoints.filter((c) => c.seq <= lastSeq);
  const firstMismatch = reached.findIndex((c) => hashAt.get(c.seq) !== c.headHash);
  if (firstMismatch >= 0) {
    const stillMatching = reached.slice(0, firstMismatch).at(-1);
    findings.push({ kind: 'rewound', regionId, checkpoint: ref(reached[firstMismatch]!), stillMatching: stillMatching ? ref(stillMatching) : null });
  }
  return findings;
}

const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;

/** What a finding means, in Swedish and in English, for the command line and the audit page. */
export function describeFinding(f: Finding): { sv: string; en: string } {
  switch (f.kind) {
    case 'broken': {
      const why = {
        missing: { sv: `post ${f.seq} saknas`, en: `entry ${f.seq} is missing` },
        link: { sv: `länken från post ${f.seq} till föregående post stämmer inte`, en: `the link from entry ${f.seq} to the previous entry does not match` },
        changed: { sv: `post ${f.seq} har ändrats efter att den förseglades`, en: `entry ${f.seq} was changed after it was sealed` },
        head: { sv: `kedjans huvud stämmer inte med post ${f.seq}, den sista i kedjan`, en: `the chain head does not match entry ${f.seq}, the last in the chain` },
        'no-head': { sv: `kedjans huvud saknas, fast kedjan har ${plural(f.seq, 'post', 'poster')}`, en: `the chain head is missing, though the chain holds ${plural(f.seq, 'entry', 'entries')}` },
      }[f.reason];
      return { sv: `Region ${f.regionId}: kedjan är bruten: ${why.sv}.`, en: `Region ${f.regionId}: the chain is broken: ${why.en}.` };
    }
    case 'forged': {
      const listed = (sealed: string, unsealed: string) =>
        f.entries.map((e) => (e.seq !== null ? `${sealed} ${e.seq}` : `${unsealed} ${e.id} (${e.at})`)).join(', ') + (f.total > f.entries.length ? ', …' : '');
      return {
        sv: `Region ${f.regionId}: ${plural(f.total, 'förfalskad post', 'förfalskade poster')} utan giltig signatur, aldrig förseglade som äkta: ${listed('post', 'ej förseglad post')}.`,
        en: `Region ${f.regionId}: ${plural(f.total, 'forged entry', 'forged entries')} without a valid signature, never sealed as genuine: ${listed('entry', 'unsealed entry')}.`,
      };
    }
    case 'truncated':
      return {
        sv: `Region ${f.regionId}: ${plural(f.missing, 'post saknas', 'poster saknas')} sedan kontrollpunkt ${f.checkpoint.seq} från ${f.checkpoint.at}.`,
        en: `Region ${f.regionId}: ${plural(f.missing, 'entry', 'entries')} missing since checkpoint ${f.checkpoint.seq} of ${f.checkpoint.at}.`,
      };
    case 'rewound': {
      const c = f.checkpoint;
      const m = f.stillMatching;
      return {
        sv: `Region ${f.regionId}: loggen har spolats tillbaka och skrivits om: post ${c.seq} stämmer inte längre med kontrollpunkt ${c.seq} från ${c.at}` +
          (m ? `; kontrollpunkt ${m.seq} från ${m.at} stämmer, så posterna efter ${m.seq} har ersatts.` : '.'),
        en: `Region ${f.regionId}: the log was rewound and rewritten: entry ${c.seq} no longer matches checkpoint ${c.seq} of ${c.at}` +
          (m ? `; checkpoint ${m.seq} of ${m.at} still matches, so the entries after ${m.seq} were replaced.` : '.'),
      };
    }
    case 'bad-checkpoint':
      if ('file' in f.where) {
        const { file, line } = f.where;
        return f.regionId === null
          ? { sv: `Rad ${line} i ${file} är ingen kontrollpunkt.`, en: `Line ${line} of ${file} is not a checkpoint.` }
          : { sv: `Kontrollpunkten på rad ${line} i ${file} är inte signerad med granskningsloggens nyckel.`, en: `The checkpoint on line ${line} of ${file} is not signed with the audit log's key.` };
      }
      return {
        sv: `Region ${f.regionId}: kontrollpunkt ${f.where.seq} i databasen är inte signerad med granskningsloggens nyckel.`,
        en: `Region ${f.regionId}: checkpoint ${f.where.seq} in the database is not signed with the audit log's key.`,
      };
  }
}
