/**
 * Values as CSV or XLSX, one row per organisation and period:
 *
 *   indicator;version;unit;org_level;org_code;org_name;period;numerator;denominator
 *
 * `indicator` is the definition's code; `version` (optional) must be the active version, which is used when
 * left out; `unit` (optional) must be the definition's unit; `org_level` is region, municipality, unit or rss;
 * `period` is in the definition's period type. A reason names the row and column of what is wrong.
 */
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { definitionsByCode } from './definitions.js';
import { runImport, readNumber, type ImportSpec, type RowError } from './imports.js';
import { orgLevels, units, type OrgLevel } from './model.js';
import { parsePeriod } from './rules.js';
import { organisations, orgCheck, upsertValues, type NewValue } from './values.js';

export const VALUE_COLUMNS = ['indicator', 'version', 'unit', 'org_level', 'org_code', 'org_name', 'period', 'numerator', 'denominator'] as const;

export async function importValues(ctx: AppContext, actor: Actor, file: { fileName: string; content: Buffer }) {
  const db = ctx.database.db;
  const [defs, orgs] = await Promise.all([definitionsByCode(db), organisations(db, actor.regionId)]);
  const spec: ImportSpec<NewValue> = {
    kind: 'values',
    columns: VALUE_COLUMNS,
    required: ['indicator', 'org_level', 'org_code', 'period', 'numerator', 'denominator'],
    parseRow(cell) {
      const errors: RowError[] = [];
      const fail = (column: string, reason: string) => errors.push({ column, reason });
      const versions = defs.get(cell('indicator'));
      let d = versions?.find((v) => v.active);
      if (!versions) fail('indicator', `no indicator with the code "${cell('indicator')}"`);
      else if (cell('version')) {
        const n = Number(cell('version'));
        const v = versions.find((x) => x.version === n);
        if (!v) fail('version', `${cell('indicator')} has no version ${cell('version')}`);
        else if (!v.active) fail('version', `version ${n} of ${v.code} is no longer active; values are recorded against the active version`);
        d = v;
      } else if (!d) fail('indicator', `${cell('indicator')} has no active version`);
      const unit = cell('unit');
      if (unit && !(units as readonly string[]).includes(unit)) fail('unit', `unknown unit "${unit}" (${units.join(', ')})`);
      else if (unit && d && unit !== d.unit) fail('unit', `${d.code} is measured in ${d.unit}, not ${unit}`);
      const level = cell('org_level') as OrgLevel;
      const levelOk = (orgLevels as readonly string[]).includes(level);
      if (!levelOk) fail('org_level', `"${cell('org_level')}" is not one of ${orgLevels.join(', ')}`);
      const code = cell('org_code');
      let orgName = '';
      if (!code) fail('org_code', 'missing');
      else if (code.length > 100) fail('org_code', 'at most 100 characters');
      else if (levelOk) {
        const o = orgCheck(orgs, level, code, cell('org_name').slice(0, 200));
        if ('reason' in o) fail('org_code', o.reason);
        else orgName = o.name;
      }
      const period = d ? parsePeriod(d.periodType, cell('period')) : null;
      if (period && 'reason' in period) fail('period', `${period.reason}, as ${d!.code} is measured per ${d!.periodType}`);
      const numerator = readNumber(cell('numerator'));
      const denominator = readNumber(cell('denominator'));
      if (numerator === null || numerator < 0) fail('numerator', `"${cell('numerator')}" is not a number of 0 or more`);
      if (denominator === null) fail('denominator', `"${cell('denominator')}" is not a number`);
      else if (denominator <= 0) fail('denominator', 'must be more than 0 (a share of nothing is not a value)');
      if (errors.length || !d || !period || 'reason' in period) return { errors };
      return { value: { definitionId: d.id, orgLevel: level, orgCode: code, orgName, period, numerator: numerator!, denominator: denominator! } };
    },
    async apply(tx, rows, importId) {
      // A later row for the same key in one file wins, as it would in a second file.
      const last = new Map(rows.map((r) => [`${r.definitionId}|${r.orgLevel}|${r.orgCode}|${r.period.period}`, r]));
      const r = await upsertValues(tx, actor.regionId, [...last.values()], { source: 'reported', recordedBy: actor.name, importId });
      return { accepted: r.inserted + r.updated, unchanged: rows.length - r.inserted - r.updated };
    },
    audit: (s) => ({ action: 'indicators.values.imported', details: { importId: s.importId, fileName: s.fileName, rows: s.rowsTotal, accepted: s.accepted, unchanged: s.unchanged, rejected: s.rejected } }),
  };
  return runImport(ctx, actor, spec, file);
}
