import { useInfiniteQuery, useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, nonEmpty, ok, type BodyOf, type ResponseOf } from '../api.js';

// The case queue and its assignment, as the contract describes them (src/tracing/routes.ts).

export type TracingQueuePage = ResponseOf<'/api/tracing/queue'>;
export type TracingCase = TracingQueuePage['cases'][number];
/** The case's priority group, from the region's tracing settings (1 first). */
export type Priority = TracingCase['priority'];
export type Tracer = ResponseOf<'/api/tracing/tracers'>['tracers'][number];
/** Where a case stands: not taken, taken, calls without answer, a call back, raised to the coordinator, reached. */
export type CaseStage = TracingCase['stage'];
/** One call to the index, as recorded. */
export type TracingCall = ResponseOf<'/api/tracing/cases/{id}'>['calls'][number];
/** The outcome and duration are required; a call back needs its time. */
export type CallInput = BodyOf<'/api/tracing/cases/{id}/call'>;
export type CallOutcome = CallInput['outcome'];
/** The outcomes in the order the form offers them; the type checker holds the list to the contract. */
export const CALL_OUTCOMES = ['reached', 'no_answer', 'wrong_number', 'refused', 'call_back'] as const satisfies readonly CallOutcome[];

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
export function useTracingQueue(mine: boolean, handledBy?: 'central' | 'unit') {
  return useInfiniteQuery({
    queryKey: [...tracingKeys.queue(mine), handledBy ?? 'any'],
    queryFn: ({ pageParam, signal }) =>
      ok(api.GET('/api/tracing/queue', { params: { query: nonEmpty({ mine: `${mine}` as const, limit: QUEUE_PAGE_SIZE, cursor: pageParam, handledBy }) }, signal })),
    initialPageParam: undefined as string | undefined,
    getNextPageParam: (last) => last.nextCursor ?? undefined,
    // Reading the queue shows personal data: refresh on actions, not behind the user's back.
    refetchOnWindowFocus: false,
  });
}

export function useTracers(enabled: boolean) {
  return useQuery({
    queryKey: tracingKeys.tracers,
    queryFn: ({ signal }) => ok(api.GET('/api/tracing/tracers', { signal })),
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
    mutationFn: (input: CallInput) => ok(api.POST('/api/tracing/cases/{id}/call', { params: { path: { id: caseId } }, body: input })),
    onSuccess: refresh,
  });
}

/** Hands a case to the vårdcentral whose referral gave it, or takes it back to the central unit. */
export function useHandover() {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: ({ caseId, back }: { caseId: string; back: boolean }) =>
      back ? ok(api.POST('/api/tracing/cases/{id}/take-back', { params: { path: { id: caseId } }, body: {} })) : ok(api.POST('/api/tracing/cases/{id}/handover', { params: { path: { id: caseId } }, body: {} })),
    onSuccess: refresh,
  });
}

/** Takes a case from the queue; a 409 says another tracer has it. */
export function useTakeCase() {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: (caseId: string) => ok(api.POST('/api/tracing/cases/{id}/take', { params: { path: { id: caseId } }, body: {} })),
    onSuccess: refresh,
  });
}

export function useAssignCase() {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: ({ caseId, staffId }: { caseId: string; staffId: string }) =>
      ok(api.POST('/api/tracing/cases/{id}/assign', { params: { path: { id: caseId } }, body: { staffId } })),
    onSuccess: refresh,
  });
}

export function useAssignBalanced() {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: () => ok(api.POST('/api/tracing/assign-balanced', { body: {} })),
    onSuccess: refresh,
  });
}
