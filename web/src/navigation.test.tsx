// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { en } from './i18n/en.js';
import { sv } from './i18n/sv.js';
import { canSee, CARD_KEYS, navigationFor, NAVIGATION, ROLES, sectionPath, type Role } from './navigation.js';
import { citizenSession, json, mockApi, renderApp, staffSession } from './test-utils.js';

/** The access table from the brief, written out independently of navigation.ts. */
const EXPECTED: Record<Role, string[]> = {
  citizen: ['/testing', '/vaccination', '/certificates', '/messages', '/my-record'],
  sampler: ['/testing', '/persons'],
  clinician: ['/testing'],
  lab: ['/testing', '/tracing', '/persons'],
  tracer: ['/tracing', '/persons'],
  tracing_coordinator: ['/tracing', '/persons'],
  smittskydd: ['/tracing', '/testing', '/persons'],
  vaccinator: ['/vaccination', '/persons'],
  site_manager: ['/vaccination', '/persons'],
  vaccine_coordinator: ['/vaccination', '/persons'],
  certificate_admin: ['/certificates', '/persons'],
  analyst: ['/reporting', '/testing', '/tracing', '/vaccination', '/certificates', '/indicators'],
  region_admin: ['/admin/audit', '/admin/staff', '/messages', '/reporting', '/tracing', '/certificates', '/persons'],
  national_analyst: ['/reporting', '/testing', '/tracing', '/vaccination', '/certificates', '/indicators'],
  committee_secretary: ['/governance', '/reporting'],
  committee_member: ['/governance'],
};

describe('navigation table', () => {
  it.each(ROLES)('gives %s exactly its sections', (role) => {
    expect(navigationFor(role).map((e) => sectionPath(e.section))).toEqual(EXPECTED[role]);
  });

  it('covers every role and nothing else', () => {
    expect(Object.keys(NAVIGATION).sort()).toEqual([...ROLES].sort());
  });

  it('gives analysts read-only statistics for testing, tracing, vaccination and certificates', () => {
    for (const role of ['analyst', 'national_analyst'] as const) {
      const modes = Object.fromEntries(navigationFor(role).map((e) => [e.section, e.mode]));
      expect(modes).toEqual({ reporting: 'statistics', testing: 'statistics', tracing: 'statistics', vaccination: 'statistics', certificates: 'statistics', indicators: 'statistics' });
    }
  });

  it('gives an unknown role nothing', () => {
    expect(navigationFor(null)).toEqual([]);
    expect(canSee(null, 'testing')).toBe(false);
  });

  it('has a Swedish and an English text for every role, section and card', () => {
    for (const role of ROLES) expect(sv.roles[role] && en.roles[role]).toBeTruthy();
    for (const key of CARD_KEYS) expect(sv.cards[key] && en.cards[key]).toBeTruthy();
    for (const entries of Object.values(NAVIGATION)) {
      for (const e of entries) expect(sv.sections[e.section] && en.sections[e.section]).toBeTruthy();
    }
  });
});

describe('navbar and start page', () => {
  const navLinks = async () => {
    const nav = await screen.findByRole('navigation', { name: 'Huvudmeny' });
    return within(nav)
      .getAllByRole('link')
      .map((a) => [a.textContent, a.getAttribute('href')]);
  };

  it('shows a tracer Smittspårning and the person search, and marks the current page', async () => {
    mockApi({
      'GET /api/session': () => json(staffSession('tracer')),
      'GET /api/tracing/queue': () => json({ cases: [], nextCursor: null }),
    });
    renderApp('/tracing');
    expect(await navLinks()).toEqual([
      ['Start', '/'],
      ['Smittspårning', '/tracing'],
      ['Sök person', '/persons'],
    ]);
    const nav = screen.getByRole('navigation', { name: 'Huvudmeny' });
    expect(within(nav).getByRole('link', { name: 'Smittspårning' }).getAttribute('aria-current')).toBe('page');
    expect(within(nav).getByRole('link', { name: 'Start' }).getAttribute('aria-current')).toBeNull();
    expect(await screen.findByRole('heading', { level: 1, name: 'Smittspårning – ärendekö' })).toBeTruthy();
  });

  it('shows a region administrator audit, staff, messages, follow-up, tracing and certificate statistics, with start-page cards', async () => {
    mockApi({ 'GET /api/session': () => json(staffSession('region_admin', 'Rut Admin')) });
    renderApp('/');
    expect(await navLinks()).toEqual([
      ['Start', '/'],
      ['Loggkontroll', '/admin/audit'],
      ['Personal', '/admin/staff'],
      ['Meddelanden', '/messages'],
      ['Uppföljning', '/reporting'],
      ['Smittspårning', '/tracing'],
      ['Covidbevis', '/certificates'],
      ['Sök person', '/persons'],
    ]);
    expect(await screen.findByRole('heading', { level: 1, name: 'Hej Rut Admin!' })).toBeTruthy();
    const cards = screen.getAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(cards).toEqual(['Loggkontroll', 'Personal', 'Meddelanden', 'Uppföljning', 'Smittspårning', 'Covidbevis', 'Sök person']);
    expect(screen.getByText(/inloggad som regionadministratör på Smittskyddsenheten, Region Exempel/)).toBeTruthy();
  });

  it('shows a citizen their own sections', async () => {
    mockApi({ 'GET /api/session': () => json(citizenSession()) });
    renderApp('/');
    expect((await navLinks()).map(([, href]) => href)).toEqual(['/', ...EXPECTED.citizen]);
  });

  it('refuses a section the role may not see', async () => {
    mockApi({ 'GET /api/session': () => json(citizenSession()) });
    renderApp('/admin/audit');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ingen åtkomst' })).toBeTruthy();
    expect(screen.getByText('Din roll har inte åtkomst till Loggkontroll.')).toBeTruthy();
  });
});
