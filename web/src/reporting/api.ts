import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../api.js';

/** The shapes of /api/reporting (src/reporting/routes.ts). */

export type TrafficLight = 'green' | 'yellow' | 'red';
export type QuestionKind = 'text' | 'number' | 'table' | 'traffic_light' | 'single_choice' | 'multiple_choice' | 'date' | 'initiatives';
export interface Option {
  key: string;
  label: string;
}
export interface Question {
  id: string;
  kind: QuestionKind;
  label: string;
  help?: string;
  mandatory: boolean;
  maxLength?: number;
  unit?: string;
  definition?: string;
  min?: number;
  max?: number;
  integer?: boolean;
  prefill?: string;
  rows?: Option[];
  columns?: (Option & { unit?: string })[];
  options?: Option[];
  developmentArea?: string;
}
export interface Section {
  id: string;
  title: string;
  help?: string;
  questions: Question[];
}
export interface TemplateContent {
  intro?: string;
  sections: Section[];
}
export interface TemplateVersion {
  id: string;
  templateId: string;
  version: number;
  digest: string;
  content: TemplateContent;
  createdBy: string;
  createdAt: string;
}
export interface TemplateSummary {
  id: string;
  name: string;
  versions: { id: string; version: number; createdBy: string; createdAt: string }[];
}
export interface Agreement {
  id: string;
  name: string;
  description: string | null;
}
export interface Organisation {
  code: string;
  kind: 'region' | 'rss';
  name: string;
  regionId: string;
}
export type ReturnStatus = 'not_started' | 'draft' | 'submitted' | 'reopened';
export interface RoundSummary {
  id: string;
  agreementId: string;
  name: string;
  kind: 'monthly' | 'quarterly' | 'partial' | 'final';
  periodFrom: string;
  periodTo: string;
  opensOn: string;
  deadline: string;
  phase: 'upcoming' | 'open' | 'late';
  templateVersionId: string;
  publishedAt: string | null;
  returns: { organisation: string; name: string; status: ReturnStatus; submittedAt: string | null; receivedAt: string | null }[];
}
export interface Answer {
  questionId: string;
  value: unknown;
  version: number;
  prefilledFrom: string | null;
  updatedBy: string;
  updatedAt: string;
}
export interface ReturnView {
  roundId: string;
  roundName: string;
  deadline: string;
  phase: RoundSummary['phase'];
  organisation: { code: string; name: string; kind: string };
  template: TemplateVersion;
  status: ReturnStatus;
  locked: boolean;
  submission: number;
  submittedAt: string | null;
  reopenReason: string | null;
  receivedAt: string | null;
  answers: Answer[];
  missing: { questionId: string; label: string }[];
  events: { kind: string; note: string | null; missing: string[] | null; by: string; at: string }[];
}
export interface ReportTable {
  id: string;
  title: string;
  header: string[];
  rows: (string | number | null)[][];
}
export interface RoundReport {
  round: RoundSummary;
  submitted: number;
  expected: number;
  notSubmitted: { organisation: string; name: string }[];
  trafficLights: { questionId: string; label: string; sentence: string; counts: Record<TrafficLight, number>; reasons: { organisation: string; name: string; light: TrafficLight; motivation: string }[] }[];
  tables: ReportTable[];
  choices: { questionId: string; label: string; counts: { key: string; label: string; organisations: number }[] }[];
  initiativeCounts: { statuses: { status: string; label: string }[]; rows: { developmentArea: string; counts: Record<string, number>; total: number }[]; total: number };
  freeText: { questionId: string; label: string; answers: { organisation: string; name: string; text: string }[] }[];
  pages: { organisation: string; name: string; receivedAt: string; sections: { title: string; answers: { questionId: string; label: string; text: string }[] }[]; initiatives: { title: string; developmentArea: string; status: string }[] }[];
}
export interface Initiative {
  id: string;
  agreementId: string;
  organisation: string;
  organisationName: string;
  title: string;
  developmentArea: string;
  focusArea: string;
  targetGroup: string;
  status: 'planned' | 'started' | 'ongoing' | 'completed';
  reach: 'project' | 'region_wide';
  participants: string[];
  privateProviders: 'yes' | 'no';
  measured: 'none' | 'output' | 'effect';
  genderPerspective: string | null;
  version: number;
  statusHistory: { status: string; roundId: string | null; changedBy: string; changedAt: string }[];
}

const KEY = 'reporting';
const invalidateAll = (qc: ReturnType<typeof useQueryClient>) => () => void qc.invalidateQueries({ queryKey: [KEY] });

export const useOrganisations = () => useQuery({ queryKey: [KEY, 'organisations'], queryFn: ({ signal }) => apiFetch<{ organisations: Organisation[] }>('/api/reporting/organisations', { signal }) });
export const useAgreements = () => useQuery({ queryKey: [KEY, 'agreements'], queryFn: ({ signal }) => apiFetch<{ agreements: Agreement[] }>('/api/reporting/agreements', { signal }) });
export const useTemplates = () => useQuery({ queryKey: [KEY, 'templates'], queryFn: ({ signal }) => apiFetch<{ templates: TemplateSummary[] }>('/api/reporting/templates', { signal }) });
export const useTemplateVersion = (id: string | null) =>
  useQuery({ queryKey: [KEY, 'template-version', id], queryFn: ({ signal }) => apiFetch<TemplateVersion>(`/api/reporting/template-versions/${id}`, { signal }), enabled: !!id });
export const useRounds = () => useQuery({ queryKey: [KEY, 'rounds'], queryFn: ({ signal }) => apiFetch<{ rounds: RoundSummary[] }>('/api/reporting/rounds', { signal }) });
export const useRound = (id: string) => useQuery({ queryKey: [KEY, 'round', id], queryFn: ({ signal }) => apiFetch<RoundSummary & { template: TemplateVersion }>(`/api/reporting/rounds/${id}`, { signal }) });
export const useReturn = (roundId: string, organisation: string) =>
  useQuery({ queryKey: [KEY, 'return', roundId, organisation], queryFn: ({ signal }) => apiFetch<ReturnView>(`/api/reporting/rounds/${roundId}/returns/${organisation}`, { signal }) });
export const useReport = (roundId: string) => useQuery({ queryKey: [KEY, 'report', roundId], queryFn: ({ signal }) => apiFetch<RoundReport>(`/api/reporting/rounds/${roundId}/report`, { signal }) });
export const useInitiatives = (agreementId: string | null) =>
  useQuery({ queryKey: [KEY, 'initiatives', agreementId], queryFn: ({ signal }) => apiFetch<{ initiatives: Initiative[] }>(withQuery('/api/reporting/initiatives', { agreementId }), { signal }), enabled: !!agreementId });

/** One mutation helper: any change under /api/reporting refreshes every reporting query. */
export function useReportingMutation<I, O>(request: (input: I) => Promise<O>) {
  const qc = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: invalidateAll(qc) });
}

export const post = <O,>(path: string, body?: unknown) => apiFetch<O>(path, { method: 'POST', ...(body === undefined ? {} : { body }) });
export const put = <O,>(path: string, body: unknown) => apiFetch<O>(path, { method: 'PUT', body });
