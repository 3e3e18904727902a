import type { QueryClient } from '@tanstack/react-query';
import { forgetUserData, queryKeys } from './api.js';

/** The part of a React Router data router that the redirect needs (browser and memory routers both fit). */
export interface NavigatingRouter {
  state: { location: { pathname: string; search: string } };
  navigate: (to: string, options?: { replace?: boolean; state?: unknown }) => Promise<void>;
}

export interface LoginLocationState {
  /** Where to return after logging in. */
  from?: string;
}

/** Sends the user to /login (remembering where they were) after a 401. */
export function redirectToLogin(router: NavigatingRouter, queryClient: QueryClient): void {
  const { pathname, search } = router.state.location;
  if (pathname === '/login') return;
  const state: LoginLocationState = { from: pathname + search };
  // Nothing to forget when nobody was logged in; removing the failed session query would only fetch it again.
  void router.navigate('/login', { replace: true, state }).then(() => queryClient.getQueryData(queryKeys.session) !== undefined && forgetUserData(queryClient));
}

/** A safe in-app path to return to after login. */
export function returnPath(state: unknown): string {
  const from = (state as LoginLocationState | null)?.from;
  return typeof from === 'string' && from.startsWith('/') && !from.startsWith('//') && !from.startsWith('/login')
    ? from
    : '/';
}
