export const staffRoles = [
  'sampler',
  'lab',
  /** Vårdpersonal at a vårdcentral or a ward: writes referrals for their unit, traces cases handed to it. */
  'clinician',
  'tracer',
  'tracing_coordinator',
  'smittskydd',
  'vaccinator',
  'site_manager',
  'vaccine_coordinator',
  'certificate_admin',
  'analyst',
  'region_admin',
  'national_analyst',
  'committee_secretary',
  'committee_member',
] as const;
export type StaffRole = (typeof staffRoles)[number];
export const roles = ['citizen', ...staffRoles] as const;
export type Role = (typeof roles)[number];

export const isStaffRole = (r: string): r is StaffRole => (staffRoles as readonly string[]).includes(r);

/** Roles whose scope is every region, in aggregate only: they never see a person's data. */
export const aggregateOnlyRoles: readonly Role[] = ['national_analyst'];
