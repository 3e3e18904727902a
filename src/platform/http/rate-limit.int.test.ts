import { afterAll, beforeAll, expect, it } from 'vitest';
import { loginCookie, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTest({ config: { rateLimitPerMinute: 3, staffRateLimitPerMinute: 5 } });
});
afterAll(() => env.close());

const signal = (cookie?: string) =>
  env.app.inject({ method: 'POST', url: '/api/tracing/signals', headers: cookie ? { cookie } : {}, payload: { senderName: 'A', senderContact: 'a@b.se', subject: 'S', message: 'M' } });

it('limits a public form per client address, with a problem the client can read', async () => {
  for (let i = 0; i < 3; i++) expect((await signal()).statusCode).toBe(200);
  const limited = await signal();
  expect(limited.statusCode).toBe(429);
  expect(limited.headers['retry-after']).toBeDefined();
  expect(limited.headers['content-type']).toMatch(/problem\+json/);
});

it('counts each staff member apart from the public and from each other, with a limit of their own', async () => {
  // The address has used up its public limit above; staff at the same address still work.
  const tracer = await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer'));
  const colleague = await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer'));
  const queue = (cookie: string) => env.app.inject({ method: 'GET', url: '/api/tracing/queue', headers: { cookie } });
  for (let i = 0; i < 5; i++) expect((await queue(tracer)).statusCode, `request ${i + 1}`).toBe(200);
  expect((await queue(tracer)).statusCode).toBe(429);
  expect((await queue(colleague)).statusCode).toBe(200);
  // And the public stays limited whatever staff do.
  expect((await signal()).statusCode).toBe(429);
});

it('counts refused requests too: a flood of unauthenticated or invalid requests is limited like any other', async () => {
  // The address used up its public limit above; without a session it is the address that counts.
  expect((await env.app.inject({ method: 'GET', url: '/api/tracing/queue' })).statusCode).toBe(429);
  expect((await env.app.inject({ method: 'POST', url: '/api/tracing/signals', payload: { senderName: '\u0000' } })).statusCode).toBe(429);
});
