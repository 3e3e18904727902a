import { Alert, Anchor, Button, Checkbox, Paper, Stack, Text } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { PageHeading } from '../../components/PageHeading.js';
import { PageLoader } from '../../components/PageLoader.js';
import { useT } from '../../i18n/useT.js';
import { vaccineName } from './BookingCard.js';
import { dayAndTime, today } from './format.js';
import { Problem } from './Problem.js';
import { SlotPicker, useSlotChoice } from './SlotPicker.js';
import { useBook, useMove, useMyVaccination, useSites, vaccineParam } from './vaccinationApi.js';

/**
 * `/vaccination/book` (citizen): book a time for a dose, for themself or a child; `?move=<booking>` moves one
 * instead; `?site=&date=&slot=` (a SMART Scheduling Links deep link) opens on that time.
 */
export function BookPage() {
  const { t } = useT();
  const [params] = useSearchParams();
  const moving = params.get('move');
  const personParam = params.get('person');
  const vaccine = vaccineParam(params.get('vaccine'));
  const my = useMyVaccination();
  const sites = useSites();
  const book = useBook();
  const move = useMove(true);
  const record = personParam && personParam !== my.data?.me.personId ? my.data?.children.find((c) => c.personId === personParam) : my.data?.me;
  const eligibility = record ? (vaccine === 'influenza' ? record.eligibility.influenza : record.eligibility.covid) : null;
  // From a booked dose's "book the next one": the dose and its first day, instead of today's eligibility.
  const next = params.get('dose') && params.get('from') ? { dose: Number(params.get('dose')), from: params.get('from')! } : null;
  const earliest = next?.from ?? eligibility?.from;
  const start = earliest && earliest > today() ? earliest : today();
  // A deep link from another booking front end (SMART Scheduling Links) names the site, day and time.
  const choice = useSlotChoice(start, { siteId: params.get('site'), date: params.get('date'), slotId: params.get('slot') });
  const { siteId, slotId } = choice;
  const [withInfluenza, setWithInfluenza] = useState(false);
  const mutation = moving ? move : book;
  const bookable = (sites.data?.sites ?? []).filter((s) => s.bookable && s.vaccines.includes(vaccine));
  const site = bookable.find((s) => s.id === siteId);
  const canCovaccinate = vaccine === 'covid-19' && !moving && !!record?.eligibility.influenza.eligible && !!site?.vaccines.includes('influenza');

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    if (!slotId) return;
    if (moving) move.mutate({ bookingId: moving, slotId });
    else book.mutate({ slotId, vaccine, withInfluenza: canCovaccinate && withInfluenza, ...(personParam ? { personId: personParam } : {}) });
  };
  const done = mutation.data?.bookings[0];
  // The record is fetched again after the booking: it carries when the dose after this one can be booked.
  const nextDose = done && record?.bookings.find((b) => b.id === done.id && b.startsAt === done.startsAt)?.nextDose;
  return (
    <>
      <PageHeading title={moving ? t('vaccination.book.moveTitle') : t('vaccination.book.title')} />
      {(my.isPending || sites.isPending) && <PageLoader />}
      {record && eligibility && (
        <Stack gap="lg" maw={820}>
          <Text>{t('vaccination.book.for', { name: record.name, vaccine: vaccineName(t, vaccine) })}</Text>
          <Text size="sm" c="dimmed">
            {next ? t('vaccination.bookings.nextDose', { dose: next.dose, date: next.from }) : eligibility.reason}
          </Text>
          {done ? (
            <Alert color="green" variant="light" role="status" title={moving ? t('vaccination.book.movedTitle') : t('vaccination.book.bookedTitle')}>
              <Text>{t('vaccination.book.booked', { time: dayAndTime(done.startsAt), site: done.siteName, dose: done.doseNumber })}</Text>
              {nextDose && <Text>{t('vaccination.bookings.nextDose', { dose: nextDose.doseNumber, date: nextDose.from })}</Text>}
              <Anchor component={Link} to="/vaccination">
                {t('vaccination.book.toMine')}
              </Anchor>
            </Alert>
          ) : (
            <Paper withBorder p="md" component="form" onSubmit={submit} noValidate aria-label={t('vaccination.book.formLabel')}>
              <Stack gap="md">
                <SlotPicker sites={bookable} {...choice} />
                {canCovaccinate && <Checkbox label={t('vaccination.book.withInfluenza')} checked={withInfluenza} onChange={(e) => setWithInfluenza(e.currentTarget.checked)} />}
                {mutation.isError && <Problem error={mutation.error} />}
                <div>
                  <Button type="submit" disabled={!slotId} loading={mutation.isPending}>
                    {moving ? t('vaccination.book.submitMove') : t('vaccination.book.submit')}
                  </Button>
                </div>
              </Stack>
            </Paper>
          )}
        </Stack>
      )}
    </>
  );
}
