import { afterAll, beforeAll, expect, it } from 'vitest';
import { setupTest, type TestEnv } from '../../../test/harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTest({ config: { rateLimitPerMinute: 3 } });
});
afterAll(() => env.close());

it('limits a public form per client address, with a problem the client can read', async () => {
  const post = () => env.app.inject({ method: 'POST', url: '/api/tracing/signals', payload: { senderName: 'A', senderContact: 'a@b.se', subject: 'S', message: 'M' } });
  for (let i = 0; i < 3; i++) expect((await post()).statusCode).toBe(200);
  const limited = await post();
  expect(limited.statusCode).toBe(429);
  expect(limited.headers['retry-after']).toBeDefined();
});
