import { sql, type SQL } from 'drizzle-orm';
import type { FhirResource as Resource } from 'fhir/r4.js';
import { z } from 'zod';
import { parseIdentityNumber, InvalidIdentityNumber, type IdentityKind } from '../identity/identity-number.js';
import { recordMany } from '../platform/audit/audit.js';
import type { Actor } from '../platform/auth/actor.js';
import type { Db } from '../platform/db/client.js';
import { isoTimestamp, queryRows } from '../platform/db/sql.js';
import { AppError } from '../platform/errors.js';
import { cursorCodec } from '../platform/input/cursor.js';
import {
  PERSONNUMMER, RESERVNUMMER_PREFIX, SAMORDNINGSNUMMER, specimenTypeCodes, testTypeCodes, toDiagnosticReport, toImmunization, toLocation, toObservation, toPatient, toSchedule, toServiceRequest, toSlot, toSpecimen, vaccineCodes,
  type CodeEntry, type DoseRow, type OrderRow, type PatientRow, type SampleRow, type SiteRow, type SlotRow,
} from './mapping.js';
import type { DateBound, ParamKind, ParamValue, ParsedSearch, Token } from './search.js';

/**
 * Each resource type as a query: a base SELECT of the region's rows (aliased `r`, with `id` and, for a
 * person's data, `person_id`), a filter per search parameter, and the mapping to FHIR. Search pages by id
 * (keyset, the cursor holds the last id), so a page is an index range however deep the paging goes.
 */
interface ResourceDef {
  params: Record<string, ParamKind>;
  /** The parameters that name a Patient: a patient not of this region is a 404, as a read of it would be. */
  patientParams?: string[];
  base(region: string): SQL;
  filter(name: string, value: ParamValue, region: string, now: Date): SQL;
  toResource(row: any, region: string): Resource;
}

const ts = (column: string) => sql.raw(isoTimestamp(column));

/** The rows whose internal value some token names; `false` when none does. */
function tokenIn<V extends string>(column: SQL, tokens: Token[], table: CodeEntry<V>[]): SQL {
  const values = new Set<V>();
  for (const t of tokens) for (const e of table) if ((t.system === undefined || t.system === e.system) && (t.code === undefined || t.code === e.code)) values.add(e.value);
  return values.size ? sql`${column} = ANY(${sql.param([...values])}::text[])` : sql`false`;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
/** Ids are uuids here; an id of another shape matches nothing (it cannot be one of ours). */
function idIn(column: SQL, ids: string[]): SQL {
  const valid = ids.filter((i) => UUID.test(i)).map((i) => i.toLowerCase());
  return valid.length ? sql`${column} = ANY(${sql.param(valid)}::uuid[])` : sql`false`;
}

function dateCond(column: SQL, b: DateBound): SQL {
  switch (b.prefix) {
    case 'eq':
      return sql`(${column} >= ${b.start}::timestamptz AND ${column} < ${b.end}::timestamptz)`;
    case 'ge':
      return sql`${column} >= ${b.start}::timestamptz`;
    case 'le':
      return sql`${column} < ${b.end}::timestamptz`;
    case 'gt':
      return sql`${column} >= ${b.end}::timestamptz`;
    case 'lt':
      return sql`${column} < ${b.start}::timestamptz`;
  }
}

const col = (name: string) => sql.raw(`r.${name}`);
const tokens = (v: ParamValue) => (v.kind === 'token' ? v.anyOf : []);
const refs = (v: ParamValue) => (v.kind === 'reference' ? v.anyOf : []);
const bound = (v: ParamValue) => {
  if (v.kind !== 'date') throw new Error('not a date parameter');
  return v.bound;
};
const unknownFilter = (name: string): never => {
  throw new Error(`no filter for ${name}`);
};
const idTokens = (v: ParamValue) => idIn(col('id'), tokens(v).flatMap((t) => (t.code ? [t.code] : [])));

/** An identifier token as the canonical numbers it can name; an identity number is validated where it enters. */
function identifierCond(given: Token[], region: string, now: Date): SQL {
  const alternatives: SQL[] = [];
  for (const t of given) {
    if (t.code === undefined) {
      alternatives.push(sql`false`);
      continue;
    }
    let kinds: IdentityKind[];
    let reserveRegion: string | undefined = region;
    if (t.system === undefined) kinds = ['personnummer', 'samordningsnummer', 'reservnummer'];
    else if (t.system === PERSONNUMMER) kinds = ['personnummer'];
    else if (t.system === SAMORDNINGSNUMMER) kinds = ['samordningsnummer'];
    else if (t.system?.startsWith(RESERVNUMMER_PREFIX)) {
      kinds = ['reservnummer'];
      reserveRegion = t.system.slice(RESERVNUMMER_PREFIX.length);
    } else {
      alternatives.push(sql`false`);
      continue;
    }
    let canonical: string;
    try {
      canonical = parseIdentityNumber(t.code, { now, accept: kinds as [IdentityKind, ...IdentityKind[]], reserveRegion }).canonical;
    } catch (e) {
      if (e instanceof InvalidIdentityNumber) throw new AppError('invalid', `identifier: ${e.message}`, 'identifier');
      throw e;
    }
    alternatives.push(sql`EXISTS (SELECT 1 FROM person_identifiers i WHERE i.region_id = ${region} AND i.person_id = r.id AND i.value = ${canonical} AND i.kind = ANY(${sql.param(kinds)}::text[]))`);
  }
  return sql`(${sql.join(alternatives, sql` OR `)})`;
}

const patientFilter = (name: string, v: ParamValue) => (name === 'patient' || name === 'subject' ? idIn(col('person_id'), refs(v)) : undefined);

const sampleBase = (region: string, resulted: boolean) => sql`SELECT s.id, s.person_id, s.kit_code, s.order_id, s.test_type, s.collection, s.taken_at AS taken, ${ts('s.taken_at')} AS taken_at,
  ${ts('s.received_at')} AS received_at, s.method, s.result, ${ts('s.result_at')} AS result_at
  FROM samples s WHERE s.region_id = ${region}${resulted ? sql` AND s.result IS NOT NULL AND s.result_at IS NOT NULL` : sql``}`;

const resultDef = (toResource: (r: any) => Resource): ResourceDef => ({
  params: { _id: 'token', patient: 'reference', subject: 'reference', date: 'date', code: 'token' },
  patientParams: ['patient', 'subject'],
  base: (region) => sampleBase(region, true),
  filter: (name, v) => patientFilter(name, v) ?? (name === '_id' ? idTokens(v) : name === 'date' ? dateCond(col('taken'), bound(v)) : name === 'code' ? tokenIn(col('test_type'), tokens(v), testTypeCodes) : unknownFilter(name)),
  toResource,
});

const siteBase = (region: string) => sql`SELECT s.id, s.name, s.active, s.street_address, s.postal_code, pc.locality, m.name AS municipality, s.vaccines
  FROM vaccination_sites s LEFT JOIN postal_codes pc ON pc.postal_code = s.postal_code LEFT JOIN municipalities m ON m.code = s.municipality_code
  WHERE s.region_id = ${region}`;

export const resourceDefs = {
  Patient: {
    params: { _id: 'token', identifier: 'token', birthdate: 'date', family: 'string' },
    base: (region) => sql`SELECT p.id, p.id AS person_id, p.given_name, p.family_name, p.birth_date AS birth_day, p.birth_date::text AS birth_date, p.legal_sex,
      p.street_address, p.postal_code, p.locality, p.phone, p.email,
      (SELECT coalesce(json_agg(json_build_object('kind', i.kind, 'value', i.value, 'issuing_region', i.issuing_region, 'primary', i.is_primary) ORDER BY i.is_primary DESC, i.value), '[]'::json)
        FROM person_identifiers i WHERE i.region_id = p.region_id AND i.person_id = p.id) AS identifiers
      FROM persons p WHERE p.region_id = ${region} AND p.merged_into IS NULL`,
    filter: (name, v, region, now) =>
      name === '_id' ? idTokens(v)
      : name === 'identifier' ? identifierCond(tokens(v), region, now)
      : name === 'birthdate' ? dateCond(sql`(r.birth_day::timestamp AT TIME ZONE 'Europe/Stockholm')`, bound(v))
      : name === 'family' && v.kind === 'string' ? sql`lower(r.family_name) LIKE ${v.value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}`
      : unknownFilter(name),
    toResource: (r, region) => toPatient(r as PatientRow, region),
  },
  ServiceRequest: {
    params: { _id: 'token', patient: 'reference', subject: 'reference', authored: 'date', code: 'token' },
    patientParams: ['patient', 'subject'],
    base: (region) => sql`SELECT o.id, o.person_id, o.test_type, o.status, o.ordered_at AS ordered, ${ts('o.ordered_at')} AS ordered_at, dp.name AS point_name
      FROM kit_orders o LEFT JOIN distribution_points dp ON dp.region_id = o.region_id AND dp.id = o.distribution_point_id WHERE o.region_id = ${region}`,
    filter: (name, v) => patientFilter(name, v) ?? (name === '_id' ? idTokens(v) : name === 'authored' ? dateCond(col('ordered'), bound(v)) : name === 'code' ? tokenIn(col('test_type'), tokens(v), testTypeCodes) : unknownFilter(name)),
    toResource: (r) => toServiceRequest(r as OrderRow),
  },
  Specimen: {
    params: { _id: 'token', patient: 'reference', subject: 'reference', collected: 'date', type: 'token', identifier: 'token' },
    patientParams: ['patient', 'subject'],
    base: (region) => sampleBase(region, false),
    filter: (name, v) =>
      patientFilter(name, v) ??
      (name === '_id' ? idTokens(v)
      : name === 'collected' ? dateCond(col('taken'), bound(v))
      : name === 'type' ? tokenIn(col('test_type'), tokens(v), specimenTypeCodes)
      : name === 'identifier' ? (() => {
          const codes = tokens(v).filter((t) => t.code !== undefined && (t.system === undefined || t.system === 'urn:lagesbild:kit')).map((t) => t.code!);
          return codes.length ? sql`r.kit_code = ANY(${sql.param(codes)}::text[])` : sql`false`;
        })()
      : unknownFilter(name)),
    toResource: (r) => toSpecimen(r as SampleRow),
  },
  Observation: resultDef((r) => toObservation(r)),
  DiagnosticReport: resultDef((r) => toDiagnosticReport(r)),
  Immunization: {
    params: { _id: 'token', patient: 'reference', date: 'date', 'vaccine-code': 'token' },
    patientParams: ['patient'],
    base: (region) => sql`SELECT d.id, d.person_id, d.site_id, d.vaccine, d.product_code, d.batch_number, d.dose_number, d.administered_at AS administered,
      ${ts('d.administered_at')} AS administered_at, ${ts('d.recorded_at')} AS recorded_at
      FROM vaccination_doses d WHERE d.region_id = ${region}`,
    filter: (name, v) => patientFilter(name, v) ?? (name === '_id' ? idTokens(v) : name === 'date' ? dateCond(col('administered'), bound(v)) : name === 'vaccine-code' ? tokenIn(col('vaccine'), tokens(v), vaccineCodes) : unknownFilter(name)),
    toResource: (r) => toImmunization(r as DoseRow),
  },
  Location: {
    params: { _id: 'token', name: 'string' },
    base: siteBase,
    filter: (name, v) => (name === '_id' ? idTokens(v) : name === 'name' && v.kind === 'string' ? sql`lower(r.name) LIKE ${v.value.toLowerCase().replace(/[\\%_]/g, (c) => `\\${c}`) + '%'}` : unknownFilter(name)),
    toResource: (r) => toLocation(r as SiteRow),
  },
  Schedule: {
    params: { _id: 'token', actor: 'reference', active: 'token' },
    base: siteBase,
    filter: (name, v) =>
      name === '_id' ? idTokens(v)
      : name === 'actor' ? idIn(col('id'), refs(v))
      : name === 'active' ? (() => {
          const wanted = tokens(v).map((t) => t.code);
          if (wanted.some((c) => c !== 'true' && c !== 'false')) throw new AppError('invalid', 'active: true or false', 'active');
          return sql`r.active = ANY(${sql.param(wanted.map((c) => c === 'true'))}::boolean[])`;
        })()
      : unknownFilter(name),
    toResource: (r) => toSchedule(r as SiteRow),
  },
  Slot: {
    params: { _id: 'token', schedule: 'reference', start: 'date' },
    base: (region) => sql`SELECT s.id, s.site_id, s.starts_at AS starts, ${ts('s.starts_at')} AS starts_at, ${ts('s.ends_at')} AS ends_at, s.capacity, s.booked
      FROM vaccination_slots s WHERE s.region_id = ${region}`,
    filter: (name, v) => (name === '_id' ? idTokens(v) : name === 'schedule' ? idIn(col('site_id'), refs(v)) : name === 'start' ? dateCond(col('starts'), bound(v)) : unknownFilter(name)),
    toResource: (r) => toSlot(r as SlotRow),
  },
} satisfies Record<string, ResourceDef>;

export type ResourceType = keyof typeof resourceDefs;
export const resourceTypes = Object.keys(resourceDefs) as ResourceType[];
/** The types that hold a person's data: reads of them are audited, and a Patient export takes them. */
export const patientTypes: ResourceType[] = ['Patient', 'ServiceRequest', 'Specimen', 'Observation', 'DiagnosticReport', 'Immunization'];
export const isResourceType = (t: string): t is ResourceType => Object.hasOwn(resourceDefs, t);

const cursors = cursorCodec(z.object({ after: z.string().regex(UUID) }));

export interface Page {
  resources: Resource[];
  /** The cursor of the next page, when there is one. */
  next?: string;
  /** The persons whose data the page shows. */
  persons: string[];
}

/** One page of a search, in the region only. Does not audit: the caller audits what it delivers, in its transaction. */
export async function searchPage(tx: Db, region: string, type: ResourceType, search: ParsedSearch, now: Date): Promise<Page> {
  const def: ResourceDef = resourceDefs[type];
  for (const name of def.patientParams ?? []) for (const v of search.params.get(name) ?? []) await requirePatients(tx, region, refs(v), name);
  const conditions = [...search.params].flatMap(([name, values]) => values.map((v) => def.filter(name, v, region, now)));
  if (search.cursor) {
    let after: string;
    try {
      after = cursors.decode(search.cursor).after;
    } catch {
      throw new AppError('invalid', '_cursor: not a cursor this server gave out', '_cursor');
    }
    conditions.push(sql`r.id > ${after}::uuid`);
  }
  const where = conditions.length ? sql`WHERE ${sql.join(conditions, sql` AND `)}` : sql``;
  const rows = await queryRows<Record<string, unknown> & { id: string; person_id?: string }>(tx, sql`SELECT * FROM (${def.base(region)}) r ${where} ORDER BY r.id LIMIT ${search.count + 1}`);
  const page = rows.slice(0, search.count);
  const last = page.at(-1);
  return {
    resources: page.map((r) => def.toResource(r, region)),
    next: rows.length > search.count && last ? cursors.encode({ after: last.id }) : undefined,
    persons: [...new Set(page.flatMap((r) => (r.person_id ? [r.person_id] : [])))],
  };
}

/** A patient reference names someone of this region, or the request is a 404 (never an empty answer that hides the region's border). */
async function requirePatients(tx: Db, region: string, ids: string[], param: string) {
  const valid = ids.filter((i) => UUID.test(i));
  const found = valid.length ? await queryRows<{ id: string }>(tx, sql`SELECT id FROM persons WHERE region_id = ${region} AND id = ANY(${sql.param(valid)}::uuid[]) AND merged_into IS NULL`) : [];
  if (found.length === 0) throw new AppError('not-found', `${param}: no Patient with this id in this region`, param);
}

export const FHIR_READ_PURPOSE = 'Systemintegration (FHIR)';

/** Writes one audit row per person whose data an answer delivers, in the caller's transaction. */
export async function auditDelivered(tx: Db, actor: Actor, action: string, persons: string[], details: Record<string, unknown>) {
  await recordMany(tx, actor, persons.map((personId) => ({ action, personId, purpose: FHIR_READ_PURPOSE, details })));
}
