import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/sql.js';

/** What identifies the people of a region, as it could appear in a payload. */
export interface KnownPeople {
  ids: string[];
  identityNumbers: string[];
  names: string[];
  birthDates: string[];
}

/**
 * Birth dates from this year on are left out of the scan: a payload names report periods and weeks (the
 * first of a month, a Monday), which a child's birth date can equal by chance. The identity number and
 * person-id scans still cover every child.
 */
export const BIRTH_DATES_BEFORE = '2015-01-01';

/** The region's people as a payload could name them: person ids, identity numbers in every written form, full names, birth dates. */
export async function knownPeople(tx: Db, regionId: string): Promise<KnownPeople> {
  const people = await queryRows<{ id: string; given_name: string; family_name: string; birth_date: string | null }>(
    tx,
    sql`SELECT id, given_name, family_name, birth_date::text FROM persons WHERE region_id = ${regionId}`,
  );
  const numbers = await queryRows<{ value: string; kind: string }>(tx, sql`SELECT value, kind FROM person_identifiers WHERE region_id = ${regionId}`);
  return {
    ids: people.map((p) => p.id),
    // 198502031234, 19850203-1234, 8502031234 and 850203-1234; a reservnummer as the region writes it.
    identityNumbers: numbers.flatMap((n) => (n.kind === 'reservnummer' ? [n.value] : [n.value, `${n.value.slice(0, 8)}-${n.value.slice(8)}`, n.value.slice(2), `${n.value.slice(2, 8)}-${n.value.slice(8)}`])),
    names: people.filter((p) => p.given_name && p.family_name).map((p) => `${p.given_name} ${p.family_name}`),
    birthDates: [...new Set(people.flatMap((p) => (p.birth_date && p.birth_date < BIRTH_DATES_BEFORE ? [p.birth_date, p.birth_date.replace(/-/g, '')] : [])))],
  };
}

/** Every trace of a known person in `payload` (as JSON text), named by kind and value; empty when there is none. */
export function personalDataIn(payload: unknown, people: KnownPeople): string[] {
  const text = JSON.stringify(payload).toLowerCase();
  const found = (kind: string, values: string[]) => values.filter((v) => text.includes(v.toLowerCase())).map((v) => `${kind} ${v}`);
  return [...found('person id', people.ids), ...found('identity number', people.identityNumbers), ...found('name', people.names), ...found('birth date', people.birthDates)];
}
