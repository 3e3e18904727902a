import { Button, Stack, Switch, Text } from '@mantine/core';
import { DateTime } from '../../components/DateTime.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { CasePanel } from '../CasePanel.js';
import { useRecordFirstCall } from '../tracingApi.js';
import { useSetSevereIllness, type CaseDetail } from './caseApi.js';

/** The tracer's call with the index: when it happened, and whether the index is severely ill (a sequencing criterion). */
export function CallPanel({ tracingCase: c, editable }: { tracingCase: CaseDetail; editable: boolean }) {
  const { t } = useT();
  const record = useRecordFirstCall();
  const severity = useSetSevereIllness(c.id);
  return (
    <CasePanel id="case-call" title={t('tracing.case.call.title')}>
      <Stack gap="sm" align="flex-start">
        <Text>
          {c.firstCallAt ? (
            <>
              {t('tracing.case.call.firstCallAt')} <DateTime iso={c.firstCallAt} />
            </>
          ) : (
            t('tracing.case.call.noCall')
          )}
        </Text>
        {editable && (
          <Button onClick={() => record.mutate(c.id)} loading={record.isPending}>
            {t('tracing.call.record')}
          </Button>
        )}
        {record.isError && <ProblemAlert error={record.error} />}
        <Switch
          label={t('tracing.case.call.severeIllness')}
          description={t('tracing.case.call.severeIllnessHelp')}
          checked={c.severeIllness}
          disabled={!editable || severity.isPending}
          onChange={(e) => severity.mutate(e.currentTarget.checked)}
        />
        {severity.isError && <ProblemAlert error={severity.error} />}
      </Stack>
    </CasePanel>
  );
}
