import { useTranslation } from 'react-i18next';
import type { i18n } from 'i18next';
import type { Translation } from './sv.js';
import { currentLanguage, type Language } from './index.js';

type PluralSuffix = 'zero' | 'one' | 'two' | 'few' | 'many' | 'other';
type BaseKey<K extends string> = K extends `${infer Base}_${PluralSuffix}` ? Base : K;

/** Every dotted key of the translations (plural variants folded into their base key). */
type KeyPaths<T> = {
  [K in keyof T & string]: T[K] extends string ? BaseKey<K> : `${K}.${KeyPaths<T[K]>}`;
}[keyof T & string];

export type TKey = KeyPaths<Translation>;
export type TOptions = Record<string, string | number>;
export type TypedT = (key: TKey, options?: TOptions) => string;

export interface UseT {
  /** Translate a key that exists in `sv.ts` (checked by the compiler). */
  t: TypedT;
  /** Translate a key built from server data, falling back to `fallback` when there is none. */
  tMaybe: (key: string, fallback: string) => string;
  language: Language;
  i18n: i18n;
}

/**
 * `useTranslation` with keys checked against `sv.ts`. Kept local (instead of
 * augmenting i18next's `CustomTypeOptions`) so the server code in `src/`,
 * which shares the TypeScript program, is not typed against the UI's resources.
 */
export function useT(): UseT {
  const { t, i18n } = useTranslation();
  const plain = t as unknown as (key: string, options?: TOptions) => string;
  return {
    t: plain,
    tMaybe: (key, fallback) => (i18n.exists(key) ? plain(key) : fallback),
    language: currentLanguage(i18n),
    i18n,
  };
}
