/**
 * Reading CSV files people export from spreadsheets: UTF-8 with or without BOM, `;` (Swedish Excel) or `,`,
 * fields quoted with "…" ("" for a quote) but not spanning lines, so a row is a line and the line number is
 * what a rejection names (the header is line 1).
 */

/** Splits one line on `sep`, honouring double quotes; null if a quote is left open. */
export function splitCsvLine(line: string, sep: string): string[] | null {
  if (!line.includes('"')) return line.split(sep);
  const out: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const c = line[i]!;
    if (quoted) {
      if (c === '"') {
        if (line[i + 1] === '"') {
          field += '"';
          i++;
        } else quoted = false;
      } else field += c;
    } else if (c === '"') quoted = true;
    else if (c === sep) {
      out.push(field);
      field = '';
    } else field += c;
  }
  if (quoted) return null;
  out.push(field);
  return out;
}

export function decodeText(content: Buffer | string): string {
  const text = typeof content === 'string' ? content : new TextDecoder('utf-8', { fatal: false }).decode(content);
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** The separator the header line uses: whichever of `;` and `,` it has more of. */
export const separatorOf = (headerLine: string) => ((headerLine.match(/;/g)?.length ?? 0) >= (headerLine.match(/,/g)?.length ?? 0) ? ';' : ',');

/** A table read from a file: lower-cased, trimmed header names, and each non-empty row with its line number. */
export interface SheetTable {
  header: string[];
  rows: { line: number; cells: string[] | null }[];
}

/** Reads a whole CSV file as a header and rows; a row whose quote is left open has `cells: null`. */
export function readCsvTable(content: Buffer | string): SheetTable {
  const lines = decodeText(content).split(/\r?\n/);
  const headerLine = lines[0]?.trim() ?? '';
  const sep = separatorOf(headerLine);
  const header = headerLine ? (splitCsvLine(headerLine, sep) ?? []).map((h) => h.trim().toLowerCase()) : [];
  const rows: SheetTable['rows'] = [];
  for (let i = 1; i < lines.length; i++) if (lines[i]!.trim()) rows.push({ line: i + 1, cells: splitCsvLine(lines[i]!, sep) });
  return { header, rows };
}
