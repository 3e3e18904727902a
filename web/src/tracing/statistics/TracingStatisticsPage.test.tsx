// @vitest-environment jsdom
import { screen, within } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp, staffSession } from '../../test-utils.js';

const week = {
  week: '2021-W10',
  cases: 7,
  contacts: 3,
  contactsPerCase: 0.43,
  reachedInTime: { numerator: 2, denominator: 5, share: 0.4 },
  notReached: 2,
  pending: 2,
  questionnaireInTime: { numerator: 6, denominator: 7, share: 6 / 7 },
  medianHoursToFirstContact: 48,
  p90HoursToFirstContact: 114.4,
  hoursAtLeast: true,
};

describe('Tracing statistics page', () => {
  it.each([
    ['sv', 'Smittspårning per vecka', ['40,0 %', '(2 av 5)'], 'minst 48 tim', 'minst 114,4 tim'],
    ['en', 'Contact tracing per week', ['40.0%', '(2 of 5)'], 'at least 48 h', 'at least 114.4 h'],
  ] as const)('shows each share beside its numerator and denominator, the unreached and pending cases, and lower-bound hours (%s)', async (language, caption, share, median, p90) => {
    mockApi({
      'GET /api/session': () => json(staffSession('analyst')),
      'GET /api/tracing/statistics': () => json({ weeks: [week], outbreaksBySetting: [] }),
    });
    renderApp('/tracing/statistics', { language });
    const table = await screen.findByRole('table', { name: caption }, { timeout: 15_000 });
    const row = within(table).getByRole('row', { name: /2021-W10/ });
    const cells = within(row).getAllByRole('cell').map((c) => c.textContent?.replace(/\u00a0/g, ' '));
    // cases, contacts, per case, reached in time, not reached, pending, questionnaire, median, p90
    expect(cells[3]).toBe(`${share[0]} ${share[1]}`);
    expect(cells.slice(4, 6)).toEqual(['2', '2']);
    expect(cells.slice(7)).toEqual([median, p90]);
  }, 20_000);
});
