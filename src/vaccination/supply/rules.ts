import { invalid } from '../../platform/errors.js';

// --- Vials ----------------------------------------------------------------------------------------

/**
 * Doses that can be drawn beyond the planning number: a Comirnaty vial labelled for 6 sometimes gives 7 with
 * low-dead-volume syringes, never more. A larger figure is a typing error.
 */
export const MAX_EXTRA_DOSES_PER_VIAL = 2;

export interface ClosedVial {
  /** The planning number when the vial was opened (5 or 6). */
  nominal: number;
  /** Doses really drawn from the vial. */
  drawn: number;
  /** Drawn doses that were not given (the syringe expired, was dropped, the person did not come). */
  discarded: number;
}

export interface VialOutcome {
  given: number;
  /** Planned doses that did not reach an arm: nominal − given, never below zero. */
  wasted: number;
  /** Doses given beyond the planning number (a sixth dose from a five-dose vial). */
  extra: number;
}

/** What a closed vial gave; rejects figures that cannot be true, naming the field. */
export function vialOutcome(v: ClosedVial): VialOutcome {
  if (!Number.isInteger(v.drawn) || v.drawn < 0) throw invalid('dosesDrawn', 'must be a whole number, 0 or more');
  if (v.drawn > v.nominal + MAX_EXTRA_DOSES_PER_VIAL) throw invalid('dosesDrawn', `at most ${v.nominal + MAX_EXTRA_DOSES_PER_VIAL} doses can be drawn from a vial planned for ${v.nominal}`);
  if (!Number.isInteger(v.discarded) || v.discarded < 0) throw invalid('dosesDiscarded', 'must be a whole number, 0 or more');
  if (v.discarded > v.drawn) throw invalid('dosesDiscarded', 'cannot be more than the doses drawn');
  const given = v.drawn - v.discarded;
  return { given, wasted: Math.max(0, v.nominal - given), extra: Math.max(0, given - v.nominal) };
}

/** Unopened vials left of an allocation: allocated − opened − lost whole; never negative. */
export const unopenedVials = (s: { allocated: number; opened: number; wasted: number }) => Math.max(0, s.allocated - s.opened - s.wasted);

export interface WastageSummary {
  vialsOpened: number;
  /** Planned doses of the closed vials plus the whole vials lost. */
  plannedDoses: number;
  given: number;
  extra: number;
  /** Planned doses of closed vials not given. */
  wastedFromOpened: number;
  wholeVialsLost: number;
  wastedWholeVials: number;
  wasted: number;
  /** wasted / plannedDoses (0–1), null when nothing was planned. */
  wastageShare: number | null;
}

/**
 * Wastage of a site or product: what opened vials did not give (against their planning number, so extra
 * doses from one vial do not hide losses from another) plus the doses of whole vials lost.
 */
export function summarizeWastage(closed: ClosedVial[], lost: { vials: number; dosesPerVial: number }[], stillOpen = 0): WastageSummary {
  const outcomes = closed.map(vialOutcome);
  const sum = (xs: number[]) => xs.reduce((a, b) => a + b, 0);
  const wastedFromOpened = sum(outcomes.map((o) => o.wasted));
  const wastedWholeVials = sum(lost.map((l) => l.vials * l.dosesPerVial));
  const plannedDoses = sum(closed.map((c) => c.nominal)) + wastedWholeVials;
  const wasted = wastedFromOpened + wastedWholeVials;
  return {
    vialsOpened: closed.length + stillOpen,
    plannedDoses,
    given: sum(outcomes.map((o) => o.given)),
    extra: sum(outcomes.map((o) => o.extra)),
    wastedFromOpened,
    wholeVialsLost: sum(lost.map((l) => l.vials)),
    wastedWholeVials,
    wasted,
    wastageShare: plannedDoses === 0 ? null : wasted / plannedDoses,
  };
}

// --- Forecasts ------------------------------------------------------------------------------------

/**
 * Scales the sites' planned shares of a week down to a smaller forecast, proportionally, in whole doses
 * (largest remainder: the total is exact, and ties go to the site listed first). A forecast that still
 * covers the plan leaves it as it is.
 */
export function scaleAllocations<T extends { siteId: string; doses: number }>(allocations: T[], total: number): T[] {
  const planned = allocations.reduce((a, x) => a + x.doses, 0);
  if (planned <= total) return allocations;
  const exact = allocations.map((a) => (a.doses * total) / planned);
  const scaled = exact.map(Math.floor);
  let left = total - scaled.reduce((a, b) => a + b, 0);
  const order = exact.map((x, i) => ({ i, rest: x - Math.floor(x) })).sort((a, b) => b.rest - a.rest || a.i - b.i);
  for (const { i } of order) {
    if (left <= 0) break;
    scaled[i]! += 1;
    left -= 1;
  }
  return allocations.map((a, i) => ({ ...a, doses: scaled[i]! }));
}

// --- Doses expected against bookings ---------------------------------------------------------------

/** Doses usable at a site from `from` through `until` (calendar days; null = no known end). */
export interface Lot {
  id: string;
  doses: number;
  from: string;
  until: string | null;
}

/** Doses needed on a day: bookings, and walk-ins already vaccinated today. */
export interface Demand {
  day: string;
  doses: number;
}

/**
 * Matches each day's demand to the lots usable that day, day by day, earliest expiry first (FEFO). For
 * demand points in time order and lots usable over intervals this greedy choice covers as much demand as
 * any assignment can, so what it leaves uncovered is a true shortage.
 */
export function matchDemand(lots: Lot[], demand: Demand[]): { uncovered: Map<string, number>; covered: number } {
  const left = lots.map((l) => ({ ...l }));
  const byDay = new Map<string, number>();
  for (const d of demand) byDay.set(d.day, (byDay.get(d.day) ?? 0) + d.doses);
  const uncovered = new Map<string, number>();
  let covered = 0;
  for (const day of [...byDay.keys()].sort()) {
    let need = byDay.get(day)!;
    const usable = left.filter((l) => l.doses > 0 && l.from <= day && (l.until === null || l.until >= day)).sort((a, b) => (a.until ?? '9999') .localeCompare(b.until ?? '9999'));
    for (const lot of usable) {
      if (need === 0) break;
      const take = Math.min(need, lot.doses);
      lot.doses -= take;
      need -= take;
      covered += take;
    }
    if (need > 0) uncovered.set(day, need);
  }
  return { uncovered, covered };
}

/**
 * How many more doses can be promised on `day` without leaving any booking, that day or later, without a
 * dose: the largest x such that adding x to the day's demand adds x to what is covered (binary search;
 * covering is monotone in x).
 */
export function maxBookable(lots: Lot[], demand: Demand[], day: string): number {
  const base = matchDemand(lots, demand).covered;
  const upper = lots.filter((l) => l.from <= day && (l.until === null || l.until >= day)).reduce((a, l) => a + l.doses, 0);
  const fits = (x: number) => matchDemand(lots, [...demand, { day, doses: x }]).covered === base + x;
  let lo = 0;
  let hi = upper;
  while (lo < hi) {
    const mid = Math.ceil((lo + hi) / 2);
    if (fits(mid)) lo = mid;
    else hi = mid - 1;
  }
  return lo;
}

export interface BookedDose {
  id: string;
  slotId: string;
  day: string;
  bookedAt: string;
}

/**
 * Which bookings go without a dose when a day is short: the ones booked last (first come, first served),
 * so the people who booked first keep their time.
 */
export function uncoveredBookings<T extends BookedDose>(bookings: T[], uncoveredByDay: Map<string, number>): T[] {
  const out: T[] = [];
  for (const [day, n] of uncoveredByDay) {
    const that = bookings.filter((b) => b.day === day).sort((a, b) => b.bookedAt.localeCompare(a.bookedAt) || b.id.localeCompare(a.id));
    out.push(...that.slice(0, n));
  }
  return out;
}
