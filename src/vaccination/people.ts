import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { ageOn, formatIdentityNumber, type IdentityKind } from '../identity/identity-number.js';
import { findPerson } from '../identity/store.js';

export interface PersonSummary {
  id: string;
  name: string;
  birthDate: string | null;
  age: number | null;
  postalCode: string | null;
  municipalityCode: string | null;
  identityNumber: string | null;
}

/** Name, age, home and primary identity number of some people (personal data: the caller audits). */
export async function summariesOf(tx: Db, regionId: string, personIds: string[], now: Date): Promise<Map<string, PersonSummary>> {
  if (personIds.length === 0) return new Map();
  const rows = await queryRows<{ id: string; given_name: string; family_name: string; birth_date: string | null; postal_code: string | null; municipality_code: string | null; value: string | null; kind: IdentityKind | null }>(
    tx,
    sql`SELECT p.id, p.given_name, p.family_name, p.birth_date, p.postal_code, p.municipality_code, i.value, i.kind
      FROM persons p LEFT JOIN person_identifiers i ON i.region_id = p.region_id AND i.person_id = p.id AND i.is_primary
      WHERE p.region_id = ${regionId} AND p.id = ANY(${sql.param([...new Set(personIds)])}::uuid[])`,
  );
  return new Map(
    rows.map((r) => [
      r.id,
      {
        id: r.id,
        name: `${r.given_name} ${r.family_name}`,
        birthDate: r.birth_date,
        age: r.birth_date ? ageOn(r.birth_date, now) : null,
        postalCode: r.postal_code,
        municipalityCode: r.municipality_code,
        identityNumber: r.value && r.kind ? formatIdentityNumber({ kind: r.kind, canonical: r.value }) : null,
      },
    ]),
  );
}

/**
 * The children a citizen may book for: under 18 and registered in the citizen's household, the citizen
 * being an adult. The register holds no custody data; a shared household is what the region knows.
 */
export async function childrenOf(tx: Db, regionId: string, guardianId: string, now: Date): Promise<string[]> {
  const guardian = await findPerson(tx, regionId, guardianId);
  if (!guardian?.householdId || !guardian.birthDate || ageOn(guardian.birthDate, now) < 18) return [];
  const rows = await queryRows<{ id: string; birth_date: string | null }>(
    tx,
    sql`SELECT id, birth_date FROM persons WHERE region_id = ${regionId} AND household_id = ${guardian.householdId} AND id <> ${guardian.id} AND merged_into IS NULL`,
  );
  return rows.filter((r) => r.birth_date && ageOn(r.birth_date, now) < 18).map((r) => r.id);
}
