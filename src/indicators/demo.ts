import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { DOCTOR_CATEGORIES } from './contacts.js';
import { parsePeriod } from './rules.js';
import { upsertValues, type NewValue } from './values.js';

/**
 * Figures of the named-doctor share the regions reported for 2021 (seed 004, lines 1661–1672): Kalmar, Skåne,
 * Stockholm and Västmanland "60–79 procent" (the seed gives the range only; the split here is illustrative),
 * Östergötland 54 and Blekinge 6 by listing (version 2); Värmland 52 by a patient survey, the older definition
 * (version 1). They stand for what the regions' documents would bring; every value is an aggregate.
 */
const REPORTED_2021: { regionId: string; share: number; version: 1 | 2 }[] = [
  { regionId: '08', share: 0.6, version: 2 },
  { regionId: '12', share: 0.66, version: 2 },
  { regionId: '01', share: 0.72, version: 2 },
  { regionId: '19', share: 0.79, version: 2 },
  { regionId: '05', share: 0.54, version: 2 },
  { regionId: '10', share: 0.06, version: 2 },
  { regionId: '17', share: 0.52, version: 1 },
];

/** The demo region's own reported figures, year by year, against the active versions. */
const OWN: { code: string; period: string; numerator: number; denominator: number }[] = [
  { code: 'named_doctor', period: '2020', numerator: 4_750, denominator: 10_000 },
  { code: 'named_doctor', period: '2021', numerator: 5_080, denominator: 10_000 },
  { code: 'named_doctor', period: '2022', numerator: 5_320, denominator: 10_000 },
  { code: 'named_doctor_care_home', period: '2021', numerator: 930, denominator: 1_000 },
  { code: 'svf_inclusion', period: '2019', numerator: 712, denominator: 1_000 },
  { code: 'svf_inclusion', period: '2020', numerator: 684, denominator: 1_000 },
  { code: 'svf_lead_time', period: '2019', numerator: 590, denominator: 1_000 },
  { code: 'svf_lead_time', period: '2020', numerator: 612, denominator: 1_000 },
];

/**
 * The indicators part of the demo region: reported figures (its own and other regions' for comparison) and a
 * year of synthetic primary-care contacts of the demo people listed at a vårdcentral, for the compute job.
 */
export async function loadIndicatorsDemo(tx: Db, regionId: string, now: Date): Promise<void> {
  const defs = await queryRows<{ id: string; code: string; version: number; active: boolean; period_type: 'year' }>(tx, sql`SELECT id, code, version, active, period_type FROM indicator_definitions`);
  const def = (code: string, version?: number) => defs.find((d) => d.code === code && (version === undefined ? d.active : d.version === version))!;
  const regions = new Map((await queryRows<{ id: string; name: string; population: number }>(tx, sql`SELECT id, name, population FROM regions`)).map((r) => [r.id, r]));
  const year = (y: string) => parsePeriod('year', y) as { period: string; start: string; end: string };
  const own: NewValue[] = OWN.map((v) => ({ definitionId: def(v.code).id, orgLevel: 'region', orgCode: regionId, orgName: regions.get(regionId)!.name, period: year(v.period), numerator: v.numerator, denominator: v.denominator }));
  await upsertValues(tx, regionId, own, { source: 'reported', recordedBy: 'Demo' });
  for (const r of REPORTED_2021.filter((x) => x.regionId !== regionId)) {
    const region = regions.get(r.regionId)!;
    await upsertValues(tx, r.regionId, [{ definitionId: def('named_doctor', r.version).id, orgLevel: 'region', orgCode: r.regionId, orgName: region.name, period: year('2021'), numerator: Math.round(region.population * r.share), denominator: region.population }], {
      source: 'reported',
      recordedBy: 'Demo (regionens redovisning)',
    });
  }
  await loadContactsDemo(tx, regionId, now.getUTCFullYear() - 1);
}

/**
 * Up to six contacts in `year` for each demo person listed at a vårdcentral: mostly doctors, each person with
 * an own doctor they meet about two times in three (so continuity varies between units), a named regular
 * doctor for about three in five. Deterministic: drawn from hashes of the person's id.
 */
async function loadContactsDemo(tx: Db, regionId: string, year: number) {
  await tx.execute(sql`INSERT INTO indicator_primary_care_contacts (region_id, contact_id, person_number, birth_date, care_unit_code, care_unit_name, provider_code, contact_date,
      contact_type, professional_category, practitioner_code, listed_unit_code, named_doctor, care_home)
    SELECT p.region_id, 'demo-' || p.id || '-' || g, i.value, p.birth_date, u.id::text, u.name, 'Region ' || p.region_id,
      make_date(${year}, 1, 1) + (abs(hashtext(p.id::text || g)) % 365),
      (ARRAY['visit', 'visit', 'phone', 'video'])[1 + abs(hashtext(p.id::text || g || 't')) % 4],
      CASE WHEN abs(hashtext(p.id::text || g || 'c')) % 10 < 8 THEN ${DOCTOR_CATEGORIES[0]} ELSE 'sjuksköterska' END,
      u.id::text || '-lakare-' || CASE WHEN abs(hashtext(p.id::text || g || 'd')) % 3 < 2 THEN abs(hashtext(p.id::text)) % 4 ELSE abs(hashtext(p.id::text || g || 'o')) % 4 END,
      u.id::text, abs(hashtext(p.id::text || 'n')) % 5 < 3, p.care_home_id IS NOT NULL
    FROM persons p
    JOIN person_identifiers i ON i.region_id = p.region_id AND i.person_id = p.id AND i.kind = 'personnummer' AND i.is_primary
    JOIN units u ON u.region_id = p.region_id AND u.id = p.vardcentral_id
    CROSS JOIN LATERAL generate_series(1, abs(hashtext(p.id::text || 'k')) % 7) g
    WHERE p.region_id = ${regionId} AND p.synthetic AND p.birth_date IS NOT NULL
    ON CONFLICT (region_id, contact_id) DO NOTHING`);
}
