import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { sendMessage } from '../platform/jobs/outbox.js';
import type { Actor } from '../platform/auth/actor.js';
import { recordMany } from '../platform/audit/audit.js';
import { identityNumberInput } from '../identity/service.js';
import { findPersonIdByIdentifier } from '../identity/store.js';
import { closeContactInformation, closeContactNotice, householdContactInformation, householdContactNotice } from './messages.js';
import type { ContactRelation, InformedBy, tracingCases } from './model.js';
import type { QuestionnaireAnswers } from './questionnaire.js';

type CaseRow = typeof tracingCases.$inferSelect;

export interface NamedContact {
  /** The questionnaire row's own key (saving the form again updates that contact); none for a contact added by hand. */
  formKey: string | null;
  name: string;
  phone: string | null;
  relation: ContactRelation;
  context: string | null;
  exposureDate: string | null;
  /** The identity number as typed, and the field it came from (for a clear error). Absent is null; "" is a number typed empty, and refused. */
  identityNumber?: { raw: string; field: string } | null;
}

/** Contacts as named, linked to the person register when their identity number is known there. */
export async function saveContacts(tx: Db, now: Date, c: CaseRow, named: NamedContact[]): Promise<string[]> {
  if (named.length === 0) return [];
  const personIds: (string | null)[] = [];
  for (const n of named) {
    personIds.push(n.identityNumber ? ((await findPersonIdByIdentifier(tx, c.regionId, identityNumberInput(n.identityNumber.field, n.identityNumber.raw, { now }).canonical)) ?? null) : null);
  }
  const col = <T,>(f: (n: NamedContact, i: number) => T) => sql.param(named.map(f));
  // The contact's id is always the server's; the form's key only finds the row it named before, in this case.
  const rows = await queryRows<{ id: string }>(
    tx,
    sql`INSERT INTO tracing_contacts AS t (region_id, id, case_id, form_key, person_id, name, phone, relation, context, exposure_date, named_at)
    SELECT ${c.regionId}, gen_random_uuid(), ${c.id}, form_key, person_id, name, phone, relation, context, exposure_date, ${now.toISOString()}::timestamptz
    FROM unnest(${col((n) => n.formKey)}::uuid[], ${col((_, i) => personIds[i])}::uuid[], ${col((n) => n.name)}::text[], ${col((n) => n.phone)}::text[],
      ${col((n) => n.relation)}::text[], ${col((n) => n.context)}::text[], ${col((n) => n.exposureDate)}::date[])
      AS n(form_key, person_id, name, phone, relation, context, exposure_date)
    ON CONFLICT (region_id, case_id, form_key) DO UPDATE SET person_id = excluded.person_id, name = excluded.name, phone = excluded.phone, context = excluded.context,
      exposure_date = excluded.exposure_date
    RETURNING t.id`,
  );
  return rows.map((r) => r.id);
}

/** The household and close contacts the index named in the questionnaire. */
export async function upsertNamedContacts(tx: Db, c: CaseRow, a: QuestionnaireAnswers, now: Date): Promise<void> {
  const household = (a.household ?? []).map((h, i) => ({
    formKey: h.id,
    name: h.name,
    phone: h.phone ?? null,
    relation: 'household' as const,
    context: null,
    exposureDate: a.symptomOnset ?? null,
    identityNumber: h.identityNumber != null ? { raw: h.identityNumber, field: `answers.household[${i}].identityNumber` } : null,
  }));
  const close = (a.closeContacts ?? []).map((k) => ({ formKey: k.id, name: k.name, phone: k.phone ?? null, relation: 'close' as const, context: k.context ?? null, exposureDate: k.lastContact ?? null }));
  await saveContacts(tx, now, c, [...household, ...close]);
}

/** A contact the tracer adds by hand (from the call). */
export async function addContact(tx: Db, now: Date, c: CaseRow, input: Omit<NamedContact, 'formKey' | 'identityNumber'> & { identityNumber?: string | null }): Promise<string> {
  const [id] = await saveContacts(tx, now, c, [{ ...input, formKey: null, identityNumber: input.identityNumber != null ? { raw: input.identityNumber, field: 'identityNumber' } : null }]);
  return id!;
}

/**
 * Sends the information to contacts not yet informed: the 1177 inbox when they are in the register, and an
 * SMS when there is a number. A contact with neither stays uninformed: the tracer has to call them.
 */
export async function informContacts(tx: Db, c: CaseRow, which: { relation?: ContactRelation; contactId?: string; by: InformedBy }, now: Date): Promise<number> {
  const due = await queryRows<{ id: string; person_id: string | null; phone: string | null; relation: ContactRelation; person_phone: string | null }>(
    tx,
    sql`SELECT t.id, t.person_id, t.phone, t.relation, p.phone AS person_phone FROM tracing_contacts t
      LEFT JOIN persons p ON p.region_id = t.region_id AND p.id = t.person_id
      WHERE t.region_id = ${c.regionId} AND t.case_id = ${c.id} AND t.informed_at IS NULL
        AND (${which.relation ?? null}::text IS NULL OR t.relation = ${which.relation ?? null})
        AND (${which.contactId ?? null}::uuid IS NULL OR t.id = ${which.contactId ?? null}::uuid)`,
  );
  const informed: string[] = [];
  for (const k of due) {
    const phone = k.phone ?? k.person_phone;
    if (!k.person_id && !phone) continue;
    const info = k.relation === 'household' ? householdContactInformation : closeContactInformation;
    if (k.person_id) await sendMessage(tx, { regionId: c.regionId, channel: 'inbox', personId: k.person_id, to: k.person_id, ...info, idempotencyKey: `tracing-contact:${k.id}:inbox` });
    if (phone) await sendMessage(tx, { regionId: c.regionId, channel: 'sms', personId: k.person_id, to: phone, body: k.relation === 'household' ? householdContactNotice : closeContactNotice, idempotencyKey: `tracing-contact:${k.id}:sms` });
    informed.push(k.id);
  }
  if (informed.length > 0)
    await tx.execute(sql`UPDATE tracing_contacts SET informed_at = ${now.toISOString()}::timestamptz, informed_by = ${which.by}
      WHERE region_id = ${c.regionId} AND id = ANY(${sql.param(informed)}::uuid[])`);
  return informed.length;
}

export type ContactStatus = 'named' | 'informed' | 'tested' | 'positive' | 'negative';

/**
 * The contacts of cases, with a status that follows their tests in the register (a sample taken since
 * exposure). A contact in the person register has their samples read: for a `reader`, each such contact
 * returned is an audited read; without one (a check inside a change that returns nothing of it) nothing is.
 */
export async function contactsOfCases(tx: Db, regionId: string, caseIds: string[], opts: { reader: Actor | null; contactId?: string }) {
  if (caseIds.length === 0) return [];
  const rows = await queryRows<{
    id: string; case_id: string; person_id: string | null; name: string; phone: string | null; relation: ContactRelation; context: string | null;
    exposure_date: string | null; named_at: string; informed_at: string | null; informed_by: InformedBy | null; taken_at: string | null; result: string | null;
  }>(
    tx,
    sql`SELECT t.id, t.case_id, t.person_id, t.name, t.phone, t.relation, t.context, t.exposure_date::text, t.named_at, t.informed_at, t.informed_by, s.taken_at, s.result
      FROM tracing_contacts t
      LEFT JOIN LATERAL (SELECT taken_at, result FROM samples WHERE region_id = t.region_id AND person_id = t.person_id
        AND taken_at >= coalesce(t.exposure_date::timestamptz, t.named_at - interval '7 days') ORDER BY taken_at DESC LIMIT 1) s ON true
      WHERE t.region_id = ${regionId} AND t.case_id = ANY(${sql.param(caseIds)}::uuid[]) AND (${opts.contactId ?? null}::uuid IS NULL OR t.id = ${opts.contactId ?? null}::uuid)
      ORDER BY t.relation DESC, t.named_at, t.name`,
  );
  if (opts.reader)
    await recordMany(tx, opts.reader, rows.filter((r) => r.person_id).map((r) => ({ action: 'tracing.contact.read', personId: r.person_id, purpose: 'smittspårning', details: { caseId: r.case_id, contactId: r.id } })));
  return rows.map((r) => {
    const status: ContactStatus = r.result === 'positive' ? 'positive' : r.result === 'negative' ? 'negative' : r.taken_at ? 'tested' : r.informed_at ? 'informed' : 'named';
    return {
      id: r.id,
      caseId: r.case_id,
      personId: r.person_id,
      name: r.name,
      phone: r.phone,
      relation: r.relation,
      context: r.context,
      exposureDate: r.exposure_date,
      informedAt: r.informed_at ? toIso(r.informed_at) : null,
      informedBy: r.informed_by,
      status,
      testedAt: r.taken_at ? toIso(r.taken_at) : null,
      result: r.result,
    };
  });
}
