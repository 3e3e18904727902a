// @vitest-environment jsdom
import '../../test-setup.js';
import { fireEvent, render, screen, waitFor, within } from '@testing-library/react';
import { MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ActorContext } from '../../ActorContext.js';
import type { Actor } from '../../api.js';
import { createI18n } from '../../i18n/index.js';
import { Providers } from '../../Providers.js';
import { createQueryClient } from '../../queryClient.js';
import { json, mockApi, REGION } from '../../test-utils.js';
import StatisticsRoutes from './StatisticsRoutes.js';
import type { StaffRole } from '../../navigation.js';

function renderAt(path: string, role: StaffRole) {
  const actor: Actor = { kind: 'staff', id: 's1', name: 'Anna Andersson', role, region: REGION, language: null };
  const queryClient = createQueryClient({ onUnauthorized: () => {} });
  queryClient.setDefaultOptions({ queries: { retry: false } });
  return render(
    <Providers queryClient={queryClient} i18n={createI18n('sv')} env="test">
      <ActorContext.Provider value={actor}>
        <MemoryRouter initialEntries={[path]}>
          <Routes>
            <Route path="/testing/statistics/*" element={<StatisticsRoutes />} />
          </Routes>
        </MemoryRouter>
      </ActorContext.Provider>
    </Providers>,
  );
}

const row = (over: object) => ({
  regionId: '18', regionName: 'Region Örebro län', week: '2021-W49', testType: 'pcr', provider: 'region', tests: 6, individuals: 3, positive: 1, negative: 3,
  notAssessable: 1, pending: 1, sharePositive: 0.25, individualsPer100k: 1.0, capacity: 2100, ...over,
});

describe('weekly report page', () => {
  it('shows the weekly table, other providers apart, and download links for the chosen weeks', async () => {
    const api = mockApi({
      'GET /api/testing/statistics/weekly': (req) =>
        json({
          from: req.query.get('from'), to: req.query.get('to'), weeks: ['2021-W49'],
          regions: [{ regionId: '18', regionName: 'Region Örebro län', population: 304805, source: 'regions.population', note: null }],
          rows: [row({}), row({ testType: 'antigen', tests: 0, individuals: 0, positive: 0, negative: 0, notAssessable: 0, pending: 0, sharePositive: null }), row({ testType: 'antigen', provider: 'other', tests: 2, individuals: 2, positive: 1, negative: 1, sharePositive: 0.5, capacity: null })],
          national: null,
        }),
    });
    renderAt('/testing/statistics/weekly', 'analyst');
    expect(await screen.findByRole('heading', { level: 1, name: 'Veckorapport till Folkhälsomyndigheten' }, { timeout: 15_000 })).toBeTruthy();
    const own = await screen.findByRole('table', { name: /prover tagna av regionen/ });
    const pcr = within(own).getByText('PCR').closest('tr')!;
    expect(within(pcr).getByText('25,0 %')).toBeTruthy();
    expect(within(pcr).getByText('2 100')).toBeTruthy();
    const other = screen.getByRole('table', { name: /andra vårdgivare/ });
    expect(within(other).getByText('50,0 %')).toBeTruthy();
    expect(screen.getByText(/304 805 invånare/)).toBeTruthy();

    fireEvent.change(screen.getByLabelText('Från och med vecka'), { target: { value: '2021-W40' } });
    await waitFor(() => expect(api.callsTo('GET', '/api/testing/statistics/weekly').at(-1)?.query.get('from')).toBe('2021-W40'));
    await waitFor(() => expect(screen.getByRole('button', { name: 'Ladda ner' }).hasAttribute('disabled')).toBe(false));
    fireEvent.click(screen.getByRole('button', { name: 'Ladda ner' }));
    expect((await screen.findByRole('menuitem', { name: /CSV ;/ })).getAttribute('href')).toMatch(/^\/api\/testing\/statistics\/weekly\.csv\?from=2021-W40&to=\d{4}-W\d\d&separator=semicolon&lang=sv$/);
    expect(screen.getByRole('menuitem', { name: /CSV ,/ }).getAttribute('href')).toMatch(/weekly\.csv\?from=2021-W40&to=\d{4}-W\d\d&separator=comma&lang=sv$/);
    expect(screen.getByRole('menuitem', { name: 'Excel (XLSX)' }).getAttribute('href')).toMatch(/weekly\.xlsx\?from=2021-W40/);
    expect(screen.getByRole('menuitem', { name: 'PDF-rapport' }).getAttribute('href')).toMatch(/weekly\.pdf\?from=2021-W40/);
  });

  it('gives the national analyst every region and the national total', async () => {
    mockApi({
      'GET /api/testing/statistics/weekly': () =>
        json({
          from: '2021-W49', to: '2021-W49', weeks: ['2021-W49'],
          regions: [
            { regionId: '01', regionName: 'Region Stockholm', population: 2415139, source: 'regions.population', note: null },
            { regionId: '18', regionName: 'Region Örebro län', population: 304805, source: 'regions.population', note: null },
          ],
          rows: [row({ regionId: '01', regionName: 'Region Stockholm', tests: 10, positive: 2, negative: 8 }), row({})],
          national: [row({ regionId: 'SE', regionName: 'Riket', tests: 16, positive: 3, negative: 11, sharePositive: 3 / 14 })],
        }),
    });
    renderAt('/testing/statistics/weekly', 'national_analyst');
    const regions = await screen.findByRole('table', { name: 'Regioner, summa för perioden' }, { timeout: 15_000 });
    expect(within(regions).getByText('Region Stockholm')).toBeTruthy();
    const total = within(regions).getByText('Riket').closest('tr')!;
    expect(within(total).getByText('16')).toBeTruthy();
  });
});

describe('statistics index and reimbursement', () => {
  it('lists the three pages, and shows the claim with what was left out and why', async () => {
    mockApi({
      'GET /api/testing/statistics/reimbursement': () =>
        json({
          regionId: '18', from: '2021-12-27', to: '2022-01-09',
          lines: [{ testType: 'pcr', validFrom: '2022-01-01', validTo: null, sek: 1100, tests: 4, amountSek: 4400 }],
          totalSek: 4400, totalTests: 4,
          excluded: [{ testType: 'antigen', reason: 'self_sampled_antigen', tests: 4 }],
          rules: ['Only tests with an answer are claimed.'],
        }),
    });
    const view = renderAt('/testing/statistics', 'analyst');
    expect(await screen.findByRole('link', { name: 'Kapacitet' })).toBeTruthy();
    fireEvent.click(screen.getByRole('link', { name: 'Ersättningsanspråk' }));
    const excluded = await screen.findByRole('table', { name: 'Ingår inte' });
    expect(within(excluded).getByText('Antigentest taget av personen själv')).toBeTruthy();
    expect(screen.getAllByText(/4\s400,00\s?kr/).length).toBeGreaterThan(0);
    view.unmount();
  });
});
