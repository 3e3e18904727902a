import { renderPdf } from '../platform/files/pdf.js';
import { entryOf, type CertificateKind } from './hcert/kinds.js';
import { qrPng } from './hcert/qr.js';
import { displayOf } from './hcert/valuesets.js';

/**
 * The certificate as a PDF after the EU's template: a title in Swedish and English, the QR code, the holder,
 * and the entry's fields with both languages' labels. The same PDF is the paper certificate.
 */
const TITLES: Record<CertificateKind, [string, string]> = {
  vaccination: ['Vaccinationsintyg', 'Vaccination certificate'],
  test: ['Testintyg', 'Test certificate'],
  recovery: ['Intyg om tillfrisknande', 'Certificate of recovery'],
};

type Field = [sv: string, en: string, value: string | null];

function fields(kind: CertificateKind, payload: Record<string, unknown>): Field[] {
  const e = entryOf(payload) ?? {};
  const s = (v: unknown) => (v === undefined || v === null ? null : String(v));
  const common: Field[] = [
    ['Sjukdom eller agens', 'Disease or agent targeted', displayOf('disease', e.tg)],
  ];
  const byKind: Record<CertificateKind, Field[]> = {
    vaccination: [
      ['Vaccin/profylax', 'Vaccine/prophylaxis', displayOf('prophylaxis', e.vp)],
      ['Vaccinläkemedel', 'Vaccine medicinal product', displayOf('product', e.mp)],
      ['Tillverkare', 'Manufacturer', displayOf('manufacturer', e.ma)],
      ['Dos', 'Dose', `${s(e.dn)}/${s(e.sd)}`],
      ['Vaccinationsdatum', 'Date of vaccination', s(e.dt)],
    ],
    test: [
      ['Testtyp', 'Type of test', displayOf('testType', e.tt)],
      ['Testnamn', 'Test name', s(e.nm)],
      ['Provtagning', 'Date and time of sample collection', s(e.sc)],
      ['Resultat', 'Test result', displayOf('testResult', e.tr)],
      ['Testställe', 'Testing centre', s(e.tc)],
    ],
    recovery: [
      ['Första positiva test', 'Date of first positive test', s(e.fr)],
      ['Giltigt från', 'Valid from', s(e.df)],
      ['Giltigt till', 'Valid until', s(e.du)],
    ],
  };
  return [...common, ...byKind[kind], ['Land', 'Member State', displayOf('country', e.co)], ['Utfärdare', 'Certificate issuer', s(e.is)], ['Intygsidentitet', 'Unique certificate identifier', s(e.ci)]];
}

export async function certificatePdf(c: { kind: CertificateKind; payload: Record<string, unknown>; hc1: string; paper: boolean; expiresAt: string }): Promise<Buffer> {
  const qr = await qrPng(c.hc1, 700);
  const [sv, en] = TITLES[c.kind];
  const nam = (c.payload.nam ?? {}) as { fn?: string; gn?: string; fnt?: string; gnt?: string };
  return renderPdf(
    { Title: `EU Digitalt covidintyg / EU Digital COVID Certificate: ${sv} / ${en}`, Author: 'Lägesbild' },
    (doc) => {
      doc.addPage();
      doc.font('Helvetica-Bold').fontSize(18).text('EU DIGITALT COVIDINTYG', { align: 'center' });
      doc.font('Helvetica').fontSize(12).fillColor('#444').text('EU DIGITAL COVID CERTIFICATE', { align: 'center' }).fillColor('black');
      doc.moveDown(0.5).font('Helvetica-Bold').fontSize(14).text(`${sv} / ${en}`, { align: 'center' });
      if (c.paper) doc.font('Helvetica').fontSize(10).text('Papperscertifikat / Paper certificate', { align: 'center' });
      doc.image(qr, (doc.page.width - 220) / 2, doc.y + 10, { width: 220 });
      doc.y += 240;
      doc.font('Helvetica-Bold').fontSize(13).text(`${nam.fn ?? ''}, ${nam.gn ?? ''}`, doc.page.margins.left);
      doc.font('Helvetica').fontSize(9).fillColor('#444').text(`${nam.fnt ?? ''}<<${nam.gnt ?? ''}`).fillColor('black');
      doc.fontSize(10).text(`Födelsedatum / Date of birth: ${String(c.payload.dob ?? '')}`);
      doc.moveDown(0.5);
      for (const [labelSv, labelEn, value] of fields(c.kind, c.payload)) {
        doc.font('Helvetica-Bold').fontSize(9).text(`${labelSv} / ${labelEn}`);
        doc.font('Helvetica').fontSize(10).text(value ?? '–');
      }
      doc.moveDown(0.5).fontSize(8).fillColor('#444').text(`Signaturen gäller till / The signature is valid until: ${c.expiresAt.slice(0, 10)}. Kontrollera intyget med en verifieringsapp eller på Lägesbilds verifieringssida. / Verify the certificate with a verifier app or on Lägesbild's verification page.`);
    },
    50,
  );
}
