import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { AppError, invalid } from '../platform/errors.js';
import { L, text, toCsv, toXlsx, type Cell, type Column, type CsvSeparator, type Table } from '../platform/files/export.js';
import { renderPdf } from '../platform/files/pdf.js';
import { compileReport, type CompiledReport } from './compile.js';
import { latestSubmissions } from './national.js';
import { getRound, roundView } from './rounds.js';
import { getTemplateVersion } from './templates.js';

/**
 * The national report of a round. The national analyst follows it while answers come in; everyone else who
 * takes part reads it once it is published (before that, a region sees only its own return).
 */
export async function roundReport(ctx: AppContext, actor: Actor, roundId: string) {
  const db = ctx.database.db;
  const round = await getRound(db, roundId);
  if (actor.role !== 'national_analyst' && !round.publishedAt) throw new AppError('not-found', 'id: the report of this round is not published yet', 'id');
  const template = await getTemplateVersion(db, round.templateVersionId);
  const submissions = await latestSubmissions(db, roundId);
  const compiled = compileReport(
    template.content,
    round.organisations,
    submissions.map((s) => ({ organisation: s.document.organisation, receivedAt: s.receivedAt, answers: s.document.answers, initiatives: s.document.initiatives })),
  );
  return { round: roundView(ctx, round), templateName: template.content.intro ?? null, ...compiled };
}

export type RoundReport = Awaited<ReturnType<typeof roundReport>>;

/**
 * A table of the report in the export module's terms: a column is a number column when every value in it is a
 * number (a whole number column when all are whole), else text. Titles and headers are the template's own.
 */
export function reportTable(t: CompiledReport['tables'][number]): Table {
  const columns = t.header.map((h, i): Column => {
    const values = t.rows.map((r) => r[i]).filter((v) => v !== null && v !== undefined);
    const numbers = values.length > 0 && values.every((v) => typeof v === 'number');
    return { header: L(h), type: !numbers ? 'text' : values.every((v) => Number.isInteger(v)) ? 'integer' : 'decimal', decimals: 2 };
  });
  return { title: L(t.title), columns, rows: t.rows as Cell[][], bold: (row) => row[0] === 'Totalt' };
}

export function reportCsv(report: CompiledReport, tableId: string, separator: CsvSeparator): string {
  const table = report.tables.find((t) => t.id === tableId);
  if (!table) throw invalid('table', `no such table; one of ${report.tables.map((t) => t.id).join(', ')}`);
  return toCsv(reportTable(table), separator);
}

/** The summary and every table of the report as the sheets of one workbook. */
export function reportXlsx(report: RoundReport): Promise<Buffer> {
  const summary: Table = { title: L('Sammanfattning'), columns: [text('Fråga'), text('Sammanfattning')], rows: report.trafficLights.map((t) => [t.label, t.sentence]) };
  return toXlsx([summary, ...report.tables.map(reportTable)]);
}

/** The report for print: summary, tables, free text by question, and a page per organisation. */
export function reportPdf(report: RoundReport): Promise<Buffer> {
  return renderPdf({ Title: `Sammanställning: ${report.round.name}`, Author: 'Lägesbild' }, (doc) => draw(doc, report), 50);
}

function draw(doc: PDFKit.PDFDocument, report: RoundReport) {
  doc.addPage();
  const h = (t: string, size = 14) => doc.moveDown(0.5).font('Helvetica-Bold').fontSize(size).text(t).font('Helvetica').fontSize(10);
  h(`Sammanställning: ${report.round.name}`, 18);
  doc.text(`Period ${report.round.periodFrom} – ${report.round.periodTo}. ${report.submitted} av ${report.expected} har lämnat in.${report.round.publishedAt ? ` Publicerad ${report.round.publishedAt.slice(0, 10)}.` : ' Ej publicerad.'}`);
  for (const t of report.trafficLights) {
    h(t.label, 12);
    doc.text(`${t.sentence}.`);
    for (const r of t.reasons) doc.text(`${r.name} (${r.light === 'yellow' ? 'gul' : 'röd'}): ${r.motivation}`, { indent: 12 });
  }
  for (const t of report.tables) {
    h(t.title, 12);
    doc.text(t.header.join(' | '));
    for (const r of t.rows) doc.text(r.map((c) => (c === null ? '–' : String(c))).join(' | '));
  }
  for (const f of report.freeText) {
    h(f.label, 12);
    for (const a of f.answers) doc.font('Helvetica-Bold').text(a.name).font('Helvetica').text(a.text, { indent: 12 });
  }
  for (const p of report.pages) {
    doc.addPage();
    h(p.name, 16);
    doc.text(`Mottagen ${p.receivedAt.slice(0, 16).replace('T', ' ')} (UTC)`);
    for (const s of p.sections) {
      h(s.title, 12);
      for (const a of s.answers) doc.font('Helvetica-Bold').text(a.label).font('Helvetica').text(a.text, { indent: 12 });
    }
    if (p.initiatives.length) {
      h('Insatser', 12);
      for (const i of p.initiatives) doc.text(`${i.title} (${i.developmentArea}, ${i.status})`, { indent: 12 });
    }
  }
}
