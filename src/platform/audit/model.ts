import { bigint, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uuid } from 'drizzle-orm/pg-core';
import { sql } from 'drizzle-orm';

/**
 * Who read or changed whose data, when and why (patientdatalagen 4 kap. 3 §).
 * Rows are written in the caller's transaction without a hash, so that audited writes never queue on a
 * shared chain head; the sealer then links them, per region, into a SHA-256 hash chain. A database
 * trigger refuses deletes and any update other than sealing.
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
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('audit_log_seq_key').on(t.regionId, t.seq),
    index('audit_log_person_idx').on(t.regionId, t.personId, t.at),
    index('audit_log_at_idx').on(t.regionId, t.at),
    index('audit_log_actor_idx').on(t.regionId, t.actorId, t.at),
    index('audit_log_unsealed_idx').on(t.regionId, t.at).where(sql`${t.hash} IS NULL`),
  ],
);

export const auditChain = pgTable('audit_chain', {
  regionId: text('region_id').primaryKey(),
  lastSeq: bigint('last_seq', { mode: 'number' }).notNull(),
  lastHash: text('last_hash').notNull(),
});
