// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../../test-utils.js';
import { described, products, site } from './testData.js';

const arena = site('a0000000-0000-4000-8000-000000000001', 'Conventum Arena');
const bus = site('a0000000-0000-4000-8000-000000000002', 'Vaccinationsbussen');
const deliveryId = 'd0000000-0000-4000-8000-000000000001';
const vialId = 'f0000000-0000-4000-8000-000000000001';
const batch = { deliveryId, productCode: 'comirnaty', batchNumber: 'EW1234', expiresOn: '2021-03-20', dosesPerVial: 6, allocated: 10, opened: 1, wasted: 2, unopened: 7, expired: false, expectedDoses: 42 };
const stock = {
  today: '2021-03-01',
  sites: [
    { siteId: arena.id, siteName: arena.name, unopenedVials: 7, expectedDoses: 42, batches: [batch], openVials: [{ id: vialId, deliveryId, batchNumber: 'EW1234', productCode: 'comirnaty', nominalDoses: 6, openedAt: '2021-03-01T08:15:00Z' }] },
  ],
};
const summary = { vialsOpened: 3, plannedDoses: 30, given: 17, extra: 1, wastedFromOpened: 1, wholeVialsLost: 2, wastedWholeVials: 12, wasted: 13, wastageShare: 13 / 30 };
const wastage = { from: '2021-02-23', to: '2021-03-01', rows: [{ siteId: arena.id, siteName: arena.name, productCode: 'comirnaty', ...summary }], total: summary };

function vaccinatorApi(handlers: Parameters<typeof mockApi>[0] = {}) {
  return mockApi({
    'GET /api/session': () => json(staffSession('vaccinator', 'Lena Sjöberg')),
    'GET /api/vaccination/sites': () => json({ sites: [bus, arena] }),
    'GET /api/vaccination/supply/stock': () => json(stock),
    'GET /api/vaccination/supply/products': () => json(products),
    'GET /api/vaccination/supply/wastage': () => json(wastage),
    ...handlers,
  });
}

describe('Vials page', () => {
  it("shows the site's unopened vials per batch, its open vials and the period's wastage; opens a vial", async () => {
    const api = vaccinatorApi({ 'POST /api/vaccination/supply/vials': () => json({ id: 'v2', siteId: arena.id, deliveryId, batchNumber: 'EW1234', nominalDoses: 6, openedAt: '2021-03-01T09:00:00Z' }, 201) });
    renderApp('/vaccination/vials');
    expect(await screen.findByRole('heading', { level: 1, name: 'Flaskor och kassation' })).toBeTruthy();
    // The first site with stock is chosen, not the first in the list.
    await waitFor(() => expect((screen.getByLabelText('Mottagning') as HTMLSelectElement).value).toBe(arena.id));
    const batches = await screen.findByRole('table', { name: 'Oöppnade flaskor per batch' });
    const row = within(batches).getByRole('row', { name: /EW1234/ });
    expect(within(row).getByText('7')).toBeTruthy();
    expect(screen.getByRole('form', { name: 'Flaska av batch EW1234, öppnad 2021-03-01 09:15' })).toBeTruthy();

    const report = await screen.findByRole('table', { name: 'Kassation 2021-02-23–2021-03-01 per mottagning och produkt' });
    expect(within(report).getByRole('row', { name: /Conventum Arena Comirnaty \(Pfizer\/BioNTech\) 3 30 17 1 1 2 13 43,3\s?%/ })).toBeTruthy();
    expect(within(report).getByRole('row', { name: /Hela regionen 3 30 17/ })).toBeTruthy();
    const asked = api.callsTo('GET', '/api/vaccination/supply/wastage')[0]!.query;
    expect(asked.get('from')! <= asked.get('to')!).toBe(true);

    fireEvent.click(within(row).getByRole('button', { name: 'Öppna en flaska av batch EW1234' }));
    expect(await screen.findByText('En flaska av batch EW1234 är öppnad (6 doser planerade).')).toBeTruthy();
    expect(api.callsTo('POST', '/api/vaccination/supply/vials')[0]?.body).toEqual({ siteId: arena.id, deliveryId });
    await waitFor(() => expect(api.callsTo('GET', '/api/vaccination/supply/stock').length).toBeGreaterThanOrEqual(2));
  });

  it('closes a vial with the doses drawn (the planned doses by default), showing a problem beside its field', async () => {
    const api = vaccinatorApi({
      [`POST /api/vaccination/supply/vials/${vialId}/close`]: (req) => {
        const body = req.body as { dosesDrawn: number; dosesDiscarded: number };
        if (body.dosesDrawn > 8) return problem(400, 'Invalid request', { detail: 'too many', errors: [{ field: 'dosesDrawn', message: 'at most 8 doses can be drawn from a vial planned for 6' }] });
        return json({ id: vialId, nominalDoses: 6, ...body, given: body.dosesDrawn - body.dosesDiscarded, wasted: 0, extra: 0 });
      },
    });
    renderApp('/vaccination/vials');
    const form = await screen.findByRole('form', { name: /^Flaska av batch EW1234/ });
    const drawn = within(form).getByLabelText('Uttagna doser') as HTMLInputElement;
    expect(drawn.value).toBe('6');
    fireEvent.change(drawn, { target: { value: '9' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Stäng flaskan' }));
    await waitFor(() => expect(drawn.getAttribute('aria-invalid')).toBe('true'));
    expect(described(drawn)).toContain('at most 8 doses can be drawn from a vial planned for 6');

    fireEvent.change(drawn, { target: { value: '7' } });
    fireEvent.change(within(form).getByLabelText('Kasserade doser'), { target: { value: '1' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Stäng flaskan' }));
    expect(await screen.findByText('Flaskan av batch EW1234 är stängd: 6 doser givna, 0 av 6 planerade doser gick förlorade, 0 extra.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/vaccination/supply/vials/${vialId}/close`).map((c) => c.body)).toEqual([
      { dosesDrawn: 9, dosesDiscarded: 0 },
      { dosesDrawn: 7, dosesDiscarded: 1 },
    ]);
  });

  it('records whole vials lost with the reason, showing a problem beside its field', async () => {
    let attempts = 0;
    const api = vaccinatorApi({
      'POST /api/vaccination/supply/wastage': () =>
        ++attempts === 1 ? problem(400, 'Invalid request', { detail: 'only 7', errors: [{ field: 'vials', message: 'only 7 unopened vials of this batch are at the site' }] }) : json({ id: 'w1', vials: 2, reason: 'cold_chain', unopenedLeft: 5 }, 201),
    });
    renderApp('/vaccination/vials');
    const form = await screen.findByRole('form', { name: 'Registrera kasserade flaskor' });
    await within(form).findByRole('option', { name: 'EW1234 (Comirnaty (Pfizer/BioNTech))' });
    fireEvent.change(within(form).getByLabelText(/^Batch/), { target: { value: deliveryId } });
    const vials = within(form).getByLabelText(/^Antal flaskor/);
    fireEvent.change(vials, { target: { value: '20' } });
    fireEvent.change(within(form).getByLabelText(/^Orsak/), { target: { value: 'cold_chain' } });
    fireEvent.change(within(form).getByLabelText('Anteckning'), { target: { value: 'Kylskåpet larmade' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Registrera kassationen' }));
    await waitFor(() => expect(vials.getAttribute('aria-invalid')).toBe('true'));
    expect(described(vials)).toContain('only 7 unopened vials of this batch are at the site');
    expect(api.callsTo('POST', '/api/vaccination/supply/wastage')[0]?.body).toEqual({ siteId: arena.id, deliveryId, vials: 20, reason: 'cold_chain', note: 'Kylskåpet larmade' });

    fireEvent.change(vials, { target: { value: '2' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Registrera kassationen' }));
    expect(await within(form).findByRole('status')).toHaveProperty('textContent', '2 flaskor är registrerade som kasserade, 5 oöppnade kvar av batchen.');
  });

  it('is in the vaccinator’s menu; the coordinator has deliveries instead', async () => {
    vaccinatorApi();
    renderApp('/vaccination/vials');
    const nav = await screen.findByRole('navigation', { name: 'Vaccinationens sidor' });
    expect(within(nav).getByRole('link', { name: 'Flaskor och kassation' }).getAttribute('href')).toBe('/vaccination/vials');
    expect(within(nav).queryByRole('link', { name: 'Leveranser' })).toBeNull();
  });
});
