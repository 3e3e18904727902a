import { Button, Group, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useT } from '../../i18n/useT.js';
import { bookingLabel } from './BookingCard.js';
import { Problem } from './Problem.js';
import { useCancel, type Booking } from './vaccinationApi.js';

/**
 * Cancels a booking (the whole visit) once asked twice: the button, then "yes". `own`: the citizen's
 * endpoint, else staff on the person's behalf. The server's problem is shown where the question was.
 */
export function CancelBooking({ booking, own, onCancelled }: { booking: Booking; own: boolean; onCancelled: () => void }) {
  const { t } = useT();
  const cancel = useCancel(own);
  const [asking, setAsking] = useState(false);
  if (!asking)
    return (
      <Button size="xs" color="red" variant="light" onClick={() => setAsking(true)}>
        {t('vaccination.bookings.cancel')}
      </Button>
    );
  const question = t('vaccination.bookings.confirmCancel', { label: bookingLabel(t, booking) });
  return (
    <Stack gap={4} role="group" aria-label={question} w="100%">
      <Text size="sm">{question}</Text>
      <Group>
        <Button size="xs" color="red" loading={cancel.isPending} onClick={() => cancel.mutate(booking.id, { onSuccess: onCancelled })}>
          {t('vaccination.bookings.confirm')}
        </Button>
        <Button size="xs" variant="default" onClick={() => (setAsking(false), cancel.reset())}>
          {t('vaccination.bookings.keep')}
        </Button>
      </Group>
      {cancel.isError && <Problem error={cancel.error} />}
    </Stack>
  );
}
