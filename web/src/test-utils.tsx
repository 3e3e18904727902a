import './test-setup.js';
import { render } from '@testing-library/react';
import { createMemoryRouter } from 'react-router';
import { vi } from 'vitest';
import type { Actor } from './api.js';
import { App } from './App.js';
import type { StaffRole } from './navigation.js';
import { createI18n, type Language } from './i18n/index.js';
import { createQueryClient } from './queryClient.js';
import { redirectToLogin } from './redirectToLogin.js';
import { routes } from './routes.js';

export interface FakeRequest {
  method: string;
  path: string;
  query: URLSearchParams;
  body: unknown;
  init: RequestInit | undefined;
}

export type FakeResponse = { status?: number; body?: unknown; contentType?: string };
export type Handler = (request: FakeRequest) => FakeResponse;

export function json(body: unknown, status = 200): FakeResponse {
  return { status, body };
}

export function problem(status: number, title: string, extra: Record<string, unknown> = {}): FakeResponse {
  return { status, body: { type: `urn:lagesbild:problem:${status}`, title, status, ...extra }, contentType: 'application/problem+json' };
}

/**
 * Replaces `fetch` with a fake that answers from `handlers`, keyed by
 * "METHOD /path" (query string ignored). Unknown calls get a 404 problem.
 */
export function mockApi(handlers: Record<string, Handler>) {
  const calls: FakeRequest[] = [];
  const fetchMock = vi.fn(async (input: RequestInfo | URL, init?: RequestInit) => {
    // The client sends a Request; anything else (a plain fetch) is made one, so both are read alike.
    const sent = input instanceof Request ? input : new Request(new URL(String(input), 'http://localhost'), init);
    const url = new URL(sent.url);
    const text = await sent.text();
    const body = text === '' ? undefined : sent.headers.get('content-type')?.includes('json') ? (JSON.parse(text) as unknown) : text;
    const request: FakeRequest = { method: sent.method, path: url.pathname, query: url.searchParams, body, init: { method: sent.method, headers: sent.headers, credentials: sent.credentials } };
    calls.push(request);
    const handler = handlers[`${sent.method} ${url.pathname}`];
    const answer = handler ? handler(request) : problem(404, 'Not found');
    const status = answer.status ?? 200;
    return new Response(status === 204 || answer.body === undefined ? null : JSON.stringify(answer.body), {
      status,
      headers: { 'content-type': answer.contentType ?? 'application/json' },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls, callsTo: (method: string, path: string) => calls.filter((c) => c.method === method && c.path === path) };
}

export const REGION = { id: 'region-1', name: 'Region Exempel' };

export function staffSession(role: StaffRole, name = 'Anna Andersson', unitName = 'Smittskyddsenheten'): { actor: Actor } {
  return { actor: { kind: 'staff', id: 'staff-1', name, role, region: REGION, unitName, language: null } };
}

export function citizenSession(name = 'Olle Svensson'): { actor: Actor } {
  return { actor: { kind: 'citizen', id: 'citizen-1', name, role: 'citizen', region: REGION, language: null } };
}

/** Renders the whole app (real routes, providers and 401 handling) at `path`. */
export function renderApp(path: string, { language = 'sv' }: { language?: Language } = {}) {
  const i18n = createI18n(language);
  const router = createMemoryRouter(routes, { initialEntries: [path] });
  const queryClient = createQueryClient({ onUnauthorized: () => redirectToLogin(router, queryClient) });
  queryClient.setDefaultOptions({
    ...queryClient.getDefaultOptions(),
    queries: { ...queryClient.getDefaultOptions().queries, retry: false },
  });
  const view = render(<App router={router} queryClient={queryClient} i18n={i18n} env="test" />);
  return { ...view, router, queryClient, i18n };
}
