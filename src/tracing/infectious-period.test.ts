import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.js';
import { checkOnset, exposedOutside, infectiousPeriod, ruleOn, type InfectiousPeriodRule } from './infectious-period.js';

/** Two versions: the second, from 2022-04-01, shortens the period after onset to 5 days. */
const RULES: InfectiousPeriodRule[] = [
  { validFrom: '2022-04-01', symptomatic: { daysBefore: 2, daysAfter: 5 }, asymptomatic: { daysBefore: 1, daysAfter: 5 }, source: 'test: later' },
  { validFrom: '2020-01-01', symptomatic: { daysBefore: 2, daysAfter: 7 }, asymptomatic: { daysBefore: 2, daysAfter: 7 }, source: 'test: first' },
];

describe('the infectious period', () => {
  it.each([
    ['onset known: 2 days before to 7 after', { symptomOnset: '2021-12-04', noSymptoms: false, sampleDay: '2021-12-06' }, { from: '2021-12-02', to: '2021-12-11', basis: 'onset', provisional: false, ruleValidFrom: '2020-01-01' }],
    ['no symptoms: from the sampling day', { symptomOnset: null, noSymptoms: true, sampleDay: '2021-12-06' }, { from: '2021-12-04', to: '2021-12-13', basis: 'sample', provisional: false, ruleValidFrom: '2020-01-01' }],
    ['onset not known yet: provisional, from the sampling day', { symptomOnset: null, noSymptoms: false, sampleDay: '2021-12-06' }, { from: '2021-12-04', to: '2021-12-13', basis: 'sample', provisional: true, ruleValidFrom: '2020-01-01' }],
    ['across a month end', { symptomOnset: '2021-12-30', noSymptoms: false, sampleDay: '2021-12-31' }, { from: '2021-12-28', to: '2022-01-06', basis: 'onset' }],
    ['the day before the new rule: the old one', { symptomOnset: '2022-03-31', noSymptoms: false, sampleDay: '2022-04-02' }, { from: '2022-03-29', to: '2022-04-07', ruleValidFrom: '2020-01-01' }],
    ['on the new rule’s first day: the new one', { symptomOnset: '2022-04-01', noSymptoms: false, sampleDay: '2022-04-02' }, { from: '2022-03-30', to: '2022-04-06', ruleValidFrom: '2022-04-01' }],
    ['no symptoms under the new rule', { symptomOnset: null, noSymptoms: true, sampleDay: '2022-05-10' }, { from: '2022-05-09', to: '2022-05-15', ruleValidFrom: '2022-04-01' }],
    ['the rule follows the onset, not the sample', { symptomOnset: '2022-03-30', noSymptoms: false, sampleDay: '2022-04-03' }, { ruleValidFrom: '2020-01-01' }],
  ] as const)('%s', (_, c, expected) => {
    expect(infectiousPeriod(c, RULES)).toMatchObject(expected);
  });

  it('has no rule before the first version', () => {
    expect(() => ruleOn('2019-12-31', RULES)).toThrow(AppError);
  });

  it.each([
    ['the first day', '2021-12-02', false],
    ['the last day', '2021-12-11', false],
    ['the day before', '2021-12-01', true],
    ['the day after', '2021-12-12', true],
    ['no exposure day', null, false],
  ] as const)('flags a contact exposed outside: %s', (_, exposure, outside) => {
    expect(exposedOutside(exposure, { from: '2021-12-02', to: '2021-12-11' })).toBe(outside);
  });
});

describe('symptom onset', () => {
  const field = (onset: string | null, noSymptoms: boolean) => {
    try {
      checkOnset({ symptomOnset: onset, noSymptoms }, '2021-12-06', '2021-12-07');
      return null;
    } catch (e) {
      return e instanceof AppError ? e.errors[0]!.field : e;
    }
  };
  it.each([
    ['an onset before the sample', '2021-12-04', false, null],
    ['an onset today', '2021-12-07', false, null],
    ['no symptoms', null, true, null],
    ['neither', null, false, null],
    ['both', '2021-12-04', true, 'symptomOnset'],
    ['an onset tomorrow', '2021-12-08', false, 'symptomOnset'],
    ['30 days before the sample', '2021-11-06', false, null],
    ['31 days before the sample', '2021-11-05', false, 'symptomOnset'],
  ] as const)('%s', (_, onset, none, expected) => {
    expect(field(onset, none)).toBe(expected);
  });
});
