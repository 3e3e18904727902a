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
  outsideInfectiousPeriod: false,
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
      indexCaseId: null,
      stage: 'assigned',
      unreachedCalls: 0,
      callBackAt: null,
      escalatedAt: null,
      classification: 'confirmed',
      classifiedAt: null,
      classifiedByName: null,
      outcome: null,
      symptomOnset: '2026-02-27',
      noSymptoms: false,
      infectiousPeriod: { from: '2026-02-25', to: '2026-03-06', basis: 'onset', provisional: false, ruleValidFrom: '2020-01-01' },
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
    calls: [],
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

  it('tracer: records calls with outcome, duration and note; the third without answer raises the case', async () => {
    const file = caseFile();
    let n = 0;
    const api = mockApi({
      'GET /api/session': () => json(staffSession('tracer', 'Lena Holm')),
      [`GET ${PATH}`]: () => json(file),
      [`POST ${PATH}/call`]: (req) => {
        const body = req.body as { outcome: 'no_answer'; durationMinutes: number; note?: string };
        n += 1;
        const call = { id: `call-${n}`, outcome: body.outcome, note: body.note ?? null, durationMinutes: body.durationMinutes, callBackAt: null, calledAt: `2026-03-02T1${n}:00:00.000Z`, staffName: 'Lena Holm' };
        file.calls = [...file.calls, call];
        file.case = { ...file.case, stage: 'escalated', unreachedCalls: 3, escalatedAt: '2026-03-02T13:00:00.000Z' };
        return json({ call, case: { id: CASE_ID, stage: 'escalated', firstCallAt: null, unreachedCalls: 3, escalatedAt: '2026-03-02T13:00:00.000Z', callBackAt: null } });
      },
    });
    renderApp(`/tracing/cases/${CASE_ID}`);
    const panel = await screen.findByRole('region', { name: 'Samtal och bedömning' });
    expect(within(panel).getByText('Tagen, ej ringd')).toBeTruthy();

    // Outcome and duration are required before anything is sent.
    fireEvent.click(within(panel).getByRole('button', { name: 'Registrera samtal' }));
    expect(await within(panel).findByText('Välj samtalets utfall')).toBeTruthy();
    fireEvent.click(within(panel).getByRole('radio', { name: 'Inget svar' }));
    fireEvent.click(within(panel).getByRole('button', { name: 'Registrera samtal' }));
    expect(await within(panel).findByText('Ange samtalets längd')).toBeTruthy();
    expect(api.callsTo('POST', `${PATH}/call`)).toHaveLength(0);

    fireEvent.change(within(panel).getByRole('textbox', { name: /Samtalets längd/ }), { target: { value: '2' } });
    fireEvent.change(within(panel).getByLabelText('Anteckning'), { target: { value: 'Röstbrevlåda' } });
    fireEvent.click(within(panel).getByRole('button', { name: 'Registrera samtal' }));
    await waitFor(() => expect(api.callsTo('POST', `${PATH}/call`)[0]?.body).toEqual({ outcome: 'no_answer', durationMinutes: 2, note: 'Röstbrevlåda' }));
    const log = await within(panel).findByRole('table', { name: 'Samtal med indexet' });
    expect(within(log).getByRole('row', { name: /Inget svar 2 min Röstbrevlåda Lena Holm/ })).toBeTruthy();
    expect(await within(panel).findByText('Lyft till koordinator')).toBeTruthy();
  }, 20_000);

  it('tracer: sees the infectious period, flags a contact exposed outside it, and classifies the case', async () => {
    const file = caseFile();
    file.contacts = [household, { ...colleague, exposureDate: '2026-02-20', outsideInfectiousPeriod: true }];
    const api = mockApi({
      'GET /api/session': () => json(staffSession('tracer', 'Lena Holm')),
      [`GET ${PATH}`]: () => json(file),
      [`POST ${PATH}/classification`]: () => problem(400, 'Invalid request', { errors: [{ field: 'symptomOnset', message: 'Symtomdebuten ligger i framtiden / the onset is in the future' }] }),
    });
    renderApp(`/tracing/cases/${CASE_ID}`);
    const panel = await screen.findByRole('region', { name: 'Klassificering och smittsam period' });
    expect(within(panel).getByText('2026-02-25 – 2026-03-06', { exact: false }).textContent).toContain('från symtomdebut');
    expect(within(panel).getByText(/Bekräftat genom det positiva provet/).textContent).toContain('Bekräftat fall');
    const contacts = screen.getByRole('table', { name: 'Indexets kontakter' });
    expect(within(within(contacts).getByRole('row', { name: /Omar Said/ })).getByText('Utanför smittsam period')).toBeTruthy();
    expect(within(within(contacts).getByRole('row', { name: /Per Berg/ })).queryByText('Utanför smittsam period')).toBeNull();

    fireEvent.change(within(panel).getByLabelText('Klassificering'), { target: { value: 'probable' } });
    fireEvent.click(within(panel).getByLabelText('Inga symtom'));
    fireEvent.click(within(panel).getByRole('button', { name: 'Spara klassificeringen' }));
    await waitFor(() => expect(api.callsTo('POST', `${PATH}/classification`)[0]?.body).toEqual({ classification: 'probable', outcome: null, symptomOnset: null, noSymptoms: true }));
    expect((await within(panel).findAllByText(/Symtomdebuten ligger i framtiden/)).length).toBeGreaterThan(0);
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
