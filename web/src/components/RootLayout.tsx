import { Suspense } from 'react';
import { Outlet } from 'react-router';
import { PageLoader } from './PageLoader.js';

/** Waits for lazily loaded pages outside the shell (the login page). */
export function RootLayout() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Outlet />
    </Suspense>
  );
}
