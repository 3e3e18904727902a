// @vitest-environment jsdom
import { fireEvent, screen, waitFor, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../../../test-utils.js';

const saved = (body: unknown) => json({ ...(body as object), id: 'r9', version: 1, source: null, createdBy: 'Eva Wallin' }, 201);

function coordinatorApi(answer: (body: unknown, n: number) => ReturnType<typeof json>) {
  let n = 0;
  return mockApi({
    'GET /api/session': () => json(staffSession('vaccine_coordinator', 'Eva Wallin')),
    'GET /api/vaccination/recommendations': () => json({ recommendations: [] }),
    'POST /api/vaccination/recommendations': (req) => answer(req.body, n++),
  });
}

const type = (input: HTMLElement, value: string) => fireEvent.change(input, { target: { value } });

async function openForm() {
  renderApp('/vaccination/recommendations');
  const form = await screen.findByRole('form', { name: 'Lägg till rekommendation' });
  const f = within(form);
  type(f.getByLabelText(/^Kod/), 'covid-2026-80-plus');
  type(f.getByLabelText(/^Namn/), 'Påfyllnadsdoser 2026: 80 år och äldre och SÄBO');
  type(f.getByLabelText(/^Gäller från/), '2026-03-01');
  return f;
}

const group = (f: ReturnType<typeof within>, n: number) => within(f.getByRole('group', { name: `Grupp ${n}` }));

describe('the recommendation criteria form', () => {
  it('builds the criteria from the fields, reads them back in words and posts the body the server takes', async () => {
    const api = coordinatorApi((body) => saved(body));
    const f = await openForm();
    // Cohort 1: 80 and older; cohort 2: SÄBO at any age (the template's 18 and risk group cleared).
    type(group(f, 1).getByLabelText(/^Från ålder/), '80');
    type(group(f, 2).getByLabelText(/^Från ålder/), '');
    fireEvent.click(group(f, 2).getByRole('checkbox', { name: 'Medicinsk riskgrupp' }));
    fireEvent.click(group(f, 2).getByRole('checkbox', { name: 'Bor på SÄBO' }));
    // A spring window besides the autumn one.
    fireEvent.click(f.getByRole('button', { name: 'Lägg till fönster' }));
    const spring = within(f.getByRole('group', { name: 'Säsongsfönster 2' }));
    type(spring.getByLabelText(/^Fönstrets namn/), 'vårens dos');
    type(spring.getByLabelText(/^Från \(MM-DD\)/), '03-01');
    type(spring.getByLabelText(/^Till och med \(MM-DD\)/), '08-31');
    type(f.getByLabelText(/^Erbjudandet i ord/), 'två påfyllnadsdoser per år, vår och höst');

    const words = within(f.getByRole('region', { name: 'Villkoren i ord' }));
    expect(words.getByText('Omfattar: 80 år och äldre; alla som bor på särskilt boende (SÄBO).')).toBeTruthy();
    expect(words.getByText('En dos per säsongsfönster (höstens dos 1 september–31 december, vårens dos 1 mars–31 augusti), tidigast 180 dagar efter förra dosen.')).toBeTruthy();
    expect(words.getByText('Erbjudandet: två påfyllnadsdoser per år, vår och höst.')).toBeTruthy();

    fireEvent.click(f.getByRole('button', { name: 'Spara rekommendationen' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/vaccination/recommendations')).toHaveLength(1));
    expect(api.callsTo('POST', '/api/vaccination/recommendations')[0]!.body).toEqual({
      code: 'covid-2026-80-plus',
      title: 'Påfyllnadsdoser 2026: 80 år och äldre och SÄBO',
      vaccine: 'covid-19',
      priority: 2,
      validFrom: '2026-03-01',
      validTo: null,
      criteria: {
        cohorts: [{ minAge: 80 }, { anyOf: ['care_home'] }],
        schedule: {
          kind: 'seasonal',
          windows: [
            { name: 'höstens dos', from: '09-01', to: '12-31' },
            { name: 'vårens dos', from: '03-01', to: '08-31' },
          ],
          minIntervalDays: 180,
          minPriorDoses: 0,
        },
        offer: 'två påfyllnadsdoser per år, vår och höst',
      },
    });
    expect(await f.findByText('Påfyllnadsdoser 2026: 80 år och äldre och SÄBO är sparad (version 1).')).toBeTruthy();
  });

  it('sends a primary series, and shows the server’s message at the field it names', async () => {
    const api = coordinatorApi((body, n) =>
      n === 0 ? problem(400, 'Invalid request', { detail: 'Invalid body: criteria.cohorts.0.maxAge: minAge must not exceed maxAge', errors: [{ field: 'criteria.cohorts.0.maxAge', message: 'minAge must not exceed maxAge' }] }) : saved(body),
    );
    const f = await openForm();
    fireEvent.click(f.getByRole('button', { name: 'Ta bort grupp 2' }));
    expect(f.queryByRole('group', { name: 'Grupp 2' })).toBeNull();
    type(group(f, 1).getByLabelText(/^Från ålder/), '70');
    type(group(f, 1).getByLabelText(/^Till och med ålder/), '60');
    fireEvent.click(f.getByRole('radio', { name: 'Grundserie' }));
    type(f.getByLabelText(/^Antal doser/), '2');
    type(f.getByLabelText(/^Minst dagar mellan doserna/), '');
    expect(f.getByText('Fyll i ett tal')).toBeTruthy();
    fireEvent.click(f.getByRole('button', { name: 'Spara rekommendationen' }));
    expect(api.callsTo('POST', '/api/vaccination/recommendations')).toHaveLength(0);
    type(f.getByLabelText(/^Minst dagar mellan doserna/), '21');
    expect(within(f.getByRole('region', { name: 'Villkoren i ord' })).getByText('2 doser med minst 21 dagars mellanrum.')).toBeTruthy();

    fireEvent.click(f.getByRole('button', { name: 'Spara rekommendationen' }));
    const maxAge = group(f, 1).getByLabelText(/^Till och med ålder/);
    await waitFor(() => expect(maxAge.getAttribute('aria-invalid')).toBe('true'));
    expect(group(f, 1).getByText('minAge must not exceed maxAge')).toBeTruthy();
    const body = api.callsTo('POST', '/api/vaccination/recommendations')[0]!.body as { criteria: unknown };
    expect(body.criteria).toEqual({ cohorts: [{ minAge: 70, maxAge: 60 }], schedule: { kind: 'series', doses: 2, intervalDays: 21 }, offer: 'en påfyllnadsdos på hösten' });

    type(group(f, 1).getByLabelText(/^Till och med ålder/), '79');
    fireEvent.click(f.getByRole('button', { name: 'Spara rekommendationen' }));
    await waitFor(() => expect(api.callsTo('POST', '/api/vaccination/recommendations')).toHaveLength(2));
    expect((api.callsTo('POST', '/api/vaccination/recommendations')[1]!.body as { criteria: { cohorts: unknown } }).criteria.cohorts).toEqual([{ minAge: 70, maxAge: 79 }]);
  });
});
