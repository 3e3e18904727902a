import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import { attachment, CONTENT_TYPES, fileName } from '../platform/files/export.js';
import { downloadOptions } from '../platform/files/downloads.js';
import { code, day, isoWeek, regionCode, text } from '../platform/input/index.js';
import { acceptAggregates, nationalWeekly, sendWeekAggregates, sentAggregates } from './aggregates.js';
import { nationalDefinitions } from './definitions.js';
import { reopensFor } from './reopens.js';
import { countInitiatives, createInitiative, listInitiatives, updateInitiative } from './initiatives.js';
import { initiativeMeasures, initiativeReaches, initiativeStatuses, roundKinds } from './model.js';
import { publicKeyOf, receivedFor, receiveSigned, receiveSubmission, trustedKeys, trustRegionKey } from './national.js';
import { prefillReturn } from './prefill.js';
import { sendRoundReminders } from './reminders.js';
import { reportCsv, reportPdf, reportXlsx, roundReport } from './report.js';
import { answerHistory, reopenReturn, returnView, saveAnswers, submitReturn } from './returns.js';
import { allOrganisations, changeRoundTemplate, createRound, listRounds, publishRound, roundDetail } from './rounds.js';
import { AnswerValue, TemplateContent } from './template.js';
import { addTemplateVersion, createAgreement, createTemplate, listAgreements, listTemplates, templateVersion } from './templates.js';
import {
  AgreementView,
  HistoryView,
  ReceiptView,
  ReceivedView,
  RegionKeyView,
  ReopensView,
  SentWeekView,
  TrustedKeysView,
  InitiativeCountsView,
  InitiativeView,
  NationalWeeklyView,
  OrganisationsView,
  PrefillView,
  ReportView,
  ReturnView,
  RoundDetailView,
  RoundsView,
  RoundView,
  SentAggregatesView,
  TemplatesView,
  TemplateVersionView,
} from './views.js';

const tags = ['reporting'];
const IdParams = z.object({ id: z.guid() });
const organisation = code(40, /^[a-z0-9-]+$/);
const ReturnParams = z.object({ id: z.guid(), organisation }).strict();

const InitiativeFields = {
  title: text({ max: 300 }),
  developmentArea: text({ max: 200 }),
  focusArea: text({ max: 200 }),
  targetGroup: text({ max: 200 }),
  status: z.enum(initiativeStatuses),
  reach: z.enum(initiativeReaches),
  participants: z.array(text({ max: 200 })).max(50),
  privateProviders: z.enum(['yes', 'no']),
  measured: z.enum(initiativeMeasures),
  genderPerspective: text({ max: 4000, min: 0, multiline: true }).optional(),
};

export function reportingRoutes(app: App, ctx: AppContext) {
  const read = { access: 'reporting.rounds.read' } as const;
  const manage = { access: 'reporting.rounds.manage' } as const;
  const answer = { access: 'reporting.answer' } as const;

  app.get('/api/reporting/organisations', { config: read, schema: { tags, summary: 'The organisations that report: the 21 regions and the municipal support structures (RSS)', response: { 200: OrganisationsView } } }, async () => ({ organisations: allOrganisations() }));

  // --- Agreements and templates (national analyst) ---
  app.get('/api/reporting/agreements', { config: read, schema: { tags, summary: 'Agreements follow-ups are made under', response: { 200: z.object({ agreements: z.array(AgreementView) }) } } }, async () => ({ agreements: await listAgreements(ctx) }));
  app.post('/api/reporting/agreements', { config: { access: 'reporting.templates.manage' }, schema: { tags, summary: 'Add an agreement', body: z.object({ name: text({ max: 200 }), description: text({ max: 2000, min: 0, multiline: true }).optional() }).strict(), response: { 201: AgreementView } } }, async (req, reply) =>
    reply.code(201).send(await createAgreement(ctx, req.body)),
  );
  app.get('/api/reporting/templates', { config: read, schema: { tags, summary: 'Templates and their versions', response: { 200: TemplatesView } } }, async () => ({ templates: await listTemplates(ctx) }));
  app.post('/api/reporting/templates', { config: { access: 'reporting.templates.manage' }, schema: { tags, summary: 'A new template with its first version', body: z.object({ name: text({ max: 200 }), content: TemplateContent }).strict(), response: { 201: TemplateVersionView } } }, async (req, reply) =>
    reply.code(201).send(await createTemplate(ctx, actorOf(req), req.body)),
  );
  app.post('/api/reporting/templates/:id/versions', { config: { access: 'reporting.templates.manage' }, schema: { tags, summary: 'The next version of a template (earlier versions never change)', params: IdParams, body: z.object({ content: TemplateContent }).strict(), response: { 201: TemplateVersionView } } }, async (req, reply) =>
    reply.code(201).send(await addTemplateVersion(ctx, actorOf(req), req.params.id, req.body.content)),
  );
  app.get('/api/reporting/template-versions/:id', { config: read, schema: { tags, summary: 'One template version with its sections and questions', params: IdParams, response: { 200: TemplateVersionView } } }, async (req) => templateVersion(ctx, req.params.id));

  // --- Rounds ---
  app.get('/api/reporting/rounds', { config: read, schema: { tags, summary: 'Rounds you take part in, with the state of each return', response: { 200: RoundsView } } }, async (req) => ({ rounds: await listRounds(ctx, actorOf(req)) }));
  app.post(
    '/api/reporting/rounds',
    {
      config: manage,
      schema: {
        tags,
        summary: 'Open a round under an agreement on a template version',
        body: z
          .object({
            agreementId: z.guid(),
            name: text({ max: 200 }),
            kind: z.enum(roundKinds),
            periodFrom: day,
            periodTo: day,
            opensOn: day,
            deadline: day,
            templateVersionId: z.guid(),
            organisations: z.array(organisation).min(1).max(100).optional(),
            includeRss: z.boolean().optional(),
          })
          .strict(),
        response: { 201: RoundView },
      },
    },
    async (req, reply) => reply.code(201).send(await createRound(ctx, actorOf(req), req.body)),
  );
  app.get('/api/reporting/rounds/:id', { config: read, schema: { tags, summary: 'A round with its template and returns', params: IdParams, response: { 200: RoundDetailView } } }, async (req) => roundDetail(ctx, actorOf(req), req.params.id));
  app.put('/api/reporting/rounds/:id/template', { config: manage, schema: { tags, summary: 'Put another template version on a round that has not opened', params: IdParams, body: z.object({ templateVersionId: z.guid() }).strict(), response: { 200: RoundView } } }, async (req) =>
    changeRoundTemplate(ctx, req.params.id, req.body.templateVersionId),
  );
  app.post('/api/reporting/rounds/:id/publish', { config: manage, schema: { tags, summary: "Publish the round's report: every region's answers become visible", params: IdParams, response: { 200: RoundView } } }, async (req) => publishRound(ctx, actorOf(req), req.params.id));
  app.post('/api/reporting/rounds/:id/reminders', { config: manage, schema: { tags, summary: 'Remind every organisation that has not submitted (when a reminder is due)', params: IdParams, response: { 200: z.object({ sent: z.number() }) } } }, async (req) => sendRoundReminders(ctx, actorOf(req), req.params.id));

  // --- Returns: answering ---
  app.get('/api/reporting/rounds/:id/returns/:organisation', { config: read, schema: { tags, summary: "An organisation's return: answers, versions, what is missing", params: ReturnParams, response: { 200: ReturnView } } }, async (req) =>
    returnView(ctx, actorOf(req), req.params.id, req.params.organisation),
  );
  app.put(
    '/api/reporting/rounds/:id/returns/:organisation/answers',
    {
      config: answer,
      schema: {
        tags,
        summary: 'Save answers (a draft); each carries the version it was loaded with, a stale one gives 409 naming the question',
        params: ReturnParams,
        body: z.object({ answers: z.array(z.object({ questionId: code(40), version: z.number().int().min(0).max(1_000_000), value: AnswerValue }).strict()).min(1).max(500) }).strict(),
        response: { 200: ReturnView },
      },
    },
    async (req) => saveAnswers(ctx, actorOf(req), req.params.id, req.params.organisation, req.body.answers),
  );
  app.post('/api/reporting/rounds/:id/returns/:organisation/prefill', { config: answer, schema: { tags, summary: 'Pre-fill unanswered questions from the previous round or from Lägesbild’s own figures', params: ReturnParams, body: z.object({ from: z.enum(['previous-round', 'live-data']) }).strict(), response: { 200: PrefillView } } }, async (req) =>
    prefillReturn(ctx, actorOf(req), req.params.id, req.params.organisation, req.body.from),
  );
  app.post('/api/reporting/rounds/:id/returns/:organisation/submit', { config: answer, schema: { tags, summary: 'Submit: locks the return and sends it signed to the national instance', params: ReturnParams, response: { 200: ReturnView } } }, async (req) =>
    submitReturn(ctx, actorOf(req), req.params.id, req.params.organisation),
  );
  app.post('/api/reporting/rounds/:id/returns/:organisation/reopen', { config: manage, schema: { tags, summary: 'Reopen a submitted return with a reason the region sees', params: ReturnParams, body: z.object({ reason: text({ max: 2000, multiline: true }) }).strict(), response: { 200: ReturnView } } }, async (req) =>
    reopenReturn(ctx, actorOf(req), req.params.id, req.params.organisation, req.body.reason),
  );
  app.get('/api/reporting/rounds/:id/returns/:organisation/history', { config: read, schema: { tags, summary: 'Every version of every answer, with who and when', params: ReturnParams, response: { 200: HistoryView } } }, async (req) =>
    answerHistory(ctx, actorOf(req), req.params.id, req.params.organisation),
  );

  // --- The compiled report ---
  const reportAccess = { access: 'reporting.report.read' } as const;
  app.get('/api/reporting/rounds/:id/report', { config: reportAccess, schema: { tags, summary: 'The compiled report (national analyst; others once published)', params: IdParams, response: { 200: ReportView } } }, async (req) => roundReport(ctx, actorOf(req), req.params.id));
  app.get('/api/reporting/rounds/:id/report.csv', { config: reportAccess, schema: { tags, summary: 'One table of the report as CSV for Swedish Excel', params: IdParams, querystring: z.object({ table: code(40), separator: downloadOptions.separator }).strict() } }, async (req, reply) => {
    const report = await roundReport(ctx, actorOf(req), req.params.id);
    return reply.type(CONTENT_TYPES.csv).header('content-disposition', attachment(fileName('sammanstallning', [report.round.name, req.query.table], 'csv'))).send(reportCsv(report, req.query.table, req.query.separator));
  });
  app.get('/api/reporting/rounds/:id/report.xlsx', { config: reportAccess, schema: { tags, summary: 'Every table of the report as one workbook', params: IdParams } }, async (req, reply) => {
    const report = await roundReport(ctx, actorOf(req), req.params.id);
    return reply.type(CONTENT_TYPES.xlsx).header('content-disposition', attachment(fileName('sammanstallning', [report.round.name], 'xlsx'))).send(await reportXlsx(report));
  });
  app.get('/api/reporting/rounds/:id/report.pdf', { config: reportAccess, schema: { tags, summary: 'The report as PDF, with a page per organisation', params: IdParams } }, async (req, reply) => {
    const report = await roundReport(ctx, actorOf(req), req.params.id);
    return reply.type(CONTENT_TYPES.pdf).header('content-disposition', attachment(fileName('sammanstallning', [report.round.name], 'pdf'))).send(await reportPdf(report));
  });

  // --- Initiatives register ---
  app.get('/api/reporting/initiatives', { config: { access: 'reporting.initiatives.read' }, schema: { tags, summary: 'Initiatives under an agreement with their status history', querystring: z.object({ agreementId: z.guid(), organisation: organisation.optional() }).strict(), response: { 200: z.object({ initiatives: z.array(InitiativeView) }) } } }, async (req) => ({
    initiatives: await listInitiatives(ctx, actorOf(req), req.query),
  }));
  app.get('/api/reporting/initiatives/counts', { config: { access: 'reporting.initiatives.read' }, schema: { tags, summary: 'Initiatives counted by development area and status', querystring: z.object({ agreementId: z.guid() }).strict(), response: { 200: InitiativeCountsView } } }, async (req) =>
    countInitiatives(ctx, actorOf(req), req.query.agreementId),
  );
  app.post('/api/reporting/initiatives', { config: answer, schema: { tags, summary: 'Add an initiative', body: z.object({ agreementId: z.guid(), organisation, ...InitiativeFields }).strict(), response: { 201: InitiativeView } } }, async (req, reply) =>
    reply.code(201).send(await createInitiative(ctx, actorOf(req), req.body)),
  );
  app.put('/api/reporting/initiatives/:id', { config: answer, schema: { tags, summary: 'Change an initiative (its status history is kept)', params: IdParams, body: z.object({ version: z.number().int().min(1).max(1_000_000), ...InitiativeFields }).strict(), response: { 200: InitiativeView } } }, async (req) =>
    updateInitiative(ctx, actorOf(req), req.params.id, req.body),
  );

  // --- Signed submissions between a region and the nation ---
  app.get('/api/reporting/key', { config: { access: 'reporting.key.read' }, schema: { tags, summary: "This region's public key for signed submissions, for the national analyst to register", response: { 200: RegionKeyView } } }, async (req) => publicKeyOf(ctx, actorOf(req)));
  app.get('/api/reporting/national/keys', { config: { access: 'reporting.national.manage' }, schema: { tags, summary: 'The region keys the national instance trusts', response: { 200: TrustedKeysView } } }, async () => trustedKeys(ctx));
  app.post('/api/reporting/national/keys', { config: { access: 'reporting.national.manage' }, schema: { tags, summary: "Register a region's public key", body: z.object({ regionId: regionCode, publicKey: text({ max: 1000, multiline: true }) }).strict(), response: { 201: z.object({ regionId: z.string(), keyId: z.string() }) } } }, async (req, reply) =>
    reply.code(201).send(await trustRegionKey(ctx, actorOf(req), req.body)),
  );
  app.get('/api/reporting/national/rounds/:id/received', { config: { access: 'reporting.national.manage' }, schema: { tags, summary: 'Submissions received for a round, and recent refusals', params: IdParams, response: { 200: ReceivedView } } }, async (req) => receivedFor(ctx, req.params.id));
  // No session on the inboxes: a region's instance calls them, and the signature is what authenticates the document.
  const Signed = z.object({ document: z.looseObject({ regionId: regionCode }), signature: z.string().max(200), keyId: z.string().max(64) }).strict();
  app.post('/api/reporting/national/submissions', { config: { access: 'public' }, schema: { tags, summary: "The national instance's inbox for a region's signed submission; answers with a receipt", body: Signed, response: { 201: ReceiptView } } }, async (req, reply) =>
    reply.code(201).send(await receiveSubmission(ctx, req.body)),
  );
  app.post('/api/reporting/national/aggregates', { config: { access: 'public' }, schema: { tags, summary: "The national instance's inbox for a region's signed weekly aggregates", body: Signed, response: { 201: ReceiptView } } }, async (req, reply) =>
    reply.code(201).send(await receiveSigned(ctx, req.body, acceptAggregates)),
  );
  // The questionnaires and calendar of the follow-ups, for the regions' instances to copy (no region's data in it).
  app.get('/api/reporting/national/definitions', { config: { access: 'public' }, schema: { tags, summary: "The nation's agreements, templates and rounds, for the regions' instances" } }, async () => nationalDefinitions(ctx));
  app.post('/api/reporting/national/reopens', { config: { access: 'public' }, schema: { tags, summary: "A region's signed query for the submissions the nation reopened", body: Signed, response: { 200: ReopensView } } }, async (req) => reopensFor(ctx, req.body));
  app.get('/api/reporting/national/weekly', { config: { access: 'reporting.national.manage' }, schema: { tags, summary: 'Weekly figures as the regions delivered them; a week not delivered is missing, not zero', querystring: z.object({ from: isoWeek, to: isoWeek }).strict(), response: { 200: NationalWeeklyView } } }, async (req) =>
    nationalWeekly(ctx, req.query),
  );

  // --- The region's weekly aggregates to the nation ---
  app.get('/api/reporting/aggregates', { config: { access: 'reporting.aggregates.send' }, schema: { tags, summary: 'Weekly aggregates this region has sent, with the nation’s receipt time', response: { 200: SentAggregatesView } } }, async (req) => sentAggregates(ctx, actorOf(req)));
  app.post('/api/reporting/aggregates', { config: { access: 'reporting.aggregates.send' }, schema: { tags, summary: 'Send (again) the region’s signed aggregates of a week to the nation', body: z.object({ week: isoWeek }).strict(), response: { 201: SentWeekView } } }, async (req, reply) =>
    reply.code(201).send(await sendWeekAggregates(ctx, actorOf(req).regionId, req.body.week)),
  );
}
