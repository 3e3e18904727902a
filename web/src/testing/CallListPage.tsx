import { useState } from 'react';
import { Alert, Button, Group, Table, Text } from '@mantine/core';
import { DateTime } from '../components/DateTime.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { TestingProblem } from './TestingProblem.js';
import { useCallList, useRecordCall } from './testingApi.js';
import { DataTable } from '../components/DataTable.js';

/** `/testing/calls` (sampler): negative answers from the assisted track to phone through. */
export function CallListPage() {
  const { t } = useT();
  const list = useCallList();
  const record = useRecordCall();
  const [recorded, setRecorded] = useState<string | null>(null);
  const calls = list.data?.calls ?? [];

  const call = (sampleId: string, name: string, outcome: 'reached' | 'no_answer') =>
    record.mutate({ sampleId, outcome }, { onSuccess: () => setRecorded(t('testing.sampler.callRecorded', { name })) });

  return (
    <>
      <PageHeading title={t('testing.sampler.callsTitle')} />
      <Text mb="lg" maw={720}>
        {t('testing.sampler.callsIntro')}
      </Text>
      {list.isPending && <PageLoader />}
      {list.isError && <ProblemAlert error={list.error} onRetry={() => void list.refetch()} />}
      {record.isError && <TestingProblem error={record.error} />}
      {recorded && !record.isError && (
        <Alert color="green" variant="light" role="status" mb="md" maw={720}>
          {recorded}
        </Alert>
      )}
      {list.data && calls.length === 0 && <Text>{t('testing.sampler.noCalls')}</Text>}
      {calls.length > 0 && (
        <DataTable minWidth={720} frameMaw={1000} striped captionSide="top">
            <Table.Caption>{t('testing.sampler.callsCaption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('testing.sampler.callColumns.name')}</Table.Th>
                <Table.Th scope="col">{t('testing.sampler.callColumns.phone')}</Table.Th>
                <Table.Th scope="col">{t('testing.sampler.callColumns.takenAt')}</Table.Th>
                <Table.Th scope="col">{t('testing.sampler.callColumns.resultAt')}</Table.Th>
                <Table.Th scope="col">{t('testing.sampler.callColumns.attempts')}</Table.Th>
                <Table.Th scope="col">{t('testing.sampler.callColumns.action')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {calls.map((c) => (
                <Table.Tr key={c.sampleId}>
                  <Table.Th scope="row" fw={500}>
                    {c.name}
                  </Table.Th>
                  <Table.Td>{c.phone ? <a href={`tel:${c.phone.replace(/\s/g, '')}`}>{c.phone}</a> : t('testing.sampler.noPhone')}</Table.Td>
                  <Table.Td>
                    <DateTime iso={c.takenAt} />
                  </Table.Td>
                  <Table.Td>{c.resultAt ? <DateTime iso={c.resultAt} /> : '–'}</Table.Td>
                  <Table.Td>{c.attempts}</Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" onClick={() => call(c.sampleId, c.name, 'reached')} aria-label={t('testing.sampler.reachedLabel', { name: c.name })} disabled={record.isPending}>
                        {t('testing.sampler.reached')}
                      </Button>
                      <Button size="xs" variant="light" onClick={() => call(c.sampleId, c.name, 'no_answer')} aria-label={t('testing.sampler.noAnswerLabel', { name: c.name })} disabled={record.isPending}>
                        {t('testing.sampler.noAnswer')}
                      </Button>
                    </Group>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
      )}
      {list.data && (
        <Button variant="subtle" mt="md" onClick={() => void list.refetch()} loading={list.isFetching}>
          {t('testing.sampler.refresh')}
        </Button>
      )}
    </>
  );
}
