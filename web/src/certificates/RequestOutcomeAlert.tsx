import { Alert, Text } from '@mantine/core';
import { useT } from '../i18n/useT.js';
import type { CertificateKind, RequestOutcome } from './api.js';
import { CertificateQr } from './CertificateQr.js';
import { useKindName } from './useKindName.js';

export interface RequestOutcomeAlertProps {
  kind: CertificateKind;
  outcome: RequestOutcome;
  /** The holder's name, for the QR code's alt text. */
  name?: string;
  /** An administrator's paper certificate rather than the citizen's own request. */
  paper?: boolean;
}

/** What a request led to, at once: the certificate (QR and PDF), the rule's reason for a refusal, or what the queue waits for. */
export function RequestOutcomeAlert({ kind, outcome, name, paper = false }: RequestOutcomeAlertProps) {
  const { t, language } = useT();
  const kindName = useKindName();
  switch (outcome.status) {
    case 'issued':
      return (
        <Alert color="green" variant="light" role="status" title={paper ? t('certificates.person.paperIssued') : t('certificates.mine.issued', { kind: kindName.inText(kind) })}>
          {!paper && (
            <Text size="sm" mb="sm">
              {t('certificates.mine.issuedText')}
            </Text>
          )}
          <CertificateQr id={outcome.certificateId} kind={kind} {...(name ? { name } : {})} />
        </Alert>
      );
    case 'refused':
      return (
        <Alert color="orange" variant="light" role="status" title={paper ? t('certificates.person.paperRefused') : t('certificates.mine.refused', { kind: kindName.inText(kind) })}>
          <Text size="sm">{outcome.reason[language]}</Text>
        </Alert>
      );
    case 'queued':
      return (
        <Alert color="blue" variant="light" role="status" title={paper ? t('certificates.person.paperQueued') : t('certificates.mine.queued')}>
          <Text size="sm">{paper ? outcome.missing : t('certificates.mine.queuedText', { missing: outcome.missing })}</Text>
        </Alert>
      );
  }
}
