import { Textarea } from '@mantine/core';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { useCertificate } from './api.js';

/** The certificate's HC1 text, to copy into a verifier (the read is audited by the server). */
export function CertificateText({ id }: { id: string }) {
  const { t } = useT();
  const certificate = useCertificate(id);
  if (certificate.isError) return <ProblemAlert error={certificate.error} />;
  if (!certificate.data) return null;
  return (
    <Textarea
      label={t('certificates.certificate.hc1')}
      value={certificate.data.hc1}
      readOnly
      autosize
      minRows={2}
      maxRows={6}
      maw={640}
      onFocus={(e) => e.currentTarget.select()}
      styles={{ input: { fontFamily: 'var(--mantine-font-family-monospace)', fontSize: 'var(--mantine-font-size-xs)' } }}
    />
  );
}
