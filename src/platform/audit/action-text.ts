import { catalogues, type Language, type TextKey } from '../text/index.js';

/** What an audit action (`tracing.case.listed`) means, for a person; the code itself when the catalogue has no text. */
export function actionText(lang: Language, action: string): string {
  const key = `audit.${action}`;
  return key in catalogues.sv ? catalogues[lang][key as TextKey] : action;
}
