/**
 * Primary-care contacts as CSV or XLSX, in the shape of Socialstyrelsen's proposed register of primary-care
 * contacts (seed 002, about lines 2180–4300), one row per contact:
 *
 *   contact_id;person_id;care_unit;care_unit_name;provider;contact_date;contact_type;professional_category;
 *   practitioner;listed_unit;named_doctor;care_home;discharge_date;unplanned
 *
 * `contact_id` is the source system's id of the contact (the natural key: a second import of the same contact
 * changes nothing, a corrected one is updated); `person_id` a personnummer or samordningsnummer, validated
 * (check digit, date); `contact_type` visit, phone, video, home or admission (an admission has a
 * `discharge_date` and says whether it was `unplanned`); `named_doctor` and `care_home` ja/nej.
 */
import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { tryParseIdentityNumber } from '../identity/identity-number.js';
import { readYesNo, runImport, type ImportSpec, type RowError } from './imports.js';
import { contactTypes, type ContactType } from './model.js';
import { queryRows } from '../platform/db/sql.js';

export const CONTACT_COLUMNS = ['contact_id', 'person_id', 'care_unit', 'care_unit_name', 'provider', 'contact_date', 'contact_type', 'professional_category', 'practitioner', 'listed_unit', 'named_doctor', 'care_home', 'discharge_date', 'unplanned'] as const;

export interface ContactRow {
  contactId: string;
  personNumber: string;
  birthDate: string;
  careUnitCode: string;
  careUnitName: string;
  providerCode: string;
  contactDate: string;
  contactType: ContactType;
  professionalCategory: string;
  practitionerCode: string | null;
  listedUnitCode: string | null;
  namedDoctor: boolean;
  careHome: boolean;
  dischargeDate: string | null;
  unplanned: boolean | null;
}

const days = new Map<string, boolean>();
/** Whether `s` is a calendar day YYYY-MM-DD; remembered, as a file holds few distinct days and many rows. */
function isDay(s: string): boolean {
  let ok = days.get(s);
  if (ok === undefined) {
    ok = /^\d{4}-\d{2}-\d{2}$/.test(s) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);
    if (days.size < 100_000) days.set(s, ok);
  }
  return ok;
}
/** Professional categories as the register names them; `läkare` and `doctor` are the same (continuity counts doctors). */
export const DOCTOR_CATEGORIES = ['läkare', 'doctor'];

export function contactSpec(ctx: AppContext, actor: Actor): ImportSpec<ContactRow> {
  const now = ctx.clock.now();
  const today = now.toISOString().slice(0, 10);
  // A person has many contacts in a file: each identity number is checked once (a third of the import's time otherwise).
  const checked = new Map<string, ReturnType<typeof tryParseIdentityNumber>>();
  const identity = (text: string) => {
    let r = checked.get(text);
    if (!r) checked.set(text, (r = tryParseIdentityNumber(text, { now, accept: ['personnummer', 'samordningsnummer'] })));
    return r;
  };
  return {
    kind: 'contacts',
    columns: CONTACT_COLUMNS,
    required: ['contact_id', 'person_id', 'care_unit', 'provider', 'contact_date', 'contact_type', 'professional_category', 'named_doctor'],
    parseRow(cell) {
      const errors: RowError[] = [];
      const fail = (column: string, reason: string) => errors.push({ column, reason });
      const text = (column: string, max: number, required = true) => {
        const v = cell(column);
        if (!v && required) fail(column, 'missing');
        else if (v.length > max) fail(column, `at most ${max} characters`);
        return v;
      };
      const contactId = text('contact_id', 100);
      const id = identity(cell('person_id'));
      if (!id.ok) fail('person_id', id.message);
      const careUnitCode = text('care_unit', 100);
      const careUnitName = text('care_unit_name', 200, false) || careUnitCode;
      const providerCode = text('provider', 100);
      const contactDate = cell('contact_date');
      if (!isDay(contactDate)) fail('contact_date', `"${contactDate}" is not a day (YYYY-MM-DD)`);
      else if (contactDate > today) fail('contact_date', 'lies in the future');
      const contactType = cell('contact_type').toLowerCase() as ContactType;
      if (!(contactTypes as readonly string[]).includes(contactType)) fail('contact_type', `"${cell('contact_type')}" is not one of ${contactTypes.join(', ')}`);
      const professionalCategory = text('professional_category', 60).toLowerCase();
      const practitionerCode = text('practitioner', 100, false) || null;
      const listedUnitCode = text('listed_unit', 100, false) || null;
      const namedDoctor = readYesNo(cell('named_doctor'));
      if (namedDoctor === null) fail('named_doctor', `"${cell('named_doctor')}" is not ja or nej`);
      const careHome = cell('care_home') ? readYesNo(cell('care_home')) : false;
      if (careHome === null) fail('care_home', `"${cell('care_home')}" is not ja or nej`);
      const dischargeDate = cell('discharge_date') || null;
      if (dischargeDate && !isDay(dischargeDate)) fail('discharge_date', `"${dischargeDate}" is not a day (YYYY-MM-DD)`);
      else if (dischargeDate && dischargeDate < contactDate) fail('discharge_date', 'comes before the admission (contact_date)');
      const unplanned = cell('unplanned') ? readYesNo(cell('unplanned')) : null;
      if (cell('unplanned') && unplanned === null) fail('unplanned', `"${cell('unplanned')}" is not ja or nej`);
      if (contactType === 'admission' && unplanned === null && !errors.some((e) => e.column === 'unplanned')) fail('unplanned', 'an admission says whether it was unplanned (ja/nej)');
      if (errors.length || !id.ok) return { errors };
      return {
        value: { contactId, personNumber: id.value.canonical, birthDate: id.value.birthDate!, careUnitCode, careUnitName, providerCode, contactDate, contactType, professionalCategory, practitionerCode, listedUnitCode, namedDoctor: namedDoctor!, careHome: careHome!, dischargeDate, unplanned },
      };
    },
    async apply(tx, rows, importId) {
      const written = await queryRows<{ n: number }>(tx, sql`WITH w AS (${upsertContactsSql(actor.regionId, rows, importId)} RETURNING 1) SELECT count(*)::int AS n FROM w`);
      const accepted = written[0]!.n;
      return { accepted, unchanged: rows.length - accepted };
    },
    audit: (s) => ({ action: 'indicators.contacts.imported', details: { importId: s.importId, fileName: s.fileName, rows: s.rowsTotal, accepted: s.accepted, unchanged: s.unchanged, rejected: s.rejected } }),
  };
}

/** The upsert of a batch by contact id: a new contact is inserted, a changed one updated, an identical one left alone. */
export function upsertContactsSql(regionId: string, rows: ContactRow[], importId: string) {
  // One JSON parameter rather than fifteen arrays: the driver serialises it several times faster.
  const last = [...new Map(rows.map((r) => [r.contactId, r])).values()];
  return sql`INSERT INTO indicator_primary_care_contacts AS c (region_id, contact_id, person_number, birth_date, care_unit_code, care_unit_name, provider_code, contact_date, contact_type,
      professional_category, practitioner_code, listed_unit_code, named_doctor, care_home, discharge_date, unplanned, import_id)
    SELECT ${regionId}, x."contactId", x."personNumber", x."birthDate", x."careUnitCode", x."careUnitName", x."providerCode", x."contactDate", x."contactType",
      x."professionalCategory", x."practitionerCode", x."listedUnitCode", x."namedDoctor", x."careHome", x."dischargeDate", x.unplanned, ${importId}::uuid
    FROM json_to_recordset(${JSON.stringify(last)}::json) AS x("contactId" text, "personNumber" text, "birthDate" date, "careUnitCode" text, "careUnitName" text, "providerCode" text,
      "contactDate" date, "contactType" text, "professionalCategory" text, "practitionerCode" text, "listedUnitCode" text, "namedDoctor" boolean, "careHome" boolean,
      "dischargeDate" date, unplanned boolean)
    ON CONFLICT (region_id, contact_id) DO UPDATE SET person_number = excluded.person_number, birth_date = excluded.birth_date, care_unit_code = excluded.care_unit_code,
      care_unit_name = excluded.care_unit_name, provider_code = excluded.provider_code, contact_date = excluded.contact_date, contact_type = excluded.contact_type,
      professional_category = excluded.professional_category, practitioner_code = excluded.practitioner_code, listed_unit_code = excluded.listed_unit_code,
      named_doctor = excluded.named_doctor, care_home = excluded.care_home, discharge_date = excluded.discharge_date, unplanned = excluded.unplanned, import_id = excluded.import_id
    WHERE (c.person_number, c.birth_date, c.care_unit_code, c.care_unit_name, c.provider_code, c.contact_date, c.contact_type, c.professional_category, c.practitioner_code,
      c.listed_unit_code, c.named_doctor, c.care_home, c.discharge_date, c.unplanned) IS DISTINCT FROM (excluded.person_number, excluded.birth_date, excluded.care_unit_code,
      excluded.care_unit_name, excluded.provider_code, excluded.contact_date, excluded.contact_type, excluded.professional_category, excluded.practitioner_code,
      excluded.listed_unit_code, excluded.named_doctor, excluded.care_home, excluded.discharge_date, excluded.unplanned)`;
}

export const importContacts = (ctx: AppContext, actor: Actor, file: { fileName: string; content: Buffer; batchSize?: number; onProgress?: (done: number, total: number) => void }) => runImport(ctx, actor, contactSpec(ctx, actor), file);
