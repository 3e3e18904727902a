/**
 * Who sees what. This is the single table that decides which sections each
 * role gets in the navbar, which cards its start page shows, and which
 * section routes it may open. Change access here and nowhere else.
 *
 * Every `card` key must have a text in `i18n/sv.ts` and `i18n/en.ts`
 * (`cards.<key>`); the type checker enforces it.
 */
import type { Actor } from './api.js';

/** Role ids exactly as the server sends them (the contract's enum). */
export type Role = Actor['role'];
export type StaffRole = Exclude<Role, 'citizen'>;

/** Section id → route. Titles live in the translations under `sections.<id>`. */
export const SECTION_PATHS = {
  testing: '/testing',
  tracing: '/tracing',
  vaccination: '/vaccination',
  certificates: '/certificates',
  reporting: '/reporting',
  indicators: '/indicators',
  messages: '/messages',
  audit: '/admin/audit',
  staff: '/admin/staff',
  myRecord: '/my-record',
  governance: '/governance',
  persons: '/persons',
} as const;

export type SectionId = keyof typeof SECTION_PATHS;

/**
 * How a role uses a section, for the pages to adapt to:
 * - `own`: a citizen's own data,
 * - `work`: operational work on individuals,
 * - `statistics`: read-only aggregated figures.
 */
export type SectionMode = 'own' | 'work' | 'statistics';

export const CARD_KEYS = [
  'ownTests',
  'ownBookings',
  'ownCertificates',
  'inbox',
  'whoReadMyRecord',
  'sampling',
  'labResults',
  'referrals',
  'tracingCases',
  'tracingCoordination',
  'tracingOversight',
  'tracingStatistics',
  'sequencingResults',
  'testingOversight',
  'vaccinating',
  'siteManagement',
  'vaccineCoordination',
  'certificateCases',
  'certificateStatistics',
  'regionalReports',
  'nationalReports',
  'committeeReports',
  'testingStatistics',
  'vaccinationStatistics',
  'auditLog',
  'staffRegister',
  'deliveredMessages',
  'committeeRegister',
  'committeeReading',
  'indicators',
  'findPerson',
] as const;

export type CardKey = (typeof CARD_KEYS)[number];

export interface NavEntry {
  readonly section: SectionId;
  readonly mode: SectionMode;
  /** Start-page card text: `cards.<card>` in the translations. */
  readonly card: CardKey;
}

const entry = (section: SectionId, mode: SectionMode, card: CardKey): NavEntry => ({ section, mode, card });

/** Staff who may read a person's record (the server's `identity.person.read`) find one here. */
const findPerson = entry('persons', 'work', 'findPerson');

/** Role → the sections it sees, in navbar order; every role of the contract has an entry, in display order. */
export const NAVIGATION: Readonly<Record<Role, readonly NavEntry[]>> = {
  citizen: [
    entry('testing', 'own', 'ownTests'),
    entry('vaccination', 'own', 'ownBookings'),
    entry('certificates', 'own', 'ownCertificates'),
    entry('messages', 'own', 'inbox'),
    entry('myRecord', 'own', 'whoReadMyRecord'),
  ],
  sampler: [entry('testing', 'work', 'sampling'), findPerson],
  clinician: [entry('testing', 'work', 'referrals')],
  lab: [entry('testing', 'work', 'labResults'), entry('tracing', 'work', 'sequencingResults'), findPerson],
  tracer: [entry('tracing', 'work', 'tracingCases'), findPerson],
  tracing_coordinator: [entry('tracing', 'work', 'tracingCoordination'), findPerson],
  smittskydd: [entry('tracing', 'work', 'tracingOversight'), entry('testing', 'work', 'testingOversight'), findPerson],
  vaccinator: [entry('vaccination', 'work', 'vaccinating'), findPerson],
  site_manager: [entry('vaccination', 'work', 'siteManagement'), findPerson],
  vaccine_coordinator: [entry('vaccination', 'work', 'vaccineCoordination'), findPerson],
  certificate_admin: [entry('certificates', 'work', 'certificateCases'), findPerson],
  analyst: [
    entry('reporting', 'statistics', 'regionalReports'),
    entry('testing', 'statistics', 'testingStatistics'),
    entry('tracing', 'statistics', 'tracingStatistics'),
    entry('vaccination', 'statistics', 'vaccinationStatistics'),
    entry('certificates', 'statistics', 'certificateStatistics'),
    entry('indicators', 'statistics', 'indicators'),
  ],
  region_admin: [
    entry('audit', 'work', 'auditLog'),
    entry('staff', 'work', 'staffRegister'),
    entry('messages', 'work', 'deliveredMessages'),
    entry('reporting', 'statistics', 'regionalReports'),
    entry('tracing', 'statistics', 'tracingStatistics'),
    entry('certificates', 'statistics', 'certificateStatistics'),
    findPerson,
  ],
  national_analyst: [
    entry('reporting', 'statistics', 'nationalReports'),
    entry('testing', 'statistics', 'testingStatistics'),
    entry('tracing', 'statistics', 'tracingStatistics'),
    entry('vaccination', 'statistics', 'vaccinationStatistics'),
    entry('certificates', 'statistics', 'certificateStatistics'),
    entry('indicators', 'statistics', 'indicators'),
  ],
  committee_secretary: [entry('governance', 'work', 'committeeRegister'), entry('reporting', 'statistics', 'committeeReports')],
  committee_member: [entry('governance', 'statistics', 'committeeReading')],
};

/** Every role, in display order. */
export const ROLES = Object.keys(NAVIGATION) as Role[];

export function isRole(value: unknown): value is Role {
  return typeof value === 'string' && Object.hasOwn(NAVIGATION, value);
}

/** The sections a role sees; an unknown role (null) sees none. */
export function navigationFor(role: Role | null): readonly NavEntry[] {
  return role === null ? [] : NAVIGATION[role];
}

/** The role's entry for a section, or undefined when the role may not see it. */
export function sectionEntry(role: Role | null, section: SectionId): NavEntry | undefined {
  return navigationFor(role).find((e) => e.section === section);
}

export function canSee(role: Role | null, section: SectionId): boolean {
  return sectionEntry(role, section) !== undefined;
}

export function sectionPath(section: SectionId): string {
  return SECTION_PATHS[section];
}
