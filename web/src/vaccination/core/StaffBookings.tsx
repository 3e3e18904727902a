import { BookingList } from './BookingList.js';
import { MoveBooking } from './MoveBooking.js';
import type { RecordBooking } from './vaccinationApi.js';

/** A person's bookings as staff see them (call centre, site manager, vaccinator): moved or cancelled on their behalf. */
export function StaffBookings({ bookings }: { bookings: RecordBooking[] }) {
  const visitVaccines = (b: RecordBooking) => bookings.filter((x) => x.visitId === b.visitId && x.status === 'booked').map((x) => x.vaccine);
  return <BookingList bookings={bookings} own={false} move={(b, onMoved) => <MoveBooking booking={b} vaccines={visitVaccines(b)} onMoved={onMoved} />} />;
}
