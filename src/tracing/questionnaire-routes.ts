import { z } from 'zod';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import { myQuestionnaire, QuestionnaireAnswers, saveQuestionnaire } from './questionnaire.js';

const tags = ['tracing'];
const Questionnaire = z.object({
  caseId: z.string(),
  dueAt: z.string(),
  answers: z.record(z.string(), z.unknown()),
  savedAt: z.string().nullable(),
  submittedAt: z.string().nullable(),
  household: z.array(z.object({ name: z.string() })),
});

/** The index's own questionnaire, reached from the link in the 1177 inbox and the SMS. */
export function tracingQuestionnaireRoutes(app: App, ctx: AppContext) {
  app.get('/api/tracing/my-questionnaire', { config: { access: 'tracing.questionnaire.own' }, schema: { tags, summary: 'My contact-tracing questionnaire', response: { 200: Questionnaire } } }, async (req) =>
    myQuestionnaire(ctx, actorOf(req)),
  );
  app.put(
    '/api/tracing/my-questionnaire',
    {
      config: { access: 'tracing.questionnaire.own' },
      schema: { tags, summary: 'Save my answers so far, or submit them', body: z.object({ answers: QuestionnaireAnswers, submit: z.boolean().default(false) }).strict(), response: { 200: Questionnaire } },
    },
    async (req) => saveQuestionnaire(ctx, actorOf(req), req.body),
  );
}
