// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp, staffSession } from '../test-utils.js';

describe('HomePage', () => {
  it('tells a national analyst they see the whole country, not the region the server runs in', async () => {
    mockApi({ 'GET /api/session': () => json(staffSession('national_analyst', 'Ingrid Lund (SKR)')) });
    renderApp('/');
    expect(await screen.findByText(/nationell analytiker på Sveriges Kommuner och Regioner \(SKR\)/)).toBeTruthy();
    expect(within(screen.getByRole('main')).queryByText(/Region Exempel/)).toBeNull();
  });

  it('tells regional staff their role, unit and region', async () => {
    mockApi({ 'GET /api/session': () => json(staffSession('tracer', 'Sara Holm', 'Smittskyddsenheten')) });
    renderApp('/');
    expect(await screen.findByText('Du är inloggad som smittspårare på Smittskyddsenheten, Region Exempel.')).toBeTruthy();
  });
});
