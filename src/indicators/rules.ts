/**
 * The pure rules of indicators: periods, values from numerator and denominator, exact aggregation, targets,
 * trends, consistency, and the continuity measures on one person's contacts. No I/O; `now` is passed in.
 */
import type { IndicatorUnit, PeriodType, TargetDirection } from './model.js';

export interface Period {
  period: string;
  start: string;
  end: string;
}

const pad = (n: number) => String(n).padStart(2, '0');
const lastDay = (y: number, m: number) => new Date(Date.UTC(y, m, 0)).getUTCDate();
const validYear = (y: number) => y >= 1990 && y <= 2100;

/**
 * A period written as its definition's period type asks: year `2022`, quarter `2022-Q3` (also `2022Q3`,
 * `2022-K3`), month `2022-03`, point in time `2022-12-31`. Returns the canonical text and its first and last
 * day, or the reason it is not one.
 */
export function parsePeriod(type: PeriodType, input: string): Period | { reason: string } {
  const s = input.trim().toUpperCase();
  const wrong = { reason: `"${input}" is not a ${type} (${example[type]})` };
  if (type === 'year') {
    const m = /^(\d{4})$/.exec(s);
    if (!m || !validYear(+m[1]!)) return wrong;
    return { period: m[1]!, start: `${m[1]}-01-01`, end: `${m[1]}-12-31` };
  }
  if (type === 'quarter') {
    const m = /^(\d{4})-?[QK]([1-4])$/.exec(s);
    if (!m || !validYear(+m[1]!)) return wrong;
    const y = +m[1]!;
    const q = +m[2]!;
    return { period: `${y}-Q${q}`, start: `${y}-${pad(q * 3 - 2)}-01`, end: `${y}-${pad(q * 3)}-${lastDay(y, q * 3)}` };
  }
  if (type === 'month') {
    const m = /^(\d{4})-(\d{2})$/.exec(s);
    if (!m || !validYear(+m[1]!) || +m[2]! < 1 || +m[2]! > 12) return wrong;
    return { period: s, start: `${s}-01`, end: `${s}-${lastDay(+m[1]!, +m[2]!)}` };
  }
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(s);
  if (!m || !validYear(+m[1]!) || +m[2]! < 1 || +m[2]! > 12 || +m[3]! < 1 || +m[3]! > lastDay(+m[1]!, +m[2]!)) return wrong;
  return { period: s, start: s, end: s };
}

const example: Record<PeriodType, string> = { year: 'e.g. 2022', quarter: 'e.g. 2022-Q3', month: 'e.g. 2022-03', point: 'a day, e.g. 2022-12-31' };

/** Percent is shown ×100; an index, a mean of hours or days, a count and a sum are numerator / denominator. */
export const scaleOf = (unit: IndicatorUnit) => (unit === 'percent' ? 100 : 1);

/** The value shown, rounded to 4 significant decimals; null without a denominator. */
export function valueOf(unit: IndicatorUnit, numerator: number, denominator: number): number | null {
  if (!(denominator > 0)) return null;
  return round((numerator / denominator) * scaleOf(unit));
}
export const round = (v: number, decimals = 4) => Math.round(v * 10 ** decimals) / 10 ** decimals;

/**
 * Aggregation is exact because numerators and denominators are summed, never the ratios: two units of 50/100
 * and 1/10 give 51/110 = 46.4%, not the mean 30%. Only values of one definition version may be summed.
 */
export function aggregate(parts: readonly { numerator: number; denominator: number }[]): { numerator: number; denominator: number; parts: number } {
  let numerator = 0;
  let denominator = 0;
  for (const p of parts) {
    numerator += p.numerator;
    denominator += p.denominator;
  }
  return { numerator, denominator, parts: parts.length };
}

export interface Target {
  value: number | null;
  direction: TargetDirection | null;
  date: string | null;
}

/** Met, missed, or null without a target. A period that ends before the target date is judged too (on track or not). */
export function targetStatus(target: Target, value: number | null): 'met' | 'missed' | null {
  if (target.value === null || target.direction === null || value === null) return null;
  const met = target.direction === 'at_least' ? value >= target.value : value <= target.value;
  return met ? 'met' : 'missed';
}

/**
 * The trend over a series of one definition version, ordered by period: the last value against the one before,
 * read with the target's direction (higher is better unless the target says at most). A change smaller than
 * `flat` (in the value's unit) is flat.
 */
export function trendOf(values: readonly (number | null)[], direction: TargetDirection | null, flat = 0.5): 'improving' | 'worsening' | 'flat' | null {
  const known = values.filter((v): v is number => v !== null);
  if (known.length < 2) return null;
  const delta = known.at(-1)! - known.at(-2)!;
  if (Math.abs(delta) < flat) return 'flat';
  const better = direction === 'at_most' ? delta < 0 : delta > 0;
  return better ? 'improving' : 'worsening';
}

/**
 * Two figures of the same thing differ beyond the tolerance when their absolute difference in the value's unit
 * passes it (percentage points for percent). Returns the difference, or null when within tolerance.
 */
export function inconsistency(a: number | null, b: number | null, tolerance: number): number | null {
  if (a === null || b === null) return null;
  const d = round(a - b);
  return Math.abs(d) > tolerance ? d : null;
}

/**
 * Continuity of one person's contacts, where `providers` lists the provider of each contact (the practitioner
 * met, or the unit when the practitioner is unknown):
 *
 *   N  = the number of contacts, nᵢ = the contacts with provider i
 *   COC (Bice–Boxerman) = (Σ nᵢ² − N) / (N (N − 1))     0 = every contact with a new provider, 1 = always the same
 *   UPC (usual provider) = max nᵢ / N
 *
 * Both need N ≥ 2 (undefined below; the person is left out). Worked example: contacts A, A, A, B (N = 4,
 * n = 3 and 1): COC = (9 + 1 − 4) / (4 · 3) = 6/12 = 0.5; UPC = 3/4 = 0.75. The compute job (compute.ts)
 * does the same in SQL with GROUP BY; this function is the reference its tests are held against.
 */
export function continuity(providers: readonly string[]): { coc: number; upc: number; contacts: number } | null {
  const n = providers.length;
  if (n < 2) return null;
  const counts = new Map<string, number>();
  for (const p of providers) counts.set(p, (counts.get(p) ?? 0) + 1);
  let squares = 0;
  let max = 0;
  for (const c of counts.values()) {
    squares += c * c;
    max = Math.max(max, c);
  }
  return { coc: (squares - n) / (n * (n - 1)), upc: max / n, contacts: n };
}

/**
 * Unplanned readmissions within 30 days: of the discharges in the period (denominator), those followed by an
 * unplanned admission of the same person starting 1–30 days after the discharge day (numerator). Example:
 * discharged 1 March, unplanned admission 31 March (30 days later) counts; 1 April (31 days) does not.
 */
export function readmissions(stays: readonly { personKey: string; admitted: string; discharged: string | null; unplanned: boolean }[]): { numerator: number; denominator: number } {
  const byPerson = new Map<string, typeof stays>();
  for (const s of stays) byPerson.set(s.personKey, [...(byPerson.get(s.personKey) ?? []), s]);
  let numerator = 0;
  let denominator = 0;
  for (const list of byPerson.values()) {
    for (const s of list) {
      if (!s.discharged) continue;
      denominator++;
      const d = Date.parse(s.discharged);
      if (list.some((o) => o !== s && o.unplanned && (Date.parse(o.admitted) - d) / 86_400_000 >= 1 && (Date.parse(o.admitted) - d) / 86_400_000 <= 30)) numerator++;
    }
  }
  return { numerator, denominator };
}
