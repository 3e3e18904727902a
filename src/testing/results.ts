import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { recordMany } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { addToOutbox, type OutboxItem } from '../platform/jobs/outbox.js';
import { positiveResultRegistered, resultsAnswered } from './events.js';
import type { TestResult, TestType } from './model.js';

export interface ResultInput {
  /** The line of the source file, for the import report. */
  line?: number;
  kitCode: string;
  testType: TestType;
  result: TestResult;
  resultAt: string;
  method?: string | null;
}

export type ResultOutcome =
  | { status: 'accepted'; sampleId: string }
  | { status: 'unchanged'; sampleId?: string }
  | { status: 'held' }
  | { status: 'rejected'; field: string; reason: string };

interface SampleRow {
  id: string;
  kit_code: string;
  person_id: string;
  test_type: TestType;
  result: TestResult | null;
  booking_id: string | null;
  taken_at: string;
  collection: 'self' | 'staff';
}

/**
 * Applies lab results in the caller's transaction, set-based so that one call can carry thousands: the same
 * result again changes nothing, a conflicting one is refused with its reason, a result for a kit no one
 * registered is held for manual matching. Each accepted answer goes to the citizen (1177 inbox with the
 * advice, and a notice by SMS and e-mail, through `testing.ResultsAnswered`) unless it is a negative from
 * the assisted track, which staff phone;
 * each positive raises `testing.PositiveResultRegistered` for contact tracing.
 */
export async function applyResults(tx: Db, actor: Actor, inputs: ResultInput[], opts: { labUnitId?: string | null; importId?: string | null } = {}): Promise<ResultOutcome[]> {
  const regionId = actor.regionId;
  const codes = [...new Set(inputs.map((i) => i.kitCode))];
  const found = await queryRows<SampleRow>(
    tx,
    sql`SELECT id, kit_code, person_id, test_type, result, booking_id, taken_at, collection FROM samples
        WHERE region_id = ${regionId} AND kit_code = ANY(${sql.param(codes)}::text[]) FOR UPDATE`,
  );
  const byCode = new Map(found.map((s) => [s.kit_code, s]));
  const outcomes: ResultOutcome[] = [];
  const accepted: { sample: SampleRow; input: ResultInput }[] = [];
  const held: ResultInput[] = [];
  for (const input of inputs) {
    const sample = byCode.get(input.kitCode);
    if (!sample) {
      held.push(input);
      outcomes.push({ status: 'held' });
    } else if (sample.test_type !== input.testType) {
      outcomes.push({ status: 'rejected', field: 'testType', reason: `the kit is for ${sample.test_type}, the result is for ${input.testType}` });
    } else if (sample.result === input.result) {
      outcomes.push({ status: 'unchanged', sampleId: sample.id });
    } else if (sample.result) {
      outcomes.push({ status: 'rejected', field: 'result', reason: `the sample already has the answer ${sample.result}; a correction must go through the lab's correction routine` });
    } else {
      sample.result = input.result; // a second line for the same kit in this batch sees the first
      accepted.push({ sample, input });
      outcomes.push({ status: 'accepted', sampleId: sample.id });
    }
  }

  if (held.length > 0) {
    // The same unmatched result again is not held twice (unique on kit and test type).
    await tx.execute(sql`INSERT INTO unmatched_results (region_id, import_id, line, kit_code, test_type, result, result_at, method, lab_unit_id)
      SELECT ${regionId}, ${opts.importId ?? null}::uuid, * FROM unnest(${sql.param(held.map((h) => h.line ?? null))}::int[], ${sql.param(held.map((h) => h.kitCode))}::text[],
        ${sql.param(held.map((h) => h.testType))}::text[], ${sql.param(held.map((h) => h.result))}::text[], ${sql.param(held.map((h) => h.resultAt))}::timestamptz[],
        ${sql.param(held.map((h) => h.method ?? null))}::text[], ${sql.param(held.map(() => opts.labUnitId ?? null))}::uuid[])
      ON CONFLICT (region_id, kit_code, test_type) DO NOTHING`);
  }
  if (accepted.length === 0) return outcomes;

  const phoned = (a: { sample: SampleRow; input: ResultInput }) => a.sample.booking_id !== null && a.input.result === 'negative';
  await tx.execute(sql`UPDATE samples s SET result = u.result, result_at = u.result_at, method = u.method,
      lab_unit_id = coalesce(s.lab_unit_id, ${opts.labUnitId ?? null}::uuid), received_at = coalesce(s.received_at, u.result_at),
      answered_at = CASE WHEN u.phoned THEN NULL ELSE now() END
    FROM unnest(${sql.param(accepted.map((a) => a.sample.id))}::uuid[], ${sql.param(accepted.map((a) => a.input.result))}::text[],
      ${sql.param(accepted.map((a) => a.input.resultAt))}::timestamptz[], ${sql.param(accepted.map((a) => a.input.method ?? null))}::text[],
      ${sql.param(accepted.map(phoned))}::bool[]) AS u(id, result, result_at, method, phoned)
    WHERE s.region_id = ${regionId} AND s.id = u.id`);

  // The answers leave as one event per call; its handler writes each citizen's messages (sendAnswers in
  // handlers.ts), so a batch of a thousand results costs the import one outbox row, not three thousand.
  const outbox: OutboxItem[] = [];
  const answered = accepted.filter((a) => !phoned(a)).map((a) => a.sample.id);
  if (answered.length > 0) outbox.push(resultsAnswered(regionId, answered));
  for (const { sample, input } of accepted) {
    if (input.result === 'positive') {
      outbox.push(positiveResultRegistered({ regionId, sampleId: sample.id, personId: sample.person_id, testType: input.testType, collection: sample.collection, takenAt: sample.taken_at, resultAt: input.resultAt }));
    }
  }
  for (let i = 0; i < outbox.length; i += 2_000) await addToOutbox(tx, outbox.slice(i, i + 2_000));
  for (let i = 0; i < accepted.length; i += 2_000) {
    await recordMany(
      tx,
      actor,
      accepted.slice(i, i + 2_000).map((a) => ({ action: 'testing.result.registered', personId: a.sample.person_id, purpose: 'provsvar', details: { sampleId: a.sample.id, result: a.input.result, importId: opts.importId ?? undefined } })),
    );
  }
  return outcomes;
}
