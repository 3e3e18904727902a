import { Button, CloseButton, Group, NativeSelect, NumberInput, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { fieldErrorOf } from '../core/fieldErrors.js';
import type { Site } from '../core/vaccinationApi.js';
import { useAllocateDelivery, useProductName, type Delivery } from './api.js';

interface Row {
  siteId: string;
  vials: number | string;
}

const emptyRow = (): Row => ({ siteId: '', vials: '' });

/** Allocates vials of one received delivery to one or more sites; the server keeps the sum within the delivery. */
export function AllocationForm({ deliveries, sites }: { deliveries: Delivery[]; sites: Site[] }) {
  const { t } = useT();
  const productName = useProductName();
  const allocate = useAllocateDelivery();
  const [deliveryId, setDeliveryId] = useState('');
  const [rows, setRows] = useState<Row[]>([emptyRow()]);
  const withVialsLeft = deliveries.filter((d) => d.unallocatedVials > 0 || d.id === deliveryId);
  const error = fieldErrorOf(allocate.error);
  const update = (i: number, change: Partial<Row>) => setRows(rows.map((r, j) => (j === i ? { ...r, ...change } : r)));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    allocate.mutate({ deliveryId, allocations: rows.map((r) => ({ siteId: r.siteId, vials: Number(r.vials) })) }, { onSuccess: () => setRows([emptyRow()]) });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="allocate-title" noValidate>
      <Title id="allocate-title" order={2} size="h3" mb="sm">
        {t('vaccinationSupply.deliveries.allocate')}
      </Title>
      <Stack gap="sm" maw={640}>
        <NativeSelect
          label={t('vaccinationSupply.deliveries.delivery')}
          value={deliveryId}
          onChange={(e) => setDeliveryId(e.currentTarget.value)}
          data={[{ value: '', label: t('vaccinationSupply.deliveries.chooseDelivery') }, ...withVialsLeft.map((d) => ({ value: d.id, label: t('vaccinationSupply.deliveries.deliveryOption', { batch: d.batchNumber, product: productName(d.productCode), left: d.unallocatedVials }) }))]}
          required
        />
        {rows.map((r, i) => (
          <Group key={i} align="flex-start" wrap="nowrap">
            <NativeSelect
              label={t('vaccinationSupply.deliveries.site', { n: i + 1 })}
              value={r.siteId}
              onChange={(e) => update(i, { siteId: e.currentTarget.value })}
              data={[{ value: '', label: t('vaccinationSupply.deliveries.chooseSite') }, ...sites.map((s) => ({ value: s.id, label: s.name }))]}
              error={error(`allocations.${i}.siteId`)}
              required
              flex={1}
            />
            <NumberInput label={t('vaccinationSupply.deliveries.siteVials', { n: i + 1 })} value={r.vials} onChange={(v) => update(i, { vials: v })} min={1} allowDecimal={false} error={error(`allocations.${i}.vials`)} required w={160} />
            {rows.length > 1 ? <CloseButton mt={28} aria-label={t('vaccinationSupply.deliveries.removeSite', { n: i + 1 })} onClick={() => setRows(rows.filter((_, j) => j !== i))} /> : null}
          </Group>
        ))}
        {error('allocations') ? (
          <Text c="red" size="sm">
            {error('allocations')}
          </Text>
        ) : null}
        <Group>
          <Button variant="light" onClick={() => setRows([...rows, emptyRow()])}>
            {t('vaccinationSupply.deliveries.addSite')}
          </Button>
          <Button type="submit" loading={allocate.isPending} disabled={!deliveryId}>
            {t('vaccinationSupply.deliveries.allocateSubmit')}
          </Button>
        </Group>
      </Stack>
      {allocate.isError ? <ProblemAlert error={allocate.error} /> : null}
      {allocate.isSuccess ? (
        <Text role="status" mt="sm">
          {t('vaccinationSupply.deliveries.allocated', { vials: allocate.variables.allocations.reduce((a, x) => a + x.vials, 0), batch: allocate.data.batchNumber, left: allocate.data.unallocatedVials })}
        </Text>
      ) : null}
    </Paper>
  );
}
