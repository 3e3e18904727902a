// @vitest-environment jsdom
import { screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp, staffSession } from '../test-utils.js';

describe('Tracing section by role', () => {
  it('opens the lab on sequencing, with no queue to reach', async () => {
    mockApi({
      'GET /api/session': () => json(staffSession('lab', 'Johan Ek')),
      'GET /api/tracing/sequencing': () => json({ cases: [] }),
      'GET /api/tracing/sequencing/variants': () => json({ weeks: [] }),
    });
    renderApp('/tracing');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sekvensering' })).toBeTruthy();
    expect(screen.queryByRole('navigation', { name: 'Smittspårningens sidor' })).toBeNull();
  });

  it.each(['analyst', 'national_analyst', 'region_admin'] as const)('opens the %s on the weekly statistics', async (role) => {
    mockApi({
      'GET /api/session': () => json(staffSession(role)),
      'GET /api/tracing/statistics': () => json({ weeks: [], outbreaksBySetting: [] }),
    });
    renderApp('/tracing');
    expect(await screen.findByRole('heading', { level: 1, name: 'Statistik för smittspårningen' })).toBeTruthy();
  });
});
