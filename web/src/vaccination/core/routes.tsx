import type { RouteObject } from 'react-router';

/** Pages of booking, sites and administration, relative to `/vaccination`. */
export const coreRoutes: RouteObject[] = [];
