import { Button, Group, NativeSelect, NumberInput, Paper, SimpleGrid, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { fieldErrorOf } from '../core/fieldErrors.js';
import { useProductName, useRecordWastage, WASTAGE_REASONS, type BatchStock, type WastageReason } from './api.js';

/** Records whole unopened vials of a batch lost at the site, with the reason. */
export function WastageForm({ siteId, batches }: { siteId: string; batches: BatchStock[] }) {
  const { t } = useT();
  const record = useRecordWastage();
  const productName = useProductName();
  const [deliveryId, setDeliveryId] = useState('');
  const [vials, setVials] = useState<number | string>(1);
  const [reason, setReason] = useState<WastageReason>('broken');
  const [note, setNote] = useState('');
  const error = fieldErrorOf(record.error);
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    record.mutate({ siteId, deliveryId, vials: Number(vials), reason, ...(note.trim() ? { note: note.trim() } : {}) }, { onSuccess: () => setNote('') });
  };
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-labelledby="wastage-title" noValidate>
      <Title id="wastage-title" order={2} size="h3" mb="xs">
        {t('vaccinationSupply.vials.wastageTitle')}
      </Title>
      <Text size="sm" mb="sm">
        {t('vaccinationSupply.vials.wastageIntro')}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 2 }} maw={720}>
        <NativeSelect
          label={t('vaccinationSupply.vials.batch')}
          value={deliveryId}
          onChange={(e) => setDeliveryId(e.currentTarget.value)}
          data={[{ value: '', label: t('vaccinationSupply.vials.chooseBatch') }, ...batches.map((b) => ({ value: b.deliveryId, label: `${b.batchNumber} (${productName(b.productCode)})` }))]}
          error={error('deliveryId')}
          required
        />
        <NumberInput label={t('vaccinationSupply.vials.wastageVials')} value={vials} onChange={setVials} min={1} allowDecimal={false} error={error('vials')} required />
        <NativeSelect
          label={t('vaccinationSupply.vials.reason')}
          value={reason}
          onChange={(e) => setReason(e.currentTarget.value as WastageReason)}
          data={WASTAGE_REASONS.map((r) => ({ value: r, label: t(`vaccinationSupply.vials.reasons.${r}`) }))}
          error={error('reason')}
          required
        />
        <TextInput label={t('vaccinationSupply.vials.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} error={error('note')} />
      </SimpleGrid>
      <Group mt="md">
        <Button type="submit" loading={record.isPending}>
          {t('vaccinationSupply.vials.wastageSubmit')}
        </Button>
      </Group>
      {record.isError ? <ProblemAlert error={record.error} /> : null}
      {record.isSuccess ? (
        <Text role="status" mt="sm">
          {t('vaccinationSupply.vials.wastageRecorded', { vials: record.data.vials, left: record.data.unopenedLeft })}
        </Text>
      ) : null}
    </Paper>
  );
}
