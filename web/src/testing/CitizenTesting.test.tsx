// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { citizenSession, json, mockApi, problem, renderApp } from '../test-utils.js';

const points = [
  { id: '11111111-1111-4111-8111-111111111111', kind: 'vardcentral', name: 'Vårdcentralen Centrum, Örebro (provbox)', streetAddress: null, postalCode: '70210', municipalityCode: '1880', openingHours: 'mån–fre 8–17' },
  { id: '22222222-2222-4222-8222-222222222222', kind: 'pharmacy', name: 'Apoteket Karlskoga', streetAddress: null, postalCode: '69130', municipalityCode: '1883', openingHours: 'mån–fre 9–19, lör 10–15' },
  { id: '33333333-3333-4333-8333-333333333333', kind: 'station', name: 'Provtagningsstation Örebro drive-in', streetAddress: null, postalCode: '70211', municipalityCode: '1880', openingHours: 'alla dagar 8–20' },
];

describe('Testing section (citizen)', () => {
  it('registers a kit by typed code and explains a wrong check character from the 400 problem', async () => {
    const api = mockApi({
      'GET /api/session': () => json(citizenSession()),
      'POST /api/testing/my/kits': () =>
        problem(400, 'Invalid request', {
          detail: 'kitCode: the check character does not match: a character is mistyped',
          errors: [{ field: 'kitCode', message: 'the check character does not match: a character is mistyped' }],
        }),
    });
    renderApp('/testing/register');
    expect(await screen.findByRole('heading', { level: 1, name: 'Registrera ditt kit' })).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Starta kameran' })).toBeTruthy();

    const input = screen.getByLabelText(/Kitets kod/);
    expect(input.getAttribute('aria-describedby')).toBeTruthy();
    expect(screen.getByText(/XXXX-XXXX-XXXX-C: tolv tecken och ett kontrolltecken/)).toBeTruthy();
    fireEvent.change(input, { target: { value: 'abcd-efgh-jkmn-x' } });
    fireEvent.click(screen.getByRole('button', { name: 'Registrera kitet' }));

    const alert = await screen.findByRole('alert');
    expect(within(alert).getByText(/kontrolltecknet \(sista tecknet\) passar inte/)).toBeTruthy();
    // The server's field message is shown too, with the field named in Swedish.
    expect(within(alert).getByText('Kit-id')).toBeTruthy();
    expect(within(alert).getByText(/the check character does not match/)).toBeTruthy();
    expect(input.getAttribute('aria-invalid')).toBe('true');
    expect(api.callsTo('POST', '/api/testing/my/kits')[0]?.body).toEqual({ kitCode: 'abcd-efgh-jkmn-x' });
  });

  it('says plainly when a kit is already registered (409)', async () => {
    mockApi({
      'GET /api/session': () => json(citizenSession()),
      'POST /api/testing/my/kits': () => problem(409, 'Conflict', { detail: 'This kit is already registered', errors: [{ field: 'kitCode', message: 'This kit is already registered' }] }),
    });
    renderApp('/testing/register?kit=ABCD-EFGH-JKMN-P');
    const input = await screen.findByLabelText(/Kitets kod/);
    expect((input as HTMLInputElement).value).toBe('ABCD-EFGH-JKMN-P');
    fireEvent.click(screen.getByRole('button', { name: 'Registrera kitet' }));
    expect(await screen.findByText('Det här kitet är redan registrerat. Ett kit kan bara registreras en gång.')).toBeTruthy();
  });

  it('orders a kit at the chosen distribution point, filtered by municipality', async () => {
    const api = mockApi({
      'GET /api/session': () => json(citizenSession()),
      'GET /api/testing/distribution-points': () => json({ points }),
      'POST /api/testing/my/orders': (req) => {
        const body = req.body as { distributionPointId: string };
        const point = points.find((p) => p.id === body.distributionPointId)!;
        return json({ id: 'o1', testType: 'pcr', distributionPoint: point, orderedAt: '2026-03-01T08:00:00Z', status: 'ordered' }, 201);
      },
    });
    renderApp('/testing/order');
    expect(await screen.findByRole('heading', { level: 1, name: 'Beställ kit för självtest' })).toBeTruthy();
    const nav = screen.getByRole('navigation', { name: 'Provtagningens sidor' });
    expect(within(nav).getByRole('link', { name: 'Beställ kit' }).getAttribute('aria-current')).toBe('page');

    expect(await screen.findByText('3 utlämningsställen.')).toBeTruthy();
    expect((screen.getByRole('button', { name: 'Beställ kit' }) as HTMLButtonElement).disabled).toBe(true);

    fireEvent.change(screen.getByLabelText('Kommun'), { target: { value: '1883' } });
    expect(screen.getByText('1 utlämningsställe.')).toBeTruthy();
    expect(screen.queryByLabelText(/Vårdcentralen Centrum/)).toBeNull();
    fireEvent.change(screen.getByLabelText('Kommun'), { target: { value: '' } });
    fireEvent.change(screen.getByLabelText('Sök på namn'), { target: { value: 'drive' } });
    fireEvent.click(screen.getByLabelText('Provtagningsstation Örebro drive-in'));
    expect(screen.getByText('Du hämtar ditt kit på Provtagningsstation Örebro drive-in.')).toBeTruthy();

    fireEvent.click(screen.getByRole('button', { name: 'Beställ kit' }));
    expect(await screen.findByText('Kitet är beställt')).toBeTruthy();
    expect(screen.getByText(/Hämta kitet på Provtagningsstation Örebro drive-in \(öppet alla dagar 8–20\)/)).toBeTruthy();
    const posts = api.callsTo('POST', '/api/testing/my/orders');
    expect(posts).toHaveLength(1);
    expect(posts[0]?.body).toEqual({ distributionPointId: '33333333-3333-4333-8333-333333333333', testType: 'pcr' });
  });

  it('lists samples with their steps and the answer, linking to the inbox', async () => {
    mockApi({
      'GET /api/session': () => json(citizenSession()),
      'GET /api/testing/my': () =>
        json({
          orders: [{ id: 'o1', testType: 'pcr', distributionPoint: points[1], orderedAt: '2026-03-01T08:00:00Z', status: 'ordered' }],
          samples: [
            { id: 's1', kitCode: 'ABCD-EFGH-JKMN-P', testType: 'pcr', collection: 'self', takenAt: '2026-03-01T08:00:00Z', status: 'answered', result: 'positive', resultAt: '2026-03-02T08:00:00Z' },
            { id: 's2', kitCode: 'QRST-VWXY-Z012-3', testType: 'pcr', collection: 'self', takenAt: '2026-03-03T08:00:00Z', status: 'received', result: null, resultAt: null },
          ],
        }),
    });
    renderApp('/testing');
    expect(await screen.findByRole('heading', { level: 1, name: 'Mina prover' })).toBeTruthy();
    const answered = await screen.findByRole('article', { name: 'PCR-test, kit ABCD-EFGH-JKMN-P' });
    expect(within(answered).getByText('Status: Besvarad')).toBeTruthy();
    expect(within(answered).getByText('Svar: Positiv')).toBeTruthy();
    expect(within(answered).getByRole('link', { name: 'Läs svaret i Meddelanden' }).getAttribute('href')).toBe('/messages');
    const received = screen.getByRole('article', { name: 'PCR-test, kit QRST-VWXY-Z012-3' });
    expect(within(received).getByText('Status: Mottagen på labb')).toBeTruthy();
    expect(within(received).queryByText(/Svar:/)).toBeNull();
    const current = within(received).getByRole('list', { name: 'Provets steg' }).querySelector('[aria-current="step"]');
    expect(current?.textContent).toMatch(/^Mottagen på labb/);
    expect(screen.getByRole('article', { name: 'PCR-test att hämta på Apoteket Karlskoga' })).toBeTruthy();
    await waitFor(() => expect(document.title).toBe('Mina prover – Lägesbild'));
  });
});
