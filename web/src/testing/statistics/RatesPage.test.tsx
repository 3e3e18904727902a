// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../../test-utils.js';

const rates = [
  { testType: 'pcr', validFrom: '2021-01-01', validTo: '2021-12-31', sek: 1400, staffCollectedOnly: false, source: 'Överenskommelse 2021', setBy: null, setAt: null },
  { testType: 'pcr', validFrom: '2022-01-01', validTo: null, sek: 1100, staffCollectedOnly: false, source: 'Överenskommelse 2022', setBy: null, setAt: null },
];

describe('RatesPage', () => {
  it('shows the rates with their history, and lets the national analyst set a new one from a day', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('national_analyst')),
      'GET /api/testing/reimbursement-rates': () => json({ rates }),
      'POST /api/testing/reimbursement-rates': () => problem(409, 'validFrom: a rate already applies from 2022-01-01; a change must take effect on a later day'),
    });
    renderApp('/testing/statistics/rates');
    const table = await screen.findByRole('table', { name: 'Schablonbelopp per testtyp, äldst först' });
    expect(within(table).getAllByRole('row')[2]!.textContent).toContain('tills vidare');
    expect(within(table).getAllByRole('row')[1]!.textContent).toContain('2021-12-31');

    const form = screen.getByRole('form', { name: 'Nytt belopp från en dag' });
    fireEvent.change(within(form).getByLabelText(/Gäller från/), { target: { value: '2022-01-01' } });
    fireEvent.change(within(form).getByLabelText(/Belopp/), { target: { value: '900' } });
    fireEvent.change(within(form).getByLabelText(/Källa/), { target: { value: 'Ändrad överenskommelse' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Spara nytt belopp' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/testing/reimbursement-rates')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/testing/reimbursement-rates')[0]!.body).toEqual({ testType: 'pcr', validFrom: '2022-01-01', sek: 900, staffCollectedOnly: false, source: 'Ändrad överenskommelse' });
    expect(await within(form).findByText(/a rate already applies from 2022-01-01/)).toBeTruthy();
  });

  it('shows a regional analyst the rates without the form', async () => {
    mockApi({ 'GET /api/session': () => json(staffSession('analyst')), 'GET /api/testing/reimbursement-rates': () => json({ rates }) });
    renderApp('/testing/statistics/rates');
    await screen.findByRole('table', { name: 'Schablonbelopp per testtyp, äldst först' });
    expect(screen.queryByRole('form', { name: 'Nytt belopp från en dag' })).toBeNull();
  });
});
