import { Group, Paper, Text } from '@mantine/core';
import type { ReactNode } from 'react';
import { useT, type TypedT } from '../../i18n/useT.js';
import { dayAndTime } from './format.js';
import { VACCINES, type Booking, type RecordBooking, type Vaccine } from './vaccinationApi.js';

export const vaccineName = (t: TypedT, v: Vaccine | string) => t(v === 'influenza' ? 'vaccination.vaccine.influenza' : 'vaccination.vaccine.covid');

/** The vaccines as the options of a select. */
export const vaccineOptions = (t: TypedT) => VACCINES.map((v) => ({ value: v, label: vaccineName(t, v) }));

/** "Covid-19, dos 1, 2026-12-02 08:15": the name of a booking on buttons, forms and its card. */
export const bookingLabel = (t: TypedT, b: Booking) => t('vaccination.bookings.label', { vaccine: vaccineName(t, b.vaccine), dose: b.doseNumber, time: dayAndTime(b.startsAt) });

/** A booked time: what, when, where, and from when the dose after it can be booked; `children` are the actions. */
export function BookingCard({ booking, children }: { booking: RecordBooking; children: ReactNode }) {
  const { t } = useT();
  const label = bookingLabel(t, booking);
  return (
    <Paper withBorder p="sm" component="article" aria-label={label}>
      <Text fw={600}>{label}</Text>
      <Text size="sm">{booking.siteName}</Text>
      {booking.nextDose && <Text size="sm">{t('vaccination.bookings.nextDose', { dose: booking.nextDose.doseNumber, date: booking.nextDose.from })}</Text>}
      <Group mt="xs" align="flex-start">
        {children}
      </Group>
    </Paper>
  );
}
