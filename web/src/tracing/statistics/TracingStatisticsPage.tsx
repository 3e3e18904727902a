import '@mantine/charts/styles.css';
import { BarChart, LineChart } from '@mantine/charts';
import { useState } from 'react';
import { Group, SimpleGrid, Stack, Table, Text } from '@mantine/core';
import { DownloadMenu } from '../../components/DownloadMenu.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { swedishDate } from '../../testing/statistics/api.js';
import { formatCount, formatDecimal, formatShare } from '../../testing/statistics/format.js';
import { CasePanel } from '../CasePanel.js';
import { RangeInputs, type Range } from '../RangeInputs.js';
import { useTracingStatistics, type Share, type TracingStatistics } from './statisticsApi.js';
import { DataTable } from '../../components/DataTable.js';
import { formatNumber } from '../../format.js';

const percent = ({ share }: Share) => (share === null ? null : Math.round(share * 1000) / 10);

/** `/tracing/statistics`: cases, contacts and how fast tracing reached them, week by week. */
export function TracingStatisticsPage() {
  const { t } = useT();
  const [range, setRange] = useState<Range>(() => ({ from: swedishDate(8 * 7), to: swedishDate() }));
  const statistics = useTracingStatistics(range.from, range.to);
  return (
    <>
      <PageHeading title={t('tracing.statistics.title')} />
      <Text mb="md" maw={720}>
        {t('tracing.statistics.intro')}
      </Text>
      <Group align="flex-end" mb="md">
        <RangeInputs type="date" value={range} onChange={setRange} />
        <DownloadMenu path="/api/tracing/statistics" query={{ from: range.from, to: range.to }} disabled={!statistics.data} />
      </Group>
      {statistics.isLoading && <PageLoader />}
      {statistics.isError && <ProblemAlert error={statistics.error} onRetry={() => void statistics.refetch()} />}
      {statistics.data && <Statistics data={statistics.data} />}
    </>
  );
}

function Statistics({ data }: { data: TracingStatistics }) {
  const { t, language } = useT();
  if (data.weeks.length === 0) return <Text>{t('tracing.statistics.none')}</Text>;
  const cases = t('tracing.statistics.columns.cases');
  const contacts = t('tracing.statistics.columns.contacts');
  const reached = t('tracing.statistics.columns.reachedInTime');
  const questionnaire = t('tracing.statistics.columns.questionnaireInTime');
  const counts = data.weeks.map((w) => ({ week: w.week, [cases]: w.cases, [contacts]: w.contacts }));
  const shares = data.weeks.map((w) => ({ week: w.week, [reached]: percent(w.reachedInTime), [questionnaire]: percent(w.questionnaireInTime) }));
  return (
    <Stack gap="lg">
      <SimpleGrid cols={{ base: 1, lg: 2 }}>
        <CasePanel id="statistics-counts" title={t('tracing.statistics.chartCounts')}>
          <BarChart valueFormatter={(value: number) => formatNumber(value, language)} h={240} data={counts} dataKey="week" withLegend series={[{ name: cases, color: 'red.6' }, { name: contacts, color: 'blue.6' }]} />
        </CasePanel>
        <CasePanel id="statistics-shares" title={t('tracing.statistics.chartInTime')}>
          <LineChart valueFormatter={(value: number) => formatNumber(value, language)} h={240} data={shares} dataKey="week" unit=" %" yAxisProps={{ domain: [0, 100] }} withLegend connectNulls series={[{ name: reached, color: 'teal.6' }, { name: questionnaire, color: 'grape.6' }]} />
        </CasePanel>
      </SimpleGrid>
      <WeeksTable data={data} />
      <OutbreaksBySetting data={data} />
    </Stack>
  );
}

/** A share beside what it is counted from: "40,0 % (2 av 5)". */
function ShareCell({ value }: { value: Share }) {
  const { t, language } = useT();
  return (
    <Table.Td ta="right">
      {formatShare(value.share, language)}{' '}
      <Text span size="sm" c="dimmed">
        {t('tracing.statistics.ofDue', { numerator: formatCount(value.numerator, language), denominator: formatCount(value.denominator, language) })}
      </Text>
    </Table.Td>
  );
}

function WeeksTable({ data }: { data: TracingStatistics }) {
  const { t, language } = useT();
  const hours = (n: number | null, atLeast: boolean) =>
    n === null ? '–' : t(atLeast ? 'tracing.statistics.hoursAtLeast' : 'tracing.statistics.hours', { hours: formatDecimal(n, language) });
  return (
    <Stack gap="xs">
      <DataTable minWidth={1100} striped withTableBorder captionSide="top">
          <Table.Caption>{t('tracing.statistics.tableCaption')}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">{t('tracing.statistics.columns.week')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('tracing.statistics.columns.cases')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('tracing.statistics.columns.contacts')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('tracing.statistics.columns.contactsPerCase')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('tracing.statistics.columns.reachedInTime')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('tracing.statistics.columns.notReached')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('tracing.statistics.columns.pending')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('tracing.statistics.columns.questionnaireInTime')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('tracing.statistics.columns.median')}</Table.Th>
              <Table.Th scope="col" ta="right">{t('tracing.statistics.columns.p90')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {data.weeks.map((w) => (
              <Table.Tr key={w.week}>
                <Table.Th scope="row">{w.week}</Table.Th>
                <Table.Td ta="right">{formatCount(w.cases, language)}</Table.Td>
                <Table.Td ta="right">{formatCount(w.contacts, language)}</Table.Td>
                <Table.Td ta="right">{formatDecimal(w.contactsPerCase, language)}</Table.Td>
                <ShareCell value={w.reachedInTime} />
                <Table.Td ta="right">{formatCount(w.notReached, language)}</Table.Td>
                <Table.Td ta="right">{formatCount(w.pending, language)}</Table.Td>
                <ShareCell value={w.questionnaireInTime} />
                <Table.Td ta="right">{hours(w.medianHoursToFirstContact, w.hoursAtLeast)}</Table.Td>
                <Table.Td ta="right">{hours(w.p90HoursToFirstContact, w.hoursAtLeast)}</Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </DataTable>
      <Text size="sm" c="dimmed" maw={720}>
        {t('tracing.statistics.definitions')}
      </Text>
    </Stack>
  );
}

function OutbreaksBySetting({ data }: { data: TracingStatistics }) {
  const { t, tMaybe, language } = useT();
  return (
    <DataTable striped withTableBorder captionSide="top" frameMaw={480}>
      <Table.Caption>{t('tracing.statistics.outbreaksCaption')}</Table.Caption>
      <Table.Thead>
        <Table.Tr>
          <Table.Th scope="col">{t('tracing.statistics.columns.setting')}</Table.Th>
          <Table.Th scope="col" ta="right">{t('tracing.statistics.columns.outbreaks')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {data.outbreaksBySetting.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={2}>{t('tracing.statistics.noOutbreaks')}</Table.Td>
          </Table.Tr>
        )}
        {data.outbreaksBySetting.map((o) => (
          <Table.Tr key={o.kind}>
            <Table.Th scope="row">{tMaybe(`tracing.settingKinds.${o.kind}`, o.kind)}</Table.Th>
            <Table.Td ta="right">{formatCount(o.outbreaks, language)}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </DataTable>
  );
}
