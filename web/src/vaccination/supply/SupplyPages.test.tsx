// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp, staffSession } from '../../test-utils.js';

const coverage = {
  by: 'municipality',
  dose: 1,
  asOf: '2021-03-28',
  overall: { population: 40, vaccinated: 22, coverage: 0.55 },
  lowThreshold: 0.44,
  rows: [
    { key: '1861', label: 'Hallsberg', population: 20, vaccinated: [4, 0, 0, 0], coverage: [0.2, 0, 0, 0], low: true, suppressed: false },
    { key: '1880', label: 'Örebro', population: 20, vaccinated: [18, 18, 0, 0], coverage: [0.9, 0.9, 0, 0], low: false, suppressed: false },
  ],
  weeks: ['2021-W11', '2021-W12'],
  series: [{ key: '1861', label: 'Hallsberg', points: [{ week: '2021-W11', vaccinated: 4, coverage: 0.2 }, { week: '2021-W12', vaccinated: 4, coverage: 0.2 }] }],
};

describe('Vaccination coverage page', () => {
  it('shows coverage per group with the low ones marked, asks for the chosen grouping and offers CSV/XLSX', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('vaccine_coordinator', 'Maria Lund')),
      'GET /api/vaccination/coverage': () => json(coverage),
    });
    renderApp('/vaccination/coverage');
    expect(await screen.findByRole('heading', { level: 1, name: 'Vaccinationstäckning' }, { timeout: 15_000 })).toBeTruthy();
    const table = await screen.findByRole('table', { name: /Täckning per grupp den 2021-03-28/ });
    const low = within(table).getByRole('row', { name: /Hallsberg/ });
    expect(within(low).getByText('Låg täckning')).toBeTruthy();
    expect(within(within(table).getByRole('row', { name: /Örebro/ })).queryByText('Låg täckning')).toBeNull();
    expect(screen.getByText(/Hela området: 55,0\s?% har minst 1 dos/)).toBeTruthy();
    expect(api.callsTo('GET', '/api/vaccination/coverage')[0]?.query.get('by')).toBe('ageGroup');
    fireEvent.click(screen.getByRole('button', { name: 'Ladda ner' }));
    const csv = await screen.findByRole('menuitem', { name: /CSV ;/ });
    expect(csv.getAttribute('href')).toContain('/api/vaccination/coverage.csv?by=ageGroup&dose=1');
    expect(csv.getAttribute('href')).toContain('separator=semicolon&lang=sv');
    expect(screen.getByRole('menuitem', { name: 'PDF-rapport' }).getAttribute('href')).toContain('/api/vaccination/coverage.pdf?by=ageGroup&dose=1');
  });
});

describe('Vaccination for analysts', () => {
  it.each(['analyst', 'national_analyst'] as const)('opens the %s on coverage, with no pages about individuals to reach', async (role) => {
    mockApi({
      'GET /api/session': () => json(staffSession(role)),
      'GET /api/vaccination/coverage': () => json(coverage),
    });
    renderApp('/vaccination');
    expect(await screen.findByRole('heading', { level: 1, name: 'Vaccinationstäckning' }, { timeout: 15_000 })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Vaccinationens sidor' })).toBeNull();
  });
});

describe('NVR page', () => {
  it('lists doses not accepted with reservnummer flagged and lets the coordinator send a rejected one again', async () => {
    const doseId = 'd0000000-0000-4000-8000-000000000001';
    const api = mockApi({
      'GET /api/session': () => json(staffSession('vaccine_coordinator', 'Maria Lund')),
      'GET /api/vaccination/nvr/pending': () =>
        json({
          counts: { queued: 1, sent: 0, accepted: 10, rejected: 1, notAcceptedOnReservnummer: 1 },
          doses: [
            { doseId, person: 'Greta Ä., 19400402-****', reservnummer: true, status: 'rejected', attempt: 1, vaccine: 'covid-19', doseNumber: 1, administeredAt: '2021-03-02T09:00:00Z', siteName: 'Conventum', queuedAt: '2021-03-02T09:00:00Z', rejection: 'nvr-webhook: HTTP 422 batch unknown', deliveryAttempts: 1, lastError: null, nextAttemptAt: null, deliveryFailed: false },
            { doseId: 'd2', person: 'Nils E., 19500101-****', reservnummer: false, status: 'queued', attempt: 1, vaccine: 'covid-19', doseNumber: 2, administeredAt: '2021-03-02T10:00:00Z', siteName: 'Conventum', queuedAt: '2021-03-02T10:00:00Z', rejection: null, deliveryAttempts: 3, lastError: 'nvr-webhook: HTTP 503', nextAttemptAt: '2021-03-02T10:05:00Z', deliveryFailed: false },
          ],
        }),
      [`POST /api/vaccination/nvr/doses/${doseId}/resend`]: () => json({ doseId, status: 'queued', attempt: 2 }),
    });
    renderApp('/vaccination/nvr');
    const table = await screen.findByRole('table', { name: 'Doser som inte är godkända' });
    const rejected = within(table).getByRole('row', { name: /Greta/ });
    expect(within(rejected).getByText('Reservnummer')).toBeTruthy();
    expect(within(rejected).getByText('Avvisad')).toBeTruthy();
    expect(within(rejected).getByText(/HTTP 422/)).toBeTruthy();
    const queued = within(table).getByRole('row', { name: /Nils/ });
    expect(within(queued).getByText(/HTTP 503/)).toBeTruthy();
    expect(within(queued).queryByRole('button')).toBeNull();
    fireEvent.click(within(rejected).getByRole('button', { name: 'Skicka dos igen för Greta Ä., 19400402-****' }));
    await waitFor(() => expect(api.callsTo('POST', `/api/vaccination/nvr/doses/${doseId}/resend`)).toHaveLength(1));
    await waitFor(() => expect(api.callsTo('GET', '/api/vaccination/nvr/pending').length).toBeGreaterThanOrEqual(2));
  });
});
