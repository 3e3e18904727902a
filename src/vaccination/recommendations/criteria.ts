import { z } from 'zod';
import { text } from '../../platform/input/index.js';

/**
 * The groups a recommendation can name. Derived from the population register (care home, home care,
 * household, workplace) and from vaccination's own record of risk groups.
 */
export const groups = ['care_home', 'home_care', 'lss_home', 'household_of_care', 'care_staff', 'risk_group'] as const;
export type Group = (typeof groups)[number];

/** Swedish names of the groups, for the reason read out to the person. */
export const groupNames: Record<Group, string> = {
  care_home: 'bor på särskilt boende (SÄBO)',
  home_care: 'har hemtjänst eller hemsjukvård',
  lss_home: 'bor i en LSS-bostad',
  household_of_care: 'bor med någon som har hemtjänst eller bor på SÄBO',
  care_staff: 'arbetar inom äldreomsorgen',
  risk_group: 'tillhör en medicinsk riskgrupp',
};

const monthDay = z.string().max(5).regex(/^(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/, 'MM-DD');

/** One way to be covered: an age range (inclusive, age on the day) and, if given, membership of one of the groups. */
export const Cohort = z
  .object({
    minAge: z.number().int().min(0).max(130).optional(),
    maxAge: z.number().int().min(0).max(130).optional(),
    anyOf: z.array(z.enum(groups)).min(1).optional(),
  })
  .strict()
  .refine((c) => c.minAge === undefined || c.maxAge === undefined || c.minAge <= c.maxAge, { message: 'minAge must not exceed maxAge', path: ['maxAge'] });
export type Cohort = z.infer<typeof Cohort>;

/** A primary series: `doses` doses, each at least `intervalDays` after the one before. */
export const SeriesSchedule = z.object({ kind: z.literal('series'), doses: z.number().int().min(1).max(10), intervalDays: z.number().int().min(0).max(730) }).strict();

/**
 * Seasonal doses: one per window (e.g. spring 1 March–30 June, autumn 1 September–31 January), each at
 * least `minIntervalDays` after the person's previous dose of the vaccine. A window may run over new year.
 */
export const SeasonalSchedule = z
  .object({
    kind: z.literal('seasonal'),
    windows: z.array(z.object({ name: text({ max: 40 }), from: monthDay, to: monthDay }).strict()).min(1).max(4),
    minIntervalDays: z.number().int().min(0).max(730),
    /** Only people who have had at least this many doses already (a booster presupposes a primary series). */
    minPriorDoses: z.number().int().min(0).max(20).default(0),
  })
  .strict();

/** Who a recommendation covers (any one cohort suffices) and which doses it offers them. */
export const Criteria = z
  .object({
    cohorts: z.array(Cohort).min(1).max(10),
    schedule: z.discriminatedUnion('kind', [SeriesSchedule, SeasonalSchedule]),
    /** A sentence for the person: 'två påfyllnadsdoser per år, vår och höst, med sex månaders mellanrum'. */
    offer: text({ max: 300, min: 3 }),
  })
  .strict();
export type Criteria = z.infer<typeof Criteria>;
export type Schedule = Criteria['schedule'];
