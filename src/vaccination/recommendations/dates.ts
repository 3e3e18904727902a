import { stockholmTime } from '../../platform/time.js';

/** Calendar dates as 'YYYY-MM-DD' strings (Swedish days); arithmetic in UTC so no time zone shifts them. */

export const addDays = (date: string, days: number): string => new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);

/** The Swedish calendar day's bounds as instants: its midnight and the next. */
export function dayBounds(day: string): { start: string; end: string } {
  return { start: stockholmTime(day, '00:00').toISOString(), end: stockholmTime(addDays(day, 1), '00:00').toISOString() };
}

export const maxDate = (...dates: (string | null | undefined)[]): string => dates.filter((d): d is string => !!d).reduce((a, b) => (a > b ? a : b));

/** The date someone born on `birthDate` turns `years` (29 February → 1 March in other years). */
export function birthdayAt(birthDate: string, years: number): string {
  const [y, m, d] = birthDate.split('-').map(Number) as [number, number, number];
  const at = new Date(Date.UTC(y + years, m - 1, d));
  return at.toISOString().slice(0, 10);
}

const swedish = new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

/** '1 mars 2024'. */
export const swedishDate = (date: string) => swedish.format(new Date(`${date}T00:00:00Z`));
