import { formatDateTime } from '../format.js';
import { useT } from '../i18n/useT.js';

/** A timestamp from the server, shown in Swedish time in the UI language. */
export function DateTime({ iso }: { iso: string }) {
  const { language } = useT();
  return <time dateTime={iso}>{formatDateTime(iso, language)}</time>;
}
