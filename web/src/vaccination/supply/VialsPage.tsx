import { Badge, Button, NativeSelect, Stack, Table, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { useSites } from '../core/vaccinationApi.js';
import { useOpenVial, useProductName, useStock, type BatchStock } from './api.js';
import { OpenVials } from './OpenVials.js';
import { WastageForm } from './WastageForm.js';
import { WastageReport } from './WastageReport.js';
import { DataTable } from '../../components/DataTable.js';

/**
 * `/vaccination/vials` (vaccinator, site manager): a site's unopened vials per batch and its open vials; open
 * a vial, close it with the doses really drawn, record whole vials lost, and see the wastage of a period.
 */
export function VialsPage() {
  const { t } = useT();
  const sites = useSites();
  const stock = useStock();
  const [chosen, setChosen] = useState<string | null>(null);
  const list = (sites.data?.sites ?? []).filter((s) => s.active);
  // Until someone picks a site: the first one that has stock.
  const siteId = chosen ?? stock.data?.sites[0]?.siteId ?? list[0]?.id ?? '';
  const here = stock.data?.sites.find((s) => s.siteId === siteId);
  return (
    <>
      <PageHeading title={t('vaccinationSupply.nav.vials')} />
      <Stack gap="xl">
        <NativeSelect label={t('vaccinationSupply.vials.site')} value={siteId} onChange={(e) => setChosen(e.currentTarget.value)} data={list.map((s) => ({ value: s.id, label: s.name }))} maw={480} />
        {sites.isError ? <ProblemAlert error={sites.error} /> : null}
        {stock.isError ? <ProblemAlert error={stock.error} /> : null}
        {stock.isPending ? <PageLoader /> : null}
        {stock.data ? (
          <>
            <BatchTable siteId={siteId} batches={here?.batches ?? []} />
            <OpenVials vials={here?.openVials ?? []} />
            <WastageForm key={siteId} siteId={siteId} batches={(here?.batches ?? []).filter((b) => b.unopened > 0)} />
          </>
        ) : null}
        <WastageReport />
      </Stack>
    </>
  );
}

/** Unopened vials per batch at the site, each with a button to open one. */
function BatchTable({ siteId, batches }: { siteId: string; batches: BatchStock[] }) {
  const { t } = useT();
  const open = useOpenVial();
  const productName = useProductName();
  return (
    <section aria-labelledby="batches-title">
      <Title id="batches-title" order={2} size="h3" mb="sm">
        {t('vaccinationSupply.vials.stockCaption')}
      </Title>
      {batches.length === 0 ? (
        <Text>{t('vaccinationSupply.vials.noStock')}</Text>
      ) : (
        <DataTable minWidth={640} striped withTableBorder aria-labelledby="batches-title">
            <Table.Thead>
              <Table.Tr>
                <Table.Th>{t('vaccinationSupply.vials.batch')}</Table.Th>
                <Table.Th>{t('vaccinationSupply.vials.product')}</Table.Th>
                <Table.Th>{t('vaccinationSupply.vials.expires')}</Table.Th>
                <Table.Th ta="right">{t('vaccinationSupply.vials.dosesPerVial')}</Table.Th>
                <Table.Th ta="right">{t('vaccinationSupply.vials.unopened')}</Table.Th>
                <Table.Th />
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {batches.map((b) => (
                <Table.Tr key={b.deliveryId}>
                  <Table.Th scope="row">{b.batchNumber}</Table.Th>
                  <Table.Td>{productName(b.productCode)}</Table.Td>
                  <Table.Td>
                    {b.expiresOn}{' '}
                    {b.expired ? (
                      <Badge color="red" variant="light">
                        {t('vaccinationSupply.vials.expired')}
                      </Badge>
                    ) : null}
                  </Table.Td>
                  <Table.Td ta="right">{b.dosesPerVial}</Table.Td>
                  <Table.Td ta="right">{b.unopened}</Table.Td>
                  <Table.Td>
                    <Button
                      size="xs"
                      aria-label={t('vaccinationSupply.vials.openOf', { batch: b.batchNumber })}
                      disabled={b.expired || b.unopened < 1}
                      loading={open.isPending && open.variables.deliveryId === b.deliveryId}
                      onClick={() => open.mutate({ siteId, deliveryId: b.deliveryId })}
                    >
                      {t('vaccinationSupply.vials.open')}
                    </Button>
                  </Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </DataTable>
      )}
      {open.isError ? <ProblemAlert error={open.error} /> : null}
      {open.isSuccess ? (
        <Text role="status" mt="sm">
          {t('vaccinationSupply.vials.opened', { batch: open.data.batchNumber, doses: open.data.nominalDoses })}
        </Text>
      ) : null}
    </section>
  );
}
