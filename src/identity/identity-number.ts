/**
 * The one way Swedish identity numbers enter the system: personnummer, samordningsnummer and the
 * regions' own reservnummer. Pure: the caller passes `now`, and every calendar decision (century,
 * "not in the future", age) uses the date in Europe/Stockholm, never the machine's time zone.
 *
 * Messages never contain the whole number, so they are safe to log and to show in lists; they are written
 * Swedish first, then English ("… / …"), and each reason has its own wording, so a person learns what to fix.
 */
import { z } from 'zod';

export type IdentityKind = 'personnummer' | 'samordningsnummer' | 'reservnummer';
export type LegalSex = 'female' | 'male';

export interface IdentityNumber {
  kind: IdentityKind;
  /** 12 digits YYYYMMDDNNNC for personnummer and samordningsnummer (day + 60 kept); reservnummer upper-cased without separators. */
  canonical: string;
  /** 'YYYY-MM-DD'; null for a reservnummer whose format carries no birth date. */
  birthDate: string | null;
  legalSex: LegalSex | null;
  /** County code of the region that issued a reservnummer; null for national numbers. */
  issuingRegion: string | null;
}

export type IdentityNumberReason =
  | 'empty'
  /** Letters, spaces or other signs where a personnummer has digits. */
  | 'characters'
  /** Not 10 or 12 digits. */
  | 'length'
  /** 12 digits starting with anything but 18, 19 or 20. */
  | 'century'
  /** '-' or '+' in the wrong place, more than one, or '+' on the 12-digit form. */
  | 'separator'
  | 'check-digit'
  /** Birth number 000, which Skatteverket never issues. */
  | 'serial'
  | 'date'
  | 'future-date'
  /** A valid number of a kind this place does not take (a samordningsnummer where only personnummer will do). */
  | 'not-accepted'
  | 'reserve-region-required'
  | 'reserve-format';

export class InvalidIdentityNumber extends Error {
  constructor(
    readonly reason: IdentityNumberReason,
    message: string,
  ) {
    super(message);
    this.name = 'InvalidIdentityNumber';
  }
}

/** At least one kind: a place that accepts no identity number at all has no use for the parser. */
export type AcceptedKinds = readonly [IdentityKind, ...IdentityKind[]];

export interface ParseOptions {
  now: Date;
  /** County code of the region that issued the number; required to accept a reservnummer. */
  reserveRegion?: string;
  /** Kinds to accept; all by default. */
  accept?: AcceptedKinds;
}

export type ParseResult =
  | { ok: true; value: IdentityNumber }
  | { ok: false; reason: IdentityNumberReason; message: string };

// ---------------------------------------------------------------------------------------------
// Calendar

interface Ymd {
  y: number;
  m: number;
  d: number;
}

const stockholmDateParts = new Intl.DateTimeFormat('en-US', {
  timeZone: 'Europe/Stockholm',
  year: 'numeric',
  month: 'numeric',
  day: 'numeric',
});

function stockholmYmd(on: Date): Ymd {
  if (Number.isNaN(on.getTime())) throw new RangeError('invalid date');
  const parts = stockholmDateParts.formatToParts(on);
  const part = (type: 'year' | 'month' | 'day') => Number(parts.find((p) => p.type === type)?.value);
  return { y: part('year'), m: part('month'), d: part('day') };
}

/** The calendar date of `on` in Europe/Stockholm, as 'YYYY-MM-DD'. */
export function calendarDateInStockholm(on: Date): string {
  return isoDate(stockholmYmd(on));
}

function isLeapYear(y: number): boolean {
  return (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
}

function daysInMonth(y: number, m: number): number {
  if (m === 2) return isLeapYear(y) ? 29 : 28;
  return m === 4 || m === 6 || m === 9 || m === 11 ? 30 : 31;
}

function isRealDate({ y, m, d }: Ymd): boolean {
  return m >= 1 && m <= 12 && d >= 1 && d <= daysInMonth(y, m);
}

function ymdKey({ y, m, d }: Ymd): number {
  return y * 10_000 + m * 100 + d;
}

const pad = (n: number, width: number) => String(n).padStart(width, '0');

function isoDate({ y, m, d }: Ymd): string {
  return `${pad(y, 4)}-${pad(m, 2)}-${pad(d, 2)}`;
}

function parseIsoDate(s: string): Ymd {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  const ymd = match && { y: Number(match[1]), m: Number(match[2]), d: Number(match[3]) };
  if (!ymd || !isRealDate(ymd)) throw new RangeError(`not a calendar date: ${s}`);
  return ymd;
}

/** Whole years between `birthDate` and the Stockholm calendar date of `on` (a 29 February birthday falls on 1 March in common years). */
export function ageOn(birthDate: string, on: Date): number {
  const born = parseIsoDate(birthDate);
  const today = stockholmYmd(on);
  const hadBirthday = today.m * 100 + today.d >= born.m * 100 + born.d;
  return today.y - born.y - (hadBirthday ? 0 : 1);
}

// ---------------------------------------------------------------------------------------------
// Check digit

/** Luhn (mod 10, weights 2-1-2-…) check digit over the nine digits YYMMDDNNN. */
export function luhnCheckDigit(nineDigits: string): number {
  if (!/^\d{9}$/.test(nineDigits)) throw new RangeError('luhnCheckDigit needs exactly nine digits');
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const product = Number(nineDigits[i]) * (i % 2 === 0 ? 2 : 1);
    sum += product > 9 ? product - 9 : product;
  }
  return (10 - (sum % 10)) % 10;
}

/**
 * A canonical 12-digit number with a correct check digit; serial is the birth number NNN (its last digit gives
 * the legal sex). Serial 0 makes a number Skatteverket never issues, which the parser refuses: builders of
 * people use 1–999 (0 is allowed here so that tests can build that refusal, and bulk loaders that never parse
 * their numbers back keep working).
 */
export function makePersonnummer(birthDate: string, serial: number, opts: { coordination?: boolean } = {}): string {
  const { y, m, d } = parseIsoDate(birthDate);
  if (!Number.isInteger(serial) || serial < 0 || serial > 999) throw new RangeError('serial must be an integer 0..999');
  const body = `${pad(y % 100, 2)}${pad(m, 2)}${pad(opts.coordination ? d + 60 : d, 2)}${pad(serial, 3)}`;
  return `${pad(Math.floor(y / 100), 2)}${body}${luhnCheckDigit(body)}`;
}

// ---------------------------------------------------------------------------------------------
// Personnummer and samordningsnummer

/** Ten digits with '-', '+' or no separator, or twelve digits (centuries 18–20) with '-' or none. */
const NATIONAL_SHAPE = /^(?:(\d{6})([-+]?)|((?:18|19|20)\d{6})(-?))(\d{4})$/;

/** A message for people: Swedish first, then English. */
const say = (sv: string, en: string) => `${sv} / ${en}`;

function fail(reason: IdentityNumberReason, message: string): never {
  throw new InvalidIdentityNumber(reason, message);
}

/**
 * Why a string that is not shaped like a personnummer is not one: letters or other signs, the number of
 * digits, the century, or where the separator stands. Says which, never the number itself.
 */
function malformedNational(s: string): InvalidIdentityNumber {
  const refuse = (reason: IdentityNumberReason, sv: string, en: string) => new InvalidIdentityNumber(reason, say(sv, en));
  if (/[^\d+-]/.test(s)) {
    return refuse(
      'characters',
      'Numret innehåller tecken som inte finns i ett personnummer (bokstäver, mellanslag eller andra tecken); det består av siffror med - eller + före de fyra sista',
      'The number contains characters a personnummer does not have (letters, spaces or other signs); it is digits with - or + before the last four',
    );
  }
  const digits = s.replace(/[+-]/g, '');
  if (digits.length !== 10 && digits.length !== 12) {
    return refuse(
      'length',
      `Numret har ${digits.length} siffror; ett personnummer har 10 (ÅÅMMDD-NNNK) eller 12 (ÅÅÅÅMMDD-NNNK)`,
      `The number has ${digits.length} digits; a personnummer has 10 (YYMMDD-NNNC) or 12 (YYYYMMDD-NNNC)`,
    );
  }
  if (digits.length === 12 && !/^(?:18|19|20)/.test(digits)) {
    return refuse(
      'century',
      `Århundradet ${digits.slice(0, 2)} är omöjligt: ett tolvsiffrigt personnummer börjar med 18, 19 eller 20`,
      `Century ${digits.slice(0, 2)} is impossible: a 12-digit personnummer starts with 18, 19 or 20`,
    );
  }
  if (digits.length === 12 && s.includes('+')) {
    return refuse(
      'separator',
      'Plustecknet hör bara till den tiosiffriga formen (ÅÅMMDD+NNNK) för den som fyllt 100; med århundradet skrivs bindestreck',
      "'+' belongs only in the ten-digit form (YYMMDD+NNNC) of someone aged 100 or more; with the century, write '-'",
    );
  }
  return refuse('separator', 'Bindestrecket eller plustecknet står före de fyra sista siffrorna, och bara där', "The '-' or '+' goes before the last four digits, and only there");
}

/**
 * The birth year of a 10-digit number. '-' (or none): the most recent year ending in YY whose date is
 * not after today. '+' ("100 or older in the current year", folkbokföringslagen 18 §): the most recent
 * year ending in YY at least 100 years before the current year. Note that '+' is not simply "'-' minus
 * 100": someone born later in the year that ends in the current YY turns 100 this year and writes '+',
 * while a '-' on that number (written before the separator was changed) resolves to the same person.
 */
function birthYear(yy: number, m: number, d: number, separator: string, today: Ymd): number {
  const latest = today.y - ((((today.y - yy) % 100) + 100) % 100);
  if (separator === '+') return latest - 100;
  return ymdKey({ y: latest, m, d }) > ymdKey(today) ? latest - 100 : latest;
}

/** A birth date that exists and is not after today; `ofReserve` says in the message that it is a reservnummer's. */
function checkedBirthDate(born: Ymd, today: Ymd, ofReserve = false): Ymd {
  const [sv, en] = ofReserve ? ['Reservnumrets födelsedatum', "The reservnummer's birth date"] : ['Födelsedatumet', 'The birth date'];
  if (born.m < 1 || born.m > 12) fail('date', say(`${sv} finns inte: det finns ingen månad ${pad(born.m, 2)}`, `${en} does not exist: there is no month ${pad(born.m, 2)}`));
  if (!isRealDate(born)) {
    const month = `${pad(born.y, 4)}-${pad(born.m, 2)}`;
    fail('date', say(`${sv} finns inte: ${month} har ingen dag ${pad(born.d, 2)}`, `${en} does not exist: ${month} has no day ${pad(born.d, 2)}`));
  }
  if (ymdKey(born) > ymdKey(today)) fail('future-date', say(`${sv} ${isoDate(born)} ligger i framtiden`, `${en} ${isoDate(born)} is in the future`));
  return born;
}

function parseNational(match: RegExpExecArray, today: Ymd): IdentityNumber {
  const [, short, separator = '', long] = match;
  const last4 = match[5]!;
  const yymmdd = short ?? long!.slice(2);
  const body = yymmdd + last4.slice(0, 3);
  // A wrong check digit means a mistyped number: its date fields cannot be trusted either, so report this first.
  // Never say which digit would be right: that turns a typo into a working number of somebody else.
  if (Number(last4[3]) !== luhnCheckDigit(body)) fail('check-digit', say('Kontrollsiffran stämmer inte; kontrollera numret', 'The check digit does not match; check the number'));
  if (last4.startsWith('000')) fail('serial', say('Födelsenummer 000 delas aldrig ut', 'Birth number 000 is never issued'));

  const m = Number(yymmdd.slice(2, 4));
  const rawDay = Number(yymmdd.slice(4, 6));
  const coordination = rawDay >= 61 && rawDay <= 91;
  const d = coordination ? rawDay - 60 : rawDay;
  if (rawDay > 31 && !coordination) {
    fail(
      'date',
      say(
        `Dag ${pad(rawDay, 2)} är varken en födelsedag (01–31) eller en samordningsnummerdag (61–91)`,
        `Day ${pad(rawDay, 2)} is neither a birth day (01–31) nor a samordningsnummer day (61–91)`,
      ),
    );
  }
  const y = long ? Number(long.slice(0, 4)) : birthYear(Number(yymmdd.slice(0, 2)), m, d, separator, today);
  const born = checkedBirthDate({ y, m, d }, today);

  const canonical = `${pad(y, 4)}${yymmdd.slice(2)}${last4}`;
  return {
    kind: coordination ? 'samordningsnummer' : 'personnummer',
    canonical,
    birthDate: isoDate(born),
    legalSex: Number(canonical[10]) % 2 === 1 ? 'male' : 'female',
    issuingRegion: null,
  };
}

// ---------------------------------------------------------------------------------------------
// Reservnummer

export interface ReserveNumberFormat {
  /**
   * Matched against the number upper-cased with '-' and spaces removed. A named group `birth` (YYYYMMDD) or
   * `birthShort` (YYMMDD) is the birth date, and must be a real date that is not in the future.
   */
  pattern: RegExp;
  /** A made-up number in this format, for help texts. */
  example: string;
  description: string;
  /** Builds a number in this format; used by the synthetic demo population. */
  synthesize(birth: string /* YYYYMMDD */, issuedYear: number, random: () => number): string;
}

const DIGITS = '0123456789';
const LETTERS = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ';
/** n characters drawn from `alphabet`. */
const chars = (random: () => number, alphabet: string, n = 1) =>
  Array.from({ length: n }, () => alphabet[Math.floor(random() * alphabet.length)]).join('');
/** A YYYYMMDD birth date, centuries 18–20 only, so that arbitrary leading digits are not taken for a date. */
const BIRTH = '(?<birth>(?:18|19|20)\\d{6})';
/** A YYMMDD birth date: the century is the most recent one that does not put it in the future. */
const BIRTH_SHORT = '(?<birthShort>\\d{6})';
const datePlus = (tail: string) => new RegExp(`^${BIRTH}${tail}$`);

/**
 * Regional reservnummer formats by county code. Sources: HL7 Sweden's basprofiler (the conformance
 * patterns of patient identifiers, github.com/HL7Sweden/basprofiler-r4) and, for Stockholm,
 * Vårdgivarguiden's description ('99', century and year of issue, six digits). The regions change these
 * rarely but without notice: a region not listed here gets `defaultReserveNumberFormat`.
 * No check digits are verified: where a region has one (Stockholm), its algorithm is not published.
 */
export const reserveNumberFormats: Readonly<Record<string, ReserveNumberFormat>> = {
  '01': {
    pattern: /^99(?:19|20)\d{8}$/,
    example: '992024000017',
    description: "'99', the year of issue (4 digits) and six digits; no birth date",
    synthesize: (_birth, year, random) => `99${year}${chars(random, DIGITS, 6)}`,
  },
  '04': {
    pattern: new RegExp(`^(?:${BIRTH}[A-Z]{2}\\d[A-Z]|(?:18500101|18600101)[MNKP](?!000)\\d{3})$`),
    example: '19850312AB1C',
    description: "birth date YYYYMMDD, two letters, a digit and a letter; or 18500101/18600101, one of M N K P and three digits",
    synthesize: (birth, _year, random) => `${birth}${chars(random, LETTERS, 2)}${chars(random, DIGITS)}${chars(random, LETTERS)}`,
  },
  '10': {
    pattern: datePlus('[A-Z]{2}\\d[A-Z]'),
    example: '19850312AB1C',
    description: 'birth date YYYYMMDD, two letters, a digit and a letter',
    synthesize: (birth, _year, random) => `${birth}${chars(random, LETTERS, 2)}${chars(random, DIGITS)}${chars(random, LETTERS)}`,
  },
  '12': {
    pattern: new RegExp(`^(?:${BIRTH}|${BIRTH_SHORT})[DEF][A-Z][01][A-Z]$`),
    example: '19850312DA0B',
    description: 'birth date YYYYMMDD (or YYMMDD), one of D E F, a letter, 0 or 1, and a letter',
    synthesize: (birth, _year, random) => `${birth}${chars(random, 'DEF')}${chars(random, LETTERS)}${chars(random, '01')}${chars(random, LETTERS)}`,
  },
  '13': {
    pattern: /^(?:17|18|19|20)\d{2}(?:0[1-9]|1[0-2])(?:3[2-9]|[45]\d)\d{4}$/,
    example: '198503421234',
    description: 'twelve digits like a personnummer but with day 32–59; no birth date is derived',
    synthesize: (birth, _year, random) => `${birth.slice(0, 6)}${32 + Math.floor(random() * 28)}${chars(random, DIGITS, 4)}`,
  },
  '14': {
    pattern: datePlus('[ABCDEFHJKLMNPRSTUVWXY]\\d{3}'),
    example: '19850312K123',
    description: 'birth date YYYYMMDD, a letter (not G I O Q Z) and three digits',
    synthesize: (birth, _year, random) => `${birth}${chars(random, 'ABCDEFHJKLMNPRSTUVWXY')}${chars(random, DIGITS, 3)}`,
  },
  '17': {
    pattern: datePlus('S[FUXPL]\\d[A-UW-Z1-9]'),
    example: '19850312SF1A',
    description: "birth date YYYYMMDD, 'S', one of F U X P L, a digit, and a letter (not V) or a digit 1–9",
    synthesize: (birth, _year, random) => `${birth}S${chars(random, 'FUXPL')}${chars(random, DIGITS)}${chars(random, 'ABCDEFGHIJKLMNOPQRSTUWXYZ123456789')}`,
  },
  '18': {
    pattern: datePlus('T[A-Z]\\d[A-J]'),
    example: '19850312TA1B',
    description: "birth date YYYYMMDD, 'T', a letter, a digit and a letter A–J",
    synthesize: (birth, _year, random) => `${birth}T${chars(random, LETTERS)}${chars(random, DIGITS)}${chars(random, 'ABCDEFGHIJ')}`,
  },
  '20': {
    pattern: datePlus('[A-Z]\\d{3}'),
    example: '19850312A123',
    description: 'birth date YYYYMMDD, a letter and three digits',
    synthesize: (birth, _year, random) => `${birth}${chars(random, LETTERS)}${chars(random, DIGITS, 3)}`,
  },
  '21': {
    pattern: datePlus('\\d{2}[MKX]\\d'),
    example: '19850312-12K3',
    description: 'birth date YYYYMMDD, two digits, one of M K X and a digit',
    synthesize: (birth, _year, random) => `${birth}${chars(random, DIGITS, 2)}${chars(random, 'MKX')}${chars(random, DIGITS)}`,
  },
  '22': {
    pattern: datePlus('\\d{3}R'),
    example: '19850312123R',
    description: "birth date YYYYMMDD, three digits and 'R'",
    synthesize: (birth, _year, random) => `${birth}${chars(random, DIGITS, 3)}R`,
  },
  '24': {
    pattern: datePlus('[REKA]\\d{3}'),
    example: '19850312R123',
    description: 'birth date YYYYMMDD, one of R E K A and three digits',
    synthesize: (birth, _year, random) => `${birth}${chars(random, 'REKA')}${chars(random, DIGITS, 3)}`,
  },
};

/**
 * For regions not in the registry: the two shapes most regional formats follow. Either '99' and ten digits
 * (Stockholm's scheme, copied by several systems), or a birth date YYYYMMDD and four characters that start
 * with a letter (the shape of the proposed national reservnummer and of most regions' own). The letter keeps
 * it from ever being read as a personnummer.
 */
export const defaultReserveNumberFormat: ReserveNumberFormat = {
  pattern: new RegExp(`^(?:99\\d{10}|${BIRTH}[A-Z][A-Z0-9]{3})$`),
  example: '19850312R12A',
  description: "'99' and ten digits, or birth date YYYYMMDD, a letter and three letters or digits",
  synthesize: (birth, _year, random) => `${birth}${chars(random, LETTERS)}${chars(random, LETTERS + DIGITS, 3)}`,
};

/** The 21 county codes: a reservnummer must name one of them as its issuer. */
const COUNTY_CODES = new Set([
  '01', '03', '04', '05', '06', '07', '08', '09', '10', '12', '13',
  '14', '17', '18', '19', '20', '21', '22', '23', '24', '25',
]);

export function reserveNumberFormatFor(region: string): ReserveNumberFormat {
  return reserveNumberFormats[region] ?? defaultReserveNumberFormat;
}

const normalizeReserve = (s: string) => s.replace(/[\s-]/g, '').toUpperCase();

/** Could this be a reservnummer of some region? Decides between 'reserve-region-required' and what is wrong with it as a personnummer. */
function looksLikeReserve(normalized: string): boolean {
  return [defaultReserveNumberFormat, ...Object.values(reserveNumberFormats)].some((f) => f.pattern.test(normalized));
}

/** The reservnummer, or null when it does not match the region's format. */
function parseReserve(normalized: string, region: string, today: Ymd): IdentityNumber | null {
  const match = reserveNumberFormatFor(region).pattern.exec(normalized);
  if (!match) return null;
  const { birth, birthShort } = match.groups ?? {};
  let born: Ymd | null = null;
  if (birth) born = { y: Number(birth.slice(0, 4)), m: Number(birth.slice(4, 6)), d: Number(birth.slice(6, 8)) };
  if (birthShort) {
    const [m, d] = [Number(birthShort.slice(2, 4)), Number(birthShort.slice(4, 6))];
    born = { y: birthYear(Number(birthShort.slice(0, 2)), m, d, '-', today), m, d };
  }
  const birthDate = born ? isoDate(checkedBirthDate(born, today, true)) : null;
  return { kind: 'reservnummer', canonical: normalized, birthDate, legalSex: null, issuingRegion: region };
}

/** A reservnummer in the region's format (or the default one), for the synthetic demo population. */
export function makeReservnummer(region: string, opts: { birthDate: string; issuedYear: number; random: () => number }): string {
  const { y, m, d } = parseIsoDate(opts.birthDate);
  return reserveNumberFormatFor(region).synthesize(`${pad(y, 4)}${pad(m, 2)}${pad(d, 2)}`, opts.issuedYear, opts.random);
}

// ---------------------------------------------------------------------------------------------
// Entry points

const ALL_KINDS: AcceptedKinds = ['personnummer', 'samordningsnummer', 'reservnummer'];

export const isCountyCode = (code: string) => COUNTY_CODES.has(code);

/** 'personnummer eller samordningsnummer' / 'personnummer or samordningsnummer'. */
const kindList = (kinds: readonly IdentityKind[], or: string) => kinds.join(` ${or} `);

/** Parses any accepted identity number; throws InvalidIdentityNumber saying why it was refused. */
export function parseIdentityNumber(input: string, opts: ParseOptions): IdentityNumber {
  const accept = opts.accept ?? ALL_KINDS;
  // The type refuses `accept: []`; a list built at run time can still be empty, and that is the caller's bug.
  if (accept.length === 0) throw new RangeError('parseIdentityNumber: `accept` must name at least one kind of identity number');
  const today = stockholmYmd(opts.now);
  const trimmed = input.trim();
  if (trimmed === '') fail('empty', say('Identitetsnumret är tomt', 'The identity number is empty'));

  const acceptsNational = accept.includes('personnummer') || accept.includes('samordningsnummer');
  const acceptsReserve = accept.includes('reservnummer');
  const region = opts.reserveRegion;
  const shape = NATIONAL_SHAPE.exec(trimmed);
  const national = shape ? tryNational(shape, today) : null;
  if (national && !(national instanceof InvalidIdentityNumber)) {
    if (accept.includes(national.kind)) return national;
    fail('not-accepted', say(`Ett ${national.kind} tas inte emot här, bara ${kindList(accept, 'eller')}`, `A ${national.kind} is not accepted here, only ${kindList(accept, 'or')}`));
  }
  const nationalError = acceptsNational ? national : null;

  if (acceptsReserve) {
    const normalized = normalizeReserve(trimmed);
    // A valid national number always wins; one shaped like it that fails as such may still be a regional reservnummer.
    const reserve = region !== undefined && isCountyCode(region) ? parseReserve(normalized, region, today) : null;
    if (reserve) return reserve;
    // What is wrong with a number shaped like a personnummer (its check digit, say) comes before a bad issuing region.
    if (!nationalError && region !== undefined && !isCountyCode(region)) {
      fail('reserve-region-required', say('Regionen som gav ut reservnumret ska anges med sin länskod, till exempel 18', 'The region that issued a reservnummer must be given as its county code, such as 18'));
    }
    if (!nationalError && region === undefined && looksLikeReserve(normalized)) {
      fail('reserve-region-required', say('Ett reservnummer tas bara emot tillsammans med regionen som gav ut det', 'A reservnummer is only accepted together with the region that issued it'));
    }
  }
  if (nationalError) throw nationalError;
  // Digits and separators only: most likely a mistyped personnummer, so say what is wrong with it as one.
  if (acceptsNational && (!acceptsReserve || region === undefined || /^[\d+-]+$/.test(trimmed))) throw malformedNational(trimmed);
  const format = reserveNumberFormatFor(region ?? '');
  if (region === undefined) fail('reserve-format', say(`Numret är inget reservnummer; ett sådant ser ut som ${format.example}`, `Not a reservnummer, such as ${format.example}`));
  return fail(
    'reserve-format',
    say(`Numret är inget reservnummer från region ${region}; de ser ut som ${format.example}`, `Not a reservnummer of region ${region}: expected ${format.description}`),
  );
}

function tryNational(match: RegExpExecArray, today: Ymd): IdentityNumber | InvalidIdentityNumber {
  try {
    return parseNational(match, today);
  } catch (e) {
    if (e instanceof InvalidIdentityNumber) return e;
    throw e;
  }
}

export function tryParseIdentityNumber(input: string, opts: ParseOptions): ParseResult {
  try {
    return { ok: true, value: parseIdentityNumber(input, opts) };
  } catch (e) {
    if (e instanceof InvalidIdentityNumber) return { ok: false, reason: e.reason, message: e.message };
    throw e;
  }
}

/** For display: 'YYYYMMDD-NNNC'; a reservnummer as stored. */
export function formatIdentityNumber(id: Pick<IdentityNumber, 'kind' | 'canonical'>): string {
  return id.kind === 'reservnummer' ? id.canonical : `${id.canonical.slice(0, 8)}-${id.canonical.slice(8)}`;
}

/**
 * For logs and lists: the last four characters hidden ('YYYYMMDD-****' for national numbers). A ten-digit
 * number keeps its '+': without it, '121212+****' (born 1912) would read as someone born in 2012.
 */
export function maskIdentityNumber(value: string): string {
  const compact = value.replace(/[\s+-]/g, '');
  return compact.length <= 4 ? '****' : `${compact.slice(0, -4)}${value.includes('+') ? '+' : '-'}****`;
}

// ---------------------------------------------------------------------------------------------
// HTTP input

const issueFor = (result: Extract<ParseResult, { ok: false }>) => ({
  code: 'custom' as const,
  message: result.message,
  params: { reason: result.reason },
});

/**
 * A string field that becomes the canonical number. A plain string cannot say who issued a reservnummer,
 * so reservnummer are refused here with reason 'reserve-region-required': use `reserveNumberInput`.
 */
export function identityNumberField(opts: { accept?: AcceptedKinds; now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());
  return z.string().transform((value, ctx) => {
    const result = tryParseIdentityNumber(value, { now: now(), accept: opts.accept });
    if (result.ok) return result.value.canonical;
    ctx.addIssue(issueFor(result));
    return z.NEVER;
  });
}

/** A reservnummer with the region that issued it; becomes `{ number: canonical, issuingRegion }`, issues on the field at fault. */
export function reserveNumberInput(opts: { now?: () => Date } = {}) {
  const now = opts.now ?? (() => new Date());
  return z
    .object({
      number: z.string(),
      issuingRegion: z.string().refine(isCountyCode, say('En länskod, till exempel 18', 'A county code, such as 18')),
    })
    .transform((value, ctx) => {
      const result = tryParseIdentityNumber(value.number, {
        now: now(),
        reserveRegion: value.issuingRegion,
        accept: ['reservnummer'],
      });
      if (result.ok) return { number: result.value.canonical, issuingRegion: value.issuingRegion };
      ctx.addIssue({ ...issueFor(result), path: ['number'] });
      return z.NEVER;
    });
}
