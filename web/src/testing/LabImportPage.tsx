import { useState, type FormEvent } from 'react';
import { Button, FileInput, Paper, Table, Text, Title } from '@mantine/core';
import { PageHeading } from '../components/PageHeading.js';
import { formatDateTime } from '../format.js';
import { useT } from '../i18n/useT.js';
import { TestingProblem } from './TestingProblem.js';
import { useImportRejections, useImportResults } from './testingApi.js';

/** `/testing/import` (lab): upload a CSV or FHIR file of results and see the import's outcome. */
export function LabImportPage() {
  const { t, language } = useT();
  const [file, setFile] = useState<File | null>(null);
  const [reading, setReading] = useState(false);
  const importResults = useImportResults();
  const rejections = useImportRejections();

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!file) return;
    setReading(true);
    try {
      const content = await file.text();
      rejections.reset();
      importResults.mutate({ fileName: file.name, content });
    } finally {
      setReading(false);
    }
  };
  const summary = importResults.data;

  return (
    <>
      <PageHeading title={t('testing.lab.importTitle')} />
      <Text mb="lg" maw={720}>
        {t('testing.lab.importIntro')}
      </Text>
      <Paper withBorder p="md" maw={720}>
        <form onSubmit={(e) => void submit(e)} noValidate>
          <FileInput
            label={t('testing.lab.file')}
            description={t('testing.lab.fileHint')}
            value={file}
            onChange={setFile}
            accept=".csv,.txt,.json,text/csv,application/json,application/fhir+json"
            clearable
            required
            maw={480}
          />
          <Button type="submit" mt="md" disabled={!file} loading={reading || importResults.isPending}>
            {t('testing.lab.import')}
          </Button>
        </form>
      </Paper>
      {importResults.isError && <TestingProblem error={importResults.error} />}
      {summary && (
        <section aria-labelledby="import-heading" style={{ marginTop: 'var(--mantine-spacing-xl)', maxWidth: 720 }}>
          <Title order={2} size="h3" id="import-heading" mb="sm">
            {summary.status === 'already-imported'
              ? t('testing.lab.importAlready', { file: summary.fileName, date: formatDateTime(summary.finishedAt ?? summary.startedAt, language), id: summary.importId })
              : t('testing.lab.importDone', { file: summary.fileName })}
          </Title>
          <Table withTableBorder captionSide="top">
            <Table.Caption>{t('testing.lab.importCaption')}</Table.Caption>
            <Table.Tbody>
              {(
                [
                  ['testing.lab.importRows', summary.rowsDone],
                  ['testing.lab.outcomeTitle.accepted', summary.accepted],
                  ['testing.lab.outcomeTitle.unchanged', summary.unchanged],
                  ['testing.lab.outcomeTitle.held', summary.held],
                  ['testing.lab.outcomeTitle.rejected', summary.rejected],
                ] as const
              ).map(([key, value]) => (
                <Table.Tr key={key}>
                  <Table.Th scope="row">{t(key)}</Table.Th>
                  <Table.Td>{value}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
          {summary.rejected > 0 && !rejections.data && (
            <Button variant="light" mt="md" onClick={() => rejections.mutate(summary.importId)} loading={rejections.isPending}>
              {t('testing.lab.showRejections')}
            </Button>
          )}
          {rejections.isError && <TestingProblem error={rejections.error} />}
          {rejections.data && (
            <>
              <Title order={3} size="h4" mt="lg" mb="xs">
                {t('testing.lab.rejectionsHeading')}
              </Title>
              {rejections.data.rejections.length > 0 && (
                <Table striped captionSide="top">
                  <Table.Caption>{t('testing.lab.rejectionsCaption')}</Table.Caption>
                  <Table.Thead>
                    <Table.Tr>
                      <Table.Th scope="col">{t('testing.lab.rejectionColumns.line')}</Table.Th>
                      <Table.Th scope="col">{t('testing.lab.rejectionColumns.field')}</Table.Th>
                      <Table.Th scope="col">{t('testing.lab.rejectionColumns.reason')}</Table.Th>
                    </Table.Tr>
                  </Table.Thead>
                  <Table.Tbody>
                    {rejections.data.rejections.map((r, i) => (
                      <Table.Tr key={`${r.line}-${i}`}>
                        <Table.Td>{r.line}</Table.Td>
                        <Table.Td>{r.field ?? ''}</Table.Td>
                        <Table.Td>{r.reason}</Table.Td>
                      </Table.Tr>
                    ))}
                  </Table.Tbody>
                </Table>
              )}
            </>
          )}
        </section>
      )}
    </>
  );
}
