import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../api.js';

// ---------------------------------------------------------------------------
// Contract types (src/tracing)
// ---------------------------------------------------------------------------

export const PRIORITIES = [1, 2, 3, 4] as const;
/** 1 health and social care, 2 school, 3 outbreak, 4 others. */
export type Priority = (typeof PRIORITIES)[number];

export interface TracingCase {
  id: string;
  personId: string;
  name: string;
  phone: string | null;
  priority: Priority;
  priorityReason: string;
  openedAt: string;
  questionnaireDueAt: string | null;
  firstCallDueAt: string | null;
  overdue: boolean;
  possibleReinfection: boolean;
  /** Where the case stands (the status column). */
  stage: CaseStage;
  /** Calls that reached nobody (no answer, wrong number) before the index was reached. */
  unreachedCalls: number;
  lastCallAt: string | null;
  /** When the tracer is to call back (stage call_back). */
  callBackAt: string | null;
  /** Staff id of the tracer, or null when unassigned. */
  assignedTo: string | null;
  assignedToName: string | null;
}

export interface TracingQueuePage {
  cases: TracingCase[];
  nextCursor?: string | null;
}

export interface Tracer {
  id: string;
  name: string;
  openCases: number;
}

export interface BalancedAssignment {
  assigned: number;
  perTracer: { staffId: string; name: string; count: number }[];
}

export const CALL_OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'refused', 'call_back'] as const;
export type CallOutcome = (typeof CALL_OUTCOMES)[number];
export const CASE_STAGES = ['unassigned', 'assigned', 'trying', 'call_back', 'escalated', 'reached'] as const;
export type CaseStage = (typeof CASE_STAGES)[number];

/** One call to the index, as recorded. */
export interface TracingCall {
  id: string;
  outcome: CallOutcome;
  note: string | null;
  durationMinutes: number;
  callBackAt: string | null;
  calledAt: string;
  staffName: string;
}

/** POST /api/tracing/cases/:id/call: the outcome and duration are required; a call back needs its time. */
export interface CallInput {
  outcome: CallOutcome;
  durationMinutes: number;
  note?: string;
  callBackAt?: string;
}

export interface RecordedCall {
  call: TracingCall;
  case: { id: string; stage: CaseStage; firstCallAt: string | null; unreachedCalls: number; escalatedAt: string | null; callBackAt: string | null };
}

export interface TakenCase {
  id: string;
  assignedTo: string;
  takenAt: string;
}

// ---------------------------------------------------------------------------
// Hooks
// ---------------------------------------------------------------------------

export const QUEUE_PAGE_SIZE = 50;

export const tracingKeys = {
  queueAll: ['tracing', 'queue'] as const,
  queue: (mine: boolean) => ['tracing', 'queue', mine ? 'mine' : 'all'] as const,
  tracers: ['tracing', 'tracers'] as const,
  cases: ['tracing', 'case'] as const,
  case: (caseId: string) => ['tracing', 'case', caseId] as const,
};

/** The case queue, cursor-paged; `mine` limits it to the signed-in tracer's cases. */
export function useTracingQueue(mine: boolean) {
  return useInfiniteQuery({
    queryKey: tracingKeys.queue(mine),
    queryFn: ({ pageParam, signal }) =>
      apiFetch<TracingQueuePage>(
        withQuery('/api/tracing/queue', { mine: String(mine), limit: String(QUEUE_PAGE_SIZE), cursor: pageParam }),
        { signal },
      ),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Reading the queue shows personal data: refresh on actions, not behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export function useTracers(enabled: boolean) {
  return useQuery({
    queryKey: tracingKeys.tracers,
    queryFn: ({ signal }) => apiFetch<{ tracers: Tracer[] }>('/api/tracing/tracers', { signal }),
    enabled,
  });
}

function useRefreshQueue() {
  const queryClient = useQueryClient();
  return () => {
    void queryClient.invalidateQueries({ queryKey: tracingKeys.queueAll });
    void queryClient.invalidateQueries({ queryKey: tracingKeys.tracers });
    void queryClient.invalidateQueries({ queryKey: tracingKeys.cases });
  };
}

/** Records a call with its outcome; the third unreached call raises the case to the coordinator (server). */
export function useRecordCall(caseId: string) {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: (input: CallInput) => apiFetch<RecordedCall>(`/api/tracing/cases/${encodeURIComponent(caseId)}/call`, { method: 'POST', body: input }),
    onSuccess: refresh,
  });
}

/** Takes a case from the queue; a 409 says another tracer has it. */
export function useTakeCase() {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: (caseId: string) => apiFetch<TakenCase>(`/api/tracing/cases/${encodeURIComponent(caseId)}/take`, { method: 'POST', body: {} }),
    onSuccess: refresh,
  });
}

export function useAssignCase() {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: ({ caseId, staffId }: { caseId: string; staffId: string }) =>
      apiFetch<unknown>(`/api/tracing/cases/${encodeURIComponent(caseId)}/assign`, { method: 'POST', body: { staffId } }),
    onSuccess: refresh,
  });
}

export function useAssignBalanced() {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: () => apiFetch<BalancedAssignment>('/api/tracing/assign-balanced', { method: 'POST', body: {} }),
    onSuccess: refresh,
  });
}
