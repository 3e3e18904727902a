import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../../api.js';

export const TEST_TYPES = ['pcr', 'antigen', 'serology'] as const;
export type TestType = (typeof TEST_TYPES)[number];

export interface WeeklyRow {
  regionId: string;
  regionName: string;
  week: string;
  testType: TestType;
  provider: 'region' | 'other';
  tests: number;
  individuals: number;
  positive: number;
  negative: number;
  notAssessable: number;
  pending: number;
  sharePositive: number | null;
  individualsPer100k: number | null;
  capacity: number | null;
}

export interface WeeklyReport {
  from: string;
  to: string;
  weeks: string[];
  regions: { regionId: string; regionName: string; population: number; source: string; note: string | null }[];
  rows: WeeklyRow[];
  national: WeeklyRow[] | null;
}

export interface CapacityDay {
  date: string;
  week: string;
  testType: TestType;
  demand: number;
  capacity: number;
  share: number | null;
  level: 'ok' | 'warning' | 'over';
}

export interface CapacityReport {
  regionId: string;
  from: string;
  to: string;
  warningShare: number;
  days: CapacityDay[];
}

export interface CapacityUnit {
  id: string;
  name: string;
  kind: string;
}

export interface DeclareCapacity {
  unitId: string;
  isoWeek: string;
  testType: TestType;
  testsPerWeek: number;
}

export type ExclusionReason = 'pending' | 'not_assessable' | 'self_sampled_antigen' | 'no_rate';

export interface ReimbursementClaim {
  regionId: string;
  from: string;
  to: string;
  lines: { testType: TestType; validFrom: string; validTo: string | null; sek: number; tests: number; amountSek: number }[];
  totalSek: number;
  totalTests: number;
  excluded: { testType: TestType; reason: ExclusionReason; tests: number }[];
  rules: string[];
}

export const statsPaths = {
  weekly: (from: string, to: string, ext = '') => withQuery(`/api/testing/statistics/weekly${ext}`, { from, to }),
  capacity: (from: string, to: string) => withQuery('/api/testing/statistics/capacity', { from, to }),
  reimbursement: (from: string, to: string, ext = '') => withQuery(`/api/testing/statistics/reimbursement${ext}`, { from, to }),
};

export function useWeeklyReport(from: string, to: string) {
  return useQuery({
    queryKey: ['testingStats', 'weekly', from, to],
    queryFn: ({ signal }) => apiFetch<WeeklyReport>(statsPaths.weekly(from, to), { signal }),
    enabled: from !== '' && to !== '' && from <= to,
  });
}

export function useCapacityReport(from: string, to: string) {
  return useQuery({
    queryKey: ['testingStats', 'capacity', from, to],
    queryFn: ({ signal }) => apiFetch<CapacityReport>(statsPaths.capacity(from, to), { signal }),
    enabled: from !== '' && to !== '' && from <= to,
  });
}

export function useCapacityUnits(enabled: boolean) {
  return useQuery({
    queryKey: ['testingStats', 'capacityUnits'],
    queryFn: ({ signal }) => apiFetch<{ units: CapacityUnit[] }>('/api/testing/capacity/units', { signal }),
    enabled,
  });
}

export function useDeclareCapacity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeclareCapacity) => apiFetch<DeclareCapacity & { unitName: string; previous: number | null }>('/api/testing/capacity', { method: 'PUT', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['testingStats'] }),
  });
}

export function useReimbursement(from: string, to: string) {
  return useQuery({
    queryKey: ['testingStats', 'reimbursement', from, to],
    queryFn: ({ signal }) => apiFetch<ReimbursementClaim>(statsPaths.reimbursement(from, to), { signal }),
    enabled: from !== '' && to !== '' && from <= to,
  });
}

// --- Dates -----------------------------------------------------------------------------------------

/** The ISO week ('2021-W49') of a calendar date 'YYYY-MM-DD'. */
export function isoWeekOfDate(date: string): string {
  const [y, m, d] = date.split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  day.setUTCDate(day.getUTCDate() + 4 - (day.getUTCDay() || 7));
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Today in Swedish time, minus `daysBack` days. */
export function swedishDate(daysBack = 0, now = new Date()): string {
  return new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Stockholm' }).format(new Date(now.getTime() - daysBack * 86_400_000));
}
