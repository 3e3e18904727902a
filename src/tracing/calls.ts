import { AppError } from '../platform/errors.js';

/** What came of a call to the index. */
export const callOutcomes = ['reached', 'no_answer', 'wrong_number', 'refused', 'call_back'] as const;
export type CallOutcome = (typeof callOutcomes)[number];

/** Calls that found nobody to talk to; this many in a row, before the index is reached, raise the case to the coordinator. */
export const UNREACHED_OUTCOMES: readonly CallOutcome[] = ['no_answer', 'wrong_number'];
export const UNREACHED_CALLS_TO_ESCALATE = 3;
/** A call back is booked within this many days, or the case waits on a date nobody will see. */
export const CALL_BACK_WITHIN_DAYS = 14;

/** Where a case stands, for the queue's status column. */
export const caseStages = ['unassigned', 'assigned', 'trying', 'call_back', 'escalated', 'reached'] as const;
export type CaseStage = (typeof caseStages)[number];

export interface CallState {
  assignedTo: string | null;
  firstCallAt: string | null;
  unreachedCalls: number;
  lastCallOutcome: CallOutcome | null;
  escalatedAt: string | null;
}

export interface Call {
  outcome: CallOutcome;
  callBackAt?: string | null | undefined;
}

/** The call's own rules: a call back needs a time, ahead and within the window; no other outcome takes one. */
export function checkCall(call: Call, now: Date): void {
  if (call.outcome !== 'call_back') {
    if (call.callBackAt) throw new AppError('invalid', 'callBackAt: only a call back has a time', [{ field: 'callBackAt', message: 'Bara "ring tillbaka" har en tid / only a call back has a time' }]);
    return;
  }
  if (!call.callBackAt) throw new AppError('invalid', 'callBackAt: when to call back', [{ field: 'callBackAt', message: 'Ange när du ska ringa tillbaka / say when to call back' }]);
  const at = new Date(call.callBackAt).getTime();
  if (at <= now.getTime()) throw new AppError('invalid', 'callBackAt: the time has passed', [{ field: 'callBackAt', message: 'Tiden har redan passerat / the time has passed' }]);
  if (at > now.getTime() + CALL_BACK_WITHIN_DAYS * 86_400_000) throw new AppError('invalid', `callBackAt: within ${CALL_BACK_WITHIN_DAYS} days`, [{ field: 'callBackAt', message: `Högst ${CALL_BACK_WITHIN_DAYS} dagar fram / within ${CALL_BACK_WITHIN_DAYS} days` }]);
}

/**
 * The case after a call at `at`. Only a call that reached the index is the first contact (the statistics'
 * "reached"). Unreached calls count up until the index is reached; the third raises the case to the coordinator,
 * and so does a refusal at once (Smittskydd decides what follows). Once raised, a case stays raised.
 */
export function afterCall(state: CallState, call: Call, at: string): Pick<CallState, 'firstCallAt' | 'unreachedCalls' | 'lastCallOutcome' | 'escalatedAt'> & { escalatedNow: boolean } {
  const reached = call.outcome === 'reached';
  const unreachedCalls = state.firstCallAt || reached ? state.unreachedCalls : state.unreachedCalls + (UNREACHED_OUTCOMES.includes(call.outcome) ? 1 : 0);
  const escalate = !state.firstCallAt && !reached && (unreachedCalls >= UNREACHED_CALLS_TO_ESCALATE || call.outcome === 'refused');
  const escalatedAt = state.escalatedAt ?? (escalate ? at : null);
  return {
    firstCallAt: state.firstCallAt ?? (reached ? at : null),
    unreachedCalls,
    lastCallOutcome: call.outcome,
    escalatedAt,
    escalatedNow: escalatedAt !== state.escalatedAt,
  };
}

/** Where the case stands: reached beats everything; a raised case stays with the coordinator until reached. */
export function caseStage(state: CallState): CaseStage {
  if (state.firstCallAt) return 'reached';
  if (state.escalatedAt) return 'escalated';
  if (state.lastCallOutcome === 'call_back') return 'call_back';
  if (state.unreachedCalls > 0) return 'trying';
  return state.assignedTo ? 'assigned' : 'unassigned';
}
