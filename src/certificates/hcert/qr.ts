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

/** The text of the QR code in a PNG image, or null when there is none or the file is not a PNG. */
export function readQrPng(png: Uint8Array): string | null {
  let image: PNG;
  try {
    image = PNG.sync.read(Buffer.from(png));
  } catch {
    return null;
  }
  if (image.width * image.height > MAX_PIXELS) return null;
  // jsqr is a UMD bundle typed as an ES module: under Node both the import and its `.default` are the function.
  const code = jsqr.default(new Uint8ClampedArray(image.data.buffer, image.data.byteOffset, image.data.length), image.width, image.height);
  return code?.data ?? null;
}
