import { Alert, Button, Text, Title } from '@mantine/core';
import { useVerifyAuditChain } from '../api.js';
import { formatDateTime } from '../format.js';
import { useT } from '../i18n/useT.js';
import { ProblemAlert } from './ProblemAlert.js';

/** "Verifiera kedjan": asks the server to check the audit log's hash chain. */
export function AuditChainCheck() {
  const { t, language } = useT();
  const verify = useVerifyAuditChain();
  const result = verify.data;
  return (
    <section aria-labelledby="audit-chain-heading">
      <Title order={2} size="h3" id="audit-chain-heading" mt="xl" mb="xs">
        {t('audit.verifyHeading')}
      </Title>
      <Text mb="sm">{t('audit.verifyText')}</Text>
      <Button variant="outline" onClick={() => verify.mutate()} loading={verify.isPending}>
        {t('audit.verify')}
      </Button>
      <div aria-live="polite">
        {verify.isError && <ProblemAlert error={verify.error} />}
        {result?.ok === true && (
          <Alert color="green" title={t('audit.verifyOkTitle')} mt="md">
            {t('audit.verifyOk', { count: result.checked })}
            {result.unsealed ? ` ${t('audit.verifyUnsealed', { count: result.unsealed })}` : ''}
          </Alert>
        )}
        {result?.ok === false && (
          <Alert color="red" title={t('audit.verifyBrokenTitle')} mt="md">
            {result.firstBrokenAt
              ? t('audit.verifyBroken', { at: formatDateTime(result.firstBrokenAt, language), count: result.checked })
              : t('audit.verifyBrokenUnknown', { count: result.checked })}
          </Alert>
        )}
      </div>
    </section>
  );
}
