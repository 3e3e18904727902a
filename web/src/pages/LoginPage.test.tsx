// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, REGION, renderApp, staffSession } from '../test-utils.js';

const CONFIG = { demo: true, oidc: true, regionName: 'Region Exempel' };
const USERS = {
  staff: [
    { id: 'a1', name: 'Anna Andersson', role: 'tracer', unitName: 'Smittspårningen' },
    { id: 'b2', name: 'Bertil Berg', role: 'region_admin', unitName: null },
    { id: 'c3', name: 'Cecilia Carlsson', role: 'tracer', unitName: 'Smittspårningen' },
    { id: 'd4', name: 'David Dahl', role: 'sampler', unitName: 'Provtagningen Centrum' },
  ],
  citizens: [{ id: 'e5', name: 'Eva Ek', age: 34, note: 'Positivt prov förra veckan' }],
};

describe('LoginPage', () => {
  it('lists demo users by role and logs in with the one picked', async () => {
    const api = mockApi({
      'GET /api/auth/config': () => json(CONFIG),
      'GET /api/auth/demo/users': () => json(USERS),
      'POST /api/auth/demo/login': () => json(staffSession('tracer', 'Anna Andersson', 'Smittspårningen')),
    });
    renderApp('/login');

    const panel = await screen.findByRole('region', { name: 'Demoinloggning – syntetiska data' });
    await within(panel).findByRole('button', { name: /Anna Andersson/ });

    // Staff grouped under translated role names, in the role order of navigation.ts.
    const roleHeadings = within(panel).getAllByRole('heading', { level: 4 }).map((h) => h.textContent);
    expect(roleHeadings).toEqual(['Provtagare', 'Smittspårare', 'Regionadministratör']);
    const tracers = within(panel).getByRole('region', { name: 'Smittspårare' });
    expect(within(tracers).getAllByRole('button').map((b) => b.textContent)).toEqual([
      'Anna AnderssonSmittspårningen',
      'Cecilia CarlssonSmittspårningen',
    ]);
    expect(within(panel).getByRole('button', { name: /Eva Ek.*34 år · Positivt prov förra veckan/ })).toBeTruthy();

    fireEvent.click(within(panel).getByRole('button', { name: /Anna Andersson/ }));

    await waitFor(() => expect(api.callsTo('POST', '/api/auth/demo/login')).toHaveLength(1));
    const [login] = api.callsTo('POST', '/api/auth/demo/login');
    expect(login?.body).toEqual({ kind: 'staff', id: 'a1' });
    expect(login?.init?.credentials).toBe('same-origin');
    expect(new Headers(login?.init?.headers).get('content-type')).toBe('application/json');

    // Logged in: the shell with the tracer's start page.
    expect(await screen.findByRole('heading', { level: 1, name: 'Hej Anna Andersson!' })).toBeTruthy();
    expect(screen.getByText('Region Exempel')).toBeTruthy();
  });

  it('logs a demo citizen in as a citizen', async () => {
    const api = mockApi({
      'GET /api/auth/config': () => json(CONFIG),
      'GET /api/auth/demo/users': () => json(USERS),
      'POST /api/auth/demo/login': () => json({ actor: { kind: 'citizen', id: 'e5', name: 'Eva Ek', region: REGION } }),
    });
    renderApp('/login');
    fireEvent.click(await screen.findByRole('button', { name: /Eva Ek/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Hej Eva Ek!' })).toBeTruthy();
    expect(api.callsTo('POST', '/api/auth/demo/login')[0]?.body).toEqual({ kind: 'citizen', id: 'e5' });
  });

  it('offers e-legitimation and SITHS as full-page links when OIDC is on', async () => {
    const api = mockApi({ 'GET /api/auth/config': () => json({ ...CONFIG, demo: false }) });
    renderApp('/login');
    const eid = await screen.findByRole('link', { name: 'Logga in med e-legitimation' });
    expect(eid.getAttribute('href')).toBe('/api/auth/oidc/login');
    expect(screen.getByRole('link', { name: 'Logga in som personal (SITHS)' }).getAttribute('href')).toBe(
      '/api/auth/oidc/login?audience=staff',
    );
    expect(screen.queryByRole('region', { name: 'Demoinloggning – syntetiska data' })).toBeNull();
    expect(api.callsTo('GET', '/api/auth/demo/users')).toHaveLength(0);
  });

  it('shows a problem+json error with its field names', async () => {
    mockApi({
      'GET /api/auth/config': () => json({ ...CONFIG, oidc: false }),
      'GET /api/auth/demo/users': () => json(USERS),
      'POST /api/auth/demo/login': () =>
        problem(400, 'Invalid request', { detail: 'The request is not valid', errors: [{ field: 'id', message: 'must be a UUID' }] }),
    });
    renderApp('/login');
    expect(screen.queryByRole('link', { name: 'Logga in med e-legitimation' })).toBeNull();
    fireEvent.click(await screen.findByRole('button', { name: /David Dahl/ }));
    const alert = await screen.findByRole('alert');
    expect(alert.textContent).toContain('Invalid request');
    expect(alert.textContent).toContain('Användare: must be a UUID');
  });

  it('sends the user to /login on a 401, and back where they were after logging in', async () => {
    let loggedIn = false;
    mockApi({
      'GET /api/session': () => (loggedIn ? json(staffSession('region_admin')) : problem(401, 'Not logged in')),
      'GET /api/auth/config': () => json(CONFIG),
      'GET /api/auth/demo/users': () => json(USERS),
      'POST /api/auth/demo/login': () => {
        loggedIn = true;
        return json(staffSession('region_admin', 'Bertil Berg'));
      },
      'GET /api/messages': () => json({ messages: [], nextCursor: null }),
    });
    const { router } = renderApp('/messages');
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/login');
    // OIDC is asked to come back to the page too.
    expect((await screen.findByRole('link', { name: 'Logga in med e-legitimation' })).getAttribute('href')).toBe(
      '/api/auth/oidc/login?returnTo=%2Fmessages',
    );
    fireEvent.click(await screen.findByRole('button', { name: /Bertil Berg/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Meddelanden' })).toBeTruthy();
    expect(router.state.location.pathname).toBe('/messages');
  });
});
