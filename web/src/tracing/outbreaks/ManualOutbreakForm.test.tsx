// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../../test-utils.js';

const CASE_ID = 'c0000000-0000-4000-8000-000000000001';
const queueCase = {
  id: CASE_ID,
  personId: 'p1',
  name: 'Eva Berg',
  phone: null,
  priority: 4,
  priorityReason: 'Övriga',
  openedAt: '2026-03-01T08:00:00.000Z',
  questionnaireDueAt: '2026-03-01T20:00:00.000Z',
  firstCallDueAt: '2026-03-02T08:00:00.000Z',
  overdue: false,
  possibleReinfection: false,
  stage: 'unassigned',
  unreachedCalls: 0,
  lastCallAt: null,
  callBackAt: null,
  assignedTo: null,
  assignedToName: null,
};

describe('Creating an outbreak by hand (tracing coordinator)', () => {
  it('sends the name, setting, place, start day and chosen cases, and shows the server’s problem at its field first', async () => {
    let refuse = true;
    const api = mockApi({
      'GET /api/session': () => json(staffSession('tracing_coordinator', 'Maria Berg')),
      'GET /api/tracing/outbreaks': () => json({ outbreaks: [] }),
      'GET /api/tracing/queue': () => json({ cases: [queueCase], nextCursor: null }),
      'POST /api/tracing/outbreaks/manual': () =>
        refuse
          ? ((refuse = false), problem(400, 'Invalid request', { detail: 'startDate: is in the future', errors: [{ field: 'startDate', message: 'startDate: is in the future' }] }))
          : json({ id: 'o1', kind: 'workplace', label: 'Lagret på Bettorp', status: 'open', confirmedAt: '2026-03-03T10:00:00.000Z', cases: 1 }, 201),
    });
    renderApp('/tracing/outbreaks');
    const form = await screen.findByRole('form', { name: 'Nytt utbrott' }, { timeout: 10_000 });
    expect(screen.queryByRole('region', { name: 'Förslag att bekräfta' })).toBeNull(); // proposals are Smittskydd's
    fireEvent.change(within(form).getByLabelText(/^Namn/), { target: { value: 'Lagret på Bettorp' } });
    fireEvent.change(within(form).getByLabelText(/^Plats/), { target: { value: 'Bettorp lager' } });
    fireEvent.change(within(form).getByLabelText(/^Kommunkod/), { target: { value: '1880' } });
    fireEvent.change(within(form).getByLabelText(/^Startdatum/), { target: { value: '2026-03-01' } });
    fireEvent.click(await within(form).findByRole('checkbox', { name: 'Eva Berg (2026-03-01)' }));
    fireEvent.click(within(form).getByRole('button', { name: 'Skapa utbrottet' }));
    expect((await within(form).findAllByText('startDate: is in the future')).length).toBeGreaterThan(0);

    fireEvent.click(within(form).getByRole('button', { name: 'Skapa utbrottet' }));
    expect(await within(form).findByText('Utbrottet Lagret på Bettorp är skapat med 1 fall.')).toBeTruthy();
    const sent = api.callsTo('POST', '/api/tracing/outbreaks/manual');
    expect(sent).toHaveLength(2);
    expect(sent[1]!.body).toEqual({ name: 'Lagret på Bettorp', kind: 'workplace', place: 'Bettorp lager', municipalityCode: '1880', startDate: '2026-03-01', caseIds: [CASE_ID] });
  });
});
