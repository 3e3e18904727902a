// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { api, ApiError, nonEmpty, ok } from './api.js';
import { json, mockApi, problem } from './test-utils.js';

describe('the API client', () => {
  it('sends JSON with same-origin credentials and parses the answer', async () => {
    const calls = mockApi({ 'POST /api/auth/demo/login': (req) => json({ echoed: req.body }) });
    await expect(ok(api.POST('/api/auth/demo/login', { body: { kind: 'staff', id: 'a' } }))).resolves.toEqual({ echoed: { kind: 'staff', id: 'a' } });
    const [call] = calls.calls;
    expect(call?.init?.credentials).toBe('same-origin');
    expect(new Headers(call?.init?.headers).get('content-type')).toBe('application/json');
  });

  it('sends no content type without a body (Fastify rejects empty JSON bodies)', async () => {
    const calls = mockApi({ 'POST /api/auth/logout': () => ({ status: 204 }) });
    await expect(ok(api.POST('/api/auth/logout'))).resolves.toBeUndefined();
    expect(new Headers(calls.calls[0]?.init?.headers).has('content-type')).toBe(false);
  });

  it('throws an ApiError carrying the problem+json body', async () => {
    mockApi({
      'GET /api/audit/search': () =>
        problem(400, 'Invalid request', { detail: 'from: invalid date', errors: [{ field: 'from', message: 'invalid date' }] }),
    });
    const error = await ok(api.GET('/api/audit/search')).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ApiError);
    const apiError = error as ApiError;
    expect(apiError.status).toBe(400);
    expect(apiError.problem).toEqual({
      type: 'urn:lagesbild:problem:400',
      title: 'Invalid request',
      status: 400,
      detail: 'from: invalid date',
      errors: [{ field: 'from', message: 'invalid date' }],
    });
    expect(apiError.fieldErrors).toEqual([{ field: 'from', message: 'invalid date' }]);
  });

  it('makes a problem out of a non-JSON error and out of a network failure', async () => {
    mockApi({ 'GET /api/session': () => ({ status: 502, body: 'Bad gateway', contentType: 'text/html' }) });
    const gateway = (await ok(api.GET('/api/session')).catch((e: unknown) => e)) as ApiError;
    expect(gateway).toBeInstanceOf(ApiError);
    expect(gateway.status).toBe(502);

    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const offline = (await ok(api.GET('/api/session')).catch((e: unknown) => e)) as ApiError;
    expect(offline).toBeInstanceOf(ApiError);
    expect(offline.status).toBe(0);
  });

  it('leaves empty parameters out of the query string', async () => {
    const calls = mockApi({ 'GET /api/audit/search': () => json({ entries: [], nextCursor: null }) });
    await ok(api.GET('/api/audit/search', { params: { query: nonEmpty({ identityNumber: '19810312-1234', actorId: '', cursor: undefined, to: null }) } }));
    expect(calls.calls[0]?.query.toString()).toBe('identityNumber=19810312-1234');
  });
});
