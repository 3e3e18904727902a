import { clockTime, todayInSweden } from '../../testing/time.js';

/** YYYY-MM-DD of an instant in Swedish time. */
export const swedishDay = (iso: string | Date) => todayInSweden(typeof iso === 'string' ? new Date(iso) : iso);
/** "08:15" in Swedish time. */
export const swedishClock = clockTime;
/** "2023-10-17 08:15". */
export const dayAndTime = (iso: string) => `${swedishDay(iso)} ${swedishClock(iso)}`;
export const today = () => todayInSweden();
export const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
