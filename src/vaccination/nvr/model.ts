import { sql } from 'drizzle-orm';
import { boolean, check, index, integer, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

export const nvrStatuses = ['queued', 'sent', 'accepted', 'rejected'] as const;
export type NvrStatus = (typeof nvrStatuses)[number];

/**
 * The reporting of each recorded dose to the national vaccination register (NVR): queued when the dose is
 * recorded, sent when the register took the message, accepted or rejected by its answer. A resend after a
 * correction bumps `attempt`, which is part of the message's idempotency key.
 */
export const nvrReports = pgTable(
  'vaccination_nvr_reports',
  {
    regionId: text('region_id').notNull(),
    doseId: uuid('dose_id').notNull(),
    personId: uuid('person_id').notNull(),
    status: text('status').$type<NvrStatus>().notNull().default('queued'),
    /** The dose was reported on a reservnummer: NVR cannot link it to the population register until corrected. */
    reservnummer: boolean('reservnummer').notNull().default(false),
    attempt: integer('attempt').notNull().default(1),
    queuedAt: ts('queued_at').notNull(),
    sentAt: ts('sent_at'),
    answeredAt: ts('answered_at'),
    /** The register's id of the accepted report. */
    reference: text('reference'),
    rejection: text('rejection'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.doseId] }),
    index('vaccination_nvr_reports_open_idx').on(t.regionId, t.status, t.queuedAt).where(sql`${t.status} <> 'accepted'`),
    check('vaccination_nvr_reports_status', sql`${t.status} IN ('queued', 'sent', 'accepted', 'rejected')`),
  ],
);

/**
 * The embedded stand-in for the national register: what the `embedded` NVR transport received, so a demo
 * shows the messages as NVR would get them. A production instance configures NVR_WEBHOOK_URL instead.
 */
export const nvrEmbeddedRegister = pgTable(
  'vaccination_nvr_embedded_register',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    idempotencyKey: text('idempotency_key').notNull(),
    message: jsonb('message').$type<Record<string, unknown>>().notNull(),
    receivedAt: ts('received_at').notNull().defaultNow(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), unique('vaccination_nvr_embedded_register_key').on(t.regionId, t.idempotencyKey)],
);
