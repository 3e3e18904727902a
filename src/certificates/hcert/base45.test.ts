import { describe, expect, it } from 'vitest';
import { Base45Error, decodeBase45, encodeBase45 } from './base45.js';

const utf8 = (s: string) => new TextEncoder().encode(s);

describe('base45 (RFC 9285)', () => {
  // The RFC's own examples (section 4.3 and 4.4): an outside known-good value for each branch.
  it.each([
    ['AB', 'BB8'],
    ['Hello!!', '%69 VD92EX0'],
    ['base-45', 'UJCLQE7W581'],
    ['ietf!', 'QED8WEX0'],
    ['', ''],
  ])('%j encodes to %j and back', (text, encoded) => {
    expect(encodeBase45(utf8(text))).toBe(encoded);
    expect(new TextDecoder().decode(decodeBase45(encoded))).toBe(text);
  });

  it.each([
    [[0x00, 0x00], '000'],
    [[0xff, 0xff], 'FGW'], // 65535 = 30 + 45·36 + 2025·32: the largest group there is
    [[0xff], 'U5'], // 255 = 30 + 45·5
  ])('bytes %j are %j', (bytes, encoded) => {
    expect(encodeBase45(Uint8Array.from(bytes))).toBe(encoded);
    expect([...decodeBase45(encoded)]).toEqual(bytes);
  });

  it.each([
    ['GGW', 'too large for two bytes'], // 65536: one above the largest
    ['V5', 'too large for one byte'], // 256
    ['BB8A', 'single character is left over'],
    ['BBa', 'not in the base45 alphabet'], // lower case is not base45
    ['BÅ8', 'not in the base45 alphabet'],
  ])('refuses %j (%s)', (text, reason) => {
    expect(() => decodeBase45(text)).toThrow(Base45Error);
    expect(() => decodeBase45(text)).toThrow(reason);
  });
});
