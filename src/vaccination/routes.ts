import type { AppContext } from '../platform/context.js';
import type { App } from '../platform/http/server.js';
import { administrationRoutes } from './administration/routes.js';
import { bookingRoutes } from './booking/routes.js';
import { recommendationRoutes } from './recommendations/routes.js';
import { seedRecommendationsForAllRegions } from './recommendations/seed.js';
import { siteRoutes } from './sites/routes.js';
import { smartRoutes } from './smart/routes.js';

/**
 * The vaccination core: recommendations, sites and times, booking, administration, SMART links.
 * At start it makes sure every region has the national recommendations (idempotent, one statement).
 */
export async function vaccinationRoutes(app: App, ctx: AppContext) {
  await ctx.database.db.transaction((tx) => seedRecommendationsForAllRegions(tx));
  recommendationRoutes(app, ctx);
  siteRoutes(app, ctx);
  bookingRoutes(app, ctx);
  administrationRoutes(app, ctx);
  smartRoutes(app, ctx);
}
