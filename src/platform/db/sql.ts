import type { SQL } from 'drizzle-orm';
import type { Db } from './client.js';

/** A timestamptz as ISO-8601 UTC text with microseconds: stable across servers' TimeZone settings, exact for keyset cursors. */
export const isoTimestamp = (column: string) => `to_char(${column} AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.US"Z"')`;

/** PostgreSQL's timestamptz text ('2026-11-23 16:34:02.41399+00') as ISO-8601, losing nothing. */
export function toIso(ts: string): string {
  const m = /^(\d{4}-\d\d-\d\d)[ T](\d\d:\d\d:\d\d(?:\.\d+)?)(Z|[+-]\d\d)(?::?(\d\d))?$/.exec(ts);
  if (!m) return ts;
  return m[3] === 'Z' ? `${m[1]}T${m[2]}Z` : `${m[1]}T${m[2]}${m[3]}:${m[4] ?? '00'}`;
}

/** Runs raw SQL through the query builder's connection (or transaction) and returns its rows. */
export async function queryRows<T>(db: Db, query: SQL): Promise<T[]> {
  return ((await db.execute(query)) as unknown as { rows: T[] }).rows;
}
