import { Alert, Button, Group, NativeSelect, Paper, Stack, Text, TextInput, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { PageHeading } from '../../components/PageHeading.js';
import { ProblemAlert } from '../../components/ProblemAlert.js';
import { useT } from '../../i18n/useT.js';
import { dayAndTime, today } from './format.js';
import { PersonSearch, type FoundPerson } from './PersonSearch.js';
import { Problem } from './Problem.js';
import { SlotPicker, useSlotChoice } from './SlotPicker.js';
import { StaffBookings } from './StaffBookings.js';
import { ON_BEHALF_REASONS, useBookOnBehalf, usePersonRecord, useSites, type OnBehalfReason } from './vaccinationApi.js';

/**
 * `/vaccination/call-centre`: the person's bookings to move or cancel, and a new booking for someone without
 * e-ID; the reason is kept with the booking and audited.
 */
export function CallCentrePage() {
  const { t } = useT();
  const [person, setPerson] = useState<FoundPerson | null>(null);
  const sites = useSites();
  const book = useBookOnBehalf();
  const record = usePersonRecord(person?.id ?? null);
  const choice = useSlotChoice(today());
  const { slotId } = choice;
  const [reason, setReason] = useState<OnBehalfReason>('no_eid');
  const [note, setNote] = useState('');
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (person && slotId) book.mutate({ personId: person.id, slotId, vaccine: 'covid-19', withInfluenza: false, reason, ...(note.trim() ? { note: note.trim() } : {}) });
  };
  const booked = book.data?.bookings[0];
  return (
    <>
      <PageHeading title={t('vaccination.callCentre.title')} />
      <Stack gap="lg" maw={820}>
        <Text>{t('vaccination.callCentre.intro')}</Text>
        {person ? (
          <Paper withBorder p="md" component="section" aria-labelledby="call-centre-person">
            <Group justify="space-between">
              <Title order={2} size="h3" id="call-centre-person">{`${person.givenName} ${person.familyName}, ${person.identityNumber}`}</Title>
              <Button variant="subtle" onClick={() => (setPerson(null), book.reset())}>
                {t('vaccination.person.change')}
              </Button>
            </Group>
            {record.isError && <ProblemAlert error={record.error} />}
            {record.data && <StaffBookings bookings={record.data.bookings} />}
          </Paper>
        ) : (
          <PersonSearch onPerson={setPerson} />
        )}
        {person && booked && (
          <Alert color="green" variant="light" role="status" title={t('vaccination.book.bookedTitle')}>
            {t('vaccination.book.booked', { time: dayAndTime(booked.startsAt), site: booked.siteName, dose: booked.doseNumber })}
          </Alert>
        )}
        {person && !book.data && (
          <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={t('vaccination.book.formLabel')}>
            <Stack gap="md">
              <SlotPicker sites={(sites.data?.sites ?? []).filter((s) => s.bookable)} {...choice} />
              <NativeSelect label={t('vaccination.callCentre.reason')} value={reason} onChange={(e) => setReason(e.currentTarget.value as OnBehalfReason)} data={ON_BEHALF_REASONS.map((r) => ({ value: r, label: t(`vaccination.callCentre.reasons.${r}`) }))} />
              <TextInput label={t('vaccination.callCentre.note')} value={note} onChange={(e) => setNote(e.currentTarget.value)} required={reason === 'other'} />
              {book.isError && <Problem error={book.error} />}
              <div>
                <Button type="submit" disabled={!slotId} loading={book.isPending}>
                  {t('vaccination.book.submit')}
                </Button>
              </div>
            </Stack>
          </Paper>
        )}
      </Stack>
    </>
  );
}
