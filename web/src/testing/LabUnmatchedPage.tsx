import { useState } from 'react';
import { Alert, Table, Text } from '@mantine/core';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { useT } from '../i18n/useT.js';
import { TestingProblem } from './TestingProblem.js';
import { UnmatchedResultRow } from './UnmatchedResultRow.js';
import { useUnmatchedResults, type MatchOutcome } from './testingApi.js';
import { DataTable } from '../components/DataTable.js';

const outcomeColor = { accepted: 'green', unchanged: 'blue', held: 'yellow', rejected: 'red' } as const;

interface Matched {
  from: string;
  to: string;
  outcome: MatchOutcome['outcome'];
}

/** `/testing/unmatched` (lab): results held because their kit id matched no sample, matched by hand. */
export function LabUnmatchedPage() {
  const { t } = useT();
  const unmatched = useUnmatchedResults('held');
  const [matched, setMatched] = useState<Matched | null>(null);
  const results = unmatched.data?.results ?? [];

  return (
    <>
      <PageHeading title={t('testing.lab.unmatched.title')} />
      <Text mb="lg" maw={720}>
        {t('testing.lab.unmatched.intro')}
      </Text>
      {matched && (
        <Alert color={outcomeColor[matched.outcome]} variant="light" title={t(`testing.lab.outcomeTitle.${matched.outcome}`)} role="status" mb="md" maw={720}>
          <Text>{t('testing.lab.unmatched.matched', { from: matched.from, to: matched.to })}</Text>
          <Text mt="xs">{t(`testing.lab.outcome.${matched.outcome}`)}</Text>
        </Alert>
      )}
      {unmatched.isPending && <PageLoader />}
      {unmatched.isError && <TestingProblem error={unmatched.error} />}
      {unmatched.isSuccess && results.length === 0 && <Text>{t('testing.lab.unmatched.none')}</Text>}
      {results.length > 0 && (
        <DataTable minWidth={900} striped captionSide="top" verticalSpacing="sm">
            <Table.Caption>{t('testing.lab.unmatched.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('testing.lab.unmatched.columns.kitCode')}</Table.Th>
                <Table.Th scope="col">{t('testing.lab.unmatched.columns.testType')}</Table.Th>
                <Table.Th scope="col">{t('testing.lab.unmatched.columns.result')}</Table.Th>
                <Table.Th scope="col">{t('testing.lab.unmatched.columns.resultAt')}</Table.Th>
                <Table.Th scope="col">{t('testing.lab.unmatched.columns.line')}</Table.Th>
                <Table.Th scope="col">{t('testing.lab.unmatched.columns.match')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {results.map((held) => (
                <UnmatchedResultRow key={held.id} held={held} onMatched={(h, kitCode, outcome) => setMatched({ from: h.kitCode, to: kitCode, outcome: outcome.outcome })} />
              ))}
            </Table.Tbody>
          </DataTable>
      )}
    </>
  );
}
