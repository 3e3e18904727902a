import { Suspense } from 'react';
import { useRoutes } from 'react-router';
import { PageLoader } from '../components/PageLoader.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { coreRoutes } from './core/routes.js';
import { supplyRoutes } from './supply/routes.js';
import { VaccinationNav } from './VaccinationNav.js';

/** `/vaccination/*`: booking and administration (core) and the coordinator's supply and follow-up pages. */
export function VaccinationSection() {
  const element = useRoutes([...coreRoutes, ...supplyRoutes, { path: '*', element: <NotFoundPage /> }]);
  return (
    <>
      <VaccinationNav />
      <Suspense fallback={<PageLoader />}>{element}</Suspense>
    </>
  );
}
