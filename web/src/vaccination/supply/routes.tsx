import { lazy } from 'react';
import type { RouteObject } from 'react-router';

const SupplyPage = lazy(() => import('./SupplyPage.js').then((m) => ({ default: m.SupplyPage })));
const DeliveriesPage = lazy(() => import('./DeliveriesPage.js').then((m) => ({ default: m.DeliveriesPage })));
const VialsPage = lazy(() => import('./VialsPage.js').then((m) => ({ default: m.VialsPage })));
const NvrPage = lazy(() => import('./NvrPage.js').then((m) => ({ default: m.NvrPage })));
const InvitationsPage = lazy(() => import('./InvitationsPage.js').then((m) => ({ default: m.InvitationsPage })));
const CoveragePage = lazy(() => import('./CoveragePage.js').then((m) => ({ default: m.CoveragePage })));

/** The pages for supply (stock, deliveries, vials), NVR, invitations and coverage, relative to `/vaccination`. */
export const supplyRoutes: RouteObject[] = [
  { path: 'supply', element: <SupplyPage /> },
  { path: 'deliveries', element: <DeliveriesPage /> },
  { path: 'vials', element: <VialsPage /> },
  { path: 'nvr', element: <NvrPage /> },
  { path: 'invitations', element: <InvitationsPage /> },
  { path: 'coverage', element: <CoveragePage /> },
];
