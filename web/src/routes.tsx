import { lazy, type ReactNode } from 'react';
import type { RouteObject } from 'react-router';
import { RootLayout } from './components/RootLayout.js';
import { SectionGuard } from './components/SectionGuard.js';
import { SessionGate } from './components/SessionGate.js';
import { SECTION_PATHS, type SectionId } from './navigation.js';
import { RouteErrorPage } from './pages/RouteErrorPage.js';

// Every page is its own chunk, loaded when first visited.
const LoginPage = lazy(() => import('./pages/LoginPage.js').then((m) => ({ default: m.LoginPage })));
const HomePage = lazy(() => import('./pages/HomePage.js').then((m) => ({ default: m.HomePage })));
const ComingSoonPage = lazy(() => import('./pages/ComingSoonPage.js').then((m) => ({ default: m.ComingSoonPage })));
const MyRecordPage = lazy(() => import('./pages/MyRecordPage.js').then((m) => ({ default: m.MyRecordPage })));
const AuditPage = lazy(() => import('./pages/AuditPage.js').then((m) => ({ default: m.AuditPage })));
const MessagesPage = lazy(() => import('./pages/MessagesPage.js').then((m) => ({ default: m.MessagesPage })));
const NotFoundPage = lazy(() => import('./pages/NotFoundPage.js').then((m) => ({ default: m.NotFoundPage })));
const TestingSection = lazy(() => import('./testing/TestingSection.js').then((m) => ({ default: m.TestingSection })));
const TracingSection = lazy(() => import('./tracing/TracingSection.js').then((m) => ({ default: m.TracingSection })));
const CitizenQuestionnaireRoute = lazy(() =>
  import('./tracing/questionnaire/QuestionnairePage.js').then((m) => ({ default: m.CitizenQuestionnaireRoute })),
);
const PublicSignalPage = lazy(() => import('./tracing/signals/PublicSignalPage.js').then((m) => ({ default: m.PublicSignalPage })));
const VaccinationSection = lazy(() => import('./vaccination/VaccinationSection.js').then((m) => ({ default: m.VaccinationSection })));

/**
 * The page for each section. Sections still showing `ComingSoonPage` are
 * waiting for their pages: replace the element here (lazily imported, as above).
 * Sub-routes of a section (`/testing/...`) reach the same element.
 */
const SECTION_PAGES: Record<SectionId, ReactNode> = {
  testing: <TestingSection />,
  tracing: <TracingSection />,
  vaccination: <VaccinationSection />,
  certificates: <ComingSoonPage section="certificates" />,
  reporting: <ComingSoonPage section="reporting" />,
  messages: <MessagesPage />,
  audit: <AuditPage />,
  myRecord: <MyRecordPage />,
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
      {
        path: '/',
        element: <SessionGate />,
        children: [
          { index: true, element: <HomePage /> },
          // The link in a positive citizen's message; citizens have no tracing section (see the page).
          { path: 'tracing/questionnaire', element: <CitizenQuestionnaireRoute /> },
          ...sectionRoutes,
          { path: '*', element: <NotFoundPage /> },
        ],
      },
    ],
  },
];
