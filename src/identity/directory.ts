import { and, eq, inArray } from 'drizzle-orm';
import type { PersonDirectory } from '../platform/audit/routes.js';
import { maskIdentityNumber, tryParseIdentityNumber } from './identity-number.js';
import { personIdentifiers, persons } from './model.js';
import * as store from './store.js';

/** The identity area's answer to "who is this?" for shared infrastructure (audit search, inboxes). */
export const personDirectory: PersonDirectory = {
  async recordIdsForNumber(tx, regionId, identityNumber) {
    const parsed = tryParseIdentityNumber(identityNumber, { now: new Date(), reserveRegion: regionId });
    const personId = parsed.ok ? await store.findPersonIdByIdentifier(tx, regionId, parsed.value.canonical) : undefined;
    return personId ? store.personRecordIds(tx, regionId, personId) : [];
  },
  recordIds: (tx, regionId, personId) => store.personRecordIds(tx, regionId, personId),
  async labels(tx, regionId, personIds) {
    if (personIds.length === 0) return new Map();
    const rows = await tx
      .select({ id: persons.id, given: persons.givenName, family: persons.familyName, value: personIdentifiers.value })
      .from(persons)
      .leftJoin(personIdentifiers, and(eq(personIdentifiers.regionId, persons.regionId), eq(personIdentifiers.personId, persons.id), eq(personIdentifiers.isPrimary, true)))
      .where(and(eq(persons.regionId, regionId), inArray(persons.id, personIds)));
    return new Map(rows.map((r) => [r.id, `${r.given} ${r.family.slice(0, 1)}., ${r.value ? maskIdentityNumber(r.value) : '–'}`]));
  },
};
