import { describe, expect, it } from 'vitest';
import type { AppError } from '../platform/errors.js';
import { checkAnswer, checkAnswerDay, earliestFollowedExposure, FOLLOW_UP_RULES, followUpDayOf, followUpRuleOn, followUpWindow, missedInARow, nextDueDay, type FollowUpRule } from './follow-up-days.js';

/** Two versions: the second, from 2022-04-01, follows for 5 days instead of 7. */
const RULES: FollowUpRule[] = [
  { validFrom: '2022-04-01', days: 5, source: 'test: later' },
  { validFrom: '2020-01-01', days: 7, source: 'test: first' },
];
/** An AppError naming `field`. */
const fieldError = (field: string) => expect.objectContaining({ errors: [expect.objectContaining({ field })] }) as AppError;
const w = (exposure: string) => followUpWindow(exposure, RULES)!;

describe('the follow-up days after last exposure', () => {
  it.each([
    ['the day of exposure is not a follow-up day', '2021-12-01', '2021-12-01', null],
    ['the day after exposure is day 1', '2021-12-01', '2021-12-02', 1],
    ['the day before exposure + 7', '2021-12-01', '2021-12-07', 6],
    ['exposure + 7 is the last day', '2021-12-01', '2021-12-08', 7],
    ['the day after exposure + 7 is outside', '2021-12-01', '2021-12-09', null],
    ['a day before exposure is outside', '2021-12-01', '2021-11-30', null],
    ['across a year end', '2021-12-28', '2022-01-04', 7],
    ['exposed the day before the new rule: 7 days', '2022-03-31', '2022-04-07', 7],
    ['exposed on the new rule’s first day: 5 days, day 5 is the last', '2022-04-01', '2022-04-06', 5],
    ['exposed on the new rule’s first day: day 6 is outside', '2022-04-01', '2022-04-07', null],
    ['exposed after the new rule: day 1', '2022-05-10', '2022-05-11', 1],
  ] as const)('%s', (_, exposure, day, expected) => {
    expect(followUpDayOf(w(exposure), day)).toBe(expected);
  });

  it.each([
    ['2019-12-31', null],
    ['2020-01-01', '2020-01-01'],
    ['2022-03-31', '2020-01-01'],
    ['2022-04-01', '2022-04-01'],
    ['2022-04-02', '2022-04-01'],
  ] as const)('the version in force on %s is %s', (day, validFrom) => {
    expect(followUpRuleOn(day, RULES)?.validFrom ?? null).toBe(validFrom);
  });

  it('has no window before the first version, and the window names its version', () => {
    expect(followUpWindow('2019-12-31', RULES)).toBeNull();
    expect(followUpWindow('2022-04-01', RULES)).toEqual({ lastExposure: '2022-04-01', firstDay: '2022-04-02', lastDay: '2022-04-06', days: 5, ruleValidFrom: '2022-04-01' });
  });

  it('follows through day 7 under the rule in force', () => {
    expect(FOLLOW_UP_RULES.at(-1)!.days).toBe(7);
    expect(earliestFollowedExposure('2021-12-08', RULES)).toBe('2021-12-01');
  });
});

describe('answers', () => {
  const window = w('2021-12-01');
  it.each([
    ['the day of exposure', '2021-12-01', 'refused'],
    ['day 1', '2021-12-02', 1],
    ['the last day', '2021-12-08', 7],
    ['the day after the last', '2021-12-09', 'refused'],
    ['a day still ahead', '2021-12-06', 'refused'],
    ['today', '2021-12-05', 4],
  ] as const)('for %s: %s', (_, day, expected) => {
    const today = day === '2021-12-08' || day === '2021-12-09' ? '2021-12-09' : '2021-12-05';
    if (expected === 'refused') expect(() => checkAnswerDay(window, day, today)).toThrow(fieldError('day'));
    else expect(checkAnswerDay(window, day, today)).toBe(expected);
  });

  it.each([
    ['no symptoms, no test', { hasSymptoms: false, symptoms: [], tested: false }, null],
    ['symptoms named', { hasSymptoms: true, symptoms: ['fever', 'cough'], tested: false }, null],
    ['an unknown symptom', { hasSymptoms: true, symptoms: ['fever', 'hiccups'], tested: false }, 'symptoms'],
    ['symptoms yes without any', { hasSymptoms: true, symptoms: [], tested: false }, 'symptoms'],
    ['symptoms no with some', { hasSymptoms: false, symptoms: ['cough'], tested: false }, 'symptoms'],
    ['a test without its day', { hasSymptoms: false, symptoms: [], tested: true }, 'testDate'],
    ['a test day without a test', { hasSymptoms: false, symptoms: [], tested: false, testDate: '2021-12-03' }, 'testDate'],
    ['a test on the day of exposure', { hasSymptoms: false, symptoms: [], tested: true, testDate: '2021-12-01' }, null],
    ['a test the day before exposure', { hasSymptoms: false, symptoms: [], tested: true, testDate: '2021-11-30' }, 'testDate'],
    ['a test today', { hasSymptoms: false, symptoms: [], tested: true, testDate: '2021-12-05' }, null],
    ['a test tomorrow', { hasSymptoms: false, symptoms: [], tested: true, testDate: '2021-12-06' }, 'testDate'],
  ] as const)('%s', (_, answer, field) => {
    if (field) expect(() => checkAnswer(answer, window, '2021-12-05')).toThrow(fieldError(field));
    else expect(() => checkAnswer(answer, window, '2021-12-05')).not.toThrow();
  });
});

describe('missed days and the next due day', () => {
  const sent = (...days: [string, boolean][]) => days.map(([day, answered]) => ({ day, answered }));
  it.each([
    ['nothing sent', sent(), 0],
    ['yesterday unanswered', sent(['2021-12-04', false]), 1],
    ['two days running unanswered', sent(['2021-12-03', false], ['2021-12-04', false]), 2],
    ['today does not count yet', sent(['2021-12-04', false], ['2021-12-05', false]), 1],
    ['an answer breaks the run', sent(['2021-12-02', false], ['2021-12-03', true], ['2021-12-04', false]), 1],
    ['a day without a check-in breaks the run', sent(['2021-12-02', false], ['2021-12-04', false]), 1],
    ['yesterday answered', sent(['2021-12-03', false], ['2021-12-04', true]), 0],
  ] as const)('%s: %i', (_, checkIns, expected) => {
    expect(missedInARow(checkIns, '2021-12-05')).toBe(expected);
  });

  const window = w('2021-12-01');
  it.each([
    ['before the window: day 1', '2021-12-01', [], '2021-12-02'],
    ['today unanswered: today', '2021-12-05', [], '2021-12-05'],
    ['today answered: tomorrow', '2021-12-05', ['2021-12-05'], '2021-12-06'],
    ['the last day answered: none', '2021-12-08', ['2021-12-08'], null],
    ['after the window: none', '2021-12-09', [], null],
  ] as const)('%s', (_, today, answered, expected) => {
    expect(nextDueDay(window, new Set(answered), today)).toBe(expected);
  });
});
