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
  type IdentityKind,
  type IdentityNumberReason,
} from './identity-number.js';

// Only the standard published test numbers and numbers made up here with makePersonnummer.
const NOW = new Date('2025-06-15T10:00:00Z');

/** A 10-digit number YYMMDDNNN + a correct check digit (to test date rules without tripping the check digit). */
const withCheck = (nine: string) => `${nine.slice(0, 6)}-${nine.slice(6)}${luhnCheckDigit(nine)}`;

const reasonOf = (input: string, opts: Partial<Parameters<typeof parseIdentityNumber>[1]> = {}) => {
  const r = tryParseIdentityNumber(input, { now: NOW, ...opts });
  return r.ok ? 'ok' : r.reason;
};

describe('luhnCheckDigit', () => {
  it.each([
    ['811218987', 6],
    ['121212121', 2],
    ['701063239', 1],
  ])('%s → %i', (nine, digit) => expect(luhnCheckDigit(nine)).toBe(digit));

  it('refuses anything but nine digits', () => {
    expect(() => luhnCheckDigit('81121898')).toThrow(RangeError);
    expect(() => luhnCheckDigit('81121898x')).toThrow(RangeError);
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
    [withCheck('000229124'), NOW, 'personnummer', makePersonnummer('2000-02-29', 124), '2000-02-29', 'female'],
    [makePersonnummer('2024-02-29', 2), NOW, 'personnummer', makePersonnummer('2024-02-29', 2), '2024-02-29', 'female'],
    [`000289-${makePersonnummer('2000-02-29', 981, { coordination: true }).slice(8)}`, NOW, 'samordningsnummer', makePersonnummer('2000-02-29', 981, { coordination: true }), '2000-02-29', 'male'],
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
    ['letters', 'abcdef-ghij', 'format'],
    ['too short', '81121-9876', 'format'],
    ['odd separator', '811218*9876', 'format'],
    ["'+' with a century", '19811218+9876', 'format'],
    ['impossible century', '17811218-9876', 'format'],
    ['bad check digit', '811218-9875', 'check-digit'],
    ['bad check digit, 12 digits', '198112189875', 'check-digit'],
    ['month 13', withCheck('811318987'), 'date'],
    ['month 00', withCheck('810018987'), 'date'],
    ['day 00', withCheck('811200987'), 'date'],
    ['31 April', withCheck('810431987'), 'date'],
    ['day 45 (neither birth day nor samordningsnummer)', withCheck('811245987'), 'date'],
    ['samordningsnummer day 92', withCheck('811292987'), 'date'],
    ['29 February 1900', `19${withCheck('000229124').replace('-', '')}`, 'date'],
    ["29 February 1900 via '+'", withCheck('000229124').replace('-', '+'), 'date'],
    ['29 February 2023', `20${withCheck('230229124').replace('-', '')}`, 'date'],
    ['future', makePersonnummer('2030-01-01', 123), 'future-date'],
    ['tomorrow', makePersonnummer('2025-06-16', 123), 'future-date'],
    ['future samordningsnummer', makePersonnummer('2026-01-01', 123, { coordination: true }), 'future-date'],
  ])('%s', (_label, input, reason) => {
    expect(reasonOf(input)).toBe(reason);
    expect(() => parseIdentityNumber(input, { now: NOW })).toThrow(InvalidIdentityNumber);
  });

  it('explains the check digit without echoing the number', () => {
    const r = tryParseIdentityNumber('811218-9875', { now: NOW });
    expect(r).toEqual({ ok: false, reason: 'check-digit', message: 'check digit is 5, expected 6' });
  });

  it('names the offending date part', () => {
    expect(tryParseIdentityNumber(withCheck('811318987'), { now: NOW })).toMatchObject({ message: 'month 13 does not exist' });
    expect(tryParseIdentityNumber(`20${withCheck('230229124').replace('-', '')}`, { now: NOW })).toMatchObject({ message: '2023-02 has no day 29' });
  });

  it('accepts only the kinds asked for', () => {
    const eId = { accept: ['personnummer', 'samordningsnummer'] as IdentityKind[] };
    expect(reasonOf('811218-9876', eId)).toBe('ok');
    expect(reasonOf('701063-2391', eId)).toBe('ok');
    expect(reasonOf('19850312TA1B', { ...eId, reserveRegion: '18' })).toBe('format');
    expect(reasonOf('701063-2391', { accept: ['personnummer'] })).toBe('format');
    expect(tryParseIdentityNumber('701063-2391', { now: NOW, accept: ['personnummer'] })).toMatchObject({
      message: 'a samordningsnummer is not accepted here, only personnummer',
    });
    expect(reasonOf('811218-9876', { accept: ['reservnummer'], reserveRegion: '18' })).toBe('format');
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
    expect(reasonOf('hello')).toBe('format');
  });

  it("must match the issuing region's format", () => {
    expect(reasonOf('19850312TA1B', { reserveRegion: '01' })).toBe('reserve-format');
    expect(tryParseIdentityNumber('19850312TA1B', { now: NOW, reserveRegion: '01' })).toMatchObject({
      message: expect.stringContaining(reserveNumberFormats['01']!.description),
    });
    expect(reasonOf('19850312TA1B', { reserveRegion: '25' })).toBe('ok'); // default format
  });

  it('checks an embedded birth date', () => {
    expect(reasonOf('19851312TA1B', { reserveRegion: '18' })).toBe('date');
    expect(reasonOf('20300312TA1B', { reserveRegion: '18' })).toBe('future-date');
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
});

describe('properties', () => {
  const today = Date.UTC(2025, 5, 15);
  const birthDateArb = fc.integer({ min: Date.UTC(1800, 0, 1), max: today }).map((ms) => new Date(ms).toISOString().slice(0, 10));
  const serialArb = fc.integer({ min: 0, max: 999 });

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
      expect.objectContaining({ code: 'custom', message: 'check digit is 5, expected 6', params: { reason: 'check-digit' } }),
    ]);
    const reserve = identityNumberField({ now: () => NOW }).safeParse('19850312TA1B');
    expect(reserve.error?.issues[0]).toMatchObject({ params: { reason: 'reserve-region-required' } });
    const onlyPnr = identityNumberField({ now: () => NOW, accept: ['personnummer'] }).safeParse('701063-2391');
    expect(onlyPnr.error?.issues[0]).toMatchObject({ params: { reason: 'format' } });
  });

  it('reserveNumberInput takes a reservnummer with its region', () => {
    const schema = reserveNumberInput({ now: () => NOW });
    expect(schema.parse({ number: '19850312-ta1b', issuingRegion: '18' })).toEqual({ number: '19850312TA1B', issuingRegion: '18' });
    const wrong = schema.safeParse({ number: '19850312TA1B', issuingRegion: '01' });
    expect(wrong.error?.issues[0]).toMatchObject({ path: ['number'], params: { reason: 'reserve-format' } });
    const national = schema.safeParse({ number: '811218-9876', issuingRegion: '18' });
    expect(national.error?.issues[0]).toMatchObject({ path: ['number'], params: { reason: 'format' } });
    const badRegion = schema.safeParse({ number: '19850312TA1B', issuingRegion: 'Örebro' });
    expect(badRegion.error?.issues[0]).toMatchObject({ path: ['issuingRegion'] });
  });
});
