/**
 * Lab results as CSV (documented in src/testing/README.md, "Import"):
 *
 *   kit_id;test_type;result;result_time;method
 *
 * A referral's answer names it by `referral_id` (the id on the referral's label) instead of, or beside, `kit_id`.
 *
 * `;` or `,` (whichever the header uses), UTF-8 with or without BOM, header required, columns in any order,
 * `method` optional. Fields may be quoted ("…", "" for a quote) but not span lines: a row is a line, and
 * the line number is what the report and the rejections name (the header is line 1).
 */
import { invalid } from '../../platform/errors.js';
import { decodeText, separatorOf, splitCsvLine } from '../../platform/files/csv.js';
import { readKitCode, readMethod, readResult, readResultTime, readTestType, toRow, type FieldNames, type ParsedRow } from './rows.js';

export const CSV_COLUMNS = ['kit_id', 'referral_id', 'test_type', 'result', 'result_time', 'method'] as const;
const REQUIRED = ['test_type', 'result', 'result_time'] as const;
/** The columns as the file names them: every rejection and the report use these names. */
export const CSV_FIELD_NAMES: FieldNames = { kitCode: 'kit_id', testType: 'test_type', result: 'result', resultAt: 'result_time', method: 'method' };

/** Parses the whole file; throws (400) only for what makes the file unreadable as a whole: no header, unknown or missing columns. */
export function parseResultsCsv(content: Buffer | string, now: Date): ParsedRow[] {
  const lines = decodeText(content).split(/\r?\n/);
  const headerLine = lines[0]?.trim() ?? '';
  if (!headerLine) throw invalid('content', `the file is empty; the first line must be the header ${CSV_COLUMNS.join(';')}`);
  const sep = separatorOf(headerLine);
  const header = (splitCsvLine(headerLine, sep) ?? []).map((h) => h.trim().toLowerCase());
  const unknown = header.filter((h) => !(CSV_COLUMNS as readonly string[]).includes(h));
  const missing: string[] = REQUIRED.filter((c) => !header.includes(c));
  if (!header.includes('kit_id') && !header.includes('referral_id')) missing.unshift('kit_id (or referral_id)');
  if (missing.length > 0 || unknown.length > 0) {
    throw invalid(
      'content',
      `the first line must be the header kit_id;test_type;result;result_time;method (method is optional; referral_id instead of or beside kit_id)` +
        (missing.length ? `; missing: ${missing.join(', ')}` : '') +
        (unknown.length ? `; unknown columns: ${unknown.join(', ')}` : ''),
    );
  }
  const col = Object.fromEntries(CSV_COLUMNS.map((c) => [c, header.indexOf(c)])) as Record<(typeof CSV_COLUMNS)[number], number>;
  const rows: ParsedRow[] = [];
  for (let i = 1; i < lines.length; i++) {
    const text = lines[i]!;
    if (!text.trim()) continue;
    const line = i + 1;
    const cells = splitCsvLine(text, sep);
    if (!cells) {
      rows.push({ line, ok: false, field: 'line', reason: 'a quoted field is not closed (fields cannot span lines)' });
      continue;
    }
    if (cells.length > header.length) {
      rows.push({ line, ok: false, field: 'line', reason: `${cells.length} fields, the header has ${header.length}` });
      continue;
    }
    const cell = (c: number) => (c < 0 ? undefined : cells[c]);
    // A row names its sample by the referral id when it has one, else by the kit id; the report names the column used.
    const byReferral = !!cell(col.referral_id)?.trim() || col.kit_id < 0;
    rows.push(
      toRow(line, byReferral ? { ...CSV_FIELD_NAMES, kitCode: 'referral_id' } : CSV_FIELD_NAMES, {
        kitCode: readKitCode(cell(byReferral ? col.referral_id : col.kit_id)),
        testType: readTestType(cell(col.test_type)),
        result: readResult(cell(col.result)),
        resultAt: readResultTime(cell(col.result_time), now),
        method: readMethod(cell(col.method)),
      }),
    );
  }
  return rows;
}
