import { lazy, Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useActor } from '../ActorContext.js';
import { lazyPage } from '../components/lazyPage.js';
import { PageLoader } from '../components/PageLoader.js';
import type { Role } from '../navigation.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';
import { SubNav, type SubNavLink } from '../components/SubNav.js';
import './testing.css';

const MyTestsPage = lazyPage(() => import('./MyTestsPage.js'), 'MyTestsPage');
const OrderKitPage = lazyPage(() => import('./OrderKitPage.js'), 'OrderKitPage');
const RegisterKitPage = lazyPage(() => import('./RegisterKitPage.js'), 'RegisterKitPage');
const LabReceivePage = lazyPage(() => import('./LabReceivePage.js'), 'LabReceivePage');
const LabResultPage = lazyPage(() => import('./LabResultPage.js'), 'LabResultPage');
const LabImportPage = lazyPage(() => import('./LabImportPage.js'), 'LabImportPage');
const LabUnmatchedPage = lazyPage(() => import('./LabUnmatchedPage.js'), 'LabUnmatchedPage');
const PrintKitsPage = lazyPage(() => import('./PrintKitsPage.js'), 'PrintKitsPage');
const SamplerDayPage = lazyPage(() => import('./SamplerDayPage.js'), 'SamplerDayPage');
const SamplerBookPage = lazyPage(() => import('./SamplerBookPage.js'), 'SamplerBookPage');
const SamplerSamplePage = lazyPage(() => import('./SamplerSamplePage.js'), 'SamplerSamplePage');
const CallListPage = lazyPage(() => import('./CallListPage.js'), 'CallListPage');
const ReferralsPage = lazyPage(() => import('./referrals/ReferralsPage.js'), 'ReferralsPage');
const WriteReferralPage = lazyPage(() => import('./referrals/WriteReferralPage.js'), 'WriteReferralPage');
const LabReferralsPage = lazyPage(() => import('./referrals/LabReferralsPage.js'), 'LabReferralsPage');
const StatisticsLinkPage = lazyPage(() => import('./StatisticsLinkPage.js'), 'StatisticsLinkPage');
const StatisticsRoutes = lazy(() => import('./statistics/StatisticsRoutes.js'));

interface RolePages {
  links: readonly SubNavLink[];
  routes: readonly { path: string; element: ReactNode }[];
}

const statisticsLink: SubNavLink = { to: 'statistics', label: 'testing.nav.statistics' };

const citizen: RolePages = {
  links: [
    { to: '', label: 'testing.nav.mine' },
    { to: 'order', label: 'testing.nav.order' },
    { to: 'register', label: 'testing.nav.register' },
  ],
  routes: [
    { path: '', element: <MyTestsPage /> },
    { path: 'order', element: <OrderKitPage /> },
    { path: 'register', element: <RegisterKitPage /> },
  ],
};

const lab: RolePages = {
  links: [
    { to: '', label: 'testing.nav.receive' },
    { to: 'results', label: 'testing.nav.result' },
    { to: 'import', label: 'testing.nav.import' },
    { to: 'unmatched', label: 'testing.nav.unmatched' },
    { to: 'referrals', label: 'testing.nav.expectedReferrals' },
    { to: 'kits', label: 'testing.nav.kits' },
    statisticsLink,
  ],
  routes: [
    { path: '', element: <LabReceivePage /> },
    { path: 'referrals', element: <LabReferralsPage /> },
    { path: 'results', element: <LabResultPage /> },
    { path: 'import', element: <LabImportPage /> },
    { path: 'unmatched', element: <LabUnmatchedPage /> },
    { path: 'kits', element: <PrintKitsPage /> },
  ],
};

const sampler: RolePages = {
  links: [
    { to: '', label: 'testing.nav.day' },
    { to: 'book', label: 'testing.nav.book' },
    { to: 'sample', label: 'testing.nav.sample' },
    { to: 'calls', label: 'testing.nav.calls' },
    { to: 'kits', label: 'testing.nav.kits' },
    statisticsLink,
  ],
  routes: [
    { path: '', element: <SamplerDayPage /> },
    { path: 'book', element: <SamplerBookPage /> },
    { path: 'sample', element: <SamplerSamplePage /> },
    { path: 'calls', element: <CallListPage /> },
    { path: 'kits', element: <PrintKitsPage /> },
  ],
};

const clinician: RolePages = {
  links: [
    { to: '', label: 'testing.nav.referrals' },
    { to: 'new', label: 'testing.nav.newReferral' },
  ],
  routes: [
    { path: '', element: <ReferralsPage /> },
    { path: 'new', element: <WriteReferralPage /> },
  ],
};

const statisticsOnly: RolePages = { links: [], routes: [{ path: '', element: <StatisticsLinkPage /> }] };

/** Which testing pages each role works with; roles that see statistics only get the link to them. */
function pagesFor(role: Role | null): RolePages | null {
  switch (role) {
    case 'citizen':
      return citizen;
    case 'lab':
      return lab;
    case 'sampler':
      return sampler;
    case 'clinician':
      return clinician;
    case 'analyst':
    case 'smittskydd':
    case 'region_admin':
    case 'national_analyst':
      return statisticsOnly;
    default:
      return null;
  }
}

/** `/testing/*`: the testing section, its pages and sub-navigation chosen by the signed-in role. */
export function TestingSection() {
  const { role } = useActor();
  const pages = pagesFor(role);
  if (pages === null) return <NotFoundPage />;
  const withStatistics = pages.links.includes(statisticsLink) || pages === statisticsOnly;
  return (
    <>
      <SubNav base="/testing" label="testing.nav.label" links={pages.links} />
      <Suspense fallback={<PageLoader />}>
        <Routes>
          {pages.routes.map((r) => (r.path === '' ? <Route key="index" index element={r.element} /> : <Route key={r.path} path={r.path} element={r.element} />))}
          {withStatistics && <Route path="statistics/*" element={<StatisticsRoutes />} />}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
