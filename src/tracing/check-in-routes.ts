import { z } from 'zod';
import { day } from '../platform/input/index.js';
import type { AppContext } from '../platform/context.js';
import { actorOf, type App } from '../platform/http/server.js';
import * as checkIns from './check-ins.js';
import { SYMPTOMS } from './follow-up-days.js';

const tags = ['tracing'];
/** The link's token: 32 characters of base64url (check-ins.ts). */
const Token = z.string().max(32).regex(/^[A-Za-z0-9_-]{32}$/, 'the code from the link: 32 letters, digits, - or _');
const Answer = z.object({
  hasSymptoms: z.boolean(),
  symptoms: z.array(z.enum(SYMPTOMS)).max(SYMPTOMS.length).default([]),
  tested: z.boolean(),
  testDate: day.nullable().optional(),
});
const Answered = z.object({ day: z.string(), followUpDay: z.number(), days: z.number(), advice: z.enum(['test', 'none']), adviceText: z.string().nullable() });
/** The public pages' answers are few per person and day: a tight limit keeps tokens from being tried. */
const rateLimit = { max: 20, timeWindow: '1 minute' };

/** Contacts' daily self-reporting: the public link, the citizen's inbox, and the tracers' line list. */
export function tracingCheckInRoutes(app: App, ctx: AppContext) {
  app.post(
    '/api/tracing/check-in/lookup',
    { config: { access: 'public', rateLimit }, schema: { tags, summary: 'The day a check-in link is for (no login; the token is in the body, never in a URL)', body: z.object({ token: Token }).strict(), response: { 200: z.object({ day: z.string(), followUpDay: z.number(), days: z.number(), lastDay: z.string(), answered: z.boolean(), expired: z.boolean() }) } } },
    async (req) => checkIns.checkInByToken(ctx, req.body.token),
  );
  app.post(
    '/api/tracing/check-in',
    { config: { access: 'public', rateLimit }, schema: { tags, summary: "Answer the day's check-in through the link (once; until the follow-up ends)", body: Answer.extend({ token: Token }).strict(), response: { 200: Answered } } },
    async (req) => {
      const { token, ...answer } = req.body;
      return checkIns.answerByToken(ctx, token, answer);
    },
  );
  app.get(
    '/api/tracing/my-check-ins',
    { config: { access: 'tracing.questionnaire.own' }, schema: { tags, summary: 'My follow-ups as a contact, and whether today is answered', response: { 200: z.object({ today: z.string(), followUps: z.array(z.object({ contactId: z.string(), followUpDay: z.number(), days: z.number(), lastDay: z.string(), answeredToday: z.boolean() })) }) } } },
    async (req) => checkIns.myCheckIns(ctx, actorOf(req)),
  );
  app.post(
    '/api/tracing/my-check-ins/:contactId',
    { config: { access: 'tracing.questionnaire.own' }, schema: { tags, summary: 'Answer a check-in of mine (logged in, from the 1177 inbox)', params: z.object({ contactId: z.string().max(64) }), body: Answer.extend({ day }).strict(), response: { 200: Answered } } },
    async (req) => {
      const { day: d, ...answer } = req.body;
      return checkIns.answerAsCitizen(ctx, actorOf(req), req.params.contactId, d, answer);
    },
  );
  app.get(
    '/api/tracing/follow-ups',
    {
      config: { access: 'tracing.queue.read' },
      schema: {
        tags,
        summary: 'Contacts under follow-up: day of follow-up, last answer, next due day; symptoms and two missed days flagged (audited)',
        response: {
          200: z.object({
            today: z.string(),
            contacts: z.array(
              z.object({
                contactId: z.string(),
                caseId: z.string(),
                name: z.string(),
                phone: z.string().nullable(),
                relation: z.enum(['household', 'close']),
                inRegister: z.boolean(),
                lastExposure: z.string(),
                followUpDay: z.number(),
                days: z.number(),
                lastDay: z.string(),
                channel: z.enum(['sms', 'inbox', 'call']).nullable().describe("How today's check-in went out; call: the phone list"),
                lastAnswer: z.object({ day: z.string(), answeredAt: z.string(), via: z.enum(['link', 'inbox', 'phone']), hasSymptoms: z.boolean(), symptoms: z.array(z.string()), tested: z.boolean(), testDate: z.string().nullable() }).nullable(),
                nextDue: z.string().nullable(),
                missedInARow: z.number(),
                flags: z.array(z.enum(['symptoms', 'missed', 'call'])),
                advice: z.enum(['test']).nullable(),
                kitOrderedAt: z.string().nullable(),
              }),
            ),
            distributionPoints: z.array(z.object({ id: z.string(), name: z.string() })),
          }),
        },
      },
    },
    async (req) => checkIns.followUpList(ctx, actorOf(req)),
  );
  app.post(
    '/api/tracing/follow-ups/:contactId/answers',
    { config: { access: 'tracing.case.work' }, schema: { tags, summary: "Record a contact's check-in answered on the phone", params: z.object({ contactId: z.uuid() }), body: Answer.extend({ day }).strict(), response: { 200: Answered } } },
    async (req) => {
      const { day: d, ...answer } = req.body;
      return checkIns.recordPhoneAnswer(ctx, actorOf(req), req.params.contactId, d, answer);
    },
  );
  app.post(
    '/api/tracing/follow-ups/:contactId/kit-order',
    { config: { access: 'tracing.case.work' }, schema: { tags, summary: 'Order a self-test kit for a contact in the register', params: z.object({ contactId: z.uuid() }), body: z.object({ distributionPointId: z.uuid() }).strict(), response: { 200: z.object({ orderId: z.string(), orderedAt: z.string(), distributionPoint: z.string() }) } } },
    async (req) => checkIns.orderKitForContact(ctx, actorOf(req), req.params.contactId, req.body.distributionPointId),
  );
}
