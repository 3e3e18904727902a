import { AppError } from '../platform/errors.js';
import { stockholmTime } from '../platform/time.js';

/**
 * FHIR search parameters as this server understands them, parsed before any query runs: a parameter the
 * resource does not declare, a malformed value or an unsupported prefix is a 400 naming the parameter.
 *
 * - token: `code`, `system|code`, `|code` (no system), `system|` (any code of the system); commas mean OR.
 * - date: `[prefix]YYYY[-MM[-DD[Thh:mm[:ss[.fff]](Z|±hh:mm)]]]`, prefixes eq (default), ge, le, gt, lt.
 *   A value names a period (a year, a month, a day, a minute, a second); a partial date is a period of
 *   Swedish calendar time. eq = the resource's time is in the period, ge = not before its start,
 *   le = before its end, gt = from its end on, lt = before its start. Repeated parameters mean AND.
 * - reference: `Type/id` or `id`; commas mean OR.
 * - string: starts with the value, case-insensitive.
 */
export type ParamKind = 'token' | 'date' | 'reference' | 'string';

export interface Token {
  /** undefined = any system; null = explicitly no system (`|code`). */
  system?: string | null;
  /** undefined = any code of the system (`system|`). */
  code?: string;
}

export type DatePrefix = 'eq' | 'ge' | 'le' | 'gt' | 'lt';
export interface DateBound {
  prefix: DatePrefix;
  /** The period the value names, as instants: [start, end). */
  start: string;
  end: string;
}

export type ParamValue =
  | { kind: 'token'; anyOf: Token[] }
  | { kind: 'date'; bound: DateBound }
  | { kind: 'reference'; anyOf: string[] }
  | { kind: 'string'; value: string };

export interface ParsedSearch {
  count: number;
  cursor?: string;
  /** Each parameter's occurrences (AND); a token or reference occurrence holds its OR list. */
  params: Map<string, ParamValue[]>;
}

export const DEFAULT_COUNT = 50;
export const MAX_COUNT = 1000;
const MAX_VALUE = 256;
/** Parameters every search takes besides the resource's own. */
const COMMON = new Set(['_count', '_cursor', '_format']);

const refuse = (param: string, message: string) => new AppError('invalid', `${param}: ${message}`, param);

export function parseSearch(query: Record<string, unknown>, declared: Readonly<Record<string, ParamKind>>): ParsedSearch {
  const params = new Map<string, ParamValue[]>();
  let count = DEFAULT_COUNT;
  let cursor: string | undefined;
  for (const [name, raw] of Object.entries(query)) {
    const values = (Array.isArray(raw) ? raw : [raw]).map(String);
    if (!COMMON.has(name) && !Object.hasOwn(declared, name)) {
      const known = Object.keys(declared).sort().join(', ');
      throw refuse(name, `unknown search parameter; this resource is searched by ${known ? `${known}, ` : ''}_count and _cursor`);
    }
    if (COMMON.has(name) && values.length > 1) throw refuse(name, 'given more than once');
    for (const value of values) if (value.length > MAX_VALUE) throw refuse(name, `longer than ${MAX_VALUE} characters`);
    if (name === '_count') count = parseCount(values[0]!);
    else if (name === '_cursor') {
      if (!/^[A-Za-z0-9_-]{1,512}$/.test(values[0]!)) throw refuse('_cursor', 'not a cursor this server gave out');
      cursor = values[0];
    } else if (name === '_format') parseFormat(values[0]!);
    else params.set(name, values.map((v) => parseValue(name, declared[name]!, v)));
  }
  return { count, cursor, params };
}

export function parseCount(value: string): number {
  if (!/^\d{1,7}$/.test(value)) throw refuse('_count', 'not a whole number');
  const n = Number(value);
  if (n < 1 || n > MAX_COUNT) throw refuse('_count', `must be between 1 and ${MAX_COUNT}`);
  return n;
}

const JSON_FORMATS = new Set(['json', 'application/json', 'application/fhir+json']);
function parseFormat(value: string) {
  if (!JSON_FORMATS.has(value.split(';')[0]!.trim())) throw refuse('_format', 'this server answers in JSON only (json, application/fhir+json)');
}

function parseValue(name: string, kind: ParamKind, value: string): ParamValue {
  if (value === '') throw refuse(name, 'empty');
  switch (kind) {
    case 'token':
      return { kind, anyOf: value.split(',').map((v) => parseToken(name, v)) };
    case 'date':
      return { kind, bound: parseDate(name, value) };
    case 'reference':
      return { kind, anyOf: value.split(',').map((v) => parseReference(name, v)) };
    case 'string':
      return { kind, value };
  }
}

export function parseToken(name: string, value: string): Token {
  if (value === '') throw refuse(name, 'empty token');
  const bar = value.indexOf('|');
  if (bar < 0) return { code: value };
  const system = value.slice(0, bar);
  const code = value.slice(bar + 1);
  if (code.includes('|')) throw refuse(name, 'a token is system|code with one bar');
  if (!system && !code) throw refuse(name, 'empty token');
  return { system: system || null, code: code || undefined };
}

/** The id of a reference (`Patient/…` or a bare id); the type, when given, must be the expected one. */
export function parseReference(name: string, value: string): string {
  const m = /^(?:([A-Z][A-Za-z]+)\/)?([A-Za-z0-9.-]{1,64})$/.exec(value);
  if (!m) throw refuse(name, 'not a reference (Type/id or id)');
  return m[2]!;
}

const DATE = /^(eq|ne|gt|lt|ge|le|sa|eb|ap)?(\d{4})(?:-(\d{2})(?:-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2})(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})?)?)?)?$/;

export function parseDate(name: string, value: string): DateBound {
  const m = DATE.exec(value);
  if (!m) throw refuse(name, 'not a FHIR date: [eq|ge|le|gt|lt]YYYY[-MM[-DD[Thh:mm[:ss](Z|±hh:mm)]]]');
  const [, prefix = 'eq', y, mo, d, hh, mi, ss, frac, tz] = m;
  if (prefix === 'ne' || prefix === 'sa' || prefix === 'eb' || prefix === 'ap') throw refuse(name, `the prefix ${prefix} is not supported; use eq, ge, le, gt or lt`);
  const year = Number(y);
  const month = mo === undefined ? 1 : Number(mo);
  const day = d === undefined ? 1 : Number(d);
  if (year < 1900 || year > 2100) throw refuse(name, 'the year must be between 1900 and 2100');
  if (month < 1 || month > 12) throw refuse(name, 'no such month');
  const daysInMonth = new Date(Date.UTC(year, month, 0)).getUTCDate();
  if (day < 1 || day > daysInMonth) throw refuse(name, 'no such day');
  const ymd = (yy: number, mm: number, dd: number) => new Date(Date.UTC(yy, mm - 1, dd)).toISOString().slice(0, 10);
  let start: Date;
  let end: Date;
  if (hh !== undefined) {
    if (tz === undefined) throw refuse(name, 'a time needs a time zone (Z or ±hh:mm)');
    const hour = Number(hh);
    const minute = Number(mi);
    const second = ss === undefined ? 0 : Number(ss);
    if (hour > 23 || minute > 59 || second > 59) throw refuse(name, 'no such time');
    const iso = `${ymd(year, month, day)}T${hh}:${mi}:${ss ?? '00'}${frac ?? ''}${tz}`;
    start = new Date(iso);
    // A time names its minute or second; a fraction names the instant itself (a millisecond).
    end = new Date(start.getTime() + (frac ? 1 : ss === undefined ? 60_000 : 1000));
  } else if (d !== undefined) {
    start = stockholmTime(ymd(year, month, day), '00:00');
    end = stockholmTime(ymd(year, month, day + 1), '00:00');
  } else if (mo !== undefined) {
    start = stockholmTime(ymd(year, month, 1), '00:00');
    end = stockholmTime(ymd(year, month + 1, 1), '00:00');
  } else {
    start = stockholmTime(ymd(year, 1, 1), '00:00');
    end = stockholmTime(ymd(year + 1, 1, 1), '00:00');
  }
  return { prefix: prefix as DatePrefix, start: start.toISOString(), end: end.toISOString() };
}

/** Whether an instant meets a bound (the rule the SQL applies, for tests and for rows filtered in memory). */
export function meetsBound(at: string, b: DateBound): boolean {
  const t = Date.parse(at);
  const start = Date.parse(b.start);
  const end = Date.parse(b.end);
  switch (b.prefix) {
    case 'eq':
      return t >= start && t < end;
    case 'ge':
      return t >= start;
    case 'le':
      return t < end;
    case 'gt':
      return t >= end;
    case 'lt':
      return t < start;
  }
}
