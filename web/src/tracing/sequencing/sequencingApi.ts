import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type ResponseOf } from '../../api.js';

/** A positive chosen for sequencing, with the criteria it met and the variant once the lab has it. */
export type FlaggedCase = ResponseOf<'/api/tracing/sequencing'>['cases'][number];
/** Variant counts per ISO week (YYYY-Www). */
export type VariantWeek = ResponseOf<'/api/tracing/sequencing/variants'>['weeks'][number];

const sequencingKeys = {
  all: ['tracing', 'sequencing'] as const,
  flagged: ['tracing', 'sequencing', 'flagged'] as const,
  variants: (from: string, to: string) => ['tracing', 'sequencing', 'variants', from, to] as const,
};

export function useFlaggedCases() {
  return useQuery({
    queryKey: sequencingKeys.flagged,
    queryFn: ({ signal }) => ok(api.GET('/api/tracing/sequencing', { signal })),
  });
}

export function useVariantWeeks(from: string, to: string) {
  return useQuery({
    queryKey: sequencingKeys.variants(from, to),
    queryFn: ({ signal }) => ok(api.GET('/api/tracing/sequencing/variants', { params: { query: { from, to } }, signal })),
    enabled: from !== '' && to !== '',
  });
}

export function useRecordVariant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, variant }: { caseId: string; variant: string }) =>
      ok(api.POST('/api/tracing/sequencing/{caseId}/variant', { params: { path: { caseId } }, body: { variant } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sequencingKeys.all }),
  });
}
