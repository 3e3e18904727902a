// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp, staffSession } from '../test-utils.js';

const account = (id: string, name: string, role: string, active = true) => ({ id, name, role, unitId: null, unitName: 'Smittskydd Örebro', hsaId: null, oidcSubject: null, email: null, active });

describe('StaffPage', () => {
  it('lets the region administrator list, add, change the role of and deactivate staff', async () => {
    let staff = [account('s1', 'Sara Holm', 'tracer')];
    const api = mockApi({
      'GET /api/session': () => json(staffSession('region_admin')),
      'GET /api/staff': () => json({ staff }),
      'POST /api/staff': (req) => {
        const body = req.body as { name: string; role: string };
        const created = account('s2', body.name, body.role);
        staff = [...staff, created];
        return json(created, 201);
      },
      'PATCH /api/staff/s1': (req) => {
        staff = staff.map((s) => (s.id === 's1' ? { ...s, ...(req.body as object) } : s));
        return json(staff[0]);
      },
    });
    renderApp('/admin/staff');
    const table = await screen.findByRole('table', { name: 'Personalkonton i regionen' });
    expect(within(table).getByRole('rowheader', { name: 'Sara Holm' })).toBeTruthy();

    const form = screen.getByRole('form', { name: 'Lägg till personal' });
    fireEvent.change(within(form).getByLabelText(/^Namn/), { target: { value: 'Ny Provtagare' } });
    fireEvent.change(within(form).getByLabelText('Roll'), { target: { value: 'sampler' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Lägg till' }));
    expect(await screen.findByText('Ny Provtagare är tillagd som provtagare.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/staff')[0]?.body).toEqual({ name: 'Ny Provtagare', role: 'sampler' });
    expect(await within(table).findByRole('rowheader', { name: 'Ny Provtagare' })).toBeTruthy();

    fireEvent.change(within(table).getByLabelText('Roll för Sara Holm'), { target: { value: 'tracing_coordinator' } });
    await waitFor(() => expect(api.callsTo('PATCH', '/api/staff/s1')[0]?.body).toEqual({ role: 'tracing_coordinator' }));
    fireEvent.click(within(table).getByRole('button', { name: 'Stäng av kontot för Sara Holm' }));
    await waitFor(() => expect(api.callsTo('PATCH', '/api/staff/s1')[1]?.body).toEqual({ active: false }));
    expect(await within(table).findByText('Avstängd')).toBeTruthy();
  });

  it('is in the region administrator’s menu', async () => {
    mockApi({ 'GET /api/session': () => json(staffSession('region_admin')), 'GET /api/staff': () => json({ staff: [] }) });
    renderApp('/');
    const menu = await screen.findByRole('navigation', { name: 'Huvudmeny' });
    expect(within(menu).getByRole('link', { name: 'Personal' }).getAttribute('href')).toBe('/admin/staff');
  });
});
