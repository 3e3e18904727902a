/**
 * Imports of indicator files (values, primary-care contacts) as CSV or XLSX: the file → a table → rows checked
 * one by one (a bad row gets reasons naming its row and column and is kept out; the valid rows go in) →
 * batches, each ONE transaction that writes its valid rows, its rejections and advances `rows_done`. The same
 * file again (same sha256) resumes after `rows_done` when a run was cut off, or, once finished, answers at once
 * and changes nothing. Rows are written by their natural key too, so an overlapping file changes only what
 * differs. The shape follows the lab import (src/testing/import/runner.ts).
 */
import { createHash } from 'node:crypto';
import { basename } from 'node:path';
import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { record } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { conflict, invalid } from '../platform/errors.js';
import { readCsvTable, type SheetTable } from '../platform/files/csv.js';
import { readXlsxTable } from '../platform/files/xlsx.js';
import { PURPOSE } from './definitions.js';
import { indicatorImports, type ImportKind } from './model.js';
import { resolveInRegion } from '../platform/db/resolve.js';

export interface RowError {
  column: string;
  reason: string;
}
export type ParsedRow<T> = { line: number; ok: true; value: T } | { line: number; ok: false; errors: RowError[] };

/** What an import kind knows: its columns, how a row is read, and how a batch of valid rows is written. */
export interface ImportSpec<T> {
  kind: ImportKind;
  columns: readonly string[];
  required: readonly string[];
  /** Reads one row; `cell(name)` is the trimmed text of a column ('' when absent). */
  parseRow: (cell: (column: string) => string) => { value: T } | { errors: RowError[] };
  apply: (tx: Db, rows: T[], importId: string) => Promise<{ accepted: number; unchanged: number }>;
  /** The audit row of a finished run. */
  audit: (summary: ImportSummary) => { action: string; details: Record<string, unknown> };
}

export interface ImportSummary {
  importId: string;
  kind: ImportKind;
  fileName: string;
  format: 'csv' | 'xlsx';
  status: 'finished' | 'already-imported';
  resumedFrom: number;
  rowsTotal: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  rejections: { row: number; column: string; reason: string }[];
}

export const formatOf = (fileName: string, bytes: Buffer): 'csv' | 'xlsx' => (fileName.toLowerCase().endsWith('.xlsx') || (bytes[0] === 0x50 && bytes[1] === 0x4b) ? 'xlsx' : 'csv');

/** Reads the table and checks every row; throws (400) only when the file as a whole cannot be read: no header, unknown or missing columns. */
export async function parseFile<T>(spec: Pick<ImportSpec<T>, 'columns' | 'required' | 'parseRow'>, format: 'csv' | 'xlsx', bytes: Buffer): Promise<ParsedRow<T>[]> {
  let table: SheetTable;
  try {
    table = format === 'xlsx' ? await readXlsxTable(bytes) : readCsvTable(bytes);
  } catch {
    throw invalid('content', 'the file cannot be read as an Excel workbook (.xlsx)');
  }
  const expected = `the first row must name the columns ${spec.columns.join(';')} (${spec.required.join(', ')} required)`;
  if (table.header.length === 0) throw invalid('content', `the file is empty; ${expected}`);
  const unknown = table.header.filter((h) => h && !spec.columns.includes(h));
  const missing = spec.required.filter((c) => !table.header.includes(c));
  if (unknown.length || missing.length) throw invalid('content', `${expected}${missing.length ? `; missing: ${missing.join(', ')}` : ''}${unknown.length ? `; unknown columns: ${unknown.join(', ')}` : ''}`);
  const index = new Map(table.header.map((h, i) => [h, i]));
  return table.rows.map(({ line, cells }): ParsedRow<T> => {
    if (!cells) return { line, ok: false, errors: [{ column: 'row', reason: 'a quoted field is not closed (fields cannot span lines)' }] };
    if (cells.length > table.header.length) return { line, ok: false, errors: [{ column: 'row', reason: `${cells.length} fields, the header has ${table.header.length}` }] };
    const r = spec.parseRow((column) => {
      const i = index.get(column);
      return i === undefined ? '' : (cells[i] ?? '').trim();
    });
    return 'value' in r ? { line, ok: true, value: r.value } : { line, ok: false, errors: r.errors };
  });
}

interface ImportRow {
  id: string;
  file_name: string;
  format: 'csv' | 'xlsx';
  rows_total: number;
  rows_done: number;
  accepted: number;
  unchanged: number;
  rejected: number;
  finished_at: string | null;
}

const findImport = async (db: Db, regionId: string, kind: ImportKind, sha256: string) =>
  (await queryRows<ImportRow>(db, sql`SELECT id, file_name, format, rows_total, rows_done, accepted, unchanged, rejected, finished_at FROM indicator_imports WHERE region_id = ${regionId} AND kind = ${kind} AND file_sha256 = ${sha256}`))[0];

/** The rows an import of the actor's region kept out; an import of another region is not found. */
export async function importRejections(ctx: AppContext, actor: Actor, importId: string) {
  const db = ctx.database.db;
  await resolveInRegion(db, indicatorImports, actor.regionId, importId, { field: 'id', what: 'import' });
  return rejectionsOf(db, actor.regionId, importId);
}

const rejectionsOf = async (db: Db, regionId: string, importId: string, limit = 1000) =>
  queryRows<{ row: number; column: string; reason: string }>(db, sql`SELECT row, "column", reason FROM indicator_import_rejections WHERE region_id = ${regionId} AND import_id = ${importId}::uuid ORDER BY row, "column" LIMIT ${limit}`);

export async function runImport<T>(ctx: AppContext, actor: Actor, spec: ImportSpec<T>, file: { fileName: string; content: Buffer; batchSize?: number; onProgress?: (done: number, total: number) => void }): Promise<ImportSummary> {
  const regionId = actor.regionId;
  const db = ctx.database.db;
  const sha256 = createHash('sha256').update(file.content).digest('hex');
  const summary = async (tx: Db, imp: ImportRow, status: ImportSummary['status'], resumedFrom: number): Promise<ImportSummary> => ({
    importId: imp.id,
    kind: spec.kind,
    fileName: imp.file_name,
    format: imp.format,
    status,
    resumedFrom,
    rowsTotal: imp.rows_total,
    accepted: imp.accepted,
    unchanged: imp.unchanged,
    rejected: imp.rejected,
    rejections: await rejectionsOf(tx, regionId, imp.id, 200),
  });
  // Recognised by content before a row is read: imported once, it answers at once and changes nothing.
  const known = await findImport(db, regionId, spec.kind, sha256);
  if (known?.finished_at) return summary(db, known, 'already-imported', known.rows_done);

  const format = formatOf(file.fileName, file.content);
  const rows = await parseFile(spec, format, file.content);
  await db.execute(sql`INSERT INTO indicator_imports (region_id, kind, file_name, file_sha256, format, rows_total, imported_by)
    VALUES (${regionId}, ${spec.kind}, ${basename(file.fileName)}, ${sha256}, ${format}, ${rows.length}, ${actor.name})
    ON CONFLICT (region_id, kind, file_sha256) DO NOTHING`);
  const imp = (await findImport(db, regionId, spec.kind, sha256))!;
  const resumedFrom = imp.rows_done;
  const batchSize = Math.max(1, file.batchSize ?? 5000);
  file.onProgress?.(resumedFrom, rows.length);
  for (let start = resumedFrom; start < rows.length; start += batchSize) {
    const batch = rows.slice(start, start + batchSize);
    await db.transaction(async (tx) => {
      // The import's row is the lock: two runs of the same file cannot both write a batch.
      const [locked] = await queryRows<{ rows_done: number }>(tx, sql`SELECT rows_done FROM indicator_imports WHERE region_id = ${regionId} AND id = ${imp.id}::uuid FOR UPDATE`);
      if (locked!.rows_done !== start) throw conflict(`Another run is importing this file (it is at row ${locked!.rows_done}, this one at ${start}); let it finish`);
      const valid = batch.flatMap((r) => (r.ok ? [r.value] : []));
      const rejected = batch.flatMap((r) => (r.ok ? [] : r.errors.map((e) => ({ row: r.line, ...e }))));
      const counts = valid.length ? await spec.apply(tx, valid, imp.id) : { accepted: 0, unchanged: 0 };
      if (rejected.length) {
        await tx.execute(sql`INSERT INTO indicator_import_rejections (region_id, import_id, row, "column", reason)
          SELECT ${regionId}, ${imp.id}::uuid, * FROM unnest(${sql.param(rejected.map((r) => r.row))}::int[], ${sql.param(rejected.map((r) => r.column))}::text[], ${sql.param(rejected.map((r) => r.reason))}::text[])
          ON CONFLICT DO NOTHING`);
      }
      await tx.execute(sql`UPDATE indicator_imports SET rows_done = ${start + batch.length}, accepted = accepted + ${counts.accepted}, unchanged = unchanged + ${counts.unchanged},
          rejected = rejected + ${batch.length - valid.length} WHERE region_id = ${regionId} AND id = ${imp.id}::uuid`);
    });
    file.onProgress?.(start + batch.length, rows.length);
  }
  return db.transaction(async (tx) => {
    await tx.execute(sql`UPDATE indicator_imports SET finished_at = now() WHERE region_id = ${regionId} AND id = ${imp.id}::uuid AND finished_at IS NULL`);
    const done = await summary(tx, (await findImport(tx, regionId, spec.kind, sha256))!, 'finished', resumedFrom);
    await record(tx, actor, { purpose: PURPOSE, ...spec.audit(done) });
    return done;
  });
}

/** The region's imports, newest first. */
export async function listImports(ctx: AppContext, actor: Actor) {
  const rows = await queryRows<ImportRow & { kind: ImportKind; started_at: string; imported_by: string }>(
    ctx.database.db,
    sql`SELECT id, kind, file_name, format, rows_total, rows_done, accepted, unchanged, rejected, imported_by, started_at::text, finished_at::text FROM indicator_imports WHERE region_id = ${actor.regionId} ORDER BY started_at DESC LIMIT 200`,
  );
  return rows.map((r) => ({ id: r.id, kind: r.kind, fileName: r.file_name, format: r.format, rowsTotal: r.rows_total, rowsDone: r.rows_done, accepted: r.accepted, unchanged: r.unchanged, rejected: r.rejected, importedBy: r.imported_by, startedAt: toIso(r.started_at), finishedAt: r.finished_at ? toIso(r.finished_at) : null }));
}

/** Reads a number as people write it in Swedish spreadsheets too: `1 234,5` or `1234.5`. */
export function readNumber(text: string): number | null {
  const s = text.replace(/[\s\u00a0]/g, '').replace(',', '.');
  if (!/^-?\d+(\.\d+)?$/.test(s)) return null;
  return Number(s);
}

/** ja/nej, yes/no, 1/0, true/false; null when none of them. */
export function readYesNo(text: string): boolean | null {
  const s = text.toLowerCase();
  if (['ja', 'yes', '1', 'true', 'j', 'y'].includes(s)) return true;
  if (['nej', 'no', '0', 'false', 'n'].includes(s)) return false;
  return null;
}
