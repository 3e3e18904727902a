import { create } from 'qrcode';
import { describe, expect, it } from 'vitest';
import { decodeQr } from './decodeQr.js';

/** Renders a QR code the way a camera frame arrives: RGBA pixels, dark modules black on white. */
function frameOf(text: string, scale = 4, margin = 4): ImageData {
  const { modules } = create(text, { errorCorrectionLevel: 'M' });
  const width = (modules.size + 2 * margin) * scale;
  const data = new Uint8ClampedArray(width * width * 4).fill(255);
  for (let y = 0; y < width; y++) {
    for (let x = 0; x < width; x++) {
      const row = Math.floor(y / scale) - margin;
      const col = Math.floor(x / scale) - margin;
      const dark = row >= 0 && col >= 0 && row < modules.size && col < modules.size && modules.get(row, col);
      if (dark) data.fill(0, (y * width + x) * 4, (y * width + x) * 4 + 3);
    }
  }
  return { data, width, height: width, colorSpace: 'srgb' } as ImageData;
}

describe('decodeQr', () => {
  it('reads the text of a kit label back from a frame', () => {
    const text = 'https://lagesbild.example/testing/register?kit=XABT-NK8X-76K0-A';
    expect(decodeQr(frameOf(text))).toBe(text);
  });

  it('returns null for a frame without a QR code', () => {
    const blank = { data: new Uint8ClampedArray(64 * 64 * 4).fill(255), width: 64, height: 64, colorSpace: 'srgb' } as ImageData;
    expect(decodeQr(blank)).toBeNull();
  });
});
