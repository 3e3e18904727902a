import { describe, expect, it } from 'vitest';
import { icaoTransliterate } from './transliteration.js';

describe('ICAO 9303 transliteration', () => {
  it.each([
    ['Lövström', 'LOEVSTROEM'], // as the Swedish eHealth Agency's test certificate writes it
    ['Åsa', 'AASA'],
    ['Märta', 'MAERTA'],
    ['Müller', 'MUELLER'],
    ['Søren', 'SOEREN'],
    ['Strauß', 'STRAUSS'],
    ['Éloïse', 'ELOISE'],
    ['Anna-Karin', 'ANNA<KARIN'],
    ['Anna  Karin', 'ANNA<KARIN'],
    ["O'Brien", 'OBRIEN'],
    ['Čapek', 'CAPEK'],
    ['Łukasz', 'LUKASZ'],
    [' Eva ', 'EVA'],
  ])('%j → %j', (name, expected) => expect(icaoTransliterate(name)).toBe(expected));

  it('stops at 80 characters (the schema limit)', () => {
    expect(icaoTransliterate('A'.repeat(79) + 'Ö')).toHaveLength(80);
    expect(icaoTransliterate('A'.repeat(80))).toHaveLength(80);
    expect(icaoTransliterate('A'.repeat(81))).toHaveLength(80);
  });

  it('gives only A–Z and <', () => expect(icaoTransliterate('Zoë 李 #1 Ñúñez')).toMatch(/^[A-Z<]*$/));
});
