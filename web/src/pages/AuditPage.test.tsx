// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../test-utils.js';

const entry = (n: number) => ({
  id: `e${n}`,
  at: `2026-03-0${n}T09:30:00Z`,
  actorName: `Handläggare ${n}`,
  actorRole: 'tracer',
  personLabel: n === 3 ? null : 'Anna A., 19810312-****',
  action: 'identity.person.read',
  actionText: 'Läste personens uppgifter',
  purpose: 'smittspårning',
});

describe('AuditPage', () => {
  it('searches the log, pages with "Visa fler" and verifies the chain', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('region_admin')),
      'GET /api/audit/search': (req) =>
        req.query.get('cursor') === 'page2'
          ? json({ entries: [entry(3)], nextCursor: null })
          : json({ entries: [entry(1), entry(2)], nextCursor: 'page2' }),
      'POST /api/audit/verify': () => json({ ok: true, checked: 1234, unsealed: 0 }),
    });
    renderApp('/admin/audit');

    expect(await screen.findByRole('heading', { level: 1, name: 'Loggkontroll' })).toBeTruthy();
    const form = screen.getByRole('search', { name: 'Sök i loggen' });
    fireEvent.change(within(form).getByLabelText('Personnummer'), { target: { value: ' 19810312-1234 ' } });
    fireEvent.change(within(form).getByLabelText('Händelse'), { target: { value: 'person.read' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Sök' }));

    const table = await screen.findByRole('table', { name: 'Loggposter, senaste först' });
    expect(within(table).getAllByRole('row')).toHaveLength(3); // header + 2
    const [first] = api.callsTo('GET', '/api/audit/search');
    expect(Object.fromEntries(first?.query ?? [])).toEqual({ identityNumber: '19810312-1234', action: 'person.read' });
    expect(screen.getByText('Visar de första 2 träffarna. Det finns fler: välj ”Visa fler” under listan.')).toBeTruthy();
    expect(within(table).getAllByText('Smittspårare')).toHaveLength(2);
    // The action is named in words, its code kept as a tooltip.
    expect(within(table).getAllByText('Läste personens uppgifter')).toHaveLength(2);
    expect(within(table).queryByText('identity.person.read')).toBeNull();

    fireEvent.click(screen.getByRole('button', { name: 'Visa fler' }));
    await waitFor(() => expect(within(table).getAllByRole('row')).toHaveLength(4));
    expect(api.callsTo('GET', '/api/audit/search')[1]?.query.get('cursor')).toBe('page2');
    expect(screen.queryByRole('button', { name: 'Visa fler' })).toBeNull();
    expect(screen.getByText('Visar 3 träffar.')).toBeTruthy();
    expect(within(form).getAllByPlaceholderText('ÅÅÅÅ-MM-DD')).toHaveLength(2);

    fireEvent.click(screen.getByRole('button', { name: 'Verifiera kedjan' }));
    expect(await screen.findByText('Kedjan är obruten')).toBeTruthy();
    expect(screen.getByText(/1234 loggposter kontrollerades/)).toBeTruthy();
  });

  it('shows field errors from the server on the form and in an alert', async () => {
    mockApi({
      'GET /api/session': () => json(staffSession('region_admin')),
      'GET /api/audit/search': () =>
        problem(400, 'Invalid request', { detail: 'identityNumber: not valid', errors: [{ field: 'identityNumber', message: 'is not a valid number' }, { field: 'actorId', label: 'Utförare', message: 'okänt id' }] }),
      'POST /api/audit/verify': () => json({ ok: false, checked: 1, firstBrokenAt: 'entry 7: hash mismatch' }),
    });
    renderApp('/admin/audit');
    const form = await screen.findByRole('search', { name: 'Sök i loggen' });
    fireEvent.change(within(form).getByLabelText('Personnummer'), { target: { value: '123' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Sök' }));

    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Personnummer: is not a valid number');
    // A field is named by the label the server gives, never by its code.
    expect(alert.textContent).toContain('Utförare: okänt id');
    expect(alert.textContent).not.toContain('actorId');
    const input = within(form).getByLabelText('Personnummer');
    expect(input.getAttribute('aria-invalid')).toBe('true');

    fireEvent.click(screen.getByRole('button', { name: 'Verifiera kedjan' }));
    expect(await screen.findByText('Kedjan är bruten')).toBeTruthy();
    expect(screen.getByText(/bruten vid entry 7: hash mismatch/)).toBeTruthy();
    // One entry is one "loggpost", not "1 loggposter".
    expect(screen.getByText(/\. 1 loggpost kontrollerades\./)).toBeTruthy();
  });
});
