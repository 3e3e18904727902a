import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';

let env: TestEnv;
let tracer: ReturnType<typeof as>;

beforeAll(async () => {
  env = await setupTest();
  tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
});
afterAll(() => env.close());

const find = (query: Record<string, string>) => tracer({ method: 'GET', url: `/api/persons/find?${new URLSearchParams(query)}` });
const PURPOSE = 'Smittspårning: kontakt uppgav namn och födelsedag';

describe('staff find a person', () => {
  it('finds by name and birth date in the region, audits each person found with the reason, and the citizen sees it', async () => {
    const wanted = await newPerson(env.ctx, { givenName: 'Ingrid', familyName: 'Sökbarsson', birthDate: '1961-04-09' });
    await newPerson(env.ctx, { givenName: 'Ingrid', familyName: 'Sökbarsson', birthDate: '1961-04-10' });
    await newPerson(env.ctx, { givenName: 'Ingrid', familyName: 'Sökbarsson', birthDate: '1961-04-09', regionId: '01' });

    const res = await find({ name: 'ingrid sökbars', birthDate: '1961-04-09', purpose: PURPOSE });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ people: [{ id: wanted.id, birthDate: '1961-04-09' }], more: false });
    const audit = await env.database.query<{ purpose: string; details: unknown }>("SELECT purpose, details FROM audit_log WHERE person_id = $1 AND action = 'identity.person.read'", [wanted.id]);
    expect(audit).toEqual([{ purpose: PURPOSE, details: { via: 'staff-search', by: 'name' } }]);

    const citizen = as(env.app, await loginCookie(env.ctx, citizenActor(wanted)));
    const seen = (await citizen({ method: 'GET', url: '/api/audit/my-record' })).json().entries;
    expect(seen).toEqual([expect.objectContaining({ actorRole: 'tracer', action: 'identity.person.read', purpose: PURPOSE })]);
  });

  it('finds by a validated identity number, and refuses an invalid one naming the field', async () => {
    const wanted = await newPerson(env.ctx, { birthDate: '1972-08-30' });
    expect((await find({ identityNumber: wanted.identityNumber, purpose: PURPOSE })).json()).toMatchObject({ people: [{ id: wanted.id }], more: false });
    const bad = await find({ identityNumber: '19720830-0000', purpose: PURPOSE });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('identityNumber');
  });

  it('gives at most ten people, and says that more match', async () => {
    for (let i = 0; i < 12; i++) await newPerson(env.ctx, { givenName: 'Lars', familyName: 'Mångsson', birthDate: '1955-01-01' });
    const res = (await find({ name: 'Lars Mångsson', birthDate: '1955-01-01', purpose: PURPOSE })).json();
    expect(res.people).toHaveLength(10);
    expect(res.more).toBe(true);
  });

  it.each([
    ['a name without the birth date', { name: 'Lars Mångsson' }, 'birthDate'],
    ['a one-letter name', { name: 'L', birthDate: '1955-01-01' }, 'name'],
    ['a wildcard', { name: 'M%', birthDate: '1955-01-01' }, 'name'],
    ['a birth date alone', { birthDate: '1955-01-01' }, 'name'],
    ['nothing to search for', {}, 'identityNumber'],
    ['no reason', { name: 'Lars Mångsson', birthDate: '1955-01-01', purpose: '' }, 'purpose'],
  ])('refuses %s, naming the field, and reads nobody', async (_, query, field) => {
    const before = await count(env.database, 'audit_log');
    const res = await find({ purpose: PURPOSE, ...query });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors[0].field).toBe(field);
    expect(await count(env.database, 'audit_log')).toBe(before);
  });

  it('is for the staff who may read a person, not the analyst', async () => {
    const analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
    expect((await analyst({ method: 'GET', url: `/api/persons/find?name=Lars+M%C3%A5ngsson&birthDate=1955-01-01&purpose=x${'y'.repeat(5)}` })).statusCode).toBe(403);
  });
});
