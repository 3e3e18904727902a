import { randomUUID } from 'node:crypto';
import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../auth/actor.js';
import type { Db } from '../db/client.js';
import { entryMac, nowMicros, type SignedEntry } from './signing.js';

export interface AuditEntry {
  /** What was done, as `area.thing.verb`: 'identity.person.read', 'testing.result.registered'. */
  action: string;
  /** Whose data; null for actions on no one's data. */
  personId?: string | null;
  /** Why: the reason given or implied by the route ('smittspårning', 'egen journal'). */
  purpose: string;
  details?: Record<string, unknown>;
}

/** Writes an audit row inside the caller's transaction: it commits or rolls back with the change it describes. */
export async function record(tx: Db, actor: Actor, entry: AuditEntry): Promise<void> {
  await recordMany(tx, actor, [entry]);
}

export async function recordMany(tx: Db, actor: Actor, entries: AuditEntry[]): Promise<void> {
  if (entries.length === 0) return;
  await tx.execute(auditInsert(actor, entries));
}

/**
 * The audit write as SQL: one call of `audit_append` with array parameters (one statement however many
 * entries; a bulk import audits thousands per batch), each entry signed here. For a statement that must
 * audit the very change it makes (a booking is one statement), use it as a CTE that the main query reads:
 * a WITH query that is not a data-modifying statement runs only when it is read. With `onlyIf`, the rows
 * are written only when that condition holds.
 */
export function auditInsert(actor: Actor, entries: AuditEntry[], onlyIf: SQL = sql`true`): SQL {
  const rows = entries.map((e): SignedEntry => ({
    region_id: actor.regionId,
    id: randomUUID(),
    at_iso: nowMicros(),
    actor_kind: actor.kind,
    actor_id: actor.id,
    actor_name: actor.name,
    actor_role: actor.role,
    // As the database gives them back: uuids in lower case, details through JSON (undefined keys dropped).
    person_id: e.personId?.toLowerCase() ?? null,
    action: e.action,
    purpose: e.purpose,
    details: e.details ? JSON.parse(JSON.stringify(e.details)) : null,
  }));
  const column = <T,>(f: (r: SignedEntry) => T) => sql.param(rows.map(f));
  return sql`SELECT audit_append(${actor.regionId}, ${actor.kind}, ${actor.id}, ${actor.name}, ${actor.role},
    ${column((r) => r.id)}::uuid[], ${column((r) => r.at_iso)}::timestamptz[], ${column((r) => r.person_id)}::uuid[], ${column((r) => r.action)}::text[],
    ${column((r) => r.purpose)}::text[], ${column((r) => (r.details === null ? null : JSON.stringify(r.details)))}::jsonb[], ${column(entryMac)}::text[]) AS audited
    WHERE ${onlyIf}`;
}
