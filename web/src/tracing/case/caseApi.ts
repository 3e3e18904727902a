import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch } from '../../api.js';
import type { QuestionnaireAnswers } from '../questionnaire/answers.js';
import { tracingKeys, type CaseStage, type Priority, type TracingCall } from '../tracingApi.js';

// ---------------------------------------------------------------------------
// Contract types: GET /api/tracing/cases/:id and the case's commands
// ---------------------------------------------------------------------------

export type InformedBy = 'system' | 'tracer' | 'index';
export type ContactRelation = 'household' | 'close';
export const CONTACT_STATUSES = ['named', 'informed', 'tested', 'positive', 'negative'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];
export type NoteKind = 'call' | 'advice' | 'journal';
export type NotificationStatus = 'queued' | 'sent' | 'failed';

export interface CaseDetail {
  id: string;
  personId: string;
  name: string;
  identityNumber: string;
  phone: string | null;
  priority: Priority;
  priorityReason: string;
  status: 'open' | 'closed';
  positiveTakenAt: string;
  openedAt: string;
  questionnaireDueAt: string | null;
  questionnaireSentAt: string | null;
  firstCallDueAt: string | null;
  firstCallAt: string | null;
  overdue: boolean;
  possibleReinfection: boolean;
  stage: CaseStage;
  unreachedCalls: number;
  callBackAt: string | null;
  /** When the case was raised to the coordinator (three unreached calls, or a refusal). */
  escalatedAt: string | null;
  classification: Classification;
  /** Null: confirmed by the positive that opened the case. */
  classifiedAt: string | null;
  classifiedByName: string | null;
  outcome: CaseOutcome | null;
  /** The tracer's, else the questionnaire's. */
  symptomOnset: string | null;
  noSymptoms: boolean;
  infectiousPeriod: InfectiousPeriod;
  assignedTo: string | null;
  assignedToName: string | null;
  /** Who tells the contacts outside the household; null until decided. */
  contactsInformedBy: 'index' | 'tracer' | null;
  severeIllness: boolean;
  closedAt: string | null;
}

export interface Contact {
  id: string;
  name: string;
  phone: string | null;
  relation: ContactRelation;
  context: string | null;
  exposureDate: string | null;
  personId: string | null;
  informedAt: string | null;
  informedBy: InformedBy | null;
  status: ContactStatus;
  testedAt: string | null;
  result: string | null;
  /** In the case file: exposed outside the index's infectious period. */
  outsideInfectiousPeriod?: boolean;
}

export const CLASSIFICATIONS = ['suspected', 'probable', 'confirmed', 'not_a_case'] as const;
export type Classification = (typeof CLASSIFICATIONS)[number];
export const CASE_OUTCOMES = ['recovering', 'recovered', 'hospitalised', 'deceased', 'unknown'] as const;
export type CaseOutcome = (typeof CASE_OUTCOMES)[number];

/** From symptom onset, or from the sampling day (provisionally while onset is not known), by the rule in force then. */
export interface InfectiousPeriod {
  from: string;
  to: string;
  basis: 'onset' | 'sample';
  provisional: boolean;
  ruleValidFrom: string;
}

export interface CaseClassification {
  classification: Classification;
  outcome: CaseOutcome | null;
  symptomOnset: string | null;
  noSymptoms: boolean;
}

export interface CaseNote {
  id: string;
  kind: NoteKind;
  text: string;
  advice: string[];
  authorName: string;
  createdAt: string;
}

export interface SmiNetNotification {
  status: NotificationStatus;
  createdAt: string;
  sentAt: string | null;
  /** SmiNet's reference once received. */
  reference: string | null;
  /** Why the last delivery failed. */
  error: string | null;
  document: unknown;
}

export interface AdviceOption {
  code: string;
  text: string;
}

export interface CaseQuestionnaire {
  answers: QuestionnaireAnswers;
  savedAt: string;
  submittedAt: string | null;
}

export interface CaseFile {
  case: CaseDetail;
  questionnaire: CaseQuestionnaire | null;
  contacts: Contact[];
  calls: TracingCall[];
  notes: CaseNote[];
  notification: SmiNetNotification | null;
  outbreaks: { id: string; label: string }[];
  sequencing: { reasons: string[]; variant: string | null } | null;
  adviceOptions: AdviceOption[];
}

export interface NewNote {
  kind: 'advice' | 'journal';
  text: string;
  advice?: string[];
}

export interface NewContact {
  name: string;
  phone?: string;
  identityNumber?: string;
  relation: ContactRelation;
  context?: string;
  exposureDate?: string;
}

export const SMINET_SETTINGS = ['unknown', 'household', 'school', 'workplace', 'care_home', 'health_care', 'association', 'event', 'travel'] as const;
export type SmiNetSetting = (typeof SMINET_SETTINGS)[number];

export interface SmiNetReport {
  /** ISO 3166 alpha-2, upper case. */
  likelyInfectionCountry: string;
  likelyInfectionPlace?: string;
  setting?: SmiNetSetting;
  comment?: string;
}

// ---------------------------------------------------------------------------
// Hooks
// ---------------------------------------------------------------------------

const casePath = (caseId: string, rest = '') => `/api/tracing/cases/${encodeURIComponent(caseId)}${rest}`;

export function useCaseFile(caseId: string) {
  return useQuery({
    queryKey: tracingKeys.case(caseId),
    queryFn: ({ signal }) => apiFetch<CaseFile>(casePath(caseId), { signal }),
    // Every read of the case is audited: refresh after actions, not behind the tracer's back.
    refetchOnWindowFocus: false,
  });
}

/** A command on the case (`POST /api/tracing/cases/:id/<path>`); the case file and the queue are read again when it succeeds. */
function useCaseCommand<Input, Output>(caseId: string, command: (input: Input) => { path: string; body: unknown }) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (input: Input) => {
      const { path, body } = command(input);
      return apiFetch<Output>(casePath(caseId, path), { method: 'POST', body });
    },
    onSuccess: () => {
      void queryClient.invalidateQueries({ queryKey: tracingKeys.case(caseId) });
      void queryClient.invalidateQueries({ queryKey: tracingKeys.queueAll });
    },
  });
}

export const useAddNote = (caseId: string) => useCaseCommand<NewNote, CaseNote>(caseId, (note) => ({ path: '/notes', body: note }));
export const useChooseContactsInformer = (caseId: string) =>
  useCaseCommand<'index' | 'tracer', unknown>(caseId, (by) => ({ path: '/contacts-informed-by', body: { by } }));
export const useAddContact = (caseId: string) => useCaseCommand<NewContact, Contact>(caseId, (contact) => ({ path: '/contacts', body: contact }));
export const useInformContact = (caseId: string) =>
  useCaseCommand<string, Contact>(caseId, (contactId) => ({ path: `/contacts/${encodeURIComponent(contactId)}/inform`, body: {} }));
export const useSetSevereIllness = (caseId: string) =>
  useCaseCommand<boolean, unknown>(caseId, (severeIllness) => ({ path: '/severity', body: { severeIllness } }));
export const useClassifyCase = (caseId: string) => useCaseCommand<CaseClassification, unknown>(caseId, (input) => ({ path: '/classification', body: input }));
export const useReportToSmiNet = (caseId: string) =>
  useCaseCommand<SmiNetReport, SmiNetNotification>(caseId, (report) => ({ path: '/sminet', body: report }));
export const useCloseCase = (caseId: string) => useCaseCommand<void, unknown>(caseId, () => ({ path: '/close', body: {} }));
