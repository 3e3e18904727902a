import { z } from 'zod';
import { day, phone, text } from '../platform/input/index.js';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import * as caseFile from './case-file.js';
import { caseStages } from './calls.js';
import { caseOutcomes, classifications } from './infectious-period.js';
import { adviceCodes } from './rules.js';
import { CallView } from './routes.js';
import { SminetInput } from './sminet.js';

const tags = ['tracing'];
const CaseParams = z.object({ id: z.uuid() });
const Contact = z.object({
  id: z.string(),
  caseId: z.string(),
  personId: z.string().nullable(),
  name: z.string(),
  phone: z.string().nullable(),
  relation: z.enum(['household', 'close']),
  context: z.string().nullable(),
  exposureDate: z.string().nullable(),
  informedAt: z.string().nullable(),
  informedBy: z.enum(['system', 'tracer', 'index']).nullable(),
  status: z.enum(['named', 'informed', 'tested', 'positive', 'negative']),
  testedAt: z.string().nullable(),
  result: z.string().nullable(),
});
const Note = z.object({ id: z.string(), kind: z.enum(['call', 'advice', 'journal']), text: z.string(), advice: z.array(z.string()), authorName: z.string(), createdAt: z.string() });
const Notification = z.object({
  status: z.enum(['queued', 'sent', 'failed']),
  createdAt: z.string(),
  sentAt: z.string().nullable(),
  reference: z.string().nullable(),
  error: z.string().nullable(),
  document: z.record(z.string(), z.unknown()),
});
const CaseFile = z.object({
  case: z.object({
    id: z.string(),
    personId: z.string(),
    name: z.string(),
    identityNumber: z.string(),
    phone: z.string().nullable(),
    priority: z.number(),
    priorityReason: z.string(),
    status: z.enum(['open', 'closed']),
    positiveTakenAt: z.string(),
    openedAt: z.string(),
    questionnaireDueAt: z.string(),
    questionnaireSentAt: z.string().nullable(),
    firstCallDueAt: z.string(),
    firstCallAt: z.string().nullable(),
    overdue: z.boolean(),
    possibleReinfection: z.boolean(),
    indexCaseId: z.string().nullable().describe('A contact who tested positive under follow-up: the case that named them'),
    stage: z.enum(caseStages),
    unreachedCalls: z.number(),
    callBackAt: z.string().nullable(),
    escalatedAt: z.string().nullable(),
    classification: z.enum(classifications),
    classifiedAt: z.string().nullable().describe('null: confirmed by the positive that opened the case'),
    classifiedByName: z.string().nullable(),
    outcome: z.enum(caseOutcomes).nullable(),
    symptomOnset: z.string().nullable().describe("The tracer's, else the questionnaire's"),
    noSymptoms: z.boolean(),
    infectiousPeriod: z.object({ from: z.string(), to: z.string(), basis: z.enum(['onset', 'sample']), provisional: z.boolean(), ruleValidFrom: z.string() }),
    assignedTo: z.string().nullable(),
    assignedToName: z.string().nullable(),
    contactsInformedBy: z.enum(['index', 'tracer']).nullable(),
    severeIllness: z.boolean(),
    closedAt: z.string().nullable(),
  }),
  questionnaire: z.object({ answers: z.record(z.string(), z.unknown()), savedAt: z.string(), submittedAt: z.string().nullable() }).nullable(),
  contacts: z.array(Contact.extend({ outsideInfectiousPeriod: z.boolean().describe('Exposed outside the infectious period') })),
  calls: z.array(CallView),
  notes: z.array(Note),
  notification: Notification.nullable(),
  outbreaks: z.array(z.object({ id: z.string(), label: z.string() })),
  sequencing: z.object({ reasons: z.array(z.string()), variant: z.string().nullable() }).nullable(),
  adviceOptions: z.array(z.object({ code: z.enum(adviceCodes), text: z.string() })),
});

/** One case as the tracer works it: the file, notes, contacts, SmiNet and closing. */
export function tracingCaseRoutes(app: App, ctx: AppContext) {
  app.get('/api/tracing/cases/:id', { config: { access: 'tracing.case.read' }, schema: { tags, summary: 'The case file (audited)', params: CaseParams, response: { 200: CaseFile } } }, async (req) =>
    caseFile.caseFile(ctx, actorOf(req), req.params.id),
  );
  app.post(
    '/api/tracing/cases/:id/notes',
    {
      config: { access: 'tracing.case.work' },
      schema: { tags, summary: 'Record advice given (förhållningsregler) or a journal note', params: CaseParams, body: z.object({ kind: z.enum(['advice', 'journal']), text: text({ max: 5000, multiline: true }), advice: z.array(z.enum(adviceCodes)).max(20).optional() }).strict(), response: { 200: Note } },
    },
    async (req) => caseFile.addNote(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/tracing/cases/:id/contacts-informed-by',
    { config: { access: 'tracing.case.work' }, schema: { tags, summary: 'Who informs the close contacts: the index or the tracer', params: CaseParams, body: z.object({ by: z.enum(['index', 'tracer']) }).strict(), response: { 200: z.object({ contactsInformedBy: z.enum(['index', 'tracer']), informed: z.number() }) } } },
    async (req) => caseFile.setContactsInformedBy(ctx, actorOf(req), req.params.id, req.body.by),
  );
  app.post(
    '/api/tracing/cases/:id/contacts',
    {
      config: { access: 'tracing.case.work' },
      schema: {
        tags,
        summary: 'Add a contact (a household contact is informed at once)',
        params: CaseParams,
        body: z.object({ name: text({ max: 200 }), phone: phone.nullish(), identityNumber: text({ max: 20, min: 0 }).nullish(), relation: z.enum(['household', 'close']), context: text({ max: 300, min: 0 }).nullish(), exposureDate: day.nullish() }).strict(),
        response: { 200: Contact },
      },
    },
    async (req) => caseFile.addContact(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/tracing/cases/:id/contacts/:contactId/inform',
    { config: { access: 'tracing.case.work' }, schema: { tags, summary: 'Inform a contact (1177 inbox and SMS)', params: z.object({ id: z.uuid(), contactId: z.uuid() }), body: z.object({}).strict().optional(), response: { 200: Contact } } },
    async (req) => caseFile.informContact(ctx, actorOf(req), req.params.id, req.params.contactId),
  );
  app.post(
    '/api/tracing/cases/:id/classification',
    {
      config: { access: 'tracing.case.work' },
      schema: {
        tags,
        summary: 'Classify the case, with its outcome and symptom onset or "no symptoms" (moves the infectious period)',
        params: CaseParams,
        body: z.object({ classification: z.enum(classifications), outcome: z.enum(caseOutcomes).nullable(), symptomOnset: day.nullable(), noSymptoms: z.boolean() }).strict(),
        response: { 200: z.object({ classification: z.enum(classifications), outcome: z.enum(caseOutcomes).nullable(), symptomOnset: z.string().nullable(), noSymptoms: z.boolean(), classifiedAt: z.string(), classifiedByName: z.string() }) },
      },
    },
    async (req) => caseFile.classifyCase(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/tracing/cases/:id/severity',
    { config: { access: 'tracing.case.work' }, schema: { tags, summary: 'Mark severe illness (a sequencing criterion)', params: CaseParams, body: z.object({ severeIllness: z.boolean() }).strict(), response: { 200: z.object({ severeIllness: z.boolean() }) } } },
    async (req) => caseFile.setSevereIllness(ctx, actorOf(req), req.params.id, req.body.severeIllness),
  );
  app.post(
    '/api/tracing/cases/:id/sminet',
    { config: { access: 'tracing.case.work' }, schema: { tags, summary: 'Make the clinical notification to SmiNet (queued through the outbox)', params: CaseParams, body: SminetInput, response: { 200: Notification } } },
    async (req) => caseFile.notifySminet(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/tracing/cases/:id/close',
    { config: { access: 'tracing.case.close' }, schema: { tags, summary: 'Close the case (only after the SmiNet notification)', params: CaseParams, body: z.object({}).strict().optional(), response: { 200: z.object({ id: z.string(), status: z.literal('closed'), closedAt: z.string() }) } } },
    async (req) => caseFile.closeCase(ctx, actorOf(req), req.params.id),
  );
}
