import { z } from 'zod';
import { clockTime, day, text } from '../platform/input/index.js';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import { regionNames } from '../identity/regions.js';
import { actionSources, actionStatuses, assessments, bodies, caseOutcomes, caseStatuses, caseTypes } from './model.js';
import { addAction, addAuditQuestion, listActions, listAuditQuestions, listDelegatedDecisions, registerDelegatedDecision, requestStatus, updateAction } from './follow-up.js';
import { addAgendaItem, addCorrection, createMeeting, getMeeting, listMeetings, postMinutes, readyCases, recordDecision, signMinutes } from './meetings.js';
import { saveMemo } from './memos.js';
import { renderNoticeAndAgenda } from './pdf.js';
import { publicCase, publicCases } from './public.js';
import { addDocument, getCase, getSettings, listCases, readDocument, registerCase, saveSettings, updateCase } from './register.js';
import { searchForStaff } from './search.js';
import {
  ActionsView,
  ActionView,
  AuditQuestionView,
  CaseRowsView,
  CaseView,
  DelegatedDecisionsView,
  DocumentRowView,
  DocumentView,
  MeetingRowsView,
  MeetingView,
  PublicCasesView,
  PublicCaseView,
  ReadyCasesView,
  SettingsView,
  StaffSearchView,
} from './views.js';

const tags = ['governance'];
const IdParams = z.object({ id: z.uuid() });
const name = text({ max: 200 });
const longText = text({ max: 20_000, min: 0, multiline: true });
const clause = text({ max: 2000, multiline: true });
const email = z.email().max(254);
const year = z.coerce.number().int().min(1900).max(2100);
const Filters = z.object({ type: z.enum(caseTypes).optional(), year: year.optional(), status: z.enum(caseStatuses).optional() });

const Memo = z
  .object({
    rapporteur: name.nullish(),
    proposal: z.array(clause).max(30),
    summary: longText.nullish(),
    background: longText.nullish(),
    assessment: longText.nullish(),
    environment: longText.nullish(),
    children: longText.nullish(),
    genderEquality: longText.nullish(),
    economy: longText.nullish(),
    followUp: longText.nullish(),
    supportingDocuments: z.array(text({ max: 500 })).max(50).default([]),
    sendTo: z.array(z.object({ name, email }).strict()).max(50).default([]),
  })
  .strict();

/** The committee's register, meetings and minutes, follow-up, search, and the public register. */
export function governanceRoutes(app: App, ctx: AppContext) {
  const read = { access: 'governance.read' } as const;
  const write = { access: 'governance.write' } as const;

  app.get('/api/governance/settings', { config: read, schema: { tags, summary: "The region's diarienummer format", response: { 200: SettingsView } } }, async (req) => getSettings(ctx, actorOf(req)));
  app.put('/api/governance/settings', { config: write, schema: { tags, summary: 'Set the diarienummer format, e.g. {yy}RS{serial}', body: z.object({ caseNumberFormat: text({ max: 40 }) }).strict(), response: { 200: SettingsView } } }, async (req) => saveSettings(ctx, actorOf(req), req.body));

  app.get('/api/governance/cases', { config: read, schema: { tags, summary: 'The case register (diarium)', querystring: Filters.strict(), response: { 200: CaseRowsView } } }, async (req) => listCases(ctx, actorOf(req), req.query));
  app.post(
    '/api/governance/cases',
    {
      config: write,
      schema: {
        tags,
        summary: 'Register a case; the diarienummer is the next serial unless an existing one is given',
        body: z
          .object({
            caseNumber: text({ max: 40 }).optional(),
            type: z.enum(caseTypes),
            title: text({ max: 500 }),
            caseOfficer: name.optional(),
            unit: name.optional(),
            receivedOn: day.optional(),
            senderReference: text({ max: 100 }).optional(),
            answerBy: day.optional(),
            proposer: z.object({ name, email: email.nullable().default(null), publishName: z.boolean() }).strict().optional(),
          })
          .strict(),
        response: { 201: CaseView },
      },
    },
    async (req, reply) => reply.code(201).send(await registerCase(ctx, actorOf(req), req.body)),
  );
  app.get('/api/governance/cases/ready', { config: read, schema: { tags, summary: 'Cases with a complete memo, ready for an agenda', response: { 200: ReadyCasesView } } }, async (req) => readyCases(ctx, actorOf(req)));
  app.get('/api/governance/cases/:id', { config: read, schema: { tags, summary: 'A case with its path, documents, memo and meetings', params: IdParams, response: { 200: CaseView } } }, async (req) => getCase(ctx, actorOf(req), req.params.id));
  app.patch(
    '/api/governance/cases/:id',
    {
      config: write,
      schema: {
        tags,
        summary: "Change a case's details, status or outcome, or add a step on its path",
        params: IdParams,
        body: z
          .object({
            title: text({ max: 500 }).optional(),
            caseOfficer: name.nullable().optional(),
            unit: name.nullable().optional(),
            senderReference: text({ max: 100 }).nullable().optional(),
            answerBy: day.nullable().optional(),
            status: z.enum(caseStatuses).optional(),
            outcome: z.enum(caseOutcomes).nullable().optional(),
            step: z.object({ body: z.enum(bodies), event: text({ max: 500 }), occurredOn: day }).strict().optional(),
          })
          .strict(),
        response: { 200: CaseView },
      },
    },
    async (req) => updateCase(ctx, actorOf(req), req.params.id, req.body),
  );
  app.put('/api/governance/cases/:id/memo', { config: write, schema: { tags, summary: 'Write the briefing memo (föredragnings-PM); missing mandatory sections are flagged', params: IdParams, body: Memo, response: { 200: CaseView } } }, async (req) =>
    saveMemo(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/governance/cases/:id/documents',
    {
      config: write,
      schema: {
        tags,
        summary: 'Register a document; secret only with its ground in OSL (chapter and section)',
        params: IdParams,
        body: z.object({ title: text({ max: 500 }), body: text({ max: 100_000, multiline: true }), registeredOn: day.optional(), secrecy: z.object({ chapter: z.number().int().min(1).max(99), section: z.number().int().min(1).max(99) }).strict().optional() }).strict(),
        response: { 201: DocumentRowView },
      },
    },
    async (req, reply) => reply.code(201).send(await addDocument(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.get('/api/governance/documents/:id', { config: read, schema: { tags, summary: "A document's text; a secret one only to those with the right (audited)", params: IdParams, response: { 200: DocumentView } } }, async (req) => readDocument(ctx, actorOf(req), req.params.id));

  app.get('/api/governance/meetings', { config: read, schema: { tags, summary: 'Meetings, newest first', response: { 200: MeetingRowsView } } }, async (req) => listMeetings(ctx, actorOf(req)));
  app.post(
    '/api/governance/meetings',
    {
      config: write,
      schema: {
        tags,
        summary: 'Plan a meeting, with the members who check the minutes and the deadline',
        body: z.object({ body: text({ max: 200 }), heldOn: day, startsAt: clockTime, place: text({ max: 300 }), chair: name, checkers: z.array(name).min(1).max(10), checkDeadline: day }).strict(),
        response: { 201: MeetingView },
      },
    },
    async (req, reply) => reply.code(201).send(await createMeeting(ctx, actorOf(req), req.body)),
  );
  app.get('/api/governance/meetings/:id', { config: read, schema: { tags, summary: 'A meeting: agenda, decisions, minutes, reported delegated decisions', params: IdParams, response: { 200: MeetingView } } }, async (req) => getMeeting(ctx, actorOf(req), req.params.id));
  app.get('/api/governance/meetings/:id/agenda.pdf', { config: read, schema: { tags, summary: 'The notice and the agenda as PDF', params: IdParams } }, async (req, reply) => {
    const meeting = await getMeeting(ctx, actorOf(req), req.params.id);
    const pdf = await renderNoticeAndAgenda(meeting, regionNames[actorOf(req).regionId]?.name ?? 'Regionen');
    return reply.type('application/pdf').header('content-disposition', `attachment; filename="kallelse-${meeting.heldOn}.pdf"`).send(pdf);
  });
  app.post(
    '/api/governance/meetings/:id/items',
    { config: write, schema: { tags, summary: 'Put a ready case (or a heading) on the agenda', params: IdParams, body: z.object({ caseId: z.uuid().optional(), title: text({ max: 500 }).optional(), rapporteur: name.optional(), time: clockTime.optional() }).strict(), response: { 201: MeetingView } } },
    async (req, reply) => reply.code(201).send(await addAgendaItem(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.put(
    '/api/governance/items/:id/decision',
    {
      config: write,
      schema: {
        tags,
        summary: "Record an item's decision (by default the memo's 'att' clauses), votes, reservations and jäv",
        params: IdParams,
        body: z
          .object({
            decision: z.array(clause).min(1).max(30).optional(),
            votes: z.object({ yes: z.number().int().min(0).max(200), no: z.number().int().min(0).max(200), abstain: z.number().int().min(0).max(200) }).strict().nullable().optional(),
            reservations: z.array(z.object({ member: name, text: text({ max: 2000, multiline: true }) }).strict()).max(50).optional(),
            conflicts: z.array(name).max(50).optional(),
            outcome: z.enum(caseOutcomes).nullable().optional(),
          })
          .strict(),
        response: { 200: MeetingView },
      },
    },
    async (req) => recordDecision(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/governance/meetings/:id/signatures',
    { config: { access: 'governance.minutes.sign' }, schema: { tags, summary: 'Record the justering by the chair or a named member (a member signs as themselves); after the deadline with a reason', params: IdParams, body: z.object({ signer: name, lateReason: text({ max: 1000, multiline: true }).optional() }).strict(), response: { 200: MeetingView } } },
    async (req) => signMinutes(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post('/api/governance/meetings/:id/posting', { config: write, schema: { tags, summary: 'Post checked minutes (anslag) and send the extracts', params: IdParams, body: z.object({ postedOn: day.optional() }).strict(), response: { 200: MeetingView } } }, async (req) =>
    postMinutes(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/governance/meetings/:id/corrections',
    { config: write, schema: { tags, summary: 'Correct checked minutes with a new, linked entry', params: IdParams, body: z.object({ itemId: z.uuid().optional(), text: text({ max: 5000, multiline: true }) }).strict(), response: { 201: MeetingView } } },
    async (req, reply) => reply.code(201).send(await addCorrection(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.get('/api/governance/delegated-decisions', { config: read, schema: { tags, summary: 'Decisions taken under delegation', response: { 200: DelegatedDecisionsView } } }, async (req) => listDelegatedDecisions(ctx, actorOf(req)));
  app.post(
    '/api/governance/delegated-decisions',
    {
      config: { access: 'governance.delegated.register' },
      schema: { tags, summary: 'Register a decision taken under delegation; it is reported to the next meeting', body: z.object({ title: text({ max: 500 }), delegate: name, delegationPoint: text({ max: 100 }), decidedOn: day, summary: text({ max: 5000, multiline: true }) }).strict(), response: { 201: CaseView } },
    },
    async (req, reply) => reply.code(201).send(await registerDelegatedDecision(ctx, actorOf(req), req.body)),
  );

  app.get('/api/governance/actions', { config: read, schema: { tags, summary: "Actions of a case, or every overdue one", querystring: z.object({ caseId: z.uuid().optional(), overdue: z.enum(['true', 'false']).transform((v) => v === 'true').optional() }).strict(), response: { 200: ActionsView } } }, async (req) =>
    listActions(ctx, actorOf(req), req.query),
  );
  app.post(
    '/api/governance/cases/:id/actions',
    { config: write, schema: { tags, summary: "Add a plan's activity or an audit's recommendation as an action", params: IdParams, body: z.object({ source: z.enum(actionSources), title: text({ max: 1000, multiline: true }), owner: name, ownerEmail: email.optional(), timeFrame: text({ max: 100 }).optional(), dueOn: day }).strict(), response: { 201: ActionView } } },
    async (req, reply) => reply.code(201).send(await addAction(ctx, actorOf(req), req.params.id, req.body)),
  );
  app.patch(
    '/api/governance/actions/:id',
    { config: write, schema: { tags, summary: "Update an action's status", params: IdParams, body: z.object({ status: z.enum(actionStatuses), statusNote: text({ max: 2000, multiline: true }).optional(), owner: name.optional(), ownerEmail: email.optional(), dueOn: day.optional() }).strict(), response: { 200: ActionView } } },
    async (req) => updateAction(ctx, actorOf(req), req.params.id, req.body),
  );
  app.post(
    '/api/governance/actions/status-requests',
    { config: write, schema: { tags, summary: "A follow-up round: ask the owners of a case's open actions (or of every overdue one) for their status", body: z.object({ caseId: z.uuid().optional() }).strict(), response: { 200: z.object({ asked: z.number(), withoutEmail: z.number() }) } } },
    async (req) => requestStatus(ctx, actorOf(req), req.body),
  );
  app.get('/api/governance/cases/:id/audit-questions', { config: read, schema: { tags, summary: "An audit's questions with their assessment and reply", params: IdParams, response: { 200: z.object({ questions: z.array(AuditQuestionView) }) } } }, async (req) => listAuditQuestions(ctx, actorOf(req), req.params.id));
  app.post(
    '/api/governance/cases/:id/audit-questions',
    { config: write, schema: { tags, summary: 'Add an audit question with its assessment', params: IdParams, body: z.object({ question: text({ max: 2000, multiline: true }), assessment: z.enum(assessments), reply: text({ max: 5000, multiline: true }).optional() }).strict(), response: { 201: AuditQuestionView } } },
    async (req, reply) => reply.code(201).send(await addAuditQuestion(ctx, actorOf(req), req.params.id, req.body)),
  );

  app.get('/api/governance/search', { config: read, schema: { tags, summary: 'Swedish full-text search across cases, memos, decisions and documents', querystring: Filters.extend({ q: text({ max: 200 }) }).strict(), response: { 200: StaffSearchView } } }, async (req) =>
    searchForStaff(ctx, actorOf(req), req.query),
  );

  // The public register: no login, under the public rate limit.
  app.get('/api/governance/public/cases', { config: { access: 'public' }, schema: { tags, summary: 'The public register: cases, or a full-text search', querystring: Filters.extend({ q: text({ max: 200 }).optional() }).strict(), response: { 200: PublicCasesView } } }, async (req) =>
    publicCases(ctx, req.query),
  );
  app.get('/api/governance/public/cases/:id', { config: { access: 'public' }, schema: { tags, summary: 'A case in the public register, secret parts withheld with their ground', params: IdParams, response: { 200: PublicCaseView } } }, async (req) => publicCase(ctx, req.params.id));
}
