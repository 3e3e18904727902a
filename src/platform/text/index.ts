import { en } from './en.js';
import { sv, type TextKey } from './sv.js';

export type { TextKey } from './sv.js';

export const LANGUAGES = ['sv', 'en'] as const;
export type Language = (typeof LANGUAGES)[number];
export const DEFAULT_LANGUAGE: Language = 'sv';

export const isLanguage = (value: unknown): value is Language => value === 'sv' || value === 'en';

/** Both catalogues by language; `en` is typed by the keys of `sv`, so a key missing in either is a type error. */
export const catalogues: Record<Language, Record<TextKey, string>> = { sv, en };

/** A parameter may itself be a text (a thing's name), rendered in the same language. */
export type TextParams = Record<string, string | number | Text>;

/**
 * A text to show a person, rendered in the reader's language only when it is shown (problem+json, a message):
 * a catalogue key with its parameters, or both languages already written (a pure rules module's reason).
 */
export type Text = { readonly key: TextKey; readonly params?: TextParams } | { readonly sv: string; readonly en: string };

export const text = (key: TextKey, params?: TextParams): Text => (params ? { key, params } : { key });
export const both = (sv: string, en: string): Text => ({ sv, en });

/**
 * Older code glues both languages into one string, Swedish first: "Kontrollsiffran stämmer inte / The check
 * digit does not match". Such a string becomes a text in both languages; any other string stays as it is.
 */
export function unglue(message: string): string | Text {
  const parts = message.split(' / ');
  return parts.length === 2 && parts[0]!.trim() && parts[1]!.trim() ? both(parts[0]!.trim(), parts[1]!.trim()) : message;
}

/** `{name}` in the text is replaced by the parameter. */
export function render(lang: Language, key: TextKey | Text, params?: TextParams): string {
  const t = typeof key === 'string' ? { key, params } : key;
  if ('sv' in t) return t[lang];
  const template = catalogues[lang][t.key];
  return template.replace(/\{(\w+)\}/g, (whole, name: string) => {
    const value = t.params?.[name];
    return value === undefined ? whole : typeof value === 'object' ? render(lang, value) : String(value);
  });
}

/**
 * The first language of an Accept-Language header that Lägesbild speaks, by quality; Swedish when none.
 * `en-GB`, `sv-SE` count as their language.
 */
export function languageFromAcceptLanguage(header: string | undefined): Language {
  if (!header) return DEFAULT_LANGUAGE;
  const ranked = header
    .split(',')
    .map((part, i) => {
      const [tag = '', ...rest] = part.trim().split(';');
      const q = rest.map((r) => r.trim()).find((r) => r.startsWith('q='));
      const quality = q ? Number(q.slice(2)) : 1;
      return { lang: tag.trim().toLowerCase().split('-')[0], quality: Number.isFinite(quality) ? quality : 0, i };
    })
    .filter((r) => r.quality > 0)
    .sort((a, b) => b.quality - a.quality || a.i - b.i);
  return ranked.map((r) => r.lang).find(isLanguage) ?? DEFAULT_LANGUAGE;
}

/** The human name of a field (`answers.3.version` → the label of `version`), or undefined when the catalogue has none. */
export function fieldLabel(lang: Language, field: string): string | undefined {
  const segments = field.split('.').filter((s) => !/^\d+$/.test(s));
  for (const name of [field, segments.at(-1)]) {
    const key = `field.${name}`;
    if (name && key in sv) return catalogues[lang][key as TextKey];
  }
  return undefined;
}
