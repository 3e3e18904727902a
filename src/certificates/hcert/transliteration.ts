/**
 * A name in the machine-readable form of ICAO Doc 9303 part 3 (section 6): A–Z and '<' only, at most 80
 * characters (the DCC schema's `fnt`/`gnt`). Letters that ICAO writes with two letters come first
 * (Å → AA, Ä → AE, Ö → OE, Ü → UE, Æ → AE, Ø → OE, ß → SS, Þ → TH, Œ → OE); other accented Latin letters
 * lose their accent; space and hyphen become '<'; apostrophes and anything else are left out.
 */
const TWO_LETTERS: Record<string, string> = {
  Å: 'AA', Ä: 'AE', Ö: 'OE', Ü: 'UE', Æ: 'AE', Ø: 'OE', ẞ: 'SS', Þ: 'TH', Œ: 'OE', Ĳ: 'IJ', Ð: 'D', Đ: 'D', Ł: 'L', Ħ: 'H', Ŧ: 'T', Ŋ: 'N', ı: 'I',
};

export const MAX_TRANSLITERATED = 80;

export function icaoTransliterate(name: string): string {
  let out = '';
  for (const ch of name.normalize('NFC').replace(/ß/g, 'ẞ').toUpperCase()) {
    if (TWO_LETTERS[ch]) out += TWO_LETTERS[ch];
    else if (ch === ' ' || ch === '-') out += '<';
    else {
      const base = ch.normalize('NFD').replace(/\p{M}/gu, '');
      if (/^[A-Z]$/.test(base)) out += base;
    }
  }
  return out.replace(/<{2,}/g, '<').replace(/^<|<$/g, '').slice(0, MAX_TRANSLITERATED);
}
