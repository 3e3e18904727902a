import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { persons, units } from '../identity/model.js';
import { tracingCaseSettings, type SettingKind } from './model.js';
import { normaliseSettingName } from './rules.js';

export interface CaseSetting {
  kind: SettingKind;
  key: string;
  label: string;
  unitId: string | null;
  schoolClass: string | null;
  exposureDate: string;
}

const unitKey = (unitId: string, schoolClass?: string | null) => (schoolClass ? `unit:${unitId}:${normaliseSettingName(schoolClass)}` : `unit:${unitId}`);

/** Where the register says the person lives, studies and works, as cluster settings on the day of the positive. */
export async function registerSettings(tx: Db, regionId: string, personId: string, exposureDate: string): Promise<CaseSetting[]> {
  const [p] = await tx.select().from(persons).where(and(eq(persons.regionId, regionId), eq(persons.id, personId)));
  if (!p) return [];
  const ids = [p.careHomeId, p.schoolId, p.workplaceId].filter((x): x is string => !!x);
  const found = ids.length ? await tx.select().from(units).where(and(eq(units.regionId, regionId), inArray(units.id, ids))) : [];
  const unit = (id: string | null) => found.find((u) => u.id === id);
  const out: CaseSetting[] = [];
  const home = unit(p.careHomeId);
  if (home) out.push({ kind: 'care_home', key: unitKey(home.id), label: home.name, unitId: home.id, schoolClass: null, exposureDate });
  const school = unit(p.schoolId);
  if (school) out.push({ kind: 'school_class', key: unitKey(school.id, p.schoolClass), label: p.schoolClass ? `${school.name}, klass ${p.schoolClass}` : school.name, unitId: school.id, schoolClass: p.schoolClass, exposureDate });
  const work = unit(p.workplaceId);
  if (work) out.push({ kind: work.kind === 'care_home' ? 'care_home' : 'workplace', key: unitKey(work.id), label: work.name, unitId: work.id, schoolClass: null, exposureDate });
  return out;
}

/**
 * Settings the index wrote in the questionnaire. A name that matches a register unit (school, care home,
 * workplace) uses the unit's key, so it meets the cases the register placed there; other names meet by text.
 */
export async function namedSettings(tx: Db, regionId: string, named: { kind: SettingKind; name: string; schoolClass?: string | null; date: string }[]): Promise<CaseSetting[]> {
  if (named.length === 0) return [];
  const names = [...new Set(named.map((n) => normaliseSettingName(n.name)))];
  const matches = await tx
    .select({ id: units.id, name: units.name, kind: units.kind })
    .from(units)
    .where(and(eq(units.regionId, regionId), sql`lower(${units.name}) = ANY(${sql.param(names)}::text[])`));
  return named.map((n) => {
    const unit = matches.find((u) => normaliseSettingName(u.name) === normaliseSettingName(n.name));
    const schoolClass = n.kind === 'school_class' ? (n.schoolClass?.trim() || null) : null;
    const label = `${unit?.name ?? n.name.trim()}${schoolClass ? `, klass ${schoolClass}` : ''}`;
    const key = unit ? unitKey(unit.id, schoolClass) : `name:${normaliseSettingName(n.name)}${schoolClass ? `:${normaliseSettingName(schoolClass)}` : ''}`;
    return { kind: n.kind, key, label, unitId: unit?.id ?? null, schoolClass, exposureDate: n.date };
  });
}

/** Replaces what a source said about a case's settings; register settings and named ones may overlap (same key). */
export async function saveCaseSettings(tx: Db, regionId: string, caseId: string, settings: CaseSetting[]): Promise<void> {
  if (settings.length === 0) return;
  const unique = [...new Map(settings.map((s) => [`${s.kind}|${s.key}`, s])).values()];
  await tx
    .insert(tracingCaseSettings)
    .values(unique.map((s) => ({ regionId, caseId, ...s })))
    .onConflictDoUpdate({
      target: [tracingCaseSettings.regionId, tracingCaseSettings.caseId, tracingCaseSettings.kind, tracingCaseSettings.key],
      set: { label: sql`excluded.label`, exposureDate: sql`least(${tracingCaseSettings.exposureDate}, excluded.exposure_date)` },
    });
}
