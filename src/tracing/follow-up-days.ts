import { invalid } from '../platform/errors.js';

/**
 * Contact follow-up (self-monitoring after exposure, Sara Alert's daily self-report) as a rule with an effective
 * date, like the infectious period: the version in force on the day of last exposure decides how many days the
 * contact is followed. Day 1 is the day after last exposure; the last day is exposure + `days`.
 */
export interface FollowUpRule {
  validFrom: string;
  days: number;
  source: string;
}

/** The versions in force, oldest first. A new version is a new entry with a later `validFrom`; old contacts keep theirs. */
export const FOLLOW_UP_RULES: readonly FollowUpRule[] = [
  { validFrom: '2020-01-01', days: 7, source: 'Issue 20: daily self-report through day 7 after last exposure' },
];

/** The symptoms a contact can report (the same fixed list in every language; labels in the web's i18n and the messages). */
export const SYMPTOMS = ['fever', 'cough', 'sore_throat', 'runny_nose', 'shortness_of_breath', 'loss_of_smell_or_taste', 'headache', 'muscle_aches', 'fatigue', 'stomach'] as const;
export type Symptom = (typeof SYMPTOMS)[number];

export const addDays = (day: string, n: number) => {
  const d = new Date(`${day}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + n);
  return d.toISOString().slice(0, 10);
};
const daysFrom = (from: string, to: string) => Math.round((Date.parse(`${to}T00:00:00Z`) - Date.parse(`${from}T00:00:00Z`)) / 86_400_000);

/** The version in force on `day`: the latest whose `validFrom` is not after it; none before the first. */
export function followUpRuleOn(day: string, rules: readonly FollowUpRule[] = FOLLOW_UP_RULES): FollowUpRule | null {
  return [...rules].sort((a, b) => a.validFrom.localeCompare(b.validFrom)).findLast((r) => r.validFrom <= day) ?? null;
}

export interface FollowUpWindow {
  lastExposure: string;
  firstDay: string;
  lastDay: string;
  days: number;
  ruleValidFrom: string;
}

/** The days a contact exposed last on `lastExposure` is followed; null when no version of the rule covers that day. */
export function followUpWindow(lastExposure: string, rules: readonly FollowUpRule[] = FOLLOW_UP_RULES): FollowUpWindow | null {
  const rule = followUpRuleOn(lastExposure, rules);
  if (!rule) return null;
  return { lastExposure, firstDay: addDays(lastExposure, 1), lastDay: addDays(lastExposure, rule.days), days: rule.days, ruleValidFrom: rule.validFrom };
}

/** Which day of follow-up `day` is (1 … days), or null outside the window. */
export function followUpDayOf(w: FollowUpWindow, day: string): number | null {
  const n = daysFrom(w.lastExposure, day);
  return n >= 1 && n <= w.days ? n : null;
}

/** The earliest exposure day still followed on `today` under any version (for the daily job's search). */
export const earliestFollowedExposure = (today: string, rules: readonly FollowUpRule[] = FOLLOW_UP_RULES) => addDays(today, -Math.max(...rules.map((r) => r.days)));

/** An answer must be for a day of follow-up that has come (answers for later days, or after the window, are refused). */
export function checkAnswerDay(w: FollowUpWindow, day: string, today: string): number {
  const n = followUpDayOf(w, day);
  if (n === null) throw invalid('day', `${day} is not a day of follow-up (${w.firstDay} – ${w.lastDay}) / dagen ligger utanför uppföljningen`);
  if (day > today) throw invalid('day', `${day} has not come yet / dagen har inte kommit än`);
  return n;
}

export interface CheckInAnswer {
  hasSymptoms: boolean;
  symptoms: readonly string[];
  tested: boolean;
  testDate?: string | null | undefined;
}

/** Symptoms yes needs at least one named, no needs none; a test date belongs with a test, after exposure and not in the future. */
export function checkAnswer(a: CheckInAnswer, w: FollowUpWindow, today: string): void {
  const unknown = a.symptoms.find((s) => !(SYMPTOMS as readonly string[]).includes(s));
  if (unknown !== undefined) throw invalid('symptoms', `unknown symptom "${unknown}" / okänt symtom`);
  if (a.hasSymptoms && a.symptoms.length === 0) throw invalid('symptoms', 'name at least one symptom / ange minst ett symtom');
  if (!a.hasSymptoms && a.symptoms.length > 0) throw invalid('symptoms', 'symptoms given with "no symptoms" / symtom angivna med "inga symtom"');
  if (!a.tested && a.testDate) throw invalid('testDate', 'a test date without a test / testdatum utan test');
  if (a.tested && !a.testDate) throw invalid('testDate', 'give the day of the test / ange testdagen');
  if (a.testDate && (a.testDate < w.lastExposure || a.testDate > today)) throw invalid('testDate', `the test day must be from ${w.lastExposure} to today / testdagen ska ligga mellan exponeringen och i dag`);
}

/**
 * Unanswered check-ins in a row up to yesterday (today's may still be answered today): walking back from
 * yesterday over days a check-in was sent, stopping at the first answered day or a day without one.
 */
export function missedInARow(checkIns: readonly { day: string; answered: boolean }[], today: string): number {
  const byDay = new Map(checkIns.map((c) => [c.day, c.answered]));
  let n = 0;
  for (let d = addDays(today, -1); byDay.get(d) === false; d = addDays(d, -1)) n += 1;
  return n;
}

/** Two unanswered days running put the contact on the tracers' line list. */
export const MISSED_DAYS_TO_LIST = 2;

/** The next day an answer is due: the first unanswered day from today on (or today's, if unanswered), null after the window. */
export function nextDueDay(w: FollowUpWindow, answeredDays: ReadonlySet<string>, today: string): string | null {
  for (let d = today < w.firstDay ? w.firstDay : today; d <= w.lastDay; d = addDays(d, 1)) if (!answeredDays.has(d)) return d;
  return null;
}
