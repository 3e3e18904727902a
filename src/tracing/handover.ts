/**
 * Smittspårning på vårdcentral: the coordinator hands a case to the vårdcentral whose referral gave the positive
 * (or another vårdcentral of the region), and takes it back. The case stays in the one queue; `handling_unit_id`
 * says who traces it, and the queue and the statistics tell the two apart.
 */
import { and, eq, inArray, isNotNull, isNull, type SQL } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../platform/auth/actor.js';
import { personalDataScope } from '../platform/auth/permissions.js';
import { record } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { resolveInRegion } from '../platform/db/resolve.js';
import { conflict, invalid } from '../platform/errors.js';
import { actorOf, type App } from '../platform/http/server.js';
import { units } from '../identity/model.js';
import { tracingCases } from './model.js';

export const handledByFilter = (handledBy: 'central' | 'unit' | undefined): SQL | undefined =>
  handledBy === 'central' ? isNull(tracingCases.handlingUnitId) : handledBy === 'unit' ? isNotNull(tracingCases.handlingUnitId) : undefined;

export async function unitNamesOf(tx: Db, regionId: string, ids: (string | null)[]): Promise<Map<string, string>> {
  const wanted = [...new Set(ids.filter((i): i is string => !!i))];
  if (wanted.length === 0) return new Map();
  const rows = await tx.select({ id: units.id, name: units.name }).from(units).where(and(eq(units.regionId, regionId), inArray(units.id, wanted)));
  return new Map(rows.map((r) => [r.id, r.name]));
}

/** Hands an open case to a vårdcentral (the referring unit if `unitId` is left out); its tracer assignment is cleared. */
export async function handOver(ctx: AppContext, actor: Actor, caseId: string, unitId: string | undefined) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const c = await resolveInRegion(tx, tracingCases, regionId, caseId, { field: 'id', what: 'case', forUpdate: true });
    if (c.status !== 'open') throw conflict('The case is closed', 'id');
    const target = unitId ?? c.referringUnitId;
    if (!target) throw invalid('unitId', 'the case came from no referral; name the vårdcentral');
    const unit = await resolveInRegion(tx, units, regionId, target, { field: 'unitId', what: 'unit' });
    if (unit.kind !== 'vardcentral') throw invalid('unitId', 'the unit is not a vårdcentral');
    await tx.update(tracingCases).set({ handlingUnitId: unit.id, assignedTo: null, takenAt: null }).where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.id, c.id)));
    await record(tx, actor, { action: 'tracing.case.handed-over', personId: c.personId, purpose: 'smittspårning på vårdcentral', details: { caseId: c.id, unitId: unit.id } });
    return { id: c.id, handlingUnitId: unit.id, handlingUnitName: unit.name };
  });
}

/** Takes a case back to the central tracing unit. */
export async function takeBack(ctx: AppContext, actor: Actor, caseId: string) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const c = await resolveInRegion(tx, tracingCases, regionId, caseId, { field: 'id', what: 'case', forUpdate: true });
    if (!c.handlingUnitId) throw conflict('The case is with the central tracing unit already', 'id');
    await tx.update(tracingCases).set({ handlingUnitId: null }).where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.id, c.id)));
    await record(tx, actor, { action: 'tracing.case.taken-back', personId: c.personId, purpose: 'smittspårning', details: { caseId: c.id, fromUnitId: c.handlingUnitId } });
    return { id: c.id, handlingUnitId: null, handlingUnitName: null };
  });
}

const tags = ['tracing'];
const CaseParams = z.object({ id: z.uuid() });
const Handled = z.object({ id: z.string(), handlingUnitId: z.string().nullable(), handlingUnitName: z.string().nullable() });

export function tracingHandoverRoutes(app: App, ctx: AppContext) {
  app.post('/api/tracing/cases/:id/handover', { config: { access: 'tracing.assign' }, schema: { tags, summary: 'Hand a case to a vårdcentral for tracing there (the referring one by default)', params: CaseParams, body: z.object({ unitId: z.uuid().optional() }).strict(), response: { 200: Handled } } }, async (req) =>
    handOver(ctx, actorOf(req), req.params.id, req.body.unitId),
  );
  app.post('/api/tracing/cases/:id/take-back', { config: { access: 'tracing.assign' }, schema: { tags, summary: 'Take a case back to the central tracing unit', params: CaseParams, body: z.object({}).strict().optional(), response: { 200: Handled } } }, async (req) =>
    takeBack(ctx, actorOf(req), req.params.id),
  );
}
