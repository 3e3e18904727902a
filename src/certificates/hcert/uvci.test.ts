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
  ])('%s is not (%s)', (uvci) => expect(hasValidUvciCheck(uvci)).toBe(false));

  it('makes identifiers whose check character verifies', () => {
    const uvci = makeUvci('SE', 'LB18', 'V0001AB');
    expect(uvci).toMatch(/^URN:UVCI:01:SE:LB18\/V0001AB#[A-Z0-9/:]$/);
    expect(hasValidUvciCheck(uvci)).toBe(true);
    expect(uvciCheckCharacter('URN:UVCI:01:SM:122')).toBe('M');
  });

  it('refuses a character outside its alphabet', () => expect(() => uvciCheckCharacter('URN:UVCI:01:SE:Å')).toThrow(RangeError));
});
