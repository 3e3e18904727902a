import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../../api.js';

/** A positive chosen for sequencing, with the criteria it met and the variant once the lab has it. */
export interface FlaggedCase {
  caseId: string;
  name: string;
  positiveTakenAt: string;
  reasons: string[];
  variant: string | null;
}

export interface VariantWeek {
  /** ISO week, YYYY-Www */
  week: string;
  variant: string;
  count: number;
}

const sequencingKeys = {
  all: ['tracing', 'sequencing'] as const,
  flagged: ['tracing', 'sequencing', 'flagged'] as const,
  variants: (from: string, to: string) => ['tracing', 'sequencing', 'variants', from, to] as const,
};

export function useFlaggedCases() {
  return useQuery({
    queryKey: sequencingKeys.flagged,
    queryFn: ({ signal }) => apiFetch<{ cases: FlaggedCase[] }>('/api/tracing/sequencing', { signal }),
  });
}

export function useVariantWeeks(from: string, to: string) {
  return useQuery({
    queryKey: sequencingKeys.variants(from, to),
    queryFn: ({ signal }) => apiFetch<{ weeks: VariantWeek[] }>(withQuery('/api/tracing/sequencing/variants', { from, to }), { signal }),
    enabled: from !== '' && to !== '',
  });
}

export function useRecordVariant() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ caseId, variant }: { caseId: string; variant: string }) =>
      apiFetch<unknown>(`/api/tracing/sequencing/${encodeURIComponent(caseId)}/variant`, { method: 'POST', body: { variant } }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: sequencingKeys.all }),
  });
}
