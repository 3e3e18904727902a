/**
 * What a report of a suspected adverse event must say, checked before it is stored and sent to
 * Läkemedelsverket. Pure: the dose's time and `now` come in; the problems name the field.
 */
import type { FieldError } from '../../platform/errors.js';

/** The fixed list of symptoms a reporter picks from, Swedish first, English second. `other` needs a description. */
export const symptoms = [
  { code: 'injection_site_reaction', sv: 'Reaktion vid injektionsstället', en: 'Injection site reaction' },
  { code: 'fever', sv: 'Feber', en: 'Fever' },
  { code: 'headache', sv: 'Huvudvärk', en: 'Headache' },
  { code: 'fatigue', sv: 'Trötthet', en: 'Fatigue' },
  { code: 'muscle_pain', sv: 'Muskelvärk', en: 'Muscle pain' },
  { code: 'joint_pain', sv: 'Ledvärk', en: 'Joint pain' },
  { code: 'nausea', sv: 'Illamående', en: 'Nausea' },
  { code: 'swollen_lymph_nodes', sv: 'Svullna lymfkörtlar', en: 'Swollen lymph nodes' },
  { code: 'rash', sv: 'Hudutslag', en: 'Rash' },
  { code: 'allergic_reaction', sv: 'Allergisk reaktion', en: 'Allergic reaction' },
  { code: 'anaphylaxis', sv: 'Anafylaxi', en: 'Anaphylaxis' },
  { code: 'chest_pain', sv: 'Bröstsmärta', en: 'Chest pain' },
  { code: 'palpitations', sv: 'Hjärtklappning', en: 'Palpitations' },
  { code: 'shortness_of_breath', sv: 'Andnöd', en: 'Shortness of breath' },
  { code: 'facial_paralysis', sv: 'Ansiktsförlamning', en: 'Facial paralysis' },
  { code: 'other', sv: 'Annat (beskriv)', en: 'Other (describe)' },
] as const;

/** What makes an adverse event serious in pharmacovigilance (ICH E2A); a serious report names at least one. */
export const seriousCriteria = [
  { code: 'death', sv: 'Dödsfall', en: 'Death' },
  { code: 'life_threatening', sv: 'Livshotande', en: 'Life-threatening' },
  { code: 'hospitalisation', sv: 'Sjukhusvård eller förlängd sjukhusvård', en: 'Hospitalisation or prolonged hospitalisation' },
  { code: 'disability', sv: 'Bestående eller betydande funktionsnedsättning', en: 'Persistent or significant disability' },
  { code: 'congenital_anomaly', sv: 'Medfödd missbildning', en: 'Congenital anomaly' },
  { code: 'medically_important', sv: 'Annan medicinskt viktig händelse', en: 'Other medically important event' },
] as const;

export interface AdverseEventInput {
  symptoms: string[];
  description?: string | null;
  onsetAt: string;
  serious: boolean;
  seriousCriteria: string[];
}

const SYMPTOMS = new Set<string>(symptoms.map((s) => s.code));
const CRITERIA = new Set<string>(seriousCriteria.map((c) => c.code));
/** A clock a few minutes ahead of ours is not a report from the future. */
const CLOCK_SKEW_MS = 5 * 60_000;

const duplicates = (list: string[]) => list.filter((c, i) => list.indexOf(c) !== i);

/** Every problem with the report, each naming its field; empty when it may be sent. */
export function adverseEventProblems(input: AdverseEventInput, dose: { administeredAt: string }, now: Date): FieldError[] {
  const problems: FieldError[] = [];
  const unknown = input.symptoms.filter((c) => !SYMPTOMS.has(c));
  if (input.symptoms.length === 0) problems.push({ field: 'symptoms', message: 'symptoms: choose at least one symptom' });
  else if (unknown.length > 0) problems.push({ field: 'symptoms', message: `symptoms: unknown symptom code ${unknown.join(', ')}` });
  else if (duplicates(input.symptoms).length > 0) problems.push({ field: 'symptoms', message: `symptoms: ${duplicates(input.symptoms).join(', ')} named twice` });
  if (input.symptoms.includes('other') && !input.description?.trim()) problems.push({ field: 'description', message: 'description: describe the symptom when “other” is chosen' });
  const onset = Date.parse(input.onsetAt);
  if (onset < Date.parse(dose.administeredAt)) problems.push({ field: 'onsetAt', message: `onsetAt: is before the dose was given (${dose.administeredAt})` });
  else if (onset > now.getTime() + CLOCK_SKEW_MS) problems.push({ field: 'onsetAt', message: 'onsetAt: is in the future' });
  const unknownCriteria = input.seriousCriteria.filter((c) => !CRITERIA.has(c));
  if (unknownCriteria.length > 0) problems.push({ field: 'seriousCriteria', message: `seriousCriteria: unknown criterion ${unknownCriteria.join(', ')}` });
  else if (input.serious && input.seriousCriteria.length === 0) problems.push({ field: 'seriousCriteria', message: 'seriousCriteria: a serious event names at least one criterion (death, life-threatening, hospitalisation, disability …)' });
  else if (!input.serious && input.seriousCriteria.length > 0) problems.push({ field: 'seriousCriteria', message: 'seriousCriteria: only a serious event has seriousness criteria' });
  else if (duplicates(input.seriousCriteria).length > 0) problems.push({ field: 'seriousCriteria', message: `seriousCriteria: ${duplicates(input.seriousCriteria).join(', ')} named twice` });
  return problems;
}

/** The terms of the codes, for the report sent to Läkemedelsverket. */
export const symptomTerm = (code: string) => symptoms.find((s) => s.code === code) ?? { code, sv: code, en: code };
export const criterionTerm = (code: string) => seriousCriteria.find((c) => c.code === code) ?? { code, sv: code, en: code };
