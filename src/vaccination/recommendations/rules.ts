/**
 * The recommendation engine's decisions: which dose a person is offered, from when, and why. Pure (no I/O,
 * `on` passed in); engine.ts loads the rules and people from the database and calls these.
 */
import type { Vaccine } from '../model.js';
import { ageOn, calendarDateInStockholm } from '../../identity/identity-number.js';
import { groupNames, type Cohort, type Criteria, type Group } from './criteria.js';
import { addDays, birthdayAt, maxDate, swedishDate } from './dates.js';

export interface Recommendation {
  id: string;
  code: string;
  version: number;
  vaccine: Vaccine;
  title: string;
  priority: number;
  validFrom: string;
  validTo: string | null;
  criteria: Criteria;
}

/** What the engine needs to know about a person: age and the groups they belong to. */
export interface PersonFacts {
  birthDate: string | null;
  groups: readonly Group[];
}

export interface GivenDose {
  vaccine: Vaccine;
  doseNumber: number;
  /** The Swedish calendar day the dose was given. */
  day: string;
  /** Booked, not yet given (historiesOf with `countBookedBefore`). */
  booked?: boolean;
}

export interface Eligibility {
  eligible: boolean;
  recommendationId: string | null;
  vaccine: string;
  /** The next dose's number (all doses of the vaccine the person has had, plus one). */
  doseNumber: number | null;
  /** First day the dose may be given ('YYYY-MM-DD'), today or later; null when no rule offers one. */
  from: string | null;
  /** Why, in Swedish a call-centre agent can read out. */
  reason: string;
}

interface Offer {
  rec: Recommendation;
  from: string;
  doseNumber: number;
  /** What sets `from`, when it is later than today. */
  because: string | null;
  who: string;
}

type Outcome = { offer: Offer } | { done: string } | null;

/** Offers further ahead than this are not made: a rule for 18-year-olds says nothing yet to a child of 12. */
const HORIZON_DAYS = 365;

/** Earliest day on or after `today` the person is in the cohort, with the words saying why; null if never. */
function cohortFrom(cohort: Cohort, person: PersonFacts, today: string): { from: string; who: string; because: string | null } | null {
  const matched = cohort.anyOf?.find((g) => person.groups.includes(g));
  if (cohort.anyOf && !matched) return null;
  const ageNeeded = cohort.minAge !== undefined || cohort.maxAge !== undefined;
  if (ageNeeded && !person.birthDate) return null;
  let from = today;
  let because: string | null = null;
  const parts: string[] = [];
  if (person.birthDate && ageNeeded) {
    const age = ageOn(person.birthDate, new Date(`${today}T12:00:00Z`));
    if (cohort.maxAge !== undefined && age > cohort.maxAge) return null;
    if (cohort.minAge !== undefined && age < cohort.minAge) {
      from = birthdayAt(person.birthDate, cohort.minAge);
      because = `du fyller ${cohort.minAge} år ${swedishDate(from)}`;
      if (cohort.maxAge !== undefined && from > birthdayAt(person.birthDate, cohort.maxAge + 1)) return null;
    }
    parts.push(`du är ${age} år`);
  }
  if (matched) parts.push(`du ${groupNames[matched]}`);
  return { from, who: parts.join(' och ') || 'du omfattas', because };
}

/** The next dose a recommendation offers, ignoring who it covers. */
function scheduleFrom(rec: Recommendation, doses: GivenDose[], earliest: string): { from: string; because: string | null } | { done: string } | null {
  const s = rec.criteria.schedule;
  const last = doses.at(-1);
  if (s.kind === 'series') {
    if (doses.length >= s.doses) return { done: `Du har fått ${doses.length} doser, och ${rec.title.toLowerCase()} omfattar ${s.doses}` };
    const afterLast = last ? addDays(last.day, s.intervalDays) : null;
    const from = maxDate(earliest, afterLast);
    return { from, because: afterLast && from === afterLast && from > earliest ? `minst ${s.intervalDays} dagar efter förra dosen (${swedishDate(last!.day)})` : null };
  }
  if (doses.length < s.minPriorDoses) return null;
  const afterLast = last ? addDays(last.day, s.minIntervalDays) : null;
  const start = maxDate(earliest, afterLast);
  const year = Number(start.slice(0, 4));
  const instances = [year - 1, year, year + 1, year + 2]
    .flatMap((y) => s.windows.map((w) => ({ name: w.name, from: `${y}-${w.from}`, to: w.to >= w.from ? `${y}-${w.to}` : `${y + 1}-${w.to}` })))
    .sort((a, b) => a.from.localeCompare(b.from));
  for (const w of instances) {
    if (w.to < start) continue;
    if (doses.some((d) => d.day >= w.from && d.day <= w.to)) continue;
    const from = maxDate(start, w.from);
    let because: string | null = null;
    if (from > earliest) because = from === w.from ? `${w.name} börjar ${swedishDate(w.from)}` : `tidigast ${s.minIntervalDays} dagar efter förra dosen (${swedishDate(last!.day)})`;
    return { from, because };
  }
  return null;
}

function offerOf(rec: Recommendation, person: PersonFacts, doses: GivenDose[], today: string): Outcome {
  if (rec.validTo && rec.validTo < today) return null;
  const cohorts = rec.criteria.cohorts.map((c) => cohortFrom(c, person, today)).filter((c) => c !== null);
  if (cohorts.length === 0) return null;
  const cohort = cohorts.reduce((a, b) => (b.from < a.from ? b : a));
  const earliest = maxDate(today, rec.validFrom, cohort.from);
  const next = scheduleFrom(rec, doses, earliest);
  if (!next) return null;
  if ('done' in next) return next;
  if ((rec.validTo && next.from > rec.validTo) || next.from > addDays(today, HORIZON_DAYS)) return null;
  const because = next.because ?? (earliest > today ? (earliest === cohort.from ? cohort.because : `rekommendationen gäller från ${swedishDate(rec.validFrom)}`) : null);
  return { offer: { rec, from: next.from, doseNumber: doses.length + 1, because, who: cohort.who } };
}

/**
 * Which dose of `vaccine` the recommendations offer a person, from when, and why. Pure: the rules, the
 * person and the doses they have had come in, `on` is the moment asked about (its Swedish calendar day
 * counts). When several rules offer a dose, the earliest wins, then the lower priority number.
 */
export function evaluate(recommendations: readonly Recommendation[], person: PersonFacts, history: readonly GivenDose[], on: Date, vaccine: Vaccine = 'covid-19'): Eligibility {
  const today = calendarDateInStockholm(on);
  const doses = history.filter((d) => d.vaccine === vaccine && d.day <= today).sort((a, b) => a.day.localeCompare(b.day) || a.doseNumber - b.doseNumber);
  const outcomes = recommendations.filter((r) => r.vaccine === vaccine).map((r) => offerOf(r, person, doses, today));
  const offers = outcomes.flatMap((o) => (o && 'offer' in o ? [o.offer] : []));
  const best = offers.sort((a, b) => a.from.localeCompare(b.from) || a.rec.priority - b.rec.priority || b.rec.validFrom.localeCompare(a.rec.validFrom))[0];
  const name = vaccine === 'covid-19' ? 'covid-19' : 'influensa';
  if (!best) {
    const done = outcomes.find((o): o is { done: string } => !!o && 'done' in o);
    if (done) return { eligible: false, recommendationId: null, vaccine, doseNumber: null, from: null, reason: `${done.done}. Ingen fler dos mot ${name} rekommenderas för dig nu.` };
    const age = person.birthDate ? ` (du är ${ageOn(person.birthDate, new Date(`${today}T12:00:00Z`))} år)` : '';
    return { eligible: false, recommendationId: null, vaccine, doseNumber: null, from: null, reason: `Ingen gällande rekommendation om vaccination mot ${name} omfattar dig${age}.` };
  }
  const eligible = best.from <= today;
  const when = eligible ? `Du kan få dos ${best.doseNumber} nu.` : `Du kan få dos ${best.doseNumber} från ${swedishDate(best.from)}${best.because ? ` (${best.because})` : ''}.`;
  return {
    eligible,
    recommendationId: best.rec.id,
    vaccine,
    doseNumber: best.doseNumber,
    from: best.from,
    reason: `${best.rec.title}: gäller dig eftersom ${best.who}. Rekommendationen: ${best.rec.criteria.offer}. ${when}`,
  };
}

/** The dose that can follow a booked one: its number and first day, and the rule that offers it. */
export interface NextDose {
  vaccine: Vaccine;
  doseNumber: number;
  from: string;
  recommendationId: string;
}

/**
 * What comes after a booked dose: the engine asked on the day of the booked time, as if the dose had been
 * given then, so the interval (series) or the next window and minimum gap (seasonal) of the rule that
 * applies that day decide. Null when no rule offers a further dose. Pure, like `evaluate`.
 */
export function nextDoseAfter(recommendations: readonly Recommendation[], person: PersonFacts, history: readonly GivenDose[], booked: { vaccine: Vaccine; doseNumber: number; at: Date }): NextDose | null {
  const given = history.filter((d) => d.vaccine !== booked.vaccine || d.doseNumber < booked.doseNumber);
  const asGiven: GivenDose = { vaccine: booked.vaccine, doseNumber: booked.doseNumber, day: calendarDateInStockholm(booked.at) };
  const next = evaluate(recommendations, person, [...given, asGiven], booked.at, booked.vaccine);
  if (next.doseNumber === null || next.from === null || next.recommendationId === null) return null;
  return { vaccine: booked.vaccine, doseNumber: next.doseNumber, from: next.from, recommendationId: next.recommendationId };
}
