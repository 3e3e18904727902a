import * as jsqrModule from 'jsqr';

type Decode = (data: Uint8ClampedArray, width: number, height: number, options?: { inversionAttempts?: 'dontInvert' | 'onlyInvert' | 'attemptBoth' | 'invertFirst' }) => { data: string } | null;

// jsqr is a UMD bundle: its default export is the module itself under Node's CJS interop and `.default` under bundlers.
const candidate = jsqrModule as unknown as { default?: unknown };
const jsQR: Decode = (typeof candidate.default === 'function' ? candidate.default : typeof candidate === 'function' ? candidate : (candidate.default as { default: unknown }).default) as Decode;

/** Decodes a QR code from one RGBA camera frame; null when there is none. */
export function decodeQr(image: ImageData): string | null {
  const code = jsQR(image.data, image.width, image.height, { inversionAttempts: 'attemptBoth' });
  return code?.data.trim() || null;
}
