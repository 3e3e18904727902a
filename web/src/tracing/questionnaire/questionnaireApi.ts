import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type ResponseOf } from '../../api.js';
import type { QuestionnaireAnswers } from './answers.js';

/**
 * `GET/PUT /api/tracing/my-questionnaire`: the signed-in citizen's questionnaire for their open case, with the
 * household the population register knows to start the list from. The contract types the stored answers as a
 * record; they are the answers the server accepted.
 */
export type MyQuestionnaire = Omit<ResponseOf<'/api/tracing/my-questionnaire'>, 'answers'> & { answers: QuestionnaireAnswers };

const myQuestionnaireKey = ['tracing', 'my-questionnaire'] as const;
const asAnswered = (q: ResponseOf<'/api/tracing/my-questionnaire'>): MyQuestionnaire => ({ ...q, answers: q.answers as QuestionnaireAnswers });

export function useMyQuestionnaire() {
  return useQuery({
    queryKey: myQuestionnaireKey,
    queryFn: async ({ signal }) => asAnswered(await ok(api.GET('/api/tracing/my-questionnaire', { signal }))),
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
    mutationFn: async (body: { answers: QuestionnaireAnswers; submit: boolean }) => asAnswered(await ok(api.PUT('/api/tracing/my-questionnaire', { body }))),
    onSuccess: (saved) => queryClient.setQueryData(myQuestionnaireKey, saved),
  });
}
