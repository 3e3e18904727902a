import { useQuery } from '@tanstack/react-query';
import { api, ok, type ResponseOf } from '../../api.js';

/** Weekly tracing statistics; shares are 0–1. */
export type TracingStatistics = ResponseOf<'/api/tracing/statistics'>;
export type TracingWeek = TracingStatistics['weeks'][number];
/** A share with what it is counted from: numerator of denominator (null when nothing was due). */
export type Share = TracingWeek['reachedInTime'];

export function useTracingStatistics(from: string, to: string) {
  return useQuery({
    queryKey: ['tracing', 'statistics', from, to] as const,
    queryFn: ({ signal }) => ok(api.GET('/api/tracing/statistics', { params: { query: { from, to } }, signal })),
    enabled: from !== '' && to !== '',
  });
}
