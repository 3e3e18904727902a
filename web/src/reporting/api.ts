import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type ResponseOf } from '../api.js';

// Reporting as the contract describes it (src/reporting/views.ts and routes.ts).

/** A template as it is sent: the editor builds this. */
export type TemplateContent = BodyOf<'/api/reporting/templates'>['content'];
export type Section = TemplateContent['sections'][number];
export type Question = Section['questions'][number];
export type QuestionKind = Question['kind'];
export type Option = Extract<Question, { kind: 'single_choice' }>['options'][number];
export type PrefillSource = NonNullable<Extract<Question, { kind: 'number' }>['prefill']>;
export type TemplateVersion = ResponseOf<'/api/reporting/template-versions/{id}'>;
export type TemplateSummary = ResponseOf<'/api/reporting/templates'>['templates'][number];
export type Agreement = ResponseOf<'/api/reporting/agreements'>['agreements'][number];
export type Organisation = ResponseOf<'/api/reporting/organisations'>['organisations'][number];
export type RoundSummary = ResponseOf<'/api/reporting/rounds'>['rounds'][number];
export type ReturnStatus = RoundSummary['returns'][number]['status'];
export type ReturnView = ResponseOf<'/api/reporting/rounds/{id}/returns/{organisation}'>;
export type Answer = ReturnView['answers'][number];
export type AnswerValue = BodyOf<'/api/reporting/rounds/{id}/returns/{organisation}/answers', 'put'>['answers'][number]['value'];
export type RoundReport = ResponseOf<'/api/reporting/rounds/{id}/report'>;
export type ReportTable = RoundReport['tables'][number];
export type TrafficLight = RoundReport['trafficLights'][number]['reasons'][number]['light'];
export type Initiative = ResponseOf<'/api/reporting/initiatives'>['initiatives'][number];
export type InitiativeFields = BodyOf<'/api/reporting/initiatives/{id}', 'put'>;
export type NationalWeekly = ResponseOf<'/api/reporting/national/weekly'>;

// Display orders of the contract's enums; the type checker holds each list to the contract.
export const QUESTION_KINDS = ['text', 'number', 'table', 'traffic_light', 'single_choice', 'multiple_choice', 'date', 'initiatives'] as const satisfies readonly QuestionKind[];
/** Lägesbild's own figures a number or table can be pre-filled from. */
export const PREFILL_SOURCES = [
  'testing.tests',
  'testing.positives',
  'testing.capacity',
  'testing.perTestType',
  'tracing.cases',
  'tracing.hoursToFirstCall',
  'vaccination.coverage',
  'certificates.perKind',
  'indicators.namedDoctor',
] as const satisfies readonly PrefillSource[];

const KEY = 'reporting';
const invalidateAll = (qc: ReturnType<typeof useQueryClient>) => () => void qc.invalidateQueries({ queryKey: [KEY] });

const onId = (id: string) => ({ params: { path: { id } } });
const onReturn = (id: string, organisation: string) => ({ params: { path: { id, organisation } } });

export const useOrganisations = () => useQuery({ queryKey: [KEY, 'organisations'], queryFn: ({ signal }) => ok(api.GET('/api/reporting/organisations', { signal })) });
export const useAgreements = () => useQuery({ queryKey: [KEY, 'agreements'], queryFn: ({ signal }) => ok(api.GET('/api/reporting/agreements', { signal })) });
export const useTemplates = () => useQuery({ queryKey: [KEY, 'templates'], queryFn: ({ signal }) => ok(api.GET('/api/reporting/templates', { signal })) });
export const readTemplateVersion = (id: string, signal?: AbortSignal) => ok(api.GET('/api/reporting/template-versions/{id}', { ...onId(id), ...(signal ? { signal } : {}) }));
export const useTemplateVersion = (id: string | null) => useQuery({ queryKey: [KEY, 'template-version', id], queryFn: ({ signal }) => readTemplateVersion(id ?? '', signal), enabled: !!id });
export const useRounds = () => useQuery({ queryKey: [KEY, 'rounds'], queryFn: ({ signal }) => ok(api.GET('/api/reporting/rounds', { signal })) });
export const useRound = (id: string) => useQuery({ queryKey: [KEY, 'round', id], queryFn: ({ signal }) => ok(api.GET('/api/reporting/rounds/{id}', { ...onId(id), signal })) });
export const useReturn = (roundId: string, organisation: string) =>
  useQuery({ queryKey: [KEY, 'return', roundId, organisation], queryFn: ({ signal }) => ok(api.GET('/api/reporting/rounds/{id}/returns/{organisation}', { ...onReturn(roundId, organisation), signal })) });
export const readAnswerHistory = (roundId: string, organisation: string, signal: AbortSignal) =>
  ok(api.GET('/api/reporting/rounds/{id}/returns/{organisation}/history', { ...onReturn(roundId, organisation), signal }));
export const useReport = (roundId: string) => useQuery({ queryKey: [KEY, 'report', roundId], queryFn: ({ signal }) => ok(api.GET('/api/reporting/rounds/{id}/report', { ...onId(roundId), signal })) });
export const useInitiatives = (agreementId: string | null) =>
  useQuery({ queryKey: [KEY, 'initiatives', agreementId], queryFn: ({ signal }) => ok(api.GET('/api/reporting/initiatives', { params: { query: { agreementId: agreementId ?? '' } }, signal })), enabled: !!agreementId });
export const useNationalWeekly = (from: string, to: string) =>
  useQuery({ queryKey: [KEY, 'weekly', from, to], queryFn: ({ signal }) => ok(api.GET('/api/reporting/national/weekly', { params: { query: { from, to } }, signal })) });

/** One mutation helper: any change under /api/reporting refreshes every reporting query. */
export function useReportingMutation<I, O>(request: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: invalidateAll(qc) });
}

// The writes, each typed by its route.
export const createAgreement = (body: BodyOf<'/api/reporting/agreements'>) => ok(api.POST('/api/reporting/agreements', { body }));
export const createTemplate = (body: BodyOf<'/api/reporting/templates'>) => ok(api.POST('/api/reporting/templates', { body }));
export const addTemplateVersion = (templateId: string, content: TemplateContent) => ok(api.POST('/api/reporting/templates/{id}/versions', { ...onId(templateId), body: { content } }));
export const createRound = (body: BodyOf<'/api/reporting/rounds'>) => ok(api.POST('/api/reporting/rounds', { body }));
export const remindRound = (id: string) => ok(api.POST('/api/reporting/rounds/{id}/reminders', onId(id)));
export const publishRound = (id: string) => ok(api.POST('/api/reporting/rounds/{id}/publish', onId(id)));
export const saveAnswers = (roundId: string, organisation: string, body: BodyOf<'/api/reporting/rounds/{id}/returns/{organisation}/answers', 'put'>) =>
  ok(api.PUT('/api/reporting/rounds/{id}/returns/{organisation}/answers', { ...onReturn(roundId, organisation), body }));
export const prefillReturn = (roundId: string, organisation: string, from: BodyOf<'/api/reporting/rounds/{id}/returns/{organisation}/prefill'>['from']) =>
  ok(api.POST('/api/reporting/rounds/{id}/returns/{organisation}/prefill', { ...onReturn(roundId, organisation), body: { from } }));
export const submitReturn = (roundId: string, organisation: string) => ok(api.POST('/api/reporting/rounds/{id}/returns/{organisation}/submit', onReturn(roundId, organisation)));
export const reopenReturn = (roundId: string, organisation: string, reason: string) =>
  ok(api.POST('/api/reporting/rounds/{id}/returns/{organisation}/reopen', { ...onReturn(roundId, organisation), body: { reason } }));
export const createInitiative = (body: BodyOf<'/api/reporting/initiatives'>) => ok(api.POST('/api/reporting/initiatives', { body }));
export const updateInitiative = (id: string, body: InitiativeFields) => ok(api.PUT('/api/reporting/initiatives/{id}', { ...onId(id), body }));
