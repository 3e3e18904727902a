import ExcelJS from 'exceljs';
import PDFDocument from 'pdfkit';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { AppError, invalid } from '../platform/errors.js';
import { toCsv } from '../testing/statistics/common.js';
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

export function reportCsv(report: CompiledReport, tableId: string): string {
  const table = report.tables.find((t) => t.id === tableId);
  if (!table) throw invalid('table', `no such table; one of ${report.tables.map((t) => t.id).join(', ')}`);
  return toCsv(table.header, table.rows);
}

/** Every table of the report as a sheet of one workbook. */
export async function reportXlsx(report: RoundReport): Promise<Buffer> {
  const book = new ExcelJS.Workbook();
  book.creator = 'Lägesbild';
  const summary = book.addWorksheet('Sammanfattning');
  summary.columns = [{ header: 'Fråga', width: 50 }, { header: 'Sammanfattning', width: 60 }];
  summary.getRow(1).font = { bold: true };
  for (const t of report.trafficLights) summary.addRow([t.label, t.sentence]);
  const used = new Set<string>();
  for (const t of report.tables) {
    // Sheet names: at most 31 characters, unique, none of : \ / ? * [ ].
    let name = t.title.replace(/[:\\/?*[\]]/g, ' ').slice(0, 28);
    for (let i = 2; used.has(name); i++) name = `${name.slice(0, 26)} ${i}`;
    used.add(name);
    const sheet = book.addWorksheet(name, { views: [{ state: 'frozen', ySplit: 1 }] });
    sheet.addRow(t.header).font = { bold: true };
    for (const r of t.rows) sheet.addRow(r);
    sheet.getColumn(1).width = 36;
  }
  return Buffer.from(await book.xlsx.writeBuffer());
}

/** The report for print: summary, tables, free text by question, and a page per organisation. */
export function reportPdf(report: RoundReport): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: 50, info: { Title: `Sammanställning: ${report.round.name}`, Author: 'Lägesbild' } });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
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
  doc.end();
  return done;
}
