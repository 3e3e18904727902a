import { useState } from 'react';
import { Alert, Button, Group, Radio, Table, Text } from '@mantine/core';
import { useActor } from '../ActorContext.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { ShowMoreButton } from '../components/ShowMoreButton.js';
import { useT } from '../i18n/useT.js';
import { BalanceAssignment } from './BalanceAssignment.js';
import { TracingCaseRow } from './TracingCaseRow.js';
import { useTakeCase, useTracers, useTracingQueue, type TracingCase, type Tracer } from './tracingApi.js';
import { DataTable } from '../components/DataTable.js';

/** `/tracing`: the case queue. Tracers start with their own cases, coordinators and smittskydd with all. */
export function TracingQueuePage() {
  const { t } = useT();
  const { role } = useActor();
  const coordinator = role === 'tracing_coordinator';
  const [mine, setMine] = useState(role === 'tracer');
  const [handledBy, setHandledBy] = useState<'any' | 'central' | 'unit'>('any');
  const queue = useTracingQueue(mine, handledBy === 'any' ? undefined : handledBy);
  const tracers = useTracers(coordinator);
  const take = useTakeCase();
  const works = role === 'tracer' || coordinator;
  const [notice, setNotice] = useState<string | null>(null);
  const cases = queue.data?.pages.flatMap((p) => p.cases) ?? [];

  const takeCase = (c: TracingCase) => {
    setNotice(null);
    take.mutate(c.id, { onSuccess: () => setNotice(t('tracing.take.taken', { name: c.name })) });
  };
  const assigned = (c: TracingCase, tracer: Tracer) => setNotice(t('tracing.assign.assigned', { name: c.name, tracer: tracer.name }));

  return (
    <>
      <PageHeading title={t('tracing.queue.title')} />
      <Text mb="lg" maw={720}>
        {t('tracing.queue.intro')}
      </Text>
      {coordinator && <BalanceAssignment />}
      <Radio.Group label={t('tracing.queue.show')} value={mine ? 'mine' : 'all'} onChange={(v) => setMine(v === 'mine')} mb="md">
        <Group mt="xs">
          <Radio value="mine" label={t('tracing.queue.mine')} />
          <Radio value="all" label={t('tracing.queue.all')} />
        </Group>
      </Radio.Group>
      <Radio.Group label={t('tracing.handover.show')} value={handledBy} onChange={(v) => setHandledBy(v as 'any' | 'central' | 'unit')} mb="md">
        <Group mt="xs">
          <Radio value="any" label={t('tracing.handover.any')} />
          <Radio value="central" label={t('tracing.handover.central')} />
          <Radio value="unit" label={t('tracing.handover.unit')} />
        </Group>
      </Radio.Group>
      {take.isError && <ProblemAlert error={take.error} />}
      {tracers.isError && <ProblemAlert error={tracers.error} onRetry={() => void tracers.refetch()} />}
      {notice && !take.isError && (
        <Alert color="green" variant="light" role="status" mb="md" maw={720}>
          {notice}
        </Alert>
      )}
      {queue.isPending && <PageLoader />}
      {queue.isError && <ProblemAlert error={queue.error} onRetry={() => void queue.refetch()} />}
      {queue.data && cases.length === 0 && <Text>{t('tracing.queue.empty')}</Text>}
      {cases.length > 0 && (
        <DataTable minWidth={coordinator ? 1350 : 1150} striped captionSide="top">
            <Table.Caption>{t('tracing.queue.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('tracing.queue.columns.priority')}</Table.Th>
                <Table.Th scope="col">{t('tracing.queue.columns.name')}</Table.Th>
                <Table.Th scope="col">{t('tracing.queue.columns.phone')}</Table.Th>
                <Table.Th scope="col">{t('tracing.queue.columns.reason')}</Table.Th>
                <Table.Th scope="col">{t('tracing.handover.column')}</Table.Th>
                <Table.Th scope="col">{t('tracing.queue.columns.firstCallDue')}</Table.Th>
                <Table.Th scope="col">{t('tracing.queue.columns.status')}</Table.Th>
                <Table.Th scope="col">{t('tracing.queue.columns.assignee')}</Table.Th>
                <Table.Th scope="col">{t('tracing.queue.columns.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {cases.map((c) => (
                <TracingCaseRow
                  key={c.id}
                  tracingCase={c}
                  tracers={coordinator ? (tracers.data?.tracers ?? []) : null}
                  onTake={works ? takeCase : null}
                  taking={take.isPending}
                  onAssigned={assigned}
                  onHandedOver={setNotice}
                />
              ))}
            </Table.Tbody>
          </DataTable>
      )}
      {queue.hasNextPage && <ShowMoreButton onClick={() => void queue.fetchNextPage()} loading={queue.isFetchingNextPage} />}
      {queue.data && (
        <Button variant="subtle" mt="md" onClick={() => void queue.refetch()} loading={queue.isFetching && !queue.isFetchingNextPage}>
          {t('tracing.queue.refresh')}
        </Button>
      )}
    </>
  );
}
