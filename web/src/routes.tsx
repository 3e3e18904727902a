import { type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RootLayout } from './components/RootLayout.js';
import { SectionGuard } from './components/SectionGuard.js';
import { SessionGate } from './components/SessionGate.js';
import { SECTION_PATHS, type SectionId } from './navigation.js';
import { RouteErrorPage } from './pages/RouteErrorPage.js';
import { lazyPage } from './components/lazyPage.js';

// Every page is its own chunk, loaded when first visited.
const LoginPage = lazyPage(() => import('./pages/LoginPage.js'), 'LoginPage');
const HomePage = lazyPage(() => import('./pages/HomePage.js'), 'HomePage');
const MyRecordPage = lazyPage(() => import('./pages/MyRecordPage.js'), 'MyRecordPage');
const AuditPage = lazyPage(() => import('./pages/AuditPage.js'), 'AuditPage');
const MessagesPage = lazyPage(() => import('./pages/MessagesPage.js'), 'MessagesPage');
const NotFoundPage = lazyPage(() => import('./pages/NotFoundPage.js'), 'NotFoundPage');
const TestingSection = lazyPage(() => import('./testing/TestingSection.js'), 'TestingSection');
const TracingSection = lazyPage(() => import('./tracing/TracingSection.js'), 'TracingSection');
const CitizenQuestionnaireRoute = lazyPage(() => import('./tracing/questionnaire/QuestionnairePage.js'), 'CitizenQuestionnaireRoute');
const PublicCheckInPage = lazyPage(() => import('./tracing/followup/CheckInPages.js'), 'PublicCheckInPage');
const CitizenCheckInRoute = lazyPage(() => import('./tracing/followup/CheckInPages.js'), 'CitizenCheckInRoute');
const PublicSignalPage = lazyPage(() => import('./tracing/signals/PublicSignalPage.js'), 'PublicSignalPage');
const VaccinationSection = lazyPage(() => import('./vaccination/VaccinationSection.js'), 'VaccinationSection');
const GovernanceSection = lazyPage(() => import('./governance/GovernanceSection.js'), 'GovernanceSection');
const PublicRegisterPage = lazyPage(() => import('./governance/PublicRegisterPage.js'), 'PublicRegisterPage');
const CertificatesSection = lazyPage(() => import('./certificates/CertificatesSection.js'), 'CertificatesSection');
const VerifyPage = lazyPage(() => import('./certificates/VerifyPage.js'), 'VerifyPage');
const IndicatorsSection = lazyPage(() => import('./indicators/IndicatorsSection.js'), 'IndicatorsSection');
const ReportingSection = lazyPage(() => import('./reporting/ReportingSection.js'), 'ReportingSection');
const StaffPage = lazyPage(() => import('./staff/StaffPage.js'), 'StaffPage');
const FindPersonPage = lazyPage(() => import('./persons/FindPersonPage.js'), 'FindPersonPage');

/**
 * The page for each section (lazily imported, as above). Sub-routes of a section (`/testing/...`) reach the
 * same element.
 */
const SECTION_PAGES: Record<SectionId, ReactNode> = {
  testing: <TestingSection />,
  tracing: <TracingSection />,
  vaccination: <VaccinationSection />,
  certificates: <CertificatesSection />,
  reporting: <ReportingSection />,
  indicators: <IndicatorsSection />,
  messages: <MessagesPage />,
  audit: <AuditPage />,
  staff: <StaffPage />,
  myRecord: <MyRecordPage />,
  governance: <GovernanceSection />,
  persons: <FindPersonPage />,
};

const sectionRoutes: RouteObject[] = (Object.keys(SECTION_PAGES) as SectionId[]).map((section) => ({
  path: `${SECTION_PATHS[section].slice(1)}/*`,
  element: <SectionGuard section={section}>{SECTION_PAGES[section]}</SectionGuard>,
}));

export const routes: RouteObject[] = [
  {
    element: <RootLayout />,
    errorElement: <RouteErrorPage />,
    children: [
      { path: '/login', element: <LoginPage /> },
      // Smittskydd's function mailbox takes messages from anyone, signed in or not.
      { path: '/tracing/signal', element: <PublicSignalPage /> },
      // The daily check-in link in a contact's SMS: no login, the token is in the fragment.
      { path: '/check-in', element: <PublicCheckInPage /> },
      // The committee's public register: cases and public records, for anyone.
      { path: '/register/*', element: <PublicRegisterPage /> },
      // Anyone checks an EU COVID certificate, signed in or not.
      { path: '/verify', element: <VerifyPage /> },
      {
        path: '/',
        element: <SessionGate />,
        children: [
          { index: true, element: <HomePage /> },
          // The link in a positive citizen's message; citizens have no tracing section (see the page).
          { path: 'tracing/questionnaire', element: <CitizenQuestionnaireRoute /> },
          // The daily check-in link in a contact's 1177 inbox.
          { path: 'tracing/check-in', element: <CitizenCheckInRoute /> },
          ...sectionRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
