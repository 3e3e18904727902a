import { and, asc, eq, lt, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { record } from '../platform/audit/audit.js';
import type { Clock } from '../platform/clock.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { AppError } from '../platform/errors.js';
import { addToOutbox } from '../platform/jobs/outbox.js';
import type { OutboxMessage } from '../platform/jobs/transports.js';
import { grants, type FhirCaller } from './auth.js';
import { fhirAccessTokens, fhirAssertionIds, fhirExportFiles, fhirExports } from './model.js';
import { auditDelivered, isResourceType, patientTypes, resourceTypes, searchPage, type ResourceType } from './store.js';

/**
 * Bulk Data `$export` (https://hl7.org/fhir/uv/bulkdata/): the kick-off records the request and queues it on
 * the outbox (topic `fhir.export`); the worker writes the NDJSON into `fhir_export_files` and audits every
 * person exported, in one transaction, so an export interrupted by a restart runs again from the start.
 */
export const FHIR_EXPORT = 'fhir.export';
/** How long files are kept for download; older exports are deleted at the next kick-off. */
const KEEP_HOURS = 24;
/** Resources per NDJSON file. */
const PART_SIZE = 10_000;
const PAGE = 1000;

const OUTPUT_FORMATS = new Set(['application/fhir+ndjson', 'application/ndjson', 'ndjson']);

export interface KickOff {
  level: 'system' | 'patient';
  query: Record<string, unknown>;
  prefer: string | undefined;
  requestUrl: string;
}

export async function kickOff(ctx: AppContext, caller: FhirCaller, k: KickOff): Promise<string> {
  if (!/(^|[,;\s])respond-async($|[,;\s])/.test(k.prefer ?? '')) throw new AppError('invalid', 'Prefer: an export runs asynchronously; send Prefer: respond-async', 'Prefer');
  const allowed = k.level === 'patient' ? patientTypes : resourceTypes;
  let types: ResourceType[] | undefined;
  for (const [name, raw] of Object.entries(k.query)) {
    const value = Array.isArray(raw) ? raw.join(',') : String(raw);
    if (name === '_type') {
      types = [];
      for (const t of value.split(',')) {
        if (!isResourceType(t) || !allowed.includes(t)) throw new AppError('invalid', `_type: ${t} is not exported here; ${allowed.join(', ')}`, '_type');
        if (!types.includes(t)) types.push(t);
      }
    } else if (name === '_outputFormat') {
      if (!OUTPUT_FORMATS.has(value)) throw new AppError('invalid', '_outputFormat: application/fhir+ndjson only', '_outputFormat');
    } else throw new AppError('invalid', `${name}: not a parameter of $export here (_type and _outputFormat are)`, name);
  }
  if (types) {
    for (const t of types) if (caller.scopes && !grants(caller.scopes, `system/${t}.read`)) throw new AppError('forbidden', `_type: the token's scopes do not cover system/${t}.read`, '_type');
  } else types = allowed.filter((t) => !caller.scopes || grants(caller.scopes, `system/${t}.read`));
  if (types.length === 0) throw new AppError('forbidden', "The token's scopes cover none of the types this export takes");

  const regionId = ctx.config.regionId;
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .insert(fhirExports)
      .values({ regionId, level: k.level, types: types!, requestedBy: caller.actor, requestUrl: k.requestUrl, expiresAt: new Date(now.getTime() + KEEP_HOURS * 3_600_000).toISOString() })
      .returning({ id: fhirExports.id });
    await record(tx, caller.actor, { action: 'fhir.export.requested', purpose: 'Systemintegration (FHIR)', details: { exportId: row!.id, level: k.level, types } });
    await addToOutbox(tx, { regionId, topic: FHIR_EXPORT, payload: { exportId: row!.id }, idempotencyKey: `fhir-export:${row!.id}` });
    return row!.id;
  });
}

/**
 * Housekeeping (every few seconds in the server): expired exports go with their files (the FK cascades), so
 * copies of personal data are not kept past their day; expired tokens and assertion ids go too.
 */
export async function purgeExpiredFhir(ctx: AppContext): Promise<void> {
  const regionId = ctx.config.regionId;
  const now = ctx.clock.now().toISOString();
  await ctx.database.db.delete(fhirExports).where(and(eq(fhirExports.regionId, regionId), lt(fhirExports.expiresAt, now)));
  await ctx.database.db.delete(fhirAccessTokens).where(and(eq(fhirAccessTokens.regionId, regionId), lt(fhirAccessTokens.expiresAt, now)));
  await ctx.database.db.delete(fhirAssertionIds).where(and(eq(fhirAssertionIds.regionId, regionId), lt(fhirAssertionIds.expiresAt, now)));
}

/** The outbox handler: runs a queued export in the worker's transaction. */
export const exportHandler = (clock: Clock) => async (tx: Db, m: OutboxMessage) => {
  const exportId = String(m.payload.exportId);
  const [job] = await tx.select().from(fhirExports).where(and(eq(fhirExports.regionId, m.regionId), eq(fhirExports.id, exportId))).for('update');
  if (!job || job.status !== 'queued') return;
  const now = clock.now();
  const persons = new Set<string>();
  const counts: Record<string, number> = {};
  for (const type of job.types as ResourceType[]) {
    let cursor: string | undefined;
    let part = 0;
    let lines: string[] = [];
    const flush = async () => {
      if (lines.length === 0) return;
      part += 1;
      await tx.insert(fhirExportFiles).values({ regionId: m.regionId, exportId, resourceType: type, part, count: lines.length, ndjson: lines.join('\n') + '\n' });
      lines = [];
    };
    do {
      const page = await searchPage(tx, m.regionId, type, { count: PAGE, cursor, params: new Map() }, now);
      for (const r of page.resources) lines.push(JSON.stringify(r));
      for (const p of page.persons) persons.add(p);
      counts[type] = (counts[type] ?? 0) + page.resources.length;
      if (lines.length >= PART_SIZE) await flush();
      cursor = page.next;
    } while (cursor);
    await flush();
  }
  await auditDelivered(tx, job.requestedBy, 'fhir.export.read', [...persons], { exportId, level: job.level });
  await tx.update(fhirExports).set({ status: 'done', transactionTime: now.toISOString() }).where(and(eq(fhirExports.regionId, m.regionId), eq(fhirExports.id, exportId)));
  return;
};

const sameActor = (a: Actor, b: Actor) => a.kind === b.kind && a.id === b.id && a.regionId === b.regionId;

/** An export of this region that the caller asked for; anyone else's, or an unknown id, is a 404. */
async function exportOf(ctx: AppContext, caller: FhirCaller, id: string) {
  if (!/^[0-9a-f-]{36}$/i.test(id)) throw new AppError('not-found', 'No export with this id', 'id');
  const [job] = await ctx.database.db.select().from(fhirExports).where(and(eq(fhirExports.regionId, ctx.config.regionId), eq(fhirExports.id, id)));
  if (!job || !sameActor(job.requestedBy, caller.actor) || job.status === 'cancelled' || Date.parse(job.expiresAt) < ctx.clock.now().getTime()) throw new AppError('not-found', 'No export with this id', 'id');
  return job;
}

export type ExportStatusAnswer =
  | { state: 'running'; progress: string }
  | { state: 'failed'; error: string }
  | { state: 'done'; manifest: Record<string, unknown> };

export async function exportStatus(ctx: AppContext, caller: FhirCaller, id: string, base: string): Promise<ExportStatusAnswer> {
  const job = await exportOf(ctx, caller, id);
  if (job.status === 'queued') {
    // The worker gave up on it (it retries a failing export with backoff, then stops): say so rather than 202 for ever.
    const [gaveUp] = await queryRows<{ last_error: string | null }>(ctx.database.db, sql`SELECT last_error FROM outbox WHERE region_id = ${ctx.config.regionId} AND idempotency_key = ${`fhir-export:${id}`} AND status = 'failed'`);
    if (gaveUp) return { state: 'failed', error: gaveUp.last_error ?? 'the export failed' };
    return { state: 'running', progress: 'queued' };
  }
  if (job.status === 'failed') return { state: 'failed', error: job.error ?? 'the export failed' };
  const files = await ctx.database.db
    .select({ type: fhirExportFiles.resourceType, part: fhirExportFiles.part, count: fhirExportFiles.count })
    .from(fhirExportFiles)
    .where(and(eq(fhirExportFiles.regionId, ctx.config.regionId), eq(fhirExportFiles.exportId, id)))
    .orderBy(asc(fhirExportFiles.resourceType), asc(fhirExportFiles.part));
  return {
    state: 'done',
    manifest: {
      transactionTime: new Date(job.transactionTime!).toISOString(),
      request: job.requestUrl,
      requiresAccessToken: true,
      output: files.map((f) => ({ type: f.type, url: `${base}/$export-file/${id}/${f.type}-${f.part}.ndjson`, count: f.count })),
      error: [],
    },
  };
}

export async function cancelExport(ctx: AppContext, caller: FhirCaller, id: string): Promise<void> {
  await exportOf(ctx, caller, id);
  await ctx.database.db.transaction(async (tx) => {
    await tx.delete(fhirExportFiles).where(and(eq(fhirExportFiles.regionId, ctx.config.regionId), eq(fhirExportFiles.exportId, id)));
    await tx.update(fhirExports).set({ status: 'cancelled' }).where(and(eq(fhirExports.regionId, ctx.config.regionId), eq(fhirExports.id, id)));
    await record(tx, caller.actor, { action: 'fhir.export.cancelled', purpose: 'Systemintegration (FHIR)', details: { exportId: id } });
  });
}

/** One NDJSON file of a finished export; the download is audited (the persons in it were audited when it was written). */
export async function exportFile(ctx: AppContext, caller: FhirCaller, id: string, file: string): Promise<string> {
  const job = await exportOf(ctx, caller, id);
  const m = /^([A-Za-z]+)-(\d{1,6})\.ndjson$/.exec(file);
  if (job.status !== 'done' || !m) throw new AppError('not-found', 'No such file in this export', 'file');
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx
      .select({ ndjson: fhirExportFiles.ndjson })
      .from(fhirExportFiles)
      .where(and(eq(fhirExportFiles.regionId, ctx.config.regionId), eq(fhirExportFiles.exportId, id), eq(fhirExportFiles.resourceType, m[1]!), eq(fhirExportFiles.part, Number(m[2]))));
    if (!row) throw new AppError('not-found', 'No such file in this export', 'file');
    await record(tx, caller.actor, { action: 'fhir.export.downloaded', purpose: 'Systemintegration (FHIR)', details: { exportId: id, file } });
    return row.ndjson;
  });
}
