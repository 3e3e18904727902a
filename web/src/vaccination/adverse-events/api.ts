import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type ResponseOf } from '../../api.js';

export type AdverseEventInput = BodyOf<'/api/vaccination/my/adverse-events'>;
export type AdverseEvent = ResponseOf<'/api/vaccination/my/adverse-events'>['reports'][number];
export type AdverseEventTerms = ResponseOf<'/api/vaccination/adverse-events/terms'>;
export type BatchCount = ResponseOf<'/api/vaccination/adverse-events/statistics'>['batches'][number];

const key = ['vaccination', 'adverse-events'] as const;
/** While a report waits for Läkemedelsverket's receipt, look again now and then: the outbox delivers it soon. */
const untilReceived = (reports: AdverseEvent[] | undefined) => (reports?.some((r) => r.status === 'queued') ? 2000 : false);

export const useAdverseEventTerms = () =>
  useQuery({ queryKey: [...key, 'terms'], queryFn: ({ signal }) => ok(api.GET('/api/vaccination/adverse-events/terms', { signal })), staleTime: Infinity });

export const useMyAdverseEvents = () =>
  useQuery({ queryKey: [...key, 'my'], queryFn: ({ signal }) => ok(api.GET('/api/vaccination/my/adverse-events', { signal })), refetchInterval: (q) => untilReceived(q.state.data?.reports) });

export const usePersonAdverseEvents = (personId: string) =>
  useQuery({
    queryKey: [...key, 'person', personId],
    queryFn: ({ signal }) => ok(api.GET('/api/vaccination/persons/{personId}/adverse-events', { params: { path: { personId } }, signal })),
    refetchInterval: (q) => untilReceived(q.state.data?.reports),
  });

export const useAdverseEventStatistics = () =>
  useQuery({ queryKey: [...key, 'statistics'], queryFn: ({ signal }) => ok(api.GET('/api/vaccination/adverse-events/statistics', { signal })) });

/** Reports for the citizen's own doses (no `personId`) or, by the vaccinator, for the person's. */
export function useReportAdverseEvent(personId: string | null) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (body: AdverseEventInput) =>
      ok(personId ? api.POST('/api/vaccination/persons/{personId}/adverse-events', { params: { path: { personId } }, body }) : api.POST('/api/vaccination/my/adverse-events', { body })),
    onSuccess: () => void client.invalidateQueries({ queryKey: key }),
  });
}
