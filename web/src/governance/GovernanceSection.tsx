import { Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { lazyPage } from '../components/lazyPage.js';
import { PageLoader } from '../components/PageLoader.js';
import { SubNav } from '../components/SubNav.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';

const CasesPage = lazyPage(() => import('./CasesPage.js'), 'CasesPage');
const CasePage = lazyPage(() => import('./CasePage.js'), 'CasePage');
const MeetingsPage = lazyPage(() => import('./MeetingsPage.js'), 'MeetingsPage');
const MeetingPage = lazyPage(() => import('./MeetingPage.js'), 'MeetingPage');
const DelegatedPage = lazyPage(() => import('./DelegatedPage.js'), 'DelegatedPage');
const FollowUpPage = lazyPage(() => import('./FollowUpPage.js'), 'FollowUpPage');
const SearchPage = lazyPage(() => import('./SearchPage.js'), 'SearchPage');

/** `/governance/*`: the committee's register for its secretary (who writes) and members (who read). */
export function GovernanceSection() {
  return (
    <>
      <SubNav
        base="/governance"
        label="governance.nav.label"
        links={[
          { to: '', label: 'governance.nav.cases' },
          { to: 'meetings', label: 'governance.nav.meetings' },
          { to: 'delegated', label: 'governance.nav.delegated' },
          { to: 'follow-up', label: 'governance.nav.followUp' },
          { to: 'search', label: 'governance.nav.search' },
        ]}
      />
      <Suspense fallback={<PageLoader />}>
        <Routes>
          <Route index element={<CasesPage />} />
          <Route path="cases/:id" element={<CasePage />} />
          <Route path="meetings" element={<MeetingsPage />} />
          <Route path="meetings/:id" element={<MeetingPage />} />
          <Route path="delegated" element={<DelegatedPage />} />
          <Route path="follow-up" element={<FollowUpPage />} />
          <Route path="search" element={<SearchPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </Suspense>
    </>
  );
}
