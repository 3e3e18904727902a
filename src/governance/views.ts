import { z } from 'zod';
import { actionSources, actionStatuses, assessments, bodies, caseOutcomes, caseStatuses, caseTypes } from './model.js';
import { memoSections } from './rules.js';

// What the governance routes answer: the contract the web UI is typed by (web/src/contract). The serializer
// keeps only the keys named here, so each view lists every field its service returns.

const caseType = z.enum(caseTypes);
const caseStatus = z.enum(caseStatuses);
const outcome = z.enum(caseOutcomes).nullable();
const PathStep = z.object({ body: z.enum(bodies), event: z.string(), occurredOn: z.string() });
const MemoTexts = {
  rapporteur: z.string().nullable(),
  proposal: z.array(z.string()),
  summary: z.string().nullable(),
  background: z.string().nullable(),
  assessment: z.string().nullable(),
  environment: z.string().nullable(),
  children: z.string().nullable(),
  genderEquality: z.string().nullable(),
  economy: z.string().nullable(),
  followUp: z.string().nullable(),
  supportingDocuments: z.array(z.string()),
  updatedAt: z.string(),
};

export const SettingsView = z.object({ caseNumberFormat: z.string() });

export const CaseRowsView = z.object({
  cases: z.array(z.object({ id: z.string(), caseNumber: z.string(), type: caseType, title: z.string(), status: caseStatus, outcome, receivedOn: z.string(), answerBy: z.string().nullable(), caseOfficer: z.string().nullable(), hasMemo: z.boolean() })),
});
export const ReadyCasesView = z.object({ cases: z.array(z.object({ id: z.string(), caseNumber: z.string(), type: caseType, title: z.string(), rapporteur: z.string().nullable() })) });

export const DocumentRowView = z.object({ id: z.string(), title: z.string(), registeredOn: z.string(), secret: z.boolean(), secrecyGround: z.string().nullable() });
export const DocumentView = DocumentRowView.extend({ caseId: z.string(), body: z.string() });

export const CaseView = z.object({
  id: z.string(),
  caseNumber: z.string(),
  type: caseType,
  title: z.string(),
  caseOfficer: z.string().nullable(),
  unit: z.string().nullable(),
  receivedOn: z.string(),
  senderReference: z.string().nullable(),
  answerBy: z.string().nullable(),
  proposer: z.object({ name: z.string(), email: z.string().nullable(), publishName: z.boolean() }).nullable(),
  status: caseStatus,
  outcome,
  registeredBy: z.string(),
  path: z.array(PathStep),
  documents: z.array(DocumentRowView),
  memo: z.object({ ...MemoTexts, sendTo: z.array(z.object({ name: z.string(), email: z.string() })) }).nullable(),
  missingSections: z.array(z.enum(memoSections)),
  meetings: z.array(z.object({ itemId: z.string(), meetingId: z.string(), heldOn: z.string(), body: z.string(), position: z.number(), decision: z.array(z.string()).nullable() })),
});

const DelegatedDecisionView = z.object({ id: z.string(), caseId: z.string(), caseNumber: z.string(), title: z.string(), delegate: z.string(), delegationPoint: z.string(), decidedOn: z.string(), summary: z.string() });
export const DelegatedDecisionsView = z.object({ decisions: z.array(DelegatedDecisionView) });

export const MeetingView = z.object({
  id: z.string(),
  body: z.string(),
  heldOn: z.string(),
  startsAt: z.string(),
  place: z.string(),
  chair: z.string(),
  checkers: z.array(z.string()),
  checkDeadline: z.string(),
  minutes: z.object({
    checkedAt: z.string().nullable(),
    lateReason: z.string().nullable(),
    postedOn: z.string().nullable(),
    appealFrom: z.string().nullable(),
    appealUntil: z.string().nullable(),
    signatures: z.array(z.object({ signer: z.string(), signedAt: z.string() })),
    corrections: z.array(z.object({ id: z.string(), itemId: z.string().nullable(), text: z.string(), recordedBy: z.string(), recordedAt: z.string() })),
  }),
  items: z.array(
    z.object({
      id: z.string(),
      position: z.number(),
      caseId: z.string().nullable(),
      caseNumber: z.string().nullable(),
      caseType: caseType.nullable(),
      title: z.string(),
      rapporteur: z.string().nullable(),
      time: z.string().nullable(),
      proposal: z.array(z.string()),
      supportingDocuments: z.array(z.string()),
      decision: z.array(z.string()).nullable(),
      votes: z.object({ yes: z.number(), no: z.number(), abstain: z.number() }).nullable(),
      reservations: z.array(z.object({ member: z.string(), text: z.string() })),
      conflicts: z.array(z.string()),
      outcome,
      extracts: z.array(z.object({ recipient: z.string(), email: z.string(), sentAt: z.string() })),
    }),
  ),
  reportedDecisions: z.array(DelegatedDecisionView),
});
export const MeetingRowsView = z.object({
  meetings: z.array(z.object({ id: z.string(), body: z.string(), heldOn: z.string(), startsAt: z.string(), place: z.string(), checkedAt: z.string().nullable(), postedOn: z.string().nullable() })),
});

export const ActionView = z.object({
  id: z.string(),
  caseId: z.string(),
  source: z.enum(actionSources),
  title: z.string(),
  owner: z.string(),
  ownerEmail: z.string().nullable(),
  timeFrame: z.string().nullable(),
  dueOn: z.string(),
  status: z.enum(actionStatuses),
  statusNote: z.string().nullable(),
  statusRequestedAt: z.string().nullable(),
  overdue: z.boolean(),
});
export const ActionsView = z.object({ today: z.string(), actions: z.array(ActionView.extend({ caseNumber: z.string(), caseTitle: z.string() })) });
export const AuditQuestionView = z.object({ id: z.string(), question: z.string(), assessment: z.enum(assessments), reply: z.string().nullable() });

const SearchHitView = z.object({
  kind: z.enum(['case', 'memo', 'decision', 'minutes', 'document']),
  id: z.string(),
  caseId: z.string(),
  caseNumber: z.string(),
  caseTitle: z.string(),
  type: caseType,
  status: caseStatus,
  year: z.number(),
  title: z.string(),
  rank: z.number(),
  /** The best passages, matches between « and ». */
  snippet: z.string(),
});
export const StaffSearchView = z.object({ visibility: z.enum(['staff', 'secret']), hits: z.array(SearchHitView) });
/** A search gives hits and no cases; no search gives the register's cases. */
export const PublicCasesView = z.object({
  hits: z.array(SearchHitView),
  cases: z.array(z.object({ id: z.string(), caseNumber: z.string(), type: caseType, title: z.string(), status: caseStatus, outcome, receivedOn: z.string() })),
});
export const PublicCaseView = z.object({
  id: z.string(),
  caseNumber: z.string(),
  type: caseType,
  title: z.string(),
  receivedOn: z.string(),
  senderReference: z.string().nullable(),
  status: caseStatus,
  outcome,
  proposer: z.object({ name: z.string().nullable(), published: z.boolean() }).nullable(),
  path: z.array(PathStep),
  memo: z.object({ ...MemoTexts, sendTo: z.array(z.object({ name: z.string() })) }).nullable(),
  decisions: z.array(z.object({ body: z.string(), heldOn: z.string(), position: z.number(), decision: z.array(z.string()).nullable(), postedOn: z.string().nullable(), appealUntil: z.string().nullable() })),
  /** A secret document shows its ground and no title or text. */
  documents: z.array(z.object({ id: z.string(), registeredOn: z.string(), secret: z.boolean(), secrecyGround: z.string().nullable(), title: z.string().nullable(), body: z.string().nullable() })),
});
