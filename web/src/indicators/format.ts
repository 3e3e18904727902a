import type { Language } from '../i18n/index.js';
import type { TypedT } from '../i18n/useT.js';
import type { Definition, Unit } from './api.js';

const locale = (language: Language) => (language === 'sv' ? 'sv-SE' : 'en-GB');

/** A value in its unit: percent with one decimal and a %, an index with three decimals, others with one. */
export function formatValue(value: number | null, unit: Unit, language: Language): string {
  if (value === null) return '–';
  const digits = unit === 'index' ? 3 : 1;
  const n = new Intl.NumberFormat(locale(language), { maximumFractionDigits: digits, minimumFractionDigits: unit === 'index' ? 2 : 0 }).format(value);
  return unit === 'percent' ? `${n} %` : n;
}

export const formatNumber = (n: number, language: Language) => new Intl.NumberFormat(locale(language), { maximumFractionDigits: 2 }).format(n);

export function targetText(d: Pick<Definition, 'target' | 'unit'>, t: TypedT, language: Language): string {
  if (!d.target) return '–';
  const target = t(`indicators.targetText.${d.target.direction}`, { value: formatValue(d.target.value, d.unit, language) });
  return d.target.date ? t('indicators.targetText.by', { target, date: d.target.date }) : target;
}

export const definitionName = (d: Pick<Definition, 'nameSv' | 'nameEn'>, language: Language) => (language === 'sv' ? d.nameSv : d.nameEn);
