import { Alert, Anchor, Stack, Text, Title } from '@mantine/core';
import { useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { useT } from '../../i18n/useT.js';
import { BookingCard } from './BookingCard.js';
import { CancelBooking } from './CancelBooking.js';
import { dayAndTime } from './format.js';
import type { Booking, RecordBooking } from './vaccinationApi.js';

export interface BookingListProps {
  bookings: RecordBooking[];
  /** The citizen's own (or their child's) bookings; else staff acting on the person's behalf. */
  own: boolean;
  /** The way to move one: a link to the booking page, or a form in place; `onMoved` reports the new time. */
  move: (booking: RecordBooking, onMoved: (moved: Booking) => void) => ReactNode;
}

/** The booking page for the dose after `b`, opening on the first day it can be given. */
const nextDoseBookingPath = (b: RecordBooking) =>
  `/vaccination/book?${new URLSearchParams({ vaccine: b.vaccine, person: b.personId, dose: String(b.nextDose!.doseNumber), from: b.nextDose!.from })}`;

/** A person's live bookings, each to move or cancel (the citizen also books the next dose), with what the last change did. */
export function BookingList({ bookings, own, move }: BookingListProps) {
  const { t } = useT();
  const [notice, setNotice] = useState<string | null>(null);
  const live = bookings.filter((b) => b.status === 'booked');
  const onMoved = (b: Booking) => setNotice(t('vaccination.bookings.moved', { time: dayAndTime(b.startsAt), site: b.siteName }));
  return (
    <Stack gap="sm">
      <Title order={3} size="h4" mt="sm">
        {t('vaccination.bookings.heading')}
      </Title>
      {notice && (
        <Alert color="green" variant="light" role="status">
          {notice}
        </Alert>
      )}
      {live.length === 0 && <Text size="sm">{t('vaccination.bookings.none')}</Text>}
      {live.map((b) => (
        <BookingCard key={b.id} booking={b}>
          {move(b, onMoved)}
          {own && b.nextDose && (
            <Anchor component={Link} to={nextDoseBookingPath(b)} size="sm">
              {t('vaccination.bookings.bookNext', { dose: b.nextDose.doseNumber })}
            </Anchor>
          )}
          <CancelBooking booking={b} own={own} onCancelled={() => setNotice(t('vaccination.bookings.cancelled'))} />
        </BookingCard>
      ))}
    </Stack>
  );
}
