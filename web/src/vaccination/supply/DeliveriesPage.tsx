import { Stack, Table, Text } from '@mantine/core';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { swedishDay } from '../core/format.js';
import { useSites } from '../core/vaccinationApi.js';
import { CaptionedTable } from '../../components/CaptionedTable.js';
import { AllocationForm } from './AllocationForm.js';
import { useDeliveries, useProductName, useProducts, type Delivery } from './api.js';
import { DeliveryForm } from './DeliveryForm.js';

/** `/vaccination/deliveries` (vaccine coordinator): record received batches and allocate their vials to sites. */
export function DeliveriesPage() {
  const { t } = useT();
  const deliveries = useDeliveries();
  const products = useProducts();
  const sites = useSites();
  const productList = products.data?.products ?? [];
  return (
    <>
      <PageHeading title={t('vaccinationSupply.nav.deliveries')} />
      <Stack gap="xl">
        <DeliveryForm products={productList} />
        <AllocationForm deliveries={deliveries.data?.deliveries ?? []} sites={(sites.data?.sites ?? []).filter((s) => s.active)} />
        {products.isError ? <ProblemAlert error={products.error} /> : null}
        {sites.isError ? <ProblemAlert error={sites.error} /> : null}
        {deliveries.isError ? <ProblemAlert error={deliveries.error} /> : null}
        {deliveries.isPending ? <PageLoader /> : null}
        {deliveries.data && deliveries.data.deliveries.length === 0 ? <Text>{t('vaccinationSupply.deliveries.none')}</Text> : null}
        {deliveries.data && deliveries.data.deliveries.length > 0 ? <DeliveriesTable deliveries={deliveries.data.deliveries} /> : null}
      </Stack>
    </>
  );
}

function DeliveriesTable({ deliveries }: { deliveries: Delivery[] }) {
  const { t } = useT();
  const productName = useProductName();
  return (
    <CaptionedTable withTableBorder heading={t('vaccinationSupply.deliveries.caption')} striped minWidth={800}>
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('vaccinationSupply.vials.batch')}</Table.Th>
          <Table.Th>{t('vaccinationSupply.vials.product')}</Table.Th>
          <Table.Th>{t('vaccinationSupply.deliveries.week')}</Table.Th>
          <Table.Th>{t('vaccinationSupply.deliveries.received')}</Table.Th>
          <Table.Th>{t('vaccinationSupply.deliveries.expires')}</Table.Th>
          <Table.Th ta="right">{t('vaccinationSupply.deliveries.doses')}</Table.Th>
          <Table.Th>{t('vaccinationSupply.deliveries.allocations')}</Table.Th>
          <Table.Th ta="right">{t('vaccinationSupply.deliveries.unallocated')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {deliveries.map((d) => (
          <Table.Tr key={d.id}>
            <Table.Th scope="row">{d.batchNumber}</Table.Th>
            <Table.Td>{productName(d.productCode)}</Table.Td>
            <Table.Td>{d.isoWeek}</Table.Td>
            <Table.Td>{swedishDay(d.receivedAt)}</Table.Td>
            <Table.Td>{d.expiresOn}</Table.Td>
            <Table.Td ta="right">
              {d.vials} ({d.doses})
            </Table.Td>
            <Table.Td>
              {d.allocations.map((a) => (
                <Text key={`${a.siteId}-${a.allocatedAt}`} size="sm">
                  {t('vaccinationSupply.deliveries.allocation', { site: a.siteName, vials: a.vials })}
                </Text>
              ))}
            </Table.Td>
            <Table.Td ta="right">{d.unallocatedVials}</Table.Td>
          </Table.Tr>
        ))}
      </Table.Tbody>
    </CaptionedTable>
  );
}
