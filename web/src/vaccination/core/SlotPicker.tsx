import { Alert, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useEffect } from 'react';
import { useT } from '../../i18n/useT.js';
import { addDays, swedishClock } from './format.js';
import { useAvailability, useSlots, type Site } from './vaccinationApi.js';

export interface SlotPickerProps {
  sites: Site[];
  siteId: string | null;
  onSite: (id: string) => void;
  date: string;
  onDate: (date: string) => void;
  slotId: string;
  onSlot: (id: string) => void;
}

/** Site (nearest first), day, and a free time on it; when none is free, the fair answer of when to look again. */
export function SlotPicker({ sites, siteId, onSite, date, onDate, slotId, onSlot }: SlotPickerProps) {
  const { t, language } = useT();
  const valid = /^\d{4}-\d{2}-\d{2}$/.test(date);
  const slots = useSlots(valid ? siteId : null, date, date);
  const free = (slots.data?.slots ?? []).filter((s) => s.free > 0);
  const none = slots.isSuccess && free.length === 0;
  const wait = useAvailability(siteId, none);
  const site = sites.find((s) => s.id === siteId);
  useEffect(() => {
    if (!siteId && sites[0]) onSite(sites[0].id);
  }, [siteId, sites, onSite]);
  return (
    <Stack gap="md">
      <SimpleGrid cols={{ base: 1, sm: 2 }}>
        <NativeSelect label={t('vaccination.book.site')} value={siteId ?? ''} onChange={(e) => onSite(e.currentTarget.value)} data={sites.map((s) => ({ value: s.id, label: s.name }))} />
        <TextInput type="date" label={t('vaccination.book.date')} value={date} min={addDays(date, -400)} onChange={(e) => onDate(e.currentTarget.value)} required />
      </SimpleGrid>
      {none && (
        <Alert color="yellow" variant="light" role="status" title={t('vaccination.book.noneTitle')}>
          <Text size="sm">{t('vaccination.book.none', { site: site?.name ?? '', date })}</Text>
          {wait.data && <Text size="sm">{language === 'sv' ? wait.data.message.sv : wait.data.message.en}</Text>}
        </Alert>
      )}
      {free.length > 0 && (
        <Radio.Group label={t('vaccination.book.times')} value={slotId} onChange={onSlot}>
          <SimpleGrid cols={{ base: 2, sm: 4 }} mt="xs">
            {free.map((s) => (
              <Radio key={s.id} value={s.id} label={t('vaccination.book.slotLabel', { time: swedishClock(s.startsAt), free: s.free })} />
            ))}
          </SimpleGrid>
        </Radio.Group>
      )}
    </Stack>
  );
}
