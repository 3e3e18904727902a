import { renderPdf } from '../platform/files/pdf.js';
import type { meetingView } from './meetings.js';

type Meeting = Awaited<ReturnType<typeof meetingView>>;

/**
 * The notice (kallelse) and the agenda (föredragningslista) of a meeting as one PDF, shaped like the seed's
 * packet: time and place, then every item with its diarienummer, rapporteur, proposal and supporting documents,
 * and the delegated decisions reported to the meeting.
 */
export function renderNoticeAndAgenda(m: Meeting, regionName: string): Promise<Buffer> {
  return renderPdf({ Title: `Kallelse och föredragningslista ${m.body} ${m.heldOn}`, Author: regionName }, (doc) => draw(doc, m, regionName));
}

function draw(doc: PDFKit.PDFDocument, m: Meeting, regionName: string) {
  doc.addPage();
  doc.font('Helvetica-Bold').fontSize(16).text(regionName);
  doc.moveDown();
  doc.fontSize(14).text(`Kallelse – ${m.body}`);
  doc.font('Helvetica').fontSize(11);
  doc.text(`Tid: ${m.heldOn} kl. ${m.startsAt}`);
  doc.text(`Plats: ${m.place}`);
  doc.text(`Ordförande: ${m.chair}`);
  doc.moveDown();
  doc.font('Helvetica-Bold').fontSize(14).text('Föredragningslista');
  for (const item of m.items) {
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(12).text(`${item.position}. ${item.title}`);
    doc.font('Helvetica').fontSize(10);
    if (item.caseNumber) doc.text(`Diarienummer: ${item.caseNumber}`);
    if (item.rapporteur) doc.text(`Föredragande: ${item.rapporteur}`);
    if (item.time) doc.text(`Tid: ${item.time}`);
    if (item.proposal.length) {
      doc.moveDown(0.3).font('Helvetica-Bold').text('Förslag till beslut');
      doc.font('Helvetica').text(`${m.body} beslutar`);
      for (const clause of item.proposal) doc.text(clause, { indent: 15 });
    }
    if (item.supportingDocuments.length) {
      doc.moveDown(0.3).font('Helvetica-Bold').text('Beslutsunderlag');
      doc.font('Helvetica');
      for (const s of item.supportingDocuments) doc.text(`• ${s}`, { indent: 15 });
    }
  }
  if (m.reportedDecisions.length) {
    doc.moveDown();
    doc.font('Helvetica-Bold').fontSize(12).text('Anmälningsärenden – beslut fattade på delegation');
    doc.font('Helvetica').fontSize(10);
    for (const d of m.reportedDecisions) doc.text(`• ${d.caseNumber} ${d.title} (${d.delegate}, ${d.delegationPoint}, ${d.decidedOn})`, { indent: 15 });
  }
  doc.moveDown();
  doc.fontSize(10).text(`Protokollet justeras av ordföranden och ${m.checkers.join(', ')} senast ${m.checkDeadline}.`);
}
