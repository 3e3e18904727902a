import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { makePersonnummer } from './identity-number.js';

let env: TestEnv;
let sampler: ReturnType<typeof as>;
let admin: ReturnType<typeof as>;

beforeAll(async () => {
  env = await setupTest();
  sampler = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'sampler')));
  admin = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'region_admin')));
});
afterAll(() => env.close());

describe('registering a person', () => {
  it('derives birth date and legal sex from the personnummer and audits the creation', async () => {
    const res = await sampler({ method: 'POST', url: '/api/persons', payload: { identityNumber: '19811218-9876', givenName: 'Testa', familyName: 'Testsson', postalCode: '702 01' } });
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p).toMatchObject({ identityNumber: '19811218-9876', idKind: 'personnummer', birthDate: '1981-12-18', legalSex: 'male', postalCode: '70201', locality: 'Örebro', municipalityCode: '1880', warnings: [] });
    const audit = await env.database.query<{ action: string }>('SELECT action FROM audit_log WHERE person_id = $1', [p.id]);
    expect(audit.map((a) => a.action)).toEqual(['identity.person.created']);
  });

  it('refuses a bad check digit with a problem naming the field, and writes nothing', async () => {
    const before = await count(env.database, 'persons');
    const res = await sampler({ method: 'POST', url: '/api/persons', payload: { identityNumber: '19811218-9875', givenName: 'A', familyName: 'B' } });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toMatch(/^application\/problem\+json/);
    expect(res.json().errors[0]).toMatchObject({ field: 'identityNumber' });
    expect(res.json().errors[0].message).toMatch(/check digit/i);
    expect(await count(env.database, 'persons')).toBe(before);
  });

  it('refuses an impossible date', async () => {
    const res = await sampler({ method: 'POST', url: '/api/persons', payload: { identityNumber: '19810230-1234', givenName: 'A', familyName: 'B' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('identityNumber');
  });

  it('refuses unknown fields, wrong types and malformed JSON by name', async () => {
    const unknown = await sampler({ method: 'POST', url: '/api/persons', payload: { identityNumber: '19811218-9876', givenName: 'A', familyName: 'B', shoeSize: 44, hatSize: 7 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([
      { field: 'shoeSize', label: 'shoeSize', message: 'unknown field' },
      { field: 'hatSize', label: 'hatSize', message: 'unknown field' },
    ]);
    const wrongType = await sampler({ method: 'POST', url: '/api/persons', payload: { identityNumber: 19811218, givenName: 'A', familyName: 'B' } });
    expect(wrongType.statusCode).toBe(400);
    expect(wrongType.json().errors[0].field).toBe('identityNumber');
    const malformed = await sampler({ method: 'POST', url: '/api/persons', headers: { 'content-type': 'application/json' }, payload: '{"identityNumber": ' });
    expect(malformed.statusCode).toBe(400);
    expect(malformed.json().errors[0]).toEqual({ field: 'body', label: 'Body', message: 'malformed JSON' });
  });

  it('refuses an oversize body with 413', async () => {
    const res = await sampler({ method: 'POST', url: '/api/persons', headers: { 'content-type': 'application/json' }, payload: JSON.stringify({ givenName: 'x'.repeat(2_000_000) }) });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toMatch(/problem\+json/);
  });

  it('answers conflict for a number already registered', async () => {
    const p = await newPerson(env.ctx, { birthDate: '1990-01-01' });
    const res = await sampler({ method: 'POST', url: '/api/persons', payload: { identityNumber: p.identityNumber, givenName: 'A', familyName: 'B' } });
    expect(res.statusCode).toBe(409);
  });
});

describe('finding people', () => {
  it('finds by identity number in any accepted form and audits the read with its purpose', async () => {
    const p = await newPerson(env.ctx, { birthDate: '1975-03-02' });
    const short = `${p.identityNumber.slice(2, 8)}-${p.identityNumber.slice(8)}`;
    const res = await sampler({ method: 'GET', url: `/api/persons?identityNumber=${short}&purpose=provtagning` });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().people.map((x: { id: string }) => x.id)).toEqual([p.id]);
    const [a] = await env.database.query<{ purpose: string; actor_role: string }>("SELECT purpose, actor_role FROM audit_log WHERE person_id = $1 AND action = 'identity.person.read'", [p.id]);
    expect(a).toEqual({ purpose: 'provtagning', actor_role: 'sampler' });
  });

  it('pages through a name search with a keyset cursor', async () => {
    for (let i = 0; i < 5; i++) await newPerson(env.ctx, { familyName: 'Pagesson', givenName: `G${i}`, birthDate: '1960-01-0' + (i + 1) });
    const first = (await sampler({ method: 'GET', url: '/api/persons?name=Pagesson&limit=3&purpose=test' })).json();
    expect(first.people).toHaveLength(3);
    const second = (await sampler({ method: 'GET', url: `/api/persons?name=Pagesson&limit=3&purpose=test&cursor=${first.nextCursor}` })).json();
    expect(second.people.map((p: { givenName: string }) => p.givenName)).toEqual(['G3', 'G4']);
    expect(second.nextCursor).toBeNull();
  });

  it('requires a purpose for reading a record', async () => {
    const p = await newPerson(env.ctx);
    const res = await sampler({ method: 'GET', url: `/api/persons/${p.id}` });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('purpose');
  });

  it('does not show a person of another region', async () => {
    const other = await newPerson(env.ctx, { regionId: '01' });
    const res = await sampler({ method: 'GET', url: `/api/persons/${other.id}?purpose=test` });
    expect(res.statusCode).toBe(404);
  });
});

describe('linking a personnummer to a person registered on a reservnummer', () => {
  it('adds the number when no one else has it; the old number still finds the person', async () => {
    const reg = await sampler({ method: 'POST', url: '/api/persons', payload: { identityNumber: '19850312TA1B', issuingRegion: '18', givenName: 'Utan', familyName: 'Nummer' } });
    expect(reg.statusCode, reg.body).toBe(201);
    expect(reg.json()).toMatchObject({ idKind: 'reservnummer', birthDate: '1985-03-12', legalSex: null });
    const pnr = makePersonnummer('1985-03-12', 482);
    const linked = await admin({ method: 'POST', url: `/api/persons/${reg.json().id}/identity-numbers`, payload: { identityNumber: pnr, reason: 'Fått personnummer' } });
    expect(linked.statusCode, linked.body).toBe(200);
    expect(linked.json()).toMatchObject({ id: reg.json().id, idKind: 'personnummer', legalSex: null });
    const byOld = await admin({ method: 'GET', url: '/api/persons?identityNumber=19850312TA1B&purpose=test' });
    expect(byOld.json().people[0].id).toBe(reg.json().id);
  });

  it('refuses a reservnummer that does not match the region format', async () => {
    const res = await sampler({ method: 'POST', url: '/api/persons', payload: { identityNumber: '19850312ZZ99', issuingRegion: '18', givenName: 'A', familyName: 'B' } });
    expect(res.statusCode).toBe(400);
    expect(res.json().errors[0].field).toBe('identityNumber');
  });

  it('merges two records without loss, audited, and both numbers find the survivor', async () => {
    const reserve = await newPerson(env.ctx, { identityNumber: '19850707TB2C', idKind: 'reservnummer', issuingRegion: '18', phone: '0701740605' });
    const pnr = makePersonnummer('1985-07-07', 123);
    const real = await newPerson(env.ctx, { identityNumber: pnr, birthDate: '1985-07-07' });
    const res = await admin({ method: 'POST', url: `/api/persons/${reserve.id}/identity-numbers`, payload: { identityNumber: pnr, reason: 'Personnummer tilldelat av Skatteverket' } });
    expect(res.statusCode, res.body).toBe(200);
    const merged = res.json();
    expect(merged.id).toBe(real.id);
    expect(merged.phone).toBe('0701740605');
    expect(merged.identifiers.map((i: { value: string }) => i.value).sort()).toEqual([pnr, '19850707TB2C'].sort());
    const viaOld = await admin({ method: 'GET', url: `/api/persons/${reserve.id}?purpose=test` });
    expect(viaOld.json().id).toBe(real.id);
    const [entry] = await env.database.query<{ purpose: string }>("SELECT purpose FROM audit_log WHERE action = 'identity.person.merged' AND person_id = $1", [real.id]);
    expect(entry?.purpose).toBe('Personnummer tilldelat av Skatteverket');
    const [event] = await env.database.query<{ payload: { fromPersonId: string } }>("SELECT payload FROM outbox WHERE topic = 'identity.PersonsMerged'");
    expect(event?.payload.fromPersonId).toBe(reserve.id);
  });
});

describe('the staff register', () => {
  it('lets the region administrator add, change and deactivate staff, audited', async () => {
    const created = await admin({ method: 'POST', url: '/api/staff', payload: { name: 'Ny Smittspårare', role: 'tracer', oidcSubject: 'sub-123' } });
    expect(created.statusCode, created.body).toBe(201);
    const dup = await admin({ method: 'POST', url: '/api/staff', payload: { name: 'Dubblett', role: 'tracer', oidcSubject: 'sub-123' } });
    expect(dup.statusCode).toBe(409);
    const changed = await admin({ method: 'PATCH', url: `/api/staff/${created.json().id}`, payload: { active: false } });
    expect(changed.json()).toMatchObject({ active: false, role: 'tracer' });
    const listed = (await admin({ method: 'GET', url: '/api/staff' })).json().staff;
    expect(listed.map((s: { name: string }) => s.name)).toContain('Ny Smittspårare');
    const actions = await env.database.query<{ action: string }>("SELECT action FROM audit_log WHERE action LIKE 'identity.staff.%' ORDER BY at");
    expect(actions.map((a) => a.action)).toEqual(['identity.staff.created', 'identity.staff.changed']);
  });
});
