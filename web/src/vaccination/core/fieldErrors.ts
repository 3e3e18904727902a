import { isApiError } from '../../api.js';
import type { Language } from '../../i18n/index.js';

/** A text the server writes in both languages ('sv … / en …'), in the page's language; any other text as it is. */
export function inLanguage(text: string, language: Language): string {
  const parts = text.split(' / ');
  return parts.length === 2 ? parts[language === 'sv' ? 0 : 1]! : text;
}

/** The server's message for one field of a refused request (problem+json `errors`), to show at its input. */
export function fieldErrorOf(error: unknown): (field: string) => string | undefined {
  const errors = isApiError(error) ? error.fieldErrors : [];
  return (field) =>
    errors
      .filter((e) => e.field === field)
      .map((e) => e.message)
      .join('; ') || undefined;
}
