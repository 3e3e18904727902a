import type { FieldError } from '../platform/errors.js';
import { questionsOf, type Question, type TemplateContent, type TrafficLight } from './template.js';

/*
 * Pure decisions of the reporting area: is a template sound, does an answer fit its question, what is missing,
 * where a round stands on a day, and the traffic-light summary. No I/O; days are 'YYYY-MM-DD' in Swedish time.
 */

/** A template the builder sends: ids unique across the template, option keys unique in a question, ranges that make sense. */
export function templateProblems(t: TemplateContent): FieldError[] {
  const problems: FieldError[] = [];
  const seen = new Set<string>();
  t.sections.forEach((s, si) =>
    s.questions.forEach((q, qi) => {
      const at = `content.sections.${si}.questions.${qi}`;
      if (seen.has(q.id)) problems.push({ field: `${at}.id`, message: `the question id ${q.id} is used twice` });
      seen.add(q.id);
      const keys = q.kind === 'single_choice' || q.kind === 'multiple_choice' ? q.options.map((o) => o.key) : q.kind === 'table' ? [...q.rows.map((r) => `row:${r.key}`), ...q.columns.map((c) => `column:${c.key}`)] : [];
      const dup = keys.find((k, i) => keys.indexOf(k) !== i);
      if (dup) problems.push({ field: at, message: `${dup.replace(/^(row|column):/, '$1 ')} is listed twice` });
      if (q.kind === 'number' && q.min !== undefined && q.max !== undefined && q.min > q.max) problems.push({ field: `${at}.min`, message: 'greater than max' });
    }),
  );
  return problems;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;
const isDay = (v: string) => DAY.test(v) && !Number.isNaN(Date.parse(`${v}T00:00:00Z`)) && new Date(`${v}T00:00:00Z`).toISOString().startsWith(v);
const isObject = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

/** Whether a value counts as answered: an empty text, list or table is not. */
export function isAnswered(q: Question, value: unknown): boolean {
  if (value === null || value === undefined) return false;
  if (typeof value === 'string') return value.trim().length > 0;
  if (Array.isArray(value)) return value.length > 0;
  if (q.kind === 'table' && isObject(value)) return Object.values(value).some((row) => isObject(row) && Object.values(row).some((c) => c !== null));
  return true;
}

/**
 * Does a value fit its question? Returns the reason, named by `field`, or null. Checks the type, the unit of a
 * number, the range, a text's length, the options of a choice, a table's rows and columns, and that a traffic
 * light other than green carries a motivation.
 */
export function answerProblem(q: Question, value: unknown, field: string): FieldError | null {
  const bad = (message: string, at = field): FieldError => ({ field: at, message });
  switch (q.kind) {
    case 'text':
      if (typeof value !== 'string') return bad('expected text');
      return value.length > q.maxLength ? bad(`at most ${q.maxLength} characters (${value.length} given)`) : null;
    case 'number': {
      let n: unknown = value;
      if (isObject(value)) {
        if (value.unit !== q.unit) return bad(`the unit is ${q.unit}, not ${String(value.unit)}`);
        n = value.amount;
      }
      if (typeof n !== 'number' || !Number.isFinite(n)) return bad(`expected a number (${q.unit})`);
      if (q.integer && !Number.isInteger(n)) return bad('expected a whole number');
      if (q.min !== undefined && n < q.min) return bad(`at least ${q.min} ${q.unit}`);
      if (q.max !== undefined && n > q.max) return bad(`at most ${q.max} ${q.unit}`);
      return null;
    }
    case 'table': {
      if (!isObject(value)) return bad('expected a table of rows and columns');
      const rows = new Set(q.rows.map((r) => r.key));
      const cols = new Set(q.columns.map((c) => c.key));
      for (const [r, row] of Object.entries(value)) {
        if (!rows.has(r)) return bad('not a row of this table', `${field}.${r}`);
        if (!isObject(row)) return bad('expected the row’s columns', `${field}.${r}`);
        for (const [c, cell] of Object.entries(row)) {
          if (!cols.has(c)) return bad('not a column of this table', `${field}.${r}.${c}`);
          if (cell === null) continue;
          if (typeof cell !== 'number' || !Number.isFinite(cell)) return bad('expected a number', `${field}.${r}.${c}`);
          if (q.min !== undefined && cell < q.min) return bad(`at least ${q.min}`, `${field}.${r}.${c}`);
        }
      }
      return null;
    }
    case 'traffic_light': {
      if (!isObject(value) || !['green', 'yellow', 'red'].includes(value.light as string)) return bad('expected green, yellow or red');
      const motivation = typeof value.motivation === 'string' ? value.motivation.trim() : '';
      return value.light !== 'green' && motivation.length === 0 ? bad('a motivation is required when the light is not green', `${field}.motivation`) : null;
    }
    case 'single_choice':
      return typeof value === 'string' && q.options.some((o) => o.key === value) ? null : bad(`expected one of ${q.options.map((o) => o.key).join(', ')}`);
    case 'multiple_choice': {
      if (!Array.isArray(value)) return bad('expected a list of options');
      const unknown = value.find((v) => !q.options.some((o) => o.key === v));
      if (unknown !== undefined) return bad(`${String(unknown)} is not an option`);
      return new Set(value).size === value.length ? null : bad('an option is chosen twice');
    }
    case 'date':
      return typeof value === 'string' && isDay(value) ? null : bad('expected a date (YYYY-MM-DD)');
    case 'initiatives':
      return bad('initiatives are entered in the initiatives register, not as an answer');
  }
}

/** The mandatory questions without an answer: what a reminder lists and what blocks a submission. */
export function missingQuestions(t: TemplateContent, answers: ReadonlyMap<string, unknown>, initiativesByArea: ReadonlyMap<string, number>): Question[] {
  return questionsOf(t).filter((q) => q.mandatory && (q.kind === 'initiatives' ? (initiativesByArea.get(q.developmentArea) ?? 0) === 0 : !isAnswered(q, answers.get(q.id))));
}

export type RoundPhase = 'upcoming' | 'open' | 'late';

/** Answers are taken from the opening day; after the deadline they are late but still taken. */
export function roundPhase(round: { opensOn: string; deadline: string }, today: string): RoundPhase {
  if (today < round.opensOn) return 'upcoming';
  return today > round.deadline ? 'late' : 'open';
}

/** Days before the deadline a reminder goes out. */
export const REMIND_DAYS_BEFORE = 3;

const dayNumber = (d: string) => Date.parse(`${d}T00:00:00Z`) / 86_400_000;

/** Which reminder is due for an unsubmitted return on a day: before the deadline, late, or none. */
export function reminderDue(round: { opensOn: string; deadline: string }, today: string): 'before-deadline' | 'late' | null {
  if (today < round.opensOn) return null;
  const left = dayNumber(round.deadline) - dayNumber(today);
  if (left < 0) return 'late';
  return left <= REMIND_DAYS_BEFORE ? 'before-deadline' : null;
}

/** A template version may be changed on a round only before it opens and while no one has answered. */
export function templateChangeRefusal(round: { opensOn: string }, today: string, answered: number): string | null {
  if (today >= round.opensOn) return 'the round is open: its template version can no longer change';
  return answered > 0 ? 'answers exist on the current version' : null;
}

export interface LightAnswer {
  organisation: string;
  light: TrafficLight;
  motivation: string | null;
}

/** "19 regions green, 2 yellow, none red": counts per light, the reasons given, and who has not answered. */
export function trafficLightSummary(expected: readonly string[], answers: readonly LightAnswer[]) {
  const counts = { green: 0, yellow: 0, red: 0 };
  for (const a of answers) counts[a.light] += 1;
  const answered = new Set(answers.map((a) => a.organisation));
  return {
    counts,
    unanswered: expected.filter((o) => !answered.has(o)),
    reasons: answers.filter((a) => a.light !== 'green').map((a) => ({ organisation: a.organisation, light: a.light, motivation: a.motivation ?? '' })),
  };
}

/** The summary as SKR writes it (seed 001): "19 regioner grön, 2 gul, inga röd". */
export function trafficLightSentence(counts: { green: number; yellow: number; red: number }, noun: { one: string; many: string } = { one: 'region', many: 'regioner' }): string {
  const n = (x: number) => (x === 0 ? 'inga' : String(x));
  return `${n(counts.green)} ${counts.green === 1 ? noun.one : noun.many} grön, ${n(counts.yellow)} gul, ${n(counts.red)} röd`.replace(/^./, (c) => c.toUpperCase());
}
