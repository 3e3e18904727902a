// @vitest-environment jsdom
import { fireEvent, screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp, staffSession } from '../test-utils.js';

const base = { numerator: 'Listade med namngiven läkare', denominator: 'Listade', computation: 'named_doctor_share', unit: 'percent', source: 'Listning', population: 'Listade', periodType: 'year', owner: 'SKR', note: null };
const v2 = { ...base, id: 'd2', code: 'named_doctor', version: 2, nameSv: 'Andel med fast läkarkontakt', nameEn: 'Named doctor', target: { value: 55, direction: 'at_least', date: '2022-12-31' }, active: true };
const v1 = { ...v2, id: 'd1', version: 1, nameSv: 'Andel som uppger fast läkarkontakt', computation: null, active: false };

const comparison = {
  code: 'named_doctor',
  current: v2,
  versions: [v2, v1],
  target: { value: 55, direction: 'at_least', date: '2022-12-31' },
  periods: ['2021', '2022'],
  series: [
    { regionId: '17', regionName: 'Region Värmland', version: 1, otherVersion: true, missedTarget: false, trend: null, points: [{ period: '2021', value: 52, numerator: 52, denominator: 100, source: 'reported', target: 'missed' }] },
    {
      regionId: '18',
      regionName: 'Region Örebro län',
      version: 2,
      otherVersion: false,
      missedTarget: true,
      trend: 'improving',
      points: [
        { period: '2021', value: 50.8, numerator: 508, denominator: 1000, source: 'reported', target: 'missed' },
        { period: '2022', value: 53.2, numerator: 532, denominator: 1000, source: 'reported', target: 'missed' },
      ],
    },
  ],
};

describe('Indicator pages', () => {
  it('lists every definition version with the active one marked and the target written out', async () => {
    mockApi({ 'GET /api/session': () => json(staffSession('analyst')), 'GET /api/indicators/definitions': () => json({ definitions: [v2, v1] }) });
    renderApp('/indicators');
    const table = await screen.findByRole('table', { name: 'Definitioner och versioner' });
    const active = within(table).getByRole('row', { name: /Andel med fast läkarkontakt/ });
    expect(within(active).getByText('Aktiv')).toBeTruthy();
    expect(within(active).getByText('minst 55 % senast 2022-12-31')).toBeTruthy();
    expect(within(within(table).getByRole('row', { name: /Andel som uppger/ })).getByText('Ersatt')).toBeTruthy();
  }, 30_000);

  it('publishes a changed definition as the next version', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('national_analyst')),
      'GET /api/indicators/definitions': () => json({ definitions: [v2, v1] }),
      'POST /api/indicators/definitions/named_doctor/versions': () => json({ ...v2, id: 'd3', version: 3 }, 201),
    });
    renderApp('/indicators');
    const form = await screen.findByRole('form', { name: 'Ny version av en definition' });
    await within(form).findByRole('option', { name: 'Andel med fast läkarkontakt' });
    fireEvent.change(within(form).getByRole('combobox', { name: 'Indikator' }), { target: { value: 'named_doctor' } });
    fireEvent.change(within(form).getByRole('textbox', { name: /^Nämnare/ }), { target: { value: 'Folkbokförda' } });
    fireEvent.click(within(form).getByRole('button', { name: 'Publicera version 3' }));
    expect(await within(form).findByText('Version 3 av named_doctor är publicerad och gäller nu.')).toBeTruthy();
    expect(api.callsTo('POST', '/api/indicators/definitions/named_doctor/versions')[0]?.body).toMatchObject({ denominator: 'Folkbokförda', numerator: base.numerator, target: { value: 55, direction: 'at_least', date: '2022-12-31' } });
  }, 30_000);

  it('compares regions, the older definition marked apart, the missed target and the trend flagged', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('national_analyst')),
      'GET /api/indicators/definitions': () => json({ definitions: [v2, v1] }),
      'GET /api/indicators/comparison': () => json(comparison),
    });
    renderApp('/indicators/comparison');
    await screen.findByRole('option', { name: 'Andel med fast läkarkontakt' });
    fireEvent.change(screen.getByRole('combobox', { name: 'Indikator' }), { target: { value: 'named_doctor' } });
    const table = await screen.findByRole('table', { name: 'Värden per region och period' });
    expect(within(within(table).getByRole('row', { name: /Värmland/ })).getByText('Version 1 – annan definition, jämförs inte direkt')).toBeTruthy();
    const own = within(table).getByRole('row', { name: /Örebro/ });
    expect(within(own).getByText('Målet nås inte')).toBeTruthy();
    expect(within(own).getByText('Förbättras')).toBeTruthy();
    expect(api.callsTo('GET', '/api/indicators/comparison')[0]?.query.get('code')).toBe('named_doctor');
  }, 30_000);
});
