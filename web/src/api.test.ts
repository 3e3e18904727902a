// @vitest-environment jsdom
import { describe, expect, it } from 'vitest';
import { apiFetch, ApiError, withQuery } from './api.js';
import { json, mockApi, problem } from './test-utils.js';

describe('apiFetch', () => {
  it('sends JSON with same-origin credentials and parses the answer', async () => {
    const api = mockApi({ 'POST /api/things': (req) => json({ echoed: req.body }) });
    await expect(apiFetch('/api/things', { method: 'POST', body: { a: 1 } })).resolves.toEqual({ echoed: { a: 1 } });
    const [call] = api.calls;
    expect(call?.init?.credentials).toBe('same-origin');
    expect(new Headers(call?.init?.headers).get('content-type')).toBe('application/json');
  });

  it('sends no content type without a body (Fastify rejects empty JSON bodies)', async () => {
    const api = mockApi({ 'POST /api/auth/logout': () => ({ status: 204 }) });
    await expect(apiFetch('/api/auth/logout', { method: 'POST' })).resolves.toBeUndefined();
    expect(new Headers(api.calls[0]?.init?.headers).has('content-type')).toBe(false);
  });

  it('throws an ApiError carrying the problem+json body', async () => {
    mockApi({
      'GET /api/audit/search': () =>
        problem(400, 'Invalid request', { detail: 'from: invalid date', errors: [{ field: 'from', message: 'invalid date' }] }),
    });
    const error = await apiFetch('/api/audit/search').catch((e: unknown) => e);
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
    mockApi({ 'GET /api/x': () => ({ status: 502, body: 'Bad gateway', contentType: 'text/html' }) });
    const gateway = (await apiFetch('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(gateway.status).toBe(502);

    globalThis.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    const offline = (await apiFetch('/api/x').catch((e: unknown) => e)) as ApiError;
    expect(offline).toBeInstanceOf(ApiError);
    expect(offline.status).toBe(0);
  });

  it('leaves empty parameters out of the query string', () => {
    expect(withQuery('/api/audit/search', { identityNumber: '19810312-1234', actorId: '', cursor: undefined, to: null })).toBe(
      '/api/audit/search?identityNumber=19810312-1234',
    );
    expect(withQuery('/api/messages', {})).toBe('/api/messages');
  });
});
