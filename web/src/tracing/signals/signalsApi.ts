import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type ResponseOf } from '../../api.js';
import { outbreakKeys } from '../outbreaks/outbreaksApi.js';

/** A message to Smittskydd's function mailbox (from a school, a care home, a clinician). */
export type Signal = ResponseOf<'/api/tracing/signals'>['signals'][number];
export type NewSignal = BodyOf<'/api/tracing/signals'>;

const signalsKey = ['tracing', 'signals'] as const;

export function useSignals() {
  return useQuery({
    queryKey: signalsKey,
    queryFn: ({ signal }) => ok(api.GET('/api/tracing/signals', { signal })),
  });
}

/** The public form: anyone may write to the mailbox, without logging in. */
export function useSendSignal() {
  return useMutation({
    mutationFn: (body: NewSignal) => ok(api.POST('/api/tracing/signals', { body })),
  });
}

export function useLinkSignal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ signalId, outbreakId }: { signalId: string; outbreakId: string }) =>
      ok(api.POST('/api/tracing/signals/{id}/link', { params: { path: { id: signalId } }, body: { outbreakId } })),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: signalsKey });
      void queryClient.invalidateQueries({ queryKey: outbreakKeys.all });
    },
  });
}
