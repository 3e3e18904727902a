import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, citizenActor, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
let cookie: string;

beforeAll(async () => {
  env = await setupTest();
  cookie = await loginCookie(env.ctx, await newStaff(env.ctx, 'sampler'));
});
afterAll(() => env.close());

const badNumber = (headers: Record<string, string> = {}, session = cookie) =>
  env.app.inject({ method: 'POST', url: '/api/persons', headers: { cookie: session, ...headers }, payload: { identityNumber: '19811218-9875', givenName: 'A', familyName: 'B' } });

describe('problems in the reader’s language', () => {
  it('are Swedish when the browser says nothing, with the field named by its label and kept machine-readable', async () => {
    const res = await badNumber();
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-language']).toBe('sv');
    const p = res.json();
    expect(p.title).toBe('Ogiltig begäran');
    expect(p.errors).toEqual([{ field: 'identityNumber', label: 'Identitetsnummer', message: 'Kontrollsiffran stämmer inte; kontrollera numret' }]);
    expect(p.detail).toBe('Identitetsnummer: Kontrollsiffran stämmer inte; kontrollera numret');
    expect(JSON.stringify(p)).not.toMatch(/check digit/);
  });

  it('follow Accept-Language, in English only', async () => {
    const p = (await badNumber({ 'accept-language': 'en-GB,en;q=0.9' })).json();
    expect(p.title).toBe('Invalid request');
    expect(p.errors).toEqual([{ field: 'identityNumber', label: 'Identity number', message: 'The check digit does not match; check the number' }]);
    expect(JSON.stringify(p)).not.toMatch(/Kontrollsiffran/);
  });

  it('translate what the schema refuses: an unknown field, a missing one', async () => {
    const res = await env.app.inject({ method: 'POST', url: '/api/persons', headers: { cookie, 'accept-language': 'sv' }, payload: { givenName: 'A', familyName: 'B', shoeSize: 44 } });
    const p = res.json();
    expect(res.statusCode).toBe(400);
    expect(p.errors).toEqual(expect.arrayContaining([{ field: 'shoeSize', label: 'shoeSize', message: 'okänt fält' }, { field: 'identityNumber', label: 'Identitetsnummer', message: 'måste anges' }]));
    const en = (await env.app.inject({ method: 'POST', url: '/api/persons', headers: { cookie, 'accept-language': 'en' }, payload: { givenName: 'A', familyName: 'B', shoeSize: 44 } })).json();
    expect(en.errors).toEqual(expect.arrayContaining([{ field: 'shoeSize', label: 'shoeSize', message: 'unknown field' }, { field: 'identityNumber', label: 'Identity number', message: 'is required' }]));
  });

  it('follow the language chosen in the session over the browser’s', async () => {
    const own = await loginCookie(env.ctx, await newStaff(env.ctx, 'sampler'));
    const chosen = await env.app.inject({ method: 'PUT', url: '/api/session/language', headers: { cookie: own }, payload: { language: 'en' } });
    expect(chosen.statusCode, chosen.body).toBe(200);
    expect(chosen.json().actor.language).toBe('en');
    expect((await badNumber({ 'accept-language': 'sv' }, own)).json().title).toBe('Invalid request');
    expect((await as(env.app, own)({ method: 'GET', url: '/api/session' })).json().actor.language).toBe('en');
  });

  it('keep a citizen’s choice for the messages sent to them and for their next login', async () => {
    const person = await newPerson(env.ctx);
    const session = await loginCookie(env.ctx, citizenActor(person));
    expect((await env.app.inject({ method: 'PUT', url: '/api/session/language', headers: { cookie: session }, payload: { language: 'en' } })).statusCode).toBe(200);
    const [row] = await env.database.query<{ language: string }>('SELECT language FROM persons WHERE id = $1', [person.id]);
    expect(row!.language).toBe('en');
  });
});
