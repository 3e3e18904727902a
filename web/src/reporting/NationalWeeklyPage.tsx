import { Badge, Table, Text } from '@mantine/core';
import { useState } from 'react';
import { PageHeading } from '../components/PageHeading.js';
import { PageLoader } from '../components/PageLoader.js';
import { ProblemAlert } from '../components/ProblemAlert.js';
import { useT } from '../i18n/useT.js';
import { isoWeekOfDate, swedishDate } from '../testing/statistics/api.js';
import { RangeInputs, type Range } from '../tracing/RangeInputs.js';
import { useNationalWeekly } from './api.js';
import { DataTable } from '../components/DataTable.js';

/** `/reporting/weekly`: the regions' weekly figures as delivered to the nation; a week not delivered reads "saknas". */
export function NationalWeeklyPage() {
  const { t } = useT();
  const [range, setRange] = useState<Range>(() => ({ from: isoWeekOfDate(swedishDate(5 * 7)), to: isoWeekOfDate(swedishDate(7)) }));
  const weekly = useNationalWeekly(range.from, range.to);
  return (
    <>
      <PageHeading title={t('reporting.weekly.title')} />
      <Text mb="md" maw={720}>
        {t('reporting.weekly.intro')}
      </Text>
      <RangeInputs type="week" value={range} onChange={setRange} />
      {weekly.isLoading && <PageLoader />}
      {weekly.isError && <ProblemAlert error={weekly.error} onRetry={() => void weekly.refetch()} />}
      {weekly.data && (
        <DataTable minWidth={900} striped withTableBorder captionSide="top">
            <Table.Caption>{t('reporting.weekly.caption')}</Table.Caption>
            <Table.Thead>
              <Table.Tr>
                <Table.Th scope="col">{t('reporting.weekly.region')}</Table.Th>
                {weekly.data.weeks.map((w) => (
                  <Table.Th key={w} scope="col">
                    {w}
                  </Table.Th>
                ))}
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {weekly.data.regions.map((r) => (
                <Table.Tr key={r.regionId}>
                  <Table.Th scope="row">{r.name}</Table.Th>
                  {r.weeks.map((w) => (
                    <Table.Td key={w.week}>
                      {w.delivered ? (
                        t('reporting.weekly.cell', { tests: w.tests ?? '–', positive: w.positive ?? '–', cases: w.cases ?? '–', coverage: w.coverageDose1 ?? '–' })
                      ) : (
                        <Badge color="gray" variant="light">
                          {t('reporting.weekly.missing')}
                        </Badge>
                      )}
                    </Table.Td>
                  ))}
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
      )}
    </>
  );
}
