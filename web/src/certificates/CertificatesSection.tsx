import { Suspense, type ReactNode } from 'react';
import { Route, Routes } from 'react-router';
import { useActor } from '../ActorContext.js';
import { lazyPage } from '../components/lazyPage.js';
import { PageLoader } from '../components/PageLoader.js';
import { SubNav, type SubNavLink } from '../components/SubNav.js';
import { sectionEntry, type SectionMode } from '../navigation.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';

const MyCertificatesPage = lazyPage(() => import('./MyCertificatesPage.js'), 'MyCertificatesPage');
const QueuePage = lazyPage(() => import('./QueuePage.js'), 'QueuePage');
const PersonCertificatesPage = lazyPage(() => import('./PersonCertificatesPage.js'), 'PersonCertificatesPage');
const SignersPage = lazyPage(() => import('./SignersPage.js'), 'SignersPage');
const StatisticsPage = lazyPage(() => import('./StatisticsPage.js'), 'StatisticsPage');

interface ModePages {
  links: readonly SubNavLink[];
  routes: readonly { path: string; element: ReactNode }[];
}

/** The pages of each way of using the section (navigation.ts gives each role its mode). */
const PAGES: Record<SectionMode, ModePages> = {
  own: { links: [], routes: [{ path: '', element: <MyCertificatesPage /> }] },
  work: {
    links: [
      { to: '', label: 'certificates.nav.queue' },
      { to: 'person', label: 'certificates.nav.person' },
      { to: 'signers', label: 'certificates.nav.signers' },
      { to: 'statistics', label: 'certificates.nav.statistics' },
    ],
    routes: [
      { path: '', element: <QueuePage /> },
      { path: 'person', element: <PersonCertificatesPage /> },
      { path: 'signers', element: <SignersPage /> },
      { path: 'statistics', element: <StatisticsPage /> },
    ],
  },
  statistics: { links: [], routes: [{ path: '', element: <StatisticsPage /> }] },
};

/** `/certificates/*`: a citizen's own certificates, an administrator's cases, or the statistics, by the role's mode. */
export function CertificatesSection() {
  const { role } = useActor();
  const mode = sectionEntry(role, 'certificates')?.mode;
  if (!mode) return <NotFoundPage />;
  const pages = PAGES[mode];
  return (
    <>
      <SubNav base="/certificates" label="certificates.nav.label" links={pages.links} />
      <Suspense fallback={<PageLoader />}>
        <Routes>
          {pages.routes.map((r) => (r.path === '' ? <Route key="index" index element={r.element} /> : <Route key={r.path} path={r.path} element={r.element} />))}
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
