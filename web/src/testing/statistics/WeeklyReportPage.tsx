import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { Anchor, Group, Paper, SimpleGrid, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { Link } from 'react-router';
import { DownloadMenu } from '../../components/DownloadMenu.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { isoWeekOfDate, swedishDate, TEST_TYPES, useWeeklyReport, type WeeklyRow } from './api.js';
import { formatCount, formatDecimal, formatShare } from './format.js';
import { DataTable } from '../../components/DataTable.js';

const COLORS = { pcr: 'blue.6', antigen: 'teal.6', serology: 'grape.6' } as const;

/** The weekly report to Folkhälsomyndigheten: charts, tables and downloads for a range of weeks. */
export function WeeklyReportPage() {
  const { t, language } = useT();
  const [from, setFrom] = useState(() => isoWeekOfDate(swedishDate(9 * 7)));
  const [to, setTo] = useState(() => isoWeekOfDate(swedishDate()));
  const report = useWeeklyReport(from, to);
  const data = report.data;
  const typeName = (type: string) => t(`testingStats.testTypes.${type as 'pcr'}`);

  // The region's own rows (one region for staff); for the national analyst, the national total.
  const chartRows = data ? (data.national ?? data.rows) : [];
  const byWeek = (value: (rows: WeeklyRow[]) => number | null) =>
    (data?.weeks ?? []).map((week) => ({
      week,
      ...Object.fromEntries(TEST_TYPES.map((type) => [typeName(type), value(chartRows.filter((r) => r.week === week && r.testType === type))])),
    }));
  const sum = (rows: WeeklyRow[], key: 'tests' | 'positive' | 'negative') => rows.reduce((s, r) => s + r[key], 0);
  const testsData = byWeek((rows) => sum(rows, 'tests'));
  const shareData = byWeek((rows) => {
    const assessed = sum(rows, 'positive') + sum(rows, 'negative');
    return assessed === 0 ? null : Math.round((sum(rows, 'positive') / assessed) * 1000) / 10;
  });
  const series = TEST_TYPES.map((type) => ({ name: typeName(type), color: COLORS[type] }));
  const regionRows = (data?.national ? data.national : (data?.rows ?? [])).filter((r) => r.provider === 'region');
  const otherRows = (data?.national ? data.national : (data?.rows ?? [])).filter((r) => r.provider === 'other');

  return (
    <>
      <PageHeading title={t('testingStats.weekly.title')} />
      <Anchor component={Link} to=".." relative="path" mb="sm" display="inline-block">
        {t('testingStats.back')}
      </Anchor>
      <Text mb="md">{t('testingStats.weekly.intro')}</Text>
      <Group align="flex-end" mb="md">
        <TextInput type="week" label={t('testingStats.fromWeek')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="week" label={t('testingStats.toWeek')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <DownloadMenu path="/api/testing/statistics/weekly" query={{ from, to }} disabled={!data} />
      </Group>
      {report.error ? <ProblemAlert error={report.error} /> : null}
      {report.isLoading ? <PageLoader /> : null}
      {data ? (
        <Stack gap="xl">
          {data.regions.length === 1 ? (
            <Text size="sm" c="dimmed">
              {t('testingStats.weekly.denominator', { population: formatCount(data.regions[0]!.population, language), region: data.regions[0]!.regionName })}
              {data.regions[0]!.note ? ` ${data.regions[0]!.note}` : ''}
            </Text>
          ) : null}
          <SimpleGrid cols={{ base: 1, lg: 2 }}>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('testingStats.weekly.chartTests')}
              </Title>
              <BarChart h={260} data={testsData} dataKey="week" type="stacked" series={series} withLegend />
            </Paper>
            <Paper withBorder p="md">
              <Title order={2} size="h4" mb="sm">
                {t('testingStats.weekly.chartShare')}
              </Title>
              <LineChart h={260} data={shareData} dataKey="week" series={series} unit=" %" withLegend connectNulls />
            </Paper>
          </SimpleGrid>

          {data.national ? <RegionsTable rows={data.rows} national={data.national} /> : null}

          <WeeklyTable caption={t('testingStats.weekly.tableCaption')} rows={regionRows} withCapacity />
          {otherRows.length > 0 ? (
            <WeeklyTable caption={t('testingStats.weekly.otherCaption')} rows={otherRows} />
          ) : (
            <Text>{t('testingStats.weekly.noOther')}</Text>
          )}
        </Stack>
      ) : null}
    </>
  );
}

function WeeklyTable({ caption, rows, withCapacity = false }: { caption: string; rows: WeeklyRow[]; withCapacity?: boolean }) {
  const { t, language } = useT();
  const n = (x: number) => formatCount(x, language);
  return (
    <DataTable minWidth={900} striped withTableBorder captionSide="top">
        <Table.Caption>
          <Title order={2} size="h4" ta="left">
            {caption}
          </Title>
        </Table.Caption>
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('testingStats.weekly.week')}</Table.Th>
            <Table.Th>{t('testingStats.weekly.testType')}</Table.Th>
            <Table.Th ta="right">{t('testingStats.weekly.tests')}</Table.Th>
            <Table.Th ta="right">{t('testingStats.weekly.individuals')}</Table.Th>
            <Table.Th ta="right">{t('testingStats.weekly.positive')}</Table.Th>
            <Table.Th ta="right">{t('testingStats.weekly.negative')}</Table.Th>
            <Table.Th ta="right">{t('testingStats.weekly.notAssessable')}</Table.Th>
            <Table.Th ta="right">{t('testingStats.weekly.pending')}</Table.Th>
            <Table.Th ta="right">{t('testingStats.weekly.sharePositive')}</Table.Th>
            <Table.Th ta="right">{t('testingStats.weekly.per100k')}</Table.Th>
            {withCapacity ? <Table.Th ta="right">{t('testingStats.weekly.capacity')}</Table.Th> : null}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((r) => (
            <Table.Tr key={`${r.regionId}-${r.week}-${r.testType}-${r.provider}`}>
              <Table.Td>{r.week}</Table.Td>
              <Table.Td>{t(`testingStats.testTypes.${r.testType}`)}</Table.Td>
              <Table.Td ta="right">{n(r.tests)}</Table.Td>
              <Table.Td ta="right">{n(r.individuals)}</Table.Td>
              <Table.Td ta="right">{n(r.positive)}</Table.Td>
              <Table.Td ta="right">{n(r.negative)}</Table.Td>
              <Table.Td ta="right">{n(r.notAssessable)}</Table.Td>
              <Table.Td ta="right">{n(r.pending)}</Table.Td>
              <Table.Td ta="right">{formatShare(r.sharePositive, language)}</Table.Td>
              <Table.Td ta="right">{formatDecimal(r.individualsPer100k, language)}</Table.Td>
              {withCapacity ? <Table.Td ta="right">{r.capacity === null ? '–' : n(r.capacity)}</Table.Td> : null}
            </Table.Tr>
          ))}
        </Table.Tbody>
      </DataTable>
  );
}

/** The national analyst's view: every region side by side, summed over the period, and the country. */
function RegionsTable({ rows, national }: { rows: WeeklyRow[]; national: WeeklyRow[] }) {
  const { t, language } = useT();
  const total = (rs: WeeklyRow[]) => {
    const positive = rs.reduce((s, r) => s + r.positive, 0);
    const negative = rs.reduce((s, r) => s + r.negative, 0);
    return { tests: rs.reduce((s, r) => s + r.tests, 0), positive, negative, share: positive + negative === 0 ? null : positive / (positive + negative) };
  };
  const regions = [...new Map(rows.map((r) => [r.regionId, r.regionName])).entries()];
  const line = (key: string, name: string, rs: WeeklyRow[], bold = false) => {
    const s = total(rs);
    return (
      <Table.Tr key={key} fw={bold ? 700 : undefined}>
        <Table.Td>{name}</Table.Td>
        <Table.Td ta="right">{formatCount(s.tests, language)}</Table.Td>
        <Table.Td ta="right">{formatCount(s.positive, language)}</Table.Td>
        <Table.Td ta="right">{formatCount(s.negative, language)}</Table.Td>
        <Table.Td ta="right">{formatShare(s.share, language)}</Table.Td>
      </Table.Tr>
    );
  };
  return (
    <Table striped withTableBorder captionSide="top">
      <Table.Caption>
        <Title order={2} size="h4" ta="left">
          {t('testingStats.weekly.regionsCaption')}
        </Title>
      </Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('testingStats.weekly.region')}</Table.Th>
          <Table.Th ta="right">{t('testingStats.weekly.tests')}</Table.Th>
          <Table.Th ta="right">{t('testingStats.weekly.positive')}</Table.Th>
          <Table.Th ta="right">{t('testingStats.weekly.negative')}</Table.Th>
          <Table.Th ta="right">{t('testingStats.weekly.sharePositive')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {regions.map(([id, name]) => line(id, name, rows.filter((r) => r.regionId === id)))}
        {line('SE', t('testingStats.weekly.nationalTotal'), national, true)}
      </Table.Tbody>
    </Table>
  );
}
