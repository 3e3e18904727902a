import { Suspense } from 'react';
import { useRoutes } from 'react-router';
import { useActor } from '../ActorContext.js';
import { lazyPage } from '../components/lazyPage.js';
import { PageLoader } from '../components/PageLoader.js';
import { SubNav, type SubNavLink } from '../components/SubNav.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';

const DefinitionsPage = lazyPage(() => import('./DefinitionsPage.js'), 'DefinitionsPage');
const ValuesPage = lazyPage(() => import('./ValuesPage.js'), 'ValuesPage');
const ImportPage = lazyPage(() => import('./ImportPage.js'), 'ImportPage');
const ComputePage = lazyPage(() => import('./ComputePage.js'), 'ComputePage');
const ComparisonPage = lazyPage(() => import('./ComparisonPage.js'), 'ComparisonPage');
const ConsistencyPage = lazyPage(() => import('./ConsistencyPage.js'), 'ConsistencyPage');

const definitions: SubNavLink = { to: '', label: 'indicators.nav.definitions' };
const values: SubNavLink = { to: 'values', label: 'indicators.nav.values' };
const importing: SubNavLink = { to: 'import', label: 'indicators.nav.import' };
const compute: SubNavLink = { to: 'compute', label: 'indicators.nav.compute' };
const comparison: SubNavLink = { to: 'comparison', label: 'indicators.nav.comparison' };
const consistency: SubNavLink = { to: 'consistency', label: 'indicators.nav.consistency' };

/** `/indicators/*`: the analyst enters, imports and computes; the national analyst compares (the server decides what each may do). */
export function IndicatorsSection() {
  const { role } = useActor();
  const links = role === 'national_analyst' ? [definitions, comparison, consistency] : [definitions, values, importing, compute, comparison, consistency];
  const element = useRoutes([
    { index: true, element: <DefinitionsPage /> },
    { path: 'values', element: <ValuesPage /> },
    { path: 'import', element: <ImportPage /> },
    { path: 'compute', element: <ComputePage /> },
    { path: 'comparison', element: <ComparisonPage /> },
    { path: 'consistency', element: <ConsistencyPage /> },
    { path: '*', element: <NotFoundPage /> },
  ]);
  return (
    <>
      <SubNav base="/indicators" label="indicators.nav.label" links={links} />
      <Suspense fallback={<PageLoader />}>{element}</Suspense>
    </>
  );
}
