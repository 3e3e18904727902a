import { useMemo, useState, type FormEvent } from 'react';
import { Alert, Button, NativeSelect, Paper, SimpleGrid, Stack, Text, TextInput, Title } from '@mantine/core';
import { useSearchParams } from 'react-router';
import { isApiError } from '../api.js';
import { PageHeading } from '../components/PageHeading.js';
import { useT } from '../i18n/useT.js';
import { PersonFinder, personName } from './PersonFinder.js';
import { stationsOf } from './stations.js';
import { TestingProblem } from './TestingProblem.js';
import { BOOKING_REASONS, useBookSampling, useSlots, type BookingReason, type Person } from './testingApi.js';
import { clockTime, timeRange, todayInSweden } from './time.js';

const isDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s);

/** `/testing/book` (sampler): book a sampling time for someone without e-ID. */
export function SamplerBookPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const [person, setPerson] = useState<Person | null>(null);
  const [date, setDate] = useState(params.get('date') ?? todayInSweden());
  const [stationId, setStationId] = useState<string | null>(params.get('station'));
  const [slotId, setSlotId] = useState<string>(params.get('slot') ?? '');
  const [reason, setReason] = useState<BookingReason>('no_eid');
  const [phone, setPhone] = useState('');
  const book = useBookSampling();
  const slots = useSlots(isDate(date) ? date : null);

  const all = slots.data?.slots ?? [];
  const stations = useMemo(() => stationsOf(all), [all]);
  const station = stations.find((s) => s.id === stationId) ?? stations[0] ?? null;
  const now = Date.now();
  const free = all
    .filter((s) => s.stationId === station?.id && s.booked < s.capacity && new Date(s.startsAt).getTime() > now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const slot = free.find((s) => s.id === slotId) ?? null;
  const fieldError = (field: string) => (isApiError(book.error) && book.error.fieldErrors.some((e) => e.field === field)) || undefined;

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!person || !slot) return;
    book.mutate({ slotId: slot.id, personId: person.id, reason, ...(phone.trim() ? { phone: phone.trim() } : {}) });
  };

  return (
    <>
      <PageHeading title={t('testing.sampler.bookTitle')} />
      <Text mb="lg" maw={720}>
        {t('testing.sampler.bookIntro')}
      </Text>
      <Stack gap="lg" maw={720}>
        <PersonFinder
          person={person}
          onPerson={(p) => {
            setPerson(p);
            book.reset();
          }}
        />
        {book.isSuccess && person ? (
          <Alert color="green" variant="light" title={t('testing.sampler.bookedTitle')} role="status">
            {t('testing.sampler.booked', { name: personName(person), time: `${date} ${clockTime(book.data.startsAt)}` })}
          </Alert>
        ) : (
          <Paper withBorder p="md" component="section" aria-labelledby="time-heading">
            <Title order={2} size="h3" id="time-heading" mb="xs">
              {t('testing.sampler.timeHeading')}
            </Title>
            <form onSubmit={submit} noValidate>
              <Stack gap="md">
                <SimpleGrid cols={{ base: 1, sm: 2 }}>
                  <TextInput type="date" label={t('testing.sampler.date')} value={date} onChange={(e) => setDate(e.currentTarget.value)} required />
                  <NativeSelect
                    label={t('testing.sampler.station')}
                    value={station?.id ?? ''}
                    onChange={(e) => {
                      setStationId(e.currentTarget.value);
                      setSlotId('');
                    }}
                    data={stations.map((s) => ({ value: s.id, label: t('testing.sampler.stationName', { n: s.n, id: s.id.slice(0, 8) }) }))}
                    disabled={stations.length === 0}
                  />
                </SimpleGrid>
                {slots.data && free.length === 0 ? (
                  <Text>{t('testing.sampler.noFreeSlots')}</Text>
                ) : (
                  <NativeSelect
                    label={t('testing.sampler.slot')}
                    value={slot?.id ?? ''}
                    onChange={(e) => setSlotId(e.currentTarget.value)}
                    data={[{ value: '', label: '–' }, ...free.map((s) => ({ value: s.id, label: t('testing.sampler.slotOption', { time: timeRange(s.startsAt, s.endsAt), count: s.capacity - s.booked }) }))]}
                    required
                    error={fieldError('slotId')}
                  />
                )}
                <NativeSelect
                  label={t('testing.sampler.reason')}
                  value={reason}
                  onChange={(e) => setReason(e.currentTarget.value as BookingReason)}
                  data={BOOKING_REASONS.map((r) => ({ value: r, label: t(`testing.sampler.reasons.${r}`) }))}
                />
                <TextInput
                  label={t('testing.sampler.phone')}
                  description={t('testing.sampler.phoneHint')}
                  type="tel"
                  value={phone}
                  onChange={(e) => setPhone(e.currentTarget.value)}
                  autoComplete="off"
                  error={fieldError('phone')}
                  maw={320}
                />
                {book.isError && <TestingProblem error={book.error} />}
                <div>
                  <Button type="submit" disabled={!person || !slot} loading={book.isPending}>
                    {t('testing.sampler.submitBooking')}
                  </Button>
                </div>
              </Stack>
            </form>
          </Paper>
        )}
      </Stack>
    </>
  );
}
