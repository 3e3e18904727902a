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

export interface RecordedCall {
  id: string;
  firstCallAt: string;
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

export function useRecordFirstCall() {
  const refresh = useRefreshQueue();
  return useMutation({
    mutationFn: (caseId: string) =>
      apiFetch<RecordedCall>(`/api/tracing/cases/${encodeURIComponent(caseId)}/call`, { method: 'POST', body: {} }),
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
