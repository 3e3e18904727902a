import { Button, Group, NumberInput, Paper, SimpleGrid, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { dayAndTime } from '../core/format.js';
import { fieldErrorOf } from '../core/fieldErrors.js';
import { useCloseVial, useProductName, type OpenVial } from './api.js';

/** The site's open vials, each closed with the doses really drawn and those discarded. */
export function OpenVials({ vials }: { vials: OpenVial[] }) {
  const { t } = useT();
  const close = useCloseVial();
  const closing = (v: OpenVial) => close.variables?.vialId === v.id;
  // The closed vial leaves the list once stock is fetched again: its batch is kept for the message.
  const [batch, setBatch] = useState('');
  return (
    <section aria-labelledby="open-vials-title">
      <Title id="open-vials-title" order={2} size="h3" mb="sm">
        {t('vaccinationSupply.vials.openTitle')}
      </Title>
      {vials.length === 0 ? <Text>{t('vaccinationSupply.vials.noOpen')}</Text> : null}
      <Stack gap="sm">
        {vials.map((v) => (
          <VialForm
            key={v.id}
            vial={v}
            error={closing(v) ? close.error : null}
            pending={close.isPending && closing(v)}
            onClose={(dosesDrawn, dosesDiscarded) => {
              setBatch(v.batchNumber);
              close.mutate({ vialId: v.id, dosesDrawn, dosesDiscarded });
            }}
          />
        ))}
      </Stack>
      {close.isSuccess ? (
        <Text role="status" mt="sm">
          {t('vaccinationSupply.vials.closed', { batch, given: close.data.given, wasted: close.data.wasted, nominal: close.data.nominalDoses, extra: close.data.extra })}
        </Text>
      ) : null}
    </section>
  );
}

interface VialFormProps {
  vial: OpenVial;
  error: unknown;
  pending: boolean;
  onClose: (dosesDrawn: number, dosesDiscarded: number) => void;
}

/** One open vial: the planned doses are the default for what was drawn. */
function VialForm({ vial, error, pending, onClose }: VialFormProps) {
  const { t } = useT();
  const productName = useProductName();
  const errorOf = fieldErrorOf(error);
  const [drawn, setDrawn] = useState<number | string>(vial.nominalDoses);
  const [discarded, setDiscarded] = useState<number | string>(0);
  const label = t('vaccinationSupply.vials.vial', { batch: vial.batchNumber, time: dayAndTime(vial.openedAt) });
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    onClose(Number(drawn), Number(discarded));
  };
  return (
    <Paper withBorder p="sm" component="form" onSubmit={submit} aria-label={label} noValidate>
      <Text fw={600}>{label}</Text>
      <Text size="sm" c="dimmed" mb="xs">
        {productName(vial.productCode)}, {t('vaccinationSupply.vials.planned', { doses: vial.nominalDoses })}
      </Text>
      <SimpleGrid cols={{ base: 1, sm: 3 }} maw={720}>
        <NumberInput label={t('vaccinationSupply.vials.drawn')} value={drawn} onChange={setDrawn} min={0} allowDecimal={false} error={errorOf('dosesDrawn')} />
        <NumberInput label={t('vaccinationSupply.vials.discarded')} value={discarded} onChange={setDiscarded} min={0} allowDecimal={false} error={errorOf('dosesDiscarded')} />
        <Group align="flex-end">
          <Button type="submit" loading={pending}>
            {t('vaccinationSupply.vials.close')}
          </Button>
        </Group>
      </SimpleGrid>
      {error ? <ProblemAlert error={error} /> : null}
    </Paper>
  );
}
