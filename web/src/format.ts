import type { Language } from './i18n/index.js';

/** Times are shown in Swedish time wherever the browser is. */
export const TIME_ZONE = 'Europe/Stockholm';

const LOCALES: Record<Language, string> = { sv: 'sv-SE', en: 'en-GB' };

const dateTimeFormats = new Map<Language, Intl.DateTimeFormat>();

export function formatDateTime(iso: string, language: Language): string {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return iso;
  let format = dateTimeFormats.get(language);
  if (!format) {
    format = new Intl.DateTimeFormat(LOCALES[language], {
      dateStyle: 'medium',
      timeStyle: 'short',
      timeZone: TIME_ZONE,
    });
    dateTimeFormats.set(language, format);
  }
  return format.format(date);
}

const numberFormats = new Map<Language, Intl.NumberFormat>();

/** A number as the language writes it (Swedish: decimal comma, space between thousands); charts and tables alike. */
export function formatNumber(value: number, language: Language): string {
  let format = numberFormats.get(language);
  if (!format) {
    format = new Intl.NumberFormat(LOCALES[language], { maximumFractionDigits: 2 });
    numberFormats.set(language, format);
  }
  return format.format(value);
}
