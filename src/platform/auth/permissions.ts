import { text } from '../text/index.js';
import { AppError } from '../errors.js';
import type { Actor } from './actor.js';
import type { Role } from './roles.js';

/**
 * Who may do what. Every API route names one of these (or 'public' / 'authenticated'), and the server
 * checks it before the handler runs; a route that names none fails at start-up.
 * Areas add their permissions here so the whole access matrix is readable in one place.
 */
export const permissions = {
  'identity.person.read': ['sampler', 'lab', 'tracer', 'tracing_coordinator', 'smittskydd', 'vaccinator', 'site_manager', 'vaccine_coordinator', 'certificate_admin', 'region_admin'],
  'identity.person.write': ['sampler', 'tracer', 'tracing_coordinator', 'vaccinator', 'site_manager', 'region_admin'],
  'identity.person.link': ['region_admin', 'certificate_admin', 'vaccine_coordinator'],
  'identity.staff.manage': ['region_admin'],
  'identity.reference.read': ['sampler', 'lab', 'tracer', 'tracing_coordinator', 'smittskydd', 'vaccinator', 'site_manager', 'vaccine_coordinator', 'certificate_admin', 'analyst', 'region_admin', 'national_analyst', 'committee_secretary'],
  'audit.own.read': ['citizen'],
  'audit.search': ['region_admin'],
  'messages.inbox.read': ['citizen'],
  'messages.delivered.read': ['region_admin'],
  'testing.own': ['citizen'],
  'testing.points.read': ['citizen', 'sampler', 'lab', 'region_admin'],
  'testing.kits.issue': ['lab', 'sampler', 'region_admin'],
  'testing.sample.collect': ['sampler'],
  'testing.sample.receive': ['lab'],
  'testing.result.register': ['lab'],
  'testing.results.import': ['lab'],
  'testing.unmatched.resolve': ['lab'],
  'testing.referrals.write': ['clinician'],
  'testing.calls': ['sampler'],
  'testing.capacity.declare': ['lab', 'sampler'],
  'testing.statistics.read': ['sampler', 'lab', 'smittskydd', 'analyst', 'region_admin', 'national_analyst'],
  'testing.reimbursement.read': ['analyst', 'region_admin'],
  'testing.rates.read': ['analyst', 'region_admin', 'national_analyst'],
  'testing.rates.set': ['national_analyst'],
  'tracing.queue.read': ['tracer', 'tracing_coordinator', 'smittskydd'],
  'tracing.case.work': ['tracer', 'tracing_coordinator'],
  'tracing.assign': ['tracing_coordinator'],
  'tracing.case.read': ['tracer', 'tracing_coordinator', 'smittskydd'],
  'tracing.case.close': ['tracer', 'tracing_coordinator', 'smittskydd'],
  'tracing.questionnaire.own': ['citizen'],
  'tracing.outbreaks.read': ['smittskydd', 'tracing_coordinator'],
  'tracing.outbreaks.manage': ['smittskydd'],
  'tracing.outbreaks.create': ['smittskydd', 'tracing_coordinator'],
  'tracing.signals.read': ['smittskydd', 'tracing_coordinator'],
  'tracing.sequencing.read': ['smittskydd', 'lab'],
  'tracing.sequencing.record': ['lab', 'smittskydd'],
  'tracing.statistics.read': ['tracing_coordinator', 'smittskydd', 'analyst', 'region_admin', 'national_analyst'],
  // Vaccination: citizens for themselves (and their children); staff by their work.
  'vaccination.own': ['citizen'],
  'vaccination.recommendations.read': ['vaccinator', 'site_manager', 'vaccine_coordinator', 'analyst', 'region_admin'],
  'vaccination.recommendations.manage': ['vaccine_coordinator'],
  'vaccination.eligibility.check': ['vaccinator', 'site_manager', 'vaccine_coordinator'],
  'vaccination.sites.read': ['citizen', 'vaccinator', 'site_manager', 'vaccine_coordinator', 'region_admin'],
  'vaccination.sites.manage': ['site_manager', 'vaccine_coordinator'],
  'vaccination.book.on-behalf': ['vaccinator', 'site_manager', 'vaccine_coordinator'],
  'vaccination.appointments.read': ['vaccinator', 'site_manager'],
  'vaccination.dose.record': ['vaccinator'],
  'vaccination.risk-group.record': ['vaccinator', 'vaccine_coordinator'],
  'vaccination.supply.manage': ['vaccine_coordinator'],
  'vaccination.stock.read': ['vaccinator', 'site_manager', 'vaccine_coordinator'],
  'vaccination.stock.manage': ['vaccinator', 'site_manager'],
  'vaccination.nvr.read': ['vaccine_coordinator', 'site_manager'],
  'vaccination.nvr.manage': ['vaccine_coordinator'],
  'vaccination.invitations.manage': ['vaccine_coordinator'],
  'vaccination.adverse-events.report': ['vaccinator'],
  'vaccination.adverse-events.statistics': ['vaccine_coordinator', 'smittskydd', 'analyst', 'region_admin'],
  'vaccination.coverage.read': ['vaccine_coordinator', 'smittskydd', 'analyst', 'region_admin', 'national_analyst'],
  // Certificates: citizens ask for their own (and their children's); administrators handle what needs a person.
  'certificates.own': ['citizen'],
  'certificates.read': ['citizen', 'certificate_admin'],
  'certificates.manage': ['certificate_admin'],
  'certificates.statistics.read': ['certificate_admin', 'analyst', 'region_admin', 'national_analyst'],
  // Governance: the committee's register, meetings and minutes. The secretary writes, members read; the public
  // register is public. Secret documents are released to the secretary only, and every release is audited.
  'governance.read': ['committee_secretary', 'committee_member'],
  'governance.write': ['committee_secretary'],
  'governance.secret.read': ['committee_secretary'],
  // Members check (justera) the minutes themselves; the secretary may record a signature given on paper.
  'governance.minutes.sign': ['committee_secretary', 'committee_member'],
  'governance.delegated.register': ['committee_secretary', 'region_admin'],
  // Indicators: definitions and aggregate values are read widely; the analyst records, imports and computes.
  'indicators.read': ['analyst', 'national_analyst', 'region_admin', 'smittskydd', 'vaccine_coordinator', 'tracing_coordinator', 'committee_secretary'],
  'indicators.definitions.manage': ['analyst', 'national_analyst'],
  'indicators.values.record': ['analyst'],
  'indicators.contacts.import': ['analyst'],
  'indicators.compute': ['analyst'],
  'indicators.documents.import': ['analyst', 'national_analyst'],
  // Reporting: national analysts build templates, open rounds, reopen and publish; a region's analysts answer.
  'reporting.rounds.read': ['analyst', 'region_admin', 'national_analyst', 'committee_secretary'],
  'reporting.templates.manage': ['national_analyst'],
  'reporting.rounds.manage': ['national_analyst'],
  'reporting.answer': ['analyst'],
  'reporting.initiatives.read': ['analyst', 'region_admin', 'national_analyst', 'committee_secretary'],
  'reporting.report.read': ['analyst', 'region_admin', 'national_analyst', 'committee_secretary'],
  'reporting.key.read': ['analyst', 'region_admin'],
  'reporting.national.manage': ['national_analyst'],
  'reporting.aggregates.send': ['analyst', 'region_admin'],
  // Privacy: a citizen takes out their register extract (and their children's); the region's administrator follows the purge.
  'privacy.extract': ['citizen'],
  'privacy.purge.read': ['region_admin'],
  // FHIR API: system clients by their token's scopes; staff who may read it in the browser or with their session.
  'fhir.read': ['smittskydd', 'region_admin'],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof permissions;
export type RouteAccess = 'public' | 'authenticated' | Permission;

export function can(actor: Actor | undefined, permission: Permission): boolean {
  if (!actor || actor.kind === 'system') return actor?.kind === 'system';
  return (permissions[permission] as readonly Role[]).includes(actor.role);
}

export function requirePermission(actor: Actor | undefined, permission: Permission): asserts actor is Actor {
  if (!actor) throw new AppError('unauthenticated', text('error.loginRequired'));
  if (!can(actor, permission)) throw new AppError('forbidden', text('error.roleMayNot', { role: text(`role.${actor.role}`), permission }));
}

/** A store call that returns personal data asks this first: aggregate-only roles are refused. */
export function personalDataScope(actor: Actor): string {
  if (actor.role === 'national_analyst') throw new AppError('forbidden', text('error.aggregatesOnly'));
  return actor.regionId;
}
