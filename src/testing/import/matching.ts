/** Results held because their kit id matched no sample, and matching them by hand to the right sample. */
import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { personalDataScope } from '../../platform/auth/permissions.js';
import { record } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import { isoTimestamp, queryRows } from '../../platform/db/sql.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import type { TestResult, TestType } from '../model.js';
import { applyResults, type ResultOutcome } from '../results.js';
import { checkKitCode, formatKitCode } from '../rules.js';

export interface UnmatchedView {
  id: string;
  importId: string | null;
  line: number | null;
  kitCode: string;
  testType: TestType;
  result: TestResult;
  resultAt: string;
  method: string | null;
  status: 'held' | 'matched' | 'discarded';
  matchedSampleId: string | null;
}

const columns = `id, import_id AS "importId", line, kit_code AS "kitCode", test_type AS "testType", result, ${isoTimestamp('result_at')} AS "resultAt", method, status, matched_sample_id AS "matchedSampleId"`;

export async function listUnmatched(ctx: AppContext, actor: Actor, status: 'held' | 'matched' | 'discarded' = 'held', limit = 500): Promise<UnmatchedView[]> {
  const regionId = personalDataScope(actor);
  const rows = await ctx.database.query<UnmatchedView>(`SELECT ${columns} FROM unmatched_results WHERE region_id = $1 AND status = $2 ORDER BY result_at DESC, id LIMIT $3`, [regionId, status, limit]);
  return rows.map((r) => ({ ...r, kitCode: r.kitCode.length === 13 ? formatKitCode(r.kitCode) : r.kitCode }));
}

/**
 * Applies a held result to the sample a person identified (by id or by its kit id), exactly as if the lab
 * had reported it for that sample (`applyResults`: the answer, the messages, the positive event, the audit),
 * and marks the held row matched, all in one transaction.
 */
export async function matchUnmatched(ctx: AppContext, actor: Actor, id: string, target: { sampleId?: string; kitCode?: string }): Promise<{ id: string; sampleId: string; outcome: ResultOutcome['status'] }> {
  const regionId = personalDataScope(actor);
  if (!!target.sampleId === !!target.kitCode) throw invalid('sampleId', 'give either sampleId or kitCode');
  let kitCode: string | undefined;
  if (target.kitCode) {
    const check = checkKitCode(target.kitCode);
    if (!check.ok) throw invalid('kitCode', check.reason);
    kitCode = check.code;
  }
  return ctx.database.db.transaction(async (tx) => {
    const [held] = await queryRows<{ id: string; import_id: string | null; kit_code: string; test_type: TestType; result: TestResult; result_at: string; method: string | null; lab_unit_id: string | null; status: string }>(
      tx,
      sql`SELECT id, import_id, kit_code, test_type, result, ${sql.raw(isoTimestamp('result_at'))} AS result_at, method, lab_unit_id, status FROM unmatched_results WHERE region_id = ${regionId} AND id = ${id}::uuid FOR UPDATE`,
    );
    if (!held) throw notFound('A held result');
    if (held.status !== 'held') throw conflict(`This result is already ${held.status}`);
    const [sample] = await queryRows<{ id: string; kit_code: string | null; person_id: string }>(
      tx,
      target.sampleId
        ? sql`SELECT id, kit_code, person_id FROM samples WHERE region_id = ${regionId} AND id = ${target.sampleId}::uuid`
        : sql`SELECT id, kit_code, person_id FROM samples WHERE region_id = ${regionId} AND kit_code = ${kitCode!}`,
    );
    if (!sample) throw notFound('A registered sample');
    if (!sample.kit_code) throw invalid('sampleId', 'the sample has no kit id to carry the result');
    const [outcome] = await applyResults(tx, actor, [{ kitCode: sample.kit_code, testType: held.test_type, result: held.result, resultAt: held.result_at, method: held.method }], {
      labUnitId: held.lab_unit_id,
      importId: held.import_id,
    });
    if (outcome!.status === 'rejected') throw conflict(outcome!.reason, outcome!.field);
    await tx.execute(sql`UPDATE unmatched_results SET status = 'matched', matched_sample_id = ${sample.id}::uuid WHERE region_id = ${regionId} AND id = ${held.id}::uuid`);
    await record(tx, actor, {
      action: 'testing.unmatched.matched',
      personId: sample.person_id,
      purpose: 'manuell matchning av provsvar',
      details: { unmatchedId: held.id, sampleId: sample.id, heldKitCode: held.kit_code, outcome: outcome!.status },
    });
    return { id: held.id, sampleId: sample.id, outcome: outcome!.status };
  });
}

export interface ImportView {
  id: string;
  fileName: string;
  format: 'csv' | 'fhir';
  labUnitId: string | null;
  startedAt: string;
  finishedAt: string | null;
  rowsDone: number;
  rowsTotal: number | null;
  accepted: number;
  unchanged: number;
  held: number;
  rejected: number;
}

export async function listImports(ctx: AppContext, actor: Actor, limit = 100): Promise<ImportView[]> {
  return ctx.database.query<ImportView>(
    `SELECT id, file_name AS "fileName", format, lab_unit_id AS "labUnitId", ${isoTimestamp('started_at')} AS "startedAt",
       CASE WHEN finished_at IS NULL THEN NULL ELSE ${isoTimestamp('finished_at')} END AS "finishedAt",
       rows_done AS "rowsDone", rows_total AS "rowsTotal", accepted, unchanged, held, rejected
     FROM result_imports WHERE region_id = $1 ORDER BY started_at DESC, id LIMIT $2`,
    [actor.regionId, limit],
  );
}

export async function listRejections(ctx: AppContext, actor: Actor, importId: string): Promise<{ line: number; field: string | null; reason: string }[]> {
  const [imp] = await ctx.database.query(`SELECT 1 FROM result_imports WHERE region_id = $1 AND id = $2`, [actor.regionId, importId]);
  if (!imp) throw notFound('The import');
  return ctx.database.query(`SELECT line, field, reason FROM import_rejections WHERE region_id = $1 AND import_id = $2 ORDER BY line`, [actor.regionId, importId]);
}
