import PDFDocument from 'pdfkit';

/**
 * An A4 PDF drawn by `draw`, collected into one buffer (letters, certificates, reports). `bufferPages` keeps
 * every page open until the end, so that footers can say "page 2 of 5".
 */
export function renderPdf(info: { Title: string; Author: string }, draw: (doc: PDFKit.PDFDocument) => void, margin = 60, bufferPages = false): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin, autoFirstPage: false, info, bufferPages });
  const chunks: Buffer[] = [];
  doc.on('data', (c: Buffer) => chunks.push(c));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });
  draw(doc);
  doc.end();
  return done;
}
