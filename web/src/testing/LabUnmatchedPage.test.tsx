// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../test-utils.js';

const HELD_ID = '7f1c2a9e-3b4d-4c5e-8f60-1a2b3c4d5e6f';
const held = {
  id: HELD_ID,
  importId: 'a0000000-0000-4000-8000-000000000001',
  line: 12,
  kitCode: 'ABCD-EFGH-JKMN-X',
  testType: 'pcr',
  result: 'positive',
  resultAt: '2026-03-02T09:30:00.000Z',
  method: 'RT-PCR',
  status: 'held',
  matchedSampleId: null,
};

describe('LabUnmatchedPage', () => {
  it('lists a held result and matches it with the typed kit id', async () => {
    let results = [held];
    const api = mockApi({
      'GET /api/session': () => json(staffSession('lab', 'Johan Ek', 'Laboratoriemedicin')),
      'GET /api/testing/lab/unmatched': () => json({ results }),
      [`POST /api/testing/lab/unmatched/${HELD_ID}/match`]: () => {
        results = [];
        return json({ id: HELD_ID, sampleId: 's1', outcome: 'accepted' });
      },
    });
    renderApp('/testing/unmatched');
    expect(await screen.findByRole('heading', { level: 1, name: 'Provsvar att matcha' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Provsvar som väntar på matchning' });
    const row = within(table).getByRole('row', { name: /ABCD-EFGH-JKMN-X/ });
    expect(within(row).getByText('PCR-test')).toBeTruthy();
    expect(within(row).getByText('Positiv')).toBeTruthy();
    expect(within(row).getByText('12')).toBeTruthy();
    expect(api.callsTo('GET', '/api/testing/lab/unmatched')[0]?.query.get('status')).toBe('held');
    expect(screen.getByRole('link', { name: 'Provsvar att matcha' }).getAttribute('aria-current')).toBe('page');

    fireEvent.change(within(row).getByLabelText(/^Rätt kit-id för ABCD-EFGH-JKMN-X/), { target: { value: ' ABCD-EFGH-JKMN-P ' } });
    fireEvent.click(within(row).getByRole('button', { name: /^Matcha/ }));

    expect(await screen.findByText('Svaret för ABCD-EFGH-JKMN-X är matchat mot provet med kit-id ABCD-EFGH-JKMN-P.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/testing/lab/unmatched/${HELD_ID}/match`)[0]?.body).toEqual({ kitCode: 'ABCD-EFGH-JKMN-P' });
    expect(await screen.findByText('Inga provsvar väntar på matchning.')).toBeTruthy();
    expect(api.callsTo('GET', '/api/testing/lab/unmatched').length).toBeGreaterThanOrEqual(2);
  });

  it('shows the detail of a 409 problem and keeps the row', async () => {
    mockApi({
      'GET /api/session': () => json(staffSession('lab', 'Johan Ek')),
      'GET /api/testing/lab/unmatched': () => json({ results: [held] }),
      [`POST /api/testing/lab/unmatched/${HELD_ID}/match`]: () =>
        problem(409, 'Conflict', { detail: 'the sample already has the answer negative; a correction must go through the lab\'s correction routine' }),
    });
    renderApp('/testing/unmatched');
    fireEvent.change(await screen.findByLabelText(/^Rätt kit-id för ABCD-EFGH-JKMN-X/), { target: { value: 'ABCD-EFGH-JKMN-P' } });
    fireEvent.click(screen.getByRole('button', { name: /^Matcha/ }));
    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText('Svaret kunde inte matchas')).toBeTruthy();
    expect(within(alert).getByText(/Serverns svar: the sample already has the answer negative/)).toBeTruthy();
    expect(screen.getByRole('row', { name: /ABCD-EFGH-JKMN-X/ })).toBeTruthy();
  });

  it('says so when no results are held', async () => {
    mockApi({
      'GET /api/session': () => json(staffSession('lab', 'Johan Ek')),
      'GET /api/testing/lab/unmatched': () => json({ results: [] }),
    });
    renderApp('/testing/unmatched');
    expect(await screen.findByText('Inga provsvar väntar på matchning.')).toBeTruthy();
    expect(screen.queryByRole('table')).toBeNull();
  });
});
