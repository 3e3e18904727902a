/**
 * Base45 (RFC 9285), strict: the alphabet of QR's alphanumeric mode. Two bytes become three characters
 * (n = c + 45·d + 45²·e), a last single byte two. Decoding refuses a character outside the alphabet, a
 * dangling single character and a group whose value does not fit its bytes, so a damaged code is reported
 * as damaged instead of decoding to other bytes (the npm `base45` package decodes such input to garbage).
 */
const ALPHABET = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';
const VALUE = new Int8Array(128).fill(-1);
for (let i = 0; i < ALPHABET.length; i++) VALUE[ALPHABET.charCodeAt(i)] = i;

export class Base45Error extends Error {}

export function encodeBase45(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i + 1 < bytes.length; i += 2) {
    let n = bytes[i]! * 256 + bytes[i + 1]!;
    const c = n % 45;
    n = (n - c) / 45;
    out += ALPHABET[c]! + ALPHABET[n % 45]! + ALPHABET[(n - (n % 45)) / 45]!;
  }
  if (bytes.length % 2 === 1) {
    const n = bytes[bytes.length - 1]!;
    out += ALPHABET[n % 45]! + ALPHABET[(n - (n % 45)) / 45]!;
  }
  return out;
}

function digit(text: string, i: number): number {
  const code = text.charCodeAt(i);
  const v = code < 128 ? VALUE[code]! : -1;
  if (v < 0) throw new Base45Error(`character ${JSON.stringify(text[i])} at position ${i} is not in the base45 alphabet`);
  return v;
}

export function decodeBase45(text: string): Uint8Array {
  if (text.length % 3 === 1) throw new Base45Error(`a length of ${text.length} cannot be base45 (a single character is left over)`);
  const out = new Uint8Array(Math.floor(text.length / 3) * 2 + (text.length % 3 === 2 ? 1 : 0));
  let o = 0;
  for (let i = 0; i < text.length; i += 3) {
    if (i + 2 < text.length) {
      const n = digit(text, i) + digit(text, i + 1) * 45 + digit(text, i + 2) * 2025;
      if (n > 0xffff) throw new Base45Error(`the group at position ${i} is too large for two bytes`);
      out[o++] = n >> 8;
      out[o++] = n & 0xff;
    } else {
      const n = digit(text, i) + digit(text, i + 1) * 45;
      if (n > 0xff) throw new Base45Error(`the last group at position ${i} is too large for one byte`);
      out[o++] = n;
    }
  }
  return out;
}
