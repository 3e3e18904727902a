import { z } from 'zod';

/**
 * Calendar days and instants a client sends, bounded to years the domain has (1900–2100): a date of
 * 9999-12-31 once made one request build every day until then and take the process down.
 */
export const MIN_DAY = '1900-01-01';
export const MAX_DAY = '2100-12-31';
const bounds = `between ${MIN_DAY} and ${MAX_DAY}`;

/** YYYY-MM-DD, a real calendar day (2021-02-30 is refused), within the bounds. */
export const day = z.iso
  .date('a date as YYYY-MM-DD')
  .refine((d) => d >= MIN_DAY && d <= MAX_DAY, `a date ${bounds}`);

/** An ISO 8601 instant with an offset or Z, within the bounds. */
export const instant = z.iso
  .datetime({ offset: true, message: 'a time as ISO 8601 with an offset, e.g. 2021-05-01T08:00:00+02:00' })
  .refine((t) => {
    const ms = Date.parse(t);
    return Number.isFinite(ms) && ms >= Date.parse(`${MIN_DAY}T00:00:00Z`) && ms <= Date.parse(`${MAX_DAY}T23:59:59Z`);
  }, `a time ${bounds}`);

/** Days from `from` to `to`, both included. */
export const daysInRange = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000) + 1;

/** Ten years: more than any schedule, report or import asks for in one go. */
const MAX_RANGE_DAYS = 3660;

/** Every day from `from` to `to`; callers bound the range in their schema (`dayRange`), this only refuses a runaway. */
export function daysBetween(from: string, to: string): string[] {
  if (daysInRange(from, to) > MAX_RANGE_DAYS) throw new RangeError(`${from}..${to} is more than ${MAX_RANGE_DAYS} days`);
  const days: string[] = [];
  for (let t = Date.parse(`${from}T00:00:00Z`); t <= Date.parse(`${to}T00:00:00Z`); t += 86_400_000) days.push(new Date(t).toISOString().slice(0, 10));
  return days;
}

/**
 * Checks a from/to pair on an object schema: `to` not before `from`, and at most `maxDays` days in all.
 * Add it with `.superRefine(dayRange(366))`; the error names `to`.
 */
export function dayRange(maxDays: number, keys: { from: string; to: string } = { from: 'from', to: 'to' }) {
  return (value: Record<string, unknown>, ctx: z.RefinementCtx) => {
    const from = value[keys.from];
    const to = value[keys.to];
    if (typeof from !== 'string' || typeof to !== 'string') return;
    if (to < from) ctx.addIssue({ code: 'custom', path: [keys.to], message: `must not be before ${keys.from}` });
    else if (daysInRange(from, to) > maxDays) ctx.addIssue({ code: 'custom', path: [keys.to], message: `at most ${maxDays} days after ${keys.from}` });
  };
}
