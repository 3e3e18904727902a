import { Button, Stack, Text } from '@mantine/core';
import { useT } from '../i18n/useT.js';
import { useHandover, type TracingCase } from './tracingApi.js';

/**
 * The referring unit and who traces the case (smittspårning på vårdcentral). The coordinator hands a case from
 * a referral to that vårdcentral, and takes it back.
 */
export function CaseUnitCell({ tracingCase: c, coordinator, onDone }: { tracingCase: TracingCase; coordinator: boolean; onDone: (message: string) => void }) {
  const { t } = useT();
  const handover = useHandover();
  const back = c.handlingUnitId !== null;
  const unit = c.handlingUnitName ?? c.referringUnitName ?? '';
  return (
    <Stack gap={2}>
      {c.referringUnitName && <Text size="sm">{t('tracing.handover.referredBy', { unit: c.referringUnitName })}</Text>}
      {c.handlingUnitName && (
        <Text size="sm" fw={600}>
          {t('tracing.handover.handledBy', { unit: c.handlingUnitName })}
        </Text>
      )}
      {coordinator && (back || c.referringUnitName) && (
        <Button
          size="compact-xs"
          variant="light"
          w="fit-content"
          loading={handover.isPending}
          aria-label={t(back ? 'tracing.handover.takeBackLabel' : 'tracing.handover.handOverLabel', { name: c.name, unit })}
          onClick={() => handover.mutate({ caseId: c.id, back }, { onSuccess: () => onDone(t(back ? 'tracing.handover.takenBack' : 'tracing.handover.handed', { name: c.name, unit })) })}
        >
          {t(back ? 'tracing.handover.takeBack' : 'tracing.handover.handOver')}
        </Button>
      )}
      {handover.isError && (
        <Text size="xs" c="red" role="alert">
          {handover.error.message}
        </Text>
      )}
    </Stack>
  );
}
