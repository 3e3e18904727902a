import { eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { queryRows } from '../platform/db/sql.js';
import { invalid } from '../platform/errors.js';
import { definitionView, type Definition } from './definitions.js';
import { indicatorDefinitions } from './model.js';
import { inconsistency, targetStatus, trendOf, valueOf } from './rules.js';
import { partSums, regionFigures } from './values.js';

const targetOf = (d: Definition) => ({ value: d.targetValue === null ? null : Number(d.targetValue), direction: d.targetDirection, date: d.targetDate });

/**
 * One indicator across regions and over time, with the target line of the version in force. Every point names
 * the definition version it was measured by; points of another version than the current one are marked
 * (`otherVersion`) and kept in their own series, never joined into the current one. A reported figure is shown
 * before a computed one of the same period (the consistency list compares the two). The trend and the missed
 * target are read on the current version's points only. Region figures are aggregates, readable by every role
 * that reads indicators.
 */
export async function compareRegions(ctx: AppContext, q: { code: string; regionIds?: string[] | undefined; from?: string | undefined; to?: string | undefined }) {
  const db = ctx.database.db;
  const versions = await db.select().from(indicatorDefinitions).where(eq(indicatorDefinitions.code, q.code));
  if (versions.length === 0) throw invalid('code', 'no indicator with this code');
  versions.sort((a, b) => b.version - a.version);
  const current = versions.find((v) => v.active) ?? versions[0]!;
  const byId = new Map(versions.map((v) => [v.id, v]));
  const figures = regionFigures(await partSums(db, { definitionIds: versions.map((v) => v.id), regionIds: q.regionIds?.length ? q.regionIds : 'all' }))
    .filter((f) => (!q.from || f.period >= q.from) && (!q.to || f.period <= q.to));
  const chosen = new Map<string, (typeof figures)[number]>();
  for (const f of figures) {
    const k = `${f.regionId}|${f.definitionId}|${f.period}`;
    const seen = chosen.get(k);
    if (!seen || (seen.source === 'computed' && f.source === 'reported')) chosen.set(k, f);
  }
  const names = new Map((await queryRows<{ id: string; name: string }>(db, sql`SELECT id, name FROM regions`)).map((r) => [r.id, r.name]));
  const series = new Map<string, { regionId: string; regionName: string; version: number; otherVersion: boolean; points: ReturnType<typeof point>[] }>();
  function point(f: (typeof figures)[number], d: Definition) {
    const value = valueOf(d.unit, f.numerator, f.denominator);
    return { period: f.period, periodStart: f.periodStart, value, numerator: f.numerator, denominator: f.denominator, source: f.source, basis: f.basis, target: targetStatus(targetOf(d), value) };
  }
  for (const f of [...chosen.values()].sort((a, b) => a.periodStart.localeCompare(b.periodStart))) {
    const d = byId.get(f.definitionId)!;
    const k = `${f.regionId}|${d.version}`;
    const s = series.get(k) ?? { regionId: f.regionId, regionName: names.get(f.regionId) ?? f.regionId, version: d.version, otherVersion: d.id !== current.id, points: [] };
    s.points.push(point(f, d));
    series.set(k, s);
  }
  const list = [...series.values()].sort((a, b) => a.regionName.localeCompare(b.regionName, 'sv') || b.version - a.version);
  return {
    code: q.code,
    current: definitionView(current),
    versions: versions.map(definitionView),
    target: targetOf(current),
    periods: [...new Set(list.flatMap((s) => s.points.map((p) => p.period)))].sort(),
    series: list.map((s) => {
      const last = s.points.at(-1);
      return {
        ...s,
        // Flags belong to the version in force: an older definition's figures are shown, not judged against today's target.
        missedTarget: !s.otherVersion && last?.target === 'missed',
        trend: s.otherVersion ? null : trendOf(s.points.map((p) => p.value), current.targetDirection),
      };
    }),
  };
}

interface PairRow {
  region_id: string;
  region_name: string;
  kind: 'reported-computed' | 'region-rss';
  period: string;
  a_org: string;
  a_num: string;
  a_den: string;
  a_def: string;
  b_org: string;
  b_num: string;
  b_den: string;
  b_def: string;
}

/**
 * Where two sources give the same thing, the differences beyond `tolerance` (in the value's unit: percentage
 * points for percent): a region's reported figure against Lägesbild's computed one for the same organisation and
 * period, and a region's figure against an RSS's (seed 004: two reporters give different figures for the same
 * thing). Both figures are listed with the definitions they were measured by, which may be different versions.
 * A national analyst sees every region; others their own.
 */
export async function consistencyList(ctx: AppContext, actor: Actor, q: { code?: string | undefined; tolerance: number }) {
  const db = ctx.database.db;
  const scope = actor.role === 'national_analyst' ? sql`true` : sql`a.region_id = ${actor.regionId}`;
  const code = q.code ? sql`AND da.code = ${q.code}` : sql``;
  const rows = await queryRows<PairRow>(
    db,
    sql`SELECT a.region_id, r.name AS region_name, 'reported-computed' AS kind, a.period,
        a.org_name AS a_org, a.numerator::text AS a_num, a.denominator::text AS a_den, a.definition_id AS a_def,
        b.org_name AS b_org, b.numerator::text AS b_num, b.denominator::text AS b_den, b.definition_id AS b_def
      FROM indicator_values a
      JOIN indicator_definitions da ON da.id = a.definition_id
      JOIN indicator_definitions db ON db.code = da.code
      JOIN indicator_values b ON b.region_id = a.region_id AND b.definition_id = db.id AND b.org_level = a.org_level AND b.org_code = a.org_code AND b.period = a.period AND b.source = 'computed'
      JOIN regions r ON r.id = a.region_id
      WHERE a.source = 'reported' AND a.org_level <> 'rss' AND ${scope} ${code}
      UNION ALL
      SELECT a.region_id, r.name, 'region-rss', a.period,
        a.org_name, a.numerator::text, a.denominator::text, a.definition_id,
        b.org_name, b.numerator::text, b.denominator::text, b.definition_id
      FROM indicator_values a
      JOIN indicator_definitions da ON da.id = a.definition_id
      JOIN indicator_definitions db ON db.code = da.code
      JOIN indicator_values b ON b.region_id = a.region_id AND b.definition_id = db.id AND b.org_level = 'rss' AND b.period = a.period AND b.source = a.source
      JOIN regions r ON r.id = a.region_id
      WHERE a.org_level = 'region' AND a.source = 'reported' AND ${scope} ${code}
      LIMIT 5000`,
  );
  const defs = new Map((await db.select().from(indicatorDefinitions)).map((d) => [d.id, d]));
  const out = [];
  for (const r of rows) {
    const da = defs.get(r.a_def)!;
    const dbb = defs.get(r.b_def)!;
    const a = valueOf(da.unit, Number(r.a_num), Number(r.a_den));
    const b = valueOf(dbb.unit, Number(r.b_num), Number(r.b_den));
    const difference = inconsistency(a, b, q.tolerance);
    if (difference === null) continue;
    const side = (org: string, num: string, den: string, value: number | null, d: Definition) => ({ organisation: org, numerator: Number(num), denominator: Number(den), value, definition: { id: d.id, code: d.code, version: d.version, nameSv: d.nameSv, numerator: d.numerator, denominator: d.denominator, unit: d.unit } });
    out.push({
      regionId: r.region_id,
      regionName: r.region_name,
      kind: r.kind,
      code: da.code,
      period: r.period,
      difference,
      sameDefinition: da.id === dbb.id,
      first: side(r.a_org, r.a_num, r.a_den, a, da),
      second: side(r.b_org, r.b_num, r.b_den, b, dbb),
    });
  }
  out.sort((x, y) => Math.abs(y.difference) - Math.abs(x.difference));
  return { tolerance: q.tolerance, differences: out };
}
