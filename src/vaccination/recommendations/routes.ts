import { z } from 'zod';
import type { AppContext } from '../../platform/context.js';
import { actorOf, type App } from '../../platform/http/server.js';
import { AddRecommendationBody, RecommendationView } from '../schemas.js';
import { addRecommendation, listRecommendations } from './service.js';

const tags = ['vaccination'];

export function recommendationRoutes(app: App, ctx: AppContext) {
  app.get('/api/vaccination/recommendations', { config: { access: 'vaccination.recommendations.read' }, schema: { tags, summary: 'Recommendations, every version with its validity', response: { 200: z.object({ recommendations: z.array(RecommendationView) }) } } }, async (req) => ({
    recommendations: await listRecommendations(ctx, actorOf(req)),
  }));
  app.post('/api/vaccination/recommendations', { config: { access: 'vaccination.recommendations.manage' }, schema: { tags, summary: 'Add a recommendation (or a new version of one)', body: AddRecommendationBody, response: { 201: RecommendationView } } }, async (req, reply) =>
    reply.code(201).send(await addRecommendation(ctx, actorOf(req), req.body)),
  );
}
