import type { Db } from '../../platform/db/client.js';
import { calendarDateInStockholm } from '../../identity/identity-number.js';
import type { Vaccine } from '../model.js';
import { maxBookable } from './rules.js';
import { siteSupply } from './store.js';

/** How many more bookings a site can take on a day; `null` when the site's stock is not tracked. */
export type BookableDoses = (siteId: string, day: string) => number | null;

/**
 * How many more bookings sites can take on days without promising doses they will not have: doses expected
 * in stock (received and allocated, plus the forecast) minus the bookings already made. One read of the
 * supply answers every site and day asked after it (lists of times ask for many). `null` means the site's
 * stock is not tracked, and only the slots' capacity limits booking.
 *
 * "Minus the bookings" counts every booking from today on, not only the day's: a dose promised tomorrow cannot
 * also be promised today, and a booking today must not take the dose a booking next week already counts on
 * (rules.maxBookable). With `vaccine`, only that vaccine's stock and bookings count; without it, the figure is
 * the sum over the vaccines the site tracks. With `siteId`, only that site is read.
 */
export async function bookableDosesAt(tx: Db, regionId: string, now: Date, filter: { siteId?: string; vaccine?: Vaccine } = {}): Promise<BookableDoses> {
  const today = calendarDateInStockholm(now);
  const supply = [...(await siteSupply(tx, regionId, today, filter)).values()];
  return (siteId, day) => {
    const ofSite = supply.filter((s) => s.siteId === siteId);
    if (ofSite.length === 0) return null;
    if (day < today) return 0;
    return ofSite.reduce((total, s) => total + maxBookable(s.lots, s.demand, day), 0);
  };
}

/** `bookableDosesAt` for one site and day. */
export async function bookableDoses(tx: Db, regionId: string, siteId: string, day: string, vaccine?: Vaccine, now: Date = new Date()): Promise<number | null> {
  return (await bookableDosesAt(tx, regionId, now, { siteId, vaccine }))(siteId, day);
}
