import { Alert, NativeSelect, Radio, SimpleGrid, Stack, Text, TextInput } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
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

export interface SlotChoiceStart {
  siteId?: string | null;
  date?: string | null;
  slotId?: string | null;
}

/**
 * The state of a SlotPicker, to spread on it: choosing another site or day clears the chosen time. The
 * day is `firstDay` until one is chosen (or given in `start`, as a deep link does).
 */
export function useSlotChoice(firstDay: string, start: SlotChoiceStart = {}) {
  const [siteId, setSiteId] = useState(start.siteId ?? null);
  const [date, setDate] = useState(start.date ?? null);
  const [slotId, setSlotId] = useState(start.slotId ?? '');
  const onSite = useCallback((id: string) => (setSiteId(id), setSlotId('')), []);
  const onDate = useCallback((day: string) => (setDate(day), setSlotId('')), []);
  return { siteId, date: date ?? firstDay, slotId, onSite, onDate, onSlot: setSlotId };
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
