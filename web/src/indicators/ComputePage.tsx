import { Button, Group, Paper, Table, Text, TextInput } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { formatDateTime } from '../format.js';
import { useT } from '../i18n/useT.js';
import { useCompute, useRuns } from './api.js';

/** A count a run's stored inputs name (older runs may lack it). */
const count = (v: unknown) => (typeof v === 'number' ? v : 0);

/** `/indicators/compute`: run the compute job for a year and see the runs with what they read. */
export function ComputePage() {
  const { t, language } = useT();
  const [period, setPeriod] = useState(String(new Date().getFullYear() - 1));
  const compute = useCompute();
  const runs = useRuns();
  const submit = (e: FormEvent) => {
    e.preventDefault();
    compute.mutate(period.trim());
  };
  const done = compute.data;
  return (
    <>
      <PageHeading title={t('indicators.compute.title')} />
      <Text mb="md" maw={820}>
        {t('indicators.compute.intro')}
      </Text>
      <Paper withBorder p="md" maw={820}>
        <form onSubmit={submit} aria-label={t('indicators.compute.title')} noValidate>
          <Group align="flex-end">
            <TextInput label={t('indicators.compute.period')} value={period} onChange={(e) => setPeriod(e.currentTarget.value)} required w={120} />
            <Button type="submit" loading={compute.isPending}>
              {t('indicators.compute.submit')}
            </Button>
          </Group>
        </form>
        {compute.error ? <ProblemAlert error={compute.error} /> : null}
        {done ? (
          <Text role="status" mt="sm">
            {t('indicators.compute.done', { period: done.period, values: done.valuesWritten, contacts: done.inputs.contacts ?? 0, persons: done.inputs.persons ?? 0 })}
          </Text>
        ) : null}
      </Paper>
      {runs.data && runs.data.length > 0 ? (
        <CaptionedTable mt="lg" withTableBorder caption={t('indicators.compute.caption')} columns={[t('indicators.compute.when'), t('indicators.compute.period'), t('indicators.compute.values'), t('indicators.compute.contacts'), t('indicators.compute.persons')]}>
          {runs.data.map((r) => (
            <Table.Tr key={r.id}>
              <Table.Td>{formatDateTime(r.startedAt, language)}</Table.Td>
              <Table.Td>{r.period}</Table.Td>
              <Table.Td>{r.valuesWritten}</Table.Td>
              <Table.Td>{count(r.inputs.contacts)}</Table.Td>
              <Table.Td>{count(r.inputs.persons)}</Table.Td>
            </Table.Tr>
          ))}
        </CaptionedTable>
      ) : null}
    </>
  );
}
