// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp, staffSession } from '../test-utils.js';

const caseId = '5d0f1c56-38b4-4b1c-9a3e-1b8a3b0d4a11';

describe('the public register', () => {
  it('withholds a secret document, shows its ground, and hides a name published without consent', async () => {
    mockApi({
      'GET /api/auth/config': () => json({ demo: true, oidc: false, regionName: 'Region Exempel' }),
      [`GET /api/governance/public/cases/${caseId}`]: () =>
        json({
          id: caseId,
          caseNumber: '21RS5471',
          type: 'citizen_proposal',
          title: 'Svar på medborgarförslag om primärjouren',
          receivedOn: '2021-06-14',
          status: 'decided',
          outcome: 'deemed_answered',
          proposer: { name: null, published: false },
          path: [{ body: 'registry', event: 'Registrerat', occurredOn: '2021-06-14' }],
          memo: null,
          decisions: [{ body: 'Hälso- och sjukvårdsnämnden', heldOn: '2021-12-01', position: 3, decision: ['att anse medborgarförslaget besvarat.'], postedOn: '2021-12-15', appealUntil: '2022-01-05' }],
          documents: [
            { id: 'a', registeredOn: '2021-06-14', secret: false, secrecyGround: null, title: 'Medborgarförslag', body: 'Text' },
            { id: 'b', registeredOn: '2021-06-20', secret: true, secrecyGround: 'OSL 25 kap. 1 §', title: null, body: null },
          ],
        }),
    });
    renderApp(`/register/${caseId}`);
    expect(await screen.findByRole('heading', { level: 1, name: '21RS5471 Svar på medborgarförslag om primärjouren' })).toBeTruthy();
    expect(screen.getByText('Handlingen omfattas av sekretess (OSL 25 kap. 1 §) och visas inte.')).toBeTruthy();
    expect(screen.getByText('Förslagsställare: Namnet publiceras inte.')).toBeTruthy();
    expect(screen.getByText('att anse medborgarförslaget besvarat.')).toBeTruthy();
  });
});

describe('the committee section', () => {
  it('shows a member the register without the registration form', async () => {
    mockApi({
      'GET /api/session': () => json(staffSession('committee_member', 'Birgitta Löf')),
      'GET /api/governance/cases': () => json({ cases: [{ id: caseId, caseNumber: '21RS5471', type: 'citizen_proposal', title: 'Primärjouren', status: 'decided', outcome: null, receivedOn: '2021-06-14' }] }),
    });
    renderApp('/governance');
    const table = await screen.findByRole('table', { name: 'Ärenden i diariet' });
    expect(within(table).getByRole('link', { name: '21RS5471' })).toBeTruthy();
    expect(screen.queryByRole('button', { name: 'Registrera' })).toBeNull();
  });
});
