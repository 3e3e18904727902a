import { renderPdf } from '../../platform/files/pdf.js';
import type { RegisterExtract } from './service.js';
import { extractTexts, type ExtractSection, type ExtractTexts } from './texts.js';

const INSTANT = /^\d{4}-\d\d-\d\dT\d\d:\d\d/;
/** Instants in Swedish time, to the minute, as the person's other letters show them. */
const localTime = (iso: string) => new Date(iso).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });

function shown(texts: ExtractTexts, value: unknown): string {
  if (value === null || value === undefined || value === '') return '–';
  if (Array.isArray(value)) return value.length === 0 ? '–' : value.map((v) => shown(texts, v)).join(', ');
  const s = String(value);
  if (INSTANT.test(s)) return localTime(s);
  return texts.values[s] ?? s;
}

const label = (texts: ExtractTexts, key: string) => (texts.fields as Record<string, string>)[key] ?? key;

/** The register extract as a PDF to read: one heading per section, each record as labelled lines. */
export function extractPdf(extract: RegisterExtract): Promise<Buffer> {
  const texts = extractTexts[extract.language];
  return renderPdf({ Title: texts.title, Author: extract.regionName }, (doc) => {
    doc.addPage();
    doc.font('Helvetica-Bold').fontSize(18).text(texts.title).font('Helvetica').fontSize(10).moveDown(0.3);
    doc.text(`${texts.region}: ${extract.regionName}. ${texts.madeAt}: ${localTime(extract.madeAt)}`).moveDown(0.3).text(texts.intro);
    const heading = (section: ExtractSection) => doc.moveDown(0.8).font('Helvetica-Bold').fontSize(13).text(texts.sections[section]).font('Helvetica').fontSize(10);
    const fields = (record: Record<string, unknown>, indent = 0) => {
      for (const [key, value] of Object.entries(record)) {
        if (Array.isArray(value) && value.some((v) => typeof v === 'object' && v !== null)) {
          doc.font('Helvetica-Bold').text(`${label(texts, key)}:`, { indent }).font('Helvetica');
          for (const item of value as Record<string, unknown>[]) fields(item, indent + 14);
        } else doc.text(`${label(texts, key)}: ${shown(texts, value)}`, { indent });
      }
      doc.moveDown(0.3);
    };
    heading('person');
    if (extract.data.person) fields(extract.data.person);
    else doc.text(texts.none);
    for (const section of Object.keys(texts.sections).filter((s) => s !== 'person') as Exclude<ExtractSection, 'person'>[]) {
      heading(section);
      const records = extract.data[section] as Record<string, unknown>[];
      if (records.length === 0) doc.text(texts.none);
      for (const r of records) fields(r);
    }
  });
}
