import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../api.js';

/** The committee's register as the server describes it (src/governance/routes.ts). */

export const CASE_TYPES = ['citizen_proposal', 'motion', 'consultation', 'procurement_initiation', 'award_decision', 'plan', 'audit_report', 'delegated_decision', 'information'] as const;
export type CaseType = (typeof CASE_TYPES)[number];
export const CASE_STATUSES = ['registered', 'in_preparation', 'ready', 'on_agenda', 'decided', 'closed'] as const;
export type CaseStatus = (typeof CASE_STATUSES)[number];
export type CaseOutcome = 'answered' | 'granted' | 'rejected' | 'approved' | 'deemed_answered' | 'referred_back';
export const MEMO_TEXT_SECTIONS = ['summary', 'background', 'assessment', 'environment', 'children', 'genderEquality', 'economy', 'followUp'] as const;
export type MemoTextSection = (typeof MEMO_TEXT_SECTIONS)[number];

export interface Recipient {
  name: string;
  email: string;
}

export interface CaseRow {
  id: string;
  caseNumber: string;
  type: CaseType;
  title: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  receivedOn: string;
}

export type Memo = { rapporteur: string | null; proposal: string[]; supportingDocuments: string[]; sendTo: Recipient[] } & Record<MemoTextSection, string | null>;

export interface CaseDocument {
  id: string;
  title: string;
  registeredOn: string;
  secret: boolean;
  secrecyGround: string | null;
}

export interface CaseDetail extends CaseRow {
  caseOfficer: string | null;
  unit: string | null;
  senderReference: string | null;
  answerBy: string | null;
  proposer: { name: string; email: string | null; publishName: boolean } | null;
  path: { body: string; event: string; occurredOn: string }[];
  documents: CaseDocument[];
  memo: Memo | null;
  missingSections: string[];
}

export interface Item {
  id: string;
  position: number;
  caseId: string | null;
  caseNumber: string | null;
  title: string;
  rapporteur: string | null;
  proposal: string[];
  decision: string[] | null;
  outcome: CaseOutcome | null;
  extracts: { recipient: string; email: string; sentAt: string }[];
}

export interface Meeting {
  id: string;
  body: string;
  heldOn: string;
  startsAt: string;
  place: string;
  chair: string;
  checkers: string[];
  checkDeadline: string;
  minutes: { checkedAt: string | null; lateReason: string | null; postedOn: string | null; appealFrom: string | null; appealUntil: string | null; signatures: { signer: string; signedAt: string }[]; corrections: { id: string; text: string }[] };
  items: Item[];
  reportedDecisions: { id: string; caseNumber: string; title: string; delegate: string; decidedOn: string }[];
}

export interface MeetingRow {
  id: string;
  body: string;
  heldOn: string;
  place: string;
  checkedAt: string | null;
  postedOn: string | null;
}

export interface SearchHit {
  kind: 'case' | 'memo' | 'decision' | 'minutes' | 'document';
  id: string;
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  type: CaseType;
  status: CaseStatus;
  title: string;
  snippet: string;
}

export interface Action {
  id: string;
  caseNumber: string;
  caseTitle: string;
  title: string;
  owner: string;
  timeFrame: string | null;
  dueOn: string;
  status: string;
  overdue: boolean;
}

export interface PublicCase {
  id: string;
  caseNumber: string;
  type: CaseType;
  title: string;
  receivedOn: string;
  status: CaseStatus;
  outcome: CaseOutcome | null;
  proposer: { name: string | null; published: boolean } | null;
  path: { body: string; event: string; occurredOn: string }[];
  memo: (Omit<Memo, 'sendTo'> & { sendTo: { name: string }[] }) | null;
  decisions: { body: string; heldOn: string; position: number; decision: string[]; postedOn: string | null; appealUntil: string | null }[];
  documents: { id: string; registeredOn: string; secret: boolean; secrecyGround: string | null; title: string | null; body: string | null }[];
}

export interface Filters {
  q?: string;
  type?: CaseType | '';
  year?: string;
  status?: CaseStatus | '';
}

const keys = { all: ['governance'] as const };

export const useCases = (f: Filters) =>
  useQuery({ queryKey: [...keys.all, 'cases', f], queryFn: ({ signal }) => apiFetch<{ cases: CaseRow[] }>(withQuery('/api/governance/cases', { type: f.type, year: f.year, status: f.status }), { signal }) });
export const useCase = (id: string) => useQuery({ queryKey: [...keys.all, 'case', id], queryFn: ({ signal }) => apiFetch<CaseDetail>(`/api/governance/cases/${id}`, { signal }) });
// Not cancelled when the agenda form goes away (the minutes were just checked): a short list, let it finish.
export const useReadyCases = () => useQuery({ queryKey: [...keys.all, 'ready'], queryFn: () => apiFetch<{ cases: CaseRow[] }>('/api/governance/cases/ready') });
export const useMeetings = () => useQuery({ queryKey: [...keys.all, 'meetings'], queryFn: ({ signal }) => apiFetch<{ meetings: MeetingRow[] }>('/api/governance/meetings', { signal }) });
export const useMeeting = (id: string) => useQuery({ queryKey: [...keys.all, 'meeting', id], queryFn: ({ signal }) => apiFetch<Meeting>(`/api/governance/meetings/${id}`, { signal }) });
export const useOverdue = () => useQuery({ queryKey: [...keys.all, 'overdue'], queryFn: ({ signal }) => apiFetch<{ actions: Action[] }>('/api/governance/actions?overdue=true', { signal }) });
export const useSearch = (f: Filters) =>
  useQuery({
    queryKey: [...keys.all, 'search', f],
    enabled: !!f.q,
    queryFn: ({ signal }) => apiFetch<{ hits: SearchHit[] }>(withQuery('/api/governance/search', { q: f.q, type: f.type, year: f.year, status: f.status }), { signal }),
  });
export const usePublicCases = (f: Filters) =>
  useQuery({
    queryKey: [...keys.all, 'public', f],
    queryFn: ({ signal }) => apiFetch<{ hits: SearchHit[]; cases: CaseRow[] }>(withQuery('/api/governance/public/cases', { q: f.q, type: f.type, year: f.year, status: f.status }), { signal }),
  });
export const usePublicCase = (id: string) => useQuery({ queryKey: [...keys.all, 'public-case', id], queryFn: ({ signal }) => apiFetch<PublicCase>(`/api/governance/public/cases/${id}`, { signal }) });

/** A write whose answer replaces what is shown; everything of the area is fetched again after it. */
export function useGovernanceWrite<I, O>(method: 'POST' | 'PUT' | 'PATCH', path: (input: I) => string, body: (input: I) => unknown = (i) => i) {
  const client = useQueryClient();
  return useMutation({
    mutationFn: (input: I) => apiFetch<O>(path(input), { method, body: body(input) }),
    onSuccess: () => client.invalidateQueries({ queryKey: keys.all }),
  });
}
