import { TIME_ZONE } from '../../format.js';

const day = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, year: 'numeric', month: '2-digit', day: '2-digit' });
const time = new Intl.DateTimeFormat('sv-SE', { timeZone: TIME_ZONE, hour: '2-digit', minute: '2-digit' });

/** YYYY-MM-DD of an instant in Swedish time. */
export const swedishDay = (iso: string | Date) => day.format(typeof iso === 'string' ? new Date(iso) : iso);
/** "08:15" in Swedish time. */
export const swedishClock = (iso: string) => time.format(new Date(iso));
/** "2023-10-17 08:15". */
export const dayAndTime = (iso: string) => `${swedishDay(iso)} ${swedishClock(iso)}`;
export const today = () => swedishDay(new Date());
export const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T12:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);
