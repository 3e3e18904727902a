import { describe, expect, it } from 'vitest';
import { purgeRules } from '../purge/rules.js';
import { housekeepingRules, retentionRegistry } from './registry.js';

/** The registry promises what happens at the end; the purge must keep each promise, and promise no more. */
describe('the registry and the purge rules', () => {
  it('lists each table once', () => {
    const tables = retentionRegistry.map((e) => e.table);
    expect(tables.filter((t, i) => tables.indexOf(t) !== i)).toEqual([]);
  });

  it('names an existing rule for every end that is not "keep", and none for "keep"', () => {
    const known = new Set([...purgeRules.map((r) => r.key), ...housekeepingRules]);
    expect(retentionRegistry.filter((e) => (e.end === 'keep') !== (e.rule === undefined)).map((e) => e.table)).toEqual([]);
    expect(retentionRegistry.filter((e) => e.rule !== undefined && !known.has(e.rule)).map((e) => `${e.table}: ${e.rule}`)).toEqual([]);
  });

  it('has every purge rule promised by its own table’s entry, with the same class and end', () => {
    for (const rule of purgeRules) {
      const entry = retentionRegistry.find((e) => e.table === rule.table);
      expect(entry, rule.key).toMatchObject({ rule: rule.key, dataClass: rule.dataClass, end: rule.action });
    }
  });

  it('pseudonymises with the person only journal records', () => {
    expect(retentionRegistry.filter((e) => e.rule === 'journal.persons' && e.dataClass !== 'journal').map((e) => e.table)).toEqual([]);
  });
});
