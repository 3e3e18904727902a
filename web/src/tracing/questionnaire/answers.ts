import type { BodyOf } from '../../api.js';

/**
 * The index's questionnaire answers, as the citizen sends them (the contract's request body). The answers
 * the server returns are the same ones it accepted, so the case file and the form read them as this type.
 */
export type QuestionnaireAnswers = BodyOf<'/api/tracing/my-questionnaire', 'put'>['answers'];
export type HouseholdMember = NonNullable<QuestionnaireAnswers['household']>[number];
export type CloseContact = NonNullable<QuestionnaireAnswers['closeContacts']>[number];
export type Setting = NonNullable<QuestionnaireAnswers['settings']>[number];
export type SettingKind = Setting['kind'];

/** The settings in the order the form offers them. */
export const SETTING_KINDS = ['school_class', 'workplace', 'care_home', 'home_care', 'association', 'event'] as const satisfies readonly SettingKind[];

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
