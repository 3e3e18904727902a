import { describe, expect, it } from 'vitest';
import { AppError } from '../platform/errors.js';
import { afterCall, caseStage, checkCall, type CallOutcome, type CallState } from './calls.js';

const AT = '2021-12-06T10:00:00.000Z';
const NOW = new Date(AT);
const fresh: CallState = { assignedTo: 'tracer', firstCallAt: null, unreachedCalls: 0, lastCallOutcome: null, escalatedAt: null };

/** Calls one after another from a fresh case: the state after the last one. */
const after = (outcomes: CallOutcome[], from = fresh) =>
  outcomes.reduce<CallState>((s, outcome, i) => {
    const { escalatedNow: _, ...next } = afterCall(s, { outcome }, `2021-12-06T1${i}:00:00.000Z`);
    return { ...s, ...next };
  }, from);

describe('a call moves the case', () => {
  it.each<[string, CallOutcome[], Partial<CallState>, string]>([
    ['reached at once', ['reached'], { firstCallAt: '2021-12-06T10:00:00.000Z', unreachedCalls: 0, escalatedAt: null }, 'reached'],
    ['one unanswered call', ['no_answer'], { firstCallAt: null, unreachedCalls: 1, escalatedAt: null }, 'trying'],
    ['two unreached calls', ['no_answer', 'wrong_number'], { unreachedCalls: 2, escalatedAt: null }, 'trying'],
    ['the third unreached call raises it', ['no_answer', 'no_answer', 'wrong_number'], { unreachedCalls: 3, escalatedAt: '2021-12-06T12:00:00.000Z' }, 'escalated'],
    ['a call back is not unreached', ['no_answer', 'call_back', 'no_answer'], { unreachedCalls: 2, escalatedAt: null }, 'trying'],
    ['waiting to call back', ['no_answer', 'call_back'], { unreachedCalls: 1, lastCallOutcome: 'call_back' }, 'call_back'],
    ['a refusal raises it at once', ['refused'], { firstCallAt: null, escalatedAt: '2021-12-06T10:00:00.000Z' }, 'escalated'],
    ['reached after two tries', ['no_answer', 'no_answer', 'reached'], { firstCallAt: '2021-12-06T12:00:00.000Z', unreachedCalls: 2, escalatedAt: null }, 'reached'],
    ['reached after being raised: reached, the raise kept', ['no_answer', 'no_answer', 'no_answer', 'reached'], { firstCallAt: '2021-12-06T13:00:00.000Z', escalatedAt: '2021-12-06T12:00:00.000Z' }, 'reached'],
    ['a fourth unreached call keeps the first raise', ['no_answer', 'no_answer', 'no_answer', 'no_answer'], { unreachedCalls: 4, escalatedAt: '2021-12-06T12:00:00.000Z' }, 'escalated'],
    ['a later unanswered call after contact changes nothing', ['reached', 'no_answer', 'no_answer', 'no_answer'], { firstCallAt: '2021-12-06T10:00:00.000Z', unreachedCalls: 0, escalatedAt: null }, 'reached'],
  ])('%s', (_, outcomes, expected, stage) => {
    const state = after(outcomes);
    expect(state).toMatchObject(expected);
    expect(caseStage(state)).toBe(stage);
  });

  it('says when the call raised the case', () => {
    expect(afterCall({ ...fresh, unreachedCalls: 2 }, { outcome: 'no_answer' }, AT).escalatedNow).toBe(true);
    expect(afterCall({ ...fresh, unreachedCalls: 3, escalatedAt: AT }, { outcome: 'no_answer' }, AT).escalatedNow).toBe(false);
    expect(afterCall({ ...fresh, unreachedCalls: 1 }, { outcome: 'no_answer' }, AT).escalatedNow).toBe(false);
  });

  it.each<[string, Partial<CallState>, string]>([
    ['nobody has it', { assignedTo: null }, 'unassigned'],
    ['a tracer has it', {}, 'assigned'],
  ])('before any call: %s', (_, state, stage) => {
    expect(caseStage({ ...fresh, ...state })).toBe(stage);
  });
});

describe('a call back has a time', () => {
  const field = (outcome: CallOutcome, callBackAt?: string) => {
    try {
      checkCall({ outcome, callBackAt }, NOW);
      return null;
    } catch (e) {
      return e instanceof AppError ? e.errors[0]!.field : e;
    }
  };
  it.each<[string, CallOutcome, string | undefined, string | null]>([
    ['a call back in an hour', 'call_back', '2021-12-06T11:00:00.000Z', null],
    ['a call back in 14 days', 'call_back', '2021-12-20T10:00:00.000Z', null],
    ['a call back without a time', 'call_back', undefined, 'callBackAt'],
    ['a call back now', 'call_back', AT, 'callBackAt'],
    ['a call back in 14 days and a minute', 'call_back', '2021-12-20T10:01:00.000Z', 'callBackAt'],
    ['a reached call with a time', 'reached', '2021-12-06T11:00:00.000Z', 'callBackAt'],
    ['an unanswered call', 'no_answer', undefined, null],
  ])('%s', (_, outcome, at, expected) => {
    expect(field(outcome, at)).toBe(expected);
  });
});
