import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { count, loginCookie, newPerson, newStaff, citizenActor, otherRegionInstance, setupTest, type TestEnv } from '../../../test/harness.js';
import { permissions, type Permission } from './permissions.js';
import { roles, type Role } from './roles.js';

let env: TestEnv;
const cookies = new Map<Role, string>();

beforeAll(async () => {
  // Every route × every role comes from one address: far past the per-client rate limit, which is tested elsewhere.
  env = await setupTest({ config: { rateLimitPerMinute: 1_000_000 } });
  for (const role of roles) {
    const actor = role === 'citizen' ? citizenActor(await newPerson(env.ctx)) : await newStaff(env.ctx, role);
    cookies.set(role, await loginCookie(env.ctx, actor));
  }
});
afterAll(() => env.close());

const fill = (url: string) => url.replace(/:[a-zA-Z]+/g, '00000000-0000-4000-8000-000000000000');

describe('access is checked on the server for every route', () => {
  it('every API route declares who may call it', () => {
    expect(env.app.accessTable.length).toBeGreaterThan(10);
    for (const r of env.app.accessTable) expect(r.access, `${r.method} ${r.url}`).toBeTruthy();
  });

  it('refuses every role that lacks the permission of a route, and lets the others past the check', async () => {
    const guarded = env.app.accessTable.filter((r) => r.access !== 'public' && r.access !== 'authenticated');
    for (const route of guarded) {
      const allowed = permissions[route.access as Permission] as readonly Role[];
      for (const role of roles) {
        const res = await env.app.inject({ method: route.method as 'GET', url: fill(route.url), headers: { cookie: cookies.get(role)! }, payload: route.method === 'GET' ? undefined : {} });
        if (allowed.includes(role)) expect(res.statusCode, `${role} ${route.method} ${route.url}`).not.toBe(403);
        else expect(res.statusCode, `${role} ${route.method} ${route.url}: ${res.body}`).toBe(403);
      }
    }
  });

  it('asks for a login on every route that is not public', async () => {
    for (const route of env.app.accessTable.filter((r) => r.access !== 'public')) {
      const res = await env.app.inject({ method: route.method as 'GET', url: fill(route.url) });
      expect(res.statusCode, `${route.method} ${route.url}`).toBe(401);
      expect(res.headers['content-type']).toMatch(/problem\+json/);
    }
  });

  it('never gives the national analyst personal data', () => {
    for (const [permission, allowed] of Object.entries(permissions)) {
      if (permission.startsWith('identity.person') || permission.startsWith('audit.') || permission.startsWith('messages.')) {
        expect(allowed as readonly string[], permission).not.toContain('national_analyst');
      }
    }
  });

  it('refuses a session that has expired or was logged out', async () => {
    const cookie = cookies.get('region_admin')!;
    expect((await env.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie } })).statusCode).toBe(204);
    expect((await env.app.inject({ method: 'GET', url: '/api/session', headers: { cookie } })).statusCode).toBe(401);
  });

  it('binds a session to the region whose instance issued it', async () => {
    // Region 18 and region 03 run their own instances on one database.
    const region03 = await otherRegionInstance(env, '03');
    const ours = cookies.get('tracer')!;
    expect((await env.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: cookies.get('tracer')! } })).statusCode).toBe(200);
    for (const role of ['tracer', 'vaccinator', 'citizen'] as const) {
      const res = await region03.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: cookies.get(role)! } });
      expect(res.statusCode, role).toBe(401);
    }
    // A write with region 18's cookie at region 03's instance is refused and changes nothing.
    const admin = await loginCookie(env.ctx, await newStaff(env.ctx, 'region_admin'));
    const before = await count(env.database, 'staff');
    const write = await region03.app.inject({ method: 'POST', url: '/api/staff', headers: { cookie: admin }, payload: { name: 'Insmugglad', role: 'tracer' } });
    expect(write.statusCode).toBe(401);
    expect(await count(env.database, 'staff')).toBe(before);
    expect((await env.app.inject({ method: 'POST', url: '/api/staff', headers: { cookie: admin }, payload: { name: 'Behörig', role: 'tracer' } })).statusCode).toBe(201);
    // Logging out there does not end the session here.
    await region03.app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: ours } });
    expect((await env.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: ours } })).statusCode).toBe(200);
    // And region 03's own sessions work at its own instance only.
    const theirs = await loginCookie(region03.ctx, await newStaff(region03.ctx, 'tracer'));
    expect((await region03.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: theirs } })).statusCode).toBe(200);
    expect((await env.app.inject({ method: 'GET', url: '/api/session', headers: { cookie: theirs } })).statusCode).toBe(401);
  });
});
