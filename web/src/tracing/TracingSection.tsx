import { lazy, Suspense } from 'react';
import { Route, Routes } from 'react-router';
import { PageLoader } from '../components/PageLoader.js';
import { NotFoundPage } from '../pages/NotFoundPage.js';

const TracingQueuePage = lazy(() => import('./TracingQueuePage.js').then((m) => ({ default: m.TracingQueuePage })));

/** `/tracing/*`: the contact tracing section (tracer, tracing_coordinator, smittskydd; access in navigation.ts). */
export function TracingSection() {
  return (
    <Suspense fallback={<PageLoader />}>
      <Routes>
        <Route index element={<TracingQueuePage />} />
        <Route path="*" element={<NotFoundPage />} />
      </Routes>
    </Suspense>
  );
}
