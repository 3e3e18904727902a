import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../api.js';

// ---------------------------------------------------------------------------
// Contract types (src/testing/schemas.ts)
// ---------------------------------------------------------------------------

export const TEST_TYPES = ['pcr', 'antigen', 'serology'] as const;
export type TestType = (typeof TEST_TYPES)[number];
export const TEST_RESULTS = ['positive', 'negative', 'not_assessable'] as const;
export type TestResult = (typeof TEST_RESULTS)[number];
export const SAMPLE_STATUSES = ['registered', 'received', 'analysed', 'answered'] as const;
export type SampleStatus = (typeof SAMPLE_STATUSES)[number];
export const BOOKING_REASONS = ['no_eid', 'child', 'staff', 'other'] as const;
export type BookingReason = (typeof BOOKING_REASONS)[number];
export type PointKind = 'vardcentral' | 'pharmacy' | 'station';

export interface DistributionPoint {
  id: string;
  kind: PointKind;
  name: string;
  streetAddress: string | null;
  postalCode: string | null;
  municipalityCode: string | null;
  openingHours: string;
}

export interface KitOrder {
  id: string;
  testType: TestType;
  distributionPoint: DistributionPoint;
  orderedAt: string;
  /** 'ordered' | 'registered' | 'cancelled' */
  status: string;
}

export interface Sample {
  id: string;
  kitCode: string | null;
  testType: TestType;
  collection: 'self' | 'staff';
  takenAt: string;
  status: SampleStatus;
  result: TestResult | null;
  resultAt: string | null;
}

export interface MyTesting {
  orders: KitOrder[];
  samples: Sample[];
}

export interface IssuedKits {
  batch: string;
  testType: TestType;
  kits: string[];
}

export type ResultOutcome =
  | { status: 'accepted'; sampleId?: string }
  | { status: 'unchanged'; sampleId?: string }
  | { status: 'held' }
  | { status: 'rejected'; reason?: string };

export interface Slot {
  id: string;
  stationId: string;
  startsAt: string;
  endsAt: string;
  testType: TestType;
  capacity: number;
  booked: number;
}

export interface Booking {
  id: string;
  slotId: string;
  personId: string;
  reason: string;
  status: string;
  startsAt: string;
}

export interface CollectedSample extends Sample {
  kitCode: string;
  label: string;
}

export interface CallListEntry {
  sampleId: string;
  personId: string;
  name: string;
  phone: string | null;
  takenAt: string;
  resultAt: string | null;
  attempts: number;
}

export interface Person {
  id: string;
  identityNumber: string;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  age: number | null;
  phone: string | null;
}

export interface ImportSummary {
  importId: string;
  fileName: string;
  format: 'csv' | 'fhir';
  status: 'finished' | 'already-imported';
  startedAt: string;
  /** When the import finished; for 'already-imported', when the file was imported. */
  finishedAt: string | null;
  rowsTotal: number;
  rowsDone: number;
  accepted: number;
  unchanged: number;
  held: number;
  rejected: number;
  seconds: number;
}

export type UnmatchedStatus = 'held' | 'matched' | 'discarded';

/** A result held because its kit id matched no sample (src/testing/import/routes.ts). */
export interface UnmatchedResult {
  id: string;
  importId: string | null;
  line: number | null;
  kitCode: string;
  testType: TestType;
  result: TestResult;
  resultAt: string;
  method: string | null;
  status: UnmatchedStatus;
  matchedSampleId: string | null;
}

export interface MatchOutcome {
  id: string;
  sampleId: string;
  outcome: 'accepted' | 'unchanged' | 'held' | 'rejected';
}

export interface ImportRejection {
  line: number;
  field: string | null;
  reason: string;
}

/** The purpose written to the audit log when sampling staff look a person up. */
export const LOOKUP_PURPOSE = 'provtagning';

// ---------------------------------------------------------------------------
// Hooks
// ---------------------------------------------------------------------------

export const testingKeys = {
  points: ['testing', 'points'] as const,
  my: ['testing', 'my'] as const,
  slots: (date: string) => ['testing', 'slots', date] as const,
  callList: ['testing', 'call-list'] as const,
  unmatched: (status: UnmatchedStatus) => ['testing', 'unmatched', status] as const,
};

export function useDistributionPoints() {
  return useQuery({
    queryKey: testingKeys.points,
    queryFn: ({ signal }) => apiFetch<{ points: DistributionPoint[] }>('/api/testing/distribution-points', { signal }),
    staleTime: 10 * 60_000,
  });
}

export function useMyTesting() {
  return useQuery({
    queryKey: testingKeys.my,
    queryFn: ({ signal }) => apiFetch<MyTesting>('/api/testing/my', { signal }),
  });
}

export function useOrderKit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { distributionPointId: string; testType: TestType }) =>
      apiFetch<KitOrder>('/api/testing/my/orders', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testingKeys.my }),
  });
}

export function useRegisterKit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kitCode: string) => apiFetch<Sample>('/api/testing/my/kits', { method: 'POST', body: { kitCode } }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testingKeys.my }),
  });
}

export function useIssueKits() {
  return useMutation({
    mutationFn: (body: { testType: TestType; count: number; batch?: string }) =>
      apiFetch<IssuedKits>('/api/testing/kits', { method: 'POST', body }),
  });
}

export function useReceiveSample() {
  return useMutation({
    mutationFn: (kitCode: string) => apiFetch<Sample>('/api/testing/lab/received', { method: 'POST', body: { kitCode } }),
  });
}

export interface ResultInput {
  kitCode: string;
  testType: TestType;
  result: TestResult;
  method?: string;
}

export function useRegisterResult() {
  return useMutation({
    mutationFn: (body: ResultInput) => apiFetch<ResultOutcome>('/api/testing/lab/results', { method: 'POST', body }),
  });
}

export function useImportResults() {
  return useMutation({
    mutationFn: (body: { fileName: string; content: string }) =>
      apiFetch<ImportSummary>('/api/testing/lab/imports', { method: 'POST', body }),
  });
}

export function useImportRejections() {
  return useMutation({
    mutationFn: (importId: string) =>
      apiFetch<{ rejections: ImportRejection[] }>(`/api/testing/lab/imports/${encodeURIComponent(importId)}/rejections`),
  });
}

export function useUnmatchedResults(status: UnmatchedStatus = 'held') {
  return useQuery({
    queryKey: testingKeys.unmatched(status),
    queryFn: ({ signal }) => apiFetch<{ results: UnmatchedResult[] }>(withQuery('/api/testing/lab/unmatched', { status }), { signal }),
  });
}

/** Applies a held result to the sample with the given kit id, then refreshes the lists of held results. */
export function useMatchUnmatched() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, kitCode }: { id: string; kitCode: string }) =>
      apiFetch<MatchOutcome>(`/api/testing/lab/unmatched/${encodeURIComponent(id)}/match`, { method: 'POST', body: { kitCode } }),
    // Not awaited: the matched row leaves the list, and the caller's own onSuccess must still run.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['testing', 'unmatched'] }),
  });
}

export function useSlots(date: string | null) {
  return useQuery({
    queryKey: testingKeys.slots(date ?? ''),
    queryFn: ({ signal }) => apiFetch<{ slots: Slot[] }>(withQuery('/api/testing/slots', { date }), { signal }),
    enabled: date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
}

/** Looks a person up by identity number (audited with the purpose 'provtagning'). */
export function useFindPerson(purpose = LOOKUP_PURPOSE) {
  return useMutation({
    mutationFn: (identityNumber: string) =>
      apiFetch<{ people: Person[] }>(withQuery('/api/persons', { identityNumber, purpose })),
  });
}

export function useBookSampling() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: { slotId: string; personId: string; reason: BookingReason; phone?: string }) =>
      apiFetch<Booking>('/api/testing/bookings', { method: 'POST', body }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['testing', 'slots'] }),
  });
}

export function useCollectSample() {
  return useMutation({
    mutationFn: (body: { personId: string; bookingId?: string; testType: TestType; provider?: string }) =>
      apiFetch<CollectedSample>('/api/testing/samples', { method: 'POST', body }),
  });
}

export function useCallList() {
  return useQuery({
    queryKey: testingKeys.callList,
    queryFn: ({ signal }) => apiFetch<{ calls: CallListEntry[] }>('/api/testing/call-list', { signal }),
    // Reading the list is audited per person: do not refetch behind the user's back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useRecordCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sampleId, outcome }: { sampleId: string; outcome: 'reached' | 'no_answer' }) =>
      apiFetch<{ sampleId: string; outcome: string }>(`/api/testing/call-list/${encodeURIComponent(sampleId)}`, {
        method: 'POST',
        body: { outcome },
      }),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testingKeys.callList }),
  });
}
