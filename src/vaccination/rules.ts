import { toIso } from '../platform/db/sql.js';
import { stockholmTime } from '../platform/time.js';
import { publicSiteKinds, type SiteKind } from './model.js';

export interface OpeningHours {
  weekday: number;
  opens: string;
  closes: string;
}

export interface Staffing {
  day: string;
  vaccinators: number;
  perVaccinatorPerHour: number;
}

export interface PlannedSlot {
  day: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
}

/** ISO weekday of a calendar day: 1 = Monday … 7 = Sunday. */
export const isoWeekday = (day: string) => new Date(`${day}T12:00:00Z`).getUTCDay() || 7;

/** People one time of `minutes` takes: vaccinators on duty × each one's pace, rounded down. */
export const slotCapacity = (s: Pick<Staffing, 'vaccinators' | 'perVaccinatorPerHour'>, minutes: number) => Math.floor((s.vaccinators * s.perVaccinatorPerHour * minutes) / 60);

/**
 * The times a site offers on some days: its opening hours cut into slots of `minutes`, each holding as
 * many people as the day's staffing vaccinates in that time. Days without hours or staff give none.
 */
export function planSlots(days: string[], hours: OpeningHours[], staffing: Staffing[], minutes: number): PlannedSlot[] {
  const slots: PlannedSlot[] = [];
  for (const day of days) {
    const open = hours.find((h) => h.weekday === isoWeekday(day));
    const staff = staffing.find((s) => s.day === day);
    if (!open || !staff) continue;
    const capacity = slotCapacity(staff, minutes);
    if (capacity <= 0) continue;
    const end = stockholmTime(day, open.closes).getTime();
    for (let t = stockholmTime(day, open.opens).getTime(); t + minutes * 60_000 <= end; t += minutes * 60_000) {
      slots.push({ day, startsAt: new Date(t).toISOString(), endsAt: new Date(t + minutes * 60_000).toISOString(), capacity });
    }
  }
  return slots;
}

/** Sites the public books at; the others (home visits, SÄBO, LSS) are visited by staff. */
export const isBookable = (kind: SiteKind) => publicSiteKinds.includes(kind);

/**
 * Sites ordered by nearness to a person, from what the register knows: the same postal code, then the
 * same municipality, then the closest postal code (Swedish postal codes run geographically).
 */
export function byNearness<T extends { postalCode: string | null; municipalityCode: string | null; name: string }>(sites: T[], home: { postalCode: string | null; municipalityCode: string | null }): T[] {
  const rank = (s: T) => {
    const samePostal = !!home.postalCode && s.postalCode === home.postalCode;
    const sameMunicipality = !!home.municipalityCode && s.municipalityCode === home.municipalityCode;
    const distance = home.postalCode && s.postalCode ? Math.abs(Number(home.postalCode) - Number(s.postalCode)) : Number.MAX_SAFE_INTEGER;
    return [samePostal ? 0 : 1, sameMunicipality ? 0 : 1, distance] as const;
  };
  return [...sites].sort((a, b) => {
    const [x, y] = [rank(a), rank(b)];
    return x[0] - y[0] || x[1] - y[1] || x[2] - y[2] || a.name.localeCompare(b.name, 'sv');
  });
}

/** A timestamptz as the database returns it ('2026-11-23 16:34:02+00') as ISO-8601 UTC ('…T16:34:02.000Z'). */
export const isoOf = (ts: string) => new Date(toIso(ts)).toISOString();
