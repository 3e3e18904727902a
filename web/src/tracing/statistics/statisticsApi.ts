import { useQuery } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../../api.js';
import type { SettingKind } from '../questionnaire/answers.js';

/** A share with what it is counted from: `numerator` of `denominator` due cases. */
export interface Share {
  numerator: number;
  denominator: number;
  /** numerator / denominator (0–1), or null when nothing was due. */
  share: number | null;
}

export interface TracingWeek {
  week: string;
  cases: number;
  contacts: number;
  contactsPerCase: number | null;
  /** Of the cases whose first-call deadline has passed, those called by it (the unreached ones are late). */
  reachedInTime: Share;
  /** Cases past their first-call deadline and never called. */
  notReached: number;
  /** Cases whose first-call deadline is still ahead: in no share yet. */
  pending: number;
  /** Of the cases whose questionnaire deadline has passed, those sent it by then. */
  questionnaireInTime: Share;
  medianHoursToFirstContact: number | null;
  p90HoursToFirstContact: number | null;
  /** Some due cases are unreached and count with the hours waited so far: the hours are a lower bound. */
  hoursAtLeast: boolean;
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
