import jsqr from 'jsqr';
import { PNG } from 'pngjs';
import QRCode from 'qrcode';

/**
 * The QR code of a certificate: error correction Q (HCERT 4.2.2 recommends about 25 %), and the
 * alphanumeric mode, which qrcode picks by itself for base45 text.
 */
const OPTIONS = { errorCorrectionLevel: 'Q', margin: 4 } as const;

export const qrPng = (text: string, width = 600): Promise<Buffer> => QRCode.toBuffer(text, { ...OPTIONS, type: 'png', width });
export const qrSvg = (text: string): Promise<string> => QRCode.toString(text, { ...OPTIONS, type: 'svg' });

/** The largest image the reader decodes (pixels); a photo of a code needs far fewer. */
const MAX_PIXELS = 16_000_000;

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** Width × height from the PNG's header (IHDR, bytes 16–23), before anything is decoded; 0 when it is no PNG. */
function declaredPixels(png: Buffer): number {
  if (png.length < 24 || !png.subarray(0, 8).equals(PNG_SIGNATURE) || png.toString('latin1', 12, 16) !== 'IHDR') return 0;
  return png.readUInt32BE(16) * png.readUInt32BE(20);
}

/**
 * The text of the QR code in a PNG image, or null when there is none or the file is not a PNG. An image whose
 * header declares more than MAX_PIXELS is refused unread: a few kB can declare gigabytes of pixels.
 */
export function readQrPng(data: Uint8Array): string | null {
  const png = Buffer.from(data);
  const pixels = declaredPixels(png);
  if (pixels === 0 || pixels > MAX_PIXELS) return null;
  let image: PNG;
  try {
    image = PNG.sync.read(png);
  } catch {
    return null;
  }
  // jsqr is a UMD bundle typed as an ES module: under Node both the import and its `.default` are the function.
  const code = jsqr.default(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  return code?.data ?? null;
}
