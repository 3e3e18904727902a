// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { citizenSession, json, mockApi, problem, renderApp, staffSession } from '../../test-utils.js';
import type { StaffRole } from '../../navigation.js';
import type { PersonRecord, RecordBooking, Site, Slot, StaffPersonRecord } from './vaccinationApi.js';

const PERSON = 'a0000000-0000-4000-8000-000000000001';
const BOOKING = 'b0000000-0000-4000-8000-000000000001';
const ARENA = 'c0000000-0000-4000-8000-000000000001';

/** Dose 1 on Wednesday 2 December 2026 at 09:15 Swedish time, dose 2 proposed three weeks on. */
const booking: RecordBooking = {
  id: BOOKING,
  visitId: 'v1',
  personId: PERSON,
  siteId: ARENA,
  siteName: 'Vaccinationscentrum Arenan',
  slotId: 's-old',
  vaccine: 'covid-19',
  doseNumber: 1,
  startsAt: '2026-12-02T08:15:00.000Z',
  status: 'booked',
  channel: 'self',
  bookedAt: '2026-11-20T10:00:00.000Z',
  cancelledAt: null,
  nextDose: { vaccine: 'covid-19', doseNumber: 2, from: '2026-12-23', recommendationId: 'r1' },
};
const cancelledEarlier: RecordBooking = { ...booking, id: 'b-old', visitId: 'v0', startsAt: '2026-11-25T08:00:00.000Z', status: 'cancelled', cancelledAt: '2026-11-20T09:00:00.000Z', nextDose: null };

const eligibility = {
  covid: { eligible: true, recommendationId: 'r1', vaccine: 'covid-19', doseNumber: 1, from: '2026-11-20', reason: 'Fas 4: alla 18–64 år: gäller dig eftersom du är 40 år. Rekommendationen: två doser med minst 21 dagars mellanrum. Du kan få dos 1 nu.' },
  influenza: { eligible: false, recommendationId: null, vaccine: 'influenza', doseNumber: null, from: null, reason: 'Ingen gällande rekommendation om vaccination mot influensa omfattar dig (du är 40 år).' },
};

const site: Site = { id: ARENA, name: 'Vaccinationscentrum Arenan', kind: 'mass_centre', municipalityCode: '1880', postalCode: '70210', streetAddress: null, vaccines: ['covid-19', 'influenza'], slotMinutes: 15, active: true, bookable: true };
const slots: Slot[] = [
  { id: 's-old', siteId: ARENA, startsAt: '2026-12-02T08:15:00.000Z', endsAt: '2026-12-02T08:30:00.000Z', capacity: 2, booked: 2, free: 0 },
  { id: 's-new', siteId: ARENA, startsAt: '2026-12-02T09:30:00.000Z', endsAt: '2026-12-02T09:45:00.000Z', capacity: 2, booked: 1, free: 1 },
];

describe('My vaccinations (citizen)', () => {
  it('shows why they may be vaccinated, the booked time with when dose 2 can be booked, and cancels only once confirmed', async () => {
    let bookings = [booking, cancelledEarlier];
    const record = (): PersonRecord => ({ personId: PERSON, name: 'Olle Svensson', age: 40, eligibility, bookings, doses: [] });
    const api = mockApi({
      'GET /api/session': () => json(citizenSession()),
      'GET /api/vaccination/my': () => json({ me: record(), children: [] }),
      [`POST /api/vaccination/my/bookings/${BOOKING}/cancel`]: () => {
        bookings = [{ ...booking, status: 'cancelled', cancelledAt: '2026-11-21T10:00:00.000Z', nextDose: null }, cancelledEarlier];
        return json({ bookings: [bookings[0]] });
      },
    });
    renderApp('/vaccination');
    const covid = await screen.findByRole('article', { name: 'Rekommendation för Covid-19' }, { timeout: 10_000 });
    expect(within(covid).getByText(/gäller dig eftersom du är 40 år/)).toBeTruthy();
    // Dose 1 is booked: the card shows the booking, not an offer to book it again.
    expect(within(covid).getByText('Tid bokad (dos 1)')).toBeTruthy();
    expect(within(covid).getByText('Din bokade tid: Covid-19, dos 1, 2026-12-02 09:15 på Vaccinationscentrum Arenan.')).toBeTruthy();
    expect(within(covid).queryByText('Du kan vaccinera dig nu (dos 1)')).toBeNull();
    expect(within(covid).queryByRole('link', { name: 'Boka tid för Covid-19' })).toBeNull();

    const card = screen.getByRole('article', { name: 'Covid-19, dos 1, 2026-12-02 09:15' });
    expect(within(card).getByText('Vaccinationscentrum Arenan')).toBeTruthy();
    expect(within(card).getByText('Dos 2 kan bokas från 2026-12-23.')).toBeTruthy();
    expect(within(card).getByRole('link', { name: 'Flytta tiden' }).getAttribute('href')).toBe(`/vaccination/book?move=${BOOKING}&vaccine=covid-19`);
    expect(within(card).getByRole('link', { name: 'Boka dos 2' }).getAttribute('href')).toBe(`/vaccination/book?vaccine=covid-19&person=${PERSON}&dose=2&from=2026-12-23`);
    expect(screen.queryByRole('article', { name: /2026-11-25/ })).toBeNull();

    fireEvent.click(within(card).getByRole('button', { name: 'Avboka' }));
    const question = within(card).getByRole('group', { name: 'Vill du avboka Covid-19, dos 1, 2026-12-02 09:15?' });
    fireEvent.click(within(question).getByRole('button', { name: 'Nej, behåll tiden' }));
    expect(api.callsTo('POST', `/api/vaccination/my/bookings/${BOOKING}/cancel`)).toHaveLength(0);

    fireEvent.click(within(card).getByRole('button', { name: 'Avboka' }));
    fireEvent.click(within(card).getByRole('button', { name: 'Ja, avboka' }));
    expect(await screen.findByRole('status')).toHaveProperty('textContent', 'Tiden är avbokad.');
    expect(await screen.findByText('Inga bokade tider.')).toBeTruthy();
    expect(within(screen.getByRole('article', { name: 'Rekommendation för Covid-19' })).getByRole('link', { name: 'Boka tid för Covid-19' })).toBeTruthy();
    expect(api.callsTo('POST', `/api/vaccination/my/bookings/${BOOKING}/cancel`)).toHaveLength(1);
  });
});

describe('Booking the next dose (citizen)', () => {
  it('opens on the first day the next dose can be given, and says so instead of today’s eligibility', async () => {
    mockApi({
      'GET /api/session': () => json(citizenSession()),
      'GET /api/vaccination/my': () => json({ me: { personId: PERSON, name: 'Olle Svensson', age: 40, eligibility, bookings: [booking], doses: [] }, children: [] }),
      'GET /api/vaccination/sites': () => json({ sites: [site] }),
      'GET /api/vaccination/slots': () => json({ slots: [] }),
    });
    renderApp(`/vaccination/book?vaccine=covid-19&person=${PERSON}&dose=2&from=2026-12-23`);
    expect(await screen.findByText('Dos 2 kan bokas från 2026-12-23.')).toBeTruthy();
    expect(screen.queryByText(/gäller dig eftersom/)).toBeNull();
    expect((screen.getByLabelText(/^Datum/) as HTMLInputElement).value).toBe('2026-12-23');
  });
});

describe('A deep link to a time (SMART Scheduling Links)', () => {
  it('opens on the linked site, day and time, and books that time', async () => {
    const api = mockApi({
      'GET /api/session': () => json(citizenSession()),
      'GET /api/vaccination/my': () => json({ me: { personId: PERSON, name: 'Olle Svensson', age: 40, eligibility, bookings: [], doses: [] }, children: [] }),
      'GET /api/vaccination/sites': () => json({ sites: [{ ...site, id: 'other-site', name: 'Vårdcentralen Först' }, site] }),
      'GET /api/vaccination/slots': () => json({ slots }),
      'POST /api/vaccination/my/bookings': () => json({ bookings: [{ ...booking, slotId: 's-new', startsAt: slots[1]!.startsAt }] }, 201),
    });
    renderApp(`/vaccination/book?site=${ARENA}&date=2026-12-02&slot=s-new`);
    const time = await screen.findByRole('radio', { name: /10:30/ });
    expect((time as HTMLInputElement).checked).toBe(true);
    expect((screen.getByLabelText('Vaccinationsplats') as HTMLSelectElement).value).toBe(ARENA);
    fireEvent.click(screen.getByRole('button', { name: 'Boka tiden' }));
    await screen.findByText('Tiden är bokad');
    expect(api.callsTo('POST', '/api/vaccination/my/bookings')[0]!.body).toMatchObject({ slotId: 's-new', vaccine: 'covid-19' });
  });
});

describe('A person’s bookings for staff', () => {
  function staffApi(role: StaffRole) {
    let current: RecordBooking[] = [booking];
    let moveAnswers = 0;
    const record = (): StaffPersonRecord => ({ person: { id: PERSON, name: 'Olle Svensson', identityNumber: '19860101-1234', age: 40 }, riskGroup: false, eligibility, bookings: current, doses: [] });
    const api = mockApi({
      'GET /api/session': () => json(staffSession(role, 'Lena Sjöberg')),
      [`GET /api/vaccination/persons/${PERSON}`]: () => json(record()),
      'GET /api/persons': () => json({ people: [{ id: PERSON, identityNumber: '19860101-1234', givenName: 'Olle', familyName: 'Svensson', age: 40 }] }),
      'GET /api/vaccination/sites': () => json({ sites: [site] }),
      'GET /api/vaccination/products': () => json({ products: [{ code: 'comirnaty', name: 'Comirnaty', vaccine: 'covid-19' }] }),
      'GET /api/vaccination/slots': () => json({ slots }),
      [`POST /api/vaccination/bookings/${BOOKING}/move`]: (req) => {
        if (moveAnswers++ === 0) return problem(409, 'Conflict', { detail: 'Tiden är fullbokad. Nästa lediga tid är 3 december. / The time is fully booked. The next free time is 3 December.', errors: [{ field: 'slotId', message: 'fully booked' }] });
        const moved = { ...booking, slotId: (req.body as { slotId: string }).slotId, startsAt: slots[1]!.startsAt, nextDose: { ...booking.nextDose!, from: '2026-12-23' } };
        current = [moved];
        return json({ bookings: [moved] });
      },
      [`POST /api/vaccination/bookings/${BOOKING}/cancel`]: () => {
        current = [{ ...current[0]!, status: 'cancelled', nextDose: null }];
        return json({ bookings: current });
      },
    });
    return api;
  }

  it('lets the vaccinator move a booking to a free time (showing the server’s problem first) and cancel it after confirming', async () => {
    const api = staffApi('vaccinator');
    renderApp(`/vaccination/person?id=${PERSON}`);
    const card = await screen.findByRole('article', { name: 'Covid-19, dos 1, 2026-12-02 09:15' });
    expect(within(card).getByText('Dos 2 kan bokas från 2026-12-23.')).toBeTruthy();

    fireEvent.click(within(card).getByRole('button', { name: 'Flytta tiden' }));
    const form = within(card).getByRole('form', { name: 'Ny tid för Covid-19, dos 1, 2026-12-02 09:15' });
    expect((within(form).getByLabelText(/^Datum/) as HTMLInputElement).value).toBe('2026-12-02');
    const times = await within(form).findByRole('radiogroup', { name: 'Lediga tider' });
    expect(within(times).getAllByRole('radio')).toHaveLength(1);
    fireEvent.click(within(times).getByRole('radio', { name: '10:30 (1 lediga)' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Flytta till den här tiden' }));
    const refused = await within(form).findByRole('alert');
    expect(within(refused).getByText('Tiden är fullbokad. Nästa lediga tid är 3 december.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/vaccination/bookings/${BOOKING}/move`)[0]?.body).toEqual({ slotId: 's-new' });

    fireEvent.click(within(form).getByRole('button', { name: 'Flytta till den här tiden' }));
    expect(await screen.findByText('Tiden är flyttad till 2026-12-02 10:30 på Vaccinationscentrum Arenan.')).toBeTruthy();
    const moved = await screen.findByRole('article', { name: 'Covid-19, dos 1, 2026-12-02 10:30' });
    expect(within(moved).queryByRole('form')).toBeNull();

    fireEvent.click(within(moved).getByRole('button', { name: 'Avboka' }));
    expect(api.callsTo('POST', `/api/vaccination/bookings/${BOOKING}/cancel`)).toHaveLength(0);
    fireEvent.click(within(moved).getByRole('button', { name: 'Ja, avboka' }));
    expect(await screen.findByText('Tiden är avbokad.')).toBeTruthy();
    expect(await screen.findByText('Inga bokade tider.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/vaccination/my/bookings/${BOOKING}/cancel`)).toHaveLength(0);
    expect(api.callsTo('POST', `/api/vaccination/bookings/${BOOKING}/cancel`)).toHaveLength(1);
  });

  it('shows the call centre the person’s bookings to move or cancel', async () => {
    staffApi('site_manager');
    renderApp('/vaccination/call-centre');
    fireEvent.change(await screen.findByLabelText(/^Personnummer eller namn/), { target: { value: '19860101-1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    const card = await screen.findByRole('article', { name: 'Covid-19, dos 1, 2026-12-02 09:15' });
    expect(within(card).getByRole('button', { name: 'Flytta tiden' })).toBeTruthy();
    expect(within(card).getByRole('button', { name: 'Avboka' })).toBeTruthy();
  });
});
