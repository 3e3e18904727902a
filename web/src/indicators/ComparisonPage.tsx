import '@mantine/charts/styles.css';
import { LineChart } from '@mantine/charts';
import { Badge, Checkbox, Group, Paper, Stack, Table, Text, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { CaptionedTable } from '../components/CaptionedTable.js';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { useComparison, type Comparison, type ComparisonSeries } from './api.js';
import { definitionName, formatValue, targetText } from './format.js';
import { IndicatorSelect } from './IndicatorSelect.js';
import { formatNumber } from '../format.js';

const COLORS = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6'];
const seriesKey = (s: ComparisonSeries) => `${s.regionName} (v${s.version})`;

/**
 * `/indicators/comparison`: one indicator across regions over time with the target line. A region's figures by
 * another definition version are their own (dashed) series and marked in the table, never joined to the current one.
 */
export function ComparisonPage() {
  const { t } = useT();
  const [code, setCode] = useState<string | null>(null);
  const [hidden, setHidden] = useState<string[]>([]);
  const comparison = useComparison(code, []);
  const data = comparison.data;
  const regions = useMemo(() => [...new Map((data?.series ?? []).map((s) => [s.regionId, s.regionName])).entries()], [data]);
  const shown = data ? { ...data, series: data.series.filter((s) => !hidden.includes(s.regionId)) } : null;
  return (
    <>
      <PageHeading title={t('indicators.comparison.title')} />
      <Stack gap="md">
        <IndicatorSelect value={code} onChange={setCode} />
        {regions.length > 0 ? (
          <Checkbox.Group label={t('indicators.comparison.regions')} value={regions.map(([id]) => id).filter((id) => !hidden.includes(id))} onChange={(v) => setHidden(regions.map(([id]) => id).filter((id) => !v.includes(id)))}>
            <Group mt="xs">
              {regions.map(([id, name]) => (
                <Checkbox key={id} value={id} label={name} />
              ))}
            </Group>
          </Checkbox.Group>
        ) : null}
      </Stack>
      {comparison.error ? <ProblemAlert error={comparison.error} /> : null}
      {comparison.isLoading ? <PageLoader /> : null}
      {shown ? shown.series.length === 0 ? <Text mt="md">{t('indicators.comparison.none')}</Text> : <ComparisonView data={shown} /> : null}
    </>
  );
}

function ComparisonView({ data }: { data: Comparison }) {
  const { t, language } = useT();
  const unit = data.current.unit;
  const scale = (v: number | null) => (v === null ? null : Math.round(v * 1000) / 1000);
  const rows = data.periods.map((period) => ({ period, ...Object.fromEntries(data.series.map((s) => [seriesKey(s), scale(s.points.find((p) => p.period === period)?.value ?? null)])) }));
  const target = data.target.value;
  return (
    <Stack gap="lg" mt="lg">
      <Paper withBorder p="md">
        <Title order={2} size="h4" mb="xs">
          {t('indicators.comparison.chart', { name: definitionName(data.current, language) })}
        </Title>
        <Text size="sm" mb="sm">
          {t('indicators.definitions.target')}: {targetText(data.current, t, language)}
        </Text>
        <LineChart valueFormatter={(value: number) => formatNumber(value, language)}
          h={300}
          data={rows}
          dataKey="period"
          connectNulls
          withLegend
          unit={unit === 'percent' ? ' %' : undefined}
          series={data.series.map((s, i) => ({ name: seriesKey(s), color: COLORS[i % COLORS.length]!, strokeDasharray: s.otherVersion ? '6 4' : undefined }))}
          referenceLines={target === null ? [] : [{ y: target, label: t('indicators.comparison.targetLine', { value: formatValue(target, unit, language) }), color: 'red.6', ifOverflow: 'extendDomain' }]}
        />
      </Paper>
      <CaptionedTable withTableBorder minWidth={700} caption={t('indicators.comparison.caption')} columns={[t('indicators.comparison.region'), t('indicators.comparison.version'), ...data.periods, '']}>
        {data.series.map((s) => (
          <Table.Tr key={seriesKey(s)} bg={s.otherVersion ? 'var(--mantine-color-gray-light)' : undefined}>
            <Table.Th scope="row">{s.regionName}</Table.Th>
            <Table.Td>{s.otherVersion ? <Badge color="orange">{t('indicators.comparison.otherVersion', { version: s.version })}</Badge> : t('indicators.comparison.currentVersion', { version: s.version })}</Table.Td>
            {data.periods.map((period) => {
              const p = s.points.find((x) => x.period === period);
              return (
                <Table.Td key={period} ta="right" c={p?.target === 'missed' && !s.otherVersion ? 'red.8' : undefined}>
                  {p ? formatValue(p.value, unit, language) : ''}
                </Table.Td>
              );
            })}
            <Table.Td>
              <Group gap={4}>
                {s.missedTarget ? <Badge color="red">{t('indicators.comparison.missed')}</Badge> : null}
                {s.trend ? <Badge color={s.trend === 'improving' ? 'green' : s.trend === 'worsening' ? 'red' : 'gray'}>{t(`indicators.comparison.trend.${s.trend}`)}</Badge> : null}
              </Group>
            </Table.Td>
          </Table.Tr>
        ))}
      </CaptionedTable>
    </Stack>
  );
}
