import ExcelJS from 'exceljs';
import type { SheetTable } from './csv.js';

/** A cell as the text a person typed: dates as YYYY-MM-DD, formulas as their result, rich text joined. */
function cellText(v: ExcelJS.CellValue): string {
  if (v === null || v === undefined) return '';
  if (v instanceof Date) return v.toISOString().slice(0, 10);
  if (typeof v === 'object') {
    if ('result' in v) return cellText(v.result as ExcelJS.CellValue);
    if ('richText' in v) return v.richText.map((r) => r.text).join('');
    if ('text' in v) return String(v.text);
    return '';
  }
  return String(v);
}

/** Reads the first worksheet as a table with the same shape as a CSV file: row numbers are the sheet's. */
export async function readXlsxTable(content: Buffer): Promise<SheetTable> {
  const book = new ExcelJS.Workbook();
  await book.xlsx.load(content as unknown as ArrayBuffer);
  const sheet = book.worksheets[0];
  if (!sheet) return { header: [], rows: [] };
  const header: string[] = [];
  sheet.getRow(1).eachCell({ includeEmpty: true }, (cell, col) => (header[col - 1] = cellText(cell.value).trim().toLowerCase()));
  const rows: SheetTable['rows'] = [];
  sheet.eachRow({ includeEmpty: false }, (row, line) => {
    if (line === 1) return;
    const cells = header.map((_, i) => cellText(row.getCell(i + 1).value));
    if (cells.some((c) => c.trim())) rows.push({ line, cells });
  });
  return { header, rows };
}
