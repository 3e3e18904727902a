import { z } from 'zod';
import type { Actor } from '../platform/auth/actor.js';
import { personalDataScope } from '../platform/auth/permissions.js';
import { record, recordMany } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { AppError, conflict, invalid, notFound } from '../platform/errors.js';
import { text, unglue } from '../platform/text/index.js';
import { cursorCodec } from '../platform/input/index.js';
import { personsMerged } from './events.js';
import { ageOn, calendarDateInStockholm, formatIdentityNumber, InvalidIdentityNumber, parseIdentityNumber, type AcceptedKinds, type IdentityKind, type IdentityNumber } from './identity-number.js';
import type { LinkIdentityNumberBody, PersonView, RegisterPersonBody } from './schemas.js';
import { findCriteria, FIND_LIMIT } from './search-rules.js';
import * as store from './store.js';

/** Parses a number where it enters, turning a bad one into an error that names the field and the reason. */
export function identityNumberInput(
  field: string,
  raw: string,
  opts: { now: Date; reserveRegion?: string; accept?: AcceptedKinds },
): IdentityNumber {
  try {
    return parseIdentityNumber(raw, opts);
  } catch (e) {
    if (e instanceof InvalidIdentityNumber) throw invalid(field, unglue(e.message));
    throw e;
  }
}

async function toViews(tx: Db, regionId: string, rows: store.PersonRow[], now: Date): Promise<PersonView[]> {
  const identifiers = await store.listIdentifiers(tx, regionId, rows.map((r) => r.id));
  const knownPostal = await store.knownPostalCodes(tx, rows.map((r) => r.postalCode));
  return rows.map((r) => {
    const ids = identifiers.filter((i) => i.personId === r.id);
    const primary = ids.find((i) => i.isPrimary) ?? ids[0];
    if (!primary) throw new Error(`person ${r.id} has no identity number`);
    return {
      id: r.id,
      regionId: r.regionId,
      identityNumber: formatIdentityNumber({ kind: primary.kind, canonical: primary.value }),
      idKind: primary.kind,
      identifiers: ids.map((i) => ({ kind: i.kind, value: i.value, issuingRegion: i.issuingRegion, primary: i.isPrimary })),
      givenName: r.givenName,
      familyName: r.familyName,
      birthDate: r.birthDate,
      age: r.birthDate ? ageOn(r.birthDate, now) : null,
      legalSex: r.legalSex,
      streetAddress: r.streetAddress,
      postalCode: r.postalCode,
      locality: r.locality,
      municipalityCode: r.municipalityCode,
      phone: r.phone,
      email: r.email,
      synthetic: r.synthetic,
      warnings: r.postalCode && !knownPostal.has(r.postalCode) ? [`Postal code ${r.postalCode} is not in the reference list; check it`] : [],
    };
  });
}

export async function registerPerson(ctx: AppContext, actor: Actor, input: RegisterPersonBody): Promise<PersonView> {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  const id = identityNumberInput('identityNumber', input.identityNumber, { now, reserveRegion: input.issuingRegion ?? regionId });
  return ctx.database.db.transaction(async (tx) => {
    if (await store.findPersonIdByIdentifier(tx, regionId, id.canonical)) throw conflict(text('identity.numberTaken'), 'identityNumber');
    const postalCode = input.postalCode?.replace(' ', '');
    const place = postalCode ? await store.findPostalCode(tx, postalCode) : undefined;
    const [personId] = await store.insertPersons(tx, regionId, [
      {
        identityNumber: id.canonical,
        idKind: id.kind,
        issuingRegion: id.issuingRegion,
        givenName: input.givenName,
        familyName: input.familyName,
        birthDate: id.birthDate,
        legalSex: id.legalSex,
        phone: input.phone ?? null,
        email: input.email ?? null,
        streetAddress: input.streetAddress ?? null,
        postalCode: postalCode ?? null,
        locality: place?.locality ?? null,
        municipalityCode: place?.municipalityCode ?? null,
      },
    ]);
    await record(tx, actor, { action: 'identity.person.created', personId, purpose: 'registrering' });
    const row = await store.findPerson(tx, regionId, personId!);
    return (await toViews(tx, regionId, [row!], now))[0]!;
  });
}

export async function getPerson(ctx: AppContext, actor: Actor, personId: string, purpose: string): Promise<PersonView> {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const row = await store.findPerson(tx, regionId, personId);
    if (!row) throw notFound(text('what.person'));
    await record(tx, actor, { action: 'identity.person.read', personId: row.id, purpose });
    return (await toViews(tx, regionId, [row], ctx.clock.now()))[0]!;
  });
}

interface SearchInput {
  identityNumber?: string;
  issuingRegion?: string;
  name?: string;
  municipalityCode?: string;
  purpose: string;
  limit: number;
  cursor?: string;
}

/** Finds people by number (exact) or by name; every person returned is a read, and is audited as one. */
export async function searchPeople(ctx: AppContext, actor: Actor, q: SearchInput): Promise<{ people: PersonView[]; nextCursor: string | null }> {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  if (!q.identityNumber && !q.name && !q.municipalityCode) throw invalid('identityNumber', text('identity.searchNeedsCriterion'));
  const number = q.identityNumber ? identityNumberInput('identityNumber', q.identityNumber, { now, reserveRegion: q.issuingRegion ?? regionId }) : undefined;
  const after = q.cursor ? personCursor.decode(q.cursor) : undefined;
  return ctx.database.db.transaction(async (tx) => {
    let rows: store.PersonRow[];
    if (number) {
      rows = await holderOf(tx, regionId, number);
    } else {
      rows = await store.searchPersons(tx, regionId, { name: q.name, municipalityCode: q.municipalityCode, limit: q.limit + 1, after });
    }
    const more = rows.length > q.limit;
    rows = rows.slice(0, q.limit);
    await recordMany(tx, actor, rows.map((r) => ({ action: 'identity.person.read', personId: r.id, purpose: q.purpose, details: { via: 'search' } })));
    const last = rows.at(-1);
    return { people: await toViews(tx, regionId, rows, now), nextCursor: more && last ? personCursor.encode({ familyName: last.familyName, givenName: last.givenName, id: last.id }) : null };
  });
}

/** The one person holding a number (following merges), as a list of none or one. */
async function holderOf(tx: Db, regionId: string, number: IdentityNumber): Promise<store.PersonRow[]> {
  const id = await store.findPersonIdByIdentifier(tx, regionId, number.canonical);
  const row = id ? await store.findPerson(tx, regionId, id) : undefined;
  return row ? [row] : [];
}

/**
 * Staff find a person (issue 20, section 4): by the identity number, or by name and birth date, in their region,
 * with a reason. At most FIND_LIMIT people come back (`more` says others match: give the number), and each one
 * is an audited read with the reason, which the citizen sees under "Vem har läst min journal?".
 */
export async function findPeople(ctx: AppContext, actor: Actor, q: { identityNumber?: string; issuingRegion?: string; name?: string; birthDate?: string; purpose: string }): Promise<{ people: PersonView[]; more: boolean }> {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  const criteria = findCriteria(q, calendarDateInStockholm(now));
  const search =
    criteria.by === 'identityNumber'
      ? { by: criteria.by, number: identityNumberInput('identityNumber', criteria.identityNumber, { now, reserveRegion: q.issuingRegion ?? regionId }) }
      : { by: criteria.by, name: criteria.words.join(' '), birthDate: criteria.birthDate, limit: FIND_LIMIT + 1 };
  return ctx.database.db.transaction(async (tx) => {
    const found = search.by === 'identityNumber' ? await holderOf(tx, regionId, search.number) : await store.searchPersons(tx, regionId, search);
    const rows = found.slice(0, FIND_LIMIT);
    await recordMany(tx, actor, rows.map((r) => ({ action: 'identity.person.read', personId: r.id, purpose: q.purpose, details: { via: 'staff-search', by: search.by } })));
    return { people: await toViews(tx, regionId, rows, now), more: found.length > FIND_LIMIT };
  });
}

const personCursor = cursorCodec(z.object({ familyName: z.string().max(200), givenName: z.string().max(200), id: z.guid() }).strict());

/**
 * Links a new identity number to a person: typically someone first registered on a reservnummer or
 * samordningsnummer who now has a personnummer. If another record already holds that number, the two
 * merge into it without loss; either way the old numbers keep finding the person.
 */
export async function linkIdentityNumber(ctx: AppContext, actor: Actor, personId: string, input: LinkIdentityNumberBody): Promise<PersonView> {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  const id = identityNumberInput('identityNumber', input.identityNumber, { now, reserveRegion: input.issuingRegion ?? regionId });
  return ctx.database.db.transaction(async (tx) => {
    const person = await store.findPerson(tx, regionId, personId);
    if (!person) throw notFound(text('what.person'));
    const holderId = await store.findPersonIdByIdentifier(tx, regionId, id.canonical);
    if (holderId === person.id) throw conflict(text('identity.alreadyHasNumber'), 'identityNumber');
    let survivorId = person.id;
    if (holderId) {
      // The record on the stronger number survives (personnummer over samordningsnummer over reservnummer).
      const strength = await primaryStrength(tx, regionId, [person.id, holderId]);
      survivorId = strength.get(holderId)! >= strength.get(person.id)! ? holderId : person.id;
      const mergedId = survivorId === holderId ? person.id : holderId;
      await store.fillMissingFrom(tx, regionId, mergedId, survivorId);
      await store.mergePersons(tx, regionId, mergedId, survivorId);
      // The areas move their rows to the survivor here, in this transaction (see events.ts).
      await ctx.outbox.publish(tx, personsMerged({ regionId, fromPersonId: mergedId, intoPersonId: survivorId }));
    } else {
      await store.addIdentifier(tx, regionId, person.id, id.canonical, id.kind, id.issuingRegion);
      if (!person.birthDate && id.birthDate) await store.setDerivedIdentity(tx, regionId, person.id, id.birthDate, id.legalSex);
    }
    await record(tx, actor, {
      action: holderId ? 'identity.person.merged' : 'identity.person.number-linked',
      personId: survivorId,
      purpose: input.reason,
      details: { kind: id.kind, merged: holderId ? [person.id, holderId] : undefined },
    });
    const row = await store.findPerson(tx, regionId, survivorId);
    return (await toViews(tx, regionId, [row!], now))[0]!;
  });
}

const kindRank: Record<IdentityKind, number> = { reservnummer: 0, samordningsnummer: 1, personnummer: 2 };

async function primaryStrength(tx: Db, regionId: string, personIds: string[]): Promise<Map<string, number>> {
  const ids = await store.listIdentifiers(tx, regionId, personIds);
  return new Map(personIds.map((p) => [p, Math.max(...ids.filter((i) => i.personId === p).map((i) => kindRank[i.kind]))]));
}
