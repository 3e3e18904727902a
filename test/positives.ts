import { randomUUID } from 'node:crypto';
import { publishEvent } from '../src/platform/jobs/outbox.js';
import { POSITIVE_RESULT_REGISTERED } from '../src/testing/events.js';
import type { TestEnv } from './harness.js';

/** A positive result as testing announces it, delivered: the tracing case exists when this returns. */
export async function positiveResult(env: TestEnv, person: { id: string; regionId: string }, takenAt: string): Promise<string> {
  const sampleId = randomUUID();
  await env.database.db.transaction((tx) =>
    publishEvent(tx, person.regionId, POSITIVE_RESULT_REGISTERED, { regionId: person.regionId, sampleId, personId: person.id, testType: 'pcr', collection: 'self', takenAt, resultAt: takenAt }, sampleId),
  );
  await env.worker.drain();
  return sampleId;
}

/** The id of the person's newest case. */
export async function caseOf(env: TestEnv, personId: string): Promise<string> {
  const [row] = await env.database.query<{ id: string }>('SELECT id FROM tracing_cases WHERE person_id = $1 ORDER BY opened_at DESC LIMIT 1', [personId]);
  if (!row) throw new Error(`no case for ${personId}`);
  return row.id;
}
