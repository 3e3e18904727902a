import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../platform/config.js';
import { cutoffOf } from './periods.js';
import { registryTable, withRegistryTable } from './table.js';

describe('the retention registry in the README', () => {
  it('is the generated table (run `npx tsx src/privacy/retention/write-readme.ts` after changing the registry)', () => {
    const readme = readFileSync(fileURLToPath(new URL('../README.md', import.meta.url)), 'utf8');
    expect(readme).toBe(withRegistryTable(readme));
  });

  it('shows the default periods', () => {
    const table = registryTable();
    expect(table).toContain('| `samples` |');
    expect(table).toMatch(/\| journal record \| 10 years \|/);
    expect(table).toMatch(/\| contact data \| 730 days \|/);
  });
});

describe('retention periods', () => {
  it('refuse a journal period under the statutory ten years', () => {
    expect(() => loadConfig({}, { RETENTION_JOURNAL_YEARS: '9' })).toThrow(/10 years/);
    expect(loadConfig({}, { RETENTION_JOURNAL_YEARS: '12', RETENTION_CONTACT_DAYS: '400' }).retention).toMatchObject({ journalYears: 12, contactDays: 400 });
  });

  it.each([
    ['journal', '2021-03-01T00:00:00.000Z', '2011-03-01T00:00:00.000Z'],
    ['contact', '2021-03-01T00:00:00.000Z', '2019-03-02T00:00:00.000Z'],
    ['operational', '2021-03-01T00:00:00.000Z', '2020-03-01T00:00:00.000Z'],
    ['technical', '2021-03-01T00:00:00.000Z', '2020-12-01T00:00:00.000Z'],
  ] as const)('%s: as of %s, older than %s is past its period', (dataClass, now, cutoff) => {
    expect(cutoffOf(loadConfig({}, {}).retention, dataClass, new Date(now)).toISOString()).toBe(cutoff);
  });
});
