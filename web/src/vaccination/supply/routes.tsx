import type { RouteObject } from 'react-router';

/** The coordinator's pages for supply, NVR, invitations and coverage, relative to `/vaccination`. */
export const supplyRoutes: RouteObject[] = [];
