import { describe, expect, it } from 'vitest';
import { openPostgres, redactUrl } from './client.js';
import { loadConfig } from '../config.js';

describe('starting against a database that is not there', () => {
  it('says which URL failed and how to fix it, without the password', async () => {
    const err = await openPostgres('postgres://lagesbild:secret@127.0.0.1:1/lagesbild').catch((e) => e);
    expect(err.code).toBe('unavailable');
    expect(err.message).toContain('postgres://lagesbild:***@127.0.0.1:1/lagesbild');
    expect(err.message).not.toContain('secret');
    expect(err.message).toMatch(/unset DATABASE_URL/);
  });

  it('redacts passwords in URLs', () => {
    expect(redactUrl('postgres://u:p@h/db')).toBe('postgres://u:***@h/db');
  });
});

describe('configuration', () => {
  it('names the setting that is wrong', () => {
    expect(() => loadConfig({}, { PORT: 'eighty' })).toThrow(/port/);
    expect(() => loadConfig({}, { LAGESBILD_REGION: '99x' })).toThrow(/regionId/);
  });

  it('has defaults that run the embedded demo', () => {
    expect(loadConfig({}, {})).toMatchObject({ databaseUrl: undefined, dataDir: './data', port: 3000, regionId: '18', demo: true });
  });
});
