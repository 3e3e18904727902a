// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp, staffSession } from '../test-utils.js';

const CASE_ID = 'c0000000-0000-4000-8000-000000000001';
const overdueCase = {
  id: CASE_ID,
  personId: 'p1',
  name: 'Eva Berg',
  phone: '070-123 45 67',
  priority: 1,
  priorityReason: 'Arbetar på äldreboende',
  openedAt: '2026-03-01T08:00:00.000Z',
  questionnaireDueAt: '2026-03-01T20:00:00.000Z',
  firstCallDueAt: '2026-03-02T08:00:00.000Z',
  overdue: true,
  possibleReinfection: true,
  stage: 'unassigned',
  unreachedCalls: 0,
  lastCallAt: null,
  callBackAt: null,
  assignedTo: null,
  assignedToName: null,
};
const schoolCase = {
  ...overdueCase,
  id: 'c0000000-0000-4000-8000-000000000002',
  personId: 'p2',
  name: 'Nils Ek',
  priority: 2,
  priorityReason: 'Elev i grundskola',
  overdue: false,
  possibleReinfection: false,
  stage: 'trying',
  unreachedCalls: 2,
  lastCallAt: '2026-03-02T08:30:00.000Z',
  assignedTo: 'staff-9',
  assignedToName: 'Lena Holm',
};

describe('Tracing queue', () => {
  it('tracer: shows priority, reason, where each case stands and the overdue badge, asks for own cases and takes a case', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('tracer', 'Lena Holm')),
      'GET /api/tracing/queue': () => json({ cases: [overdueCase, schoolCase], nextCursor: null }),
      [`POST /api/tracing/cases/${CASE_ID}/take`]: () => json({ id: CASE_ID, assignedTo: 'staff-1', takenAt: '2026-03-02T09:00:00.000Z' }),
    });
    renderApp('/tracing');
    expect(await screen.findByRole('heading', { level: 1, name: 'Smittspårning – ärendekö' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Ärenden i kön' });
    const row = within(table).getByRole('row', { name: /Eva Berg/ });
    expect(within(row).getByText('1 · Vård och omsorg')).toBeTruthy();
    expect(within(row).getByText('Arbetar på äldreboende')).toBeTruthy();
    expect(within(row).getByText('Försenad')).toBeTruthy();
    expect(within(row).getByText('Möjlig reinfektion')).toBeTruthy();
    expect(within(row).getByText('Ej tilldelad')).toBeTruthy();
    expect(within(row).getByText('Ej tagen')).toBeTruthy();
    const other = within(table).getByRole('row', { name: /Nils Ek/ });
    expect(within(other).getByText('2 · Skola')).toBeTruthy();
    expect(within(other).queryByText('Försenad')).toBeNull();
    expect(within(other).getByText('Lena Holm')).toBeTruthy();
    expect(within(other).getByText('2 samtal utan svar')).toBeTruthy();
    expect(within(other).getByRole('link', { name: 'Öppna ärendet för Nils Ek' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Fördela ofördelade ärenden' })).toBeNull();

    const first = api.callsTo('GET', '/api/tracing/queue')[0];
    expect(first?.query.get('mine')).toBe('true');
    expect(first?.query.get('limit')).toBe('50');

    fireEvent.click(within(row).getByRole('button', { name: 'Ta ärendet för Eva Berg' }));
    expect(await screen.findByText('Ärendet för Eva Berg är ditt.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/tracing/cases/${CASE_ID}/take`)[0]?.body).toEqual({});
    expect(api.callsTo('GET', '/api/tracing/queue').length).toBeGreaterThanOrEqual(2);

    fireEvent.click(screen.getByLabelText('Alla'));
    await screen.findByRole('table', { name: 'Ärenden i kön' });
    expect(api.callsTo('GET', '/api/tracing/queue').some((c) => c.query.get('mine') === 'false')).toBe(true);
  });

  it('coordinator: distributes the unassigned cases and assigns one case', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('tracing_coordinator', 'Maria Lund')),
      'GET /api/tracing/queue': () => json({ cases: [overdueCase], nextCursor: null }),
      'GET /api/tracing/tracers': () =>
        json({ tracers: [{ id: 'staff-9', name: 'Lena Holm', openCases: 3 }, { id: 'staff-8', name: 'Omar Said', openCases: 1 }] }),
      'POST /api/tracing/assign-balanced': () =>
        json({ assigned: 5, perTracer: [{ staffId: 'staff-9', name: 'Lena Holm', count: 2 }, { staffId: 'staff-8', name: 'Omar Said', count: 3 }] }),
      [`POST /api/tracing/cases/${CASE_ID}/assign`]: () => json({ id: CASE_ID, assignedTo: 'staff-8' }),
    });
    renderApp('/tracing');
    await screen.findByRole('table', { name: 'Ärenden i kön' });
    expect(api.callsTo('GET', '/api/tracing/queue')[0]?.query.get('mine')).toBe('false');

    fireEvent.click(screen.getByRole('button', { name: 'Fördela ofördelade ärenden' }));
    const result = await screen.findByRole('status');
    expect(within(result).getByText('5 ärenden fördelades.')).toBeTruthy();
    expect(within(result).getByText('Omar Said: 3')).toBeTruthy();
    expect(api.callsTo('POST', '/api/tracing/assign-balanced')[0]?.body).toEqual({});

    const select = await screen.findByLabelText('Tilldela Eva Berg');
    await within(select).findByRole('option', { name: 'Omar Said (1 öppna)' });
    fireEvent.change(select, { target: { value: 'staff-8' } });
    fireEvent.click(screen.getByRole('button', { name: 'Tilldela ärendet för Eva Berg' }));
    expect(await screen.findByText('Ärendet för Eva Berg är tilldelat Omar Said.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/tracing/cases/${CASE_ID}/assign`)[0]?.body).toEqual({ staffId: 'staff-8' });
  });
});
