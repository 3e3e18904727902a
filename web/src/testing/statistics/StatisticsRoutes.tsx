import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoader } from '../../components/PageLoader.js';
import { StatisticsIndexPage } from './StatisticsIndexPage.js';

const WeeklyReportPage = lazy(() => import('./WeeklyReportPage.js').then((m) => ({ default: m.WeeklyReportPage })));
const CapacityPage = lazy(() => import('./CapacityPage.js').then((m) => ({ default: m.CapacityPage })));
const ReimbursementPage = lazy(() => import('./ReimbursementPage.js').then((m) => ({ default: m.ReimbursementPage })));
const RatesPage = lazy(() => import('./RatesPage.js').then((m) => ({ default: m.RatesPage })));

/**
 * Testing statistics, mounted by the testing section at `/testing/statistics/*`.
 * Paths are relative to that mount point.
 */
export default function StatisticsRoutes() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route index element={<StatisticsIndexPage />} />
        <Route path="weekly" element={<WeeklyReportPage />} />
        <Route path="capacity" element={<CapacityPage />} />
        <Route path="reimbursement" element={<ReimbursementPage />} />
        <Route path="rates" element={<RatesPage />} />
      </Routes>
    </Suspense>
  );
}
