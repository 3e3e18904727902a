import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, nonEmpty, ok, type BodyOf, type ResponseOf } from '../api.js';

// The committee's register as the contract describes it (src/governance/views.ts and routes.ts).

export type CaseRow = ResponseOf<'/api/governance/cases'>['cases'][number];
export type CaseType = CaseRow['type'];
export type CaseStatus = CaseRow['status'];
export type CaseOutcome = NonNullable<CaseRow['outcome']>;
export type CaseDetail = ResponseOf<'/api/governance/cases/{id}'>;
export type Memo = NonNullable<CaseDetail['memo']>;
export type Recipient = Memo['sendTo'][number];
export type CaseDocument = CaseDetail['documents'][number];
export type MeetingRow = ResponseOf<'/api/governance/meetings'>['meetings'][number];
export type Meeting = ResponseOf<'/api/governance/meetings/{id}'>;
export type Item = Meeting['items'][number];
export type DelegatedDecision = ResponseOf<'/api/governance/delegated-decisions'>['decisions'][number];
export type Action = ResponseOf<'/api/governance/actions'>['actions'][number];
export type ActionStatus = Action['status'];
export type AuditQuestion = ResponseOf<'/api/governance/cases/{id}/audit-questions'>['questions'][number];
export type Assessment = AuditQuestion['assessment'];
export type SearchHit = ResponseOf<'/api/governance/search'>['hits'][number];
export type PublicCase = ResponseOf<'/api/governance/public/cases/{id}'>;
/** The search form's fields: blank means any. */
export interface Filters {
  q?: string;
  type?: CaseType | '';
  year?: string;
  status?: CaseStatus | '';
}

// Display orders of the contract's enums; the type checker holds each list to the contract.
export const CASE_TYPES = ['citizen_proposal', 'motion', 'consultation', 'procurement_initiation', 'award_decision', 'plan', 'audit_report', 'delegated_decision', 'information'] as const satisfies readonly CaseType[];
export const CASE_STATUSES = ['registered', 'in_preparation', 'ready', 'on_agenda', 'decided', 'closed'] as const satisfies readonly CaseStatus[];
export const ACTION_STATUSES = ['planned', 'started', 'ongoing', 'done'] as const satisfies readonly ActionStatus[];
export const ASSESSMENTS = ['met', 'partly_met', 'not_met'] as const satisfies readonly Assessment[];
export const MEMO_TEXT_SECTIONS = ['summary', 'background', 'assessment', 'environment', 'children', 'genderEquality', 'economy', 'followUp'] as const satisfies readonly (keyof Memo)[];
export type MemoTextSection = (typeof MEMO_TEXT_SECTIONS)[number];

const keys = { all: ['governance'] as const };
/** The filters as query parameters: blanks left out, the year a number. */
const filterQuery = (f: Filters) => nonEmpty({ type: f.type, status: f.status, year: f.year ? Number(f.year) : undefined });
const onId = (id: string) => ({ params: { path: { id } } });

export const useCases = (f: Filters) =>
  useQuery({ queryKey: [...keys.all, 'cases', f], queryFn: ({ signal }) => ok(api.GET('/api/governance/cases', { params: { query: filterQuery(f) }, signal })) });
export const useCase = (id: string) => useQuery({ queryKey: [...keys.all, 'case', id], queryFn: ({ signal }) => ok(api.GET('/api/governance/cases/{id}', { ...onId(id), signal })) });
// Not cancelled when the agenda form goes away (the minutes were just checked): a short list, let it finish.
export const useReadyCases = () => useQuery({ queryKey: [...keys.all, 'ready'], queryFn: () => ok(api.GET('/api/governance/cases/ready')) });
export const useMeetings = () => useQuery({ queryKey: [...keys.all, 'meetings'], queryFn: ({ signal }) => ok(api.GET('/api/governance/meetings', { signal })) });
export const useMeeting = (id: string) => useQuery({ queryKey: [...keys.all, 'meeting', id], queryFn: ({ signal }) => ok(api.GET('/api/governance/meetings/{id}', { ...onId(id), signal })) });
export const useDelegatedDecisions = () => useQuery({ queryKey: [...keys.all, 'delegated'], queryFn: ({ signal }) => ok(api.GET('/api/governance/delegated-decisions', { signal })) });
export const useOverdue = () => useQuery({ queryKey: [...keys.all, 'overdue'], queryFn: ({ signal }) => ok(api.GET('/api/governance/actions', { params: { query: { overdue: 'true' } }, signal })) });
export const useCaseActions = (caseId: string) =>
  useQuery({ queryKey: [...keys.all, 'actions', caseId], queryFn: ({ signal }) => ok(api.GET('/api/governance/actions', { params: { query: { caseId } }, signal })) });
export const useAuditQuestions = (caseId: string) =>
  useQuery({ queryKey: [...keys.all, 'questions', caseId], queryFn: ({ signal }) => ok(api.GET('/api/governance/cases/{id}/audit-questions', { ...onId(caseId), signal })) });
export const useSearch = (f: Filters) =>
  useQuery({
    queryKey: [...keys.all, 'search', f],
    enabled: !!f.q,
    queryFn: ({ signal }) => ok(api.GET('/api/governance/search', { params: { query: { ...filterQuery(f), q: f.q ?? '' } }, signal })),
  });
export const usePublicCases = (f: Filters) =>
  useQuery({
    queryKey: [...keys.all, 'public', f],
    queryFn: ({ signal }) => ok(api.GET('/api/governance/public/cases', { params: { query: { ...filterQuery(f), ...nonEmpty({ q: f.q }) } }, signal })),
  });
export const usePublicCase = (id: string) => useQuery({ queryKey: [...keys.all, 'public-case', id], queryFn: ({ signal }) => ok(api.GET('/api/governance/public/cases/{id}', { ...onId(id), signal })) });

/** A document's text (a secret one only to those with the right; the release is audited). */
export const readDocument = async (id: string) => (await ok(api.GET('/api/governance/documents/{id}', onId(id)))).body;

/** A write whose answer replaces what is shown; everything of the area is fetched again after it. */
function useGovernanceWrite<I, O>(request: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => client.invalidateQueries({ queryKey: keys.all }) });
}

export const useRegisterCase = () => useGovernanceWrite((body: BodyOf<'/api/governance/cases'>) => ok(api.POST('/api/governance/cases', { body })));
export const useSaveMemo = (caseId: string) =>
  useGovernanceWrite((body: BodyOf<'/api/governance/cases/{id}/memo', 'put'>) => ok(api.PUT('/api/governance/cases/{id}/memo', { ...onId(caseId), body })));
export const useAddDocument = (caseId: string) =>
  useGovernanceWrite((body: BodyOf<'/api/governance/cases/{id}/documents'>) => ok(api.POST('/api/governance/cases/{id}/documents', { ...onId(caseId), body })));
export const useCreateMeeting = () => useGovernanceWrite((body: BodyOf<'/api/governance/meetings'>) => ok(api.POST('/api/governance/meetings', { body })));
export const useAddAgendaItem = (meetingId: string) =>
  useGovernanceWrite((body: BodyOf<'/api/governance/meetings/{id}/items'>) => ok(api.POST('/api/governance/meetings/{id}/items', { ...onId(meetingId), body })));
export const useRecordDecision = (itemId: string) =>
  useGovernanceWrite((body: BodyOf<'/api/governance/items/{id}/decision', 'put'>) => ok(api.PUT('/api/governance/items/{id}/decision', { ...onId(itemId), body })));
export const useSignMinutes = (meetingId: string) =>
  useGovernanceWrite((body: BodyOf<'/api/governance/meetings/{id}/signatures'>) => ok(api.POST('/api/governance/meetings/{id}/signatures', { ...onId(meetingId), body })));
export const usePostMinutes = (meetingId: string) =>
  useGovernanceWrite((body: BodyOf<'/api/governance/meetings/{id}/posting'>) => ok(api.POST('/api/governance/meetings/{id}/posting', { ...onId(meetingId), body })));
export const useAddCorrection = (meetingId: string) =>
  useGovernanceWrite((body: BodyOf<'/api/governance/meetings/{id}/corrections'>) => ok(api.POST('/api/governance/meetings/{id}/corrections', { ...onId(meetingId), body })));
export const useRegisterDelegated = () => useGovernanceWrite((body: BodyOf<'/api/governance/delegated-decisions'>) => ok(api.POST('/api/governance/delegated-decisions', { body })));
export const useAddAction = (caseId: string) =>
  useGovernanceWrite((body: BodyOf<'/api/governance/cases/{id}/actions'>) => ok(api.POST('/api/governance/cases/{id}/actions', { ...onId(caseId), body })));
export const useUpdateAction = () =>
  useGovernanceWrite(({ id, ...body }: { id: string } & BodyOf<'/api/governance/actions/{id}', 'patch'>) => ok(api.PATCH('/api/governance/actions/{id}', { ...onId(id), body })));
export const useRequestStatus = () => useGovernanceWrite((body: BodyOf<'/api/governance/actions/status-requests'>) => ok(api.POST('/api/governance/actions/status-requests', { body })));
export const useAddAuditQuestion = (caseId: string) =>
  useGovernanceWrite((body: BodyOf<'/api/governance/cases/{id}/audit-questions'>) => ok(api.POST('/api/governance/cases/{id}/audit-questions', { ...onId(caseId), body })));
