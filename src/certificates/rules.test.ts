import { describe, expect, it } from 'vitest';
import { covidProducts, decideRecovery, decideTest, decideVaccination, expiryOf, refusalRules, type TestFact } from './rules.js';

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

  it.each([
    ['PCR on 31 January 2022, the old rule’s last day', test('2022-01-31T10:00:00Z'), '2022-03-01T12:00:00Z', 'recovery-2021'],
    ['PCR on 1 February 2022, the new rule’s first day', test('2022-02-01T10:00:00Z'), '2022-03-01T12:00:00Z', 'recovery-2022'],
    ['PCR on 1 June 2021, the first rule’s first day', test('2021-06-01T10:00:00Z'), '2021-07-01T12:00:00Z', 'recovery-2021'],
    ['PCR on 31 May 2021, before any rule', test('2021-05-31T10:00:00Z'), '2021-07-01T12:00:00Z', 'recovery.test-type'],
  ])('%s → %s', (_, t, now, expected) => {
    const d = decideRecovery([t], at(now));
    expect(d.outcome === 'issue' ? d.ruleVersion : d.rule).toBe(expected);
  });

  it.each([
    ['the latest of two staff positives', [test('2022-02-10T10:00:00Z', { id: 'older' }), test('2022-03-01T10:00:00Z', { id: 'newer' })], 'newer'],
    ['the same, listed the other way', [test('2022-03-01T10:00:00Z', { id: 'newer' }), test('2022-02-10T10:00:00Z', { id: 'older' })], 'newer'],
    ['a staff positive before a newer negative', [test('2022-02-10T10:00:00Z', { id: 'positive' }), test('2022-03-01T10:00:00Z', { id: 'negative', result: 'negative' })], 'positive'],
    ['PCR before an antigen test of January 2022 that does not count', [test('2022-01-02T10:00:00Z', { id: 'pcr' }), test('2022-01-20T10:00:00Z', { id: 'antigen', testType: 'antigen' })], 'pcr'],
    ['PCR before a newer staff serology', [test('2022-02-10T10:00:00Z', { id: 'pcr' }), test('2022-03-01T10:00:00Z', { id: 'serology', testType: 'serology' })], 'pcr'],
  ] as const)('takes %s', (_, tests, id) => {
    expect(decideRecovery(tests, at('2022-03-20T12:00:00Z'))).toMatchObject({ outcome: 'issue', test: { id } });
  });

  it.each([
    ['recovery.no-positive', [], 'Det finns inget positivt PCR- eller antigentest.', 'There is no positive PCR or antigen test.'],
    ['recovery.self-sampled', [test('2022-03-01T10:00:00Z', { collection: 'self' })], 'Tillfrisknandebevis kräver ett positivt test taget av vårdpersonal; självtest räknas inte.', 'A recovery certificate needs a positive test taken by healthcare staff; self-tests do not count.'],
    ['recovery.test-type', [test('2022-03-01T10:00:00Z', { testType: 'serology' })], 'Testet är inte av en sort som ger tillfrisknandebevis (PCR, eller antigentest taget från och med 1 februari 2022).', 'The test is not of a kind that grounds a recovery certificate (PCR, or an antigen test taken from 1 February 2022).'],
    ['recovery.not-yet', [test('2022-03-15T10:00:00Z')], 'Tillfrisknandebeviset gäller från dag 11 efter provet, 26 mars 2022. Ansök igen då.', 'The recovery certificate is valid from day 11 after the test, 2022-03-26. Apply again then.'],
    ['recovery.expired', [test('2021-08-01T10:00:00Z')], 'Det positiva provet är mer än 180 dagar gammalt (giltigt till 28 januari 2022).', 'The positive test is more than 180 days old (valid until 2022-01-28).'],
  ] as const)('%s says why in Swedish and English', (rule, tests, sv, en) => {
    expect(decideRecovery(tests, at('2022-03-20T12:00:00Z'))).toEqual({ outcome: 'refuse', rule, reason: { sv, en } });
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

  it.each([
    ['the newest staff test', [test('2022-03-01T08:00:00Z', { id: 'older', result: 'negative' }), test('2022-03-01T10:00:00Z', { id: 'newer', result: 'negative' })], 'newer'],
    ['the same, listed the other way', [test('2022-03-01T10:00:00Z', { id: 'newer', result: 'negative' }), test('2022-03-01T08:00:00Z', { id: 'older', result: 'negative' })], 'newer'],
    ['a staff test before a newer self-test', [test('2022-03-01T08:00:00Z', { id: 'staff', result: 'negative' }), test('2022-03-01T10:00:00Z', { id: 'self', collection: 'self', result: 'negative' })], 'staff'],
    ['an antigen test before a newer staff serology', [test('2022-03-01T08:00:00Z', { id: 'antigen', testType: 'antigen', result: 'negative' }), test('2022-03-01T10:00:00Z', { id: 'serology', testType: 'serology', result: 'negative' })], 'antigen'],
  ] as const)('certifies %s', (_, tests, id) => {
    expect(decideTest(tests, at('2022-03-01T12:00:00Z'))).toEqual({ outcome: 'issue', ruleVersion: 'test-2021', test: expect.objectContaining({ id }) });
  });

  it.each([
    ['test.no-test', [], 'Det finns inget registrerat test.', 'There is no recorded test.'],
    ['test.self-sampled', [test('2022-03-01T10:00:00Z', { collection: 'self' })], 'Bara prov som tagits av vårdpersonal kan intygas; självtest kan inte ligga till grund för ett intyg.', 'Only samples taken by healthcare staff can be certified; a self-test cannot ground a certificate.'],
    ['test.type', [test('2022-03-01T10:00:00Z', { collection: 'self' }), test('2022-03-01T09:00:00Z', { testType: 'serology' })], 'Antikroppstest (serologi) kan inte intygas med ett EU-intyg; bara PCR- och antigentest.', 'Antibody (serology) tests cannot be certified in an EU certificate; only PCR and antigen tests.'],
    ['test.no-result', [test('2022-03-01T10:00:00Z', { result: null })], 'Testet har inget bedömbart svar ännu.', 'The test has no assessable result yet.'],
    ['test.too-old', [test('2022-02-20T10:00:00Z', { testType: 'antigen' })], 'Provet togs för mer än 48 timmar sedan och kan inte längre intygas.', 'The sample was taken more than 48 hours ago and can no longer be certified.'],
    ['test.too-old', [test('2021-05-31T10:00:00Z')], 'Provet togs för mer än 0 timmar sedan och kan inte längre intygas.', 'The sample was taken more than 0 hours ago and can no longer be certified.'],
  ] as const)('%s says why in Swedish and English', (rule, tests, sv, en) => {
    expect(decideTest(tests, at('2022-03-01T12:00:00Z'))).toEqual({ outcome: 'refuse', rule, reason: { sv, en } });
  });

  it.each([
    ['31 May 2021, before the test rule', '2021-05-31T10:00:00Z', '2021-05-31T11:00:00Z', 'test.too-old'],
    ['1 June 2021, its first day', '2021-06-01T10:00:00Z', '2021-06-01T11:00:00Z', 'issue'],
  ])('a test taken %s → %s', (_, takenAt, now, expected) => {
    const d = decideTest([test(takenAt, { result: 'negative' })], at(now));
    expect(d.outcome === 'issue' ? 'issue' : d.rule).toBe(expected);
  });
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

  it('takes the latest covid-19 dose, not a later influenza dose', () => {
    const d = decideVaccination([dose(1, '2021-05-01'), dose(2, '2021-06-01', 'spikevax'), dose(3, '2021-10-01', 'efluelda', 'influenza')]);
    expect(d).toEqual({ outcome: 'issue', ruleVersion: 'vaccination-2020', dose: expect.objectContaining({ id: 'd2' }), date: '2021-06-01', seriesDoses: 2, codes: { vp: 'J07BX03', mp: 'EU/1/20/1507', ma: 'ORG-100031184' } });
  });

  it.each([
    ['2020-12-26', 'vaccination.product', 'before the first rule (27 December 2020)'],
    ['2020-12-27', 'issue', 'its first day'],
  ])('a dose on %s → %s (%s)', (day, expected) => {
    const d = decideVaccination([dose(1, day)]);
    expect(d.outcome === 'issue' ? 'issue' : d.rule).toBe(expected);
  });

  it.each([
    ['comirnaty', 'EU/1/20/1528', 'ORG-100030215'],
    ['comirnaty-xbb15', 'EU/1/20/1528', 'ORG-100030215'],
    ['spikevax', 'EU/1/20/1507', 'ORG-100031184'],
    ['vaxzevria', 'EU/1/21/1529', 'ORG-100001699'],
    ['nuvaxovid', 'EU/1/21/1618', 'ORG-100032020'],
  ])('%s has the EU value set codes mp %s, ma %s, a two-dose series', (productCode, mp, ma) => {
    expect(decideVaccination([dose(1, '2021-05-01', productCode)])).toMatchObject({ outcome: 'issue', codes: { vp: 'J07BX03', mp, ma }, seriesDoses: 2 });
  });

  it('records no other products', () => expect(Object.keys(covidProducts)).toEqual(['comirnaty', 'comirnaty-xbb15', 'spikevax', 'vaxzevria', 'nuvaxovid']));

  it('says why it refuses, in Swedish and English', () => {
    expect(decideVaccination([])).toEqual({ outcome: 'refuse', rule: 'vaccination.no-dose', reason: { sv: 'Det finns ingen registrerad dos av vaccin mot covid-19.', en: 'There is no recorded dose of a covid-19 vaccine.' } });
    expect(decideVaccination([dose(1, '2021-10-01', 'sputnik')])).toEqual({
      outcome: 'refuse',
      rule: 'vaccination.product',
      reason: { sv: 'Vaccinet (sputnik) saknar kod i EU:s värdelista och kan inte intygas.', en: 'The vaccine (sputnik) has no code in the EU value set and cannot be certified.' },
    });
  });
  it('refuses a product without an EU code', () => expect(decideVaccination([dose(1, '2021-10-01', 'unknown-product')])).toMatchObject({ rule: 'vaccination.product' }));
  it('dates the dose by the Swedish day', () => expect(decideVaccination([{ ...dose(1, '2021-05-01'), administeredAt: at('2021-05-01T22:30:00Z') }])).toMatchObject({ date: '2021-05-02' }));
});

describe('signature expiry', () => {
  const issued = at('2022-03-01T10:00:00Z');
  it.each([
    ['test', undefined, '2022-03-04T10:00:00.000Z'],
    ['vaccination', undefined, '2023-03-01T10:00:00.000Z'],
    ['recovery', '2022-08-01', '2022-08-01T23:59:59.000Z'],
    ['recovery', undefined, '2023-03-01T10:00:00.000Z'],
    ['vaccination', '2022-08-01', '2023-03-01T10:00:00.000Z'],
    ['test', '2022-08-01', '2022-03-04T10:00:00.000Z'],
  ] as const)('%s', (kind, until, expected) => expect(expiryOf(kind, issued, until).toISOString()).toBe(expected));
});

describe('refusal rules', () => {
  it('names every rule a refusal can cite', () => {
    expect(refusalRules).toEqual(['vaccination.no-dose', 'vaccination.product', 'test.no-test', 'test.self-sampled', 'test.type', 'test.no-result', 'test.too-old', 'recovery.no-positive', 'recovery.self-sampled', 'recovery.test-type', 'recovery.not-yet', 'recovery.expired']);
  });
});
