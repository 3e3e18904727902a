import { Anchor, Group, List, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { DownloadMenu } from '../../components/DownloadMenu.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { swedishDate, useReimbursement } from './api.js';
import { formatCount, formatSek } from './format.js';

/** Defaults to the previous calendar month, the usual claim period. */
function lastMonth(): { from: string; to: string } {
  const [y, m] = swedishDate().split('-').map(Number) as [number, number];
  const first = new Date(Date.UTC(y, m - 2, 1));
  const last = new Date(Date.UTC(y, m - 1, 0));
  return { from: first.toISOString().slice(0, 10), to: last.toISOString().slice(0, 10) };
}

export function ReimbursementPage() {
  const { t, language } = useT();
  const [range] = useState(lastMonth);
  const [from, setFrom] = useState(range.from);
  const [to, setTo] = useState(range.to);
  const claim = useReimbursement(from, to);
  const data = claim.data;
  return (
    <>
      <PageHeading title={t('testingStats.reimbursement.title')} />
      <Anchor component={Link} to=".." relative="path" mb="sm" display="inline-block">
        {t('testingStats.back')}
      </Anchor>
      <Text mb="md">{t('testingStats.reimbursement.intro')}</Text>
      <Group align="flex-end" mb="md">
        <TextInput type="date" label={t('testingStats.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('testingStats.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <DownloadMenu path="/api/testing/statistics/reimbursement" query={{ from, to }} disabled={!data} />
      </Group>
      {claim.error ? <ProblemAlert error={claim.error} /> : null}
      {claim.isLoading ? <PageLoader /> : null}
      {data ? (
        <Stack gap="xl">
          <Table striped withTableBorder captionSide="top">
            <Table.Caption>
              <Title order={2} size="h4" ta="left">
                {t('testingStats.reimbursement.linesCaption')}
              </Title>
            </Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('testingStats.reimbursement.testType')}</Table.Th>
                <Table.Th>{t('testingStats.reimbursement.period')}</Table.Th>
                <Table.Th ta="right">{t('testingStats.reimbursement.rate')}</Table.Th>
                <Table.Th ta="right">{t('testingStats.reimbursement.tests')}</Table.Th>
                <Table.Th ta="right">{t('testingStats.reimbursement.amount')}</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {data.lines.map((l) => (
                <Table.Tr key={`${l.testType}-${l.validFrom}`}>
                  <Table.Td>{t(`testingStats.testTypes.${l.testType}`)}</Table.Td>
                  <Table.Td>{`${l.validFrom} – ${l.validTo ?? ''}`}</Table.Td>
                  <Table.Td ta="right">{formatSek(l.sek, language)}</Table.Td>
                  <Table.Td ta="right">{formatCount(l.tests, language)}</Table.Td>
                  <Table.Td ta="right">{formatSek(l.amountSek, language)}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
            <Table.Tfoot>
              <Table.Tr fw={700}>
                <Table.Th colSpan={3}>{t('testingStats.reimbursement.total')}</Table.Th>
                <Table.Td ta="right">{formatCount(data.totalTests, language)}</Table.Td>
                <Table.Td ta="right">{formatSek(data.totalSek, language)}</Table.Td>
              </Table.Tr>
            </Table.Tfoot>
          </Table>

          {data.excluded.length === 0 ? (
            <Text>{t('testingStats.reimbursement.noExcluded')}</Text>
          ) : (
            <Table striped withTableBorder captionSide="top">
              <Table.Caption>
                <Title order={2} size="h4" ta="left">
                  {t('testingStats.reimbursement.excludedCaption')}
                </Title>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('testingStats.reimbursement.testType')}</Table.Th>
                  <Table.Th>{t('testingStats.reimbursement.reason')}</Table.Th>
                  <Table.Th ta="right">{t('testingStats.reimbursement.tests')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {data.excluded.map((e) => (
                  <Table.Tr key={`${e.testType}-${e.reason}`}>
                    <Table.Td>{t(`testingStats.testTypes.${e.testType}`)}</Table.Td>
                    <Table.Td>{t(`testingStats.reimbursement.reasons.${e.reason}`)}</Table.Td>
                    <Table.Td ta="right">{formatCount(e.tests, language)}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          )}
          <div>
            <Title order={2} size="h4" mb="xs">
              {t('testingStats.reimbursement.rules')}
            </Title>
            <List size="sm">
              {data.rules.map((rule) => (
                <List.Item key={rule}>{rule}</List.Item>
              ))}
            </List>
          </div>
        </Stack>
      ) : null}
    </>
  );
}
