// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { citizenSession, json, mockApi, renderApp, staffSession } from '../test-utils.js';

describe('MessagesPage', () => {
  it('shows a region administrator the delivered messages, filtered by channel', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('region_admin')),
      'GET /api/messages': (req) =>
        json({
          messages: [
            {
              id: `m-${req.query.get('channel') ?? 'all'}`,
              channel: req.query.get('channel') ?? 'email',
              recipient: '070-123 45 67',
              subject: null,
              body: 'Ditt provsvar finns i 1177.',
              deliveredAt: '2026-03-01T08:00:00Z',
              status: 'delivered',
            },
          ],
          nextCursor: null,
        }),
    });
    renderApp('/messages');
    const table = await screen.findByRole('table', { name: 'Levererade meddelanden, senaste först' });
    expect(within(table).getByText('E-post')).toBeTruthy();
    expect(within(table).getByText('(inget ämne)')).toBeTruthy();
    expect(api.callsTo('GET', '/api/messages')[0]?.query.has('channel')).toBe(false);

    fireEvent.change(screen.getByLabelText('Kanal'), { target: { value: 'sms' } });
    await waitFor(() => expect(api.callsTo('GET', '/api/messages').at(-1)?.query.get('channel')).toBe('sms'));
    expect(await screen.findByText('SMS', { selector: 'td' })).toBeTruthy();
  });

  it("shows a citizen their 1177 inbox", async () => {
    const api = mockApi({
      'GET /api/session': () => json(citizenSession()),
      'GET /api/inbox': () =>
        json({ messages: [{ id: 'i1', subject: 'Ditt provsvar', body: 'Provet var negativt.', deliveredAt: '2026-03-01T08:00:00Z' }] }),
    });
    renderApp('/messages');
    expect(await screen.findByText('Din inkorg på 1177 med meddelanden från Region Exempel.')).toBeTruthy();
    const control = await screen.findByRole('button', { name: /Ditt provsvar/ });
    expect(control.closest('h2')).not.toBeNull();
    fireEvent.click(control);
    expect(screen.getByText('Provet var negativt.')).toBeTruthy();
    expect(api.callsTo('GET', '/api/messages')).toHaveLength(0);
  });
});
