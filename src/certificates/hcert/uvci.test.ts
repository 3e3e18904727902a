import { describe, expect, it } from 'vitest';
import { hasValidUvciCheck, makeUvci, uvciCheckCharacter } from './uvci.js';

describe('UVCI check character (Luhn mod 38)', () => {
  // Outside known-good values: identifiers other countries issued, from the EU's test vectors.
  it.each([
    'URN:UVCI:01:DK:B19D10B4E18551559EBDEE46248DA883#S',
    'URN:UVCI:01:AT:858CC18CFCF5965EF82F60E493349AA5#K',
    'URN:UVCI:01:FR:GGD81AAH16A5#W',
    'URN:UVCI:01:SM:122#M',
    'URN:UVCI:01:FR:P4LU2647E8HN#/', // the check character can be '/' …
    'URN:UVCI:01:FR:Y4996KBJ4Q3Q#:', // … or ':'
  ])('%s is valid', (uvci) => expect(hasValidUvciCheck(uvci)).toBe(true));

  it.each([
    ['URN:UVCI:01:DK:B19D10B4E18551559EBDEE46248DA883#T', 'wrong check character'],
    ['URN:UVCI:01:DK:B19D10B4E18551559EBDEE46248DA884#S', 'one character changed'],
    ['URN:UVCI:01:SE:EHM/V100000024GI5HM', 'no check character'],
    ['URN:UVCI:01:SE:ab/1#A', 'lower case'],
    ['#', 'nothing before the #'],
    ['URN:UVCI:01:SM:122#MM', 'two characters after the #'],
    ['URN:UVCI:01:SM:122#', 'nothing after the #'],
    ['URN:UVCI:01:SM:122#m', 'a lower-case check character'],
    ['URN:UVCI:01:SM:12#2M', 'the # one place too early'],
  ])('%s is not (%s)', (uvci) => expect(hasValidUvciCheck(uvci)).toBe(false));

  it('makes identifiers whose check character verifies', () => {
    const uvci = makeUvci('SE', 'LB18', 'V0001AB');
    expect(uvci).toMatch(/^URN:UVCI:01:SE:LB18\/V0001AB#[A-Z0-9/:]$/);
    expect(hasValidUvciCheck(uvci)).toBe(true);
    expect(uvciCheckCharacter('URN:UVCI:01:SM:122')).toBe('M');
  });

  // By hand, over A–Z = 0–25, 0–9 = 26–35, '/' = 36, ':' = 37, from the right with factors 2, 1, 2, …; each
  // product p adds floor(p / 38) + p % 38; check = (38 − sum % 38) % 38.
  it.each([
    ['A', 'A'], // 0·2 = 0 → (38 − 0) % 38 = 0 = A
    ['B', '/'], // 1·2 = 2 → 36 = '/'
    ['AB', '/'], // B 1·2 = 2, A 0·1 = 0 → 36
    [':', 'B'], // 37·2 = 74 → 1 + 36 = 37 → 1 = B
    ['9:', 'E'], // ':' 74 → 37, '9' 35·1 = 35; sum 72, 72 % 38 = 34 → 4 = E
    ['Z9', 'S'], // '9' 35·2 = 70 → 1 + 32 = 33, Z 25·1 = 25; sum 58, 58 % 38 = 20 → 18 = S
  ])('the check character of %s is %s', (body, check) => expect(uvciCheckCharacter(body)).toBe(check));

  it('refuses a character outside its alphabet', () => expect(() => uvciCheckCharacter('URN:UVCI:01:SE:Å')).toThrow(RangeError));
});
