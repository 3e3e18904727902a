import { describe, expect, it } from 'vitest';
import { aggregate, continuity, inconsistency, parsePeriod, readmissions, targetStatus, trendOf, valueOf } from './rules.js';

describe('parsePeriod', () => {
  it.each([
    ['year', '2022', { period: '2022', start: '2022-01-01', end: '2022-12-31' }],
    ['year', ' 2022 ', { period: '2022', start: '2022-01-01', end: '2022-12-31' }],
    ['year', '2022-03', null],
    ['year', '1989', null],
    ['quarter', '2022-Q1', { period: '2022-Q1', start: '2022-01-01', end: '2022-03-31' }],
    ['quarter', '2024q1', { period: '2024-Q1', start: '2024-01-01', end: '2024-03-31' }],
    ['quarter', '2022-K4', { period: '2022-Q4', start: '2022-10-01', end: '2022-12-31' }],
    ['quarter', '2022-Q5', null],
    ['quarter', '2022', null],
    ['month', '2024-02', { period: '2024-02', start: '2024-02-01', end: '2024-02-29' }],
    ['month', '2023-02', { period: '2023-02', start: '2023-02-01', end: '2023-02-28' }],
    ['month', '2023-13', null],
    ['month', '2023-00', null],
    ['point', '2022-12-31', { period: '2022-12-31', start: '2022-12-31', end: '2022-12-31' }],
    ['point', '2023-02-29', null],
    ['point', '2024-02-29', { period: '2024-02-29', start: '2024-02-29', end: '2024-02-29' }],
    ['point', '2022-12', null],
  ] as const)('%s %s', (type, input, expected) => {
    const r = parsePeriod(type, input);
    if (expected === null) expect(r).toHaveProperty('reason');
    else expect(r).toEqual(expected);
  });
  it('names the expected form in the reason', () => {
    expect(parsePeriod('quarter', '2022')).toEqual({ reason: '"2022" is not a quarter (e.g. 2022-Q3)' });
  });
});

describe('values and exact aggregation', () => {
  it.each([
    ['percent', 55, 100, 55],
    ['percent', 1, 3, 33.3333],
    ['index', 3, 4, 0.75],
    ['hours', 250, 10, 25],
    ['percent', 1, 0, null],
  ] as const)('%s %d/%d = %s', (unit, n, d, v) => expect(valueOf(unit, n, d)).toBe(v));

  it('sums numerators and denominators, not ratios', () => {
    const a = aggregate([
      { numerator: 50, denominator: 100 },
      { numerator: 1, denominator: 10 },
    ]);
    expect(a).toEqual({ numerator: 51, denominator: 110, parts: 2 });
    expect(valueOf('percent', a.numerator, a.denominator)).toBe(46.3636);
  });
});

describe('targets and trends', () => {
  const atLeast55 = { value: 55, direction: 'at_least' as const, date: '2022-12-31' };
  const atMost24 = { value: 24, direction: 'at_most' as const, date: null };
  it.each([
    [atLeast55, 54.99, 'missed'],
    [atLeast55, 55, 'met'],
    [atLeast55, 55.01, 'met'],
    [atMost24, 24, 'met'],
    [atMost24, 24.1, 'missed'],
    [{ value: null, direction: null, date: null }, 10, null],
    [atLeast55, null, null],
  ] as const)('%o with %s → %s', (target, value, status) => expect(targetStatus(target, value)).toBe(status));

  it.each([
    [[40, 45], 'at_least', 'improving'],
    [[45, 40], 'at_least', 'worsening'],
    [[30, 26], 'at_most', 'improving'],
    [[45, 45.4], 'at_least', 'flat'],
    [[45, null, 50], null, 'improving'],
    [[45], 'at_least', null],
  ] as const)('%o (%s) → %s', (values, direction, trend) => expect(trendOf(values, direction)).toBe(trend));

  it.each([
    [55, 50, 2, 5],
    [55, 54, 2, null],
    [50, 52.5, 2, -2.5],
    [null, 3, 2, null],
  ] as const)('%s vs %s with tolerance %s → %s', (a, b, t, d) => expect(inconsistency(a, b, t)).toBe(d));
});

describe('continuity (hand-computed)', () => {
  it.each([
    // A A A B: N=4, n=(3,1): COC=(9+1-4)/(4*3)=0.5, UPC=3/4
    [['A', 'A', 'A', 'B'], 0.5, 0.75],
    // always the same provider
    [['A', 'A'], 1, 1],
    // every contact with a new provider
    [['A', 'B', 'C'], 0, 1 / 3],
    // A A B B C: N=5, Σn²=4+4+1=9: COC=(9-5)/20=0.2, UPC=2/5
    [['A', 'A', 'B', 'B', 'C'], 0.2, 0.4],
  ])('%o → COC %s, UPC %s', (providers, coc, upc) => {
    const c = continuity(providers)!;
    expect(c.coc).toBeCloseTo(coc, 10);
    expect(c.upc).toBeCloseTo(upc, 10);
  });
  it('is undefined below two contacts', () => {
    expect(continuity(['A'])).toBeNull();
    expect(continuity([])).toBeNull();
  });
});

describe('readmissions within 30 days', () => {
  const stay = (personKey: string, admitted: string, discharged: string | null, unplanned = true) => ({ personKey, admitted, discharged, unplanned });
  it.each([
    ['30 days after discharge counts', [stay('p', '2022-02-20', '2022-03-01', false), stay('p', '2022-03-31', '2022-04-02')], 1, 2],
    ['31 days does not', [stay('p', '2022-02-20', '2022-03-01', false), stay('p', '2022-04-01', '2022-04-02')], 0, 2],
    ['a planned readmission does not', [stay('p', '2022-02-20', '2022-03-01'), stay('p', '2022-03-10', '2022-03-12', false)], 0, 2],
    ['another person does not', [stay('p', '2022-02-20', '2022-03-01'), stay('q', '2022-03-10', '2022-03-12')], 0, 2],
    ['still admitted: no discharge, not in the denominator', [stay('p', '2022-02-20', null)], 0, 0],
  ])('%s', (_, stays, numerator, denominator) => expect(readmissions(stays)).toEqual({ numerator, denominator }));
});
