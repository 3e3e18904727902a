import type { Language } from '../../i18n/index.js';

const locale = (language: Language) => (language === 'sv' ? 'sv-SE' : 'en-GB');

export const formatCount = (n: number, language: Language) => new Intl.NumberFormat(locale(language)).format(n);
export const formatShare = (share: number | null, language: Language) =>
  share === null ? '–' : new Intl.NumberFormat(locale(language), { style: 'percent', minimumFractionDigits: 1, maximumFractionDigits: 1 }).format(share);
export const formatDecimal = (n: number | null, language: Language) => (n === null ? '–' : new Intl.NumberFormat(locale(language), { maximumFractionDigits: 1 }).format(n));
export const formatSek = (n: number, language: Language) => new Intl.NumberFormat(locale(language), { style: 'currency', currency: 'SEK', maximumFractionDigits: 2 }).format(n);
