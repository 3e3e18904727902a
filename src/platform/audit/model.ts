import { bigint, check, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Who read or changed whose data, when and why (patientdatalagen 4 kap. 3 §).
 * Rows are written in the caller's transaction without a hash, so that audited writes never queue on a
 * shared chain head; the sealer then links them, per region, into a SHA-256 hash chain. Each row carries
 * an HMAC by the application (`mac`, with a key the database does not hold), so a row inserted in SQL is
 * recognised as forged and never sealed. Rows are written only through the SQL function `audit_append`;
 * triggers refuse deletes, truncation and any update other than sealing (migrations 0001 and 0013).
 */
export const auditLog = pgTable(
  'audit_log',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    actorKind: text('actor_kind').$type<'staff' | 'citizen' | 'system'>().notNull(),
    actorId: text('actor_id').notNull(),
    actorName: text('actor_name').notNull(),
    actorRole: text('actor_role').notNull(),
    personId: uuid('person_id'),
    action: text('action').notNull(),
    purpose: text('purpose').notNull(),
    details: jsonb('details').$type<Record<string, unknown>>(),
    seq: bigint('seq', { mode: 'number' }),
    prevHash: text('prev_hash'),
    hash: text('hash'),
    /** HMAC-SHA256 of the row's content (see signing.ts); null only for rows written before migration 0013. */
    mac: text('mac'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('audit_log_seq_key').on(t.regionId, t.seq),
    index('audit_log_person_idx').on(t.regionId, t.personId, t.at),
    index('audit_log_at_idx').on(t.regionId, t.at),
    index('audit_log_actor_idx').on(t.regionId, t.actorId, t.at),
    index('audit_log_unsealed_idx').on(t.regionId, t.at).where(sql`${t.hash} IS NULL`),
    check('audit_log_mac_format', sql`${t.mac} ~ '^[0-9a-f]{64}$'`),
  ],
);

export const auditChain = pgTable('audit_chain', {
  regionId: text('region_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
  /** Entries up to this sequence number were written before entries were signed (migration 0013); later ones must carry a MAC. */
  unsignedUntil: bigint('unsigned_until', { mode: 'number' }).notNull().default(0),
});

/**
 * Signed checkpoints of each region's chain head: the entry count, the head hash and the time, HMAC-signed.
 * They are also published outside the database (a JSONL file in the data dir, the outbox, the log), so a
 * truncated or rewound log is told from the last checkpoint it can no longer match.
 */
export const auditCheckpoints = pgTable(
  'audit_checkpoints',
  {
    regionId: text('region_id').notNull(),
    seq: bigint('seq', { mode: 'number' }).notNull(),
    headHash: text('head_hash').notNull(),
    unsignedUntil: bigint('unsigned_until', { mode: 'number' }).notNull(),
    at: timestamp('at', { withTimezone: true, mode: 'string' }).notNull(),
    mac: text('mac').notNull(),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.seq] })],
);
