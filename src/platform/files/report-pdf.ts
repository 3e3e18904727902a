import { cellText, type Bilingual, type Language, type Table } from './export.js';
import { renderPdf } from './pdf.js';

/**
 * The one builder of report PDFs: a heading with the period and the time the file was made, then charts
 * (drawn as vectors with pdfkit, no browser) and the report's tables, in the reader's language.
 */

export interface ChartSeries {
  name: Bilingual;
  /** One value per category; null where there is none (a gap in a line, no bar). */
  values: (number | null)[];
}

export interface Chart {
  kind: 'bar' | 'line';
  title: Bilingual;
  categories: string[];
  series: ChartSeries[];
  /** Bars of a category stacked (sums) rather than side by side. */
  stacked?: boolean;
  /** Appended to the axis labels, e.g. ' %'. */
  unit?: string;
}

export type Block = { kind: 'text'; text: Bilingual } | { kind: 'chart'; chart: Chart } | { kind: 'table'; table: Table };

export interface ReportSpec {
  title: Bilingual;
  /** The period as the reader sees it, e.g. '2021-W49 – 2021-W52'. */
  period: string;
  /** Whose figures: a region's name, or the whole country. */
  scope?: string;
  madeAt: Date;
  blocks: Block[];
}

const LABELS = {
  period: L2('Period', 'Period'),
  made: L2('Skapad', 'Made'),
  page: L2('Sida', 'Page'),
  of: L2('av', 'of'),
  noRows: L2('Inga rader för perioden.', 'No rows for the period.'),
};
function L2(sv: string, en: string): Bilingual {
  return { sv, en };
}

const PALETTE = ['#1c7ed6', '#0ca678', '#ae3ec9', '#f76707', '#e03131', '#5c940d', '#1098ad', '#862e9c'];
const MARGIN = 50;

/** The made-at time in Swedish time, as 'YYYY-MM-DD HH:MM'. */
export const swedishTime = (d: Date) => new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm', year: 'numeric', month: '2-digit', day: '2-digit', hour: '2-digit', minute: '2-digit' }).format(d);

/** Tick step of a value axis: 1, 2 or 5 times a power of ten, about five ticks up to `max`. */
export function niceStep(max: number): number {
  if (!(max > 0)) return 1;
  const raw = max / 5;
  const power = 10 ** Math.floor(Math.log10(raw));
  const m = raw / power;
  return (m <= 1 ? 1 : m <= 2 ? 2 : m <= 5 ? 5 : 10) * power;
}

const numberText = (n: number, lang: Language) => (Number.isInteger(n) ? String(n) : String(Math.round(n * 10) / 10)).replace('.', lang === 'sv' ? ',' : '.');

export function renderReportPdf(spec: ReportSpec, lang: Language): Promise<Buffer> {
  return renderPdf(
    { Title: spec.title[lang], Author: 'Lägesbild' },
    (doc) => {
      doc.addPage({ size: 'A4', layout: 'landscape', margin: MARGIN });
      doc.font('Helvetica-Bold').fontSize(18).fillColor('black').text(spec.title[lang]);
      doc.font('Helvetica').fontSize(10);
      doc.text(`${LABELS.period[lang]}: ${spec.period}`);
      if (spec.scope) doc.text(spec.scope);
      doc.text(`${LABELS.made[lang]}: ${swedishTime(spec.madeAt)}`);
      doc.moveDown();
      for (const block of spec.blocks) {
        if (block.kind === 'text') doc.font('Helvetica').fontSize(10).text(block.text[lang]).moveDown(0.5);
        else if (block.kind === 'chart') drawChart(doc, block.chart, lang);
        else drawTable(doc, block.table, lang);
      }
      const range = doc.bufferedPageRange();
      for (let i = range.start; i < range.start + range.count; i++) {
        doc.switchToPage(i);
        const bottom = doc.page.height - 30;
        doc.page.margins.bottom = 0;
        doc.font('Helvetica').fontSize(8).fillColor('#555555').text(`${spec.title[lang]} · ${spec.period} · ${LABELS.page[lang]} ${i + 1} ${LABELS.of[lang]} ${range.count}`, MARGIN, bottom, { lineBreak: false });
      }
    },
    MARGIN,
    true,
  );
}

const usableWidth = (doc: PDFKit.PDFDocument) => doc.page.width - doc.page.margins.left - doc.page.margins.right;
const bottomLimit = (doc: PDFKit.PDFDocument) => doc.page.height - doc.page.margins.bottom - 20;

function ensureRoom(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > bottomLimit(doc)) doc.addPage({ size: 'A4', layout: 'landscape', margin: MARGIN });
}

function drawChart(doc: PDFKit.PDFDocument, chart: Chart, lang: Language) {
  const height = 200;
  ensureRoom(doc, height + 60);
  const left = doc.page.margins.left;
  doc.font('Helvetica-Bold').fontSize(12).fillColor('black').text(chart.title[lang], left, doc.y);
  const top = doc.y + 8;
  const axisLeft = left + 45;
  const width = Math.min(usableWidth(doc) - 45, 640);
  const n = Math.max(chart.categories.length, 1);
  const totals = chart.categories.map((_, i) =>
    chart.stacked ? chart.series.reduce((s, x) => s + (x.values[i] ?? 0), 0) : Math.max(0, ...chart.series.map((x) => x.values[i] ?? 0)),
  );
  const step = niceStep(Math.max(0, ...totals));
  const max = Math.max(step, Math.ceil(Math.max(0, ...totals) / step) * step);
  const y = (v: number) => top + height - (v / max) * height;

  // Axes and ticks.
  doc.font('Helvetica').fontSize(7).fillColor('#333333');
  for (let v = 0; v <= max + step / 2; v += step) {
    doc.moveTo(axisLeft, y(v)).lineTo(axisLeft + width, y(v)).lineWidth(0.3).strokeColor('#dddddd').stroke();
    doc.text(`${numberText(v, lang)}${chart.unit ?? ''}`, left, y(v) - 3, { width: 40, align: 'right', lineBreak: false });
  }
  doc.moveTo(axisLeft, top).lineTo(axisLeft, top + height).lineTo(axisLeft + width, top + height).lineWidth(0.8).strokeColor('#333333').stroke();
  const slot = width / n;
  const labelEvery = Math.ceil(n / 16);
  chart.categories.forEach((c, i) => {
    if (i % labelEvery === 0) doc.fillColor('#333333').text(c, axisLeft + i * slot, top + height + 4, { width: slot * labelEvery, align: 'center', lineBreak: false });
  });

  if (chart.kind === 'bar') {
    const groupWidth = slot * 0.7;
    chart.categories.forEach((_, i) => {
      let base = 0;
      chart.series.forEach((s, k) => {
        const v = s.values[i];
        if (v === null || v === undefined || v <= 0) return;
        const x0 = axisLeft + i * slot + (slot - groupWidth) / 2;
        if (chart.stacked) {
          doc.rect(x0, y(base + v), groupWidth, y(base) - y(base + v)).fill(PALETTE[k % PALETTE.length]!);
          base += v;
        } else {
          const w = groupWidth / chart.series.length;
          doc.rect(x0 + k * w, y(v), w, y(0) - y(v)).fill(PALETTE[k % PALETTE.length]!);
        }
      });
    });
  } else {
    chart.series.forEach((s, k) => {
      const color = PALETTE[k % PALETTE.length]!;
      let drawing = false;
      s.values.forEach((v, i) => {
        const x = axisLeft + i * slot + slot / 2;
        if (v === null || v === undefined) return void (drawing = false);
        if (drawing) doc.lineTo(x, y(v));
        else doc.moveTo(x, y(v));
        drawing = true;
      });
      doc.lineWidth(1.5).strokeColor(color).stroke();
      s.values.forEach((v, i) => {
        if (v !== null && v !== undefined) doc.circle(axisLeft + i * slot + slot / 2, y(v), 1.8).fill(color);
      });
    });
  }

  // Legend.
  let lx = axisLeft;
  const ly = top + height + 18;
  doc.fontSize(8);
  chart.series.forEach((s, k) => {
    doc.rect(lx, ly, 8, 8).fill(PALETTE[k % PALETTE.length]!);
    doc.fillColor('black').text(s.name[lang], lx + 11, ly, { lineBreak: false });
    lx += 11 + doc.widthOfString(s.name[lang]) + 14;
  });
  doc.x = left;
  doc.y = ly + 22;
}

function drawTable(doc: PDFKit.PDFDocument, table: Table, lang: Language) {
  const left = doc.page.margins.left;
  const width = usableWidth(doc);
  const size = table.columns.length > 10 ? 6.5 : 8;
  ensureRoom(doc, 60);
  doc.font('Helvetica-Bold').fontSize(12).fillColor('black').text(table.title[lang], left, doc.y).moveDown(0.3);
  if (table.rows.length === 0) {
    doc.font('Helvetica').fontSize(9).text(LABELS.noRows[lang]).moveDown();
    return;
  }
  const texts = table.rows.map((r) => table.columns.map((c, i) => cellText(r[i] ?? null, c, lang === 'sv' ? ',' : '.')));
  doc.fontSize(size);
  // Column widths in proportion to their longest text (header words may wrap), filling the page width.
  const natural = table.columns.map((c, i) => {
    doc.font('Helvetica-Bold');
    const head = Math.max(...c.header[lang].split(' ').map((w) => doc.widthOfString(w)));
    doc.font('Helvetica');
    return Math.max(head, ...texts.slice(0, 300).map((t) => doc.widthOfString(t[i]!))) + 8;
  });
  const sum = natural.reduce((a, b) => a + b, 0);
  const widths = natural.map((w) => (w / sum) * width);
  const xs = widths.map((_, i) => left + widths.slice(0, i).reduce((a, b) => a + b, 0));
  const align = (i: number) => (table.columns[i]!.type === 'text' || table.columns[i]!.type === 'date' ? 'left' : 'right');

  const header = () => {
    doc.font('Helvetica-Bold').fontSize(size).fillColor('black');
    const h = Math.max(...table.columns.map((c, i) => doc.heightOfString(c.header[lang], { width: widths[i]! - 4 })));
    const top = doc.y;
    doc.rect(left, top, width, h + 4).fill('#e7eef6');
    table.columns.forEach((c, i) => doc.fillColor('black').text(c.header[lang], xs[i]! + 2, top + 2, { width: widths[i]! - 4, align: align(i) }));
    doc.y = top + h + 4;
  };
  header();
  texts.forEach((t, r) => {
    doc.font(table.bold?.(table.rows[r]!) ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    const h = Math.max(...t.map((s, i) => doc.heightOfString(s || ' ', { width: widths[i]! - 4 }))) + 3;
    if (doc.y + h > bottomLimit(doc)) {
      doc.addPage({ size: 'A4', layout: 'landscape', margin: MARGIN });
      header();
      doc.font(table.bold?.(table.rows[r]!) ? 'Helvetica-Bold' : 'Helvetica').fontSize(size);
    }
    const top = doc.y;
    if (r % 2 === 1) doc.rect(left, top, width, h).fill('#f6f8fa');
    t.forEach((s, i) => doc.fillColor('black').text(s, xs[i]! + 2, top + 1.5, { width: widths[i]! - 4, align: align(i) }));
    doc.y = top + h;
  });
  doc.x = left;
  doc.moveDown();
}
