import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { toIso } from '../../platform/db/sql.js';
import { findPerson, findStaff, listIdentifiers } from '../../identity/store.js';
import { vaccinationDoses, vaccinationSites, type Vaccine } from '../model.js';
import { productOf } from '../products.js';

export const NVR_FORMAT = 'lagesbild.nvr/1';

/**
 * One dose as reported to the national vaccination register. Every field is described in README.md
 * ("The NVR message"); change the format only with a new `format` version.
 */
export interface NvrMessage {
  format: typeof NVR_FORMAT;
  /** `<doseId>:<attempt>`; also the Idempotency-Key: the register drops a message id it has seen. */
  messageId: string;
  doseId: string;
  /** County code of the reporting region. */
  regionId: string;
  reportedAt: string;
  patient: {
    /** Personnummer or samordningsnummer as 12 digits; a reservnummer as the issuing region writes it. */
    identifier: string;
    identifierKind: 'personnummer' | 'samordningsnummer' | 'reservnummer';
    /** True when reported on a reservnummer: NVR keeps it apart until the region reports the real number. */
    reservnummer: boolean;
    /** For a reservnummer: the region that issued it. */
    issuingRegion: string | null;
    birthDate: string | null;
    sex: 'female' | 'male' | null;
  };
  vaccination: {
    vaccine: Vaccine;
    productCode: string;
    productName: string | null;
    batchNumber: string;
    doseNumber: number;
    administeredAt: string;
    /** Given although no recommendation covered the person: the vaccinator's reason. */
    outsideRecommendation: string | null;
  };
  site: { id: string; name: string; municipalityCode: string | null } | null;
  performer: { staffId: string; name: string } | null;
}

/** What the message is built from, or null when the dose no longer exists (it was removed before sending). */
export async function buildNvrMessage(tx: Db, regionId: string, doseId: string, attempt: number, now: Date): Promise<NvrMessage | null> {
  const [dose] = await tx.select().from(vaccinationDoses).where(and(eq(vaccinationDoses.regionId, regionId), eq(vaccinationDoses.id, doseId)));
  if (!dose) return null;
  const person = await findPerson(tx, regionId, dose.personId);
  const ids = person ? await listIdentifiers(tx, regionId, [person.id]) : [];
  const id = ids.find((i) => i.isPrimary) ?? ids[0];
  const [site] = dose.siteId ? await tx.select().from(vaccinationSites).where(and(eq(vaccinationSites.regionId, regionId), eq(vaccinationSites.id, dose.siteId))) : [];
  const performer = await findStaff(tx, regionId, dose.recordedBy);
  return {
    format: NVR_FORMAT,
    messageId: `${dose.id}:${attempt}`,
    doseId: dose.id,
    regionId,
    reportedAt: now.toISOString(),
    patient: {
      identifier: id ? (id.kind === 'reservnummer' ? id.value : id.value.replace(/[\s+-]/g, '')) : '',
      identifierKind: id?.kind ?? 'reservnummer',
      reservnummer: !id || id.kind === 'reservnummer',
      issuingRegion: id?.issuingRegion ?? null,
      birthDate: person?.birthDate ?? null,
      sex: person?.legalSex ?? null,
    },
    vaccination: {
      vaccine: dose.vaccine,
      productCode: dose.productCode,
      productName: productOf(dose.productCode)?.name ?? null,
      batchNumber: dose.batchNumber,
      doseNumber: dose.doseNumber,
      administeredAt: new Date(toIso(dose.administeredAt)).toISOString(),
      outsideRecommendation: dose.outsideRecommendation,
    },
    site: site ? { id: site.id, name: site.name, municipalityCode: site.municipalityCode } : null,
    performer: performer ? { staffId: performer.id, name: performer.name } : null,
  };
}

/**
 * The checks the register makes before it accepts a report (the embedded register applies them; a real one
 * answers with its own): the reason of a rejection, or null.
 */
export function nvrRejection(m: NvrMessage): string | null {
  if (!m.patient.identifier) return 'patient.identifier: the person has no identity number';
  if (!/^\d{12}$/.test(m.patient.identifier) && m.patient.identifierKind !== 'reservnummer') return 'patient.identifier: not 12 digits';
  if (!m.vaccination.batchNumber.trim()) return 'vaccination.batchNumber: missing';
  if (!m.vaccination.productName) return `vaccination.productCode: unknown product ${m.vaccination.productCode}`;
  if (m.vaccination.doseNumber < 1) return 'vaccination.doseNumber: must be 1 or more';
  return null;
}
