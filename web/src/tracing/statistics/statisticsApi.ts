import { useQuery } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../../api.js';
import type { SettingKind } from '../questionnaire/answers.js';

export interface TracingWeek {
  week: string;
  cases: number;
  contacts: number;
  contactsPerCase: number | null;
  /** Share (0–1) of cases called before the first-call deadline. */
  reachedInTime: number | null;
  /** Share (0–1) of cases sent the questionnaire before its deadline. */
  questionnaireInTime: number | null;
  medianHoursToFirstContact: number | null;
  p90HoursToFirstContact: number | null;
}

export interface TracingStatistics {
  weeks: TracingWeek[];
  outbreaksBySetting: { kind: SettingKind | string; outbreaks: number }[];
}

export function useTracingStatistics(from: string, to: string) {
  return useQuery({
    queryKey: ['tracing', 'statistics', from, to] as const,
    queryFn: ({ signal }) => apiFetch<TracingStatistics>(withQuery('/api/tracing/statistics', { from, to }), { signal }),
    enabled: from !== '' && to !== '',
  });
}
