import { index, jsonb, pgTable, primaryKey, text, timestamp, uuid } from 'drizzle-orm/pg-core';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * One run of the retention purge. `asOf` is the clock the run judges periods by: a run killed halfway is
 * resumed with the same `asOf`, so its rerun purges exactly what the first attempt set out to. `counts` holds
 * rows per rule (never their contents) and grows in the transaction of each batch.
 */
export const privacyPurgeRuns = pgTable(
  'privacy_purge_runs',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    asOf: ts('as_of').notNull(),
    startedAt: ts('started_at').notNull(),
    finishedAt: ts('finished_at'),
    counts: jsonb('counts').$type<Record<string, number>>().notNull().default({}),
  },
  (t) => [primaryKey({ columns: [t.regionId, t.id] }), index('privacy_purge_runs_started_idx').on(t.regionId, t.startedAt)],
);
