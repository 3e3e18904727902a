import ExcelJS from 'exceljs';

/**
 * Every table an analyst reads leaves through here: CSV for Excel (UTF-8 with BOM; `;` and the decimal comma of
 * Swedish Excel, or `,` and the decimal point) and XLSX (typed cells, a bold frozen filterable header). The
 * same table definition feeds the PDF reports (report-pdf.ts), so a column means one thing in every format.
 */

export type Language = 'sv' | 'en';
export const languages = ['sv', 'en'] as const;
/** A text in both languages; Swedish first. */
export type Bilingual = { sv: string; en: string };
export const L = (sv: string, en: string = sv): Bilingual => ({ sv, en });

/**
 * What a column holds. `percent` cells are shares 0–1: XLSX keeps the share (formatted as %), CSV and PDF
 * write the percentage; `date` cells are 'YYYY-MM-DD' strings or Dates and become real dates in XLSX.
 */
export type ColumnType = 'text' | 'integer' | 'decimal' | 'percent' | 'date';
export type Cell = string | number | Date | null;

export interface Column {
  header: Bilingual;
  type: ColumnType;
  /** Decimals written for `decimal` and `percent` (default 1). */
  decimals?: number;
}

export interface Table {
  /** The XLSX sheet name and the PDF table's caption (a sheet name is cut to 31 characters). */
  title: Bilingual;
  columns: Column[];
  rows: Cell[][];
  /** Rows drawn bold (totals). */
  bold?: (row: Cell[]) => boolean;
}

export const text = (sv: string, en?: string): Column => ({ header: L(sv, en), type: 'text' });
export const integer = (sv: string, en?: string): Column => ({ header: L(sv, en), type: 'integer' });
export const decimal = (sv: string, en?: string, decimals = 1): Column => ({ header: L(sv, en), type: 'decimal', decimals });
export const percent = (sv: string, en?: string, decimals = 1): Column => ({ header: L(sv, en), type: 'percent', decimals });
export const date = (sv: string, en?: string): Column => ({ header: L(sv, en), type: 'date' });

export type CsvSeparator = 'semicolon' | 'comma';
export const csvSeparators = ['semicolon', 'comma'] as const;

const BOM = '\uFEFF';
/** A text a spreadsheet would run as a formula (or DDE) when it starts with one of these: prefixed with '. */
const FORMULA_START = /^[=+\-@\t\r]/;

const round = (n: number, decimals: number) => Math.round(n * 10 ** decimals) / 10 ** decimals;

/** A cell as the text of a file or a PDF table: numbers rounded to the column's decimals, shares as percentages. */
export function cellText(value: Cell, column: Column, decimalMark: '.' | ','): string {
  if (value === null) return '';
  if (value instanceof Date) return value.toISOString().slice(0, 10);
  if (typeof value === 'number') {
    if (!Number.isFinite(value)) return '';
    const n = column.type === 'percent' ? round(value * 100, column.decimals ?? 1) : column.type === 'decimal' ? round(value, column.decimals ?? 1) : value;
    return decimalMark === ',' ? String(n).replace('.', ',') : String(n);
  }
  return value;
}

/** One table as CSV: header and rows, CRLF, fields quoted when they hold the separator, a quote or a line break. */
export function toCsv(table: Pick<Table, 'columns' | 'rows'>, separator: CsvSeparator = 'semicolon', language: Language = 'sv'): string {
  const sep = separator === 'semicolon' ? ';' : ',';
  const mark = separator === 'semicolon' ? ',' : '.';
  const field = (s: string, guard: boolean) => {
    const safe = guard && FORMULA_START.test(s) ? `'${s}` : s;
    return safe.includes(sep) || /["\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
  };
  const header = table.columns.map((c) => field(c.header[language], true)).join(sep);
  const rows = table.rows.map((r) => table.columns.map((c, i) => field(cellText(r[i] ?? null, c, mark), typeof r[i] === 'string')).join(sep));
  return BOM + [header, ...rows].join('\r\n') + '\r\n';
}

const NUM_FMT: Record<ColumnType, (c: Column) => string | undefined> = {
  text: () => undefined,
  integer: () => '#,##0',
  decimal: (c) => ((c.decimals ?? 1) === 0 ? '#,##0' : `#,##0.${'0'.repeat(c.decimals ?? 1)}`),
  percent: (c) => ((c.decimals ?? 1) === 0 ? '0%' : `0.${'0'.repeat(c.decimals ?? 1)}%`),
  date: () => 'yyyy-mm-dd',
};

/** A sheet name Excel accepts: at most 31 characters, none of : \ / ? * [ ], unique in the book. */
function sheetName(title: string, used: Set<string>): string {
  const base = title.replace(/[:\\/?*[\]]/g, ' ').trim().slice(0, 31) || 'Blad';
  let name = base;
  for (let i = 2; used.has(name.toLowerCase()); i++) name = `${base.slice(0, 27)} ${i}`;
  used.add(name.toLowerCase());
  return name;
}

/** An XLSX cell value: numbers stay numbers, dates become dates (midnight UTC, which Excel shows as that day). */
function xlsxValue(value: Cell, column: Column): ExcelJS.CellValue {
  if (value === null) return null;
  if (column.type === 'date' && typeof value === 'string' && /^\d{4}-\d{2}-\d{2}$/.test(value)) return new Date(`${value}T00:00:00Z`);
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}

/** Tables as the sheets of one workbook: a bold, frozen, filterable header row and typed cells. */
export async function toXlsx(tables: Table[], language: Language = 'sv'): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Lägesbild';
  book.created = new Date();
  const used = new Set<string>();
  for (const table of tables) {
    const sheet = book.addWorksheet(sheetName(table.title[language], used), { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.columns = table.columns.map((c, i) => {
      const longest = Math.max(c.header[language].length, ...table.rows.slice(0, 200).map((r) => cellText(r[i] ?? null, c, '.').length));
      const numFmt = NUM_FMT[c.type](c);
      return { header: c.header[language], key: `c${i}`, width: Math.min(60, Math.max(10, longest + 2)), ...(numFmt ? { style: { numFmt } } : {}) };
    });
    const head = sheet.getRow(1);
    head.font = { bold: true };
    head.alignment = { vertical: 'middle', wrapText: true };
    for (const row of table.rows) {
      const added = sheet.addRow(table.columns.map((c, i) => xlsxValue(row[i] ?? null, c)));
      if (table.bold?.(row)) added.font = { bold: true };
    }
    if (table.columns.length > 0) sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: table.columns.length } };
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/**
 * A download's file name: the report's name and its filters, in the order given, e.g.
 * `veckorapport_2021-W49_2021-W52.xlsx`; characters outside [A-Za-z0-9.-] become '-' (å→a, ä→a, ö→o first).
 */
export function fileName(base: string, filters: (string | number | undefined | null)[], extension: string): string {
  const clean = (s: string) =>
    s
      .normalize('NFD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9.-]+/g, '-')
      .replace(/^-+|-+$/g, '');
  return `${[base, ...filters.filter((f): f is string | number => f !== undefined && f !== null && f !== '').map(String)].map(clean).filter(Boolean).join('_')}.${extension}`;
}

export const CONTENT_TYPES = {
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

export const attachment = (name: string) => `attachment; filename="${name}"`;
