import { inflateSync } from 'node:zlib';

/**
 * Reads back what our PDFs say, for tests (no PDF reader is installed): pdfkit writes each line of text with the
 * standard fonts as hex strings in a TJ array inside a Flate-compressed content stream, in WinAnsi encoding.
 * Returns the lines in drawing order and the number of pages. Not a general PDF reader.
 */
export function pdfText(pdf: Buffer): { lines: string[]; pages: number } {
  const raw = pdf.toString('latin1');
  const lines: string[] = [];
  const streams = /stream\r?\n/g;
  for (let m = streams.exec(raw); m; m = streams.exec(raw)) {
    const start = m.index + m[0].length;
    const end = raw.indexOf('endstream', start);
    if (end < 0) break;
    let content: string;
    try {
      content = inflateSync(pdf.subarray(start, end)).toString('latin1');
    } catch {
      continue; // not a Flate stream (or not ours): nothing to read
    }
    for (const tj of content.matchAll(/\[((?:<[0-9a-fA-F]*>|[-\d.\s])*)\]\s*TJ/g)) {
      const hex = [...tj[1]!.matchAll(/<([0-9a-fA-F]*)>/g)].map((h) => h[1]).join('');
      lines.push(decodeWinAnsi(Buffer.from(hex, 'hex')));
    }
    streams.lastIndex = end;
  }
  const pages = (raw.match(/\/Type\s*\/Page\b/g) ?? []).length;
  return { lines, pages };
}

/** WinAnsi is Latin-1 with typographic characters in 0x80–0x9F; these are the ones our texts use. */
const WIN_ANSI: Record<number, string> = { 0x80: '€', 0x91: '‘', 0x92: '’', 0x93: '“', 0x94: '”', 0x95: '•', 0x96: '–', 0x97: '—', 0x85: '…', 0xb7: '·' };
const decodeWinAnsi = (bytes: Buffer) => [...bytes].map((b) => WIN_ANSI[b] ?? String.fromCharCode(b)).join('');
