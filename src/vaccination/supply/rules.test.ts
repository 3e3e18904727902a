import { describe, expect, it } from 'vitest';
import { AppError } from '../../platform/errors.js';
import { matchDemand, maxBookable, scaleAllocations, summarizeWastage, uncoveredBookings, unopenedVials, vialOutcome } from './rules.js';

const fieldOf = (f: () => unknown) => {
  try {
    f();
  } catch (e) {
    return (e as AppError).errors[0]?.field;
  }
  return 'no error';
};

describe('vial arithmetic', () => {
  it.each([
    { nominal: 5, drawn: 5, discarded: 0, given: 5, wasted: 0, extra: 0 },
    { nominal: 5, drawn: 6, discarded: 0, given: 6, wasted: 0, extra: 1 },
    { nominal: 6, drawn: 5, discarded: 0, given: 5, wasted: 1, extra: 0 },
    { nominal: 6, drawn: 6, discarded: 2, given: 4, wasted: 2, extra: 0 },
    { nominal: 6, drawn: 7, discarded: 1, given: 6, wasted: 0, extra: 0 },
    { nominal: 6, drawn: 0, discarded: 0, given: 0, wasted: 6, extra: 0 },
  ])('a vial planned for $nominal, $drawn drawn, $discarded discarded gives $given, wastes $wasted', ({ nominal, drawn, discarded, given, wasted, extra }) => {
    expect(vialOutcome({ nominal, drawn, discarded })).toEqual({ given, wasted, extra });
  });

  it.each([
    { v: { nominal: 6, drawn: 9, discarded: 0 }, field: 'dosesDrawn' },
    { v: { nominal: 5, drawn: -1, discarded: 0 }, field: 'dosesDrawn' },
    { v: { nominal: 5, drawn: 2.5, discarded: 0 }, field: 'dosesDrawn' },
    { v: { nominal: 5, drawn: 4, discarded: 5 }, field: 'dosesDiscarded' },
    { v: { nominal: 5, drawn: 4, discarded: -1 }, field: 'dosesDiscarded' },
  ])('rejects $v naming $field', ({ v, field }) => {
    expect(fieldOf(() => vialOutcome(v))).toBe(field);
  });

  it('counts unopened vials and never below zero', () => {
    expect(unopenedVials({ allocated: 10, opened: 3, wasted: 2 })).toBe(5);
    expect(unopenedVials({ allocated: 1, opened: 1, wasted: 1 })).toBe(0);
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

  it('marks the bookings made last on a short day as uncovered', () => {
    const bookings = [
      { id: '1', slotId: 'x', day: '2021-03-04', bookedAt: '2021-02-01T10:00:00Z' },
      { id: '2', slotId: 'y', day: '2021-03-04', bookedAt: '2021-02-03T10:00:00Z' },
      { id: '3', slotId: 'y', day: '2021-03-04', bookedAt: '2021-02-02T10:00:00Z' },
      { id: '4', slotId: 'z', day: '2021-03-05', bookedAt: '2021-02-09T10:00:00Z' },
    ];
    expect(uncoveredBookings(bookings, new Map([['2021-03-04', 2]])).map((b) => b.id)).toEqual(['2', '3']);
  });
});
