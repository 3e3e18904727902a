import ExcelJS from 'exceljs';
import { readFile } from 'node:fs/promises';
import type { Download, Locator } from 'playwright-core';
import { expect, it } from 'vitest';
import { pdfText } from '../../src/platform/files/pdf-text.js';
import { describeInBrowser } from './browser.js';
import { demoStaff, expectNoProblems, useE2e, visible, type User } from './session.js';

/**
 * Downloads (issue 18, section 3): an analyst downloads the tracing statistics as XLSX from the page's download
 * menu, and the file holds the figure the page shows; then the weekly test report as a PDF with its period.
 */
describeInBrowser('exports: an analyst downloads tables and reports (chromium)', () => {
  const e2e = useE2e();

  const download = async ({ page }: User, main: Locator, item: string): Promise<{ download: Download; bytes: Buffer }> => {
    await main.getByRole('button', { name: 'Ladda ner' }).click();
    const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('menuitem', { name: item }).click()]);
    const path = await file.path();
    return { download: file, bytes: await readFile(path) };
  };

  it('downloads the tracing statistics as XLSX with the figures the page shows, and the weekly report as PDF', async () => {
    const user = await e2e.newUser();
    await e2e.login(user, demoStaff('Analytiker', 'Sofia Engström'));
    const { page } = user;
    const main = page.getByRole('main');

    await page.goto(`${e2e.url}/tracing/statistics`);
    await visible(main.getByRole('heading', { level: 1, name: 'Statistik för smittspårningen' }));
    const table = main.getByRole('table', { name: 'Smittspårning per vecka' });
    const firstRow = table.getByRole('row').nth(1);
    await visible(firstRow);
    const week = (await firstRow.getByRole('rowheader').innerText()).trim();
    const cases = Number((await firstRow.getByRole('cell').first().innerText()).replace(/\s/g, ''));
    const xlsx = await download(user, main, 'Excel (XLSX)');
    expect(xlsx.download.suggestedFilename()).toMatch(/^smittsparning_\d{4}-\d{2}-\d{2}_\d{4}-\d{2}-\d{2}\.xlsx$/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.bytes as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(1).value).toBe('Vecka');
    expect(sheet.getRow(1).getCell(2).value).toBe('Fall');
    const rows = (sheet.getSheetValues() as unknown[][]).filter(Boolean);
    const row = rows.find((r) => r[1] === week);
    expect(row, `week ${week} in the workbook`).toBeDefined();
    expect(row![2]).toBe(cases);

    await page.goto(`${e2e.url}/testing/statistics/weekly`);
    await visible(main.getByRole('heading', { level: 1, name: 'Veckorapport till Folkhälsomyndigheten' }));
    await visible(main.getByRole('table').first());
    const from = await main.getByLabel('Från och med vecka').inputValue();
    const to = await main.getByLabel('Till och med vecka').inputValue();
    const pdf = await download(user, main, 'PDF-rapport');
    expect(pdf.download.suggestedFilename()).toBe(`veckorapport_${from}_${to}.pdf`);
    expect(pdf.bytes.subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(pdfText(pdf.bytes).lines).toContain(`Period: ${from} – ${to}`);
    await expectNoProblems(user);
  });
});
