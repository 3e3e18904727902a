import { Button, FileInput, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT, type TKey } from '../i18n/useT.js';
import { useImport } from './api.js';

/** `/indicators/import`: files of values and of primary-care contacts, with the rejected rows by row and column. */
export function ImportPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('indicators.import.title')} />
      <Stack gap="xl" maw={900}>
        <ImportForm kind="values" heading="indicators.import.valuesHeading" intro="indicators.import.valuesIntro" fileLabel="indicators.import.valuesFile" submit="indicators.import.submitValues" />
        <ImportForm kind="contacts" heading="indicators.import.contactsHeading" intro="indicators.import.contactsIntro" fileLabel="indicators.import.contactsFile" submit="indicators.import.submitContacts" />
      </Stack>
    </>
  );
}

function ImportForm(p: { kind: 'values' | 'contacts'; heading: TKey; intro: TKey; fileLabel: TKey; submit: TKey }) {
  const { t } = useT();
  const [file, setFile] = useState<File | null>(null);
  const run = useImport(p.kind);
  const id = `import-${p.kind}`;
  const submit = (e: FormEvent) => {
    e.preventDefault();
    if (file) run.mutate(file);
  };
  const s = run.data;
  return (
    <Paper withBorder p="md">
      <form onSubmit={submit} aria-labelledby={id} noValidate>
        <Title order={2} size="h3" id={id} mb="xs">
          {t(p.heading)}
        </Title>
        <Text size="sm" mb="sm">
          {t(p.intro)}
        </Text>
        <FileInput label={t(p.fileLabel)} description={t('indicators.import.fileHint')} value={file} onChange={setFile} accept=".csv,.txt,.xlsx,text/csv" clearable required maw={480} />
        <Button type="submit" mt="md" disabled={!file} loading={run.isPending}>
          {t(p.submit)}
        </Button>
      </form>
      {run.error ? <ProblemAlert error={run.error} /> : null}
      {s ? (
        <>
          <Text role="status" mt="md" fw={600}>
            {s.status === 'already-imported' ? t('indicators.import.already', { file: s.fileName }) : t('indicators.import.done', { file: s.fileName, accepted: s.accepted, unchanged: s.unchanged, rejected: s.rejected })}
          </Text>
          {s.rejections.length > 0 ? (
            <CaptionedTable mt="sm" withTableBorder striped caption={t('indicators.import.rejectionsCaption', { file: s.fileName })} columns={[t('indicators.import.row'), t('indicators.import.column'), t('indicators.import.reason')]}>
              {s.rejections.map((r) => (
                <Table.Tr key={`${r.row}-${r.column}`}>
                  <Table.Td>{r.row}</Table.Td>
                  <Table.Td>{r.column}</Table.Td>
                  <Table.Td>{r.reason}</Table.Td>
                </Table.Tr>
              ))}
            </CaptionedTable>
          ) : null}
        </>
      ) : null}
    </Paper>
  );
}
