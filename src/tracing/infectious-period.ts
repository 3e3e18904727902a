import { AppError } from '../platform/errors.js';

/**
 * The infectious period (smittsam period) as a rule with an effective date, like the vaccination recommendations:
 * a version applies to cases whose basis day (symptom onset, or the sampling day without symptoms) falls on or after
 * its `validFrom`, until the next version. Contacts are sought within the period; a contact exposed outside it is flagged.
 */
export interface InfectiousPeriodRule {
  validFrom: string;
  /** Days before and after symptom onset. */
  symptomatic: { daysBefore: number; daysAfter: number };
  /** Days before and after the sampling day, for a case without symptoms. */
  asymptomatic: { daysBefore: number; daysAfter: number };
  source: string;
}

/** The versions in force, oldest first. A new version is a new row with a later `validFrom`; the old ones stay for old cases. */
export const INFECTIOUS_PERIOD_RULES: readonly InfectiousPeriodRule[] = [
  {
    validFrom: '2020-01-01',
    symptomatic: { daysBefore: 2, daysAfter: 7 },
    asymptomatic: { daysBefore: 2, daysAfter: 7 },
    source: 'Issue 20: from 48 hours before symptom onset (or the sampling day) to 7 days after',
  },
];

export type PeriodBasis = 'onset' | 'sample';

export interface InfectiousPeriod {
  from: string;
  to: string;
  basis: PeriodBasis;
  /** The sampling day stands in because onset is not known yet (neither given nor "no symptoms"). */
  provisional: boolean;
  ruleValidFrom: string;
}

const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};

/** The version in force on `day`: the latest whose `validFrom` is not after it. */
export function ruleOn(day: string, rules: readonly InfectiousPeriodRule[] = INFECTIOUS_PERIOD_RULES): InfectiousPeriodRule {
  const rule = [...rules].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).findLast((r) => r.validFrom <= day);
  if (!rule) throw new AppError('invalid', `no infectious-period rule is in force on ${day}`);
  return rule;
}

/**
 * The case's infectious period: from symptom onset when known, from the sampling day when the case has no symptoms,
 * and provisionally from the sampling day while neither is known. Days are Swedish calendar days, both ends included.
 */
export function infectiousPeriod(c: { symptomOnset: string | null; noSymptoms: boolean; sampleDay: string }, rules: readonly InfectiousPeriodRule[] = INFECTIOUS_PERIOD_RULES): InfectiousPeriod {
  const basis: PeriodBasis = c.symptomOnset && !c.noSymptoms ? 'onset' : 'sample';
  const day = basis === 'onset' ? c.symptomOnset! : c.sampleDay;
  const rule = ruleOn(day, rules);
  const span = basis === 'onset' ? rule.symptomatic : rule.asymptomatic;
  return { from: addDays(day, -span.daysBefore), to: addDays(day, span.daysAfter), basis, provisional: basis === 'sample' && !c.noSymptoms, ruleValidFrom: rule.validFrom };
}

/** A contact's exposure outside the period (a day given, before or after it); no exposure day is not flagged. */
export const exposedOutside = (exposureDate: string | null, period: Pick<InfectiousPeriod, 'from' | 'to'>) => exposureDate !== null && (exposureDate < period.from || exposureDate > period.to);

/** Case classification (SmiNet's terms) and what became of the person. */
export const classifications = ['suspected', 'probable', 'confirmed', 'not_a_case'] as const;
export type Classification = (typeof classifications)[number];
export const caseOutcomes = ['recovering', 'recovered', 'hospitalised', 'deceased', 'unknown'] as const;
export type CaseOutcome = (typeof caseOutcomes)[number];

/** Symptom onset and "no symptoms" exclude each other; an onset lies in the past and not long before the sample. */
export function checkOnset(input: { symptomOnset: string | null; noSymptoms: boolean }, sampleDay: string, today: string): void {
  const problem = (message: string) => new AppError('invalid', `symptomOnset: ${message}`, [{ field: 'symptomOnset', message }]);
  if (input.symptomOnset && input.noSymptoms) throw problem('Ange antingen symtomdebut eller inga symtom / give either an onset or no symptoms');
  if (!input.symptomOnset) return;
  if (input.symptomOnset > today) throw problem('Symtomdebuten ligger i framtiden / the onset is in the future');
  if (input.symptomOnset < addDays(sampleDay, -30)) throw problem('Mer än 30 dagar före provet / more than 30 days before the sample');
}
