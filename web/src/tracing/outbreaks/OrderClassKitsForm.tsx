import { useState, type FormEvent } from 'react';
import { Alert, Button, Group, NativeSelect, Text } from '@mantine/core';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { useDistributionPoints } from '../../testing/testingApi.js';
import { useOrderClassKits } from './outbreaksApi.js';

/** For a school-class outbreak: a self-sampling kit for every pupil of the class, to collect at one distribution point. */
export function OrderClassKitsForm({ outbreakId }: { outbreakId: string }) {
  const { t } = useT();
  const points = useDistributionPoints();
  const order = useOrderClassKits(outbreakId);
  const [pointId, setPointId] = useState('');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (pointId !== '') order.mutate(pointId);
  };
  const data = [
    { value: '', label: t('tracing.outbreak.kits.choosePoint'), disabled: true },
    ...(points.data?.points ?? []).map((p) => ({ value: p.id, label: p.name })),
  ];

  return (
    <form onSubmit={submit} noValidate>
      <Text size="sm" mb="sm">
        {t('tracing.outbreak.kits.intro')}
      </Text>
      {points.isError && <ProblemAlert error={points.error} onRetry={() => void points.refetch()} />}
      <Group align="flex-end">
        <NativeSelect
          label={t('tracing.outbreak.kits.point')}
          data={data}
          value={pointId}
          onChange={(e) => {
            setPointId(e.currentTarget.value);
            order.reset();
          }}
          disabled={!points.data}
        />
        <Button type="submit" loading={order.isPending} disabled={pointId === ''}>
          {t('tracing.outbreak.kits.submit')}
        </Button>
      </Group>
      {order.isError && <ProblemAlert error={order.error} />}
      {order.data && (
        <Alert color="green" variant="light" role="status" mt="sm">
          {t('tracing.outbreak.kits.ordered', { count: order.data.ordered })}
        </Alert>
      )}
    </form>
  );
}
