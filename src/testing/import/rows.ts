/**
 * What a parsed import file is made of, and the field readers the CSV and FHIR parsers share: test types,
 * results and result times as labs write them, mapped to ours or refused with a reason a person can act on.
 */
import { stockholmTime } from '../../platform/time.js';
import type { TestResult, TestType } from '../model.js';
import type { ResultInput } from '../results.js';
import { checkKitCode } from '../rules.js';

export type ImportFormat = 'csv' | 'fhir';

/** One row of the file: a result to apply, or the reason it cannot be. `line` is the file's line (CSV) or the Bundle entry index (FHIR). */
export type ParsedRow = { line: number; ok: true; input: ResultInput & { line: number } } | { line: number; ok: false; field: string; reason: string };

export type Read<T> = { ok: true; value: T } | { ok: false; reason: string };
const ok = <T>(value: T): Read<T> => ({ ok: true, value });
const no = <T>(reason: string): Read<T> => ({ ok: false, reason });

export function readKitCode(raw: string | undefined): Read<string> {
  if (!raw || !raw.trim()) return no('missing');
  const check = checkKitCode(raw);
  return check.ok ? ok(check.code) : no(check.reason);
}

const testTypeNames: Record<string, TestType> = { pcr: 'pcr', naat: 'pcr', antigen: 'antigen', serology: 'serology' };

export function readTestType(raw: string | undefined): Read<TestType> {
  if (!raw || !raw.trim()) return no('missing');
  const t = testTypeNames[raw.trim().toLowerCase()];
  return t ? ok(t) : no(`unknown test type '${raw.trim()}'; expected pcr (or NAAT), antigen or serology`);
}

const resultNames: Record<string, TestResult> = {
  positive: 'positive',
  positiv: 'positive',
  negative: 'negative',
  negativ: 'negative',
  not_assessable: 'not_assessable',
  'ej bedömbar': 'not_assessable',
  ej_bedömbar: 'not_assessable',
};

export function readResult(raw: string | undefined): Read<TestResult> {
  if (!raw || !raw.trim()) return no('missing');
  const r = resultNames[raw.trim().toLowerCase().normalize('NFC')];
  return r ? ok(r) : no(`unknown result '${raw.trim()}'; expected positive, negative or not_assessable (positiv, negativ, ej bedömbar)`);
}

const WITH_OFFSET = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?(Z|[+-]\d\d(?::?\d\d)?)$/i;
const LOCAL = /^(\d{4})-(\d\d)-(\d\d)[T ](\d\d):(\d\d)(?::(\d\d)(?:\.(\d{1,9}))?)?$/;

function validParts(y: string, mo: string, d: string, h: string, mi: string, s: string | undefined): boolean {
  const [Y, M, D, H, Mi, S] = [y, mo, d, h, mi, s ?? '0'].map(Number) as [number, number, number, number, number, number];
  const probe = new Date(Date.UTC(Y, M - 1, D, H, Mi, S));
  return probe.getUTCFullYear() === Y && probe.getUTCMonth() === M - 1 && probe.getUTCDate() === D && H < 24 && Mi < 60 && S < 60;
}

/**
 * An instant as ISO-8601 with an offset ('2021-12-05T14:30:00+01:00', 'Z'), or Swedish wall-clock time
 * without one ('2021-12-05 14:30'), which is read in Europe/Stockholm. Refused: anything else, impossible
 * dates, and times more than five minutes after `now` (a result cannot come from the future).
 */
export function readResultTime(raw: string | undefined, now: Date): Read<string> {
  if (!raw || !raw.trim()) return no('missing');
  const s = raw.trim();
  let at: Date;
  let m = WITH_OFFSET.exec(s);
  if (m) {
    if (!validParts(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6])) return no(`'${s}' is not a real date and time`);
    at = new Date(s.replace(' ', 'T').replace(/([+-]\d\d)(\d\d)$/, '$1:$2').replace(/([+-]\d\d)$/, '$1:00'));
  } else if ((m = LOCAL.exec(s))) {
    if (!validParts(m[1]!, m[2]!, m[3]!, m[4]!, m[5]!, m[6])) return no(`'${s}' is not a real date and time`);
    const ms = Number(m[6] ?? 0) * 1000 + Number(`0.${m[7] ?? '0'}`) * 1000;
    at = new Date(stockholmTime(`${m[1]}-${m[2]}-${m[3]}`, `${m[4]}:${m[5]}`).getTime() + Math.round(ms));
  } else {
    return no(`'${s}' is not an ISO-8601 time (2021-12-05T14:30:00+01:00, or Swedish local time 2021-12-05 14:30)`);
  }
  if (Number.isNaN(at.getTime())) return no(`'${s}' is not a real date and time`);
  if (at.getTime() > now.getTime() + 5 * 60_000) return no(`'${s}' is in the future`);
  return ok(at.toISOString());
}

const MAX_METHOD = 200;

export function readMethod(raw: string | undefined): Read<string | null> {
  const s = raw?.trim();
  if (!s) return ok(null);
  return s.length > MAX_METHOD ? no(`longer than ${MAX_METHOD} characters`) : ok(s);
}

export interface FieldReads {
  kitCode: Read<string>;
  testType: Read<TestType>;
  result: Read<TestResult>;
  resultAt: Read<string>;
  method: Read<string | null>;
}
export type FieldNames = Record<keyof FieldReads, string>;

/**
 * A field of a result (as `applyResults` names it, after the request body: `testType`) as the file names it
 * (`test_type`, FHIR `code`): a person reading the report or the rejections sees one name for one column,
 * whether the parser or the matching refused the row.
 */
export const fileFieldName = (names: FieldNames, field: string): string => (field in names ? names[field as keyof FieldNames] : field);

/**
 * For each valid row that repeats an earlier row's answer (the same kit, test type and result), the line of
 * the first such row: a repeated row changes nothing, and the report says which line it repeats.
 */
export function repeatedLines(rows: ParsedRow[]): Map<number, number> {
  const first = new Map<string, number>();
  const repeats = new Map<number, number>();
  for (const row of rows) {
    if (!row.ok) continue;
    const key = `${row.input.kitCode}|${row.input.testType}|${row.input.result}`;
    const earlier = first.get(key);
    if (earlier === undefined) first.set(key, row.line);
    else repeats.set(row.line, earlier);
  }
  return repeats;
}

/** Builds a row from the fields' readings: the first refused field (in the order above) rejects it, named as the file names it. */
export function toRow(line: number, names: FieldNames, r: FieldReads): ParsedRow {
  for (const key of ['kitCode', 'testType', 'result', 'resultAt', 'method'] as const) {
    const read = r[key];
    if (!read.ok) return { line, ok: false, field: names[key], reason: read.reason };
  }
  const v = <T>(read: Read<T>) => (read as { value: T }).value;
  return { line, ok: true, input: { line, kitCode: v(r.kitCode), testType: v(r.testType), result: v(r.result), resultAt: v(r.resultAt), method: v(r.method) } };
}
