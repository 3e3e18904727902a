// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../../test-utils.js';
import type { RecordBooking, Site, StaffPersonRecord } from './vaccinationApi.js';

const PERSON = 'a0000000-0000-4000-8000-000000000001';
const BOOKING = 'b0000000-0000-4000-8000-000000000001';
const ARENA = 'c0000000-0000-4000-8000-000000000001';
const BUS = 'c0000000-0000-4000-8000-000000000002';
const CENTRE = 'c0000000-0000-4000-8000-000000000003';

const site = (id: string, name: string): Site => ({ id, name, kind: 'mass_centre', municipalityCode: '1880', postalCode: '70210', streetAddress: null, vaccines: ['covid-19'], slotMinutes: 15, active: true, bookable: true });
const booking: RecordBooking = {
  id: BOOKING,
  visitId: 'v1',
  personId: PERSON,
  siteId: ARENA,
  siteName: 'Arenan',
  slotId: 's1',
  vaccine: 'covid-19',
  doseNumber: 1,
  startsAt: '2026-12-02T08:15:00.000Z',
  status: 'booked',
  channel: 'self',
  bookedAt: '2026-11-20T10:00:00.000Z',
  cancelledAt: null,
  nextDose: null,
};
const eligibility = {
  covid: { eligible: true, recommendationId: 'r1', vaccine: 'covid-19', doseNumber: 1, from: '2026-11-20', reason: 'Du kan få dos 1 nu.' },
  influenza: { eligible: false, recommendationId: null, vaccine: 'influenza', doseNumber: null, from: null, reason: 'Ingen rekommendation.' },
};
const record: StaffPersonRecord = { person: { id: PERSON, name: 'Olle Svensson', identityNumber: '19860101-1234', age: 40 }, riskGroup: false, eligibility, bookings: [booking], doses: [] };

function api(answer: () => ReturnType<typeof json>) {
  return mockApi({
    'GET /api/session': () => json(staffSession('vaccinator', 'Lena Sjöberg')),
    [`GET /api/vaccination/persons/${PERSON}`]: () => json(record),
    'GET /api/vaccination/sites': () => json({ sites: [site(ARENA, 'Arenan'), site(BUS, 'Bussen'), site(CENTRE, 'Centrum')] }),
    'GET /api/vaccination/products': () => json({ products: [{ code: 'comirnaty', name: 'Comirnaty', vaccine: 'covid-19' }] }),
    'POST /api/vaccination/doses': answer,
  });
}

describe('recording a dose', () => {
  it('says so when the dose is given at another site than booked with a vial from a third site’s stock', async () => {
    const calls = api(() => json({ dose: { id: 'd1', personId: PERSON, siteId: BUS, siteName: 'Bussen', vaccine: 'covid-19', productCode: 'comirnaty', productName: 'Comirnaty', batchNumber: 'EW0001', doseNumber: 1, administeredAt: '2026-12-02T08:20:00.000Z', bookingId: BOOKING }, next: { ...eligibility.covid, eligible: false, doseNumber: null, from: null, suggestedSlot: null } }, 201));
    renderApp(`/vaccination/person?id=${PERSON}&booking=${BOOKING}&site=${ARENA}`);
    const form = await screen.findByRole('form', { name: 'Registrera dos' });
    // At the booked site there is nothing to explain.
    expect(within(form).queryByLabelText(/inte på den bokade platsen/)).toBeNull();
    await within(form).findByRole('option', { name: 'Bussen' });
    fireEvent.change(within(form).getByLabelText('Vaccinationsplats'), { target: { value: BUS } });
    fireEvent.click(within(form).getByLabelText('Dosen ges här, inte på den bokade platsen (Arenan)'));
    fireEvent.click(within(form).getByLabelText('Batchen kommer från en annan vaccinationsplats lager'));
    const from = within(form).getByLabelText('Vaccinationsplats som batchen kommer från') as HTMLSelectElement;
    expect([...from.options].map((o) => o.text)).toEqual(['Arenan', 'Centrum']);
    fireEvent.change(from, { target: { value: CENTRE } });
    fireEvent.change(within(form).getByLabelText(/^Batchnummer/), { target: { value: 'EW0001' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Registrera dosen' }));
    expect(await screen.findByText('Dosen är registrerad')).toBeTruthy();
    expect(calls.callsTo('POST', '/api/vaccination/doses')[0]!.body).toEqual({
      personId: PERSON,
      bookingId: BOOKING,
      siteId: BUS,
      vaccine: 'covid-19',
      productCode: 'comirnaty',
      batchNumber: 'EW0001',
      doseNumber: 1,
      deviations: ['given_elsewhere', 'batch_from_other_site'],
      batchSiteId: CENTRE,
    });
  });

  it('shows the server’s refusal of the batch at the batch number, in Swedish', async () => {
    api(() => problem(400, 'Invalid request', { detail: 'batchNumber: ingen leverans har batchnummer NOSUCH123 / no delivery has batch number NOSUCH123', errors: [{ field: 'batchNumber', message: 'ingen leverans har batchnummer NOSUCH123 / no delivery has batch number NOSUCH123' }] }));
    renderApp(`/vaccination/person?id=${PERSON}&booking=${BOOKING}&site=${ARENA}`);
    const form = await screen.findByRole('form', { name: 'Registrera dos' });
    const batch = within(form).getByLabelText(/^Batchnummer/);
    fireEvent.change(batch, { target: { value: 'NOSUCH123' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Registrera dosen' }));
    expect(await within(form).findByRole('alert')).toBeTruthy();
    expect(batch.getAttribute('aria-invalid')).toBe('true');
    expect(within(form).getAllByText('ingen leverans har batchnummer NOSUCH123').length).toBeGreaterThan(0);
  });
});
