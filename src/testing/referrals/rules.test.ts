import { describe, expect, it } from 'vitest';
import { checkSamplingTime, isOverdue, referralState, SAMPLING_AHEAD_HOURS, SAMPLING_BACK_DAYS } from './rules.js';

const now = new Date('2021-12-06T12:00:00Z');
const at = (hours: number) => new Date(now.getTime() + hours * 3_600_000).toISOString();

describe('referralState', () => {
  it.each([
    ['planned an hour ahead', { samplingAt: at(1), receivedAt: null, result: null }, 'written'],
    ['a millisecond ahead', { samplingAt: new Date(now.getTime() + 1).toISOString(), receivedAt: null, result: null }, 'written'],
    ['sampling time now', { samplingAt: at(0), receivedAt: null, result: null }, 'sampled'],
    ['sampled an hour ago', { samplingAt: at(-1), receivedAt: null, result: null }, 'sampled'],
    ['received', { samplingAt: at(-5), receivedAt: at(-1), result: null }, 'received'],
    ['answered', { samplingAt: at(-5), receivedAt: at(-1), result: 'negative' }, 'answered'],
    ['answered without a scan at receipt', { samplingAt: at(-5), receivedAt: null, result: 'positive' }, 'answered'],
  ] as const)('%s → %s', (_, r, state) => expect(referralState(r, now)).toBe(state));
});

describe('isOverdue (48 h)', () => {
  it.each([
    ['an hour before the limit', { samplingAt: at(-47), receivedAt: null, result: null }, false],
    ['a millisecond before the limit', { samplingAt: new Date(now.getTime() - 48 * 3_600_000 + 1).toISOString(), receivedAt: null, result: null }, false],
    ['on the limit', { samplingAt: at(-48), receivedAt: null, result: null }, true],
    ['an hour after the limit', { samplingAt: at(-49), receivedAt: null, result: null }, true],
    ['received after the limit', { samplingAt: at(-49), receivedAt: at(-1), result: null }, false],
    ['answered after the limit', { samplingAt: at(-60), receivedAt: null, result: 'negative' }, false],
    ['planned ahead', { samplingAt: at(5), receivedAt: null, result: null }, false],
  ] as const)('%s → %s', (_, r, flagged) => expect(isOverdue(r, now, 48)).toBe(flagged));

  it('follows the configured hours', () => {
    expect(isOverdue({ samplingAt: at(-24), receivedAt: null, result: null }, now, 24)).toBe(true);
    expect(isOverdue({ samplingAt: at(-24), receivedAt: null, result: null }, now, 25)).toBe(false);
  });
});

describe('checkSamplingTime', () => {
  const back = SAMPLING_BACK_DAYS * 24;
  it.each([
    ['now', 0, true],
    ['an hour before the ahead limit', SAMPLING_AHEAD_HOURS - 1, true],
    ['on the ahead limit', SAMPLING_AHEAD_HOURS, true],
    ['a minute past the ahead limit', SAMPLING_AHEAD_HOURS + 1 / 60, false],
    ['a day past the ahead limit', SAMPLING_AHEAD_HOURS + 24, false],
    ['a day before the back limit', -(back - 24), true],
    ['on the back limit', -back, true],
    ['a minute past the back limit', -(back + 1 / 60), false],
  ] as const)('%s → %s', (_, hours, ok) => expect(checkSamplingTime(new Date(at(hours)), now).ok).toBe(ok));

  it('names the reason', () => {
    expect(checkSamplingTime(new Date(at(SAMPLING_AHEAD_HOURS + 1)), now)).toEqual({ ok: false, reason: `is more than ${SAMPLING_AHEAD_HOURS} hours ahead` });
  });
});
