import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.js';
import { meetsBound, parseCount, parseDate, parseSearch, parseToken } from './search.js';

const refusal = (f: () => unknown): { field?: string; message: string } | undefined => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return { field: e.errors[0]?.field, message: e.message };
    throw e;
  }
  return undefined;
};

describe('_count', () => {
  it.each([
    ['0', 'must be between'],
    ['1', null],
    ['1000', null],
    ['1001', 'must be between'],
    ['-1', 'not a whole number'],
    ['1.5', 'not a whole number'],
    ['ten', 'not a whole number'],
  ])('%s → %s', (value, refused) => {
    const r = refusal(() => parseCount(value));
    if (refused === null) expect(r).toBeUndefined();
    else expect(r).toMatchObject({ field: '_count', message: expect.stringContaining(refused) });
  });
});

describe('date values name a period of Swedish calendar time (or an exact time with its zone)', () => {
  it.each([
    ['2026', '2025-12-31T23:00:00.000Z', '2026-12-31T23:00:00.000Z'],
    ['2026-07', '2026-06-30T22:00:00.000Z', '2026-07-31T22:00:00.000Z'],
    ['2026-02-28', '2026-02-27T23:00:00.000Z', '2026-02-28T23:00:00.000Z'],
    // The night summer time begins is a 23-hour day.
    ['2026-03-29', '2026-03-28T23:00:00.000Z', '2026-03-29T22:00:00.000Z'],
    ['2026-12-31', '2026-12-30T23:00:00.000Z', '2026-12-31T23:00:00.000Z'],
    ['2026-11-03T10:15Z', '2026-11-03T10:15:00.000Z', '2026-11-03T10:16:00.000Z'],
    ['2026-11-03T10:15:30+01:00', '2026-11-03T09:15:30.000Z', '2026-11-03T09:15:31.000Z'],
  ])('%s is [%s, %s)', (value, start, end) => {
    expect(parseDate('date', value)).toEqual({ prefix: 'eq', start, end });
  });

  it.each([
    ['2026-13-01', 'no such month'],
    ['2026-02-29', 'no such day'],
    ['2024-02-30', 'no such day'],
    ['2026-11-31', 'no such day'],
    ['1899-12-31', 'between 1900 and 2100'],
    ['2026-11-03T10:15', 'time zone'],
    ['2026-11-03T24:00Z', 'no such time'],
    ['ne2026', 'not supported'],
    ['ap2026', 'not supported'],
    ['yesterday', 'not a FHIR date'],
    ['2026-1-3', 'not a FHIR date'],
  ])('%s is refused: %s', (value, reason) => {
    expect(refusal(() => parseDate('date', value))).toMatchObject({ field: 'date', message: expect.stringContaining(reason) });
  });

  it('accepts the last day of February in a leap year', () => {
    expect(parseDate('date', '2024-02-29').start).toBe('2024-02-28T23:00:00.000Z');
  });

  // The day 2026-11-03 in Sweden is [2026-11-02T23:00Z, 2026-11-03T23:00Z).
  const day = parseDate('date', '2026-11-03');
  it.each([
    ['eq', '2026-11-02T22:59:59.999Z', false],
    ['eq', '2026-11-02T23:00:00.000Z', true],
    ['eq', '2026-11-03T22:59:59.999Z', true],
    ['eq', '2026-11-03T23:00:00.000Z', false],
    ['ge', '2026-11-02T22:59:59.999Z', false],
    ['ge', '2026-11-02T23:00:00.000Z', true],
    ['le', '2026-11-03T22:59:59.999Z', true],
    ['le', '2026-11-03T23:00:00.000Z', false],
    ['gt', '2026-11-03T22:59:59.999Z', false],
    ['gt', '2026-11-03T23:00:00.000Z', true],
    ['lt', '2026-11-02T22:59:59.999Z', true],
    ['lt', '2026-11-02T23:00:00.000Z', false],
  ] as const)('%s2026-11-03 holds for %s: %s', (prefix, at, holds) => {
    expect(meetsBound(at, { ...day, prefix })).toBe(holds);
  });

  it('reads the prefix', () => {
    expect(parseDate('date', 'ge2026-11-03')).toEqual({ ...day, prefix: 'ge' });
  });
});

describe('tokens', () => {
  it.each([
    ['94500-6', { code: '94500-6' }],
    ['http://loinc.org|94500-6', { system: 'http://loinc.org', code: '94500-6' }],
    ['|94500-6', { system: null, code: '94500-6' }],
    ['http://loinc.org|', { system: 'http://loinc.org', code: undefined }],
  ])('%s', (value, token) => {
    expect(parseToken('code', value)).toEqual(token);
  });

  it.each(['|', 'a|b|c'])('%s is refused', (value) => {
    expect(refusal(() => parseToken('code', value))).toMatchObject({ field: 'code' });
  });
});

describe('parseSearch', () => {
  const declared = { patient: 'reference', date: 'date', code: 'token' } as const;

  it('reads declared parameters, repeats as AND and commas as OR, with the default count', () => {
    const s = parseSearch({ patient: 'Patient/abc', date: ['ge2026-01-01', 'le2026-12-31'], code: 'a,b' }, declared);
    expect(s.count).toBe(50);
    expect(s.params.get('patient')).toEqual([{ kind: 'reference', anyOf: ['abc'] }]);
    expect(s.params.get('date')!.map((v) => (v.kind === 'date' ? v.bound.prefix : ''))).toEqual(['ge', 'le']);
    expect(s.params.get('code')).toEqual([{ kind: 'token', anyOf: [{ code: 'a' }, { code: 'b' }] }]);
  });

  it.each([
    [{ colour: 'red' }, 'colour', 'unknown search parameter'],
    [{ _count: ['1', '2'] }, '_count', 'more than once'],
    [{ _cursor: 'not a cursor!' }, '_cursor', 'not a cursor'],
    [{ _format: 'xml' }, '_format', 'JSON only'],
    [{ code: '' }, 'code', 'empty'],
    [{ patient: 'Patient/<script>' }, 'patient', 'not a reference'],
    [{ code: 'x'.repeat(257) }, 'code', 'longer than 256'],
  ])('%j is refused naming %s', (query, field, reason) => {
    expect(refusal(() => parseSearch(query, declared))).toMatchObject({ field, message: expect.stringContaining(reason) });
  });

  it('names the parameters a resource takes when refusing an unknown one', () => {
    expect(refusal(() => parseSearch({ colour: 'red' }, declared))?.message).toContain('code, date, patient, _count and _cursor');
  });
});
