import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { persons } from './model.js';
import type { Language } from '../platform/text/index.js';

export interface Contact {
  personId: string;
  name: string;
  phone: string | null;
  email: string | null;
  birthDate: string | null;
  /** The language the person chose for messages; Swedish when they chose none. */
  language: Language;
}

/**
 * How to reach people, for other areas that send them messages. It reads personal data, so the caller
 * must be inside a transaction that records why (the audit entry of the change that sends the message).
 */
export async function contactsOf(tx: Db, regionId: string, personIds: string[]): Promise<Map<string, Contact>> {
  if (personIds.length === 0) return new Map();
  const rows = await tx
    .select({ id: persons.id, given: persons.givenName, family: persons.familyName, phone: persons.phone, email: persons.email, birthDate: persons.birthDate, language: persons.language })
    .from(persons)
    .where(and(eq(persons.regionId, regionId), inArray(persons.id, [...new Set(personIds)])));
  return new Map(rows.map((r) => [r.id, { personId: r.id, name: `${r.given} ${r.family}`, phone: r.phone, email: r.email, birthDate: r.birthDate, language: r.language ?? 'sv' }]));
}
