import type { Database } from '../../platform/db/client.js';
import { notPersonal, retentionRegistry } from './registry.js';

/**
 * Words that, as a part of a column's name, say it may hold personal data: identity, names, contact
 * details, birth dates, free text, message bodies, session and audit actors. Deliberately wide: a column
 * that matches and holds nothing personal is listed in `notPersonal` with the reason.
 */
const PERSONAL_WORDS = new Set([
  'person', 'personnummer', 'identity', 'name', 'phone', 'email', 'address', 'birth', 'note', 'body', 'message', 'text', 'answers',
  'recipient', 'sender', 'signer', 'actor', 'raw', 'payload', 'document', 'details', 'hc1', 'proposer', 'owner', 'reason',
  'rapporteur', 'chair', 'checkers', 'delegate', 'officer', 'subject', 'hsa',
]);

export const looksPersonal = (column: string) => column.split('_').some((w) => PERSONAL_WORDS.has(w));

export interface SchemaGap {
  problem: 'not in the registry' | 'registry names a missing column' | 'listed twice';
  column: string;
}

/** Compares the registry with the database's actual schema (information_schema), both ways. */
export async function registryGaps(database: Database): Promise<SchemaGap[]> {
  const rows = await database.query<{ table_name: string; column_name: string }>(
    `SELECT table_name, column_name FROM information_schema.columns WHERE table_schema = current_schema() ORDER BY table_name, ordinal_position`,
  );
  const existing = new Set(rows.map((r) => `${r.table_name}.${r.column_name}`));
  const registered = new Set(retentionRegistry.flatMap((e) => e.columns.map((c) => `${e.table}.${c}`)));
  const withPersonId = new Set(rows.filter((r) => r.column_name === 'person_id').map((r) => r.table_name));
  const gaps: SchemaGap[] = [];
  for (const column of existing) {
    const [table, name] = column.split('.') as [string, string];
    const personal = looksPersonal(name) || (withPersonId.has(table) && name === 'person_id');
    if (personal && !registered.has(column) && !(column in notPersonal)) gaps.push({ problem: 'not in the registry', column });
  }
  for (const column of [...registered, ...Object.keys(notPersonal)]) if (!existing.has(column)) gaps.push({ problem: 'registry names a missing column', column });
  for (const column of registered) if (column in notPersonal) gaps.push({ problem: 'listed twice', column });
  return gaps;
}
