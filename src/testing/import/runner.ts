/**
 * The bulk import of lab results: a file (CSV or FHIR Bundle) → parsed rows → batches, each batch ONE
 * transaction that applies the valid rows (`applyResults`: match, write, messages, events, audit), writes
 * the rejections and advances `result_imports.rows_done` with the counters. A crash leaves whole batches or
 * nothing; running the same file again (same sha256) resumes after `rows_done`, or, once finished, says so
 * at once, before parsing anything, and changes nothing.
 *
 * Test hook: LAGESBILD_TEST_CRASH_AFTER_BATCHES=N makes the process kill itself (SIGKILL, no cleanup)
 * right after committing its N-th batch in this run. Only the crash-recovery test sets it.
 */
import { createHash } from 'node:crypto';
import { closeSync, openSync, readFileSync, writeSync } from 'node:fs';
import { basename } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { record } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/sql.js';
import { conflict, invalid } from '../../platform/errors.js';
import { applyResults, type ResultOutcome } from '../results.js';
import { CSV_FIELD_NAMES, parseResultsCsv } from './csv.js';
import { FHIR_FIELD_NAMES, parseResultsFhir } from './fhir.js';
import { fileFieldName, repeatedLines, type FieldNames, type ImportFormat, type ParsedRow } from './rows.js';

export const CRASH_HOOK = 'LAGESBILD_TEST_CRASH_AFTER_BATCHES';

export interface ImportOptions {
  fileName: string;
  /** The file's bytes, or its path. */
  content: Buffer | string;
  /** Detected from the file name (.json → fhir, .csv → csv) or the first character when left out. */
  format?: ImportFormat;
  labUnitId?: string | null;
  batchSize?: number;
  /** Where to write the per-row report (line;status;field;reason). Default: `<path>.report.csv` when `content` is a path, none for bytes. */
  reportPath?: string | null;
  onProgress?: (rowsDone: number, rowsTotal: number) => void;
}

export interface ImportSummary {
  importId: string;
  fileName: string;
  format: ImportFormat;
  /** 'finished': this run got it to the end; 'already-imported': the same file was imported before and nothing changed. */
  status: 'finished' | 'already-imported';
  resumedFrom: number;
  rowsTotal: number;
  rowsDone: number;
  accepted: number;
  unchanged: number;
  held: number;
  rejected: number;
  startedAt: string;
  finishedAt: string | null;
  /** This run only. */
  seconds: number;
  rowsPerSecond: number;
  reportPath: string | null;
}

interface ImportRow {
  id: string;
  file_name: string;
  format: ImportFormat;
  started_at: string;
  finished_at: string | null;
  rows_done: number;
  rows_total: number | null;
  accepted: number;
  unchanged: number;
  held: number;
  rejected: number;
}

export function detectFormat(fileName: string, bytes: Buffer): ImportFormat {
  const name = fileName.toLowerCase();
  if (name.endsWith('.json')) return 'fhir';
  if (name.endsWith('.csv') || name.endsWith('.txt')) return 'csv';
  const first = bytes.subarray(0, 64).toString('utf8').replace(/^\uFEFF/, '').trimStart()[0];
  return first === '{' ? 'fhir' : 'csv';
}

export function parseResults(format: ImportFormat, bytes: Buffer, now: Date): ParsedRow[] {
  return format === 'fhir' ? parseResultsFhir(bytes, now) : parseResultsCsv(bytes, now);
}

const fieldNamesOf = (format: ImportFormat): FieldNames => (format === 'fhir' ? FHIR_FIELD_NAMES : CSV_FIELD_NAMES);

const reportField = (s: string | undefined | null) => {
  const v = s ?? '';
  return /[;"\n\r]/.test(v) ? `"${v.replaceAll('"', '""')}"` : v;
};
/** One line of the report: line;status;field;reason. */
const reportLine = (line: number, status: string, field: string | null, reason: string) => [String(line), status, reportField(field), reportField(reason)].join(';');
const HELD = 'no registered sample has this kit id: held for manual matching';
const ALREADY_ANSWERED = 'provet har redan detta svar / the sample already has this answer';
const repeats = (line: number) => `upprepar rad ${line} / repeats line ${line}`;

const findImport = async (db: Db, regionId: string, sha256: string) =>
  (await queryRows<ImportRow>(db, sql`SELECT id, file_name, format, started_at, finished_at, rows_done, rows_total, accepted, unchanged, held, rejected
      FROM result_imports WHERE region_id = ${regionId} AND file_sha256 = ${sha256}`))[0];

export async function importResults(ctx: AppContext, actor: Actor, opts: ImportOptions): Promise<ImportSummary> {
  const t0 = performance.now();
  const isPath = typeof opts.content === 'string';
  const bytes = isPath ? readFileSync(opts.content as string) : (opts.content as Buffer);
  const sha256 = createHash('sha256').update(bytes).digest('hex');
  const regionId = actor.regionId;
  const db = ctx.database.db;
  const summary = (imp: ImportRow, status: ImportSummary['status'], resumedFrom: number, reportPath: string | null, rowsThisRun: number): ImportSummary => {
    const seconds = (performance.now() - t0) / 1000;
    return {
      importId: imp.id,
      fileName: imp.file_name,
      format: imp.format,
      status,
      resumedFrom,
      rowsTotal: imp.rows_total ?? imp.rows_done,
      rowsDone: imp.rows_done,
      accepted: imp.accepted,
      unchanged: imp.unchanged,
      held: imp.held,
      rejected: imp.rejected,
      startedAt: imp.started_at,
      finishedAt: imp.finished_at,
      seconds,
      rowsPerSecond: seconds > 0 ? rowsThisRun / seconds : 0,
      reportPath,
    };
  };

  // The file is recognised by its content before a line of it is parsed: imported once, it answers at once.
  const known = await findImport(db, regionId, sha256);
  if (known?.finished_at) return summary(known, 'already-imported', known.rows_done, null, 0);
  const format = opts.format ?? detectFormat(opts.fileName, bytes);
  if (known && known.format !== format) throw invalid('format', `this file was first imported as ${known.format}`);
  const batchSize = Math.max(1, opts.batchSize ?? 1000);
  const labUnitId = opts.labUnitId ?? null;

  const rows = parseResults(format, bytes, ctx.clock.now());
  const total = rows.length;
  const file = { names: fieldNamesOf(format), repeats: repeatedLines(rows) };

  // The import's row: one per region and file content.
  await db.execute(sql`INSERT INTO result_imports (region_id, file_name, file_sha256, format, lab_unit_id, rows_total)
    VALUES (${regionId}, ${basename(opts.fileName)}, ${sha256}, ${format}, ${labUnitId}::uuid, ${total})
    ON CONFLICT (region_id, file_sha256) DO NOTHING`);
  let imp = (await findImport(db, regionId, sha256))!;

  const resumedFrom = imp.rows_done;
  const reportPath = opts.reportPath !== undefined ? opts.reportPath : isPath ? `${opts.content as string}.report.csv` : null;
  const fd = reportPath ? openSync(reportPath, 'w') : null;
  const report = (lines: string[]) => {
    if (fd !== null && lines.length) writeSync(fd, lines.join('\n') + '\n');
  };
  try {
    report(['line;status;field;reason']);
    if (resumedFrom > 0) report(await earlierOutcomes(ctx, regionId, imp.id, rows.slice(0, resumedFrom)));

    const crashAfter = Number(process.env[CRASH_HOOK] ?? 0);
    let batches = 0;
    opts.onProgress?.(resumedFrom, total);
    for (let start = resumedFrom; start < total; start += batchSize) {
      const batch = rows.slice(start, start + batchSize);
      const end = start + batch.length;
      const lines = await db.transaction(async (tx) => {
        // The import row is the lock: two processes on the same file cannot both apply a batch.
        const [locked] = await queryRows<{ rows_done: number }>(tx, sql`SELECT rows_done FROM result_imports WHERE region_id = ${regionId} AND id = ${imp.id}::uuid FOR UPDATE`);
        if (locked!.rows_done !== start) throw conflict(`Another run is importing this file (it is at row ${locked!.rows_done}, this one at ${start}); let it finish`);
        return applyBatch(tx, actor, imp.id, labUnitId, batch, end, file);
      });
      report(lines);
      batches++;
      opts.onProgress?.(end, total);
      if (crashAfter > 0 && batches === crashAfter) process.kill(process.pid, 'SIGKILL');
    }
    await db.transaction(async (tx) => {
      await tx.execute(sql`UPDATE result_imports SET finished_at = now(), rows_total = ${total} WHERE region_id = ${regionId} AND id = ${imp.id}::uuid AND finished_at IS NULL`);
      imp = (await findImport(tx, regionId, sha256))!;
      await record(tx, actor, {
        action: 'testing.results.imported',
        purpose: 'provsvar',
        details: { importId: imp.id, fileName: imp.file_name, rows: total, accepted: imp.accepted, unchanged: imp.unchanged, held: imp.held, rejected: imp.rejected },
      });
    });
    return summary(imp, 'finished', resumedFrom, reportPath, total - resumedFrom);
  } finally {
    if (fd !== null) closeSync(fd);
  }
}

/**
 * One batch, in the caller's transaction: apply, record rejections, advance the counters. Returns the report
 * lines. Fields are named as the file names them; a row that repeats an earlier one names its line.
 */
async function applyBatch(tx: Db, actor: Actor, importId: string, labUnitId: string | null, batch: ParsedRow[], end: number, file: { names: FieldNames; repeats: Map<number, number> }): Promise<string[]> {
  const regionId = actor.regionId;
  const valid = batch.filter((r): r is Extract<ParsedRow, { ok: true }> => r.ok);
  const applied = valid.length ? await applyResults(tx, actor, valid.map((r) => r.input), { labUnitId, importId }) : [];
  const outcomeOf = new Map<ParsedRow, ResultOutcome>(valid.map((r, i) => [r, applied[i]!]));
  const counts = { accepted: 0, unchanged: 0, held: 0, rejected: 0 };
  const rejections: { line: number; field: string; reason: string }[] = [];
  const lines: string[] = [];
  for (const row of batch) {
    const o: ResultOutcome = row.ok ? outcomeOf.get(row)! : { status: 'rejected', field: row.field, reason: row.reason };
    counts[o.status]++;
    if (o.status === 'rejected') {
      const field = fileFieldName(file.names, o.field);
      rejections.push({ line: row.line, field, reason: o.reason });
      lines.push(reportLine(row.line, 'rejected', field, o.reason));
    } else if (o.status === 'unchanged') {
      const earlier = file.repeats.get(row.line);
      lines.push(reportLine(row.line, 'unchanged', null, earlier === undefined ? ALREADY_ANSWERED : repeats(earlier)));
    } else lines.push(reportLine(row.line, o.status, null, o.status === 'held' ? HELD : ''));
  }
  if (rejections.length) {
    await tx.execute(sql`INSERT INTO import_rejections (region_id, import_id, line, field, reason)
      SELECT ${regionId}, ${importId}::uuid, * FROM unnest(${sql.param(rejections.map((r) => r.line))}::int[], ${sql.param(rejections.map((r) => r.field))}::text[], ${sql.param(rejections.map((r) => r.reason))}::text[])
      ON CONFLICT DO NOTHING`);
  }
  await tx.execute(sql`UPDATE result_imports SET rows_done = ${end}, accepted = accepted + ${counts.accepted}, unchanged = unchanged + ${counts.unchanged},
      held = held + ${counts.held}, rejected = rejected + ${counts.rejected}
    WHERE region_id = ${regionId} AND id = ${importId}::uuid`);
  return lines;
}

/**
 * The report lines for rows an earlier (interrupted) run committed: rejections and held rows are recorded
 * per line; the rest were applied then, as accepted or unchanged, which is no longer told apart ('applied').
 */
async function earlierOutcomes(ctx: AppContext, regionId: string, importId: string, rows: ParsedRow[]): Promise<string[]> {
  const db = ctx.database.db;
  const rejected = new Map(
    (await queryRows<{ line: number; field: string | null; reason: string }>(db, sql`SELECT line, field, reason FROM import_rejections WHERE region_id = ${regionId} AND import_id = ${importId}::uuid`)).map((r) => [r.line, r]),
  );
  const held = new Set((await queryRows<{ line: number }>(db, sql`SELECT line FROM unmatched_results WHERE region_id = ${regionId} AND import_id = ${importId}::uuid`)).map((r) => r.line));
  return rows.map((row) => {
    const r = rejected.get(row.line);
    if (r) return reportLine(row.line, 'rejected', r.field, r.reason);
    if (held.has(row.line)) return reportLine(row.line, 'held', null, `${HELD} (earlier run)`);
    return reportLine(row.line, 'applied', null, 'accepted or unchanged in an earlier run of this import');
  });
}
