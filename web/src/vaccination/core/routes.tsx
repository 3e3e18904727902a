import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const VaccinationIndex = lazy(() => import('./VaccinationIndex.js').then((m) => ({ default: m.VaccinationIndex })));
const BookPage = lazy(() => import('./BookPage.js').then((m) => ({ default: m.BookPage })));
const DayPage = lazy(() => import('./DayPage.js').then((m) => ({ default: m.DayPage })));
const PersonPage = lazy(() => import('./PersonPage.js').then((m) => ({ default: m.PersonPage })));
const CallCentrePage = lazy(() => import('./CallCentrePage.js').then((m) => ({ default: m.CallCentrePage })));
const SitesPage = lazy(() => import('./SitesPage.js').then((m) => ({ default: m.SitesPage })));
const SitePage = lazy(() => import('./SitePage.js').then((m) => ({ default: m.SitePage })));
const RecommendationsPage = lazy(() => import('./RecommendationsPage.js').then((m) => ({ default: m.RecommendationsPage })));

/** Pages of booking, sites and administration, relative to `/vaccination`. */
export const coreRoutes: RouteObject[] = [
  { index: true, element: <VaccinationIndex /> },
  { path: 'book', element: <BookPage /> },
  { path: 'day', element: <DayPage /> },
  { path: 'person', element: <PersonPage /> },
  { path: 'call-centre', element: <CallCentrePage /> },
  { path: 'sites', element: <SitesPage /> },
  { path: 'sites/:id', element: <SitePage /> },
  { path: 'recommendations', element: <RecommendationsPage /> },
];
