import { Table, Text } from '@mantine/core';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { useAdverseEventStatistics } from './api.js';
import { DataTable } from '../../components/DataTable.js';

/** `/vaccination/adverse-events` (vaccine coordinator, analyst): reports per product and batch, counts only. */
export function AdverseEventStatisticsPage() {
  const { t } = useT();
  const stats = useAdverseEventStatistics();
  return (
    <>
      <PageHeading title={t('vaccination.adverse.statistics.title')} />
      <Text size="sm" mb="md">
        {t('vaccination.adverse.statistics.intro')}
      </Text>
      {stats.isPending && <PageLoader />}
      {stats.isError && <ProblemAlert error={stats.error} onRetry={() => void stats.refetch()} />}
      {stats.data &&
        (stats.data.batches.length === 0 ? (
          <Text>{t('vaccination.adverse.statistics.none')}</Text>
        ) : (
          <DataTable minWidth={640} frameMaw={960} aria-label={t('vaccination.adverse.statistics.title')}>
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('vaccination.adverse.statistics.product')}</Table.Th>
                  <Table.Th>{t('vaccination.adverse.statistics.batch')}</Table.Th>
                  <Table.Th ta="right">{t('vaccination.adverse.statistics.reports')}</Table.Th>
                  <Table.Th ta="right">{t('vaccination.adverse.statistics.serious')}</Table.Th>
                  <Table.Th ta="right">{t('vaccination.adverse.statistics.received')}</Table.Th>
                  <Table.Th ta="right">{t('vaccination.adverse.statistics.doses')}</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {stats.data.batches.map((b) => (
                  <Table.Tr key={`${b.productCode}-${b.batchNumber}`}>
                    <Table.Td>{b.productName}</Table.Td>
                    <Table.Td>{b.batchNumber}</Table.Td>
                    <Table.Td ta="right">{b.reports}</Table.Td>
                    <Table.Td ta="right">{b.serious}</Table.Td>
                    <Table.Td ta="right">{b.received}</Table.Td>
                    <Table.Td ta="right">{b.doses}</Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </DataTable>
        ))}
    </>
  );
}
