// @vitest-environment jsdom
import { fireEvent, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { json, mockApi, renderApp, staffSession } from '../test-utils.js';

const IMPORT_ID = 'a0000000-0000-4000-8000-000000000001';
const summary = { importId: IMPORT_ID, fileName: 'svar.csv', format: 'csv', resumedFrom: 300, rowsTotal: 300, rowsDone: 300, accepted: 290, unchanged: 4, held: 3, rejected: 3, startedAt: '2026-03-02T09:29:58.000Z', seconds: 0.01, rowsPerSecond: 0 };

describe('LabImportPage', () => {
  it('says when and as which import a file was already imported', async () => {
    mockApi({
      'GET /api/session': () => json(staffSession('lab', 'Johan Ek', 'Laboratoriemedicin')),
      'POST /api/testing/lab/imports': () => json({ ...summary, status: 'already-imported', finishedAt: '2026-03-02T09:30:00.000Z' }),
    });
    const { container } = renderApp('/testing/import');
    await screen.findByRole('heading', { level: 1 });
    const input = container.querySelector<HTMLInputElement>('input[type="file"]')!;
    fireEvent.change(input, { target: { files: [new File(['kit_id;test_type;result;result_time\n'], 'svar.csv', { type: 'text/csv' })] } });
    fireEvent.click(screen.getByRole('button', { name: 'Importera' }));
    expect(await screen.findByRole('heading', { level: 2, name: `svar.csv importerades redan 2 mars 2026 10:30 som import ${IMPORT_ID}. Inget ändrades.` })).toBeTruthy();
  });
});
