import ExcelJS from 'exceljs';

/** Files for people who live in spreadsheets: CSV for Swedish Excel and simple XLSX workbooks. */

const BOM = '\uFEFF';

/** Semicolon-separated, CRLF, UTF-8 with BOM: what Excel with Swedish settings opens without a wizard. */
export function toCsv(header: string[], rows: (string | number | null)[][]): string {
  const field = (v: string | number | null) => {
    if (v === null) return '';
    const s = typeof v === 'number' ? swedishNumber(v) : v;
    return /[;"\r\n]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s;
  };
  return BOM + [header, ...rows].map((r) => r.map(field).join(';')).join('\r\n') + '\r\n';
}

/** 12.5 → '12,5' (decimal comma, no thousands separator so Excel reads it as a number). */
export const swedishNumber = (n: number) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 100) / 100).replace('.', ','));

/** One sheet with a bold, frozen, filterable header row, and columns wide enough for their header. */
export async function tableXlsx(sheetName: string, header: string[], rows: (string | number | null)[][]): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Lägesbild';
  book.created = new Date();
  const sheet = book.addWorksheet(sheetName, { views: [{ state: 'frozen', ySplit: 1 }] });
  sheet.columns = header.map((h, i) => ({ header: h, key: `c${i}`, width: Math.max(12, h.length + 2) }));
  sheet.getRow(1).font = { bold: true };
  for (const row of rows) sheet.addRow(row);
  sheet.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: header.length } };
  return Buffer.from(await book.xlsx.writeBuffer());
}
