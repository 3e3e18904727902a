import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api.js';
import { outbreakKeys } from '../outbreaks/outbreaksApi.js';

/** A message to Smittskydd's function mailbox (from a school, a care home, a clinician). */
export interface Signal {
  id: string;
  receivedAt: string;
  senderName: string;
  senderContact: string;
  organisation: string | null;
  subject: string;
  message: string;
  outbreakId: string | null;
  outbreakLabel: string | null;
}

export interface NewSignal {
  senderName: string;
  senderContact: string;
  organisation?: string;
  subject: string;
  message: string;
}

const signalsKey = ['tracing', 'signals'] as const;

export function useSignals() {
  return useQuery({
    queryKey: signalsKey,
    queryFn: ({ signal }) => apiFetch<{ signals: Signal[] }>('/api/tracing/signals', { signal }),
  });
}

/** The public form: anyone may write to the mailbox, without logging in. */
export function useSendSignal() {
  return useMutation({
    mutationFn: (body: NewSignal) => apiFetch<unknown>('/api/tracing/signals', { method: 'POST', body }),
  });
}

export function useLinkSignal() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: ({ signalId, outbreakId }: { signalId: string; outbreakId: string }) =>
      apiFetch<unknown>(`/api/tracing/signals/${encodeURIComponent(signalId)}/link`, { method: 'POST', body: { outbreakId } }),
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: signalsKey });
      void queryClient.invalidateQueries({ queryKey: outbreakKeys.all });
    },
  });
}
