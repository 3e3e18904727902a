import { TIME_ZONE } from '../format.js';

const dateFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const timeFormat = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** Today's calendar date in Swedish time, YYYY-MM-DD. */
export function todayInSweden(now: Date = new Date()): string {
  return dateFormat.format(now);
}

/** "08:15" in Swedish time. */
export function clockTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : timeFormat.format(date);
}

/** "08:15–08:30". */
export function timeRange(startsAt: string, endsAt: string): string {
  return `${clockTime(startsAt)}–${clockTime(endsAt)}`;
}
