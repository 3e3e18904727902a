// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../test-utils.js';

const person = { id: 'p1', identityNumber: '19610409-1234', givenName: 'Ingrid', familyName: 'Sökbarsson', birthDate: '1961-04-09', age: 64, streetAddress: 'Storgatan 1', postalCode: '70210', locality: 'Örebro', phone: null };

describe('Find a person', () => {
  it('searches by name and birth date with the reason, and lists who was found', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('tracer')),
      'GET /api/persons/find': () => json({ people: [person], more: false }),
    });
    renderApp('/persons');
    await screen.findByRole('heading', { level: 1, name: 'Sök person' });
    fireEvent.change(screen.getByLabelText(/^Namn/), { target: { value: 'Ingrid Sökbarsson' } });
    fireEvent.change(screen.getByLabelText(/^Födelsedatum/), { target: { value: '1961-04-09' } });
    fireEvent.change(screen.getByLabelText(/^Anledning/), { target: { value: 'Smittspårning: kontakt till ärende' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    const table = await screen.findByRole('table', { name: 'Personer som matchar sökningen' });
    expect(within(table).getByRole('rowheader').textContent).toBe('Ingrid Sökbarsson');
    expect(within(table).getByText('19610409-1234')).toBeTruthy();
    const query = api.callsTo('GET', '/api/persons/find')[0]!.query;
    expect(Object.fromEntries(query)).toEqual({ name: 'Ingrid Sökbarsson', birthDate: '1961-04-09', purpose: 'Smittspårning: kontakt till ärende' });
  });

  it('requires a reason before it asks the server', async () => {
    const api = mockApi({ 'GET /api/session': () => json(staffSession('vaccinator')) });
    renderApp('/persons');
    await screen.findByRole('heading', { level: 1, name: 'Sök person' });
    fireEvent.change(screen.getByLabelText(/^Personnummer/), { target: { value: '19610409-1234' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    expect(await screen.findByText('Ange en anledning till sökningen')).toBeTruthy();
    expect(api.callsTo('GET', '/api/persons/find')).toHaveLength(0);
  });

  it('shows the problem on the field the server names, and says when more than ten match', async () => {
    let answer = problem(400, 'Invalid request', { errors: [{ field: 'birthDate', message: 'Ange födelsedatum till namnet / a name alone lists everyone of that name: give the birth date too' }] });
    mockApi({ 'GET /api/session': () => json(staffSession('sampler')), 'GET /api/persons/find': () => answer });
    renderApp('/persons');
    await screen.findByRole('heading', { level: 1, name: 'Sök person' });
    fireEvent.change(screen.getByLabelText(/^Namn/), { target: { value: 'Lars Mångsson' } });
    fireEvent.change(screen.getByLabelText(/^Anledning/), { target: { value: 'Vaccination per telefon' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    const birthDate = screen.getByLabelText(/^Födelsedatum/);
    expect((await screen.findAllByText(/Ange födelsedatum till namnet/)).length).toBeGreaterThan(0);
    expect(birthDate.getAttribute('aria-invalid')).toBe('true');

    answer = json({ people: Array.from({ length: 10 }, (_, i) => ({ ...person, id: `p${i}` })), more: true });
    fireEvent.change(birthDate, { target: { value: '1955-01-01' } });
    fireEvent.click(screen.getByRole('button', { name: 'Sök' }));
    expect(await screen.findByText(/Fler än tio personer matchar/)).toBeTruthy();
  });

  it('is in English too', async () => {
    mockApi({ 'GET /api/session': () => json(staffSession('tracer')) });
    renderApp('/persons', { language: 'en' });
    expect(await screen.findByRole('heading', { level: 1, name: 'Find a person' })).toBeTruthy();
    expect(screen.getByLabelText(/^Reason/)).toBeTruthy();
  });
});
