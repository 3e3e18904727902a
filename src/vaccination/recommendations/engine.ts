import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/sql.js';
import { ageOn, calendarDateInStockholm } from '../../identity/identity-number.js';
import { vaccinationRecommendations, type Vaccine } from '../model.js';
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

// --- Store-level helpers ---------------------------------------------------------------------------

/** The region's recommendations (every version: each row carries its own validity). */
export async function recommendationsOf(tx: Db, regionId: string, vaccine?: Vaccine): Promise<Recommendation[]> {
  const rows = await tx
    .select()
    .from(vaccinationRecommendations)
    .where(and(eq(vaccinationRecommendations.regionId, regionId), vaccine ? eq(vaccinationRecommendations.vaccine, vaccine) : undefined))
    .orderBy(vaccinationRecommendations.validFrom, vaccinationRecommendations.priority, vaccinationRecommendations.code, vaccinationRecommendations.version);
  return rows.map((r) => ({ id: r.id, code: r.code, version: r.version, vaccine: r.vaccine, title: r.title, priority: r.priority, validFrom: r.validFrom, validTo: r.validTo, criteria: r.criteria }));
}

interface PersonRow {
  id: string;
  birth_date: string | null;
  care_kind: string | null;
  has_care_home: boolean;
  home_care: boolean;
  work_kind: string | null;
  risk_group: boolean;
  household_of_care: boolean;
  doses: GivenDose[];
}

/** What the engine needs about a person: the facts its cohorts ask about, and the doses they have had. */
export interface PersonHistory {
  facts: PersonFacts;
  doses: GivenDose[];
}

/**
 * Facts and doses of many people in one statement: the register's care home, home care, household and
 * workplace, vaccination's record of risk groups, and the doses given. With `countBookedBefore`, live
 * bookings of a time before that moment count as doses given on their day, so the next dose can be booked
 * at its interval before the booked one is given (`exceptVisit`: the visit being moved does not count).
 * Personal data: the caller audits the read.
 */
export async function historiesOf(tx: Db, regionId: string, personIds: string[], opts: { countBookedBefore?: Date; exceptVisit?: string } = {}): Promise<Map<string, PersonHistory>> {
  if (personIds.length === 0) return new Map();
  const day = (col: string) => sql.raw(`to_char(${col} AT TIME ZONE 'Europe/Stockholm', 'YYYY-MM-DD')`);
  const booked = opts.countBookedBefore
    ? sql`UNION ALL SELECT b.vaccine, b.dose_number, b.starts_at, ${day('b.starts_at')}, true FROM vaccination_bookings b
        WHERE b.region_id = p.region_id AND b.person_id = p.id AND b.status = 'booked' AND b.starts_at < ${opts.countBookedBefore.toISOString()}::timestamptz
          ${opts.exceptVisit ? sql`AND b.visit_id <> ${opts.exceptVisit}` : sql``}`
    : sql``;
  const rows = await queryRows<PersonRow>(
    tx,
    sql`SELECT p.id, p.birth_date, cu.kind AS care_kind, p.care_home_id IS NOT NULL AS has_care_home, p.home_care, wu.kind AS work_kind,
        coalesce(a.risk_group, false) AS risk_group,
        (p.household_id IS NOT NULL AND EXISTS (SELECT 1 FROM persons h WHERE h.region_id = p.region_id AND h.household_id = p.household_id
          AND h.id <> p.id AND (h.home_care OR h.care_home_id IS NOT NULL))) AS household_of_care,
        coalesce(given.doses, '[]'::json) AS doses
      FROM persons p
      LEFT JOIN units cu ON cu.region_id = p.region_id AND cu.id = p.care_home_id
      LEFT JOIN units wu ON wu.region_id = p.region_id AND wu.id = p.workplace_id
      LEFT JOIN vaccination_person_attributes a ON a.region_id = p.region_id AND a.person_id = p.id
      LEFT JOIN LATERAL (
        SELECT json_agg(json_strip_nulls(json_build_object('vaccine', x.vaccine, 'doseNumber', x.dose_number, 'day', x.day, 'booked', x.booked)) ORDER BY x.at) AS doses
        FROM (SELECT d.vaccine, d.dose_number, d.administered_at AS at, ${day('d.administered_at')} AS day, NULL::boolean AS booked FROM vaccination_doses d
              WHERE d.region_id = p.region_id AND d.person_id = p.id ${booked}) x) given ON true
      WHERE p.region_id = ${regionId} AND p.id = ANY(${sql.param([...new Set(personIds)])}::uuid[])`,
  );
  return new Map(
    rows.map((r) => {
      const g: Group[] = [];
      if (r.has_care_home) g.push(r.care_kind === 'lss_home' ? 'lss_home' : 'care_home');
      if (r.home_care) g.push('home_care');
      if (r.household_of_care) g.push('household_of_care');
      if (r.work_kind === 'care_home' || r.work_kind === 'home_care') g.push('care_staff');
      if (r.risk_group) g.push('risk_group');
      return [r.id, { facts: { birthDate: r.birth_date, groups: g }, doses: r.doses }];
    }),
  );
}

/**
 * Eligibility of many people at once (invitations of thousands): two set-based reads, then the pure
 * engine per person. People not found in the region are left out of the map. The caller audits.
 */
export async function eligibilityFor(tx: Db, regionId: string, personIds: string[], on: Date, vaccine: Vaccine = 'covid-19'): Promise<Map<string, Eligibility>> {
  const [recs, people] = [await recommendationsOf(tx, regionId, vaccine), await historiesOf(tx, regionId, personIds)];
  const result = new Map<string, Eligibility>();
  for (const [personId, h] of people) result.set(personId, evaluate(recs, h.facts, h.doses, on, vaccine));
  return result;
}
