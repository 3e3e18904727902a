// @vitest-environment jsdom
import { fireEvent, screen, waitFor } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, problem, renderApp, staffSession } from '../test-utils.js';
import type { ReturnView } from './api.js';
import { keyOf } from './TemplatesPage.js';

// jsdom has no FontFaceSet; Mantine's autosizing textarea listens to it.
Object.defineProperty(document, 'fonts', { configurable: true, value: { addEventListener() {}, removeEventListener() {} } });

const view: ReturnView = {
  roundId: 'r1',
  roundName: 'Uppföljning',
  deadline: '2026-12-10',
  phase: 'open',
  organisation: { code: 'region-18', name: 'Region Örebro län', kind: 'region' },
  template: {
    id: 'v1',
    templateId: 't1',
    version: 1,
    digest: 'x',
    createdBy: 'Ingrid',
    createdAt: '2026-12-01T10:00:00Z',
    content: {
      sections: [
        {
          id: 's',
          title: 'Genomförande',
          questions: [
            { id: 'overall', kind: 'traffic_light', label: 'Bedömning', mandatory: true },
            { id: 'doses', kind: 'number', label: 'Givna doser', unit: 'doser', definition: 'Doser i perioden', integer: false, mandatory: true },
          ],
        },
      ],
    },
  },
  status: 'draft',
  locked: false,
  submission: 0,
  submittedAt: null,
  reopenReason: null,
  receivedAt: null,
  answers: [{ questionId: 'doses', value: 1200, version: 3, prefilledFrom: null, updatedBy: 'Sofia', updatedAt: '2026-12-06T10:00:00Z' }],
  missing: [{ questionId: 'overall', label: 'Bedömning' }],
  events: [],
};

describe('the answering form', () => {
  it('saves only the changed answers, each with the version it was loaded with, and shows a 409 naming the question', async () => {
    const api = mockApi({
      'GET /api/session': () => json(staffSession('analyst')),
      'GET /api/reporting/rounds/r1/returns/region-18': () => json(view),
      'PUT /api/reporting/rounds/r1/returns/region-18/answers': () =>
        problem(409, 'Conflict', { detail: 'answers.0.version: question doses was changed by someone else', errors: [{ field: 'answers.0.version', message: 'question doses was changed by someone else' }] }),
    });
    renderApp('/reporting/rounds/r1/returns/region-18');
    expect(await screen.findByRole('heading', { level: 1, name: 'Uppföljning: Region Örebro län' })).toBeTruthy();
    expect(screen.getByRole('list', { name: 'Obligatoriska frågor som saknar svar' }).textContent).toContain('Bedömning');
    fireEvent.change(screen.getByLabelText(/^Givna doser/), { target: { value: '1300' } });
    fireEvent.click(screen.getByRole('button', { name: 'Spara utkast' }));
    await waitFor(() => expect(api.calls.some((c) => c.method === 'PUT')).toBe(true));
    expect(api.calls.find((c) => c.method === 'PUT')!.body).toEqual({ answers: [{ questionId: 'doses', value: 1300, version: 3 }] });
    expect(await screen.findByText(/question doses was changed by someone else/, { selector: 'p' })).toBeTruthy();
  });

  it('asks for a motivation when the light is not green', async () => {
    mockApi({ 'GET /api/session': () => json(staffSession('analyst')), 'GET /api/reporting/rounds/r1/returns/region-18': () => json(view) });
    renderApp('/reporting/rounds/r1/returns/region-18');
    fireEvent.click(await screen.findByRole('radio', { name: 'Gul' }));
    expect(await screen.findByLabelText(/^Motivering: Bedömning/)).toBeTruthy();
  });
});

describe('keys from labels in the template builder', () => {
  it.each([
    ['Minst 1 dos', [], 'minst-1-dos'],
    ['Åldersgrupp 80+', [], 'aldersgrupp-80'],
    ['Januari', ['januari'], 'januari-2'],
    ['???', [], 'x'],
  ])('%s', (label, taken, key) => {
    expect(keyOf(label, taken)).toBe(key);
  });
});
