import { Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useActor } from '../ActorContext.js';
import { lazyPage } from '../components/lazyPage.js';
import { PageLoader } from '../components/PageLoader.js';
import type { TKey } from '../i18n/useT.js';
import type { Role } from '../navigation.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { SubNav, type SubNavLink } from '../components/SubNav.js';

const TracingQueuePage = lazyPage(() => import('./TracingQueuePage.js'), 'TracingQueuePage');
const CasePage = lazyPage(() => import('./case/CasePage.js'), 'CasePage');
const OutbreaksPage = lazyPage(() => import('./outbreaks/OutbreaksPage.js'), 'OutbreaksPage');
const OutbreakPage = lazyPage(() => import('./outbreaks/OutbreakPage.js'), 'OutbreakPage');
const SignalsPage = lazyPage(() => import('./signals/SignalsPage.js'), 'SignalsPage');
const SequencingPage = lazyPage(() => import('./sequencing/SequencingPage.js'), 'SequencingPage');
const FollowUpPage = lazyPage(() => import('./followup/FollowUpPage.js'), 'FollowUpPage');
const TracingStatisticsPage = lazyPage(() => import('./statistics/TracingStatisticsPage.js'), 'TracingStatisticsPage');

interface TracingPage {
  path: string;
  element: ReactNode;
  /** In the sub-navigation under this label; pages reached from another page (a case) have none. */
  label?: TKey;
}

const queue: TracingPage = { path: '', element: <TracingQueuePage />, label: 'tracing.nav.queue' };
const casePage: TracingPage = { path: 'cases/:id', element: <CasePage /> };
const followUp: TracingPage = { path: 'follow-up', element: <FollowUpPage />, label: 'tracing.nav.followUp' };
const outbreaks: TracingPage[] = [
  { path: 'outbreaks', element: <OutbreaksPage />, label: 'tracing.nav.outbreaks' },
  { path: 'outbreaks/:id', element: <OutbreakPage /> },
];
const signals: TracingPage = { path: 'signals', element: <SignalsPage />, label: 'tracing.nav.signals' };
const sequencing: TracingPage = { path: 'sequencing', element: <SequencingPage />, label: 'tracing.nav.sequencing' };
const statistics: TracingPage = { path: 'statistics', element: <TracingStatisticsPage />, label: 'tracing.nav.statistics' };

/** Which tracing pages each role works with (the server's permissions decide what each may do on them). */
function pagesFor(role: Role | null): readonly TracingPage[] {
  switch (role) {
    case 'tracer':
      return [queue, casePage, followUp];
    case 'tracing_coordinator':
      return [queue, casePage, followUp, ...outbreaks, signals, statistics];
    case 'smittskydd':
      return [queue, casePage, followUp, ...outbreaks, signals, sequencing, statistics];
    case 'lab':
      return [sequencing];
    case 'analyst':
    case 'region_admin':
    case 'national_analyst':
      return [statistics];
    default:
      return [];
  }
}

/** `/tracing/*`: the contact tracing section, its pages and sub-navigation chosen by the signed-in role (access in navigation.ts). */
export function TracingSection() {
  const { role } = useActor();
  const pages = pagesFor(role);
  const links = pages.flatMap((p): SubNavLink[] => (p.label ? [{ to: p.path, label: p.label }] : []));
  return (
    <>
      <SubNav base="/tracing" label="tracing.nav.label" links={links} />
      <Suspense fallback={<PageLoader />}>
        <Routes>
          {/* The role's first page is also the section's start page (a lab opens sequencing at /tracing). */}
          {pages[0] && pages[0].path !== '' && <Route index element={pages[0].element} />}
          {pages.map((p) => (p.path === '' ? <Route key="index" index element={p.element} /> : <Route key={p.path} path={p.path} element={p.element} />))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
