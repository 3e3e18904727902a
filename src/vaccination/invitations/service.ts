import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { personalDataScope } from '../../platform/auth/permissions.js';
import { recordMany } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows, toIso } from '../../platform/db/sql.js';
import { invalid, notFound } from '../../platform/errors.js';
import { sendMessages } from '../../platform/jobs/outbox.js';
import { calendarDateInStockholm } from '../../identity/identity-number.js';
import { contactsOf } from '../../identity/contacts.js';
import { municipalities, persons } from '../../identity/model.js';
import { getRegion } from '../../identity/store.js';
import { vaccinationRecommendations, type Vaccine } from '../model.js';
import { eligibilityFor } from '../recommendations/engine.js';
import { invitationLists, invitations } from './model.js';
import { invitationSms, reminderSms, renderLetters, type Letter } from './letters.js';
import { addDays } from '../recommendations/dates.js';

const CHUNK = 5_000;
/** Letters go out ahead: people whose dose opens within this many days of the list's day are invited. */
export const LEAD_DAYS = 28;
const purpose = 'kallelse till vaccination';

export interface BuildList {
  recommendationId: string;
  municipalityCode?: string;
  postalCodePrefix?: string;
  on?: string;
}

/**
 * Builds an invitation list: the people of an area (municipality and/or postcode area) whom the recommendation
 * covers, who have not had the dose (the engine's eligibility), have no live booking for it, and were not on an
 * earlier list of the same recommendation. Every listed person is an audited read.
 */
export async function buildList(ctx: AppContext, actor: Actor, input: BuildList) {
  const regionId = personalDataScope(actor);
  if (!input.municipalityCode && !input.postalCodePrefix) throw invalid('municipalityCode', 'choose a municipality or a postcode area');
  const on = input.on ?? calendarDateInStockholm(ctx.clock.now());
  return ctx.database.db.transaction(async (tx) => {
    const [rec] = await tx.select().from(vaccinationRecommendations).where(and(eq(vaccinationRecommendations.regionId, regionId), eq(vaccinationRecommendations.id, input.recommendationId)));
    if (!rec) throw invalid('recommendationId', 'not a recommendation of your region');
    if (input.municipalityCode) {
      const [m] = await tx.select().from(municipalities).where(and(eq(municipalities.code, input.municipalityCode), eq(municipalities.regionId, regionId)));
      if (!m) throw invalid('municipalityCode', 'not a municipality of your region');
    }
    const candidates = await queryRows<{ id: string }>(
      tx,
      sql`SELECT p.id FROM persons p
        WHERE p.region_id = ${regionId} AND p.merged_into IS NULL
          ${input.municipalityCode ? sql`AND p.municipality_code = ${input.municipalityCode}` : sql``}
          ${input.postalCodePrefix ? sql`AND p.postal_code LIKE ${`${input.postalCodePrefix}%`}` : sql``}
          AND NOT EXISTS (SELECT 1 FROM vaccination_invitations i JOIN vaccination_invitation_lists l ON l.region_id = i.region_id AND l.id = i.list_id
            WHERE i.region_id = p.region_id AND i.person_id = p.id AND l.recommendation_id = ${rec.id})
          AND NOT EXISTS (SELECT 1 FROM vaccination_bookings b WHERE b.region_id = p.region_id AND b.person_id = p.id AND b.vaccine = ${rec.vaccine} AND b.status = 'booked')
        ORDER BY p.id`,
    );
    const last = addDays(on, LEAD_DAYS);
    const chosen: { personId: string; doseNumber: number; eligibleFrom: string }[] = [];
    for (let i = 0; i < candidates.length; i += CHUNK) {
      const ids = candidates.slice(i, i + CHUNK).map((c) => c.id);
      const eligibility = await eligibilityFor(tx, regionId, ids, new Date(`${on}T12:00:00Z`), rec.vaccine);
      for (const [personId, e] of eligibility) {
        if (e.eligible && e.recommendationId === rec.id && e.doseNumber && e.from && e.from <= last) chosen.push({ personId, doseNumber: e.doseNumber, eligibleFrom: e.from });
      }
    }
    const [list] = await tx
      .insert(invitationLists)
      .values({ regionId, recommendationId: rec.id, vaccine: rec.vaccine, title: rec.title, municipalityCode: input.municipalityCode ?? null, postalCodePrefix: input.postalCodePrefix ?? null, builtFor: on, createdBy: actor.name, createdAt: ctx.clock.now().toISOString() })
      .returning();
    if (chosen.length > 0) {
      await tx.execute(sql`INSERT INTO vaccination_invitations (region_id, list_id, person_id, dose_number, eligible_from)
        SELECT ${regionId}, ${list!.id}, person_id, dose_number, eligible_from FROM unnest(${sql.param(chosen.map((c) => c.personId))}::uuid[],
          ${sql.param(chosen.map((c) => c.doseNumber))}::int[], ${sql.param(chosen.map((c) => c.eligibleFrom))}::date[]) AS c(person_id, dose_number, eligible_from)`);
    }
    await recordMany(tx, actor, chosen.map((c) => ({ action: 'vaccination.invitation.listed', personId: c.personId, purpose, details: { listId: list!.id } })));
    return (await listSummaries(tx, regionId, list!.id))[0]!;
  });
}

/** The lists with counts only (no names): invited, letters and SMS sent, booked or vaccinated since, reminded, cancelled. */
async function listSummaries(tx: Db, regionId: string, listId?: string) {
  const rows = await queryRows<{ id: string; title: string; vaccine: Vaccine; municipality_code: string | null; postal_code_prefix: string | null; built_for: string; created_by: string; created_at: string; people: number; letters: number; sms: number; reminded: number; booked: number; cancelled: number }>(
    tx,
    sql`SELECT l.id, l.title, l.vaccine, l.municipality_code, l.postal_code_prefix, l.built_for::text AS built_for, l.created_by, l.created_at::text AS created_at,
        count(i.person_id)::int AS people, count(i.letter_at)::int AS letters, count(i.sms_at)::int AS sms, count(i.reminded_at)::int AS reminded,
        count(*) FILTER (WHERE ${tookUp(sql`i`, sql`l`)})::int AS booked,
        count(*) FILTER (WHERE EXISTS (SELECT 1 FROM vaccination_bookings b WHERE b.region_id = i.region_id AND b.person_id = i.person_id AND b.vaccine = l.vaccine AND b.status = 'cancelled' AND b.cancelled_at >= l.created_at)
          AND NOT ${tookUp(sql`i`, sql`l`)})::int AS cancelled
      FROM vaccination_invitation_lists l LEFT JOIN vaccination_invitations i ON i.region_id = l.region_id AND i.list_id = l.id
      WHERE l.region_id = ${regionId} ${listId ? sql`AND l.id = ${listId}` : sql``}
      GROUP BY l.region_id, l.id ORDER BY l.created_at DESC LIMIT 200`,
  );
  return rows.map((r) => ({
    id: r.id,
    title: r.title,
    vaccine: r.vaccine,
    municipalityCode: r.municipality_code,
    postalCodePrefix: r.postal_code_prefix,
    builtFor: r.built_for,
    createdBy: r.created_by,
    createdAt: toIso(r.created_at),
    people: r.people,
    lettersSent: r.letters,
    smsSent: r.sms,
    reminded: r.reminded,
    bookedOrVaccinated: r.booked,
    cancelledWithoutNewBooking: r.cancelled,
  }));
}

/** An invitee took up the offer: a live or attended booking, or a dose, of the invited dose or later. */
const tookUp = (i: ReturnType<typeof sql>, l: ReturnType<typeof sql>) => sql`(
  EXISTS (SELECT 1 FROM vaccination_bookings b WHERE b.region_id = ${i}.region_id AND b.person_id = ${i}.person_id AND b.vaccine = ${l}.vaccine AND b.status IN ('booked', 'attended') AND b.dose_number >= ${i}.dose_number)
  OR EXISTS (SELECT 1 FROM vaccination_doses d WHERE d.region_id = ${i}.region_id AND d.person_id = ${i}.person_id AND d.vaccine = ${l}.vaccine AND d.dose_number >= ${i}.dose_number))`;

export const listLists = (ctx: AppContext, actor: Actor) => listSummaries(ctx.database.db, actor.regionId).then((lists) => ({ lists }));

export async function getList(ctx: AppContext, actor: Actor, id: string) {
  const [list] = await listSummaries(ctx.database.db, actor.regionId, id);
  if (!list) throw notFound('The invitation list');
  return list;
}

async function lockList(tx: Db, regionId: string, id: string) {
  const [list] = await tx.select().from(invitationLists).where(and(eq(invitationLists.regionId, regionId), eq(invitationLists.id, id))).for('update');
  if (!list) throw notFound('The invitation list');
  return list;
}

/**
 * Sends the invitations not yet sent: marks the letters for the print file, and queues an SMS to everyone on
 * the list with a mobile number, all in one transaction.
 */
export async function sendInvitations(ctx: AppContext, actor: Actor, id: string, input: { letters: boolean; sms: boolean }) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const list = await lockList(tx, regionId, id);
    const region = await getRegion(tx, regionId);
    let letters = 0;
    let sms = 0;
    let withoutPhone = 0;
    if (input.letters) {
      const marked = await tx.update(invitations).set({ letterAt: now }).where(and(eq(invitations.regionId, regionId), eq(invitations.listId, id), sql`${invitations.letterAt} IS NULL`)).returning({ personId: invitations.personId });
      letters = marked.length;
      await recordMany(tx, actor, marked.map((m) => ({ action: 'vaccination.invitation.letter', personId: m.personId, purpose, details: { listId: id } })));
    }
    if (input.sms) {
      const open = await tx.select().from(invitations).where(and(eq(invitations.regionId, regionId), eq(invitations.listId, id), sql`${invitations.smsAt} IS NULL`));
      const reachable = await smsEach(tx, regionId, open, (o) => ({
        body: invitationSms({ regionName: region?.name ?? '', vaccine: list.vaccine, doseNumber: o.doseNumber, eligibleFrom: o.eligibleFrom }),
        idempotencyKey: `vaccination.invitation:${id}:${o.personId}`,
      }));
      withoutPhone = open.length - reachable.length;
      if (reachable.length > 0) {
        await tx.update(invitations).set({ smsAt: now }).where(and(eq(invitations.regionId, regionId), eq(invitations.listId, id), inArray(invitations.personId, reachable.map((o) => o.personId))));
      }
      sms = reachable.length;
      await recordMany(tx, actor, reachable.map((o) => ({ action: 'vaccination.invitation.sms', personId: o.personId, purpose, details: { listId: id } })));
    }
    return { listId: id, letters, sms, withoutPhone };
  });
}

/** An SMS to each of `people` with a phone number in the register, in one statement; returns those reached. */
async function smsEach<T extends { personId: string }>(tx: Db, regionId: string, people: T[], message: (p: T) => { body: string; idempotencyKey: string }): Promise<T[]> {
  const contacts = await contactsOf(tx, regionId, people.map((p) => p.personId));
  const reachable = people.filter((p) => contacts.get(p.personId)?.phone);
  await sendMessages(tx, reachable.map((p) => ({ regionId, channel: 'sms' as const, personId: p.personId, to: contacts.get(p.personId)!.phone!, ...message(p) })));
  return reachable;
}

/**
 * Reminds by SMS those invited at least `afterDays` ago (and not reminded in that time) who have neither booked
 * nor been vaccinated since.
 */
export async function remind(ctx: AppContext, actor: Actor, id: string, input: { afterDays: number }) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  const cutoff = new Date(now.getTime() - input.afterDays * 86_400_000).toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const list = await lockList(tx, regionId, id);
    const region = await getRegion(tx, regionId);
    const due = await queryRows<{ personId: string; dose_number: number; reminders: number }>(
      tx,
      sql`SELECT i.person_id AS "personId", i.dose_number, i.reminders FROM vaccination_invitations i JOIN vaccination_invitation_lists l ON l.region_id = i.region_id AND l.id = i.list_id
        WHERE i.region_id = ${regionId} AND i.list_id = ${id} AND least(i.letter_at, i.sms_at) <= ${cutoff}::timestamptz
          AND (i.reminded_at IS NULL OR i.reminded_at <= ${cutoff}::timestamptz) AND NOT ${tookUp(sql`i`, sql`l`)}`,
    );
    const reachable = await smsEach(tx, regionId, due, (d) => ({
      body: reminderSms({ regionName: region?.name ?? '', vaccine: list.vaccine, doseNumber: d.dose_number }),
      idempotencyKey: `vaccination.invitation-reminder:${id}:${d.personId}:${d.reminders + 1}`,
    }));
    if (reachable.length > 0) {
      await tx.execute(sql`UPDATE vaccination_invitations SET reminded_at = ${now.toISOString()}::timestamptz, reminders = reminders + 1
        WHERE region_id = ${regionId} AND list_id = ${id} AND person_id = ANY(${sql.param(reachable.map((d) => d.personId))}::uuid[])`);
    }
    await recordMany(tx, actor, reachable.map((d) => ({ action: 'vaccination.invitation.reminder', personId: d.personId, purpose, details: { listId: id } })));
    return { listId: id, reminded: reachable.length, notBookedWithoutPhone: due.length - reachable.length };
  });
}

/**
 * The letters of a list (or one person on it) as one PDF for print; each letter printed is an audited read.
 * The audit rows are written in the transaction that renders the PDF, and a request given up before the
 * PDF is ready (`aborted`) rolls them back: nobody received those letters.
 */
export async function letters(ctx: AppContext, actor: Actor, id: string, personId?: string, aborted?: AbortSignal): Promise<Buffer> {
  const regionId = personalDataScope(actor);
  const today = calendarDateInStockholm(ctx.clock.now());
  return ctx.database.db.transaction(async (tx) => {
    const [list] = await tx.select().from(invitationLists).where(and(eq(invitationLists.regionId, regionId), eq(invitationLists.id, id)));
    if (!list) throw notFound('The invitation list');
    const region = await getRegion(tx, regionId);
    const rows = await tx
      .select({ personId: invitations.personId, doseNumber: invitations.doseNumber, eligibleFrom: invitations.eligibleFrom, given: persons.givenName, family: persons.familyName, street: persons.streetAddress, postalCode: persons.postalCode, locality: persons.locality })
      .from(invitations)
      .innerJoin(persons, and(eq(persons.regionId, invitations.regionId), eq(persons.id, invitations.personId)))
      .where(and(eq(invitations.regionId, regionId), eq(invitations.listId, id), personId ? eq(invitations.personId, personId) : undefined))
      .orderBy(persons.postalCode, persons.familyName, persons.givenName);
    if (personId && rows.length === 0) throw notFound('The person on this list');
    await recordMany(tx, actor, rows.map((r) => ({ action: 'vaccination.invitation.printed', personId: r.personId, purpose, details: { listId: id } })));
    const all: Letter[] = rows.map((r) => ({ regionName: region?.name ?? '', date: today, name: `${r.given} ${r.family}`, streetAddress: r.street, postalCode: r.postalCode, locality: r.locality, vaccine: list.vaccine, doseNumber: r.doseNumber, eligibleFrom: r.eligibleFrom, recommendationTitle: list.title }));
    const pdf = await renderLetters(all);
    aborted?.throwIfAborted();
    return pdf;
  });
}
