import { describe, expect, it } from 'vitest';
import { decideRecovery, decideTest, decideVaccination, expiryOf, type TestFact } from './rules.js';

const test = (takenAt: string, over: Partial<TestFact> = {}): TestFact => ({ id: 't', testType: 'pcr', collection: 'staff', result: 'positive', takenAt: new Date(takenAt), ...over });
const at = (iso: string) => new Date(iso);

describe('recovery: day 11 to day 180 after a positive test taken by staff, in Swedish days', () => {
  // The test is taken 2021-08-01 at 23:30 Swedish summer time (21:30 UTC): day 0 is 1 August in Sweden.
  const late = test('2021-08-01T21:30:00Z');
  it.each([
    ['day 10, the last evening', '2021-08-11T21:59:00Z', 'recovery.not-yet'],
    ['day 11, just after Swedish midnight', '2021-08-11T22:00:00Z', 'issue'],
    ['day 180', '2022-01-28T12:00:00Z', 'issue'],
    ['day 180, the last minute', '2022-01-28T22:59:00Z', 'issue'],
    ['day 181', '2022-01-28T23:00:00Z', 'recovery.expired'],
  ])('%s → %s', (_, now, expected) => {
    const d = decideRecovery([late], at(now));
    expect(d.outcome === 'issue' ? 'issue' : d.rule).toBe(expected);
  });

  it('states the first positive test and the validity by Swedish dates', () => {
    const d = decideRecovery([late], at('2021-09-01T10:00:00Z'));
    expect(d).toMatchObject({ outcome: 'issue', ruleVersion: 'recovery-2021', firstPositive: '2021-08-01', validFrom: '2021-08-12', validUntil: '2022-01-28' });
  });

  it.each([
    ['no test at all', [], 'recovery.no-positive'],
    ['only negative tests', [test('2021-09-01T10:00:00Z', { result: 'negative' })], 'recovery.no-positive'],
    ['a self-sampled positive never qualifies', [test('2021-09-01T10:00:00Z', { collection: 'self' })], 'recovery.self-sampled'],
    ['antigen on 31 January 2022 (before antigen counted)', [test('2022-01-31T10:00:00Z', { testType: 'antigen' })], 'recovery.test-type'],
    ['antigen on 1 February 2022', [test('2022-02-01T10:00:00Z', { testType: 'antigen' })], 'issue'],
    ['serology never', [test('2022-03-01T10:00:00Z', { testType: 'serology' })], 'recovery.test-type'],
    ['a staff test beside a newer self-test', [test('2022-03-01T10:00:00Z'), test('2022-03-05T10:00:00Z', { collection: 'self' })], 'issue'],
  ] as const)('%s → %s', (_, tests, expected) => {
    const d = decideRecovery(tests, at('2022-03-20T12:00:00Z'));
    expect(d.outcome === 'issue' ? 'issue' : d.rule).toBe(expected);
  });

  it('says in Swedish when the certificate can be had', () => {
    const d = decideRecovery([late], at('2021-08-05T10:00:00Z'));
    expect(d.outcome === 'refuse' && d.reason.sv).toBe('Tillfrisknandebeviset gäller från dag 11 efter provet, 12 augusti 2021. Ansök igen då.');
  });
});

describe('test certificate: the latest PCR or antigen test taken by staff, with a result', () => {
  it.each([
    ['PCR 72 h after sampling', test('2022-03-01T10:00:00Z', { result: 'negative' }), '2022-03-04T10:00:00Z', 'issue'],
    ['PCR 72 h and a minute', test('2022-03-01T10:00:00Z', { result: 'negative' }), '2022-03-04T10:01:00Z', 'test.too-old'],
    ['antigen 48 h', test('2022-03-01T10:00:00Z', { result: 'negative', testType: 'antigen' }), '2022-03-03T10:00:00Z', 'issue'],
    ['antigen 48 h and a minute', test('2022-03-01T10:00:00Z', { result: 'negative', testType: 'antigen' }), '2022-03-03T10:01:00Z', 'test.too-old'],
    ['self-sampled', test('2022-03-01T10:00:00Z', { result: 'negative', collection: 'self' }), '2022-03-01T12:00:00Z', 'test.self-sampled'],
    ['serology by staff', test('2022-03-01T10:00:00Z', { result: 'negative', testType: 'serology' }), '2022-03-01T12:00:00Z', 'test.type'],
    ['no result yet', test('2022-03-01T10:00:00Z', { result: null }), '2022-03-01T12:00:00Z', 'test.no-result'],
    ['not assessable', test('2022-03-01T10:00:00Z', { result: 'not_assessable' }), '2022-03-01T12:00:00Z', 'test.no-result'],
    ['a positive result is certified too', test('2022-03-01T10:00:00Z'), '2022-03-01T12:00:00Z', 'issue'],
  ] as const)('%s → %s', (_, t, now, expected) => {
    const d = decideTest([t], at(now));
    expect(d.outcome === 'issue' ? 'issue' : d.rule).toBe(expected);
  });

  it('refuses when there is no test', () => expect(decideTest([], at('2022-03-01T12:00:00Z'))).toMatchObject({ rule: 'test.no-test' }));
});

describe('vaccination certificate: dose n of m', () => {
  const dose = (n: number, day: string, productCode = 'comirnaty', vaccine = 'covid-19') => ({ id: `d${n}`, vaccine, productCode, doseNumber: n, administeredAt: at(`${day}T10:00:00Z`) });
  it.each([
    ['dose 1 of a two-dose series', [dose(1, '2021-05-01')], 1, 2],
    ['dose 2 completes it', [dose(1, '2021-05-01'), dose(2, '2021-06-01')], 2, 2],
    ['a booster counts on: 3/3', [dose(1, '2021-05-01'), dose(2, '2021-06-01'), dose(3, '2021-12-01')], 3, 3],
    ['the latest dose, whatever order they come in', [dose(2, '2021-06-01'), dose(1, '2021-05-01')], 2, 2],
  ] as const)('%s', (_, doses, dn, sd) => {
    const d = decideVaccination(doses);
    expect(d).toMatchObject({ outcome: 'issue', dose: { doseNumber: dn }, seriesDoses: sd, codes: { mp: 'EU/1/20/1528' } });
  });

  it('refuses without a covid-19 dose (an influenza dose does not count)', () => expect(decideVaccination([dose(1, '2021-10-01', 'efluelda', 'influenza')])).toMatchObject({ rule: 'vaccination.no-dose' }));
  it('refuses a product without an EU code', () => expect(decideVaccination([dose(1, '2021-10-01', 'unknown-product')])).toMatchObject({ rule: 'vaccination.product' }));
  it('dates the dose by the Swedish day', () => expect(decideVaccination([{ ...dose(1, '2021-05-01'), administeredAt: at('2021-05-01T22:30:00Z') }])).toMatchObject({ date: '2021-05-02' }));
});

describe('signature expiry', () => {
  const issued = at('2022-03-01T10:00:00Z');
  it.each([
    ['test', undefined, '2022-03-04T10:00:00.000Z'],
    ['vaccination', undefined, '2023-03-01T10:00:00.000Z'],
    ['recovery', '2022-08-01', '2022-08-01T23:59:59.000Z'],
  ] as const)('%s', (kind, until, expected) => expect(expiryOf(kind, issued, until).toISOString()).toBe(expected));
});
