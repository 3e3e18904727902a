import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type ResponseOf } from '../../api.js';
import type { QuestionnaireAnswers } from '../questionnaire/answers.js';
import { tracingKeys } from '../tracingApi.js';

// One case as the tracer works it, as the contract describes it (src/tracing/case-routes.ts).

type CaseFileAnswer = ResponseOf<'/api/tracing/cases/{id}'>;
/** The questionnaire's answers are the ones the citizen's form sent; the contract types them as a record. */
export type CaseQuestionnaire = Omit<NonNullable<CaseFileAnswer['questionnaire']>, 'answers'> & { answers: QuestionnaireAnswers };
export type CaseFile = Omit<CaseFileAnswer, 'questionnaire'> & { questionnaire: CaseQuestionnaire | null };
export type CaseDetail = CaseFile['case'];
export type Contact = CaseFile['contacts'][number];
export type ContactRelation = Contact['relation'];
export type ContactStatus = Contact['status'];
export type CaseNote = CaseFile['notes'][number];
export type AdviceOption = CaseFile['adviceOptions'][number];
export type SmiNetNotification = NonNullable<CaseFile['notification']>;
export type NotificationStatus = SmiNetNotification['status'];
export type NewNote = BodyOf<'/api/tracing/cases/{id}/notes'>;
export type CaseClassification = BodyOf<'/api/tracing/cases/{id}/classification'>;
export type Classification = CaseDetail['classification'];
export type CaseOutcome = NonNullable<CaseDetail['outcome']>;
/** In the order the form offers them; the type checker holds the lists to the contract. */
export const CLASSIFICATIONS = ['suspected', 'probable', 'confirmed', 'not_a_case'] as const satisfies readonly Classification[];
export const CASE_OUTCOMES = ['recovering', 'recovered', 'hospitalised', 'deceased', 'unknown'] as const satisfies readonly CaseOutcome[];
export type NewContact = BodyOf<'/api/tracing/cases/{id}/contacts'>;
export type SmiNetReport = BodyOf<'/api/tracing/cases/{id}/sminet'>;
export type SmiNetSetting = NonNullable<SmiNetReport['setting']>;

/** The settings in the order the form offers them. */
export const SMINET_SETTINGS = ['unknown', 'household', 'school', 'workplace', 'care_home', 'health_care', 'association', 'event', 'travel'] as const satisfies readonly SmiNetSetting[];

// ---------------------------------------------------------------------------
// Hooks
// ---------------------------------------------------------------------------

const onCase = (caseId: string) => ({ params: { path: { id: caseId } } });

export function useCaseFile(caseId: string) {
  return useQuery({
    queryKey: tracingKeys.case(caseId),
    queryFn: async ({ signal }): Promise<CaseFile> => {
      const file = await ok(api.GET('/api/tracing/cases/{id}', { ...onCase(caseId), signal }));
      return { ...file, questionnaire: file.questionnaire && { ...file.questionnaire, answers: file.questionnaire.answers as QuestionnaireAnswers } };
    },
    // Every read of the case is audited: refresh after actions, not behind the tracer's back.
    refetchOnWindowFocus: false,
  });
}

/** A command on the case; the case file and the queue are read again when it succeeds. */
function useCaseCommand<Input, Output>(caseId: string, command: (input: Input) => Promise<Output>) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: command,
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tracingKeys.case(caseId) });
      void queryClient.invalidateQueries({ queryKey: tracingKeys.queueAll });
    },
  });
}

export const useAddNote = (caseId: string) => useCaseCommand(caseId, (body: NewNote) => ok(api.POST('/api/tracing/cases/{id}/notes', { ...onCase(caseId), body })));
export const useChooseContactsInformer = (caseId: string) =>
  useCaseCommand(caseId, (by: 'index' | 'tracer') => ok(api.POST('/api/tracing/cases/{id}/contacts-informed-by', { ...onCase(caseId), body: { by } })));
export const useAddContact = (caseId: string) => useCaseCommand(caseId, (body: NewContact) => ok(api.POST('/api/tracing/cases/{id}/contacts', { ...onCase(caseId), body })));
export const useInformContact = (caseId: string) =>
  useCaseCommand(caseId, (contactId: string) =>
    ok(api.POST('/api/tracing/cases/{id}/contacts/{contactId}/inform', { params: { path: { id: caseId, contactId } }, body: {} })),
  );
export const useSetSevereIllness = (caseId: string) =>
  useCaseCommand(caseId, (severeIllness: boolean) => ok(api.POST('/api/tracing/cases/{id}/severity', { ...onCase(caseId), body: { severeIllness } })));
export const useClassifyCase = (caseId: string) =>
  useCaseCommand(caseId, (body: CaseClassification) => ok(api.POST('/api/tracing/cases/{id}/classification', { ...onCase(caseId), body })));
export const useReportToSmiNet = (caseId: string) => useCaseCommand(caseId, (body: SmiNetReport) => ok(api.POST('/api/tracing/cases/{id}/sminet', { ...onCase(caseId), body })));
export const useCloseCase = (caseId: string) => useCaseCommand(caseId, () => ok(api.POST('/api/tracing/cases/{id}/close', { ...onCase(caseId), body: {} })));
