import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api.js';
import type { QuestionnaireAnswers } from './answers.js';

/** `GET/PUT /api/tracing/my-questionnaire`: the signed-in citizen's questionnaire for their open case. */
export interface MyQuestionnaire {
  caseId: string;
  dueAt: string | null;
  answers: QuestionnaireAnswers;
  savedAt: string | null;
  submittedAt: string | null;
  /** The citizen's household as the population register knows it, to start the list from. */
  household: { name: string }[];
}

const myQuestionnaireKey = ['tracing', 'my-questionnaire'] as const;

export function useMyQuestionnaire() {
  return useQuery({
    queryKey: myQuestionnaireKey,
    queryFn: ({ signal }) => apiFetch<MyQuestionnaire>('/api/tracing/my-questionnaire', { signal }),
    // The form holds the answers being typed: a refetch must not reset it.
    refetchOnWindowFocus: false,
    retry: false,
  });
}

/** Saves the answers (and submits them when asked); saves run one after another so the last one typed wins. */
export function useSaveQuestionnaire() {
  const queryClient = useQueryClient();
  return useMutation({
    scope: { id: 'tracing-my-questionnaire' },
    mutationFn: (body: { answers: QuestionnaireAnswers; submit: boolean }) =>
      apiFetch<MyQuestionnaire>('/api/tracing/my-questionnaire', { method: 'PUT', body }),
    onSuccess: (saved) => queryClient.setQueryData(myQuestionnaireKey, saved),
  });
}
