import { Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useActor } from '../ActorContext.js';
import { lazyPage } from '../components/lazyPage.js';
import { PageLoader } from '../components/PageLoader.js';
import { SubNav, type SubNavLink } from '../components/SubNav.js';
import type { TKey } from '../i18n/useT.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';

const RoundsPage = lazyPage(() => import('./RoundsPage.js'), 'RoundsPage');
const RoundPage = lazyPage(() => import('./RoundPage.js'), 'RoundPage');
const ReturnPage = lazyPage(() => import('./ReturnPage.js'), 'ReturnPage');
const ReportPage = lazyPage(() => import('./ReportPage.js'), 'ReportPage');
const TemplatesPage = lazyPage(() => import('./TemplatesPage.js'), 'TemplatesPage');
const InitiativesPage = lazyPage(() => import('./InitiativesPage.js'), 'InitiativesPage');
const NationalWeeklyPage = lazyPage(() => import('./NationalWeeklyPage.js'), 'NationalWeeklyPage');

interface ReportingPage {
  path: string;
  element: ReactNode;
  label?: TKey;
}

const common: ReportingPage[] = [
  { path: '', element: <RoundsPage />, label: 'reporting.nav.rounds' },
  { path: 'rounds/:id', element: <RoundPage /> },
  { path: 'rounds/:id/returns/:organisation', element: <ReturnPage /> },
  { path: 'rounds/:id/report', element: <ReportPage /> },
];
const templates: ReportingPage = { path: 'templates', element: <TemplatesPage />, label: 'reporting.nav.templates' };
const initiatives: ReportingPage = { path: 'initiatives', element: <InitiativesPage />, label: 'reporting.nav.initiatives' };
const weekly: ReportingPage = { path: 'weekly', element: <NationalWeeklyPage />, label: 'reporting.nav.weekly' };

/** `/reporting/*`: follow-up rounds, answering, the compiled report; the national analyst also builds templates. */
export function ReportingSection() {
  const { role } = useActor();
  const pages = role === 'national_analyst' ? [...common, templates, initiatives, weekly] : [...common, initiatives];
  const links = pages.flatMap((p): SubNavLink[] => (p.label ? [{ to: p.path, label: p.label }] : []));
  return (
    <>
      <SubNav base="/reporting" label="reporting.nav.label" links={links} />
      <Suspense fallback={<PageLoader />}>
        <Routes>
          {pages.map((p) => (p.path === '' ? <Route key="index" index element={p.element} /> : <Route key={p.path} path={p.path} element={p.element} />))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
