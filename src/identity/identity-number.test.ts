import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  ageOn,
  calendarDateInStockholm,
  defaultReserveNumberFormat,
  formatIdentityNumber,
  identityNumberField,
  InvalidIdentityNumber,
  luhnCheckDigit,
  makePersonnummer,
  makeReservnummer,
  maskIdentityNumber,
  parseIdentityNumber,
  reserveNumberFormats,
  reserveNumberInput,
  tryParseIdentityNumber,
  type AcceptedKinds,
  type IdentityKind,
  type IdentityNumberReason,
} from './identity-number.js';

// Only the standard published test numbers and numbers made up here with makePersonnummer.
const NOW = new Date('2025-06-15T10:00:00Z');

/**
 * The tables below are built without calling the module: a mutant that made building a row throw would break the
 * file's collection, which Stryker counts as a survivor. So the rows use this independent Luhn (weights 2-1-2-…).
 */
const luhn = (nine: string) => [...nine].reduce((sum, c, i) => sum + ((p) => (p > 9 ? p - 9 : p))(Number(c) * (i % 2 === 0 ? 2 : 1)), 0) * 9 % 10;
/** A 10-digit number YYMMDDNNN + a correct check digit (to test date rules without tripping the check digit). */
const withCheck = (nine: string) => `${nine.slice(0, 6)}-${nine.slice(6)}${luhn(nine)}`;
/** A canonical 12-digit number of a birth date 'YYYY-MM-DD' and a serial, as makePersonnummer makes it. */
const pnr = (birthDate: string, serial: number, opts: { coordination?: boolean } = {}) => {
  const [y, m, d] = birthDate.split('-');
  const body = `${y!.slice(2)}${m}${String(Number(d) + (opts.coordination ? 60 : 0)).padStart(2, '0')}${String(serial).padStart(3, '0')}`;
  return `${y!.slice(0, 2)}${body}${luhn(body)}`;
};

const reasonOf = (input: string, opts: Partial<Parameters<typeof parseIdentityNumber>[1]> = {}) => {
  const r = tryParseIdentityNumber(input, { now: NOW, ...opts });
  return r.ok ? 'ok' : r.reason;
};

describe('luhnCheckDigit', () => {
  // Known-good numbers from outside, checked by hand (weights 2 1 2 1 2 1 2 1 2; a product over 9 adds its digits):
  // Skatteverket's test person Tolvan Tolvansson 19121212-1212: 1·2 2 1·2 2 1·2 2 1·2 2 1·2 = 2+2+2+2+2+2+2+2+2 = 18,
  //   check (10 − 8) % 10 = 2. The century is not under the check, so 20121212-1212 has the same check digit 2.
  // Wikipedia's 811228-9874: 8·2=16→7, 1, 1·2=2, 2, 2·2=4, 8, 9·2=18→9, 8, 7·2=14→5; sum 46, check 4.
  // 811218-9876: 7+1+2+2+2+8+9+8+5 = 44, check 6. Samordningsnummer 701063-2391: 7·2=14→5, 0, 1·2=2, 0, 6·2=12→3,
  //   3, 2·2=4, 3, 9·2=18→9; sum 29, check 1. A sum ending in 0 gives 0, not 10: 000000000 → 0; 100000001: 1·2 + 1·2 = 4 → 6 (the ninth digit weighs 2).
  it.each([
    ['811218987', 6],
    ['121212121', 2],
    ['811228987', 4],
    ['701063239', 1],
    ['000000000', 0],
    ['100000001', 6],
  ])('%s → %i', (nine, digit) => expect(luhnCheckDigit(nine)).toBe(digit));

  it('refuses anything but nine digits', () => {
    expect(() => luhnCheckDigit('81121898')).toThrow(RangeError);
    expect(() => luhnCheckDigit('81121898x')).toThrow(RangeError);
    for (const bad of ['8112189876', 'x811218987', '811218987x', '']) expect(() => luhnCheckDigit(bad)).toThrow('luhnCheckDigit needs exactly nine digits');
  });
});

describe('parseIdentityNumber: valid numbers', () => {
  it.each<[string, Date, IdentityKind, string, string, 'female' | 'male']>([
    ['811218-9876', NOW, 'personnummer', '198112189876', '1981-12-18', 'male'],
    ['8112189876', NOW, 'personnummer', '198112189876', '1981-12-18', 'male'],
    ['19811218-9876', NOW, 'personnummer', '198112189876', '1981-12-18', 'male'],
    ['198112189876', NOW, 'personnummer', '198112189876', '1981-12-18', 'male'],
    ['  811218-9876 \n', NOW, 'personnummer', '198112189876', '1981-12-18', 'male'],
    ['121212-1212', NOW, 'personnummer', '201212121212', '2012-12-12', 'male'],
    ['121212-1212', new Date('2012-12-11T12:00:00Z'), 'personnummer', '191212121212', '1912-12-12', 'male'],
    ['121212+1212', NOW, 'personnummer', '191212121212', '1912-12-12', 'male'],
    ['701063-2391', NOW, 'samordningsnummer', '197010632391', '1970-10-03', 'male'],
    ['19701063-2391', NOW, 'samordningsnummer', '197010632391', '1970-10-03', 'male'],
    // Published examples from outside this code base: Skatteverket's Tolvan Tolvansson and Wikipedia's 811228-9874.
    ['19121212-1212', NOW, 'personnummer', '191212121212', '1912-12-12', 'male'],
    ['811228-9874', NOW, 'personnummer', '198112289874', '1981-12-28', 'male'],
    // Birth numbers at the edges of what is issued: 001 and 999.
    [withCheck('811218001'), NOW, 'personnummer', pnr('1981-12-18', 1), '1981-12-18', 'male'],
    [withCheck('811218999'), NOW, 'personnummer', pnr('1981-12-18', 999), '1981-12-18', 'male'],
    [withCheck('000229124'), NOW, 'personnummer', pnr('2000-02-29', 124), '2000-02-29', 'female'],
    [pnr('2024-02-29', 2), NOW, 'personnummer', pnr('2024-02-29', 2), '2024-02-29', 'female'],
    // The last day of every month: 30 in April, June, September and November, 31 in the others.
    ...(['01-31', '03-31', '04-30', '05-31', '06-30', '07-31', '08-31', '09-30', '10-31', '11-30', '12-31'] as const).map(
      (md): [string, Date, IdentityKind, string, string, 'female' | 'male'] => [pnr(`1981-${md}`, 10), NOW, 'personnummer', pnr(`1981-${md}`, 10), `1981-${md}`, 'female'],
    ),
    [pnr('1900-02-28', 11), NOW, 'personnummer', pnr('1900-02-28', 11), '1900-02-28', 'male'],
    [pnr('2025-06-15', 11), NOW, 'personnummer', pnr('2025-06-15', 11), '2025-06-15', 'male'],
    [`18${withCheck('500101123').replace('-', '')}`, NOW, 'personnummer', `18${withCheck('500101123').replace('-', '')}`, '1850-01-01', 'male'],
    [pnr('1970-10-31', 239, { coordination: true }), NOW, 'samordningsnummer', pnr('1970-10-31', 239, { coordination: true }), '1970-10-31', 'male'],
    [pnr('1970-10-01', 239, { coordination: true }), NOW, 'samordningsnummer', pnr('1970-10-01', 239, { coordination: true }), '1970-10-01', 'male'],
    [`000289-${pnr('2000-02-29', 981, { coordination: true }).slice(8)}`, NOW, 'samordningsnummer', pnr('2000-02-29', 981, { coordination: true }), '2000-02-29', 'male'],
  ])('%s (now %s)', (input, now, kind, canonical, birthDate, legalSex) => {
    expect(parseIdentityNumber(input, { now })).toEqual({ kind, canonical, birthDate, legalSex, issuingRegion: null });
  });

  it("reads '+' as 100 or older in the current year, '-' as younger", () => {
    const born1925 = withCheck('251201123'); // born 1925-12-01 turns 100 later in 2025: written with '+'
    expect(parseIdentityNumber(born1925.replace('-', '+'), { now: NOW }).birthDate).toBe('1925-12-01');
    // Written before the separator was changed: the only non-future reading is the same person.
    expect(parseIdentityNumber(born1925, { now: NOW }).birthDate).toBe('1925-12-01');
    const born2025 = withCheck('250101123');
    expect(parseIdentityNumber(born2025, { now: NOW }).birthDate).toBe('2025-01-01');
    expect(parseIdentityNumber(born2025.replace('-', '+'), { now: NOW }).birthDate).toBe('1925-01-01');
  });

  it('takes today as the calendar date in Stockholm, not UTC', () => {
    const newYear = makePersonnummer('2025-01-01', 123);
    expect(reasonOf(newYear, { now: new Date('2024-12-31T23:30:00Z') })).toBe('ok'); // 00:30 in Stockholm
    expect(reasonOf(newYear, { now: new Date('2024-12-31T22:30:00Z') })).toBe('future-date'); // 23:30 in Stockholm
    expect(parseIdentityNumber(withCheck('250101123'), { now: new Date('2024-12-31T23:30:00Z') }).birthDate).toBe('2025-01-01');
  });
});

describe('parseIdentityNumber: refusals', () => {
  it.each<[string, string, IdentityNumberReason]>([
    ['empty', '   ', 'empty'],
    ['letters', 'abcdef-ghij', 'characters'],
    ['a letter among the digits', '811218-98A6', 'characters'],
    ['a space for the dash', '811218 9876', 'characters'],
    ['odd separator', '811218*9876', 'characters'],
    ['9 digits', '81121-9876', 'length'],
    ['11 digits', '1981121-8987', 'length'],
    ['13 digits', '1981121898761', 'length'],
    ["'+' with a century", '19811218+9876', 'separator'],
    ['dash in the wrong place', '81121-89876', 'separator'],
    ['two dashes', '811218--9876', 'separator'],
    ['century 17', '17811218-9876', 'century'],
    ['century 21', '21811218-9876', 'century'],
    ['bad check digit', '811218-9875', 'check-digit'],
    ['bad check digit, 12 digits', '198112189875', 'check-digit'],
    ['birth number 000', withCheck('811218000'), 'serial'],
    ['birth number 000, 12 digits', pnr('1981-12-18', 0), 'serial'],
    ['birth number 000, samordningsnummer', pnr('1970-10-03', 0, { coordination: true }), 'serial'],
    ['month 13', withCheck('811318987'), 'date'],
    ['month 00', withCheck('810018987'), 'date'],
    ['day 00', withCheck('811200987'), 'date'],
    ['31 April', withCheck('810431987'), 'date'],
    ['31 June', withCheck('810631987'), 'date'],
    ['31 September', withCheck('810931987'), 'date'],
    ['31 November', withCheck('811131987'), 'date'],
    ['32 December', withCheck('811232987'), 'date'],
    ['samordningsnummer 31 June (day 91)', withCheck('810691987'), 'date'],
    ['day 45 (neither birth day nor samordningsnummer)', withCheck('811245987'), 'date'],
    ['samordningsnummer day 60', withCheck('811260987'), 'date'],
    ['samordningsnummer day 92', withCheck('811292987'), 'date'],
    ['29 February 1900', `19${withCheck('000229124').replace('-', '')}`, 'date'],
    ["29 February 1900 via '+'", withCheck('000229124').replace('-', '+'), 'date'],
    ['29 February 2023', `20${withCheck('230229124').replace('-', '')}`, 'date'],
    ['12 digits, century 18, 30 February', withCheck('810230987').replace(/^(\d{6})-/, '18$1'), 'date'],
    ['future', pnr('2030-01-01', 123), 'future-date'],
    ['tomorrow', pnr('2025-06-16', 123), 'future-date'],
    ['future samordningsnummer', pnr('2026-01-01', 123, { coordination: true }), 'future-date'],
  ])('%s', (_label, input, reason) => {
    expect(reasonOf(input)).toBe(reason);
    expect(() => parseIdentityNumber(input, { now: NOW })).toThrow(InvalidIdentityNumber);
  });

  it('says only that the check digit does not match, never which digit would', () => {
    const r = tryParseIdentityNumber('811218-9875', { now: NOW });
    expect(r).toEqual({ ok: false, reason: 'check-digit', message: 'Kontrollsiffran stämmer inte; kontrollera numret / The check digit does not match; check the number' });
    if (!r.ok) expect(r.message).not.toMatch(/\d/);
  });

  it('gives each format problem its own message, Swedish first', () => {
    const messageOf = (input: string) => {
      const r = tryParseIdentityNumber(input, { now: NOW });
      return r.ok ? 'ok' : r.message;
    };
    const messages = {
      characters: messageOf('811218-98A6'),
      length: messageOf('81121-9876'),
      plus: messageOf('19811218+9876'),
      misplaced: messageOf('81121-89876'),
      century: messageOf('17811218-9876'),
    };
    expect(messages.characters).toMatch(/^Numret innehåller tecken .* \/ The number contains characters/);
    expect(messages.length).toBe(
      'Numret har 9 siffror; ett personnummer har 10 (ÅÅMMDD-NNNK) eller 12 (ÅÅÅÅMMDD-NNNK) / The number has 9 digits; a personnummer has 10 (YYMMDD-NNNC) or 12 (YYYYMMDD-NNNC)',
    );
    expect(messages.plus).toMatch(/^Plustecknet hör bara till den tiosiffriga formen.* \/ '\+' belongs only in the ten-digit form/);
    expect(messages.misplaced).toMatch(/^Bindestrecket eller plustecknet står före de fyra sista siffrorna.* \/ The '-' or '\+' goes before the last four digits/);
    expect(messages.century).toBe('Århundradet 17 är omöjligt: ett tolvsiffrigt personnummer börjar med 18, 19 eller 20 / Century 17 is impossible: a 12-digit personnummer starts with 18, 19 or 20');
    expect(new Set(Object.values(messages)).size).toBe(5);
  });

  it('names the offending date part', () => {
    expect(tryParseIdentityNumber(withCheck('811318987'), { now: NOW })).toMatchObject({
      message: 'Födelsedatumet finns inte: det finns ingen månad 13 / The birth date does not exist: there is no month 13',
    });
    expect(tryParseIdentityNumber(`20${withCheck('230229124').replace('-', '')}`, { now: NOW })).toMatchObject({
      message: 'Födelsedatumet finns inte: 2023-02 har ingen dag 29 / The birth date does not exist: 2023-02 has no day 29',
    });
    expect(tryParseIdentityNumber(withCheck('811218000'), { now: NOW })).toMatchObject({ message: 'Födelsenummer 000 delas aldrig ut / Birth number 000 is never issued' });
  });

  it('accepts only the kinds asked for', () => {
    const eId = { accept: ['personnummer', 'samordningsnummer'] } as const;
    expect(reasonOf('811218-9876', eId)).toBe('ok');
    expect(reasonOf('701063-2391', eId)).toBe('ok');
    expect(reasonOf('19850312TA1B', { ...eId, reserveRegion: '18' })).toBe('characters');
    expect(reasonOf('701063-2391', { accept: ['personnummer'] })).toBe('not-accepted');
    expect(tryParseIdentityNumber('701063-2391', { now: NOW, accept: ['personnummer'] })).toMatchObject({
      message: 'Ett samordningsnummer tas inte emot här, bara personnummer / A samordningsnummer is not accepted here, only personnummer',
    });
    expect(tryParseIdentityNumber('811218-9876', { now: NOW, accept: ['reservnummer', 'samordningsnummer'] })).toMatchObject({
      reason: 'not-accepted',
      message: 'Ett personnummer tas inte emot här, bara reservnummer eller samordningsnummer / A personnummer is not accepted here, only reservnummer or samordningsnummer',
    });
    expect(reasonOf('811218-9876', { accept: ['reservnummer'], reserveRegion: '18' })).toBe('not-accepted');
  });

  // One national kind together with reservnummer: the other national kind is refused as such, a reservnummer is taken.
  it.each<[string, AcceptedKinds, string | undefined, 'ok' | IdentityNumberReason]>([
    ['811218-9876', ['personnummer', 'reservnummer'], '18', 'ok'],
    ['701063-2391', ['personnummer', 'reservnummer'], '18', 'not-accepted'],
    ['701063-2391', ['samordningsnummer', 'reservnummer'], '18', 'ok'],
    ['811218-9876', ['samordningsnummer', 'reservnummer'], '18', 'not-accepted'],
    ['19850312TA1B', ['personnummer', 'reservnummer'], '18', 'ok'],
    ['19850312TA1B', ['samordningsnummer', 'reservnummer'], '18', 'ok'],
    ['19850312TA1B', ['personnummer', 'reservnummer'], undefined, 'reserve-region-required'],
    ['811218-9875', ['personnummer', 'reservnummer'], '18', 'check-digit'],
    ['811218-9875', ['reservnummer'], '18', 'reserve-format'],
    ['811218-9875', ['reservnummer'], undefined, 'reserve-format'],
    ['81121-9876', ['personnummer', 'reservnummer'], '18', 'length'],
    ['81121-9876', ['personnummer', 'reservnummer'], undefined, 'length'],
    ['hello', ['personnummer', 'reservnummer'], undefined, 'characters'],
    ['hello', ['personnummer', 'reservnummer'], '18', 'reserve-format'],
    ['19850312TA1B', ['personnummer'], '18', 'characters'],
  ])('%s accepting %j (region %s) → %s', (input, accept, reserveRegion, reason) => {
    expect(reasonOf(input, { accept, reserveRegion })).toBe(reason);
  });

  it('says which reservnummer it expected', () => {
    expect(tryParseIdentityNumber('hello', { now: NOW, accept: ['reservnummer'] })).toMatchObject({
      message: 'Numret är inget reservnummer; ett sådant ser ut som 19850312R12A / Not a reservnummer, such as 19850312R12A',
    });
    expect(tryParseIdentityNumber('hello', { now: NOW, accept: ['reservnummer'], reserveRegion: '18' })).toMatchObject({
      message: `Numret är inget reservnummer från region 18; de ser ut som 19850312TA1B / Not a reservnummer of region 18: expected ${reserveNumberFormats['18']!.description}`,
    });
    expect(tryParseIdentityNumber('19850312TA1B', { now: NOW, reserveRegion: '02' })).toMatchObject({
      message: 'Regionen som gav ut reservnumret ska anges med sin länskod, till exempel 18 / The region that issued a reservnummer must be given as its county code, such as 18',
    });
    expect(tryParseIdentityNumber('19850312TA1B', { now: NOW })).toMatchObject({
      message: 'Ett reservnummer tas bara emot tillsammans med regionen som gav ut det / A reservnummer is only accepted together with the region that issued it',
    });
  });

  it('refuses to run with no kind accepted: at compile time, and at run time for a list built empty', () => {
    // @ts-expect-error an empty list of kinds is not an AcceptedKinds
    expect(() => parseIdentityNumber('811218-9876', { now: NOW, accept: [] })).toThrow(RangeError);
    const none = ([] as IdentityKind[]) as unknown as AcceptedKinds;
    expect(() => identityNumberField({ now: () => NOW, accept: none }).safeParse('811218-9876')).toThrow(RangeError);
  });
});

describe('parseIdentityNumber: reservnummer', () => {
  it('is stored with the region that issued it, upper-cased and without separators', () => {
    expect(parseIdentityNumber(' 19850312-ta1b ', { now: NOW, reserveRegion: '18' })).toEqual({
      kind: 'reservnummer',
      canonical: '19850312TA1B',
      birthDate: '1985-03-12',
      legalSex: null,
      issuingRegion: '18',
    });
  });

  it('has no birth date when the format carries none', () => {
    expect(parseIdentityNumber('992024000017', { now: NOW, reserveRegion: '01' })).toMatchObject({ kind: 'reservnummer', birthDate: null });
  });

  it('needs the issuing region', () => {
    expect(reasonOf('19850312TA1B')).toBe('reserve-region-required');
    expect(reasonOf('992024000017')).toBe('reserve-region-required');
    expect(reasonOf('19850312TA1B', { reserveRegion: '1' })).toBe('reserve-region-required');
    expect(reasonOf('19850312TA1B', { reserveRegion: '02' })).toBe('reserve-region-required'); // no county 02
    expect(reasonOf('19850312TA1B', { reserveRegion: '99' })).toBe('reserve-region-required');
    expect(tryParseIdentityNumber('19850312TA1B', { now: NOW, reserveRegion: '99' })).toMatchObject({ message: expect.stringMatching(/^Regionen som gav ut reservnumret ska anges med sin länskod.* \/ The region/) });
    expect(tryParseIdentityNumber('19850312TA1B', { now: NOW })).toMatchObject({ message: expect.stringMatching(/^Ett reservnummer tas bara emot tillsammans med regionen/) });
    expect(reasonOf('hello')).toBe('characters');
    expect(reasonOf('hello', { accept: ['reservnummer'] })).toBe('reserve-format');
  });

  it('does not let a bad issuing region hide what is wrong with a number shaped like a personnummer', () => {
    for (const region of ['99', '00', '02', '1']) {
      expect(reasonOf('811218-9875', { reserveRegion: region })).toBe('check-digit');
      expect(reasonOf(withCheck('811218000'), { reserveRegion: region })).toBe('serial');
      expect(reasonOf('811218-9876', { reserveRegion: region })).toBe('ok');
    }
  });

  it("must match the issuing region's format", () => {
    expect(reasonOf('19850312TA1B', { reserveRegion: '01' })).toBe('reserve-format');
    expect(tryParseIdentityNumber('19850312TA1B', { now: NOW, reserveRegion: '01' })).toMatchObject({
      message: `Numret är inget reservnummer från region 01; de ser ut som 992024000017 / Not a reservnummer of region 01: expected ${reserveNumberFormats['01']!.description}`,
    });
    expect(reasonOf('19850312TA1B', { reserveRegion: '25' })).toBe('ok'); // default format
    // Digits only: told what is wrong with it as a personnummer, even where reservnummer are digits too.
    expect(reasonOf('81121-9876', { reserveRegion: '01' })).toBe('length');
  });

  it.each([
    ['20250615TA1B', 'ok', 'born today'],
    ['20250616TA1B', 'future-date', 'born tomorrow'],
    ['20250631TA1B', 'date', '31 June'],
    ['19000229TA1B', 'date', '1900 was no leap year'],
    ['20000229TA1B', 'ok', '2000 was'],
    ['17850312TA1B', 'reserve-format', 'century 17 is not a birth date'],
  ])('region 18: %s → %s (%s)', (input, reason) => {
    expect(reasonOf(input, { reserveRegion: '18' })).toBe(reason);
  });

  it('says that a reservnummer’s birth date is in the future', () => {
    expect(tryParseIdentityNumber('20250616TA1B', { now: NOW, reserveRegion: '18' })).toMatchObject({
      message: 'Reservnumrets födelsedatum 2025-06-16 ligger i framtiden / The reservnummer\'s birth date 2025-06-16 is in the future',
    });
    expect(tryParseIdentityNumber('20250631TA1B', { now: NOW, reserveRegion: '18' })).toMatchObject({
      message: "Reservnumrets födelsedatum finns inte: 2025-06 har ingen dag 31 / The reservnummer's birth date does not exist: 2025-06 has no day 31",
    });
    expect(tryParseIdentityNumber(makePersonnummer('2025-06-16', 1), { now: NOW })).toMatchObject({
      message: 'Födelsedatumet 2025-06-16 ligger i framtiden / The birth date 2025-06-16 is in the future',
    });
  });

  // The 21 county codes; every other two-digit code (02, 11, 15, 16, 26 …) names no region.
  it.each(['01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13', '14', '17', '18', '19', '20', '21', '22', '23', '24', '25'])('county %s issues reservnummer', (region) => {
    expect(reasonOf(reserveNumberFormats[region]?.example ?? defaultReserveNumberFormat.example, { reserveRegion: region })).toBe('ok');
  });

  it.each(['00', '02', '11', '15', '16', '26', '1', '018', ''])('county code %j names no region', (region) => {
    expect(reasonOf(defaultReserveNumberFormat.example, { reserveRegion: region })).toBe('reserve-region-required');
  });

  // One near miss per part of each region's format: wrong in exactly one place.
  it.each<[string, string, 'ok' | IdentityNumberReason]>([
    ['01', '992024000017', 'ok'],
    ['01', '991924000017', 'ok'],
    ['01', '982024000017', 'reserve-format'],
    ['01', '991824000017', 'reserve-format'],
    ['01', '99202400001', 'reserve-format'],
    ['01', '9920240000171', 'reserve-format'],
    ['04', '18500101M001', 'ok'],
    ['04', '18600101P999', 'ok'],
    ['04', '18500101M000', 'reserve-format'],
    ['04', '18500101A123', 'reserve-format'],
    ['04', '18550101M123', 'reserve-format'],
    ['04', '19850312A11C', 'reserve-format'],
    ['04', '19850312AB1C1', 'reserve-format'],
    ['10', '19850312AB11', 'reserve-format'],
    ['10', '19850312A11C', 'reserve-format'],
    ['10', 'X19850312AB1C', 'reserve-format'],
    ['12', '19850312GA0B', 'reserve-format'],
    ['12', '19850312DA2B', 'reserve-format'],
    ['12', '19850312DA01', 'reserve-format'],
    ['12', '19850312D10B', 'reserve-format'],
    ['13', '198512591234', 'ok'],
    ['13', '170001321234', 'ok'],
    ['13', '198510321234', 'ok'],
    ['13', '198503311234', 'reserve-format'],
    ['13', '198503601234', 'reserve-format'],
    ['13', '198513421234', 'reserve-format'],
    ['13', '198500421234', 'reserve-format'],
    ['13', '168503421234', 'reserve-format'],
    ['13', '19850342123', 'reserve-format'],
    ['14', '19850312Y999', 'ok'],
    ['14', '19850312G123', 'reserve-format'],
    ['14', '19850312I123', 'reserve-format'],
    ['14', '19850312O123', 'reserve-format'],
    ['14', '19850312Q123', 'reserve-format'],
    ['14', '19850312Z123', 'reserve-format'],
    ['14', '19850312K12', 'reserve-format'],
    ['17', '19850312SL9Z', 'ok'],
    ['17', '19850312SX09', 'ok'],
    ['17', '19850312SA1A', 'reserve-format'],
    ['17', '19850312SF1V', 'reserve-format'],
    ['17', '19850312SF10', 'reserve-format'],
    ['17', '19850312TF1A', 'reserve-format'],
    ['17', '19850312SFA1', 'reserve-format'],
    ['18', '19850312TZ9J', 'ok'],
    ['18', '19850312TA1K', 'reserve-format'],
    ['18', '19850312SA1B', 'reserve-format'],
    ['18', '19850312T11B', 'reserve-format'],
    ['18', '19850312TAAB', 'reserve-format'],
    ['20', '19850312Z999', 'ok'],
    ['20', '19850312AB23', 'reserve-format'],
    ['20', '19850312A12', 'reserve-format'],
    ['21', '19850312-12K3', 'ok'],
    ['21', '1985031200X9', 'ok'],
    ['21', '1985031212A3', 'reserve-format'],
    ['21', '198503121MK3', 'reserve-format'],
    ['21', '1985031212KK', 'reserve-format'],
    ['22', '19850312123S', 'reserve-format'],
    ['22', '1985031212AR', 'reserve-format'],
    ['24', '19850312E000', 'ok'],
    ['24', '19850312B123', 'reserve-format'],
    ['24', '19850312R12', 'reserve-format'],
    ['25', '991234567890', 'ok'],
    ['25', '19850312RABC', 'ok'],
    ['25', '19850312R9Z9', 'ok'],
    ['25', '9912345678901', 'reserve-format'],
    ['25', '98123456789A', 'reserve-format'],
    ['25', '198503121ABC', 'reserve-format'],
    ['25', '19850312R-AB', 'reserve-format'],
    ['25', '19850312RAB', 'reserve-format'],
  ])('region %s: %s → %s', (region, input, reason) => {
    expect(reasonOf(input, { reserveRegion: region, accept: ['reservnummer'] })).toBe(reason);
  });

  it('checks an embedded birth date', () => {
    expect(reasonOf('19851312TA1B', { reserveRegion: '18' })).toBe('date');
    expect(tryParseIdentityNumber('19851312TA1B', { now: NOW, reserveRegion: '18' })).toMatchObject({ message: expect.stringMatching(/^Reservnumrets födelsedatum finns inte: det finns ingen månad 13/) });
    expect(reasonOf('20300312TA1B', { reserveRegion: '18' })).toBe('future-date');
  });

  // Region 12 writes the birth date with or without the century; the short form is a date too, not any six digits.
  it.each<[string, IdentityNumberReason | 'ok', string | null]>([
    ['19850312DA0B', 'ok', '1985-03-12'],
    ['850312DA0B', 'ok', '1985-03-12'],
    ['000229DA0B', 'ok', '2000-02-29'],
    ['250615DA0B', 'ok', '2025-06-15'], // today
    ['250616DA0B', 'ok', '1925-06-16'], // tomorrow a century ago: the most recent such day not in the future
    ['010229DA0B', 'date', null], // neither 1901 nor 2001 was a leap year
    ['851312DA0B', 'date', null],
    ['850012DA0B', 'date', null],
    ['850300DA0B', 'date', null],
    ['850431DA0B', 'date', null],
    ['999999DA0B', 'date', null],
    ['19851312DA0B', 'date', null],
  ])('region 12: %s → %s', (input, reason, birthDate) => {
    expect(reasonOf(input, { reserveRegion: '12' })).toBe(reason);
    if (birthDate) expect(parseIdentityNumber(input, { now: NOW, reserveRegion: '12' }).birthDate).toBe(birthDate);
  });

  it('lets a valid national number win, and a failing one that fits the region be a reservnummer', () => {
    expect(parseIdentityNumber('811218-9876', { now: NOW, reserveRegion: '13' }).kind).toBe('personnummer');
    // Halland's reservnummer look like personnummer with day 32–59.
    expect(parseIdentityNumber('198503421234', { now: NOW, reserveRegion: '13' })).toMatchObject({ kind: 'reservnummer', birthDate: null });
    expect(reasonOf('198503421234')).toBe('check-digit');
    // A mistyped personnummer that fits no reservnummer keeps its own reason, with or without a region.
    expect(reasonOf('811218-9875', { reserveRegion: '18' })).toBe('check-digit');
  });

  it.each([...Object.entries(reserveNumberFormats), ['default (25)', defaultReserveNumberFormat] as const])(
    'region %s: the example parses and synthesized numbers round-trip',
    (key, format) => {
      const region = key.startsWith('default') ? '25' : key;
      expect(parseIdentityNumber(format.example, { now: NOW, reserveRegion: region }).kind).toBe('reservnummer');
      fc.assert(
        fc.property(
          fc.integer({ min: Date.UTC(1900, 0, 1), max: Date.UTC(2025, 5, 15) }),
          fc.array(fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }), { minLength: 1, maxLength: 16 }),
          (ms, draws) => {
            const birthDate = new Date(ms).toISOString().slice(0, 10);
            let i = 0;
            const random = () => draws[i++ % draws.length]!;
            const number = makeReservnummer(region, { birthDate, issuedYear: 2024, random });
            const parsed = parseIdentityNumber(number, { now: NOW, reserveRegion: region });
            expect(parsed).toMatchObject({ kind: 'reservnummer', canonical: number, issuingRegion: region, legalSex: null });
            expect([null, birthDate]).toContain(parsed.birthDate);
          },
        ),
        { numRuns: 200 },
      );
    },
  );
});

describe('format and mask', () => {
  it('formats national numbers with a dash and reservnummer as stored', () => {
    expect(formatIdentityNumber(parseIdentityNumber('8112189876', { now: NOW }))).toBe('19811218-9876');
    expect(formatIdentityNumber(parseIdentityNumber('19850312-ta1b', { now: NOW, reserveRegion: '18' }))).toBe('19850312TA1B');
  });

  it('hides the last four characters', () => {
    expect(maskIdentityNumber('198112189876')).toBe('19811218-****');
    expect(maskIdentityNumber('19811218-9876')).toBe('19811218-****');
    expect(maskIdentityNumber('19850312TA1B')).toBe('19850312-****');
    expect(maskIdentityNumber('123')).toBe('****');
  });

  it("keeps the '+' of someone aged 100 or more, so that the century is not lost", () => {
    expect(maskIdentityNumber('121212+1212')).toBe('121212+****');
    expect(maskIdentityNumber('121212-1212')).toBe('121212-****');
    expect(maskIdentityNumber('191212121212')).toBe('19121212-****');
  });
});

describe('ageOn and makePersonnummer', () => {
  it('counts whole years on the Stockholm calendar date', () => {
    expect(ageOn('1981-12-18', NOW)).toBe(43);
    expect(ageOn('1981-06-15', NOW)).toBe(44);
    expect(ageOn('2000-02-29', new Date('2025-02-28T12:00:00Z'))).toBe(24);
    expect(ageOn('2000-02-29', new Date('2025-03-01T12:00:00Z'))).toBe(25);
    expect(ageOn('2007-01-01', new Date('2024-12-31T23:30:00Z'))).toBe(18);
    expect(calendarDateInStockholm(new Date('2024-12-31T23:30:00Z'))).toBe('2025-01-01');
    expect(() => ageOn('2001-02-29', NOW)).toThrow(RangeError);
  });

  it('makes canonical numbers with correct check digits', () => {
    expect(makePersonnummer('1981-12-18', 987)).toBe('198112189876');
    expect(makePersonnummer('1970-10-03', 239, { coordination: true })).toBe('197010632391');
    expect(() => makePersonnummer('1981-02-30', 1)).toThrow(RangeError);
    expect(() => makePersonnummer('1981-12-18', 1000)).toThrow(RangeError);
  });

  it.each([-1, 1000, 1.5, Number.NaN])('refuses serial %d', (serial) => {
    expect(() => makePersonnummer('1981-12-18', serial)).toThrow('serial must be an integer 0..999');
  });

  it.each([
    ['1981-12-18', 0, {}, '19811218000' + luhn('811218000')],
    ['1981-12-18', 999, {}, '19811218999' + luhn('811218999')],
    ['2005-01-09', 7, {}, '20050109007' + luhn('050109007')],
    ['2005-01-09', 7, { coordination: true }, '20050169007' + luhn('050169007')],
    ['1899-12-31', 42, {}, '18991231042' + luhn('991231042')],
  ])('makePersonnummer(%s, %d, %j) is %s', (birthDate, serial, opts, canonical) => {
    expect(makePersonnummer(birthDate, serial, opts)).toBe(canonical);
  });

  it.each(['1981-13-01', '1981-00-10', '1981-04-31', '81-12-18', '1981-12-18T00:00', ' 1981-12-18'])('refuses the birth date %s', (birthDate) => {
    expect(() => makePersonnummer(birthDate, 1)).toThrow(RangeError);
  });

  it.each([
    ['1981-06-15', '2025-06-14T12:00:00Z', 43, 'the day before the birthday'],
    ['1981-06-15', '2025-06-15T12:00:00Z', 44, 'on the birthday'],
    ['1981-06-15', '2025-06-14T22:30:00Z', 44, 'on the birthday in Stockholm, the evening before in UTC'],
    ['1981-06-15', '2025-05-16T12:00:00Z', 43, 'a month before, a later day of the month'],
    ['1981-06-15', '2025-07-14T12:00:00Z', 44, 'a month after, an earlier day of the month'],
    ['2025-06-15', '2025-06-15T12:00:00Z', 0, 'born today'],
  ])('ageOn(%s, %s) is %d (%s)', (birthDate, on, age) => {
    expect(ageOn(birthDate, new Date(on))).toBe(age);
  });

  it('refuses an invalid moment', () => {
    expect(() => calendarDateInStockholm(new Date('not a date'))).toThrow(RangeError);
    expect(() => parseIdentityNumber('811218-9876', { now: new Date(Number.NaN) })).toThrow(RangeError);
  });
});

describe('properties', () => {
  const today = Date.UTC(2025, 5, 15);
  const birthDateArb = fc.integer({ min: Date.UTC(1800, 0, 1), max: today }).map((ms) => new Date(ms).toISOString().slice(0, 10));
  const serialArb = fc.integer({ min: 1, max: 999 });

  it('makePersonnummer → parse round-trips birth date, kind and sex', () => {
    fc.assert(
      fc.property(birthDateArb, serialArb, fc.boolean(), (birthDate, serial, coordination) => {
        const canonical = makePersonnummer(birthDate, serial, { coordination });
        expect(parseIdentityNumber(canonical, { now: NOW })).toEqual({
          kind: coordination ? 'samordningsnummer' : 'personnummer',
          canonical,
          birthDate,
          legalSex: serial % 2 === 1 ? 'male' : 'female',
          issuingRegion: null,
        });
      }),
    );
  });

  it('any single-digit change of the ten Luhn-covered digits breaks the check digit, and the message hides the number', () => {
    fc.assert(
      fc.property(birthDateArb, serialArb, fc.boolean(), fc.integer({ min: 2, max: 11 }), fc.integer({ min: 1, max: 9 }), (birthDate, serial, coordination, at, delta) => {
        const valid = makePersonnummer(birthDate, serial, { coordination });
        const changed = valid.slice(0, at) + String((Number(valid[at]) + delta) % 10) + valid.slice(at + 1);
        for (const input of [changed, `${changed.slice(2, 8)}-${changed.slice(8)}`]) {
          const r = tryParseIdentityNumber(input, { now: NOW, reserveRegion: '18' });
          expect(r).toMatchObject({ ok: false, reason: 'check-digit' });
          if (!r.ok) expect(r.message).not.toContain(changed.slice(2));
        }
      }),
    );
  });

  it('every 10-digit form parses to the canonical of its 12-digit form when the century is unambiguous', () => {
    // Within 199 years of now the separator ('+' from the year one turns 100) settles the century.
    const recent = fc.integer({ min: Date.UTC(1826, 0, 1), max: today }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(
      fc.property(recent, serialArb, fc.boolean(), (birthDate, serial, coordination) => {
        const canonical = makePersonnummer(birthDate, serial, { coordination });
        const separator = 2025 - Number(birthDate.slice(0, 4)) >= 100 ? '+' : '-';
        const forms = [`${canonical.slice(2, 8)}${separator}${canonical.slice(8)}`];
        if (separator === '-') forms.push(canonical.slice(2));
        for (const form of forms) expect(parseIdentityNumber(form, { now: NOW }).canonical).toBe(canonical);
        expect(parseIdentityNumber(`${canonical.slice(0, 8)}-${canonical.slice(8)}`, { now: NOW }).canonical).toBe(canonical);
      }),
    );
  });

  it('refuses birth number 000 on every date, in every form', () => {
    fc.assert(
      fc.property(birthDateArb, fc.boolean(), (birthDate, coordination) => {
        const canonical = makePersonnummer(birthDate, 0, { coordination });
        for (const form of [canonical, `${canonical.slice(0, 8)}-${canonical.slice(8)}`, `${canonical.slice(2, 8)}-${canonical.slice(8)}`]) {
          expect(reasonOf(form, { reserveRegion: '18' })).toBe('serial');
        }
      }),
    );
  });

  it('refuses arbitrary input only with InvalidIdentityNumber', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 20 }), fc.option(fc.constantFrom('01', '12', '13', '18', '25')), (input, region) => {
        const r = tryParseIdentityNumber(input, { now: NOW, reserveRegion: region ?? undefined });
        if (r.ok) expect(r.value.canonical.length).toBeGreaterThanOrEqual(10);
      }),
    );
  });
});

describe('zod fields', () => {
  it('identityNumberField turns input into the canonical number', () => {
    expect(identityNumberField({ now: () => NOW }).parse(' 811218-9876 ')).toBe('198112189876');
    expect(identityNumberField({ now: () => new Date('2012-12-11T12:00:00Z') }).parse('121212-1212')).toBe('191212121212');
  });

  it('identityNumberField fails with the reason', () => {
    const result = identityNumberField({ now: () => NOW }).safeParse('811218-9875');
    expect(result.success).toBe(false);
    expect(result.error?.issues).toEqual([
      expect.objectContaining({ code: 'custom', message: expect.stringContaining('The check digit does not match'), params: { reason: 'check-digit' } }),
    ]);
    const reserve = identityNumberField({ now: () => NOW }).safeParse('19850312TA1B');
    expect(reserve.error?.issues[0]).toMatchObject({ params: { reason: 'reserve-region-required' } });
    const onlyPnr = identityNumberField({ now: () => NOW, accept: ['personnummer'] }).safeParse('701063-2391');
    expect(onlyPnr.error?.issues[0]).toMatchObject({ params: { reason: 'not-accepted' } });
  });

  it('reserveNumberInput takes a reservnummer with its region', () => {
    const schema = reserveNumberInput({ now: () => NOW });
    expect(schema.parse({ number: '19850312-ta1b', issuingRegion: '18' })).toEqual({ number: '19850312TA1B', issuingRegion: '18' });
    const wrong = schema.safeParse({ number: '19850312TA1B', issuingRegion: '01' });
    expect(wrong.error?.issues[0]).toMatchObject({ path: ['number'], params: { reason: 'reserve-format' } });
    const national = schema.safeParse({ number: '811218-9876', issuingRegion: '18' });
    expect(national.error?.issues[0]).toMatchObject({ path: ['number'], params: { reason: 'not-accepted' } });
    for (const issuingRegion of ['Örebro', '99', '02']) {
      const badRegion = schema.safeParse({ number: '19850312TA1B', issuingRegion });
      expect(badRegion.error?.issues).toEqual([expect.objectContaining({ path: ['issuingRegion'], message: 'En länskod, till exempel 18 / A county code, such as 18' })]);
    }
  });
});
