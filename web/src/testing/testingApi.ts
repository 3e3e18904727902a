import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type ResponseOf } from '../api.js';

// Testing as the contract describes it (src/testing/schemas.ts and the routes).

export type MyTesting = ResponseOf<'/api/testing/my'>;
export type KitOrder = MyTesting['orders'][number];
export type Sample = MyTesting['samples'][number];
export type SampleStatus = Sample['status'];
export type DistributionPoint = ResponseOf<'/api/testing/distribution-points'>['points'][number];
export type TestType = Sample['testType'];
export type TestResult = BodyOf<'/api/testing/lab/results'>['result'];
export type BookingReason = BodyOf<'/api/testing/bookings'>['reason'];
export type ResultInput = BodyOf<'/api/testing/lab/results'>;
export type ResultOutcome = ResponseOf<'/api/testing/lab/results', 'post'>;
export type Slot = ResponseOf<'/api/testing/slots'>['slots'][number];
export type CallListEntry = ResponseOf<'/api/testing/call-list'>['calls'][number];
export type Person = ResponseOf<'/api/persons'>['people'][number];
export type ImportSummary = ResponseOf<'/api/testing/lab/imports', 'post'>;
/** A result held because its kit id matched no sample. */
export type UnmatchedResult = ResponseOf<'/api/testing/lab/unmatched'>['results'][number];
export type UnmatchedStatus = UnmatchedResult['status'];
export type MatchOutcome = ResponseOf<'/api/testing/lab/unmatched/{id}/match', 'post'>;

// Display orders of the contract's enums; the type checker holds each list to the contract.
export const TEST_TYPES = ['pcr', 'antigen', 'serology'] as const satisfies readonly TestType[];
export const TEST_RESULTS = ['positive', 'negative', 'not_assessable'] as const satisfies readonly TestResult[];
export const BOOKING_REASONS = ['no_eid', 'child', 'staff', 'other'] as const satisfies readonly BookingReason[];

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
    queryFn: ({ signal }) => ok(api.GET('/api/testing/distribution-points', { signal })),
    staleTime: 10 * 60_000,
  });
}

export function useMyTesting() {
  return useQuery({
    queryKey: testingKeys.my,
    queryFn: ({ signal }) => ok(api.GET('/api/testing/my', { signal })),
  });
}

export function useOrderKit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/testing/my/orders'>) => ok(api.POST('/api/testing/my/orders', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testingKeys.my }),
  });
}

export function useRegisterKit() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (kitCode: string) => ok(api.POST('/api/testing/my/kits', { body: { kitCode } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testingKeys.my }),
  });
}

export function useIssueKits() {
  return useMutation({
    mutationFn: (body: BodyOf<'/api/testing/kits'>) => ok(api.POST('/api/testing/kits', { body })),
  });
}

export function useReceiveSample() {
  return useMutation({
    mutationFn: (kitCode: string) => ok(api.POST('/api/testing/lab/received', { body: { kitCode } })),
  });
}

export function useRegisterResult() {
  return useMutation({
    mutationFn: (body: ResultInput) => ok(api.POST('/api/testing/lab/results', { body })),
  });
}

export function useImportResults() {
  return useMutation({
    mutationFn: (body: BodyOf<'/api/testing/lab/imports'>) => ok(api.POST('/api/testing/lab/imports', { body })),
  });
}

export function useImportRejections() {
  return useMutation({
    mutationFn: (importId: string) => ok(api.GET('/api/testing/lab/imports/{id}/rejections', { params: { path: { id: importId } } })),
  });
}

export function useUnmatchedResults(status: UnmatchedStatus = 'held') {
  return useQuery({
    queryKey: testingKeys.unmatched(status),
    queryFn: ({ signal }) => ok(api.GET('/api/testing/lab/unmatched', { params: { query: { status } }, signal })),
  });
}

/** Applies a held result to the sample with the given kit id, then refreshes the lists of held results. */
export function useMatchUnmatched() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ id, kitCode }: { id: string; kitCode: string }) =>
      ok(api.POST('/api/testing/lab/unmatched/{id}/match', { params: { path: { id } }, body: { kitCode } })),
    // Not awaited: the matched row leaves the list, and the caller's own onSuccess must still run.
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['testing', 'unmatched'] }),
  });
}

export function useSlots(date: string | null) {
  return useQuery({
    queryKey: testingKeys.slots(date ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/api/testing/slots', { params: { query: { date: date ?? '' } }, signal })),
    enabled: date !== null && /^\d{4}-\d{2}-\d{2}$/.test(date),
  });
}

/** Looks a person up by identity number (audited with the purpose 'provtagning'). */
export function useFindPerson(purpose = LOOKUP_PURPOSE) {
  return useMutation({
    mutationFn: (identityNumber: string) =>
      ok(api.GET('/api/persons', { params: { query: { identityNumber, purpose } } })),
  });
}

export function useBookSampling() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (body: BodyOf<'/api/testing/bookings'>) => ok(api.POST('/api/testing/bookings', { body })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: ['testing', 'slots'] }),
  });
}

export function useCollectSample() {
  return useMutation({
    mutationFn: (body: BodyOf<'/api/testing/samples'>) => ok(api.POST('/api/testing/samples', { body })),
  });
}

export function useCallList() {
  return useQuery({
    queryKey: testingKeys.callList,
    queryFn: ({ signal }) => ok(api.GET('/api/testing/call-list', { signal })),
    // Reading the list is audited per person: do not refetch behind the user's back.
    staleTime: Infinity,
    refetchOnWindowFocus: false,
  });
}

export function useRecordCall() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ sampleId, outcome }: { sampleId: string; outcome: 'reached' | 'no_answer' }) =>
      ok(api.POST('/api/testing/call-list/{sampleId}', { params: { path: { sampleId } }, body: { outcome } })),
    onSuccess: () => queryClient.invalidateQueries({ queryKey: testingKeys.callList }),
  });
}
