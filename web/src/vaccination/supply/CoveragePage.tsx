import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Badge, Group, Paper, Select, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { useState } from 'react';
import { DownloadMenu } from '../../components/DownloadMenu.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { isoWeekOfDate, swedishDate } from '../../testing/statistics/api.js';
import { formatCount, formatShare } from '../../testing/statistics/format.js';
import { CaptionedTable } from '../../components/CaptionedTable.js';
import { COVERAGE_DIMENSIONS, useCoverage, type CoverageDimension, type CoverageReport } from './api.js';
import { formatNumber } from '../../format.js';

const DOSES = [1, 2, 3, 4];
const COLORS = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6'];

/** `/vaccination/coverage`: coverage by age group, dose, municipality or postcode area, over time; low coverage marked. */
export function CoveragePage() {
  const { t, language } = useT();
  const [by, setBy] = useState<CoverageDimension>('ageGroup');
  const [dose, setDose] = useState(1);
  const [from, setFrom] = useState(() => isoWeekOfDate(swedishDate(26 * 7)));
  const [to, setTo] = useState(() => isoWeekOfDate(swedishDate()));
  const q = { by, dose, from, to };
  const report = useCoverage(q);
  const data = report.data;
  return (
    <>
      <PageHeading title={t('vaccinationSupply.coverage.title')} />
      <Group align="flex-end" mb="md">
        <Select label={t('vaccinationSupply.coverage.by')} data={COVERAGE_DIMENSIONS.map((d) => ({ value: d, label: t(`vaccinationSupply.coverage.dimensions.${d}`) }))} value={by} onChange={(v) => v && setBy(v as CoverageDimension)} allowDeselect={false} />
        <Select label={t('vaccinationSupply.coverage.dose')} data={DOSES.map((d) => String(d))} value={String(dose)} onChange={(v) => v && setDose(Number(v))} allowDeselect={false} w={90} />
        <TextInput type="week" label={t('vaccinationSupply.coverage.fromWeek')} value={from} onChange={(e) => setFrom(e.currentTarget.value)} />
        <TextInput type="week" label={t('vaccinationSupply.coverage.toWeek')} value={to} onChange={(e) => setTo(e.currentTarget.value)} />
        <DownloadMenu path="/api/vaccination/coverage" query={{ by, dose: String(dose), from, to }} disabled={!data} />
      </Group>
      {report.error ? <ProblemAlert error={report.error} /> : null}
      {report.isLoading ? <PageLoader /> : null}
      {data ? (
        <Stack gap="lg">
          <Text fw={600}>
            {t('vaccinationSupply.coverage.overall', { share: formatShare(data.overall.coverage, language), dose: data.dose, vaccinated: formatCount(data.overall.vaccinated, language), population: formatCount(data.overall.population, language) })}
          </Text>
          {data.lowThreshold !== null ? <Text size="sm">{t('vaccinationSupply.coverage.lowNote', { threshold: formatShare(data.lowThreshold, language), dose: data.dose })}</Text> : null}
          <CoverageTable report={data} />
          <CoverageChart report={data} />
        </Stack>
      ) : null}
    </>
  );
}

function CoverageTable({ report }: { report: CoverageReport }) {
  const { t, language } = useT();
  return (
    <CaptionedTable withTableBorder heading={t('vaccinationSupply.coverage.caption', { asOf: report.asOf })} minWidth={800}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('vaccinationSupply.coverage.group')}</Table.Th>
          <Table.Th ta="right">{t('vaccinationSupply.coverage.population')}</Table.Th>
          {DOSES.map((d) => (
            <Table.Th key={d} ta="right">
              {t('vaccinationSupply.coverage.atLeast', { dose: d })}
            </Table.Th>
          ))}
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {report.rows.map((r) => (
          <Table.Tr key={r.key} bg={r.low ? 'var(--mantine-color-orange-light)' : undefined}>
            <Table.Td>{r.label}</Table.Td>
            <Table.Td ta="right">{formatCount(r.population, language)}</Table.Td>
            {r.coverage.map((c, i) => (
              <Table.Td key={i} ta="right">
                {formatShare(c, language)}
              </Table.Td>
            ))}
            <Table.Td>
              {r.low ? <Badge color="orange">{t('vaccinationSupply.coverage.low')}</Badge> : null}
              {r.suppressed ? <Badge color="gray">{t('vaccinationSupply.coverage.suppressed')}</Badge> : null}
            </Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </CaptionedTable>
  );
}

function CoverageChart({ report }: { report: CoverageReport }) {
  const { t, language } = useT();
  const shown = report.series.slice(0, COLORS.length);
  const data = report.weeks.map((week) => ({
    week,
    ...Object.fromEntries(shown.map((s) => [s.label, Math.round((s.points.find((p) => p.week === week)?.coverage ?? 0) * 1000) / 10])),
  }));
  return (
    <Paper withBorder p="md">
      <Title order={2} size="h4" mb="sm">
        {t('vaccinationSupply.coverage.chart', { dose: report.dose })}
      </Title>
      <LineChart valueFormatter={(value: number) => formatNumber(value, language)} h={280} data={data} dataKey="week" series={shown.map((s, i) => ({ name: s.label, color: COLORS[i]! }))} unit=" %" withLegend />
    </Paper>
  );
}
