import { describe, expect, it } from 'vitest';
import { aggregate, continuity, inconsistency, parsePeriod, readmissions, round, scaleOf, targetStatus, trendOf, valueOf } from './rules.js';

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
    // Years 1990–2100
    ['year', '1990', { period: '1990', start: '1990-01-01', end: '1990-12-31' }],
    ['year', '2100', { period: '2100', start: '2100-01-01', end: '2100-12-31' }],
    ['year', '2101', null],
    ['year', '22', null],
    ['year', '20222', null],
    // Quarters: each one's first and last day, the forms people write
    ['quarter', '2022Q2', { period: '2022-Q2', start: '2022-04-01', end: '2022-06-30' }],
    ['quarter', ' 2022-q3 ', { period: '2022-Q3', start: '2022-07-01', end: '2022-09-30' }],
    ['quarter', '2022k1', { period: '2022-Q1', start: '2022-01-01', end: '2022-03-31' }],
    ['quarter', '2022-Q0', null],
    ['quarter', '2022-X1', null],
    ['quarter', '2022--Q1', null],
    ['quarter', '1989-Q4', null],
    ['quarter', '2101-Q1', null],
    ['quarter', 'x2022-Q1', null],
    ['quarter', '2022-Q11', null],
    // Months: 28, 29, 30 and 31 days
    ['month', '2022-01', { period: '2022-01', start: '2022-01-01', end: '2022-01-31' }],
    ['month', '2022-04', { period: '2022-04', start: '2022-04-01', end: '2022-04-30' }],
    ['month', '2022-12', { period: '2022-12', start: '2022-12-01', end: '2022-12-31' }],
    ['month', ' 2022-06 ', { period: '2022-06', start: '2022-06-01', end: '2022-06-30' }],
    ['month', '2100-02', { period: '2100-02', start: '2100-02-01', end: '2100-02-28' }],
    ['month', '1989-12', null],
    ['month', '2101-01', null],
    ['month', '2022-3', null],
    ['month', '2022-03-01', null],
    // Points in time: each part at its limits
    ['point', '2022-04-30', { period: '2022-04-30', start: '2022-04-30', end: '2022-04-30' }],
    ['point', '2022-01-01', { period: '2022-01-01', start: '2022-01-01', end: '2022-01-01' }],
    ['point', '2100-12-31', { period: '2100-12-31', start: '2100-12-31', end: '2100-12-31' }],
    ['point', '2022-04-31', null],
    ['point', '2022-01-32', null],
    ['point', '2022-01-00', null],
    ['point', '2022-00-10', null],
    ['point', '2022-13-01', null],
    ['point', '1989-12-31', null],
    ['point', '2101-01-01', null],
    ['point', '2022-12-31T00', null],
  ] as const)('%s %s', (type, input, expected) => {
    const r = parsePeriod(type, input);
    if (expected === null) expect(r).toHaveProperty('reason');
    else expect(r).toEqual(expected);
  });
  it('names the expected form in the reason', () => {
    expect(parsePeriod('quarter', '2022')).toEqual({ reason: '"2022" is not a quarter (e.g. 2022-Q3)' });
    expect(parsePeriod('year', ' 22 ')).toEqual({ reason: '" 22 " is not a year (e.g. 2022)' });
    expect(parsePeriod('month', '2022-13')).toEqual({ reason: '"2022-13" is not a month (e.g. 2022-03)' });
    expect(parsePeriod('point', '2022-02-30')).toEqual({ reason: '"2022-02-30" is not a point (a day, e.g. 2022-12-31)' });
  });
});

describe('values and exact aggregation', () => {
  it.each([
    ['percent', 55, 100, 55],
    ['percent', 1, 3, 33.3333],
    ['index', 3, 4, 0.75],
    ['hours', 250, 10, 25],
    ['percent', 1, 0, null],
    ['percent', 1, -5, null],
    ['percent', 1, Number.NaN, null],
    ['index', 1, 3, 0.3333],
    ['index', 2, 3, 0.6667],
    ['percent', 2, 3, 66.6667],
    ['count', 7, 1, 7],
    ['days', 0, 4, 0],
  ] as const)('%s %d/%d = %s', (unit, n, d, v) => expect(valueOf(unit, n, d)).toBe(v));

  it('sums numerators and denominators, not ratios', () => {
    const a = aggregate([
      { numerator: 50, denominator: 100 },
      { numerator: 1, denominator: 10 },
    ]);
    expect(a).toEqual({ numerator: 51, denominator: 110, parts: 2 });
    expect(valueOf('percent', a.numerator, a.denominator)).toBe(46.3636);
    expect(aggregate([])).toEqual({ numerator: 0, denominator: 0, parts: 0 });
    expect(aggregate([{ numerator: 3, denominator: 4 }])).toEqual({ numerator: 3, denominator: 4, parts: 1 });
  });

  it('shows percent ×100 and every other unit as it is', () => {
    expect(scaleOf('percent')).toBe(100);
    for (const unit of ['index', 'hours', 'days', 'count'] as const) expect(scaleOf(unit)).toBe(1);
  });

  it.each([
    [1.23455, 4, 1.2346],
    [1.23444, 4, 1.2344],
    [2.5, 0, 3],
    [1.005, 1, 1],
    [123.456, 2, 123.46],
  ])('round(%d, %d) is %d', (v, decimals, rounded) => expect(round(v, decimals)).toBe(rounded));

  it('rounds to four decimals unless told otherwise', () => expect(round(0.123456)).toBe(0.1235));
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
    [{ value: 0, direction: 'at_least', date: null }, 0, 'met'],
    [{ value: 0, direction: 'at_most', date: null }, 0, 'met'],
    [{ value: 0, direction: 'at_most', date: null }, 0.0001, 'missed'],
    [{ value: 55, direction: null, date: null }, 60, null],
    [{ value: null, direction: 'at_least', date: null }, 60, null],
  ] as const)('%o with %s → %s', (target, value, status) => expect(targetStatus(target, value)).toBe(status));

  it.each([
    [[40, 45], 'at_least', 'improving'],
    [[45, 40], 'at_least', 'worsening'],
    [[30, 26], 'at_most', 'improving'],
    [[45, 45.4], 'at_least', 'flat'],
    [[45, null, 50], null, 'improving'],
    [[45], 'at_least', null],
    [[26, 30], 'at_most', 'worsening'],
    [[50, 45], null, 'worsening'],
    [[45, 45.5], 'at_least', 'improving'],
    [[45, 44.5], 'at_least', 'worsening'],
    [[45, 45.49], 'at_least', 'flat'],
    [[45, 44.51], 'at_most', 'flat'],
    [[50, 40, 45], 'at_least', 'improving'],
    [[40, 45, null], 'at_least', 'improving'],
    [[null, 45, null], 'at_least', null],
    [[], null, null],
  ] as const)('%o (%s) → %s', (values, direction, trend) => expect(trendOf(values, direction)).toBe(trend));

  it.each([
    [[45, 46.9], 'flat'],
    [[45, 47], 'improving'],
    [[45, 43], 'worsening'],
  ] as const)('with a flat band of 2, %o → %s', (values, trend) => expect(trendOf(values, 'at_least', 2)).toBe(trend));

  it.each([
    [55, 50, 2, 5],
    [55, 54, 2, null],
    [50, 52.5, 2, -2.5],
    [null, 3, 2, null],
    [3, null, 2, null],
    [55, 53, 2, null],
    [53, 55, 2, null],
    [55, 52.9, 2, 2.1],
    [0.1 + 0.2, 0.3, 0, null],
    [10, 10, 0, null],
    [10, 10.5, 0, -0.5],
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
    // unsorted: B A A A is A A A B
    [['B', 'A', 'A', 'A'], 0.5, 0.75],
    // the usual provider is not the first met: A B B C: N=4, Σn²=1+4+1=6: COC=(6-4)/12=1/6, UPC=2/4
    [['A', 'B', 'B', 'C'], 1 / 6, 0.5],
    // two contacts with two providers: COC=(1+1-2)/2=0, UPC=1/2
    [['A', 'B'], 0, 0.5],
  ])('%o → COC %s, UPC %s', (providers, coc, upc) => {
    const c = continuity(providers)!;
    expect(c.coc).toBeCloseTo(coc, 10);
    expect(c.upc).toBeCloseTo(upc, 10);
    expect(c.contacts).toBe(providers.length);
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
    ['1 day after discharge counts', [stay('p', '2022-02-20', '2022-03-01', false), stay('p', '2022-03-02', null)], 1, 1],
    ['the day of discharge does not (a transfer)', [stay('p', '2022-02-20', '2022-03-01', false), stay('p', '2022-03-01', null)], 0, 1],
    ['an admission before the discharge does not', [stay('p', '2022-02-20', '2022-03-01', false), stay('p', '2022-02-10', '2022-02-12')], 0, 2],
    ['a discharge counts once, however many readmissions follow', [stay('p', '2022-02-20', '2022-03-01', false), stay('p', '2022-03-05', '2022-03-06'), stay('p', '2022-03-20', '2022-03-22')], 2, 3],
    ['the stays in any order', [stay('p', '2022-03-05', '2022-03-06'), stay('q', '2022-01-01', '2022-01-02'), stay('p', '2022-02-20', '2022-03-01', false)], 1, 3],
    ['nothing', [], 0, 0],
  ])('%s', (_, stays, numerator, denominator) => expect(readmissions(stays)).toEqual({ numerator, denominator }));
});
