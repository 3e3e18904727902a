import '@mantine/charts/styles.css';
import { useState } from 'react';
import { BarChart } from '@mantine/charts';
import { Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { swedishDate } from '../testing/statistics/api.js';
import { formatCount } from '../testing/statistics/format.js';
import { DownloadMenu } from '../components/DownloadMenu.js';
import { CERTIFICATE_KINDS, useCertificateStatistics, type MonthRow } from './api.js';
import { firstOfMonthBefore, issuedPerMonth, refusalsByRule } from './statistics.js';
import { useKindName } from './useKindName.js';
import { DataTable } from '../components/DataTable.js';
import { formatNumber } from '../format.js';

const COLORS = { vaccination: 'blue.6', test: 'teal.6', recovery: 'grape.6' } as const;

/** `/certificates/statistics`: requests, issued by kind, refusals by rule and paper certificates per region and month. */
export function StatisticsPage() {
  const { t, language } = useT();
  const kindName = useKindName();
  const [to, setTo] = useState(() => swedishDate());
  const [from, setFrom] = useState(() => firstOfMonthBefore(swedishDate(), 11));
  const stats = useCertificateStatistics(from, to);
  const rows = stats.data?.rows ?? [];
  const chart = issuedPerMonth(rows).map(({ month, ...issued }) => ({ month, ...Object.fromEntries(CERTIFICATE_KINDS.map((k) => [kindName.title(k), issued[k]])) }));
  const series = CERTIFICATE_KINDS.map((k) => ({ name: kindName.title(k), color: COLORS[k] }));
  const refusals = refusalsByRule(rows);
  const n = (x: number) => formatCount(x, language);
  return (
    <>
      <PageHeading title={t('certificates.statistics.title')} />
      <Text mb="md" maw={720}>
        {t('certificates.statistics.intro')}
      </Text>
      <Group align="flex-end" mb="md">
        <TextInput type="date" label={t('certificates.statistics.from')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="date" label={t('certificates.statistics.to')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <DownloadMenu path="/api/certificates/statistics" query={{ from, to }} formats={['csv', 'xlsx']} />
      </Group>
      {stats.isError && <ProblemAlert error={stats.error} />}
      {stats.isLoading && <PageLoader />}
      {stats.data && rows.length === 0 && <Text>{t('certificates.statistics.empty')}</Text>}
      {rows.length > 0 && (
        <Stack gap="xl">
          <Paper withBorder p="md" component="section" aria-labelledby="chart-heading">
            <Title order={2} size="h4" mb="sm" id="chart-heading">
              {t('certificates.statistics.chart')}
            </Title>
            <BarChart valueFormatter={(value: number) => formatNumber(value, language)} h={280} data={chart} dataKey="month" type="stacked" series={series} withLegend />
          </Paper>
          <MonthTable rows={rows} />
          {refusals.length > 0 && (
            <DataTable striped withTableBorder captionSide="top" frameMaw={640}>
              <Table.Caption>
                <Title order={2} size="h4" ta="left">
                  {t('certificates.statistics.rulesCaption')}
                </Title>
              </Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('certificates.statistics.rule')}</Table.Th>
                  <Table.Th ta="right">{t('certificates.statistics.count')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {refusals.map((r) => (
                  <RuleRow key={r.rule} rule={r.rule} count={n(r.count)} />
                ))}
              </Table.Tbody>
            </DataTable>
          )}
        </Stack>
      )}
    </>
  );
}

function RuleRow({ rule, count }: { rule: string; count: string }) {
  const { tMaybe } = useT();
  return (
    <Table.Tr>
      <Table.Td>{tMaybe(`certificates.rules.${rule}`, rule)}</Table.Td>
      <Table.Td ta="right">{count}</Table.Td>
    </Table.Tr>
  );
}

function MonthTable({ rows }: { rows: MonthRow[] }) {
  const { t, language } = useT();
  const kindName = useKindName();
  const n = (x: number) => formatCount(x, language);
  return (
    <DataTable minWidth={960} striped withTableBorder captionSide="top" aria-label={t('certificates.statistics.caption')}>
        <Table.Caption>
          <Title order={2} size="h4" ta="left">
            {t('certificates.statistics.caption')}
          </Title>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('certificates.statistics.region')}</Table.Th>
            <Table.Th>{t('certificates.statistics.month')}</Table.Th>
            <Table.Th ta="right">{t('certificates.statistics.requests')}</Table.Th>
            {CERTIFICATE_KINDS.map((k) => (
              <Table.Th key={k} ta="right">
                {kindName.title(k)}
              </Table.Th>
            ))}
            <Table.Th ta="right">{t('certificates.statistics.paper')}</Table.Th>
            <Table.Th ta="right">{t('certificates.statistics.refused')}</Table.Th>
            <Table.Th ta="right">{t('certificates.statistics.queued')}</Table.Th>
            <Table.Th ta="right">{t('certificates.statistics.rejected')}</Table.Th>
            <Table.Th ta="right">{t('certificates.statistics.recoveryShare')}</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.regionId}-${r.month}`}>
              <Table.Th scope="row" style={{ whiteSpace: 'nowrap' }}>
                {r.regionName}
              </Table.Th>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{r.month}</Table.Td>
              <Table.Td ta="right">{n(r.requests)}</Table.Td>
              {CERTIFICATE_KINDS.map((k) => (
                <Table.Td key={k} ta="right">
                  {n(r.issued[k])}
                </Table.Td>
              ))}
              <Table.Td ta="right">{n(r.paper)}</Table.Td>
              <Table.Td ta="right">{n(r.refused)}</Table.Td>
              <Table.Td ta="right">{n(r.queued)}</Table.Td>
              <Table.Td ta="right">{n(r.rejected)}</Table.Td>
              <Table.Td ta="right">
                {n(r.recovery.issued)} / {n(r.recovery.requests)}
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
  );
}
