import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type ResponseOf } from '../../api.js';

// Clusters and outbreaks (Smittskydd manages, the coordinator reads), as the contract describes them.

/** Cases that share a setting within the window: a cluster Smittskydd may confirm as an outbreak. */
export type ClusterProposal = ResponseOf<'/api/tracing/clusters'>['proposals'][number];
export type OutbreakSummary = ResponseOf<'/api/tracing/outbreaks'>['outbreaks'][number];
export type OutbreakFile = ResponseOf<'/api/tracing/outbreaks/{id}'>;
export type TimelineEvent = OutbreakFile['timeline'][number];
export type TransmissionGraph = OutbreakFile['graph'];
export type GraphNode = TransmissionGraph['nodes'][number];
/** `confirmed` is false while the link is only suspected (same setting, no named contact). */
export type GraphEdge = TransmissionGraph['edges'][number];
export type ConfirmOutbreak = BodyOf<'/api/tracing/outbreaks'>;
export type ManualOutbreak = BodyOf<'/api/tracing/outbreaks/manual'>;

export const outbreakKeys = {
  all: ['tracing', 'outbreaks'] as const,
  clusters: ['tracing', 'outbreaks', 'clusters'] as const,
  list: ['tracing', 'outbreaks', 'list'] as const,
  one: (id: string) => ['tracing', 'outbreaks', 'one', id] as const,
};

export function useClusterProposals() {
  return useQuery({
    queryKey: outbreakKeys.clusters,
    queryFn: ({ signal }) => ok(api.GET('/api/tracing/clusters', { signal })),
  });
}

export function useOutbreaks(enabled = true) {
  return useQuery({
    queryKey: outbreakKeys.list,
    queryFn: ({ signal }) => ok(api.GET('/api/tracing/outbreaks', { signal })),
    enabled,
  });
}

export function useOutbreak(id: string) {
  return useQuery({
    queryKey: outbreakKeys.one(id),
    queryFn: ({ signal }) => ok(api.GET('/api/tracing/outbreaks/{id}', { params: { path: { id } }, signal })),
  });
}

export function useConfirmOutbreak() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ConfirmOutbreak) => ok(api.POST('/api/tracing/outbreaks', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: outbreakKeys.all }),
  });
}

/** An outbreak created by hand, with cases chosen from the region's. */
export function useCreateOutbreak() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: ManualOutbreak) => ok(api.POST('/api/tracing/outbreaks/manual', { body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: outbreakKeys.all }),
  });
}

export function useOrderClassKits(outbreakId: string) {
  return useMutation({
    mutationFn: (distributionPointId: string) =>
      ok(api.POST('/api/tracing/outbreaks/{id}/order-kits', { params: { path: { id: outbreakId } }, body: { distributionPointId } })),
  });
}
