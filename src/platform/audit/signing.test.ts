import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { isGenuine, type ChainRow } from './chain.js';
import { auditKeyFile, checkpointMac, entryMac, nowMicros, resolveAuditKey, useAuditKey, type SignedEntry } from './signing.js';

const entry: SignedEntry = {
  region_id: '18',
  id: '6f1c8a52-7d3e-4b59-9a0e-2c4d5e6f7a8b',
  at_iso: '2021-05-01T08:00:00.123456Z',
  actor_kind: 'staff',
  actor_id: 'a1',
  actor_name: 'Anna Andersson',
  actor_role: 'tracer',
  person_id: null,
  action: 'identity.person.read',
  purpose: 'smittspårning',
  details: { b: 1, a: [1, 2] },
};

describe('the audit key', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'lagesbild-key-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('is generated on first start in the data dir, readable by its owner only, and the same on the next', () => {
    const dataDir = join(dir, 'data');
    const first = resolveAuditKey({ dataDir });
    expect(first.toString()).toMatch(/^[0-9a-f]{64}$/);
    expect(statSync(auditKeyFile(dataDir)).mode & 0o777).toBe(0o600);
    expect(resolveAuditKey({ dataDir })).toEqual(first);
    expect(readFileSync(auditKeyFile(dataDir), 'utf8').trim()).toBe(first.toString());
  });

  it('is AUDIT_KEY when that is set, and then no file is written', () => {
    const dataDir = join(dir, 'other');
    expect(resolveAuditKey({ dataDir, auditKey: 'k'.repeat(32) }).toString()).toBe('k'.repeat(32));
    expect(() => statSync(auditKeyFile(dataDir))).toThrow(/ENOENT/);
  });
});

describe('MACs', () => {
  beforeAll(() => useAuditKey(Buffer.from('the key of the signing unit test, 32+ chars')));

  it.each<[string, Partial<SignedEntry>]>([
    ['region', { region_id: '01' }],
    ['id', { id: '6f1c8a52-7d3e-4b59-9a0e-2c4d5e6f7a8c' }],
    ['time, by a microsecond', { at_iso: '2021-05-01T08:00:00.123457Z' }],
    ['actor', { actor_id: 'a2' }],
    ['actor name', { actor_name: 'Anna Andersson ' }],
    ['role', { actor_role: 'smittskydd' }],
    ['person', { person_id: '6f1c8a52-7d3e-4b59-9a0e-2c4d5e6f7a8b' }],
    ['action', { action: 'identity.person.updated' }],
    ['purpose', { purpose: 'egen journal' }],
    ['details', { details: { b: 2, a: [1, 2] } }],
    ['details, none at all', { details: null }],
  ])('an entry with another %s has another MAC', (_, change) => {
    expect(entryMac({ ...entry, ...change })).not.toBe(entryMac(entry));
  });

  it('does not depend on the order of keys in details', () => {
    expect(entryMac({ ...entry, details: { a: [1, 2], b: 1 } })).toBe(entryMac(entry));
  });

  it('depends on the key', () => {
    const mac = entryMac(entry);
    useAuditKey(Buffer.from('another key, also 32 characters or more'));
    expect(entryMac(entry)).not.toBe(mac);
    useAuditKey(Buffer.from('the key of the signing unit test, 32+ chars'));
  });

  it('never lets a checkpoint pass for an entry', () => {
    expect(checkpointMac({ regionId: '18', seq: 1, headHash: 'h', unsignedUntil: 0, at: entry.at_iso })).not.toBe(entryMac(entry));
  });

  const row = (mac: string | null): ChainRow => ({ ...entry, seq: null, prev_hash: null, hash: null, mac });
  it.each<[string, () => string | null, number, boolean]>([
    ['a valid MAC', () => entryMac(entry), 10, true],
    ['a valid MAC, within the unsigned entries', () => entryMac(entry), 2, true],
    ['a MAC of other content', () => entryMac({ ...entry, purpose: 'x' }), 10, false],
    ['a MAC of the wrong length', () => 'abc', 10, false],
    ['no MAC, the last unsigned place', () => null, 3, true],
    ['no MAC, one past the unsigned entries', () => null, 4, false],
  ])('an entry with %s at place %i (unsigned until 3) is genuine: %s', (_, mac, seq, genuine) => {
    expect(isGenuine(row(mac()), seq, 3)).toBe(genuine);
  });
});

describe('entry times', () => {
  it('are ISO 8601 UTC with microseconds, as the database gives them back, and strictly increasing', () => {
    const times = Array.from({ length: 1000 }, nowMicros);
    for (const t of times) expect(t).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{6}Z$/);
    for (let i = 1; i < times.length; i++) expect(times[i]! > times[i - 1]!).toBe(true);
    expect(Math.abs(Date.parse(times[0]!) - Date.now())).toBeLessThan(5_000);
  });
});
