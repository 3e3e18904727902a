// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../../test-utils.js';
import { described, products, site } from './testData.js';

const arena = site('a0000000-0000-4000-8000-000000000001', 'Conventum Arena');
const lindesberg = site('a0000000-0000-4000-8000-000000000002', 'Vårdcentralen Lindesberg');
const delivery = {
  id: 'd0000000-0000-4000-8000-000000000001',
  productCode: 'comirnaty',
  isoWeek: '2021-W09',
  batchNumber: 'EW1234',
  expiresOn: '2021-03-20',
  vials: 100,
  doses: 600,
  receivedAt: '2021-03-01T08:00:00Z',
  allocatedVials: 15,
  unallocatedVials: 85,
  allocations: [
    { siteId: arena.id, siteName: arena.name, vials: 10, allocatedAt: '2021-03-01T09:00:00Z' },
    { siteId: lindesberg.id, siteName: lindesberg.name, vials: 5, allocatedAt: '2021-03-01T09:00:00Z' },
  ],
};

function coordinatorApi(handlers: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /api/session': () => json(staffSession('vaccine_coordinator', 'Eva Wallin')),
    'GET /api/vaccination/sites': () => json({ sites: [arena, lindesberg] }),
    'GET /api/vaccination/supply/products': () => json(products),
    'GET /api/vaccination/supply/deliveries': () => json({ deliveries: [delivery] }),
    ...handlers,
  });
}

describe('Deliveries page', () => {
  it('lists received batches with what went to which site and what is left', async () => {
    coordinatorApi();
    renderApp('/vaccination/deliveries');
    expect(await screen.findByRole('heading', { level: 1, name: 'Leveranser' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Mottagna leveranser' });
    const row = within(table).getByRole('row', { name: /EW1234/ });
    expect(within(row).getByText('Comirnaty (Pfizer/BioNTech)')).toBeTruthy();
    expect(within(row).getByText('2021-03-20')).toBeTruthy();
    expect(within(row).getByText('Conventum Arena: 10 flaskor')).toBeTruthy();
    expect(within(row).getByText('Vårdcentralen Lindesberg: 5 flaskor')).toBeTruthy();
    expect(within(row).getByText('85')).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Leveranser' })).toBeTruthy();
  });

  it('records a delivery, showing the problem beside the field the API names', async () => {
    const api = coordinatorApi({
      'POST /api/vaccination/supply/deliveries': (req) =>
        (req.body as { expiresOn: string }).expiresOn < '2021-03-01'
          ? problem(400, 'Invalid request', { detail: 'the batch had expired when it was received', errors: [{ field: 'expiresOn', message: 'the batch had expired when it was received' }] })
          : json({ ...delivery, id: 'd2', batchNumber: 'FK5678', vials: 40, doses: 240, allocatedVials: 0, unallocatedVials: 40, allocations: [] }, 201),
    });
    renderApp('/vaccination/deliveries');
    const form = await screen.findByRole('form', { name: 'Registrera mottagen leverans' });
    await within(form).findByRole('option', { name: 'Comirnaty (Pfizer/BioNTech)' });
    fireEvent.change(within(form).getByLabelText(/^Produkt/), { target: { value: 'comirnaty' } });
    fireEvent.change(within(form).getByLabelText(/^Leveransvecka/), { target: { value: '2021-W10' } });
    fireEvent.change(within(form).getByLabelText(/^Batchnummer/), { target: { value: 'FK5678' } });
    const expires = within(form).getByLabelText(/^Sista användningsdag/);
    fireEvent.change(expires, { target: { value: '2021-02-01' } });
    fireEvent.change(within(form).getByLabelText(/^Antal flaskor/), { target: { value: '40' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Registrera leveransen' }));

    await waitFor(() => expect(expires.getAttribute('aria-invalid')).toBe('true'));
    expect(described(expires)).toContain('the batch had expired when it was received');
    expect(within(form).getByRole('alert')).toBeTruthy();
    expect(api.callsTo('POST', '/api/vaccination/supply/deliveries')[0]?.body).toEqual({ productCode: 'comirnaty', isoWeek: '2021-W10', batchNumber: 'FK5678', expiresOn: '2021-02-01', vials: 40 });

    fireEvent.change(expires, { target: { value: '2021-04-30' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Registrera leveransen' }));
    expect(await within(form).findByRole('status')).toHaveProperty('textContent', 'Batch FK5678 är registrerad: 40 flaskor (240 doser).');
    expect(within(form).queryByRole('alert')).toBeNull();
    expect(api.callsTo('POST', '/api/vaccination/supply/deliveries')[1]?.body).toMatchObject({ expiresOn: '2021-04-30' });
  });

  it('allocates vials of a delivery to several sites, showing a problem beside the site it names', async () => {
    let attempts = 0;
    const api = coordinatorApi({
      [`POST /api/vaccination/supply/deliveries/${delivery.id}/allocations`]: () =>
        ++attempts === 1
          ? problem(400, 'Invalid request', { detail: 'not a vaccination site in your region', errors: [{ field: 'allocations.1.siteId', message: 'not a vaccination site in your region' }] })
          : json({ ...delivery, allocatedVials: 20, unallocatedVials: 80 }),
    });
    renderApp('/vaccination/deliveries');
    const form = await screen.findByRole('form', { name: 'Fördela flaskor till mottagningar' });
    await within(form).findByRole('option', { name: 'EW1234 (Comirnaty (Pfizer/BioNTech)), 85 flaskor kvar' });
    fireEvent.change(within(form).getByLabelText(/^Leverans/), { target: { value: delivery.id } });
    await within(form).findAllByRole('option', { name: arena.name });
    fireEvent.change(within(form).getByLabelText(/^Mottagning 1/), { target: { value: arena.id } });
    fireEvent.change(within(form).getByLabelText(/^Flaskor till mottagning 1/), { target: { value: '3' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lägg till mottagning' }));
    fireEvent.change(within(form).getByLabelText(/^Mottagning 2/), { target: { value: lindesberg.id } });
    fireEvent.change(within(form).getByLabelText(/^Flaskor till mottagning 2/), { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Fördela flaskorna' }));

    const second = within(form).getByLabelText(/^Mottagning 2/);
    await waitFor(() => expect(second.getAttribute('aria-invalid')).toBe('true'));
    expect(described(second)).toContain('not a vaccination site in your region');
    expect(within(form).getByLabelText(/^Mottagning 1/).getAttribute('aria-invalid')).not.toBe('true');
    expect(api.callsTo('POST', `/api/vaccination/supply/deliveries/${delivery.id}/allocations`)[0]?.body).toEqual({
      allocations: [
        { siteId: arena.id, vials: 3 },
        { siteId: lindesberg.id, vials: 2 },
      ],
    });

    fireEvent.click(within(form).getByRole('button', { name: 'Fördela flaskorna' }));
    expect(await within(form).findByRole('status')).toHaveProperty('textContent', '5 flaskor av batch EW1234 är fördelade, 80 kvar att fördela.');
    await waitFor(() => expect(api.callsTo('GET', '/api/vaccination/supply/deliveries').length).toBeGreaterThanOrEqual(2));
  });
});
