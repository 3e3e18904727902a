import { describe, expect, it } from 'vitest';
import type { MonthRow } from './api.js';
import { firstOfMonthBefore, issuedPerMonth, refusalsByRule } from './statistics.js';

const row = (regionId: string, month: string, vaccination: number, refusedByRule: Record<string, number> = {}): MonthRow => ({
  regionId,
  regionName: regionId,
  month,
  requests: vaccination,
  issued: { vaccination, test: 1, recovery: 0 },
  paper: 0,
  refused: 0,
  queued: 0,
  rejected: 0,
  refusedByRule,
  recovery: { requests: 0, issued: 0 },
});

describe('certificate statistics for the chart', () => {
  it('sums the regions per month, oldest month first', () => {
    expect(issuedPerMonth([row('18', '2026-02', 3), row('17', '2026-01', 1), row('17', '2026-02', 2)])).toEqual([
      { month: '2026-01', vaccination: 1, test: 1, recovery: 0 },
      { month: '2026-02', vaccination: 5, test: 2, recovery: 0 },
    ]);
  });

  it('counts refusals per rule over the period, most frequent first, without zeros', () => {
    expect(refusalsByRule([row('18', '2026-01', 0, { 'test.too-old': 1, 'recovery.not-yet': 0 }), row('18', '2026-02', 0, { 'test.too-old': 2, 'vaccination.no-dose': 4 })])).toEqual([
      { rule: 'vaccination.no-dose', count: 4 },
      { rule: 'test.too-old', count: 3 },
    ]);
  });

  it.each([
    ['2026-12-07', 11, '2026-01-01'],
    ['2026-12-07', 0, '2026-12-01'],
    ['2026-01-31', 1, '2025-12-01'],
    ['2026-03-15', 14, '2025-01-01'],
  ])('the first of the month: %s, %i months back → %s', (day, back, expected) => {
    expect(firstOfMonthBefore(day, back)).toBe(expected);
  });
});
