import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { isoWeekOfDate, swedishDate } from '../../testing/statistics/api.js';
import { fieldErrorOf } from '../core/fieldErrors.js';
import { useRecordDelivery, type Product } from './api.js';

/** Records a received batch: product, the forecast week it fulfils, batch number, last day of use, vials. */
export function DeliveryForm({ products }: { products: Product[] }) {
  const { t } = useT();
  const record = useRecordDelivery();
  const [productCode, setProductCode] = useState('');
  const [isoWeek, setIsoWeek] = useState(isoWeekOfDate(swedishDate()));
  const [batchNumber, setBatchNumber] = useState('');
  const [expiresOn, setExpiresOn] = useState('');
  const [vials, setVials] = useState<number | string>('');
  const error = fieldErrorOf(record.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    record.mutate(
      { productCode, isoWeek, batchNumber, expiresOn, vials: Number(vials) },
      {
        onSuccess: () => {
          setBatchNumber('');
          setVials('');
        },
      },
    );
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="delivery-title" noValidate>
      <Title id="delivery-title" order={2} size="h3" mb="sm">
        {t('vaccinationSupply.deliveries.record')}
      </Title>
      <SimpleGrid cols={{ base: 1, sm: 3 }}>
        <NativeSelect
          label={t('vaccinationSupply.deliveries.product')}
          value={productCode}
          onChange={(e) => setProductCode(e.currentTarget.value)}
          data={[{ value: '', label: t('vaccinationSupply.deliveries.chooseProduct') }, ...products.map((p) => ({ value: p.productCode, label: p.name }))]}
          error={error('productCode')}
          required
        />
        <TextInput type="week" label={t('vaccinationSupply.deliveries.week')} value={isoWeek} onChange={(e) => setIsoWeek(e.currentTarget.value)} error={error('isoWeek')} required />
        <TextInput label={t('vaccinationSupply.deliveries.batch')} value={batchNumber} onChange={(e) => setBatchNumber(e.currentTarget.value)} error={error('batchNumber')} required />
        <TextInput type="date" label={t('vaccinationSupply.deliveries.expiresOn')} value={expiresOn} onChange={(e) => setExpiresOn(e.currentTarget.value)} error={error('expiresOn')} required />
        <NumberInput label={t('vaccinationSupply.deliveries.vials')} value={vials} onChange={setVials} min={1} allowDecimal={false} error={error('vials')} required />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit" loading={record.isPending}>
          {t('vaccinationSupply.deliveries.submit')}
        </Button>
      </Group>
      {record.isError ? <ProblemAlert error={record.error} /> : null}
      {record.isSuccess ? (
        <Text role="status" mt="sm">
          {t('vaccinationSupply.deliveries.recorded', { batch: record.data.batchNumber, vials: record.data.vials, doses: record.data.doses })}
        </Text>
      ) : null}
    </Paper>
  );
}
