/** `lagesbild fhir register-client` as an operator runs it: a child process on an on-disk PGlite data dir (or its own server database). */
import { spawnSync } from 'node:child_process';
import { generateKeyPairSync } from 'node:crypto';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { sharedTestDatabase } from '../../test/db.js';

const root = new URL('../../', import.meta.url).pathname;
let shared: Awaited<ReturnType<typeof sharedTestDatabase>>;

function lagesbild(...args: string[]) {
  const { DATABASE_URL: _, ...env } = process.env;
  return spawnSync(process.execPath, ['bin/lagesbild.js', ...args, '--data-dir', shared.dir, '--region', '18'], {
    cwd: root,
    env: { ...env, AUDIT_KEY: 'the audit key of the FHIR CLI test, 32+ characters', ...(shared.serverUrl ? { DATABASE_URL: shared.serverUrl } : {}) },
    encoding: 'utf8',
    timeout: 120_000,
  });
}

beforeAll(async () => {
  shared = await sharedTestDatabase('lagesbild-fhir-cli');
}, 120_000);
afterAll(() => shared.remove());

describe('lagesbild fhir register-client', () => {
  it('registers a client with its public key and scopes, and refuses a private key', async () => {
    const { publicKey, privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    const good = join(shared.dir, 'jwks.json');
    writeFileSync(good, JSON.stringify({ keys: [{ ...publicKey.export({ format: 'jwk' }), kid: 'k1' }] }));
    const ok = lagesbild('fhir', 'register-client', '--client-id', 'nvr-reader', '--name', 'NVR', '--jwks', good, '--scopes', 'system/Immunization.read system/Patient.read');
    expect(ok.status, ok.stderr).toBe(0);
    expect(ok.stdout).toContain('Client nvr-reader is registered in region 18 (system/Immunization.read system/Patient.read)');

    const bad = join(shared.dir, 'private.json');
    writeFileSync(bad, JSON.stringify({ keys: [{ ...privateKey.export({ format: 'jwk' }), kid: 'k1' }] }));
    const refused = lagesbild('fhir', 'register-client', '--client-id', 'leaky', '--name', 'Leaky', '--jwks', bad);
    expect(refused.status).toBe(2);
    expect(refused.stderr).toContain('private key');

    const database = await shared.open();
    try {
      expect(await database.query('SELECT region_id, client_id, scopes FROM fhir_clients')).toEqual([{ region_id: '18', client_id: 'nvr-reader', scopes: ['system/Immunization.read', 'system/Patient.read'] }]);
    } finally {
      await database.close();
    }
  }, 240_000);
});
