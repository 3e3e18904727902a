import type { CodeableConcept, Coding, DiagnosticReport, Identifier, Immunization, Location, Observation, Patient, Schedule, ServiceRequest, Slot, Specimen } from 'fhir/r4.js';
import type { TestResult, TestType } from '../testing/model.js';
import type { Vaccine } from '../vaccination/model.js';

/**
 * Lägesbild's rows as FHIR R4 resources. Pure: the store fetches the rows, these shape them. The codes are
 * those the result import (src/testing/import/fhir.ts) reads, so a Bundle exported here imports there.
 */

export const PERSONNUMMER = 'http://electronichealth.se/identifier/personnummer';
export const SAMORDNINGSNUMMER = 'http://electronichealth.se/identifier/samordningsnummer';
/** A reservnummer is only unique within the region that issued it, so the system names the region. */
export const reservnummerSystem = (region: string) => `urn:lagesbild:reservnummer:region-${region}`;
export const RESERVNUMMER_PREFIX = 'urn:lagesbild:reservnummer:region-';
export const KIT_SYSTEM = 'urn:lagesbild:kit';
export const PRODUCT_SYSTEM = 'urn:lagesbild:vaccine-product';
export const LOINC = 'http://loinc.org';
export const SNOMED = 'http://snomed.info/sct';
export const ATC = 'http://www.whocc.no/atc';

/** A code system entry and the internal value it stands for: how a token search finds rows. */
export interface CodeEntry<V extends string> {
  system: string;
  code: string;
  display: string;
  value: V;
}

export const testTypeCodes: CodeEntry<TestType>[] = [
  { system: LOINC, code: '94500-6', display: 'SARS-CoV-2 (COVID-19) RNA [Presence] in Respiratory specimen by NAA with probe detection', value: 'pcr' },
  { system: LOINC, code: '94558-4', display: 'SARS-CoV-2 (COVID-19) Ag [Presence] in Respiratory specimen by Rapid immunoassay', value: 'antigen' },
  { system: LOINC, code: '94762-2', display: 'SARS-CoV-2 (COVID-19) Ab [Presence] in Serum or Plasma by Immunoassay', value: 'serology' },
];

export const specimenTypeCodes: CodeEntry<TestType>[] = [
  { system: SNOMED, code: '258500001', display: 'Nasopharyngeal swab', value: 'pcr' },
  { system: SNOMED, code: '258500001', display: 'Nasopharyngeal swab', value: 'antigen' },
  { system: SNOMED, code: '119297000', display: 'Blood specimen', value: 'serology' },
];

export const resultCodes: CodeEntry<TestResult>[] = [
  { system: SNOMED, code: '260373001', display: 'Detected', value: 'positive' },
  { system: SNOMED, code: '260415000', display: 'Not detected', value: 'negative' },
  { system: SNOMED, code: '125154007', display: 'Specimen unsatisfactory for evaluation', value: 'not_assessable' },
];

export const vaccineCodes: CodeEntry<Vaccine>[] = [
  { system: ATC, code: 'J07BX03', display: 'covid-19 vaccines', value: 'covid-19' },
  { system: ATC, code: 'J07BB', display: 'Influenza vaccines', value: 'influenza' },
];

const coding = (e: CodeEntry<string>): Coding => ({ system: e.system, code: e.code, display: e.display });
const conceptOf = <V extends string>(table: CodeEntry<V>[], value: V, text?: string): CodeableConcept => {
  const e = table.find((x) => x.value === value);
  return { ...(e ? { coding: [coding(e)] } : {}), text: text ?? e?.display ?? value };
};

const testTypeText: Record<TestType, string> = { pcr: 'PCR-test för covid-19', antigen: 'Antigentest för covid-19', serology: 'Antikroppstest för covid-19' };
const resultText: Record<TestResult, string> = { positive: 'Påvisad', negative: 'Ej påvisad', not_assessable: 'Ej bedömbart' };
const vaccineText: Record<Vaccine, string> = { 'covid-19': 'Vaccin mot covid-19', influenza: 'Vaccin mot influensa' };

export const patientRef = (personId: string) => ({ reference: `Patient/${personId}` });

export interface PatientRow {
  id: string;
  given_name: string;
  family_name: string;
  birth_date: string | null;
  legal_sex: 'female' | 'male' | null;
  street_address: string | null;
  postal_code: string | null;
  locality: string | null;
  phone: string | null;
  email: string | null;
  identifiers: { kind: 'personnummer' | 'samordningsnummer' | 'reservnummer'; value: string; issuing_region: string | null; primary: boolean }[];
}

export function identifierOf(i: PatientRow['identifiers'][number], region: string): Identifier {
  const system = i.kind === 'personnummer' ? PERSONNUMMER : i.kind === 'samordningsnummer' ? SAMORDNINGSNUMMER : reservnummerSystem(i.issuing_region ?? region);
  return { use: i.primary ? 'official' : 'old', system, value: i.value };
}

export function toPatient(r: PatientRow, region: string): Patient {
  const address = r.street_address || r.postal_code || r.locality;
  const telecom = [...(r.phone ? [{ system: 'phone' as const, value: r.phone }] : []), ...(r.email ? [{ system: 'email' as const, value: r.email }] : [])];
  return {
    resourceType: 'Patient',
    id: r.id,
    identifier: r.identifiers.map((i) => identifierOf(i, region)),
    active: true,
    name: [{ use: 'official', family: r.family_name, given: [r.given_name] }],
    ...(telecom.length ? { telecom } : {}),
    ...(r.legal_sex ? { gender: r.legal_sex } : {}),
    ...(r.birth_date ? { birthDate: r.birth_date } : {}),
    ...(address ? { address: [{ use: 'home', ...(r.street_address ? { line: [r.street_address] } : {}), ...(r.locality ? { city: r.locality } : {}), ...(r.postal_code ? { postalCode: r.postal_code } : {}), country: 'SE' }] } : {}),
  };
}

export interface OrderRow {
  id: string;
  person_id: string;
  test_type: TestType;
  status: 'ordered' | 'registered' | 'cancelled';
  ordered_at: string;
  point_name: string | null;
}

const orderStatus = { ordered: 'active', registered: 'completed', cancelled: 'revoked' } as const;

/** A self-sampling kit ordered for a person: an order for the test. */
export function toServiceRequest(r: OrderRow): ServiceRequest {
  return {
    resourceType: 'ServiceRequest',
    id: r.id,
    status: orderStatus[r.status],
    intent: 'order',
    category: [{ coding: [{ system: SNOMED, code: '108252007', display: 'Laboratory procedure' }] }],
    code: conceptOf(testTypeCodes, r.test_type, testTypeText[r.test_type]),
    subject: patientRef(r.person_id),
    authoredOn: r.ordered_at,
    ...(r.point_name ? { note: [{ text: `Utlämningsställe: ${r.point_name}` }] } : {}),
  };
}

export interface SampleRow {
  id: string;
  person_id: string;
  kit_code: string | null;
  order_id: string | null;
  test_type: TestType;
  collection: 'self' | 'staff';
  taken_at: string;
  received_at: string | null;
  method: string | null;
  result: TestResult | null;
  result_at: string | null;
}

export function toSpecimen(r: SampleRow): Specimen {
  return {
    resourceType: 'Specimen',
    id: r.id,
    ...(r.kit_code ? { identifier: [{ system: KIT_SYSTEM, value: r.kit_code }] } : {}),
    status: 'available',
    type: conceptOf(specimenTypeCodes, r.test_type),
    subject: patientRef(r.person_id),
    ...(r.received_at ? { receivedTime: r.received_at } : {}),
    ...(r.order_id ? { request: [{ reference: `ServiceRequest/${r.order_id}` }] } : {}),
    collection: { collectedDateTime: r.taken_at, ...(r.collection === 'self' ? { method: { text: 'Självprovtagning' } } : {}) },
  };
}

const labCategory = [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/observation-category', code: 'laboratory', display: 'Laboratory' }] }];

/** A sample's answer; only a sample with a result is an Observation. */
export function toObservation(r: SampleRow & { result: TestResult; result_at: string }): Observation {
  return {
    resourceType: 'Observation',
    id: r.id,
    status: 'final',
    category: labCategory,
    code: conceptOf(testTypeCodes, r.test_type, testTypeText[r.test_type]),
    subject: patientRef(r.person_id),
    effectiveDateTime: r.taken_at,
    issued: r.result_at,
    valueCodeableConcept: conceptOf(resultCodes, r.result, resultText[r.result]),
    ...(r.method ? { method: { text: r.method } } : {}),
    specimen: { reference: `Specimen/${r.id}` },
  };
}

export function toDiagnosticReport(r: SampleRow & { result: TestResult; result_at: string }): DiagnosticReport {
  return {
    resourceType: 'DiagnosticReport',
    id: r.id,
    ...(r.order_id ? { basedOn: [{ reference: `ServiceRequest/${r.order_id}` }] } : {}),
    status: 'final',
    category: [{ coding: [{ system: 'http://terminology.hl7.org/CodeSystem/v2-0074', code: 'LAB', display: 'Laboratory' }] }],
    code: conceptOf(testTypeCodes, r.test_type, testTypeText[r.test_type]),
    subject: patientRef(r.person_id),
    effectiveDateTime: r.taken_at,
    issued: r.result_at,
    specimen: [{ reference: `Specimen/${r.id}` }],
    result: [{ reference: `Observation/${r.id}` }],
    conclusionCode: [conceptOf(resultCodes, r.result, resultText[r.result])],
  };
}

export interface DoseRow {
  id: string;
  person_id: string;
  site_id: string | null;
  vaccine: Vaccine;
  product_code: string;
  product_name: string | null;
  batch_number: string;
  dose_number: number;
  administered_at: string;
  recorded_at: string;
}

export function toImmunization(r: DoseRow): Immunization {
  const vaccine = vaccineCodes.find((v) => v.value === r.vaccine);
  return {
    resourceType: 'Immunization',
    id: r.id,
    status: 'completed',
    vaccineCode: { coding: [...(vaccine ? [coding(vaccine)] : []), { system: PRODUCT_SYSTEM, code: r.product_code, ...(r.product_name ? { display: r.product_name } : {}) }], text: vaccineText[r.vaccine] },
    patient: patientRef(r.person_id),
    occurrenceDateTime: r.administered_at,
    recorded: r.recorded_at,
    primarySource: true,
    ...(r.site_id ? { location: { reference: `Location/${r.site_id}` } } : {}),
    lotNumber: r.batch_number,
    protocolApplied: [{ doseNumberPositiveInt: r.dose_number }],
  };
}

export interface SiteRow {
  id: string;
  name: string;
  active: boolean;
  street_address: string | null;
  postal_code: string | null;
  locality: string | null;
  municipality: string | null;
  vaccines: Vaccine[];
}

export function toLocation(r: SiteRow): Location {
  const city = r.locality ?? r.municipality;
  return {
    resourceType: 'Location',
    id: r.id,
    status: r.active ? 'active' : 'inactive',
    name: r.name,
    mode: 'instance',
    address: { ...(r.street_address ? { line: [r.street_address] } : {}), ...(city ? { city } : {}), ...(r.municipality ? { district: r.municipality } : {}), ...(r.postal_code ? { postalCode: r.postal_code } : {}), country: 'SE' },
  };
}

const serviceTypes = (vaccines: Vaccine[]): CodeableConcept[] => [
  { coding: [{ system: 'http://terminology.hl7.org/CodeSystem/service-type', code: '57', display: 'Immunization' }], text: vaccines.map((v) => vaccineText[v]).join(', ') || 'Vaccination' },
];

/** One Schedule per vaccination site (the same id): the site's bookable times are its Slots. */
export function toSchedule(r: SiteRow): Schedule {
  return { resourceType: 'Schedule', id: r.id, active: r.active, serviceType: serviceTypes(r.vaccines), actor: [{ reference: `Location/${r.id}`, display: r.name }] };
}

export interface SlotRow {
  id: string;
  site_id: string;
  starts_at: string;
  ends_at: string;
  capacity: number;
  booked: number;
}

export function toSlot(r: SlotRow): Slot {
  const free = r.capacity - r.booked;
  return {
    resourceType: 'Slot',
    id: r.id,
    schedule: { reference: `Schedule/${r.site_id}` },
    status: free > 0 ? 'free' : 'busy',
    start: r.starts_at,
    end: r.ends_at,
    comment: `${free} av ${r.capacity} platser lediga / ${free} of ${r.capacity} places free`,
    extension: [{ url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/slot-capacity', valueInteger: free }],
  };
}
