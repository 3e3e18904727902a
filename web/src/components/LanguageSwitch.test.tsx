// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { createI18n, LANGUAGE_STORAGE_KEY } from '../i18n/index.js';
import { citizenSession, json, mockApi, renderApp, staffSession } from '../test-utils.js';

describe('language switch', () => {
  it('switches the login page to English and back, and remembers the choice', async () => {
    mockApi({ 'GET /api/auth/config': () => json({ demo: false, oidc: true, regionName: 'Region Exempel' }) });
    renderApp('/login');

    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('sv');

    fireEvent.click(screen.getByRole('button', { name: 'In English' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Log in' })).toBeTruthy();
    expect(await screen.findByRole('link', { name: 'Log in with e-ID' })).toBeTruthy();
    expect(screen.queryByText('Logga in med e-legitimation')).toBeNull();
    expect(document.documentElement.lang).toBe('en');
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('en');
    expect(document.title).toBe('Log in – Lägesbild');

    // A new visit starts in the remembered language.
    expect(createI18n().language).toBe('en');

    fireEvent.click(screen.getByRole('button', { name: 'På svenska' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Logga in' })).toBeTruthy();
    expect(window.localStorage.getItem(LANGUAGE_STORAGE_KEY)).toBe('sv');
  });

  it('translates the navigation and role names in the shell', async () => {
    mockApi({ 'GET /api/session': () => json(staffSession('smittskydd', 'Sara Smitt', 'Smittskyddsenheten')) });
    renderApp('/');
    const nav = await screen.findByRole('navigation', { name: 'Huvudmeny' });
    expect(within(nav).getAllByRole('link').map((a) => a.textContent)).toEqual(['Start', 'Smittspårning', 'Provtagning', 'Sök person']);
    expect(screen.getByText('Smittskyddsläkare, Smittskyddsenheten')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'In English' }));

    const navEn = await screen.findByRole('navigation', { name: 'Main menu' });
    expect(within(navEn).getAllByRole('link').map((a) => a.textContent)).toEqual(['Home', 'Contact tracing', 'Testing', 'Find a person']);
    expect(screen.getByText('Communicable disease physician, Smittskyddsenheten')).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 1, name: 'Hello Sara Smitt!' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Log out' })).toBeTruthy();
  });

  it('keeps a logged-in choice in the session and asks the server for its problems in the page language', async () => {
    const api = mockApi({
      'GET /api/session': () => json(citizenSession('Olle Svensson')),
      'PUT /api/session/language': () => json({ ...citizenSession('Olle Svensson'), actor: { ...citizenSession('Olle Svensson').actor, language: 'en' } }),
    });
    renderApp('/');
    await screen.findByRole('button', { name: 'In English' });
    expect(new Headers(api.callsTo('GET', '/api/session')[0]!.init!.headers!).get('accept-language')).toBe('sv');

    fireEvent.click(screen.getByRole('button', { name: 'In English' }));
    await waitFor(() => expect(api.callsTo('PUT', '/api/session/language')).toHaveLength(1));
    expect(api.callsTo('PUT', '/api/session/language')[0]?.body).toEqual({ language: 'en' });
    expect(new Headers(api.callsTo('PUT', '/api/session/language')[0]!.init!.headers!).get('accept-language')).toBe('en');
  });
});
