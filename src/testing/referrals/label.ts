import QRCode from 'qrcode';
import { renderPdf } from '../../platform/files/pdf.js';

const MM = 72 / 25.4;
const testNames: Record<string, string> = { pcr: 'PCR (NAAT)', antigen: 'Antigen', serology: 'Serologi' };

/**
 * A tube label, 70 × 35 mm: the referral id as QR code (what the lab scans) and as text, with the person and
 * the test, so a mixed-up tube is seen before it is sent.
 */
export async function referralLabelPdf(r: { code: string; name: string; identityNumber: string | null; testType: string; collection: string; urgency: string; orderingUnitName: string; samplingAt: string }): Promise<Buffer> {
  const qr = await QRCode.toBuffer(r.code.replace(/-/g, ''), { errorCorrectionLevel: 'M', margin: 1, type: 'png', width: 240 });
  const sampled = new Date(r.samplingAt).toLocaleString('sv-SE', { timeZone: 'Europe/Stockholm', dateStyle: 'short', timeStyle: 'short' });
  return renderPdf({ Title: `Remiss ${r.code}`, Author: 'Lägesbild' }, (doc) => {
    doc.addPage({ size: [70 * MM, 35 * MM], margin: 2 * MM });
    const size = 31 * MM;
    doc.image(qr, 2 * MM, 2 * MM, { width: size, height: size });
    const x = 35 * MM;
    const width = 33 * MM;
    doc.font('Helvetica-Bold').fontSize(8).text(r.code, x, 3 * MM, { width });
    doc.font('Helvetica').fontSize(6.5);
    doc.text(r.name, { width });
    if (r.identityNumber) doc.text(r.identityNumber, { width });
    doc.text(`${testNames[r.testType] ?? r.testType}${r.urgency === 'urgent' ? ' · AKUT' : ''}`, { width });
    doc.text(r.collection === 'staff' ? 'Provtaget av vårdpersonal' : 'Egenprovtagning', { width });
    doc.text(sampled, { width });
    doc.text(r.orderingUnitName, { width, height: 8 * MM, ellipsis: true });
  });
}
