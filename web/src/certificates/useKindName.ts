import { useT } from '../i18n/useT.js';
import type { CertificateKind } from './api.js';

/** The names of a certificate kind: as a heading (`title`) and inside a sentence (`inText`). */
export function useKindName() {
  const { t } = useT();
  return {
    title: (kind: CertificateKind) => t(`certificates.kinds.${kind}`),
    inText: (kind: CertificateKind) => t(`certificates.kindsInText.${kind}`),
  };
}
