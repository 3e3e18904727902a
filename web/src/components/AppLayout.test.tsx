// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { json, mockApi, renderApp, staffSession } from '../test-utils.js';

describe('shell on a small screen', () => {
  const original = window.matchMedia;
  beforeEach(() => {
    window.matchMedia = (query: string) => ({ ...original(query), matches: query.includes('max-width') });
  });
  afterEach(() => {
    window.matchMedia = original;
  });

  it('keeps the closed drawer out of the tab order and puts log out in it', async () => {
    mockApi({ 'GET /api/session': () => json(staffSession('lab')) });
    renderApp('/');
    const burger = await screen.findByRole('button', { name: 'Öppna menyn' });
    const nav = screen.getByRole('navigation', { hidden: true });
    await waitFor(() => expect(nav.hasAttribute('inert')).toBe(true));

    fireEvent.click(burger);
    await waitFor(() => expect(nav.hasAttribute('inert')).toBe(false));
    expect(screen.getByRole('button', { name: 'Stäng menyn' }).getAttribute('aria-expanded')).toBe('true');
    expect(within(nav).getByRole('button', { name: 'Logga ut' })).toBeTruthy();
    expect(within(nav).getByRole('link', { name: 'Provtagning' })).toBeTruthy();
  });
});
