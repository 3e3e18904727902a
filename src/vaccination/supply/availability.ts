import type { Db } from '../../platform/db/client.js';
import { calendarDateInStockholm } from '../../identity/identity-number.js';
import type { Vaccine } from '../model.js';
import { maxBookable } from './rules.js';
import { siteSupply } from './store.js';

/**
 * How many more bookings a site can take on a day without promising doses it will not have: doses expected in
 * stock (received and allocated, plus the forecast) minus the bookings already made. `null` means the site's
 * stock is not tracked, and only the slots' capacity limits booking.
 *
 * "Minus the bookings" counts every booking from today on, not only the day's: a dose promised tomorrow cannot
 * also be promised today, and a booking today must not take the dose a booking next week already counts on
 * (rules.maxBookable). With `vaccine`, only that vaccine's stock and bookings count; without it, the figure is
 * the sum over the vaccines the site tracks.
 */
export async function bookableDoses(tx: Db, regionId: string, siteId: string, day: string, vaccine?: Vaccine, now: Date = new Date()): Promise<number | null> {
  const today = calendarDateInStockholm(now);
  const supply = await siteSupply(tx, regionId, today, { siteId, vaccine });
  if (supply.size === 0) return null;
  if (day < today) return 0;
  let total = 0;
  for (const s of supply.values()) total += maxBookable(s.lots, s.demand, day);
  return total;
}
