import { RouterProvider } from 'react-router';
import type { QueryClient } from '@tanstack/react-query';
import type { i18n } from 'i18next';
import type { createBrowserRouter } from 'react-router';
import { Providers } from './Providers.js';

export type AppRouter = ReturnType<typeof createBrowserRouter>;

export interface AppProps {
  router: AppRouter;
  queryClient: QueryClient;
  i18n: i18n;
  env?: 'default' | 'test';
}

/** Theme, dates, i18n and data providers around the router (see main.tsx for how they are made). */
export function App({ router, queryClient, i18n, env = 'default' }: AppProps) {
  return (
    <Providers queryClient={queryClient} i18n={i18n} env={env}>
      <RouterProvider router={router} />
    </Providers>
  );
}
