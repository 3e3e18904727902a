import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type ResponseOf } from '../../api.js';

// Contacts' daily self-reporting, as the contract describes it (src/tracing/check-in-routes.ts).

export type FollowUpList = ResponseOf<'/api/tracing/follow-ups'>;
export type FollowedContact = FollowUpList['contacts'][number];
export type FollowUpFlag = FollowedContact['flags'][number];
/** One day's answer: symptoms yes/no and which, a test taken and its day. */
export type CheckInAnswer = Omit<BodyOf<'/api/tracing/check-in'>, 'token'>;
export type Symptom = NonNullable<CheckInAnswer['symptoms']>[number];
export type Answered = ResponseOf<'/api/tracing/check-in', 'post'>;
/** The fixed list, in the contract's order (the type checker holds it to the server's enum). */
export const SYMPTOMS = ['fever', 'cough', 'sore_throat', 'runny_nose', 'shortness_of_breath', 'loss_of_smell_or_taste', 'headache', 'muscle_aches', 'fatigue', 'stomach'] as const satisfies readonly Symptom[];

const keys = { list: ['tracing', 'follow-ups'] as const, mine: ['tracing', 'my-check-ins'] as const };

export function useFollowUps() {
  return useQuery({ queryKey: keys.list, queryFn: ({ signal }) => ok(api.GET('/api/tracing/follow-ups', { signal })), refetchOnWindowFocus: false });
}

export function usePhoneAnswer() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, ...body }: CheckInAnswer & { contactId: string; day: string }) => ok(api.POST('/api/tracing/follow-ups/{contactId}/answers', { params: { path: { contactId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.list }),
  });
}

export function useOrderKitForContact() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, distributionPointId }: { contactId: string; distributionPointId: string }) =>
      ok(api.POST('/api/tracing/follow-ups/{contactId}/kit-order', { params: { path: { contactId } }, body: { distributionPointId } })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.list }),
  });
}

export function useMyCheckIns() {
  return useQuery({ queryKey: keys.mine, queryFn: ({ signal }) => ok(api.GET('/api/tracing/my-check-ins', { signal })) });
}

export function useAnswerMyCheckIn() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ contactId, ...body }: CheckInAnswer & { contactId: string; day: string }) => ok(api.POST('/api/tracing/my-check-ins/{contactId}', { params: { path: { contactId } }, body })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.mine }),
  });
}

/** The public link: the token is read from the page's fragment and sent in the body only. */
export function useCheckInLookup(token: string) {
  return useQuery({ queryKey: ['tracing', 'check-in', token], queryFn: () => ok(api.POST('/api/tracing/check-in/lookup', { body: { token } })), enabled: token !== '', retry: false });
}

export function useAnswerByLink() {
  return useMutation({ mutationFn: (body: CheckInAnswer & { token: string }) => ok(api.POST('/api/tracing/check-in', { body })) });
}
