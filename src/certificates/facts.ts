import type { Db } from '../platform/db/client.js';
import { toIso } from '../platform/db/sql.js';
import { findPerson, listIdentifiers, personRecordIds } from '../identity/store.js';
import type { IdentityKind } from '../identity/identity-number.js';
import { samplesOf } from '../testing/store.js';
import { dosesOfPeople } from '../vaccination/store.js';
import type { Holder } from './hcert/payload.js';
import type { DoseFact, TestFact } from './rules.js';

/**
 * What a certificate is made from, read through the owning areas' stores: the holder from identity, tests
 * from testing, doses from vaccination (records merged into the person included). Personal data: the
 * caller audits.
 */
export interface PersonFacts {
  personId: string;
  holder: Holder;
  name: string;
  identityKinds: IdentityKind[];
  primaryIdentity: { kind: IdentityKind; value: string } | null;
}

export async function personFacts(tx: Db, regionId: string, personId: string): Promise<PersonFacts | undefined> {
  const person = await findPerson(tx, regionId, personId);
  if (!person) return undefined;
  const identifiers = await listIdentifiers(tx, regionId, [person.id]);
  const primary = identifiers.find((i) => i.isPrimary) ?? identifiers[0];
  return {
    personId: person.id,
    holder: { familyName: person.familyName, givenName: person.givenName, birthDate: person.birthDate ?? '' },
    name: `${person.givenName} ${person.familyName}`,
    identityKinds: [...new Set(identifiers.map((i) => i.kind))],
    primaryIdentity: primary ? { kind: primary.kind, value: primary.value } : null,
  };
}

export async function testsOf(tx: Db, regionId: string, personId: string): Promise<(TestFact & { centre: string | null; method: string | null })[]> {
  const rows = await samplesOf(tx, regionId, await personRecordIds(tx, regionId, personId));
  return rows.map((s) => ({
    id: s.id,
    testType: s.testType,
    collection: s.collection,
    result: s.result ?? null,
    takenAt: new Date(toIso(s.takenAt)),
    centre: s.provider,
    method: s.method,
  }));
}

export async function dosesOf(tx: Db, regionId: string, personId: string): Promise<DoseFact[]> {
  const rows = await dosesOfPeople(tx, regionId, await personRecordIds(tx, regionId, personId));
  return rows.map((d) => ({ id: d.id, vaccine: d.vaccine, productCode: d.productCode, doseNumber: d.doseNumber, administeredAt: new Date(toIso(d.administeredAt)) }));
}
