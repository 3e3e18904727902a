import { z } from 'zod';
import { and, desc, eq, inArray, lt, or } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import { recordMany } from '../audit/audit.js';
import type { PersonDirectory } from '../audit/routes.js';
import { toIso } from '../db/sql.js';
import { cursorCodec, cursorParam, instant } from '../input/index.js';
import { actorOf, type App } from '../http/server.js';
import { deliveredMessages, messageChannels } from './model.js';

const MessageView = z.object({ id: z.string(), channel: z.enum(messageChannels), recipient: z.string(), subject: z.string().nullable(), body: z.string(), deliveredAt: z.string(), status: z.string() });
const InboxView = z.object({ id: z.string(), subject: z.string().nullable(), body: z.string(), deliveredAt: z.string() });

const messageCursor = cursorCodec(z.tuple([instant, z.guid()]));
const cursorOf = (m: { deliveredAt: string; id: string }) => messageCursor.encode([m.deliveredAt, m.id]);
function afterCursor(cursor: string | undefined) {
  if (!cursor) return undefined;
  const [at, id] = messageCursor.decode(cursor);
  return or(lt(deliveredMessages.deliveredAt, at), and(eq(deliveredMessages.deliveredAt, at), lt(deliveredMessages.id, id)));
}

/** What the embedded transports delivered: for administrators to see, and the citizen's own 1177 inbox. */
export function messageRoutes(app: App, ctx: AppContext, people: PersonDirectory) {
  app.get(
    '/api/messages',
    { config: { access: 'messages.delivered.read' }, schema: { tags: ['messages'], summary: 'Messages sent by the embedded transports (audited)', querystring: z.object({ channel: z.enum(messageChannels).optional(), cursor: cursorParam.optional(), limit: z.coerce.number().int().min(1).max(200).default(50) }).strict(), response: { 200: z.object({ messages: z.array(MessageView), nextCursor: z.string().nullable() }) } } },
    async (req) => {
      const actor = actorOf(req);
      const { channel, cursor, limit } = req.query;
      return ctx.database.db.transaction(async (tx) => {
        const rows = await tx
          .select()
          .from(deliveredMessages)
          .where(and(eq(deliveredMessages.regionId, actor.regionId), channel ? eq(deliveredMessages.channel, channel) : undefined, afterCursor(cursor)))
          .orderBy(desc(deliveredMessages.deliveredAt), desc(deliveredMessages.id))
          .limit(limit + 1);
        const page = rows.slice(0, limit);
        const personIds = [...new Set(page.map((m) => m.personId).filter((p): p is string => !!p))];
        await recordMany(tx, actor, personIds.map((personId) => ({ action: 'messages.delivered.read', personId, purpose: 'driftkontroll av utskick' })));
        return {
          messages: page.map((m) => ({ id: m.id, channel: m.channel, recipient: m.recipient, subject: m.subject, body: m.body, deliveredAt: toIso(m.deliveredAt), status: 'delivered' })),
          nextCursor: rows.length > limit ? cursorOf(page.at(-1)!) : null,
        };
      });
    },
  );

  app.get('/api/inbox', { config: { access: 'messages.inbox.read' }, schema: { tags: ['messages'], summary: 'My 1177 inbox', response: { 200: z.object({ messages: z.array(InboxView) }) } } }, async (req) => {
    const actor = actorOf(req);
    const db = ctx.database.db;
    const ids = await people.recordIds(db, actor.regionId, actor.id);
    const rows = await db
      .select()
      .from(deliveredMessages)
      .where(and(eq(deliveredMessages.regionId, actor.regionId), eq(deliveredMessages.channel, 'inbox'), inArray(deliveredMessages.personId, ids)))
      .orderBy(desc(deliveredMessages.deliveredAt))
      .limit(200);
    return { messages: rows.map((m) => ({ id: m.id, subject: m.subject, body: m.body, deliveredAt: toIso(m.deliveredAt) })) };
  });
}
