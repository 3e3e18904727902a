import { renderPdf } from '../../platform/files/pdf.js';

export interface Letter {
  regionName: string;
  /** The day the letter is dated, 'YYYY-MM-DD'. */
  date: string;
  name: string;
  streetAddress: string | null;
  postalCode: string | null;
  locality: string | null;
  vaccine: 'covid-19' | 'influenza';
  doseNumber: number;
  eligibleFrom: string;
  recommendationTitle: string;
}

const vaccineSv = { 'covid-19': 'covid-19', influenza: 'säsongsinfluensa' } as const;

export const invitationSms = (l: Pick<Letter, 'regionName' | 'vaccine' | 'doseNumber' | 'eligibleFrom'>) =>
  `${l.regionName}: Du erbjuds vaccination mot ${vaccineSv[l.vaccine]} (dos ${l.doseNumber}) från ${l.eligibleFrom}. Boka tid på 1177.se eller ring 1177. Vaccinationen är kostnadsfri.`;

export const reminderSms = (l: Pick<Letter, 'regionName' | 'vaccine' | 'doseNumber'>) =>
  `${l.regionName}: Påminnelse – du har ännu inte bokat vaccination mot ${vaccineSv[l.vaccine]} (dos ${l.doseNumber}). Boka tid på 1177.se eller ring 1177.`;

function page(doc: PDFKit.PDFDocument, l: Letter) {
  doc.font('Helvetica-Bold').fontSize(16).text(l.regionName);
  doc.font('Helvetica').fontSize(10).text(`Datum: ${l.date}`, { align: 'right' });
  doc.moveDown(2);
  doc.fontSize(12).text(l.name);
  if (l.streetAddress) doc.text(l.streetAddress);
  if (l.postalCode || l.locality) doc.text(`${(l.postalCode ?? '').replace(/^(\d{3})(\d{2})$/, '$1 $2')} ${l.locality ?? ''}`.trim());
  doc.moveDown(3);
  doc.font('Helvetica-Bold').fontSize(14).text(`Erbjudande om vaccination mot ${vaccineSv[l.vaccine]}`);
  doc.moveDown();
  doc.font('Helvetica').fontSize(11);
  doc.text(`Du erbjuds dos ${l.doseNumber} av vaccinet mot ${vaccineSv[l.vaccine]}. Du kan vaccinera dig från och med ${l.eligibleFrom}.`);
  doc.moveDown(0.5);
  doc.text(`Erbjudandet gäller enligt rekommendationen: ${l.recommendationTitle}.`);
  doc.moveDown();
  doc.font('Helvetica-Bold').text('Så bokar du');
  doc.font('Helvetica').text('Boka tid med e-legitimation på 1177.se, eller ring 1177 om du inte har e-legitimation. Ta med legitimation när du kommer. Vaccinationen är kostnadsfri.');
  doc.moveDown();
  doc.text('Om du redan är vaccinerad eller har bokat tid kan du bortse från det här brevet.');
  doc.moveDown(2);
  doc.text(`Med vänlig hälsning\n${l.regionName}`);
}

/** One A4 page per letter; several letters make the merged print file. */
export function renderLetters(letters: Letter[]): Promise<Buffer> {
  return renderPdf({ Title: 'Kallelse till vaccination', Author: letters[0]?.regionName ?? 'Lägesbild' }, (doc) => {
    for (const l of letters) {
      doc.addPage();
      page(doc, l);
    }
  });
}
