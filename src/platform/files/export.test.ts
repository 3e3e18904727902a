import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { date, decimal, fileName, integer, L, percent, text, toCsv, toXlsx, type Table } from './export.js';
import { pdfText } from './pdf-text.js';
import { niceStep, renderReportPdf } from './report-pdf.js';

const table: Table = {
  title: L('Veckor', 'Weeks'),
  columns: [text('Vecka', 'Week'), integer('Tester', 'Tests'), decimal('Per 100 000', 'Per 100,000'), percent('Andel (%)', 'Share (%)'), date('Dag', 'Day')],
  rows: [
    ['2021-W49', 1234, 12.345, 0.25, '2021-12-06'],
    ['a;b', -5, 0.5, null, null],
    ['sa "hej"\nrad två', 0, null, 1 / 3, new Date('2021-12-07T00:00:00Z')],
    ['=1+2', 1, 1, 0, null],
    ['+46', 2, 2, 0, null],
    ['-3', 3, 3, 0, null],
    ['@SUM(A1)', 4, 4, 0, null],
  ],
  bold: (row) => row[0] === '=1+2',
};

describe('CSV', () => {
  const sv = toCsv(table);
  const lines = sv.slice(1).split('\r\n');
  it('is UTF-8 with a byte order mark and CRLF lines', () => {
    expect(sv.charCodeAt(0)).toBe(0xfeff);
    expect(Buffer.from(sv, 'utf8').subarray(0, 3)).toEqual(Buffer.from([0xef, 0xbb, 0xbf]));
    expect(sv.endsWith('\r\n')).toBe(true);
  });
  it('uses semicolons and the decimal comma by default, shares as percentages', () => {
    expect(lines[0]).toBe('Vecka;Tester;Per 100 000;Andel (%);Dag');
    expect(lines[1]).toBe('2021-W49;1234;12,3;25;2021-12-06');
  });
  it('uses commas and the decimal point when asked, with headers in English', () => {
    const en = toCsv(table, 'comma', 'en').slice(1).split('\r\n');
    expect(en[0]).toBe('Week,Tests,"Per 100,000",Share (%),Day');
    expect(en[1]).toBe('2021-W49,1234,12.3,25,2021-12-06');
    expect(en[2]).toBe('a;b,-5,0.5,,');
  });
  it('quotes the separator, quotes and line breaks, doubling quotes', () => {
    expect(lines[2]).toBe('"a;b";-5;0,5;;');
    expect(sv).toContain('"sa ""hej""\nrad två";0;;33,3;2021-12-07');
  });
  it('neutralises text a spreadsheet would run as a formula, but not numbers', () => {
    expect(lines[4]).toBe("'=1+2;1;1;0;");
    expect(lines[5]).toBe("'+46;2;2;0;");
    expect(lines[6]).toBe("'-3;3;3;0;");
    expect(lines[7]).toBe("'@SUM(A1);4;4;0;");
    expect(lines[2]).toContain(';-5;'); // a negative number stays a number
  });
});

describe('XLSX', () => {
  it('reads back with typed cells and a bold, frozen, filterable header', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx([table, { ...table, title: L('Veckor') }])) as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Veckor', 'Veckor 2']);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).values).toEqual([undefined, 'Vecka', 'Tester', 'Per 100 000', 'Andel (%)', 'Dag']);
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(sheet.autoFilter).toBeTruthy();
    const row = sheet.getRow(2);
    expect(row.getCell(2).value).toBe(1234);
    expect(row.getCell(3).value).toBe(12.345);
    expect(row.getCell(4).value).toBe(0.25);
    expect(row.getCell(4).numFmt).toBe('0.0%');
    expect(row.getCell(5).value).toEqual(new Date('2021-12-06T00:00:00Z'));
    expect(row.getCell(5).numFmt).toBe('yyyy-mm-dd');
    expect(sheet.getRow(5).getCell(1).value).toBe('=1+2'); // a string cell, never a formula
    expect(sheet.getRow(5).font?.bold).toBe(true);
    expect(sheet.getRow(3).getCell(4).value).toBeNull();
  });
  it('names sheets as Excel allows', async () => {
    const book = new ExcelJS.Workbook();
    await book.xlsx.load((await toXlsx([{ ...table, title: L('Vecka: 49/50 [test] med ett mycket långt namn') }])) as unknown as ArrayBuffer);
    expect(book.worksheets[0]!.name).toBe('Vecka  49 50  test  med ett myc');
  });
});

describe('file names', () => {
  it('carry the filters, in ASCII', () => {
    expect(fileName('veckorapport', ['2021-W49', undefined, '2021-W52'], 'csv')).toBe('veckorapport_2021-W49_2021-W52.csv');
    expect(fileName('sammanställning', ['Vår runda 1/2', null], 'pdf')).toBe('sammanstallning_Var-runda-1-2.pdf');
  });
});

describe('PDF report', () => {
  it('has the title, period, time made, charts and tables, in the reader\'s language', async () => {
    const spec = {
      title: L('Testrapport', 'Test report'),
      period: '2021-W49 – 2021-W52',
      madeAt: new Date('2021-12-30T10:05:00Z'),
      blocks: [
        { kind: 'chart' as const, chart: { kind: 'bar' as const, stacked: true, title: L('Tester per vecka', 'Tests per week'), categories: ['2021-W49', '2021-W50'], series: [{ name: L('PCR'), values: [10, 20] }, { name: L('Antigen'), values: [3, null] }] } },
        { kind: 'chart' as const, chart: { kind: 'line' as const, unit: ' %', title: L('Andel', 'Share'), categories: ['2021-W49', '2021-W50'], series: [{ name: L('PCR'), values: [10.5, null] }] } },
        { kind: 'table' as const, table: { ...table, rows: Array.from({ length: 80 }, () => table.rows[0]!) } },
      ],
    };
    const sv = await renderReportPdf(spec, 'sv');
    expect(sv.subarray(0, 5).toString()).toBe('%PDF-');
    const read = pdfText(sv);
    expect(read.pages).toBeGreaterThan(1);
    expect(read.lines).toEqual(expect.arrayContaining(['Testrapport', 'Period: 2021-W49 – 2021-W52', 'Skapad: 2021-12-30 11:05', 'Tester per vecka', 'PCR', 'Antigen', '20', '10 %', 'Veckor', 'Vecka', '12,3', '1234']));
    expect(read.lines).toContain(`Testrapport · 2021-W49 – 2021-W52 · Sida 1 av ${read.pages}`);
    const en = pdfText(await renderReportPdf(spec, 'en'));
    expect(en.lines).toEqual(expect.arrayContaining(['Test report', 'Made: 2021-12-30 11:05', 'Tests per week', 'Weeks', 'Week', '12.3']));
  });
  it('picks round tick steps', () => {
    expect([0, 4, 5, 9, 10, 11, 99, 100, 101, 2400].map(niceStep)).toEqual([1, 1, 1, 2, 2, 5, 20, 20, 50, 500]);
  });
});
