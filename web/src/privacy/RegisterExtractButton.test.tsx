// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it, vi } from 'vitest';
import { citizenSession, json, mockApi, renderApp } from '../test-utils.js';

const person = (personId: string, name: string) => ({ personId, name, age: 7, eligibility: {}, bookings: [], doses: [] });

describe('the register extract on "Vem har läst min journal?"', () => {
  it('downloads the PDF and the JSON for the citizen, and for each child of the household', async () => {
    vi.stubGlobal('URL', Object.assign(URL, { createObjectURL: () => 'blob:x', revokeObjectURL: () => {} }));
    const file = () => json({});
    const api = mockApi({
      'GET /api/session': () => json(citizenSession()),
      'GET /api/audit/my-record': () => json({ entries: [] }),
      'GET /api/vaccination/my': () => json({ me: person('citizen-1', 'Olle Svensson'), children: [person('child-1', 'Lilla Svensson')] }),
      'GET /api/privacy/extract.pdf': file,
      'GET /api/privacy/extract.json': file,
    });
    renderApp('/my-record');

    fireEvent.click(await screen.findByRole('button', { name: 'Hämta mina uppgifter (registerutdrag)' }));
    await waitFor(() => expect(api.callsTo('GET', '/api/privacy/extract.json')).toHaveLength(1));
    expect(api.callsTo('GET', '/api/privacy/extract.pdf')[0]!.query.get('personId')).toBeNull();

    fireEvent.click(await screen.findByRole('button', { name: 'Hämta uppgifter om Lilla Svensson' }));
    await waitFor(() => expect(api.callsTo('GET', '/api/privacy/extract.json')).toHaveLength(2));
    expect(api.callsTo('GET', '/api/privacy/extract.pdf')[1]!.query.get('personId')).toBe('child-1');
    expect(api.callsTo('GET', '/api/privacy/extract.json')[1]!.query.get('lang')).toBe('sv');
  });
});
