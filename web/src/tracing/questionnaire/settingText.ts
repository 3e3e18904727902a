import type { TypedT } from '../../i18n/useT.js';
import type { Setting } from './answers.js';

/** "Skolklass: Ekskolan, 3B, 2026-03-01": a setting the index was in, in one line. */
export function settingText(t: TypedT, setting: Setting): string {
  const details = [setting.name, setting.schoolClass, setting.date].filter(Boolean).join(', ');
  return `${t(`tracing.settingKinds.${setting.kind}`)}: ${details}`;
}
