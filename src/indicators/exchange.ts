/**
 * Values leave Lägesbild with their definitions: as CSV/XLSX for people, and as one JSON document per
 * definition version for another instance (the national one receives aggregates only: region figures, summed
 * exactly from numerators and denominators, never a person or a contact).
 */
import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { record } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import { queryRows } from '../platform/db/sql.js';
import { conflict, invalid } from '../platform/errors.js';
import { decimal, integer, L, text, type Language, type Table } from '../platform/files/export.js';
import { definitionView, getDefinition, PURPOSE, type DefinitionView } from './definitions.js';
import { indicatorDefinitions, type Computation, type IndicatorUnit, type PeriodType, type TargetDirection } from './model.js';
import { parsePeriod, valueOf } from './rules.js';
import { partSums, regionFigures, upsertValues, type NewValue } from './values.js';
import { isSmallGroup } from '../privacy/suppression.js';

export const DOCUMENT_FORMAT = 'lagesbild.indicator/1';

/** The region's values of the given indicators (or all), each with the definition version it was measured by. */
async function exportRows(ctx: AppContext, actor: Actor, code: string | undefined) {
  return queryRows<{ code: string; version: number; name_sv: string; unit: IndicatorUnit; numerator_text: string; denominator_text: string; owner: string; target_value: string | null; target_direction: string | null; target_date: string | null; org_level: string; org_code: string; org_name: string; period: string; numerator: string; denominator: string; source: string }>(
    ctx.database.db,
    sql`SELECT d.code, d.version, d.name_sv, d.unit, d.numerator AS numerator_text, d.denominator AS denominator_text, d.owner, d.target_value::text, d.target_direction, d.target_date::text,
        v.org_level, v.org_code, v.org_name, v.period, v.numerator::text, v.denominator::text, v.source
      FROM indicator_values v JOIN indicator_definitions d ON d.id = v.definition_id
      WHERE v.region_id = ${actor.regionId} ${code ? sql`AND d.code = ${code}` : sql``}
      ORDER BY d.code, d.version, v.period_start, v.org_level, v.org_name, v.source LIMIT 200000`,
  );
}

const targetText = (v: string | null, dir: string | null, date: string | null) => (v === null ? '' : `${dir === 'at_most' ? '≤' : '≥'} ${Number(v)}${date ? ` senast ${date}` : ''}`);

/** The region's values and the definitions they were measured by (one indicator, or all). */
export async function indicatorExport(ctx: AppContext, actor: Actor, code?: string) {
  const rows = await exportRows(ctx, actor, code);
  const definitions = await ctx.database.db.select().from(indicatorDefinitions).where(code ? eq(indicatorDefinitions.code, code) : undefined);
  return { rows, definitions: definitions.sort((a, b) => a.code.localeCompare(b.code) || a.version - b.version) };
}

/**
 * Values, then definitions, as tables for the downloads (platform/files/downloads.ts). The column names are the
 * field names in either language: the values file is read back by the import.
 */
export function indicatorTables(e: Awaited<ReturnType<typeof indicatorExport>>, lang: Language): Table[] {
  return [
    {
      title: L('Värden', 'Values'),
      columns: [text('indicator'), integer('version'), text('name_sv'), text('unit'), text('org_level'), text('org_code'), text('org_name'), text('period'), decimal('numerator', undefined, 4), decimal('denominator', undefined, 4), decimal('value', undefined, 4), text('source'), text('numerator_definition'), text('denominator_definition'), text('target'), text('owner')],
      rows: e.rows.map((r) => [r.code, r.version, r.name_sv, r.unit, r.org_level, r.org_code, r.org_name, r.period, Number(r.numerator), Number(r.denominator), valueOf(r.unit, Number(r.numerator), Number(r.denominator)), r.source, r.numerator_text, r.denominator_text, targetText(r.target_value, r.target_direction, r.target_date), r.owner]),
    },
    {
      title: L('Definitioner', 'Definitions'),
      columns: ['indicator', 'version', 'active', 'name_sv', 'name_en', 'numerator', 'denominator', 'unit', 'source', 'population', 'period_type', 'target', 'owner', 'note'].map((h) => (h === 'version' ? integer(h) : text(h))),
      rows: e.definitions.map((d) => [d.code, d.version, (d.active ? L('ja', 'yes') : L('nej', 'no'))[lang], d.nameSv, d.nameEn, d.numerator, d.denominator, d.unit, d.source, d.population, d.periodType, targetText(d.targetValue === null ? null : String(d.targetValue), d.targetDirection, d.targetDate), d.owner, d.note ?? '']),
    },
  ];
}

export interface IndicatorDocument {
  format: typeof DOCUMENT_FORMAT;
  exportedAt: string;
  fromRegion: string;
  definition: Omit<DefinitionView, 'id' | 'active' | 'createdAt' | 'createdBy'>;
  values: { regionId: string; period: string; numerator: number; denominator: number; source: 'reported' | 'computed' }[];
}

/**
 * One definition version with the region's figures measured by it: what another instance imports. A figure
 * over a small group (its denominator) stays home (privacy/suppression.ts); the nation shows it as missing.
 */
export async function exportDocument(ctx: AppContext, actor: Actor, definitionId: string): Promise<IndicatorDocument> {
  const db = ctx.database.db;
  const d = await getDefinition(db, definitionId, 'id');
  const { id: _, active: __, createdAt: ___, createdBy: ____, ...definition } = definitionView(d);
  const figures = regionFigures(await partSums(db, { definitionIds: [d.id], regionIds: [actor.regionId] })).filter((f) => !isSmallGroup(f.denominator));
  await db.transaction((tx) => record(tx, actor, { purpose: PURPOSE, action: 'indicators.document.exported', details: { code: d.code, version: d.version, figures: figures.length } }));
  return {
    format: DOCUMENT_FORMAT,
    exportedAt: ctx.clock.now().toISOString(),
    fromRegion: actor.regionId,
    definition,
    values: figures.sort((a, b) => a.periodStart.localeCompare(b.periodStart)).map((f) => ({ regionId: f.regionId, period: f.period, numerator: f.numerator, denominator: f.denominator, source: f.source })),
  };
}

const MEANING: (keyof IndicatorDocument['definition'])[] = ['numerator', 'denominator', 'unit', 'periodType'];

/**
 * Takes in another instance's document: the definition version is matched by code and version (the same
 * version must mean the same thing, else conflict; a version not known here is added, active only when the
 * code is new), and the figures are written as the sending region's region-level values by that version.
 */
export async function importDocument(ctx: AppContext, actor: Actor, doc: IndicatorDocument) {
  return ctx.database.db.transaction(async (tx) => {
    const dd = doc.definition;
    const [known] = await tx.select().from(indicatorDefinitions).where(and(eq(indicatorDefinitions.code, dd.code), eq(indicatorDefinitions.version, dd.version)));
    let definition = known;
    if (known) {
      const view = definitionView(known);
      const differs = MEANING.filter((k) => String(view[k]) !== String(dd[k]));
      if (differs.length) throw conflict(`definition: version ${dd.version} of ${dd.code} means something else here (${differs.join(', ')} differ); it cannot take these values`, 'definition');
    } else {
      const [other] = await tx.select({ id: indicatorDefinitions.id }).from(indicatorDefinitions).where(eq(indicatorDefinitions.code, dd.code)).limit(1);
      [definition] = await tx
        .insert(indicatorDefinitions)
        .values({
          code: dd.code,
          version: dd.version,
          nameSv: dd.nameSv,
          nameEn: dd.nameEn,
          numerator: dd.numerator,
          denominator: dd.denominator,
          computation: (dd.computation ?? null) as Computation | null,
          unit: dd.unit as IndicatorUnit,
          source: dd.source,
          population: dd.population,
          periodType: dd.periodType as PeriodType,
          targetValue: dd.target?.value ?? null,
          targetDirection: (dd.target?.direction ?? null) as TargetDirection | null,
          targetDate: dd.target?.date ?? null,
          owner: dd.owner,
          note: dd.note ?? null,
          active: !other,
          createdBy: `${actor.name} (från region ${doc.fromRegion})`,
        })
        .returning();
    }
    const regions = new Set((await queryRows<{ id: string }>(tx, sql`SELECT id FROM regions`)).map((r) => r.id));
    const names = new Map((await queryRows<{ id: string; name: string }>(tx, sql`SELECT id, name FROM regions`)).map((r) => [r.id, r.name]));
    const byRegion = new Map<string, { regionId: string; source: 'reported' | 'computed'; rows: NewValue[] }>();
    doc.values.forEach((v, i) => {
      if (!regions.has(v.regionId)) throw invalid(`values.${i}.regionId`, 'not a region code');
      const p = parsePeriod(definition!.periodType, v.period);
      if ('reason' in p) throw invalid(`values.${i}.period`, p.reason);
      if (!(v.denominator > 0)) throw invalid(`values.${i}.denominator`, 'must be more than 0');
      const k = `${v.regionId}|${v.source}`;
      const group = byRegion.get(k) ?? { regionId: v.regionId, source: v.source, rows: [] };
      group.rows.push({ definitionId: definition!.id, orgLevel: 'region', orgCode: v.regionId, orgName: names.get(v.regionId)!, period: p, numerator: v.numerator, denominator: v.denominator });
      byRegion.set(k, group);
    });
    let written = 0;
    for (const { regionId, source, rows } of byRegion.values()) {
      const r = await upsertValues(tx, regionId, rows, { source, recordedBy: `${actor.name} (dokument från region ${doc.fromRegion})` });
      written += r.inserted + r.updated;
    }
    await record(tx, actor, { purpose: PURPOSE, action: 'indicators.document.imported', details: { code: dd.code, version: dd.version, fromRegion: doc.fromRegion, values: doc.values.length, written } });
    return { code: dd.code, version: dd.version, definitionAdded: !known, values: doc.values.length, written, unchanged: doc.values.length - written };
  });
}
