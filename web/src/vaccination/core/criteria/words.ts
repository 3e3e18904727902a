import type { Language } from '../../../i18n/index.js';
import type { TypedT } from '../../../i18n/useT.js';
import type { CohortDraft, CriteriaDraft } from './draft.js';

const monthDayFormat = { sv: new Intl.DateTimeFormat('sv-SE', { day: 'numeric', month: 'long', timeZone: 'UTC' }), en: new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', timeZone: 'UTC' }) };

/** '09-01' as '1 september'; as written while it is not a day of the year yet. */
function monthDay(md: string, language: Language): string {
  const at = /^\d{2}-\d{2}$/.test(md) ? new Date(`2000-${md}T00:00:00Z`) : null;
  return at && !Number.isNaN(at.getTime()) && at.toISOString().slice(5, 10) === md ? monthDayFormat[language].format(at) : md;
}

function cohortInWords(t: TypedT, c: CohortDraft): string {
  const who =
    c.minAge !== '' && c.maxAge !== ''
      ? t('vaccination.criteria.words.ageRange', { min: c.minAge, max: c.maxAge })
      : c.minAge !== ''
        ? t('vaccination.criteria.words.ageFrom', { min: c.minAge })
        : c.maxAge !== ''
          ? t('vaccination.criteria.words.ageTo', { max: c.maxAge })
          : t('vaccination.criteria.words.everyone');
  if (c.anyOf.length === 0) return who;
  const groups = c.anyOf.map((g) => t(`vaccination.criteria.words.groups.${g}`)).join(t('vaccination.criteria.words.or'));
  return t('vaccination.criteria.words.inGroups', { who, groups });
}

/**
 * The criteria as sentences for the coordinator to check before saving: who is covered, which doses at
 * what interval, the offer. Blank numbers leave their sentence out (the form marks them).
 */
export function criteriaInWords(t: TypedT, language: Language, d: CriteriaDraft): string[] {
  const sentences = [t('vaccination.criteria.words.who', { list: d.cohorts.map((c) => cohortInWords(t, c)).join('; ') })];
  if (d.kind === 'series' && d.series.doses !== '' && d.series.intervalDays !== '') sentences.push(t('vaccination.criteria.words.series', { count: d.series.doses, days: d.series.intervalDays }));
  const s = d.seasonal;
  if (d.kind === 'seasonal' && s.minIntervalDays !== '') {
    const windows = s.windows.map((w) => t('vaccination.criteria.words.window', { name: w.name, from: monthDay(w.from, language), to: monthDay(w.to, language) })).join(', ');
    sentences.push(t('vaccination.criteria.words.seasonal', { windows, days: s.minIntervalDays }));
  }
  if (d.kind === 'seasonal' && s.minPriorDoses !== '' && s.minPriorDoses > 0) sentences.push(t('vaccination.criteria.words.priorDoses', { count: s.minPriorDoses }));
  if (d.offer.trim()) sentences.push(t('vaccination.criteria.words.offer', { offer: d.offer.trim() }));
  return sentences;
}
