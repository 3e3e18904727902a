import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Database } from '../../platform/db/client.js';
import { openTestDatabase } from '../../../test/db.js';
import { looksPersonal, registryGaps } from './schema.js';

describe('the retention registry against the migrated schema', () => {
  let database: Database;
  beforeAll(async () => {
    database = await openTestDatabase();
  });
  afterAll(() => database.close());

  it('lists every column that holds personal data, and only columns that exist', async () => {
    expect(await registryGaps(database)).toEqual([]);
  });

  it('notices a new table with personal data that nobody registered', async () => {
    await database.query('CREATE TABLE privacy_probe (region_id text, person_id uuid, given_name text, reminder_text text)');
    try {
      expect((await registryGaps(database)).filter((g) => g.problem === 'not in the registry').map((g) => g.column)).toEqual(['privacy_probe.person_id', 'privacy_probe.given_name', 'privacy_probe.reminder_text']);
    } finally {
      await database.query('DROP TABLE privacy_probe');
    }
  });

  it.each([
    ['given_name', true], ['person_number', true], ['sender_contact', true], ['risk_group_note', true], ['body', true],
    ['taken_week', false], ['status', false], ['municipality_code', false], ['personal', false],
  ])('%s looks personal: %s', (column, expected) => {
    expect(looksPersonal(column)).toBe(expected);
  });
});
