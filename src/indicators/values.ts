import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { record } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { invalid } from '../platform/errors.js';
import { assertActive, definitionView, getDefinition, PURPOSE, type Definition } from './definitions.js';
import type { OrgLevel, ValueSource } from './model.js';
import { aggregate, parsePeriod, valueOf, type Period } from './rules.js';

/** One value as written: the organisation, the period (already parsed), numerator and denominator. */
export interface NewValue {
  definitionId: string;
  orgLevel: OrgLevel;
  orgCode: string;
  orgName: string;
  period: Period;
  numerator: number;
  denominator: number;
}

/** The period of a value checked against its definition's period type; the reason names `field`. */
export function periodFor(d: Definition, input: string, field: string): Period {
  const p = parsePeriod(d.periodType, input);
  if ('reason' in p) throw invalid(field, p.reason);
  return p;
}

/** Names of the organisations a region may give values for: itself, its municipalities; units and RSS by their own code. */
export async function organisations(db: Db, regionId: string) {
  const [region] = await queryRows<{ id: string; name: string }>(db, sql`SELECT id, name FROM regions WHERE id = ${regionId}`);
  const municipalities = await queryRows<{ code: string; name: string }>(db, sql`SELECT code, name FROM municipalities WHERE region_id = ${regionId} ORDER BY name`);
  return { region: region ?? { id: regionId, name: regionId }, municipalities: new Map(municipalities.map((m) => [m.code, m.name])) };
}

/** The organisation's name, or why it is not one of the region's; null reason when it is. */
export function orgCheck(orgs: Awaited<ReturnType<typeof organisations>>, level: OrgLevel, code: string, name: string | undefined): { name: string } | { reason: string } {
  if (level === 'region') return code === orgs.region.id ? { name: orgs.region.name } : { reason: `values are given for your own region (${orgs.region.id}) only` };
  if (level === 'municipality') {
    const m = orgs.municipalities.get(code);
    return m ? { name: m } : { reason: `${code} is not a municipality of region ${orgs.region.id}` };
  }
  return { name: name?.trim() || code };
}

/**
 * Writes values by their natural key (region, definition version, organisation, period, source): a new key is
 * inserted, a changed figure updated, an identical one left alone — so the same file twice changes nothing.
 */
export async function upsertValues(tx: Db, regionId: string, rows: NewValue[], meta: { source: ValueSource; recordedBy: string; importId?: string | null; runId?: string | null }) {
  if (rows.length === 0) return { inserted: 0, updated: 0, unchanged: 0 };
  const col = <T>(f: (r: NewValue) => T) => sql.param(rows.map(f));
  const written = await queryRows<{ inserted: boolean }>(
    tx,
    sql`INSERT INTO indicator_values AS v (region_id, definition_id, org_level, org_code, org_name, period, period_start, period_end, numerator, denominator, source, import_id, run_id, recorded_by)
      SELECT ${regionId}, d, l, c, n, p, ps, pe, nu, de, ${meta.source}, ${meta.importId ?? null}::uuid, ${meta.runId ?? null}::uuid, ${meta.recordedBy}
      FROM unnest(${col((r) => r.definitionId)}::uuid[], ${col((r) => r.orgLevel)}::text[], ${col((r) => r.orgCode)}::text[], ${col((r) => r.orgName)}::text[],
        ${col((r) => r.period.period)}::text[], ${col((r) => r.period.start)}::date[], ${col((r) => r.period.end)}::date[], ${col((r) => r.numerator)}::numeric[], ${col((r) => r.denominator)}::numeric[])
        AS x(d, l, c, n, p, ps, pe, nu, de)
      ON CONFLICT (region_id, definition_id, org_level, org_code, period, source) DO UPDATE
        SET numerator = excluded.numerator, denominator = excluded.denominator, org_name = excluded.org_name, import_id = excluded.import_id, run_id = excluded.run_id,
          recorded_by = excluded.recorded_by, recorded_at = now()
        WHERE (v.numerator, v.denominator, v.org_name) IS DISTINCT FROM (excluded.numerator, excluded.denominator, excluded.org_name)
      RETURNING (xmax = 0) AS inserted`,
  );
  const inserted = written.filter((w) => w.inserted).length;
  return { inserted, updated: written.length - inserted, unchanged: rows.length - written.length };
}

export interface ValueInput {
  definitionId: string;
  orgLevel: OrgLevel;
  orgCode: string;
  orgName?: string | undefined;
  period: string;
  numerator: number;
  denominator: number;
}

/** A value entered by hand, against the active version of its definition only. */
export async function recordValue(ctx: AppContext, actor: Actor, input: ValueInput) {
  return ctx.database.db.transaction(async (tx) => {
    const d = await getDefinition(tx, input.definitionId);
    assertActive(d, 'definitionId');
    const period = periodFor(d, input.period, 'period');
    if (!(input.denominator > 0)) throw invalid('denominator', 'must be more than 0');
    if (input.numerator < 0) throw invalid('numerator', 'must be 0 or more');
    const org = orgCheck(await organisations(tx, actor.regionId), input.orgLevel, input.orgCode, input.orgName);
    if ('reason' in org) throw invalid('orgCode', org.reason);
    const row: NewValue = { definitionId: d.id, orgLevel: input.orgLevel, orgCode: input.orgCode, orgName: org.name, period, numerator: input.numerator, denominator: input.denominator };
    const result = await upsertValues(tx, actor.regionId, [row], { source: 'reported', recordedBy: actor.name });
    await record(tx, actor, { purpose: PURPOSE, action: 'indicators.value.recorded', details: { code: d.code, version: d.version, orgLevel: row.orgLevel, orgCode: row.orgCode, period: period.period } });
    return { ...result, code: d.code, version: d.version, period: period.period, value: valueOf(d.unit, input.numerator, input.denominator) };
  });
}

interface ValueRow {
  id: string;
  region_id: string;
  definition_id: string;
  org_level: OrgLevel;
  org_code: string;
  org_name: string;
  period: string;
  period_start: string;
  numerator: string;
  denominator: string;
  source: ValueSource;
  import_id: string | null;
  run_id: string | null;
  recorded_by: string;
  recorded_at: string;
}

/** The region's values of one indicator (every version), newest period first. */
export async function listValues(ctx: AppContext, actor: Actor, q: { code: string; period?: string | undefined; source?: ValueSource | undefined }) {
  const db = ctx.database.db;
  const versions = await queryRows<{ id: string }>(db, sql`SELECT id FROM indicator_definitions WHERE code = ${q.code}`);
  if (versions.length === 0) throw invalid('code', 'no indicator with this code');
  const rows = await queryRows<ValueRow>(
    db,
    sql`SELECT v.id, v.region_id, v.definition_id, v.org_level, v.org_code, v.org_name, v.period, v.period_start::text, v.numerator::text, v.denominator::text, v.source, v.import_id, v.run_id, v.recorded_by, v.recorded_at::text
      FROM indicator_values v JOIN indicator_definitions d ON d.id = v.definition_id
      WHERE v.region_id = ${actor.regionId} AND d.code = ${q.code} ${q.period ? sql`AND v.period = ${q.period}` : sql``} ${q.source ? sql`AND v.source = ${q.source}` : sql``}
      ORDER BY v.period_start DESC, v.org_level, v.org_name, v.source LIMIT 5000`,
  );
  const byId = new Map<string, Definition>();
  for (const r of rows) if (!byId.has(r.definition_id)) byId.set(r.definition_id, await getDefinition(db, r.definition_id));
  return rows.map((r) => {
    const d = byId.get(r.definition_id)!;
    return {
      id: r.id,
      definitionId: r.definition_id,
      code: d.code,
      version: d.version,
      activeVersion: d.active,
      orgLevel: r.org_level,
      orgCode: r.org_code,
      orgName: r.org_name,
      period: r.period,
      numerator: Number(r.numerator),
      denominator: Number(r.denominator),
      value: valueOf(d.unit, Number(r.numerator), Number(r.denominator)),
      unit: d.unit,
      source: r.source,
      importId: r.import_id,
      runId: r.run_id,
      recordedBy: r.recorded_by,
      recordedAt: toIso(r.recorded_at),
    };
  });
}

/** Sums per region, definition version, period, source and organisation level: the parts of every figure. */
export async function partSums(db: Db, q: { definitionIds: string[]; regionIds: string[] | 'all'; period?: string | undefined }) {
  const rows = await queryRows<{ region_id: string; definition_id: string; period: string; period_start: string; source: ValueSource; org_level: OrgLevel; numerator: string; denominator: string; parts: number }>(
    db,
    sql`SELECT region_id, definition_id, period, min(period_start)::text AS period_start, source, org_level, sum(numerator)::text AS numerator, sum(denominator)::text AS denominator, count(*)::int AS parts
      FROM indicator_values
      WHERE definition_id = ANY(${sql.param(q.definitionIds)}::uuid[]) ${q.regionIds === 'all' ? sql`` : sql`AND region_id = ANY(${sql.param(q.regionIds)}::text[])`} ${q.period ? sql`AND period = ${q.period}` : sql``}
      GROUP BY 1, 2, 3, 5, 6`,
  );
  return rows.map((r) => ({ regionId: r.region_id, definitionId: r.definition_id, period: r.period, periodStart: r.period_start, source: r.source, orgLevel: r.org_level, numerator: Number(r.numerator), denominator: Number(r.denominator), parts: r.parts }));
}
export type PartSum = Awaited<ReturnType<typeof partSums>>[number];

const PRECEDENCE: OrgLevel[] = ['region', 'municipality', 'unit'];

/**
 * A region's figure for one definition version, period and source: its own region-level value when given,
 * else the exact sum of its municipalities', else of its units'. RSS figures stand apart (they are compared,
 * not summed). `basis` says which.
 */
export function regionFigures(parts: PartSum[]) {
  const groups = new Map<string, PartSum[]>();
  for (const p of parts) {
    if (p.orgLevel === 'rss') continue;
    const k = `${p.regionId}|${p.definitionId}|${p.period}|${p.source}`;
    groups.set(k, [...(groups.get(k) ?? []), p]);
  }
  return [...groups.values()].map((g) => {
    const basis = PRECEDENCE.find((l) => g.some((p) => p.orgLevel === l))!;
    const chosen = g.find((p) => p.orgLevel === basis)!;
    return { regionId: chosen.regionId, definitionId: chosen.definitionId, period: chosen.period, periodStart: chosen.periodStart, source: chosen.source, basis, numerator: chosen.numerator, denominator: chosen.denominator, parts: chosen.parts };
  });
}
export type RegionFigure = ReturnType<typeof regionFigures>[number];

/**
 * The regions' figures and the nation's for one definition version and period, summed exactly from numerators
 * and denominators. Aggregates only: every role that reads indicators may read every region's.
 */
export async function aggregates(ctx: AppContext, q: { definitionId: string; period: string; source: ValueSource }) {
  const db = ctx.database.db;
  const d = await getDefinition(db, q.definitionId);
  const period = periodFor(d, q.period, 'period');
  const figures = regionFigures(await partSums(db, { definitionIds: [d.id], regionIds: 'all', period: period.period })).filter((f) => f.source === q.source);
  const names = new Map((await queryRows<{ id: string; name: string }>(db, sql`SELECT id, name FROM regions`)).map((r) => [r.id, r.name]));
  const nation = aggregate(figures);
  return {
    definition: definitionView(d),
    period: period.period,
    source: q.source,
    regions: figures
      .map((f) => ({ regionId: f.regionId, regionName: names.get(f.regionId) ?? f.regionId, basis: f.basis, numerator: f.numerator, denominator: f.denominator, value: valueOf(d.unit, f.numerator, f.denominator) }))
      .sort((a, b) => a.regionName.localeCompare(b.regionName, 'sv')),
    nation: { regions: nation.parts, numerator: nation.numerator, denominator: nation.denominator, value: valueOf(d.unit, nation.numerator, nation.denominator) },
  };
}
