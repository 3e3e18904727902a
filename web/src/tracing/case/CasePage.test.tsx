// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../../test-utils.js';
import type { CaseFile, Contact } from './caseApi.js';

const CASE_ID = 'c0000000-0000-4000-8000-000000000001';
const PATH = `/api/tracing/cases/${CASE_ID}`;

const household: Contact = {
  id: 'k0000000-0000-4000-8000-000000000001',
  caseId: CASE_ID,
  name: 'Per Berg',
  phone: null,
  relation: 'household',
  context: null,
  exposureDate: null,
  personId: 'p2',
  informedAt: '2026-03-02T10:00:00.000Z',
  informedBy: 'system',
  status: 'informed',
  testedAt: null,
  result: null,
};
const colleague: Contact = { ...household, id: 'k0000000-0000-4000-8000-000000000002', name: 'Omar Said', phone: '070-555 12 12', relation: 'close', context: 'Arbete', exposureDate: '2026-02-28', informedAt: null, informedBy: null, status: 'named' };

function caseFile(): CaseFile {
  return {
    case: {
      id: CASE_ID,
      personId: 'p1',
      name: 'Eva Berg',
      identityNumber: '19800101-1234',
      phone: '070-123 45 67',
      priority: 1,
      priorityReason: 'Arbetar på äldreboende',
      status: 'open',
      positiveTakenAt: '2026-03-01T08:00:00.000Z',
      openedAt: '2026-03-01T09:00:00.000Z',
      questionnaireDueAt: '2026-03-01T10:00:00.000Z',
      questionnaireSentAt: '2026-03-01T09:01:00.000Z',
      firstCallDueAt: '2026-03-02T09:00:00.000Z',
      firstCallAt: null,
      overdue: true,
      possibleReinfection: false,
      assignedTo: 'staff-1',
      assignedToName: 'Lena Holm',
      contactsInformedBy: null,
      severeIllness: false,
      closedAt: null,
    },
    questionnaire: {
      answers: { symptomOnset: '2026-02-27', household: [{ id: household.id, name: 'Per Berg' }], settings: [{ kind: 'care_home', name: 'Solgården', date: '2026-02-28' }], travelledAbroad: false },
      savedAt: '2026-03-01T09:30:00.000Z',
      submittedAt: '2026-03-01T09:40:00.000Z',
    },
    contacts: [household, colleague],
    notes: [],
    notification: null,
    outbreaks: [{ id: 'o1', label: 'Solgården' }],
    sequencing: null,
    adviceOptions: [
      { code: 'stay-home', text: 'Stanna hemma' },
      { code: 'avoid-risk-groups', text: 'Undvik nära kontakt med hushållet' },
    ],
  };
}

describe('Case page', () => {
  it('tracer: shows why the case has its priority, the answers and the contacts, and works the case', async () => {
    const file = caseFile();
    const api = mockApi({
      'GET /api/session': () => json(staffSession('tracer', 'Lena Holm')),
      [`GET ${PATH}`]: () => json(file),
      [`POST ${PATH}/contacts/${colleague.id}/inform`]: () => {
        file.contacts = [household, { ...colleague, informedAt: '2026-03-02T11:00:00.000Z', informedBy: 'tracer', status: 'informed' }];
        return json(file.contacts[1]);
      },
      [`POST ${PATH}/contacts-informed-by`]: () => {
        file.case = { ...file.case, contactsInformedBy: 'tracer' };
        return json({ contactsInformedBy: 'tracer', informed: 0 });
      },
      [`POST ${PATH}/contacts`]: () => json({ ...colleague, id: 'new', name: 'Kim Ek' }),
      [`POST ${PATH}/notes`]: (req) => {
        const note = { id: 'n1', ...(req.body as object), advice: ['stay-home'], authorName: 'Lena Holm', createdAt: '2026-03-02T11:05:00.000Z' };
        file.notes = [note as CaseFile['notes'][number]];
        return json(note);
      },
      [`POST ${PATH}/severity`]: () => json({ severeIllness: true }),
      [`POST ${PATH}/sminet`]: () => {
        file.notification = { status: 'queued', createdAt: '2026-03-02T11:10:00.000Z', sentAt: null, reference: null, error: null, document: {} };
        return json(file.notification);
      },
      [`POST ${PATH}/close`]: () => problem(409, 'Conflict', { detail: 'Ärendet kan inte avslutas innan klinisk anmälan till SmiNet är gjord' }),
    });
    renderApp(`/tracing/cases/${CASE_ID}`);

    expect(await screen.findByRole('heading', { level: 1, name: 'Ärende: Eva Berg' })).toBeTruthy();
    const summary = screen.getByRole('region', { name: 'Indexfall och prioritet' });
    expect(within(summary).getByText('1 · Vård och omsorg')).toBeTruthy();
    expect(within(summary).getByText('Varför prioritet 1:')).toBeTruthy();
    expect(within(summary).getByText('Arbetar på äldreboende', { exact: false })).toBeTruthy();
    expect(within(summary).getByText('Försenad')).toBeTruthy();
    expect(within(summary).getByText('19800101-1234')).toBeTruthy();
    expect(within(summary).getByRole('link', { name: 'Solgården' }).getAttribute('href')).toBe('/tracing/outbreaks/o1');

    const answers = screen.getByRole('region', { name: 'Indexets svar i formuläret' });
    expect(within(answers).getByText('2026-02-27')).toBeTruthy();
    expect(within(answers).getByText('Särskilt boende (SÄBO): Solgården, 2026-02-28')).toBeTruthy();

    const contacts = screen.getByRole('table', { name: 'Indexets kontakter' });
    const perRow = within(contacts).getByRole('row', { name: /Per Berg/ });
    expect(within(perRow).getByText('Informerad')).toBeTruthy();
    expect(within(perRow).getByText(/automatiskt/)).toBeTruthy();
    const omarRow = within(contacts).getByRole('row', { name: /Omar Said/ });
    expect(within(omarRow).getByText('Namngiven')).toBeTruthy();
    fireEvent.click(within(omarRow).getByRole('button', { name: 'Informera Omar Said' }));
    await waitFor(() => expect(within(within(screen.getByRole('table', { name: 'Indexets kontakter' })).getByRole('row', { name: /Omar Said/ })).getByText(/av smittspårare/)).toBeTruthy());
    expect(api.callsTo('POST', `${PATH}/contacts/${colleague.id}/inform`)[0]?.body).toEqual({});

    fireEvent.click(screen.getByLabelText('Smittspåraren'));
    await waitFor(() => expect(api.callsTo('POST', `${PATH}/contacts-informed-by`)[0]?.body).toEqual({ by: 'tracer' }));

    const addContact = screen.getByRole('form', { name: 'Lägg till kontakt' });
    fireEvent.change(within(addContact).getByLabelText(/^Namn/), { target: { value: 'Kim Ek' } });
    fireEvent.change(within(addContact).getByLabelText('Telefon'), { target: { value: '070-999 88 77' } });
    fireEvent.click(within(addContact).getByRole('button', { name: 'Lägg till kontakten' }));
    await waitFor(() => expect(api.callsTo('POST', `${PATH}/contacts`)[0]?.body).toEqual({ name: 'Kim Ek', phone: '070-999 88 77', relation: 'close' }));

    fireEvent.click(screen.getByLabelText('Stanna hemma'));
    fireEvent.click(screen.getByRole('button', { name: 'Registrera förhållningsregler' }));
    await waitFor(() =>
      expect(api.callsTo('POST', `${PATH}/notes`)[0]?.body).toEqual({ kind: 'advice', text: 'Förhållningsreglerna är genomgångna med indexet.', advice: ['stay-home'] }),
    );
    expect(await screen.findByText('Förhållningsreglerna är genomgångna med indexet.')).toBeTruthy();

    fireEvent.click(screen.getByRole('switch', { name: /Svår sjukdom/ }));
    await waitFor(() => expect(api.callsTo('POST', `${PATH}/severity`)[0]?.body).toEqual({ severeIllness: true }));

    fireEvent.click(screen.getByRole('button', { name: 'Avsluta ärendet' }));
    const refusal = await screen.findByRole('alert');
    expect(within(refusal).getByText('Ärendet kan inte avslutas innan klinisk anmälan till SmiNet är gjord')).toBeTruthy();

    const sminet = screen.getByRole('region', { name: 'Klinisk anmälan till SmiNet' });
    fireEvent.change(within(sminet).getByLabelText('Smittmiljö'), { target: { value: 'care_home' } });
    fireEvent.click(within(sminet).getByRole('button', { name: 'Skicka anmälan' }));
    expect(await within(sminet).findByText('Väntar på att skickas')).toBeTruthy();
    expect(api.callsTo('POST', `${PATH}/sminet`)[0]?.body).toEqual({ likelyInfectionCountry: 'SE', setting: 'care_home' });
  }, 20_000);

  it('smittskydd: reads the case without the tracer’s tools, and may close it', async () => {
    mockApi({
      'GET /api/session': () => json(staffSession('smittskydd')),
      [`GET ${PATH}`]: () => json(caseFile()),
    });
    renderApp(`/tracing/cases/${CASE_ID}`);
    expect(await screen.findByRole('heading', { level: 1, name: 'Ärende: Eva Berg' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Informera Omar Said' })).toBeNull();
    expect(screen.queryByRole('form', { name: 'Lägg till kontakt' })).toBeNull();
    expect(screen.queryByRole('button', { name: 'Skicka anmälan' })).toBeNull();
    expect(screen.getByText('Ingen anmälan är gjord.')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Avsluta ärendet' })).toBeTruthy();
    expect(screen.getByRole('navigation', { name: 'Smittspårningens sidor' })).toBeTruthy();
  });
});
