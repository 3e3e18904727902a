import type { RouteObject } from 'react-router';
import { lazyPage } from '../../components/lazyPage.js';

const SupplyPage = lazyPage(() => import('./SupplyPage.js'), 'SupplyPage');
const DeliveriesPage = lazyPage(() => import('./DeliveriesPage.js'), 'DeliveriesPage');
const VialsPage = lazyPage(() => import('./VialsPage.js'), 'VialsPage');
const NvrPage = lazyPage(() => import('./NvrPage.js'), 'NvrPage');
const InvitationsPage = lazyPage(() => import('./InvitationsPage.js'), 'InvitationsPage');
const CoveragePage = lazyPage(() => import('./CoveragePage.js'), 'CoveragePage');

/** The pages for supply (stock, deliveries, vials), NVR, invitations and coverage, relative to `/vaccination`. */
export const supplyRoutes: RouteObject[] = [
  { path: 'supply', element: <SupplyPage /> },
  { path: 'deliveries', element: <DeliveriesPage /> },
  { path: 'vials', element: <VialsPage /> },
  { path: 'nvr', element: <NvrPage /> },
  { path: 'invitations', element: <InvitationsPage /> },
  { path: 'coverage', element: <CoveragePage /> },
];
