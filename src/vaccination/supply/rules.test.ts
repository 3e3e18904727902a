import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { matchDemand, maxBookable, scaleAllocations, summarizeWastage, uncoveredBookings, unopenedVials, vialOutcome } from './rules.js';

const errorOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).errors[0];
  }
  return { field: 'no error', message: 'no error' };
};
const fieldOf = (f: () => unknown) => errorOf(f)?.field;

describe('vial arithmetic', () => {
  it.each([
    { nominal: 5, drawn: 5, discarded: 0, given: 5, wasted: 0, extra: 0 },
    { nominal: 5, drawn: 6, discarded: 0, given: 6, wasted: 0, extra: 1 },
    { nominal: 6, drawn: 5, discarded: 0, given: 5, wasted: 1, extra: 0 },
    { nominal: 6, drawn: 6, discarded: 2, given: 4, wasted: 2, extra: 0 },
    { nominal: 6, drawn: 7, discarded: 1, given: 6, wasted: 0, extra: 0 },
    { nominal: 6, drawn: 0, discarded: 0, given: 0, wasted: 6, extra: 0 },
    { nominal: 6, drawn: 8, discarded: 0, given: 8, wasted: 0, extra: 2 },
    { nominal: 5, drawn: 7, discarded: 1, given: 6, wasted: 0, extra: 1 },
    { nominal: 6, drawn: 3, discarded: 3, given: 0, wasted: 6, extra: 0 },
  ])('a vial planned for $nominal, $drawn drawn, $discarded discarded gives $given, wastes $wasted', ({ nominal, drawn, discarded, given, wasted, extra }) => {
    expect(vialOutcome({ nominal, drawn, discarded })).toEqual({ given, wasted, extra });
  });

  it.each([
    { v: { nominal: 6, drawn: 9, discarded: 0 }, field: 'dosesDrawn' },
    { v: { nominal: 5, drawn: -1, discarded: 0 }, field: 'dosesDrawn' },
    { v: { nominal: 5, drawn: 2.5, discarded: 0 }, field: 'dosesDrawn' },
    { v: { nominal: 5, drawn: 4, discarded: 5 }, field: 'dosesDiscarded' },
    { v: { nominal: 5, drawn: 4, discarded: -1 }, field: 'dosesDiscarded' },
    { v: { nominal: 5, drawn: 4, discarded: 0.5 }, field: 'dosesDiscarded' },
    { v: { nominal: 5, drawn: 8, discarded: 0 }, field: 'dosesDrawn' },
    { v: { nominal: 6, drawn: 8, discarded: 9 }, field: 'dosesDiscarded' },
  ])('rejects $v naming $field', ({ v, field }) => {
    expect(fieldOf(() => vialOutcome(v))).toBe(field);
  });

  it.each([
    [{ nominal: 6, drawn: 9, discarded: 0 }, 'dosesDrawn: at most 8 doses can be drawn from a vial planned for 6'],
    [{ nominal: 5, drawn: -1, discarded: 0 }, 'dosesDrawn: must be a whole number, 0 or more'],
    [{ nominal: 5, drawn: 4, discarded: 0.5 }, 'dosesDiscarded: must be a whole number, 0 or more'],
    [{ nominal: 5, drawn: 4, discarded: 5 }, 'dosesDiscarded: cannot be more than the doses drawn'],
  ])('says why %j is refused: %s', (v, message) => {
    const e = errorOf(() => vialOutcome(v));
    expect(`${e?.field}: ${e?.message}`).toBe(message);
  });

  it('counts unopened vials and never below zero', () => {
    expect(unopenedVials({ allocated: 10, opened: 3, wasted: 2 })).toBe(5);
    expect(unopenedVials({ allocated: 1, opened: 1, wasted: 1 })).toBe(0);
    expect(unopenedVials({ allocated: 5, opened: 3, wasted: 2 })).toBe(0);
    expect(unopenedVials({ allocated: 5, opened: 3, wasted: 1 })).toBe(1);
  });

  it('counts only closed vials as opened unless some are still open, and adds up several lost lots', () => {
    const s = summarizeWastage([{ nominal: 5, drawn: 5, discarded: 0 }], [
      { vials: 1, dosesPerVial: 5 },
      { vials: 3, dosesPerVial: 6 },
    ]);
    expect(s).toEqual({ vialsOpened: 1, plannedDoses: 28, given: 5, extra: 0, wastedFromOpened: 0, wholeVialsLost: 4, wastedWholeVials: 23, wasted: 23, wastageShare: 23 / 28 });
    expect(summarizeWastage([{ nominal: 6, drawn: 6, discarded: 0 }], []).wastageShare).toBe(0);
  });

  it('sums wastage against the planning number, so an extra dose in one vial does not hide a loss in another', () => {
    const s = summarizeWastage(
      [
        { nominal: 6, drawn: 7, discarded: 0 },
        { nominal: 6, drawn: 5, discarded: 1 },
      ],
      [{ vials: 2, dosesPerVial: 6 }],
      1,
    );
    expect(s).toEqual({ vialsOpened: 3, plannedDoses: 24, given: 11, extra: 1, wastedFromOpened: 2, wholeVialsLost: 2, wastedWholeVials: 12, wasted: 14, wastageShare: 14 / 24 });
    expect(summarizeWastage([], []).wastageShare).toBeNull();
  });
});

describe('forecast changes', () => {
  it('scales the sites down proportionally, whole doses, exact total', () => {
    const scaled = scaleAllocations(
      [
        { siteId: 'a', doses: 600 },
        { siteId: 'b', doses: 300 },
        { siteId: 'c', doses: 100 },
      ],
      500,
    );
    expect(scaled.map((s) => s.doses)).toEqual([300, 150, 50]);
    const odd = scaleAllocations(
      [
        { siteId: 'a', doses: 1 },
        { siteId: 'b', doses: 1 },
        { siteId: 'c', doses: 1 },
      ],
      2,
    );
    expect(odd.map((s) => s.doses)).toEqual([1, 1, 0]);
    expect(scaleAllocations([{ siteId: 'a', doses: 10 }], 20)[0]!.doses).toBe(10);
  });

  it.each([
    // 5,3,2 of 7: exact 3.5, 2.1, 1.4 → 3, 2, 1 and the one left to the largest remainder (a).
    [[5, 3, 2], 7, [4, 2, 1]],
    // 1,4,5 of 7: exact 0.7, 2.8, 3.5 → 0, 2, 3; the two left go to b (.8) and a (.7), not c (.5).
    [[1, 4, 5], 7, [1, 3, 3]],
    // 3,1,1 of 3: exact 1.8, 0.6, 0.6 → 1, 0, 0; a (.8) first, then the tie b/c goes to b, listed first.
    [[3, 1, 1], 3, [2, 1, 0]],
    // The same shares listed the other way round: the tie goes to the site listed first again.
    [[1, 1, 3], 3, [1, 0, 2]],
    [[10, 10], 20, [10, 10]], // a forecast equal to the plan leaves it
    [[10, 11], 20, [10, 10]], // one dose short
    [[10, 10], 0, [0, 0]], // no doses at all
  ])('%j scaled to %d is %j', (planned, total, expected) => {
    const allocations = planned.map((doses, i) => ({ siteId: `s${i}`, name: `site ${i}`, doses }));
    const scaled = scaleAllocations(allocations, total);
    expect(scaled.map((s) => s.doses)).toEqual(expected);
    expect(scaled.map((s) => [s.siteId, s.name])).toEqual(allocations.map((a) => [a.siteId, a.name]));
  });
});

describe('doses expected against bookings', () => {
  const stock = { id: 's', doses: 10, from: '2021-03-01', until: '2021-03-03' };
  const forecast = { id: 'f', doses: 20, from: '2021-03-08', until: null };

  it('uses the lot that expires first and reports the days left short', () => {
    const r = matchDemand([forecast, stock], [
      { day: '2021-03-02', doses: 8 },
      { day: '2021-03-04', doses: 5 },
      { day: '2021-03-08', doses: 25 },
    ]);
    // 8 from stock; nothing usable on 03-04 (stock expired, forecast not here); 20 of 25 on 03-08.
    expect(Object.fromEntries(r.uncovered)).toEqual({ '2021-03-04': 5, '2021-03-08': 5 });
    expect(r.covered).toBe(28);
  });

  it.each([
    ['2021-02-28', 0, 'the day before the stock may be used'],
    ['2021-03-01', 10, 'its first day'],
    ['2021-03-03', 10, 'its last usable day'],
    ['2021-03-04', 0, 'the day after'],
  ])('demand on %s is covered by %d (%s)', (day, covered) => {
    const r = matchDemand([stock], [{ day, doses: 10 }]);
    expect(r.covered).toBe(covered);
    expect(Object.fromEntries(r.uncovered)).toEqual(covered === 10 ? {} : { [day]: 10 });
  });

  it('serves the days in date order whatever order the demand comes in, adding up a day’s demand', () => {
    const lots = [{ id: 'a', doses: 10, from: '2021-03-01', until: null }];
    const r = matchDemand(lots, [
      { day: '2021-03-05', doses: 6 },
      { day: '2021-03-02', doses: 3 },
      { day: '2021-03-02', doses: 3 },
    ]);
    expect(Object.fromEntries(r.uncovered)).toEqual({ '2021-03-05': 2 });
    expect(r.covered).toBe(10);
    expect(lots[0]!.doses).toBe(10);
  });

  it.each([
    [[{ id: 'a', doses: 10, from: '2021-03-01', until: null }, { id: 's', doses: 10, from: '2021-03-01', until: '2021-03-03' }], 'a lot without an end after one that expires'],
    [[{ id: 'x', doses: 5, from: '2021-03-01', until: '2021-03-10' }, { id: 'y', doses: 5, from: '2021-03-01', until: '2021-03-04' }], 'a lot that expires later listed first'],
  ])('takes the lot that expires first: %j (%s)', (lots) => {
    const demand = [
      { day: '2021-03-02', doses: lots[1]!.doses },
      { day: '2021-03-08', doses: lots[0]!.doses },
    ];
    expect(matchDemand(lots, demand)).toEqual({ uncovered: new Map(), covered: lots[0]!.doses + lots[1]!.doses });
  });

  it('keeps lots without an end for last wherever they are listed', () => {
    const open = (id: string) => ({ id, doses: 4, from: '2021-03-01', until: null });
    const expiring = { id: 's', doses: 4, from: '2021-03-01', until: '2021-03-04' };
    const demand = [
      { day: '2021-03-02', doses: 4 },
      { day: '2021-03-08', doses: 8 },
    ];
    for (const lots of [[open('a'), expiring, open('b')], [open('a'), open('b'), expiring], [expiring, open('a'), open('b')]]) {
      expect(matchDemand(lots, demand)).toEqual({ uncovered: new Map(), covered: 12 });
    }
  });

  it('never offers a dose that a later booking already counts on', () => {
    const lots = [{ id: 'a', doses: 10, from: '2021-03-01', until: null }];
    expect(maxBookable(lots, [], '2021-03-01')).toBe(10);
    expect(maxBookable(lots, [{ day: '2021-03-05', doses: 7 }], '2021-03-01')).toBe(3);
    expect(maxBookable(lots, [{ day: '2021-03-01', doses: 4 }], '2021-03-05')).toBe(6);
    // Stock that expires before a later day cannot serve it, so it does not limit the earlier day.
    expect(maxBookable([stock, forecast], [{ day: '2021-03-08', doses: 20 }], '2021-03-02')).toBe(10);
    expect(maxBookable([stock, forecast], [{ day: '2021-03-08', doses: 20 }], '2021-03-09')).toBe(0);
    // Overbooked already: nothing more on that day or any day whose doses are all spoken for.
    expect(maxBookable(lots, [{ day: '2021-03-02', doses: 12 }], '2021-03-02')).toBe(0);
  });

  it.each([
    ['2021-02-28', 0],
    ['2021-03-01', 10],
    ['2021-03-03', 10],
    ['2021-03-04', 0],
    ['2021-03-08', 20],
  ])('offers %s up to %d doses from stock usable 1–3 March and a forecast from 8 March', (day, max) => {
    expect(maxBookable([stock, forecast], [], day)).toBe(max);
  });

  it('finds every count from 0 to the stock, not only halves', () => {
    const lots = [{ id: 'a', doses: 7, from: '2021-03-01', until: null }];
    for (let booked = 0; booked <= 8; booked++) expect(maxBookable(lots, [{ day: '2021-03-09', doses: booked }], '2021-03-02')).toBe(Math.max(0, 7 - booked));
  });

  it('marks the bookings made last on a short day as uncovered', () => {
    const bookings = [
      { id: '1', slotId: 'x', day: '2021-03-04', bookedAt: '2021-02-01T10:00:00Z' },
      { id: '2', slotId: 'y', day: '2021-03-04', bookedAt: '2021-02-03T10:00:00Z' },
      { id: '3', slotId: 'y', day: '2021-03-04', bookedAt: '2021-02-02T10:00:00Z' },
      { id: '4', slotId: 'z', day: '2021-03-05', bookedAt: '2021-02-09T10:00:00Z' },
    ];
    expect(uncoveredBookings(bookings, new Map([['2021-03-04', 2]])).map((b) => b.id)).toEqual(['2', '3']);
    expect(uncoveredBookings(bookings, new Map([['2021-03-04', 1], ['2021-03-05', 1]])).map((b) => b.id)).toEqual(['2', '4']);
    expect(uncoveredBookings(bookings, new Map([['2021-03-05', 5]])).map((b) => b.id)).toEqual(['4']);
    expect(uncoveredBookings(bookings, new Map())).toEqual([]);
  });

  it('between bookings made at the same moment, leaves out the larger id first', () => {
    const at = '2021-02-01T10:00:00Z';
    const bookings = ['b', 'c', 'a'].map((id) => ({ id, slotId: 'x', day: '2021-03-04', bookedAt: at }));
    expect(uncoveredBookings(bookings, new Map([['2021-03-04', 2]])).map((b) => b.id)).toEqual(['c', 'b']);
  });
});
