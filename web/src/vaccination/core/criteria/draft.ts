import type { Criteria, Group } from '../vaccinationApi.js';

/** A number input's value: '' while it is blank. */
export type Num = number | '';

/** What a number input's onChange gives, as a draft value. */
export const num = (v: number | string): Num => (typeof v === 'number' ? v : '');

export interface CohortDraft {
  minAge: Num;
  maxAge: Num;
  anyOf: Group[];
}

export interface WindowDraft {
  name: string;
  from: string;
  to: string;
}

/** The criteria form's state: `Criteria` (src/vaccination/recommendations/criteria.ts) with blanks, and both schedules kept while switching. */
export interface CriteriaDraft {
  cohorts: CohortDraft[];
  kind: 'series' | 'seasonal';
  series: { doses: Num; intervalDays: Num };
  seasonal: { windows: WindowDraft[]; minIntervalDays: Num; minPriorDoses: Num };
  offer: string;
}

/** Limits of the zod schema, so the form offers no more than the server takes. */
export const MAX_COHORTS = 10;
export const MAX_WINDOWS = 4;

export const emptyCohort: CohortDraft = { minAge: '', maxAge: '', anyOf: [] };
export const emptyWindow: WindowDraft = { name: '', from: '', to: '' };

/** Next season's likely rule: 65 and older and risk groups from 18, one booster in autumn. */
export const initialDraft: CriteriaDraft = {
  cohorts: [
    { ...emptyCohort, minAge: 65 },
    { ...emptyCohort, minAge: 18, anyOf: ['risk_group'] },
  ],
  kind: 'seasonal',
  series: { doses: 2, intervalDays: 21 },
  seasonal: { windows: [{ name: 'höstens dos', from: '09-01', to: '12-31' }], minIntervalDays: 180, minPriorDoses: 0 },
  offer: 'en påfyllnadsdos på hösten',
};

const given = (v: Num) => (v === '' ? undefined : v);

/** The schedule's numbers that are blank, as the server would name them; the form sends nothing until they are given. */
export function blankNumbers(d: CriteriaDraft): string[] {
  const numbers = d.kind === 'series' ? d.series : { minIntervalDays: d.seasonal.minIntervalDays, minPriorDoses: d.seasonal.minPriorDoses };
  return Object.entries(numbers)
    .filter(([, v]) => v === '')
    .map(([k]) => `criteria.schedule.${k}`);
}

/** The criteria to send: blank ages and no groups are left out (no limit); call when `blankNumbers` is empty. */
export function toCriteria(d: CriteriaDraft): Criteria {
  const cohorts = d.cohorts.map((c) => ({ minAge: given(c.minAge), maxAge: given(c.maxAge), anyOf: c.anyOf.length ? c.anyOf : undefined }));
  const schedule: Criteria['schedule'] =
    d.kind === 'series'
      ? { kind: 'series', doses: Number(d.series.doses), intervalDays: Number(d.series.intervalDays) }
      : { kind: 'seasonal', windows: d.seasonal.windows, minIntervalDays: Number(d.seasonal.minIntervalDays), minPriorDoses: Number(d.seasonal.minPriorDoses) };
  return { cohorts, schedule, offer: d.offer };
}
