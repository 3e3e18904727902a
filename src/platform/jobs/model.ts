import { integer, jsonb, index, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Every side effect leaves through here, written in the same transaction as the change that caused it.
 * The idempotency key makes a second add of the same effect a no-op and lets a transport drop a resend.
 */
export const outbox = pgTable(
  'outbox',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    topic: text('topic').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    idempotencyKey: text('idempotency_key').notNull(),
    status: text('status').$type<'pending' | 'delivered' | 'failed'>().notNull().default('pending'),
    attempts: integer('attempts').notNull().default(0),
    nextAttemptAt: timestamp('next_attempt_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    lastError: text('last_error'),
    receipt: jsonb('receipt').$type<Record<string, unknown>>(),
    createdAt: timestamp('created_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'string' }),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('outbox_idempotency_key').on(t.regionId, t.idempotencyKey),
    index('outbox_due_idx').on(t.nextAttemptAt).where(sql`${t.status} = 'pending'`),
    index('outbox_topic_idx').on(t.regionId, t.topic, t.createdAt),
  ],
);

export const messageChannels = ['sms', 'email', 'inbox'] as const;
export type MessageChannel = (typeof messageChannels)[number];

/** What the embedded transports "sent": kept so a person can see it in the UI (and the citizen's 1177 inbox). */
export const deliveredMessages = pgTable(
  'delivered_messages',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    channel: text('channel').$type<MessageChannel>().notNull(),
    personId: uuid('person_id'),
    recipient: text('recipient').notNull(),
    subject: text('subject'),
    body: text('body').notNull(),
    deliveredAt: timestamp('delivered_at', { withTimezone: true, mode: 'string' }).notNull().defaultNow(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('delivered_messages_key').on(t.regionId, t.idempotencyKey),
    index('delivered_messages_person_idx').on(t.regionId, t.personId, t.deliveredAt),
    index('delivered_messages_channel_idx').on(t.regionId, t.channel, t.deliveredAt),
  ],
);
