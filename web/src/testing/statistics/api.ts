import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type ResponseOf } from '../../api.js';

// Testing statistics as the contract describes them (src/testing/statistics/routes.ts).

export type WeeklyReport = ResponseOf<'/api/testing/statistics/weekly'>;
export type WeeklyRow = WeeklyReport['rows'][number];
export type TestType = WeeklyRow['testType'];
/** The test types in display order; the type checker holds the list to the contract. */
export const TEST_TYPES = ['pcr', 'antigen', 'serology'] as const satisfies readonly TestType[];
export type CapacityReport = ResponseOf<'/api/testing/statistics/capacity'>;
export type CapacityDay = CapacityReport['days'][number];
export type CapacityUnit = ResponseOf<'/api/testing/capacity/units'>['units'][number];
export type DeclareCapacity = BodyOf<'/api/testing/capacity', 'put'>;
export type ReimbursementClaim = ResponseOf<'/api/testing/statistics/reimbursement'>;
export type ExclusionReason = ReimbursementClaim['excluded'][number]['reason'];
export type ReimbursementRate = ResponseOf<'/api/testing/reimbursement-rates'>['rates'][number];
export type NewReimbursementRate = BodyOf<'/api/testing/reimbursement-rates', 'post'>;

export function useWeeklyReport(from: string, to: string) {
  return useQuery({
    queryKey: ['testingStats', 'weekly', from, to],
    queryFn: ({ signal }) => ok(api.GET('/api/testing/statistics/weekly', { params: { query: { from, to } }, signal })),
    enabled: from !== '' && to !== '' && from <= to,
  });
}

export function useCapacityReport(from: string, to: string) {
  return useQuery({
    queryKey: ['testingStats', 'capacity', from, to],
    queryFn: ({ signal }) => ok(api.GET('/api/testing/statistics/capacity', { params: { query: { from, to } }, signal })),
    enabled: from !== '' && to !== '' && from <= to,
  });
}

export function useCapacityUnits(enabled: boolean) {
  return useQuery({
    queryKey: ['testingStats', 'capacityUnits'],
    queryFn: ({ signal }) => ok(api.GET('/api/testing/capacity/units', { signal })),
    enabled,
  });
}

export function useDeclareCapacity() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: DeclareCapacity) => ok(api.PUT('/api/testing/capacity', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['testingStats'] }),
  });
}

export function useReimbursement(from: string, to: string) {
  return useQuery({
    queryKey: ['testingStats', 'reimbursement', from, to],
    queryFn: ({ signal }) => ok(api.GET('/api/testing/statistics/reimbursement', { params: { query: { from, to } }, signal })),
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

export function useReimbursementRates() {
  return useQuery({ queryKey: ['testingStats', 'rates'], queryFn: ({ signal }) => ok(api.GET('/api/testing/reimbursement-rates', { signal })) });
}

/** A new rate from a day on (national analyst); the claims are recomputed from it. */
export function useSetReimbursementRate() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: NewReimbursementRate) => ok(api.POST('/api/testing/reimbursement-rates', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['testingStats'] }),
  });
}
