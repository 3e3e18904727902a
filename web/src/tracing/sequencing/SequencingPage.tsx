import '@mantine/charts/styles.css';
import { BarChart } from '@mantine/charts';
import { useState, type FormEvent } from 'react';
import { Badge, Button, Group, Stack, Table, Text, TextInput } from '@mantine/core';
import { DateTime } from '../../components/DateTime.js';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { isoWeekOfDate, swedishDate } from '../../testing/statistics/api.js';
import { CaptionedTable } from '../../components/CaptionedTable.js';
import { CasePanel } from '../CasePanel.js';
import { QueryStatus } from '../QueryStatus.js';
import { DownloadMenu } from '../../components/DownloadMenu.js';
import { RangeInputs, type Range } from '../RangeInputs.js';
import { useFlaggedCases, useRecordVariant, useVariantWeeks, type FlaggedCase, type VariantWeek } from './sequencingApi.js';
import { DataTable } from '../../components/DataTable.js';
import { formatNumber } from '../../format.js';

const CHART_COLOURS = ['blue.6', 'teal.6', 'grape.6', 'orange.6', 'red.6', 'cyan.6', 'lime.7', 'pink.6'];

/** `/tracing/sequencing`: positives chosen for sequencing and their variants, and the variants week by week. */
export function SequencingPage() {
  const { t } = useT();
  return (
    <>
      <PageHeading title={t('tracing.sequencing.title')} />
      <Text mb="lg" maw={720}>
        {t('tracing.sequencing.intro')}
      </Text>
      <Stack gap="lg">
        <FlaggedCases />
        <VariantsByWeek />
      </Stack>
    </>
  );
}

function FlaggedCases() {
  const { t } = useT();
  const flagged = useFlaggedCases();
  const cases = flagged.data?.cases ?? [];
  return (
    <CasePanel id="sequencing-flagged" title={t('tracing.sequencing.flagged')}>
      <QueryStatus query={flagged} />
      {flagged.data && cases.length === 0 && <Text>{t('tracing.sequencing.none')}</Text>}
      {cases.length > 0 && (
        <CaptionedTable
          striped
          caption={t('tracing.sequencing.flaggedCaption')}
          columns={[t('tracing.sequencing.columns.name'), t('tracing.sequencing.columns.takenAt'), t('tracing.sequencing.columns.reasons'), t('tracing.sequencing.columns.variant')]}
          minWidth={720}
        >
          {cases.map((c) => (
            <FlaggedCaseRow key={c.caseId} flagged={c} />
          ))}
        </CaptionedTable>
      )}
    </CasePanel>
  );
}

function FlaggedCaseRow({ flagged: c }: { flagged: FlaggedCase }) {
  const { tMaybe } = useT();
  return (
    <Table.Tr>
      <Table.Th scope="row" fw={500}>
        {c.name}
      </Table.Th>
      <Table.Td>
        <DateTime iso={c.positiveTakenAt} />
      </Table.Td>
      <Table.Td>
        <Group gap={4}>
          {c.reasons.map((r) => (
            <Badge key={r} variant="light" tt="none">
              {tMaybe(`tracing.sequencing.reasons.${r}`, r)}
            </Badge>
          ))}
        </Group>
      </Table.Td>
      <Table.Td>{c.variant ?? <VariantForm caseId={c.caseId} name={c.name} />}</Table.Td>
    </Table.Tr>
  );
}

function VariantForm({ caseId, name }: { caseId: string; name: string }) {
  const { t } = useT();
  const [variant, setVariant] = useState('');
  const record = useRecordVariant();
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (variant.trim() !== '') record.mutate({ caseId, variant: variant.trim() });
  };
  return (
    <form onSubmit={submit} noValidate>
      <Group gap="xs" wrap="nowrap" align="flex-end">
        <TextInput size="xs" label={t('tracing.sequencing.variantLabel', { name })} placeholder="BA.2.86" value={variant} onChange={(e) => setVariant(e.currentTarget.value)} />
        <Button type="submit" size="xs" variant="light" loading={record.isPending} disabled={variant.trim() === ''}>
          {t('tracing.sequencing.record')}
        </Button>
      </Group>
      {record.isError && <ProblemAlert error={record.error} />}
    </form>
  );
}

function VariantsByWeek() {
  const { t, language } = useT();
  const [range, setRange] = useState<Range>(() => ({ from: isoWeekOfDate(swedishDate(11 * 7)), to: isoWeekOfDate(swedishDate()) }));
  const counts = useVariantWeeks(range.from, range.to);
  const rows = counts.data?.weeks ?? [];
  const { chart, variants } = byWeek(rows);
  return (
    <CasePanel id="sequencing-weeks" title={t('tracing.sequencing.weekly')}>
      <Group align="flex-end">
        <RangeInputs type="week" value={range} onChange={setRange} />
        <DownloadMenu path="/api/tracing/sequencing/variants" query={{ from: range.from, to: range.to }} formats={['csv', 'xlsx']} disabled={!counts.data} />
      </Group>
      {counts.isLoading && <PageLoader />}
      {counts.isError && <ProblemAlert error={counts.error} />}
      {counts.data && rows.length === 0 && <Text>{t('tracing.sequencing.noWeeks')}</Text>}
      {rows.length > 0 && (
        <>
          <BarChart valueFormatter={(value: number) => formatNumber(value, language)}
            h={260}
            data={chart}
            dataKey="week"
            type="stacked"
            withLegend
            series={variants.map((name, i) => ({ name, color: CHART_COLOURS[i % CHART_COLOURS.length]! }))}
          />
          <DataTable minWidth={400} mt="md" striped captionSide="top">
              <Table.Caption>{t('tracing.sequencing.weeklyCaption')}</Table.Caption>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th scope="col">{t('tracing.sequencing.columns.week')}</Table.Th>
                  <Table.Th scope="col">{t('tracing.sequencing.columns.variant')}</Table.Th>
                  <Table.Th scope="col" ta="right">
                    {t('tracing.sequencing.columns.count')}
                  </Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {rows.map((r) => (
                  <Table.Tr key={`${r.week}-${r.variant}`}>
                    <Table.Td>{r.week}</Table.Td>
                    <Table.Td>{r.variant}</Table.Td>
                    <Table.Td ta="right">{r.count}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
        </>
      )}
    </CasePanel>
  );
}

/** One chart row per week with a count per variant (0 where a variant was not seen that week). */
function byWeek(rows: readonly VariantWeek[]) {
  const variants = [...new Set(rows.map((r) => r.variant))].sort();
  const weeks = [...new Set(rows.map((r) => r.week))].sort();
  const chart = weeks.map((week) => ({
    week,
    ...Object.fromEntries(variants.map((v) => [v, rows.find((r) => r.week === week && r.variant === v)?.count ?? 0])),
  }));
  return { chart, variants };
}
