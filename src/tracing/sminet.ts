import { randomUUID } from 'node:crypto';
import { z } from 'zod';
import { text } from '../platform/input/index.js';
import type { Transport } from '../platform/jobs/transports.js';

export const SMINET_TOPIC = 'sminet.ClinicalNotification';
export const sminetKey = (caseId: string) => `sminet:${caseId}`;

/** What the tracer adds to the case's facts: where the index was most likely infected. */
export const SminetInput = z
  .object({
    likelyInfectionCountry: z.string().max(2).regex(/^[A-Z]{2}$/, 'an ISO 3166-1 alpha-2 country code, e.g. SE').default('SE'),
    likelyInfectionPlace: text({ max: 200, min: 0 }).optional(),
    setting: z.enum(['household', 'school', 'workplace', 'care_home', 'health_care', 'association', 'event', 'travel', 'unknown']).default('unknown'),
    comment: text({ max: 1000, min: 0, multiline: true }).optional(),
  })
  .strict();
export type SminetInput = z.infer<typeof SminetInput>;

export interface CaseFacts {
  caseId: string;
  regionId: string;
  identityNumber: string;
  identityKind: string;
  name: string;
  legalSex: string | null;
  age: number | null;
  municipalityCode: string | null;
  sampleTakenAt: string;
  testType: string;
  symptomOnset: string | null;
  possibleReinfection: boolean;
  contacts: number;
}

/**
 * The clinical notification (klinisk anmälan) in Lägesbild's JSON format `lagesbild.sminet.clinical/1`, with the
 * fields SmiNet's form for covid-19 asks for: disease and basis, the patient, dates, likely place and country
 * of infection, setting, the contact tracing done, and the reporter. A SmiNet integration maps it to SmiNet's XML.
 */
export function clinicalNotification(facts: CaseFacts, input: SminetInput, reporter: { name: string; role: string; unit: string }, reportedAt: string) {
  return {
    format: 'lagesbild.sminet.clinical/1',
    reportId: randomUUID(),
    reportedAt,
    disease: { code: 'U07.1', name: 'Covid-19 (SARS-CoV-2)', basis: 'laboratory-confirmed', testType: facts.testType, possibleReinfection: facts.possibleReinfection },
    patient: { identityNumber: facts.identityNumber, identityKind: facts.identityKind, name: facts.name, legalSex: facts.legalSex, age: facts.age, municipalityCode: facts.municipalityCode },
    dates: { sampleTaken: facts.sampleTakenAt.slice(0, 10), symptomOnset: facts.symptomOnset },
    infection: { likelyCountry: input.likelyInfectionCountry, likelyPlace: input.likelyInfectionPlace ?? null, setting: input.setting },
    contactTracing: { performed: true, contactsIdentified: facts.contacts },
    reporter: { ...reporter, regionId: facts.regionId, caseId: facts.caseId },
    comment: input.comment ?? null,
  };
}
export type ClinicalNotification = ReturnType<typeof clinicalNotification>;

/**
 * Keeps notifications in Lägesbild for demo and test, answering like SmiNet with a reference. In production
 * SMINET_WEBHOOK_URL sends them to the region's SmiNet integration instead (the webhook transport).
 */
export const embeddedSminetTransport = (): Transport => ({
  name: 'sminet-embedded',
  async send(m) {
    const doc = m.payload as unknown as ClinicalNotification;
    if (!doc.patient?.identityNumber) throw new Error('sminet: a notification without a patient');
    return { transport: 'sminet-embedded', reference: `SMI-${doc.reportId.slice(0, 8).toUpperCase()}`, receivedAt: new Date().toISOString() };
  },
});
