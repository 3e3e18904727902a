/**
 * Lab results as a FHIR R4 Bundle (JSON) of DiagnosticReport and/or Observation resources, read without a
 * FHIR library: small readers for the few elements we need.
 *
 * - One row per DiagnosticReport (its first result Observation, contained or in the Bundle, or the report's
 *   own code), and one per Observation that no DiagnosticReport in the Bundle refers to. Other resources
 *   (Patient, Specimen, Organization, …) are not rows.
 * - The row's line is the entry's index in Bundle.entry (0-based, as in FHIRPath `entry[i]`).
 * - Kit id: the Specimen's identifier (a contained Specimen, or a Specimen entry the `specimen` reference
 *   names by fullUrl or Specimen/id), from Observation.specimen or else DiagnosticReport.specimen[0].
 * - Referral id (remiss): the identifier of the ServiceRequest that `basedOn` names (contained, in the Bundle, or a
 *   logical reference's `identifier`), of the Observation or else the report; it wins over the Specimen's identifier.
 * - Test type: LOINC in Observation.code (or DiagnosticReport.code): 94500-6 → pcr, 94558-4 → antigen,
 *   94563-4 / 94762-2 → serology.
 * - Result: valueCodeableConcept, SNOMED CT 260373001 Detected / 10828004 Positive → positive,
 *   260415000 Not detected / 260385009 Negative → negative, 125154007 or the text 'Inconclusive' → not_assessable.
 * - Time: `issued` (when the result was released) or else `effectiveDateTime`, of the Observation or the report.
 * - Method: Observation.method (text or first coding's display).
 */
import { invalid } from '../../platform/errors.js';
import type { TestResult, TestType } from '../model.js';
import { readKitCode, readMethod, readResultTime, toRow, type FieldNames, type ParsedRow, type Read } from './rows.js';
import { decodeText } from '../../platform/files/csv.js';

type Json = Record<string, unknown>;
const isObject = (v: unknown): v is Json => typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown): string | undefined => (typeof v === 'string' ? v : undefined);
const arr = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

interface Coding {
  system?: string;
  code?: string;
  display?: string;
}
interface CodeableConcept {
  coding: Coding[];
  text?: string;
}

function codeableConcept(v: unknown): CodeableConcept | undefined {
  if (!isObject(v)) return undefined;
  return { coding: arr(v.coding).filter(isObject).map((c) => ({ system: str(c.system), code: str(c.code), display: str(c.display) })), text: str(v.text) };
}
const reference = (v: unknown): string | undefined => (isObject(v) ? str(v.reference) : undefined);

const LOINC = 'http://loinc.org';
const SNOMED = 'http://snomed.info/sct';
const loincTypes: Record<string, TestType> = { '94500-6': 'pcr', '94558-4': 'antigen', '94563-4': 'serology', '94762-2': 'serology' };
const snomedResults: Record<string, TestResult> = { '260373001': 'positive', '10828004': 'positive', '260415000': 'negative', '260385009': 'negative', '125154007': 'not_assessable' };
const textResults: Record<string, TestResult> = { detected: 'positive', positive: 'positive', 'not detected': 'negative', negative: 'negative', inconclusive: 'not_assessable' };

function testTypeOf(code: CodeableConcept | undefined): Read<TestType> {
  if (!code) return { ok: false, reason: 'no code' };
  for (const c of code.coding) if ((!c.system || c.system === LOINC) && c.code && loincTypes[c.code]) return { ok: true, value: loincTypes[c.code]! };
  const codes = code.coding.map((c) => c.code).filter(Boolean);
  return { ok: false, reason: `no known LOINC code${codes.length ? ` (got ${codes.join(', ')})` : ''}; expected 94500-6, 94558-4, 94563-4 or 94762-2` };
}

function resultOf(value: CodeableConcept | undefined): Read<TestResult> {
  if (!value) return { ok: false, reason: 'no valueCodeableConcept' };
  for (const c of value.coding) if ((!c.system || c.system === SNOMED) && c.code && snomedResults[c.code]) return { ok: true, value: snomedResults[c.code]! };
  for (const t of [value.text, ...value.coding.map((c) => c.display)]) {
    const r = t && textResults[t.trim().toLowerCase()];
    if (r) return { ok: true, value: r };
  }
  return { ok: false, reason: `not a known result (SNOMED CT 260373001, 10828004, 260415000, 260385009, 125154007)` };
}

/** The elements as the Bundle names them: every rejection and the report use these names. */
export const FHIR_FIELD_NAMES: FieldNames = { kitCode: 'specimen.identifier', testType: 'code', result: 'valueCodeableConcept', resultAt: 'issued', method: 'method' };
const REFERRAL_FIELD_NAMES: FieldNames = { ...FHIR_FIELD_NAMES, kitCode: 'basedOn.identifier' };

export function parseResultsFhir(content: Buffer | string, now: Date): ParsedRow[] {
  let bundle: unknown;
  try {
    bundle = JSON.parse(decodeText(content));
  } catch (e) {
    throw invalid('content', `not JSON: ${(e as Error).message}`);
  }
  if (!isObject(bundle) || bundle.resourceType !== 'Bundle') throw invalid('content', 'expected a FHIR R4 Bundle (resourceType "Bundle")');
  const entries = arr(bundle.entry).map((e) => (isObject(e) ? { fullUrl: str(e.fullUrl), resource: isObject(e.resource) ? e.resource : undefined } : { fullUrl: undefined, resource: undefined }));

  // Resources by the ways a reference can name them: fullUrl, and ResourceType/id.
  const byRef = new Map<string, Json>();
  for (const e of entries) {
    if (!e.resource) continue;
    if (e.fullUrl) byRef.set(e.fullUrl, e.resource);
    const type = str(e.resource.resourceType);
    const id = str(e.resource.id);
    if (type && id) byRef.set(`${type}/${id}`, e.resource);
  }
  const resolve = (ref: string | undefined, container: Json | undefined, type: string): Json | undefined => {
    if (!ref) return undefined;
    if (ref.startsWith('#')) {
      const hit = [...arr(container?.contained)].find((c) => isObject(c) && c.id === ref.slice(1));
      return isObject(hit) && hit.resourceType === type ? hit : undefined;
    }
    const r = byRef.get(ref) ?? byRef.get(ref.split('/').slice(-2).join('/'));
    return r && r.resourceType === type ? r : undefined;
  };

  const usedByReports = new Set<Json>();
  for (const e of entries) {
    if (e.resource?.resourceType !== 'DiagnosticReport') continue;
    for (const r of arr(e.resource.result)) {
      const obs = resolve(reference(r), e.resource, 'Observation');
      if (obs) usedByReports.add(obs);
    }
  }

  const kitOf = (specimenRef: string | undefined, container: Json | undefined): Read<string> => {
    if (!specimenRef) return { ok: false, reason: 'no specimen reference' };
    const specimen = resolve(specimenRef, container, 'Specimen');
    if (!specimen) return { ok: false, reason: `the specimen ${specimenRef} is neither contained nor in the Bundle` };
    const ids = [...arr(specimen.identifier), specimen.accessionIdentifier].filter(isObject).map((i) => str(i.value)).filter((v): v is string => !!v);
    if (ids.length === 0) return { ok: false, reason: 'the Specimen has no identifier' };
    return readKitCode(ids[0]);
  };

  /** The referral id from the first `basedOn` that names a ServiceRequest; undefined when the resource names none. */
  const referralOf = (res: Json, container: Json): Read<string> | undefined => {
    for (const ref of arr(res.basedOn).filter(isObject)) {
      const logical = isObject(ref.identifier) ? str(ref.identifier.value) : undefined;
      if (logical) return readKitCode(logical);
      const request = resolve(str(ref.reference), container, 'ServiceRequest');
      if (!request) continue;
      const id = arr(request.identifier).filter(isObject).map((i) => str(i.value)).find((v) => !!v);
      return id ? readKitCode(id) : { ok: false, reason: 'the ServiceRequest has no identifier' };
    }
    return undefined;
  };

  const rows: ParsedRow[] = [];
  entries.forEach((e, line) => {
    const res = e.resource;
    if (!res) {
      rows.push({ line, ok: false, field: 'resource', reason: 'the entry has no resource' });
      return;
    }
    const type = res.resourceType;
    if (type === 'Observation' && usedByReports.has(res)) return;
    if (type === 'Observation') {
      const referral = referralOf(res, res);
      rows.push(
        toRow(line, referral ? REFERRAL_FIELD_NAMES : FHIR_FIELD_NAMES, {
          kitCode: referral ?? kitOf(reference(res.specimen), res),
          testType: testTypeOf(codeableConcept(res.code)),
          result: resultOf(codeableConcept(res.valueCodeableConcept)),
          resultAt: readResultTime(str(res.issued) ?? str(res.effectiveDateTime), now),
          method: readMethod(codeableConcept(res.method)?.text ?? codeableConcept(res.method)?.coding[0]?.display),
        }),
      );
    } else if (type === 'DiagnosticReport') {
      const obsRef = reference(arr(res.result)[0]);
      const obs = resolve(obsRef, res, 'Observation');
      if (obsRef && !obs) {
        rows.push({ line, ok: false, field: 'result', reason: `the Observation ${obsRef} is neither contained nor in the Bundle` });
        return;
      }
      if (!obs) {
        rows.push({ line, ok: false, field: 'result', reason: 'the DiagnosticReport refers to no Observation' });
        return;
      }
      const specimenRef = reference(obs.specimen);
      const obsType = testTypeOf(codeableConcept(obs.code));
      const referral = referralOf(obs, obs.contained ? obs : res) ?? referralOf(res, res);
      rows.push(
        toRow(line, referral ? REFERRAL_FIELD_NAMES : FHIR_FIELD_NAMES, {
          kitCode: referral ?? specimenRef ? kitOf(specimenRef, obs.contained ? obs : res) : kitOf(reference(arr(res.specimen)[0]), res),
          testType: obsType.ok ? obsType : testTypeOf(codeableConcept(res.code)),
          result: resultOf(codeableConcept(obs.valueCodeableConcept)),
          resultAt: readResultTime(str(obs.issued) ?? str(res.issued) ?? str(obs.effectiveDateTime) ?? str(res.effectiveDateTime), now),
          method: readMethod(codeableConcept(obs.method)?.text ?? codeableConcept(obs.method)?.coding[0]?.display),
        }),
      );
    }
  });
  return rows;
}
