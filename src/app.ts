import { AUDIT_CHECKPOINT_SEALED } from './platform/audit/checkpoints.js';
import { auditRoutes } from './platform/audit/routes.js';
import { resolveAuditKey, useAuditKey } from './platform/audit/signing.js';
import { systemClock, type Clock } from './platform/clock.js';
import type { Config } from './platform/config.js';
import type { AppContext } from './platform/context.js';
import type { Database } from './platform/db/client.js';
import { buildServer, type App } from './platform/http/server.js';
import { messageRoutes } from './platform/jobs/routes.js';
import { messageTopic } from './platform/jobs/outbox.js';
import { defaultMessageTransports, webhookTransport } from './platform/jobs/transports.js';
import { OutboxRouter } from './platform/jobs/worker.js';
import { authRoutes } from './identity/auth-routes.js';
import { personDirectory } from './identity/directory.js';
import { identityRoutes } from './identity/routes.js';
import { staffRoutes } from './identity/staff-routes.js';
import { PERSONS_MERGED } from './identity/events.js';
import { POSITIVE_RESULT_REGISTERED, RESULTS_ANSWERED } from './testing/events.js';
import { moveTracingToSurvivor, openCaseOnPositive } from './tracing/handlers.js';
import { tracingRoutes } from './tracing/routes.js';
import { tracingCaseRoutes } from './tracing/case-routes.js';
import { tracingHandoverRoutes } from './tracing/handover.js';
import { tracingQuestionnaireRoutes } from './tracing/questionnaire-routes.js';
import { tracingOutbreakRoutes } from './tracing/outbreak-routes.js';
import { tracingFollowUpRoutes } from './tracing/follow-up-routes.js';
import { tracingCheckInRoutes } from './tracing/check-in-routes.js';
import { embeddedSminetTransport, SMINET_TOPIC } from './tracing/sminet.js';
import { moveTestingToSurvivor, sendAnswers } from './testing/handlers.js';
import { testingRoutes } from './testing/routes.js';
import { referralRoutes } from './testing/referrals/routes.js';
import { testingStatisticsRoutes } from './testing/statistics/routes.js';
import { testingImportRoutes } from './testing/import/routes.js';
import { vaccinationRoutes } from './vaccination/routes.js';
import { vaccinationSupplyRoutes } from './vaccination/supply/routes.js';
import { DOSE_RECORDED } from './vaccination/events.js';
import { moveVaccinationToSurvivor } from './vaccination/handlers.js';
import { reportDoseToNvr } from './vaccination/nvr/handlers.js';
import { vaccinationNvrRoutes } from './vaccination/nvr/routes.js';
import { vaccinationInvitationRoutes } from './vaccination/invitations/routes.js';
import { vaccinationCoverageRoutes } from './vaccination/coverage/routes.js';
import { vaccinationAdverseEventRoutes } from './vaccination/adverse-events/routes.js';
import { ADVERSE_EVENT_REPORT, adverseEventTransport } from './vaccination/adverse-events/transport.js';
import { certificateRoutes } from './certificates/routes.js';
import { CERTIFICATE_BASIS } from './certificates/issuance.js';
import { embeddedBasisTransport, webhookBasisTransport } from './certificates/basis.js';
import { moveCertificatesToSurvivor } from './certificates/handlers.js';
import { governanceRoutes } from './governance/routes.js';
import { indicatorRoutes } from './indicators/routes.js';
import { embeddedNvrWire, NVR_REPORT, nvrTransport, webhookNvrWire } from './vaccination/nvr/transport.js';
import { reportingRoutes } from './reporting/routes.js';
import { REPORTING_SUBMISSION, submissionTransport } from './reporting/national.js';
import { aggregatesTransport, REPORTING_AGGREGATES } from './reporting/aggregates.js';
import { privacyRoutes } from './privacy/routes.js';
import { exportHandler, FHIR_EXPORT } from './fhir/export.js';
import { fhirRoutes } from './fhir/routes.js';

/** Wires the areas together: one place that says which routes exist and who handles which event. */
export function createContext(database: Database, config: Config, clock: Clock = systemClock): AppContext {
  useAuditKey(resolveAuditKey(config));
  const outbox = new OutboxRouter();
  for (const [topic, transport] of defaultMessageTransports()) outbox.useTransport(topic, transport);
  // The 1177 inbox stays in Lägesbild; SMS and e-mail go to the configured gateway when there is one.
  if (config.messageWebhookUrl) for (const channel of ['sms', 'email'] as const) outbox.useTransport(messageTopic(channel), webhookTransport(`webhook-${channel}`, config.messageWebhookUrl));
  outbox.useTransport(SMINET_TOPIC, config.sminetWebhookUrl ? webhookTransport('sminet', config.sminetWebhookUrl) : embeddedSminetTransport());
  outbox.on(RESULTS_ANSWERED, 'testing.sendAnswers', sendAnswers);
  outbox.on(POSITIVE_RESULT_REGISTERED, 'tracing.openCase', openCaseOnPositive(config));
  // Dose reports go to NVR through the configured integration, or to the embedded register in a demo.
  outbox.useTransport(NVR_REPORT, nvrTransport(config.nvrWebhookUrl ? webhookNvrWire(config.nvrWebhookUrl) : embeddedNvrWire));
  outbox.on(DOSE_RECORDED, 'vaccination.reportToNvr', reportDoseToNvr);
  // Suspected adverse events go to Läkemedelsverket's reporting, or are received here with a reference in a demo.
  outbox.useTransport(ADVERSE_EVENT_REPORT, adverseEventTransport(config.adverseEventWebhookUrl));
  // A merge of persons is followed by every area that keeps person ids, in the merge's own transaction.
  // Tracing comes after vaccination: its sequencing judges a vaccine breakthrough on the merged doses.
  outbox.onPublish(PERSONS_MERGED, 'testing.moveToSurvivor', moveTestingToSurvivor);
  outbox.onPublish(PERSONS_MERGED, 'vaccination.moveToSurvivor', moveVaccinationToSurvivor);
  outbox.onPublish(PERSONS_MERGED, 'tracing.moveToSurvivor', moveTracingToSurvivor);
  outbox.onPublish(PERSONS_MERGED, 'certificates.moveToSurvivor', moveCertificatesToSurvivor);
  // The basis of every issued certificate goes to the national issuer when one is configured, else stays here with a receipt.
  outbox.useTransport(CERTIFICATE_BASIS, config.certificateBasisWebhookUrl ? webhookBasisTransport(config.certificateBasisWebhookUrl) : embeddedBasisTransport);
  // Audit checkpoints also go to a receiver outside this database when one is configured.
  if (config.auditCheckpointWebhookUrl) outbox.useTransport(AUDIT_CHECKPOINT_SEALED, webhookTransport('audit-checkpoints', config.auditCheckpointWebhookUrl));
  // Signed reporting submissions go to the national instance, or are accepted here when this database is the nation too.
  outbox.useTransport(REPORTING_SUBMISSION, submissionTransport(config));
  outbox.useTransport(REPORTING_AGGREGATES, aggregatesTransport(config));
  // FHIR Bulk Data exports run on the worker, so one survives a restart of the instance that took it.
  outbox.on(FHIR_EXPORT, 'fhir.export', exportHandler(clock));
  return { database, config, clock, outbox };
}

export function createApp(ctx: AppContext, opts: { logger?: boolean } = {}): Promise<App> {
  return buildServer(ctx, {
    logger: opts.logger,
    areas: [
      (app) => authRoutes(app, ctx),
      (app) => identityRoutes(app, ctx),
      (app) => staffRoutes(app, ctx),
      (app) => auditRoutes(app, ctx, personDirectory),
      (app) => messageRoutes(app, ctx, personDirectory),
      (app) => testingRoutes(app, ctx),
      (app) => referralRoutes(app, ctx),
      (app) => testingStatisticsRoutes(app, ctx),
      (app) => testingImportRoutes(app, ctx),
      (app) => tracingRoutes(app, ctx),
      (app) => tracingCaseRoutes(app, ctx),
      (app) => tracingHandoverRoutes(app, ctx),
      (app) => tracingQuestionnaireRoutes(app, ctx),
      (app) => tracingOutbreakRoutes(app, ctx),
      (app) => tracingFollowUpRoutes(app, ctx),
      (app) => tracingCheckInRoutes(app, ctx),
      (app) => vaccinationRoutes(app, ctx),
      (app) => vaccinationSupplyRoutes(app, ctx),
      (app) => vaccinationNvrRoutes(app, ctx),
      (app) => vaccinationInvitationRoutes(app, ctx),
      (app) => vaccinationCoverageRoutes(app, ctx),
      (app) => vaccinationAdverseEventRoutes(app, ctx),
      (app) => certificateRoutes(app, ctx),
      (app) => governanceRoutes(app, ctx),
      (app) => indicatorRoutes(app, ctx),
      (app) => reportingRoutes(app, ctx),
      (app) => privacyRoutes(app, ctx),
      (app) => fhirRoutes(app, ctx),
    ],
  });
}
