/** The index's questionnaire answers, as the citizen gives them and the tracer reads them (`answers` in the contract). */

export const SETTING_KINDS = ['school_class', 'workplace', 'care_home', 'home_care', 'association', 'event'] as const;
export type SettingKind = (typeof SETTING_KINDS)[number];

export interface HouseholdMember {
  id: string;
  name: string;
  identityNumber?: string | null;
  phone?: string | null;
}

export interface CloseContact {
  id: string;
  name: string;
  phone?: string | null;
  context?: string | null;
  /** YYYY-MM-DD */
  lastContact?: string | null;
}

export interface Setting {
  kind: SettingKind;
  name: string;
  schoolClass?: string | null;
  /** YYYY-MM-DD */
  date?: string | null;
}

export interface QuestionnaireAnswers {
  /** YYYY-MM-DD */
  symptomOnset?: string | null;
  noSymptoms?: boolean;
  household?: HouseholdMember[];
  closeContacts?: CloseContact[];
  settings?: Setting[];
  travelledAbroad?: boolean;
  travelCountry?: string | null;
}

const blankToNull = (value: string | null | undefined) => (value?.trim() ? value.trim() : null);
const named = <T extends { name: string }>(rows: readonly T[] | undefined) => (rows ?? []).filter((r) => r.name.trim() !== '');

/**
 * The answers as they are sent: rows still without a name left out (the citizen may be halfway through
 * adding one), empty optional fields as null, and no onset date or country that contradicts a "no".
 */
export function toSavable(answers: QuestionnaireAnswers): QuestionnaireAnswers {
  return {
    ...answers,
    symptomOnset: answers.noSymptoms ? null : blankToNull(answers.symptomOnset),
    travelCountry: answers.travelledAbroad ? blankToNull(answers.travelCountry) : null,
    household: named(answers.household).map((m) => ({ id: m.id, name: m.name.trim(), identityNumber: blankToNull(m.identityNumber), phone: blankToNull(m.phone) })),
    closeContacts: named(answers.closeContacts).map((c) => ({
      id: c.id,
      name: c.name.trim(),
      phone: blankToNull(c.phone),
      context: blankToNull(c.context),
      lastContact: blankToNull(c.lastContact),
    })),
    settings: named(answers.settings).map((s) => ({
      kind: s.kind,
      name: s.name.trim(),
      schoolClass: s.kind === 'school_class' ? blankToNull(s.schoolClass) : null,
      date: blankToNull(s.date),
    })),
  };
}
