// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../test-utils.js';

describe('Testing section (staff)', () => {
  it('lab: reports a result and shows a refusal with its reason', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('lab', 'Johan Ek', 'Laboratoriemedicin')),
      'POST /api/testing/lab/results': (req) =>
        (req.body as { result: string }).result === 'positive'
          ? json({ status: 'accepted', sampleId: 's1' })
          : problem(409, 'Conflict', { detail: 'the sample already has the answer positive; a correction must go through the lab\'s correction routine', errors: [{ field: 'result', message: 'x' }] }),
    });
    renderApp('/testing/results');
    expect(await screen.findByRole('heading', { level: 1, name: 'Registrera provsvar' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText(/^Kit-id/), { target: { value: 'ABCD-EFGH-JKMN-P' } });
    fireEvent.click(screen.getByLabelText('Positiv'));
    fireEvent.change(screen.getByLabelText(/Metod/), { target: { value: 'RT-PCR' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrera svaret' }));
    expect(await screen.findByText('Svaret är registrerat och skickas till personen.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/testing/lab/results')[0]?.body).toEqual({ kitCode: 'ABCD-EFGH-JKMN-P', testType: 'pcr', result: 'positive', method: 'RT-PCR' });

    fireEvent.click(screen.getByLabelText('Negativ'));
    fireEvent.click(screen.getByRole('button', { name: 'Registrera svaret' }));
    expect(await screen.findByText('Avvisat')).toBeTruthy();
    expect(await screen.findByText(/Orsak: the sample already has the answer positive/)).toBeTruthy();
  });

  it('lab: issues kits and shows a QR label with the code under it', async () => {
    mockApi({
      'GET /api/session': () => json(staffSession('lab', 'Johan Ek')),
      'POST /api/testing/kits': () => json({ batch: '2026-W10-AB12', testType: 'pcr', kits: ['ABCD-EFGH-JKMN-P', 'QRST-VWXY-Z012-3'] }, 201),
    });
    renderApp('/testing/kits');
    fireEvent.change(await screen.findByLabelText(/Antal kit/), { target: { value: '2' } });
    fireEvent.click(screen.getByRole('button', { name: 'Skapa kit' }));
    const labels = await screen.findByRole('list', { name: 'Etiketter' });
    expect(within(labels).getByText('ABCD-EFGH-JKMN-P')).toBeTruthy();
    expect(screen.getByText('Batch 2026-W10-AB12: 2 kit för PCR-test.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Skriv ut etiketterna' })).toBeTruthy();
  });

  it('sampler: shows the server field error when the identity number is invalid', async () => {
    mockApi({
      'GET /api/session': () => json(staffSession('sampler', 'Karin Lindqvist')),
      'GET /api/testing/slots': () => json({ slots: [] }),
      'GET /api/persons': () => problem(400, 'Invalid request', { detail: 'identityNumber: not a valid identity number', errors: [{ field: 'identityNumber', message: 'not a valid identity number' }] }),
    });
    renderApp('/testing/book');
    fireEvent.change(await screen.findByLabelText(/^Personnummer/), { target: { value: '19900101-0000' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Personnummer')).toBeTruthy();
    expect(within(alert).getByText(/not a valid identity number/)).toBeTruthy();
  });

  it('analyst sees only a link to the statistics', async () => {
    mockApi({ 'GET /api/session': () => json(staffSession('analyst', 'Sofia Engström')) });
    renderApp('/testing');
    expect(await screen.findByRole('heading', { level: 1, name: 'Provtagning' })).toBeTruthy();
    expect(screen.getByRole('link', { name: 'Till provtagningsstatistiken' }).getAttribute('href')).toBe('/testing/statistics');
    expect(screen.queryByRole('navigation', { name: 'Provtagningens sidor' })).toBeNull();
  });
});
