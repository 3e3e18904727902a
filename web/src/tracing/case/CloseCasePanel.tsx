import { Button, Stack, Text } from '@mantine/core';
import { DateTime } from '../../components/DateTime.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { CasePanel } from '../CasePanel.js';
import { useCloseCase, type CaseDetail } from './caseApi.js';

/**
 * Closing the case. The server refuses while the SmiNet notification is missing; the button stays
 * available so the refusal, with the server's reason, is what the tracer sees.
 */
export function CloseCasePanel({ tracingCase: c, hasNotification }: { tracingCase: CaseDetail; hasNotification: boolean }) {
  const { t } = useT();
  const close = useCloseCase(c.id);
  return (
    <CasePanel id="case-close" title={t('tracing.case.close.title')}>
      {c.closedAt ? (
        <Text>
          {t('tracing.case.close.closedAt')} <DateTime iso={c.closedAt} />
        </Text>
      ) : (
        <Stack gap="xs" align="flex-start">
          {!hasNotification && <Text size="sm">{t('tracing.case.close.needsSmiNet')}</Text>}
          <Button color="red" variant="outline" onClick={() => close.mutate()} loading={close.isPending}>
            {t('tracing.case.close.submit')}
          </Button>
          {close.isError && <ProblemAlert error={close.error} />}
        </Stack>
      )}
    </CasePanel>
  );
}
