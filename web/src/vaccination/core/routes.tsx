import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage.js';

const VaccinationIndex = lazyPage(() => import('./VaccinationIndex.js'), 'VaccinationIndex');
const BookPage = lazyPage(() => import('./BookPage.js'), 'BookPage');
const DayPage = lazyPage(() => import('./DayPage.js'), 'DayPage');
const PersonPage = lazyPage(() => import('./PersonPage.js'), 'PersonPage');
const CallCentrePage = lazyPage(() => import('./CallCentrePage.js'), 'CallCentrePage');
const SitesPage = lazyPage(() => import('./SitesPage.js'), 'SitesPage');
const SitePage = lazyPage(() => import('./SitePage.js'), 'SitePage');
const RecommendationsPage = lazyPage(() => import('./RecommendationsPage.js'), 'RecommendationsPage');
const MyAdverseEventsPage = lazyPage(() => import('../adverse-events/MyAdverseEventsPage.js'), 'MyAdverseEventsPage');
const AdverseEventStatisticsPage = lazyPage(() => import('../adverse-events/StatisticsPage.js'), 'AdverseEventStatisticsPage');

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
  { path: 'adverse-event', element: <MyAdverseEventsPage /> },
  { path: 'adverse-events', element: <AdverseEventStatisticsPage /> },
];
