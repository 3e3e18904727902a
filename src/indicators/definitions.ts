import { and, asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { record } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { toIso } from '../platform/db/sql.js';
import { AppError, conflict, invalid } from '../platform/errors.js';
import { indicatorDefinitions, type Computation, type IndicatorUnit, type PeriodType, type TargetDirection } from './model.js';

/** Why indicators are kept: follow-up of the region's care (audit purpose). */
export const PURPOSE = 'uppföljning';

export interface DefinitionInput {
  nameSv: string;
  nameEn: string;
  numerator: string;
  denominator: string;
  computation?: Computation | null | undefined;
  unit: IndicatorUnit;
  source: string;
  population: string;
  periodType: PeriodType;
  target?: { value: number; direction: TargetDirection; date?: string | null | undefined } | null | undefined;
  owner: string;
  note?: string | null | undefined;
}

export type Definition = typeof indicatorDefinitions.$inferSelect;

export function definitionView(d: Definition) {
  return {
    id: d.id,
    code: d.code,
    version: d.version,
    nameSv: d.nameSv,
    nameEn: d.nameEn,
    numerator: d.numerator,
    denominator: d.denominator,
    computation: d.computation,
    unit: d.unit,
    source: d.source,
    population: d.population,
    periodType: d.periodType,
    target: d.targetValue === null || d.targetDirection === null ? null : { value: Number(d.targetValue), direction: d.targetDirection, date: d.targetDate },
    owner: d.owner,
    active: d.active,
    note: d.note,
    createdBy: d.createdBy,
    createdAt: toIso(d.createdAt),
  };
}
export type DefinitionView = ReturnType<typeof definitionView>;

/** Every version of every definition (or of one code), the active one first within a code. */
export async function listDefinitions(ctx: AppContext, q: { code?: string | undefined; activeOnly?: boolean | undefined }) {
  const where = and(q.code ? eq(indicatorDefinitions.code, q.code) : undefined, q.activeOnly ? eq(indicatorDefinitions.active, true) : undefined);
  const rows = await ctx.database.db.select().from(indicatorDefinitions).where(where).orderBy(asc(indicatorDefinitions.code), desc(indicatorDefinitions.version));
  return rows.map(definitionView);
}

export async function getDefinition(db: Db, id: string, field = 'definitionId'): Promise<Definition> {
  const [d] = /^[0-9a-f-]{36}$/i.test(id) ? await db.select().from(indicatorDefinitions).where(eq(indicatorDefinitions.id, id)) : [];
  if (!d) throw new AppError('not-found', `${field}: no indicator definition with this id`, field);
  return d;
}

/** The active version of a code, or null. */
export async function activeDefinition(db: Db, code: string): Promise<Definition | null> {
  const [d] = await db.select().from(indicatorDefinitions).where(and(eq(indicatorDefinitions.code, code), eq(indicatorDefinitions.active, true)));
  return d ?? null;
}

const columnsOf = (input: DefinitionInput) => ({
  nameSv: input.nameSv,
  nameEn: input.nameEn,
  numerator: input.numerator,
  denominator: input.denominator,
  computation: input.computation ?? null,
  unit: input.unit,
  source: input.source,
  population: input.population,
  periodType: input.periodType,
  targetValue: input.target?.value ?? null,
  targetDirection: input.target?.direction ?? null,
  targetDate: input.target?.date ?? null,
  owner: input.owner,
  note: input.note ?? null,
});

/** A new indicator: version 1 of a code not used before. */
export async function createDefinition(ctx: AppContext, actor: Actor, input: DefinitionInput & { code: string }) {
  return ctx.database.db.transaction(async (tx) => {
    const [taken] = await tx.select({ id: indicatorDefinitions.id }).from(indicatorDefinitions).where(eq(indicatorDefinitions.code, input.code)).limit(1);
    if (taken) throw conflict('code: an indicator with this code exists; publish a new version of it instead', 'code');
    const [d] = await tx.insert(indicatorDefinitions).values({ ...columnsOf(input), code: input.code, version: 1, active: true, createdBy: actor.name }).returning();
    await record(tx, actor, { purpose: PURPOSE, action: 'indicators.definition.created', details: { code: d!.code, version: 1 } });
    return definitionView(d!);
  });
}

/**
 * A changed definition is a new version: the next number, active, and the previous active version is retired.
 * Values already recorded keep the version they were measured by; new values go to the new one.
 */
export async function reviseDefinition(ctx: AppContext, actor: Actor, code: string, input: DefinitionInput) {
  return ctx.database.db.transaction(async (tx) => {
    const versions = await tx.select().from(indicatorDefinitions).where(eq(indicatorDefinitions.code, code)).orderBy(desc(indicatorDefinitions.version)).for('update');
    if (versions.length === 0) throw new AppError('not-found', 'code: no indicator with this code', 'code');
    const latest = versions[0]!;
    await tx.update(indicatorDefinitions).set({ active: false }).where(and(eq(indicatorDefinitions.code, code), eq(indicatorDefinitions.active, true)));
    const [d] = await tx.insert(indicatorDefinitions).values({ ...columnsOf(input), code, version: latest.version + 1, active: true, createdBy: actor.name }).returning();
    await record(tx, actor, { purpose: PURPOSE, action: 'indicators.definition.revised', details: { code, version: d!.version, previous: latest.version } });
    return definitionView(d!);
  });
}

/** Makes one version the active one (or retires it): values can be entered against the active version only. */
export async function setDefinitionActive(ctx: AppContext, actor: Actor, id: string, active: boolean) {
  return ctx.database.db.transaction(async (tx) => {
    const d = await getDefinition(tx, id, 'id');
    if (active) await tx.update(indicatorDefinitions).set({ active: false }).where(and(eq(indicatorDefinitions.code, d.code), eq(indicatorDefinitions.active, true)));
    const [updated] = await tx.update(indicatorDefinitions).set({ active }).where(eq(indicatorDefinitions.id, id)).returning();
    await record(tx, actor, { purpose: PURPOSE, action: active ? 'indicators.definition.activated' : 'indicators.definition.retired', details: { code: d.code, version: d.version } });
    return definitionView(updated!);
  });
}

/** Refuses a value against a retired version: new figures are measured by the definition in force. */
export function assertActive(d: Definition, field: string) {
  if (!d.active) throw invalid(field, `version ${d.version} of ${d.code} is no longer active; values are recorded against the active version`);
}

/** Definitions by code with all their versions, for row-by-row validation of a file. */
export async function definitionsByCode(db: Db): Promise<Map<string, Definition[]>> {
  const rows = await db.select().from(indicatorDefinitions).orderBy(asc(indicatorDefinitions.code), desc(indicatorDefinitions.version));
  const map = new Map<string, Definition[]>();
  for (const d of rows) map.set(d.code, [...(map.get(d.code) ?? []), d]);
  return map;
}

