import type { StaffRole } from '../platform/auth/roles.js';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { personIdentifiers, persons, postalCodes, regions, staff, units } from './model.js';
import type { IdentityKind, LegalSex } from './identity-number.js';

export interface NewPerson {
  id?: string;
  identityNumber: string;
  idKind: IdentityKind;
  issuingRegion?: string | null;
  givenName: string;
  familyName: string;
  birthDate: string | null;
  legalSex: LegalSex | null;
  streetAddress?: string | null;
  postalCode?: string | null;
  locality?: string | null;
  municipalityCode?: string | null;
  phone?: string | null;
  email?: string | null;
  householdId?: string | null;
  careHomeId?: string | null;
  homeCare?: boolean;
  schoolId?: string | null;
  schoolClass?: string | null;
  workplaceId?: string | null;
  vardcentralId?: string | null;
  synthetic?: boolean;
}

const col = <T,>(rows: NewPerson[], f: (p: NewPerson) => T) => sql.param(rows.map(f));

/**
 * Inserts people with their identity numbers, a few thousand rows per statement (unnest arrays: one
 * round trip, no per-row query building). Returns the ids in input order. A number already registered
 * in the region makes the whole call fail with a unique violation, so callers run it in their transaction.
 */
export async function insertPersons(tx: Db, regionId: string, people: NewPerson[], chunk = 5_000): Promise<string[]> {
  const ids: string[] = [];
  for (let i = 0; i < people.length; i += chunk) {
    const rows = people.slice(i, i + chunk).map((p) => ({ ...p, id: p.id ?? crypto.randomUUID() }));
    await tx.execute(sql`
      INSERT INTO persons (region_id, id, given_name, family_name, birth_date, legal_sex, street_address, postal_code, locality,
        municipality_code, phone, email, household_id, care_home_id, home_care, school_id, school_class, workplace_id, vardcentral_id, synthetic)
      SELECT ${regionId}, * FROM unnest(
        ${col(rows, (p) => p.id)}::uuid[], ${col(rows, (p) => p.givenName)}::text[], ${col(rows, (p) => p.familyName)}::text[],
        ${col(rows, (p) => p.birthDate)}::date[], ${col(rows, (p) => p.legalSex)}::text[], ${col(rows, (p) => p.streetAddress ?? null)}::text[],
        ${col(rows, (p) => p.postalCode ?? null)}::text[], ${col(rows, (p) => p.locality ?? null)}::text[], ${col(rows, (p) => p.municipalityCode ?? null)}::text[],
        ${col(rows, (p) => p.phone ?? null)}::text[], ${col(rows, (p) => p.email ?? null)}::text[], ${col(rows, (p) => p.householdId ?? null)}::uuid[],
        ${col(rows, (p) => p.careHomeId ?? null)}::uuid[], ${col(rows, (p) => p.homeCare ?? false)}::bool[], ${col(rows, (p) => p.schoolId ?? null)}::uuid[],
        ${col(rows, (p) => p.schoolClass ?? null)}::text[], ${col(rows, (p) => p.workplaceId ?? null)}::uuid[], ${col(rows, (p) => p.vardcentralId ?? null)}::uuid[],
        ${col(rows, (p) => p.synthetic ?? false)}::bool[])`);
    await tx.execute(sql`
      INSERT INTO person_identifiers (region_id, value, kind, person_id, issuing_region, is_primary)
      SELECT ${regionId}, v, k, p, r, true FROM unnest(
        ${col(rows, (p) => p.identityNumber)}::text[], ${col(rows, (p) => p.idKind)}::text[], ${col(rows, (p) => p.id)}::uuid[],
        ${col(rows, (p) => p.issuingRegion ?? null)}::text[]) AS t(v, k, p, r)`);
    ids.push(...rows.map((r) => r.id!));
  }
  return ids;
}

export type PersonRow = typeof persons.$inferSelect;

/** The person a number belongs to, following merges: an old reservnummer still finds the merged record. */
export async function findPersonIdByIdentifier(tx: Db, regionId: string, value: string): Promise<string | undefined> {
  const [row] = await tx
    .select({ personId: sql<string>`coalesce(${persons.mergedInto}, ${persons.id})` })
    .from(personIdentifiers)
    .innerJoin(persons, and(eq(persons.regionId, personIdentifiers.regionId), eq(persons.id, personIdentifiers.personId)))
    .where(and(eq(personIdentifiers.regionId, regionId), eq(personIdentifiers.value, value)));
  return row?.personId;
}

export async function findPerson(tx: Db, regionId: string, id: string): Promise<PersonRow | undefined> {
  const [row] = await tx.select().from(persons).where(and(eq(persons.regionId, regionId), eq(persons.id, id)));
  if (row?.mergedInto) return findPerson(tx, regionId, row.mergedInto);
  return row;
}

/** A citizen's chosen language, for the messages sent to them. */
export async function setPersonLanguage(tx: Db, regionId: string, id: string, language: 'sv' | 'en'): Promise<void> {
  await tx.update(persons).set({ language }).where(and(eq(persons.regionId, regionId), eq(persons.id, id)));
}

export async function listIdentifiers(tx: Db, regionId: string, personIds: string[]) {
  if (personIds.length === 0) return [];
  return tx
    .select({ personId: personIdentifiers.personId, value: personIdentifiers.value, kind: personIdentifiers.kind, issuingRegion: personIdentifiers.issuingRegion, isPrimary: personIdentifiers.isPrimary, addedAt: personIdentifiers.addedAt })
    .from(personIdentifiers)
    .where(and(eq(personIdentifiers.regionId, regionId), sql`${personIdentifiers.personId} = ANY(${sql.param(personIds)}::uuid[])`))
    .orderBy(sql`${personIdentifiers.isPrimary} DESC, ${personIdentifiers.addedAt}`);
}

/** Every record id that is this person: the record itself and those merged into it. */
export async function personRecordIds(tx: Db, regionId: string, personId: string): Promise<string[]> {
  const rows = await tx
    .select({ id: persons.id })
    .from(persons)
    .where(and(eq(persons.regionId, regionId), sql`(${persons.id} = ${personId} OR ${persons.mergedInto} = ${personId})`));
  return rows.map((r) => r.id);
}

export interface PersonSearch {
  name?: string;
  /** Exact: with a name, narrows a search to one person and their namesakes born the same day. */
  birthDate?: string;
  municipalityCode?: string;
  limit: number;
  /** Keyset cursor: the last (family name, given name, id) of the previous page. */
  after?: { familyName: string; givenName: string; id: string };
}

export async function searchPersons(tx: Db, regionId: string, q: PersonSearch): Promise<PersonRow[]> {
  const conds = [eq(persons.regionId, regionId), sql`${persons.mergedInto} IS NULL`];
  if (q.name) {
    for (const word of q.name.trim().split(/\s+/)) {
      const pattern = `${word.replace(/[\\%_]/g, '\\$&')}%`;
      conds.push(sql`(${persons.familyName} ILIKE ${pattern} OR ${persons.givenName} ILIKE ${pattern})`);
    }
  }
  if (q.birthDate) conds.push(eq(persons.birthDate, q.birthDate));
  if (q.municipalityCode) conds.push(eq(persons.municipalityCode, q.municipalityCode));
  if (q.after) conds.push(sql`(${persons.familyName}, ${persons.givenName}, ${persons.id}) > (${q.after.familyName}, ${q.after.givenName}, ${q.after.id})`);
  return tx
    .select()
    .from(persons)
    .where(and(...conds))
    .orderBy(persons.familyName, persons.givenName, persons.id)
    .limit(q.limit);
}

export async function addIdentifier(tx: Db, regionId: string, personId: string, value: string, kind: IdentityKind, issuingRegion: string | null) {
  // The new number becomes the one shown; the old ones stay, so they keep finding the person.
  await tx.update(personIdentifiers).set({ isPrimary: false }).where(and(eq(personIdentifiers.regionId, regionId), eq(personIdentifiers.personId, personId)));
  await tx.insert(personIdentifiers).values({ regionId, value, kind, personId, issuingRegion, isPrimary: true });
}

/** Folds `fromId` into `intoId`: its numbers move over (not primary), and the old record points to the new one. */
export async function mergePersons(tx: Db, regionId: string, fromId: string, intoId: string) {
  await tx
    .update(personIdentifiers)
    .set({ personId: intoId, isPrimary: false })
    .where(and(eq(personIdentifiers.regionId, regionId), eq(personIdentifiers.personId, fromId)));
  await tx.update(persons).set({ mergedInto: intoId, updatedAt: sql`now()` }).where(and(eq(persons.regionId, regionId), eq(persons.id, fromId)));
  // Records merged earlier into `fromId` now point straight at the survivor.
  await tx.update(persons).set({ mergedInto: intoId }).where(and(eq(persons.regionId, regionId), eq(persons.mergedInto, fromId)));
}

/** Fills in what the merged-away record knew and the survivor did not (no data is lost in a merge). */
export async function fillMissingFrom(tx: Db, regionId: string, fromId: string, intoId: string) {
  const fields = ['birth_date', 'legal_sex', 'street_address', 'postal_code', 'locality', 'municipality_code', 'phone', 'email', 'household_id', 'care_home_id', 'school_id', 'school_class', 'workplace_id', 'vardcentral_id'];
  await tx.execute(sql`UPDATE persons t SET ${sql.raw(fields.map((f) => `${f} = coalesce(t.${f}, f.${f})`).join(', '))}, updated_at = now()
    FROM persons f WHERE t.region_id = ${regionId} AND t.id = ${intoId} AND f.region_id = ${regionId} AND f.id = ${fromId}`);
}

export async function getRegion(tx: Db, id: string) {
  const [row] = await tx.select().from(regions).where(eq(regions.id, id));
  return row;
}

export const listRegions = (tx: Db) => tx.select().from(regions).orderBy(regions.name);

export async function findStaff(tx: Db, regionId: string, id: string) {
  const [row] = await tx
    .select({ id: staff.id, name: staff.name, role: staff.role, regionId: staff.regionId, unitId: staff.unitId, unitName: units.name, active: staff.active, synthetic: staff.synthetic })
    .from(staff)
    .leftJoin(units, and(eq(units.regionId, staff.regionId), eq(units.id, staff.unitId)))
    .where(and(eq(staff.regionId, regionId), eq(staff.id, id)));
  return row;
}

export async function findStaffBySubject(tx: Db, regionId: string, subject: string) {
  const [row] = await tx.select().from(staff).where(and(eq(staff.regionId, regionId), eq(staff.oidcSubject, subject), eq(staff.active, true)));
  return row;
}

export async function findPostalCode(tx: Db, postalCode: string) {
  const [row] = await tx.select().from(postalCodes).where(eq(postalCodes.postalCode, postalCode));
  return row;
}

export async function knownPostalCodes(tx: Db, codes: (string | null)[]): Promise<Set<string>> {
  const wanted = [...new Set(codes.filter((c): c is string => !!c))];
  if (wanted.length === 0) return new Set();
  const rows = await tx.select({ code: postalCodes.postalCode }).from(postalCodes).where(sql`${postalCodes.postalCode} = ANY(${sql.param(wanted)}::text[])`);
  return new Set(rows.map((r) => r.code));
}

export async function setDerivedIdentity(tx: Db, regionId: string, personId: string, birthDate: string, legalSex: LegalSex | null) {
  await tx.update(persons).set({ birthDate, legalSex, updatedAt: sql`now()` }).where(and(eq(persons.regionId, regionId), eq(persons.id, personId)));
}

/** Active staff of a region with one of the roles (for assigning work). */
export const activeStaffWithRole = (tx: Db, regionId: string, roles: string[]) =>
  tx
    .select({ id: staff.id, name: staff.name, role: staff.role })
    .from(staff)
    .where(and(eq(staff.regionId, regionId), eq(staff.active, true), sql`${staff.role} = ANY(${sql.param(roles)}::text[])`))
    .orderBy(staff.name);

/** The e-mail addresses of a region's active staff in a role (reminders to the region's analysts, for one). */
export async function staffEmails(tx: Db, regionId: string, role: StaffRole): Promise<string[]> {
  const rows = await tx
    .select({ email: staff.email })
    .from(staff)
    .where(and(eq(staff.regionId, regionId), eq(staff.role, role), eq(staff.active, true), sql`${staff.email} IS NOT NULL`));
  return rows.map((r) => r.email!);
}
