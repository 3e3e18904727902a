// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { citizenSession, json, mockApi, problem, renderApp, staffSession } from '../test-utils.js';
import type { Certificate, MyCertificates, QueuedRequest, Verification } from './api.js';

const ME = 'citizen-1';
const CHILD = '22222222-2222-4222-8222-222222222222';
const CERT = '33333333-3333-4333-8333-333333333333';
const REQUEST = '44444444-4444-4444-8444-444444444444';

const certificate: Certificate = { id: CERT, personId: ME, kind: 'vaccination', paper: false, uci: 'URN:UVCI:01:SE:LB18/V0123#A', issuedAt: '2026-03-01T09:00:00Z', expiresAt: '2027-03-01T09:00:00Z', revokedAt: null, status: 'valid' };
const mine = (over: Partial<MyCertificates> = {}): MyCertificates => ({
  people: [
    { personId: ME, name: 'Olle Svensson', self: true },
    { personId: CHILD, name: 'Lisa Svensson', self: false },
  ],
  certificates: [],
  requests: [],
  ...over,
});

describe('Certificates: the citizen', () => {
  it('gets a vaccination certificate at once: the QR code with its alt text and the PDF link', async () => {
    const api = mockApi({
      'GET /api/session': () => json(citizenSession()),
      'GET /api/certificates/mine': () => json(mine()),
      'POST /api/certificates/requests': () => json({ status: 'issued', requestId: REQUEST, certificateId: CERT, uci: certificate.uci }),
    });
    renderApp('/certificates');
    const self = await screen.findByRole('region', { name: 'Olle Svensson (du)' });
    expect(screen.getByRole('heading', { level: 1, name: 'Mina intyg' })).toBeTruthy();
    expect(screen.getByText('Inga bevis har utfärdats ännu.')).toBeTruthy();
    fireEvent.click(within(self).getByRole('button', { name: 'Begär vaccinationsbevis' }));

    const issued = await within(self).findByRole('status');
    expect(within(issued).getByText('Ditt vaccinationsbevis är utfärdat')).toBeTruthy();
    expect(within(issued).getByRole('img', { name: 'QR-kod för vaccinationsbevis till Olle Svensson' }).getAttribute('src')).toBe(`/api/certificates/${CERT}/qr.svg`);
    expect(within(issued).getByRole('link', { name: 'Ladda ner PDF' }).getAttribute('href')).toBe(`/api/certificates/${CERT}/certificate.pdf`);
    // For oneself, no personId: the server takes the signed-in citizen.
    expect(api.callsTo('POST', '/api/certificates/requests')[0]?.body).toEqual({ kind: 'vaccination' });
  });

  it('asks on behalf of a child and shows a refusal with the rule’s Swedish reason', async () => {
    const api = mockApi({
      'GET /api/session': () => json(citizenSession()),
      'GET /api/certificates/mine': () => json(mine()),
      'POST /api/certificates/requests': () =>
        json({ status: 'refused', requestId: REQUEST, rule: 'recovery.self-sampled', reason: { sv: 'Ett självtest ger inget tillfrisknandebevis.', en: 'A self-test gives no recovery certificate.' } }),
    });
    renderApp('/certificates');
    const child = await screen.findByRole('region', { name: 'Lisa Svensson' });
    fireEvent.click(within(child).getByRole('button', { name: 'Begär tillfrisknandebevis' }));
    const refused = await within(child).findByRole('status');
    expect(within(refused).getByText('Inget tillfrisknandebevis kunde utfärdas')).toBeTruthy();
    expect(within(refused).getByText('Ett självtest ger inget tillfrisknandebevis.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/certificates/requests')[0]?.body).toEqual({ kind: 'recovery', personId: CHILD });
  });

  it('says what is missing: the request is queued with the reason and the note', async () => {
    const api = mockApi({
      'GET /api/session': () => json(citizenSession()),
      'GET /api/certificates/mine': () => json(mine({ people: [{ personId: ME, name: 'Olle Svensson', self: true }] })),
      'POST /api/certificates/requests': () => json({ status: 'queued', requestId: REQUEST, missing: 'En dos given utomlands saknas i journalen' }),
    });
    renderApp('/certificates');
    const form = await screen.findByRole('region', { name: 'Saknas något i dina uppgifter?' });
    const send = within(form).getByRole('button', { name: 'Skicka till handläggare' }) as HTMLButtonElement;
    expect(send.disabled).toBe(true);
    fireEvent.click(within(form).getByLabelText('En dos given utomlands saknas'));
    fireEvent.change(within(form).getByLabelText('Beskriv vad som saknas'), { target: { value: 'Dos 2 i Oslo i juni 2021' } });
    fireEvent.click(send);
    const queued = await within(form).findByRole('status');
    expect(within(queued).getByText('Det här saknas: En dos given utomlands saknas i journalen. Du får svar i din inkorg.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/certificates/requests')[0]?.body).toEqual({ kind: 'vaccination', personId: ME, missing: 'dose-abroad', note: 'Dos 2 i Oslo i juni 2021' });
  });

  it('lists earlier certificates and requests, a refusal by its rule', async () => {
    mockApi({
      'GET /api/session': () => json(citizenSession()),
      'GET /api/certificates/mine': () =>
        json(
          mine({
            certificates: [certificate, { ...certificate, id: 'c2', status: 'revoked', revokedAt: '2026-04-01T09:00:00Z' }],
            requests: [{ id: REQUEST, personId: CHILD, kind: 'test', paper: false, status: 'refused', rule: 'test.self-sampled', missing: null, note: null, onBehalf: true, requestedAt: '2026-03-02T09:00:00Z', decidedAt: null, decisionReason: null }],
          }),
        ),
    });
    renderApp('/certificates');
    const certificates = await screen.findByRole('table', { name: 'Utfärdade bevis' });
    expect(within(certificates).getByText('Giltigt')).toBeTruthy();
    expect(within(certificates).getByText('Återkallat')).toBeTruthy();
    const requests = screen.getByRole('table', { name: 'Tidigare begäranden' });
    const row = within(requests).getByRole('row', { name: /Lisa Svensson Testbevis/ });
    expect(within(row).getByText('Självtest ger inget testbevis')).toBeTruthy();
    expect(within(row).getByText('Avslag')).toBeTruthy();
  });
});

describe('Certificates: the administrator', () => {
  const queued: QueuedRequest = {
    id: REQUEST,
    personId: CHILD,
    kind: 'vaccination',
    paper: false,
    status: 'queued',
    rule: null,
    missing: 'En dos given utomlands saknas i journalen',
    note: 'Dos 2 i Oslo',
    onBehalf: false,
    requestedAt: '2026-03-02T09:00:00Z',
    decidedAt: null,
    decisionReason: null,
    name: 'Lisa Svensson',
    identityNumber: '20100101-1234',
  };

  it('decides a queued request only with a written reason', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('certificate_admin', 'Nils Åkesson')),
      'GET /api/certificates/queue': () => json(api.callsTo('POST', `/api/certificates/requests/${REQUEST}/decision`).length ? [] : [queued]),
      [`POST /api/certificates/requests/${REQUEST}/decision`]: () => json({ status: 'rejected', requestId: REQUEST }),
    });
    renderApp('/certificates');
    expect(await screen.findByRole('heading', { level: 1, name: 'Ärenden om covidbevis' })).toBeTruthy();
    const card = await screen.findByRole('article', { name: 'Lisa Svensson, 20100101-1234: vaccinationsbevis' });
    expect(within(card).getByText('Dos 2 i Oslo')).toBeTruthy();
    fireEvent.click(within(card).getByRole('button', { name: 'Besluta' }));
    const reject = within(card).getByRole('button', { name: 'Avslå' }) as HTMLButtonElement;
    expect(reject.disabled).toBe(true);
    expect((within(card).getByRole('button', { name: 'Godkänn och utfärda' }) as HTMLButtonElement).disabled).toBe(true);
    fireEvent.change(within(card).getByLabelText(/Skriftlig motivering/), { target: { value: 'Ingen dokumentation av dosen' } });
    fireEvent.click(reject);
    expect(await screen.findByText('Begäran är avslagen.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/certificates/requests/${REQUEST}/decision`)[0]?.body).toEqual({ decision: 'reject', reason: 'Ingen dokumentation av dosen' });
    await waitFor(() => expect(screen.getByText('Inga ärenden väntar.')).toBeTruthy());
  });

  it('shows why an approval is refused (the rules still say no)', async () => {
    mockApi({
      'GET /api/session': () => json(staffSession('certificate_admin', 'Nils Åkesson')),
      'GET /api/certificates/queue': () => json([queued]),
      [`POST /api/certificates/requests/${REQUEST}/decision`]: () => problem(409, 'Conflict', { detail: 'Reglerna säger fortfarande nej: ingen dos' }),
    });
    renderApp('/certificates');
    const card = await screen.findByRole('article', { name: /Lisa Svensson/ });
    fireEvent.click(within(card).getByRole('button', { name: 'Besluta' }));
    fireEvent.change(within(card).getByLabelText(/Skriftlig motivering/), { target: { value: 'Dosen är registrerad nu' } });
    fireEvent.click(within(card).getByRole('button', { name: 'Godkänn och utfärda' }));
    expect(await within(card).findByText('Reglerna säger fortfarande nej: ingen dos')).toBeTruthy();
  });

  it('revokes a document signer with a reason', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('certificate_admin', 'Nils Åkesson')),
      'GET /api/certificates/signers': () =>
        json([
          { regionId: '18', role: 'csca', kid: null, name: 'CSCA', validFrom: '2026-01-01T00:00:00Z', validTo: '2036-01-01T00:00:00Z', createdAt: '2026-01-01T00:00:00Z', retiredAt: null, revokedAt: null, revokedReason: null },
          { regionId: '18', role: 'dsc', kid: 'AbCdEfGhIjA=', name: 'DSC 1', validFrom: '2026-01-01T00:00:00Z', validTo: '2028-01-01T00:00:00Z', createdAt: '2026-01-01T00:00:00Z', retiredAt: null, revokedAt: null, revokedReason: null },
        ]),
      'POST /api/certificates/signers/revoke': () => json({ kid: 'AbCdEfGhIjA=', revokedAt: '2026-03-01T00:00:00Z' }),
    });
    renderApp('/certificates/signers');
    expect(await screen.findByRole('heading', { level: 1, name: 'Signeringsnycklar' })).toBeTruthy();
    const row = await screen.findByRole('row', { name: /DSC 1/ });
    expect(within(row).getByText('Signerar nu')).toBeTruthy();
    fireEvent.click(within(row).getByRole('button', { name: 'Återkalla nyckeln' }));
    const form = screen.getByRole('region', { name: 'Återkalla nyckel AbCdEfGhIjA=' });
    fireEvent.change(within(form).getByLabelText(/Anledning/), { target: { value: 'Nyckeln har läckt' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Återkalla nyckeln' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/certificates/signers/revoke')[0]?.body).toEqual({ kid: 'AbCdEfGhIjA=', reason: 'Nyckeln har läckt' }));
  });
});

describe('Certificates: statistics', () => {
  it('shows the monthly table for an analyst, with the download links for the period', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('analyst', 'Anna Analytiker')),
      'GET /api/certificates/statistics': () =>
        json({
          from: '2026-01-01',
          to: '2026-03-31',
          national: false,
          rules: ['test.self-sampled'],
          rows: [
            { regionId: '18', regionName: 'Region Örebro län', month: '2026-02', requests: 10, issued: { vaccination: 5, test: 2, recovery: 1 }, paper: 1, refused: 2, queued: 0, rejected: 0, refusedByRule: { 'test.self-sampled': 2 }, recovery: { requests: 3, issued: 1 } },
          ],
        }),
    });
    renderApp('/certificates');
    expect(await screen.findByRole('heading', { level: 1, name: 'Statistik över covidbevis' })).toBeTruthy();
    const table = await screen.findByRole('table', { name: 'Per region och månad' });
    const row = within(table).getByRole('row', { name: /Region Örebro län/ });
    expect(within(row).getAllByRole('cell').map((c) => c.textContent)).toEqual(['2026-02', '10', '5', '2', '1', '1', '2', '0', '0', '1 / 3']);
    expect(screen.getByRole('table', { name: 'Avslag per regel' }).textContent).toContain('Självtest ger inget testbevis');
    const query = api.callsTo('GET', '/api/certificates/statistics')[0]!.query;
    fireEvent.click(screen.getByRole('button', { name: 'Ladda ner' }));
    expect((await screen.findByRole('menuitem', { name: /CSV ;/ })).getAttribute('href')).toBe(`/api/certificates/statistics.csv?from=${query.get('from')}&to=${query.get('to')}&separator=semicolon&lang=sv`);
  });
});

describe('Certificates: public verification', () => {
  const valid: Verification = {
    valid: true,
    kind: 'vaccination',
    signer: { kid: 'AbCdEfGhIjA=' },
    issuedAt: '2026-03-01T09:00:00Z',
    expiresAt: '2027-03-01T09:00:00Z',
    issuerCountry: 'SE',
    content: { name: 'Olle Svensson', dateOfBirth: '1980-01-01', disease: 'COVID-19', vaccine: 'Comirnaty', manufacturer: null, dose: '2/2', vaccinationDate: '2021-06-01', testType: null, testResult: null, sampledAt: null, testCentre: null, firstPositive: null, validFrom: null, validUntil: null, country: 'Sweden', issuer: 'Region Örebro län', uci: 'URN:UVCI:01:SE:LB18/V0123#A' },
  };

  it('checks a pasted HC1 text without a login and shows valid with the content', async () => {
    const api = mockApi({ 'GET /api/auth/config': () => json({ demo: true, oidc: false, regionName: 'Region Örebro län' }), 'POST /api/certificates/verify': () => json(valid) });
    renderApp('/verify');
    expect(await screen.findByRole('heading', { level: 1, name: 'Kontrollera ett covidbevis' })).toBeTruthy();
    fireEvent.change(screen.getByLabelText('Bevisets text (HC1:…)'), { target: { value: '  HC1:6BFOXN  ' } });
    fireEvent.click(within(screen.getByRole('region', { name: 'Klistra in texten' })).getByRole('button', { name: 'Kontrollera' }));
    const status = await screen.findByRole('status');
    expect(within(status).getByText('Giltigt')).toBeTruthy();
    const content = screen.getByRole('table', { name: 'Innehåll' });
    expect(within(content).getByRole('row', { name: 'Namn Olle Svensson' })).toBeTruthy();
    expect(within(content).getByRole('row', { name: 'Dos 2/2' })).toBeTruthy();
    expect(within(content).queryByText('Tillverkare')).toBeNull();
    expect(api.callsTo('POST', '/api/certificates/verify')[0]?.body).toEqual({ hc1: 'HC1:6BFOXN' });
    expect(api.callsTo('GET', '/api/session')).toEqual([]);
  });

  it('says not valid with the Swedish reason', async () => {
    mockApi({
      'GET /api/auth/config': () => json({ demo: true, oidc: false, regionName: 'Region Örebro län' }),
      'POST /api/certificates/verify': () => json({ valid: false, code: 'signature', reason: { sv: 'Signaturen stämmer inte', en: 'The signature does not match' }, detail: 'bad signature', kind: 'vaccination', content: valid.content } satisfies Verification),
    });
    renderApp('/verify');
    fireEvent.change(await screen.findByLabelText('Bevisets text (HC1:…)'), { target: { value: 'HC1:6BFOXN' } });
    fireEvent.click(within(screen.getByRole('region', { name: 'Klistra in texten' })).getByRole('button', { name: 'Kontrollera' }));
    const status = await screen.findByRole('status');
    expect(within(status).getByText('Inte giltigt')).toBeTruthy();
    expect(within(status).getByText('Signaturen stämmer inte')).toBeTruthy();
  });
});

describe('Certificates: a person’s certificates', () => {
  const PERSON = '55555555-5555-4555-8555-555555555555';
  const person = { id: PERSON, identityNumber: '20000624TQ4A', givenName: 'Saga', familyName: 'Johansson', birthDate: '2000-06-24', age: 26, phone: null };

  it('finds a person with a reservnummer, issues a paper certificate and revokes a certificate with a reason', async () => {
    let revoked = false;
    const api = mockApi({
      'GET /api/session': () => json(staffSession('certificate_admin', 'Nils Åkesson')),
      'GET /api/persons': () => json({ people: [person], nextCursor: null }),
      [`GET /api/certificates/persons/${PERSON}`]: () =>
        json({ personId: PERSON, name: 'Saga Johansson', identityNumber: '20000624TQ4A', digitalPossible: false, certificates: [{ ...certificate, personId: PERSON, paper: true, ...(revoked ? { status: 'revoked' } : {}) }], requests: [] }),
      'POST /api/certificates/paper': () => json({ status: 'issued', requestId: REQUEST, certificateId: CERT, uci: certificate.uci }),
      [`POST /api/certificates/${CERT}/revoke`]: () => {
        revoked = true;
        return json({ id: CERT, revokedAt: '2026-03-02T00:00:00Z' });
      },
    });
    renderApp('/certificates/person');
    fireEvent.change(await screen.findByLabelText(/^Personnummer/), { target: { value: '20000624TQ4A' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    expect(await screen.findByText('Personen saknar personnummer: utfärda ett papperscertifikat.')).toBeTruthy();
    expect(api.callsTo('GET', '/api/persons')[0]?.query.get('purpose')).toBe('handläggning av intyg');

    const paper = screen.getByRole('region', { name: 'Utfärda papperscertifikat' });
    fireEvent.click(within(paper).getByRole('button', { name: 'Utfärda papperscertifikat' }));
    const issued = await within(paper).findByRole('status');
    expect(within(issued).getByText('Papperscertifikatet är utfärdat.')).toBeTruthy();
    expect(within(issued).getByRole('img', { name: 'QR-kod för vaccinationsbevis till Saga Johansson' })).toBeTruthy();
    expect(api.callsTo('POST', '/api/certificates/paper')[0]?.body).toEqual({ personId: PERSON, kind: 'vaccination' });

    const row = within(screen.getByRole('table', { name: 'Utfärdade bevis' })).getByRole('row', { name: /Papperscertifikat/ });
    fireEvent.click(within(row).getByRole('button', { name: 'Återkalla' }));
    const form = screen.getByRole('region', { name: 'Återkalla vaccinationsbevis' });
    const confirm = within(form).getByRole('button', { name: 'Återkalla beviset' }) as HTMLButtonElement;
    expect(confirm.disabled).toBe(true);
    fireEvent.change(within(form).getByLabelText(/Anledning till återkallelsen/), { target: { value: 'Utfärdat på fel person' } });
    fireEvent.click(confirm);
    expect(await screen.findByText('Beviset är återkallat.')).toBeTruthy();
    expect(api.callsTo('POST', `/api/certificates/${CERT}/revoke`)[0]?.body).toEqual({ reason: 'Utfärdat på fel person' });
    await waitFor(() => expect(within(screen.getByRole('table', { name: 'Utfärdade bevis' })).getByText('Återkallat')).toBeTruthy());
  });
});
