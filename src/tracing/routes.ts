import { z } from 'zod';
import { and, asc, eq, sql, type SQL } from 'drizzle-orm';
import { recordMany } from '../platform/audit/audit.js';
import { personalDataScope } from '../platform/auth/permissions.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { actorOf, type App } from '../platform/http/server.js';
import { toIso } from '../platform/db/sql.js';
import { contactsOf } from '../identity/contacts.js';
import { tracingCases } from './model.js';

const CaseView = z.object({
  id: z.string(),
  personId: z.string(),
  name: z.string(),
  phone: z.string().nullable(),
  priority: z.number(),
  priorityReason: z.string(),
  openedAt: z.string(),
  questionnaireDueAt: z.string(),
  firstCallDueAt: z.string(),
  overdue: z.boolean(),
  possibleReinfection: z.boolean(),
  assignedTo: z.string().nullable(),
});

/**
 * The tracers' work queue: open cases by priority, then by the first-call deadline; keyset pages, so a
 * queue of thousands loads as fast as one of ten (index tracing_cases_queue_idx).
 */
export function tracingRoutes(app: App, ctx: AppContext) {
  app.get(
    '/api/tracing/queue',
    {
      config: { access: 'tracing.queue.read' },
      schema: {
        tags: ['tracing'],
        summary: 'Open cases by priority and deadline (audited)',
        querystring: z.object({ mine: z.coerce.boolean().default(false), limit: z.coerce.number().int().min(1).max(200).default(50), cursor: z.string().max(300).optional() }).strict(),
        response: { 200: z.object({ cases: z.array(CaseView), nextCursor: z.string().nullable() }) },
      },
    },
    async (req) => {
      const actor = actorOf(req);
      const regionId = personalDataScope(actor);
      const { mine, limit, cursor } = req.query;
      let after: SQL | undefined;
      if (cursor) {
        const [p, due, id] = Buffer.from(cursor, 'base64url').toString().split('|');
        if (!p || !due || !id) throw new AppError('invalid', 'cursor: not a cursor this API gave out', 'cursor');
        after = sql`(${tracingCases.priority}, ${tracingCases.firstCallDueAt}, ${tracingCases.id}) > (${Number(p)}, ${due}::timestamptz, ${id}::uuid)`;
      }
      const now = ctx.clock.now();
      return ctx.database.db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(tracingCases)
          .where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.status, 'open'), mine ? eq(tracingCases.assignedTo, actor.id) : undefined, after))
          .orderBy(asc(tracingCases.priority), asc(tracingCases.firstCallDueAt), asc(tracingCases.id))
          .limit(limit + 1);
        const page = rows.slice(0, limit);
        const contacts = await contactsOf(tx, regionId, page.map((c) => c.personId));
        await recordMany(tx, actor, page.map((c) => ({ action: 'tracing.case.listed', personId: c.personId, purpose: 'smittspårning' })));
        const last = page.at(-1);
        return {
          cases: page.map((c) => ({
            id: c.id,
            personId: c.personId,
            name: contacts.get(c.personId)?.name ?? '',
            phone: contacts.get(c.personId)?.phone ?? null,
            priority: c.priority,
            priorityReason: c.priorityReason,
            openedAt: toIso(c.openedAt),
            questionnaireDueAt: toIso(c.questionnaireDueAt),
            firstCallDueAt: toIso(c.firstCallDueAt),
            overdue: !c.firstCallAt && new Date(toIso(c.firstCallDueAt)) < now,
            possibleReinfection: c.possibleReinfection,
            assignedTo: c.assignedTo,
          })),
          nextCursor: rows.length > limit && last ? Buffer.from(`${last.priority}|${last.firstCallDueAt}|${last.id}`).toString('base64url') : null,
        };
      });
    },
  );
}
