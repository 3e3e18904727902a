import { z } from 'zod';
import { initiativeMeasures, initiativeReaches, initiativeStatuses, returnStatuses, roundKinds } from './model.js';
import { TemplateContent, trafficLights } from './template.js';

// What the reporting routes answer: the contract the web UI is typed by (web/src/contract). The serializer
// keeps only the keys named here, so each view lists every field its service returns. Stored templates were
// checked by TemplateContent when they were written, so the same schema describes them on the way out.

const stamp = { createdBy: z.string(), createdAt: z.string() };
export const OrganisationsView = z.object({ organisations: z.array(z.object({ code: z.string(), kind: z.enum(['region', 'rss']), name: z.string(), regionId: z.string() })) });
export const AgreementView = z.object({ id: z.string(), name: z.string(), description: z.string().nullable(), createdAt: z.string() });
export const TemplateVersionView = z.object({ id: z.string(), templateId: z.string(), version: z.number(), digest: z.string(), content: TemplateContent, ...stamp });
export const TemplatesView = z.object({ templates: z.array(z.object({ id: z.string(), name: z.string(), versions: z.array(z.object({ id: z.string(), version: z.number(), ...stamp })) })) });

const phase = z.enum(['upcoming', 'open', 'late']);
export const RoundView = z.object({
  id: z.string(),
  agreementId: z.string(),
  name: z.string(),
  kind: z.enum(roundKinds),
  periodFrom: z.string(),
  periodTo: z.string(),
  opensOn: z.string(),
  deadline: z.string(),
  phase,
  templateVersionId: z.string(),
  organisations: z.array(z.string()),
  publishedAt: z.string().nullable(),
  publishedBy: z.string().nullable(),
});
const returnStatus = z.enum([...returnStatuses, 'not_started']);
const ReturnSummary = z.object({ organisation: z.string(), name: z.string(), status: returnStatus, submittedAt: z.string().nullable(), receivedAt: z.string().nullable() });
export const RoundsView = z.object({ rounds: z.array(RoundView.extend({ returns: z.array(ReturnSummary) })) });
export const RoundDetailView = RoundView.extend({ returns: z.array(ReturnSummary), template: TemplateVersionView });

export const ReturnView = z.object({
  roundId: z.string(),
  roundName: z.string(),
  deadline: z.string(),
  phase,
  organisation: z.object({ code: z.string(), name: z.string(), kind: z.enum(['region', 'rss']) }),
  template: TemplateVersionView,
  status: returnStatus,
  locked: z.boolean(),
  submission: z.number(),
  submittedAt: z.string().nullable(),
  reopenReason: z.string().nullable(),
  receivedAt: z.string().nullable(),
  answers: z.array(z.object({ questionId: z.string(), value: z.unknown(), version: z.number(), prefilledFrom: z.string().nullable(), updatedBy: z.string(), updatedAt: z.string() })),
  missing: z.array(z.object({ questionId: z.string(), label: z.string() })),
  events: z.array(z.object({ kind: z.string(), note: z.string().nullable(), missing: z.array(z.string()).nullable(), by: z.string(), at: z.string() })),
});
export const PrefillView = z.object({ filled: z.array(z.string()), view: ReturnView });
export const HistoryView = z.object({ versions: z.array(z.object({ questionId: z.string(), version: z.number(), value: z.unknown(), changedBy: z.string(), changedAt: z.string() })) });

const Organisation = { organisation: z.string(), name: z.string() };
const initiativeStatus = z.enum(initiativeStatuses);
export const ReportView = z.object({
  round: RoundView,
  templateName: z.string().nullable(),
  submitted: z.number(),
  expected: z.number(),
  notSubmitted: z.array(z.object(Organisation)),
  trafficLights: z.array(
    z.object({
      questionId: z.string(),
      label: z.string(),
      sentence: z.string(),
      counts: z.object({ green: z.number(), yellow: z.number(), red: z.number() }),
      reasons: z.array(z.object({ ...Organisation, light: z.enum(trafficLights), motivation: z.string() })),
      unanswered: z.array(z.object(Organisation)),
    }),
  ),
  tables: z.array(z.object({ id: z.string(), title: z.string(), header: z.array(z.string()), rows: z.array(z.array(z.union([z.string(), z.number()]).nullable())) })),
  choices: z.array(z.object({ questionId: z.string(), label: z.string(), counts: z.array(z.object({ key: z.string(), label: z.string(), organisations: z.number() })) })),
  initiativeCounts: z.object({
    statuses: z.array(z.object({ status: initiativeStatus, label: z.string() })),
    rows: z.array(z.object({ developmentArea: z.string(), counts: z.record(initiativeStatus, z.number()), total: z.number() })),
    total: z.number(),
  }),
  freeText: z.array(z.object({ questionId: z.string(), label: z.string(), answers: z.array(z.object({ ...Organisation, text: z.string() })) })),
  pages: z.array(
    z.object({
      ...Organisation,
      receivedAt: z.string(),
      sections: z.array(z.object({ title: z.string(), answers: z.array(z.object({ questionId: z.string(), label: z.string(), text: z.string() })) })),
      initiatives: z.array(z.object({ title: z.string(), developmentArea: z.string(), status: z.string() })),
    }),
  ),
});

export const InitiativeView = z.object({
  id: z.string(),
  agreementId: z.string(),
  organisation: z.string(),
  organisationName: z.string(),
  title: z.string(),
  developmentArea: z.string(),
  focusArea: z.string(),
  targetGroup: z.string(),
  status: initiativeStatus,
  reach: z.enum(initiativeReaches),
  participants: z.array(z.string()),
  privateProviders: z.enum(['yes', 'no']),
  measured: z.enum(initiativeMeasures),
  genderPerspective: z.string().nullable(),
  version: z.number(),
  updatedBy: z.string(),
  updatedAt: z.string(),
  statusHistory: z.array(z.object({ status: initiativeStatus, roundId: z.string().nullable(), changedBy: z.string(), changedAt: z.string() })),
});
export const InitiativeCountsView = z.object({
  agreementId: z.string(),
  rows: z.array(z.object({ developmentArea: z.string(), status: initiativeStatus, initiatives: z.number(), regionWide: z.number(), privateProviders: z.number(), effectMeasured: z.number(), organisations: z.number() })),
});

const figure = z.number().nullable();
/** A week not delivered is missing (every figure null), not zero. */
export const NationalWeeklyView = z.object({
  weeks: z.array(z.string()),
  regions: z.array(
    z.object({
      regionId: z.string(),
      name: z.string(),
      weeks: z.array(z.object({ week: z.string(), delivered: z.boolean(), receivedAt: z.string().nullable(), tests: figure, positive: figure, capacity: figure, cases: figure, medianHoursToFirstContact: figure, coverageDose1: figure })),
    }),
  ),
});
export const SentAggregatesView = z.object({ sent: z.array(z.object({ week: z.string(), version: z.number(), sentAt: z.string(), receivedAt: z.string().nullable() })) });

// Signed submissions between a region's instance and the nation.
export const RegionKeyView = z.object({ regionId: z.string(), keyId: z.string(), publicKey: z.string() });
export const TrustedKeysView = z.object({ keys: z.array(z.object({ regionId: z.string(), keyId: z.string(), registeredBy: z.string(), registeredAt: z.string() })) });
export const ReceivedView = z.object({
  received: z.array(z.object({ regionId: z.string(), organisation: z.string(), submission: z.number(), keyId: z.string(), digest: z.string(), receivedAt: z.string() })),
  refused: z.array(z.object({ regionId: z.string(), reason: z.string(), digest: z.string(), receivedAt: z.string() })),
});
export const ReceiptView = z.object({ receiptId: z.string(), receivedAt: z.string(), digest: z.string() });
export const ReopensView = z.object({ reopens: z.array(z.object({ roundId: z.string(), organisation: z.string(), submission: z.number(), reason: z.string(), by: z.string(), at: z.string() })) });
/** The service answers null only to the housekeeping job that sends a week once; this route always sends. */
export const SentWeekView = z.object({ regionId: z.string(), week: z.string(), version: z.number() }).nullable();
