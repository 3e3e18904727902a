import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/sql.js';
import { vaccinationRecommendations, type Vaccine } from '../model.js';
import type { Group } from './criteria.js';
import { evaluate, type Eligibility, type GivenDose, type PersonFacts, type Recommendation } from './rules.js';

/** Store-level helpers of the recommendation engine: the rules and people from the database, decided by rules.ts. */

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
