// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { citizenSession, json, mockApi, problem, renderApp, staffSession } from '../../test-utils.js';
import type { QuestionnaireAnswers } from './answers.js';
import type { MyQuestionnaire } from './questionnaireApi.js';

const PATH = '/api/tracing/my-questionnaire';
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/;

function fakeServer(start: Partial<MyQuestionnaire> = {}) {
  let state: MyQuestionnaire = { caseId: 'case-1', dueAt: '2026-03-01T10:00:00.000Z', answers: {}, savedAt: null, submittedAt: null, household: [{ name: 'Per Berg' }], ...start };
  const api = mockApi({
    'GET /api/session': () => json(citizenSession('Eva Berg')),
    [`GET ${PATH}`]: () => json(state),
    [`PUT ${PATH}`]: (req) => {
      const { answers, submit } = req.body as { answers: QuestionnaireAnswers; submit: boolean };
      const at = '2026-03-01T09:30:00.000Z';
      state = { ...state, answers, savedAt: at, submittedAt: submit ? at : null };
      return json(state);
    },
  });
  const saves = () => api.callsTo('PUT', PATH).map((c) => c.body as { answers: QuestionnaireAnswers; submit: boolean });
  return { api, saves };
}

describe('Citizen questionnaire', () => {
  it('starts from the register’s household, saves on each step and submits at the end', async () => {
    const { saves } = fakeServer();
    renderApp('/tracing/questionnaire');
    expect(await screen.findByRole('heading', { level: 1, name: 'Frågor om smittspårning' })).toBeTruthy();
    expect(await screen.findByRole('heading', { level: 2, name: 'Steg 1 av 6: Symtom' })).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Första dagen med symtom'), { target: { value: '2026-02-27' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nästa' }));
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toMatchObject({ submit: false, answers: { symptomOnset: '2026-02-27', household: [{ name: 'Per Berg' }] } });
    expect(saves()[0]!.answers.household![0]!.id).toMatch(UUID);
    expect(await screen.findByText((_, el) => el?.tagName === 'P' && el.textContent === 'Sparat 1 mars 2026 10:30')).toBeTruthy();

    expect(screen.getByRole('heading', { level: 2, name: 'Steg 2 av 6: Hushåll' })).toBeTruthy();
    const member = screen.getByRole('group', { name: 'Person 1 i hushållet' });
    expect((within(member).getByLabelText(/^Namn/) as HTMLInputElement).value).toBe('Per Berg');
    fireEvent.click(screen.getByRole('button', { name: 'Lägg till person i hushållet' }));
    const second = screen.getByRole('group', { name: 'Person 2 i hushållet' });
    fireEvent.change(within(second).getByLabelText(/^Namn/), { target: { value: 'Lisa Berg' } });
    fireEvent.change(within(second).getByLabelText('Telefonnummer'), { target: { value: '070-111 22 33' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nästa' }));
    await waitFor(() => expect(saves()).toHaveLength(2));
    expect(saves()[1]!.answers.household).toEqual([
      expect.objectContaining({ name: 'Per Berg' }),
      expect.objectContaining({ name: 'Lisa Berg', phone: '070-111 22 33', identityNumber: null }),
    ]);

    // Close contacts: nothing changed, so moving on saves nothing.
    fireEvent.click(screen.getByRole('button', { name: 'Nästa' }));
    fireEvent.click(await screen.findByRole('button', { name: 'Lägg till plats' }));
    const place = screen.getByRole('group', { name: 'Plats 1' });
    fireEvent.change(within(place).getByLabelText('Typ av plats'), { target: { value: 'school_class' } });
    fireEvent.change(within(place).getByLabelText(/^Namn på platsen/), { target: { value: 'Ekskolan' } });
    fireEvent.change(within(place).getByLabelText('Klass'), { target: { value: '3B' } });
    fireEvent.click(screen.getByRole('button', { name: 'Nästa' }));
    await waitFor(() => expect(saves()).toHaveLength(3));
    expect(saves()[2]!.answers.settings).toEqual([{ kind: 'school_class', name: 'Ekskolan', schoolClass: '3B', date: null }]);

    fireEvent.click(screen.getByLabelText('Nej'));
    fireEvent.click(screen.getByRole('button', { name: 'Nästa' }));
    expect(await screen.findByRole('heading', { level: 2, name: 'Steg 6 av 6: Skicka in' })).toBeTruthy();
    expect(screen.getByText('Skolklass: Ekskolan, 3B')).toBeTruthy();
    fireEvent.click(screen.getByRole('button', { name: 'Skicka in svaren' }));
    expect(await screen.findByText('Tack för dina svar')).toBeTruthy();
    const last = saves().at(-1)!;
    expect(last.submit).toBe(true);
    expect(last.answers).toMatchObject({ travelledAbroad: false, travelCountry: null });
  }, 20_000);

  it('saves a moment after the citizen leaves a field', async () => {
    const { saves } = fakeServer({ answers: { household: [] }, savedAt: '2026-03-01T09:00:00.000Z' });
    renderApp('/tracing/questionnaire');
    const onset = await screen.findByLabelText('Första dagen med symtom');
    fireEvent.change(onset, { target: { value: '2026-02-26' } });
    expect(screen.getByText('Dina senaste ändringar sparas när du lämnar fältet.')).toBeTruthy();
    fireEvent.blur(onset);
    await waitFor(() => expect(saves()).toHaveLength(1));
    expect(saves()[0]).toMatchObject({ submit: false, answers: { symptomOnset: '2026-02-26', household: [] } });
  });

  it('tells a citizen without an open case that there is nothing to answer', async () => {
    mockApi({
      'GET /api/session': () => json(citizenSession()),
      [`GET ${PATH}`]: () => problem(404, 'Not found', { detail: 'An open contact-tracing case for you was not found' }),
    });
    renderApp('/tracing/questionnaire');
    expect(await screen.findByText(/Du har inget pågående smittspårningsärende/)).toBeTruthy();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('is not a page for staff', async () => {
    const api = mockApi({ 'GET /api/session': () => json(staffSession('tracer')) });
    renderApp('/tracing/questionnaire');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sidan finns inte' })).toBeTruthy();
    expect(api.callsTo('GET', PATH)).toEqual([]);
  });
});
