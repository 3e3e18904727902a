import { Button, Group, Paper, Stack } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { useT } from '../../i18n/useT.js';
import { bookingLabel } from './BookingCard.js';
import { swedishDay } from './format.js';
import { Problem } from './Problem.js';
import { SlotPicker, useSlotChoice } from './SlotPicker.js';
import { useMove, useSites, type Booking, type Vaccine } from './vaccinationApi.js';

export interface MoveBookingProps {
  booking: Booking;
  /** Every vaccine of the visit: it moves whole, so the new site must give them all. */
  vaccines: Vaccine[];
  onMoved: (moved: Booking) => void;
}

/** Staff move someone's booking in place: a new free time with the slot picker, from the booked site and day. */
export function MoveBooking({ booking, vaccines, onMoved }: MoveBookingProps) {
  const { t } = useT();
  const sites = useSites();
  const move = useMove(false);
  const [open, setOpen] = useState(false);
  const choice = useSlotChoice(swedishDay(booking.startsAt), { siteId: booking.siteId });
  const { slotId } = choice;
  if (!open)
    return (
      <Button size="xs" variant="light" onClick={() => setOpen(true)}>
        {t('vaccination.bookings.move')}
      </Button>
    );
  const bookable = (sites.data?.sites ?? []).filter((s) => s.bookable && vaccines.every((v) => s.vaccines.includes(v)));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    if (slotId) move.mutate({ bookingId: booking.id, slotId }, { onSuccess: ({ bookings }) => (setOpen(false), onMoved(bookings[0]!)) });
  };
  return (
    <Paper withBorder p="sm" w="100%" component="form" onSubmit={submit} noValidate aria-label={t('vaccination.bookings.moveLabel', { label: bookingLabel(t, booking) })}>
      <Stack gap="sm">
        <SlotPicker sites={bookable} {...choice} />
        {move.isError && <Problem error={move.error} />}
        <Group>
          <Button type="submit" size="xs" disabled={!slotId} loading={move.isPending}>
            {t('vaccination.book.submitMove')}
          </Button>
          <Button size="xs" variant="default" onClick={() => (setOpen(false), move.reset())}>
            {t('vaccination.bookings.stopMoving')}
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}
