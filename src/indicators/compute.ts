/**
 * The compute job: indicator values from Lägesbild's own data: the imported primary-care contacts, and the
 * testing and tracing areas' figures (read through their modules). One run
 * computes every active definition with a computation for one period, replaces that period's computed values,
 * and records when it ran and from what (contacts, persons, the imports that fed them). All measures are SQL
 * GROUP BYs over the contacts table (no row leaves the database).
 *
 * Measures, per care unit (the unit the person is listed at, else where they were seen) and summed exactly to
 * the region:
 * - Named regular doctor (named_doctor_share, _75, _care_home): of the persons with a primary-care contact in
 *   the period (the listed persons the register shows; admissions do not count), those whose latest contact says
 *   they have a named regular doctor;
 *   75+ by age on the period's last day; SÄBO residents by the latest contact's care_home.
 * - Continuity (coc_mean, upc_mean), over each person's doctor contacts (professional category läkare/doctor,
 *   admissions excluded) with the provider i = the practitioner met, else the care unit:
 *     COC = (Σ nᵢ² − N) / (N (N − 1)),  UPC = max nᵢ / N,  for persons with N ≥ 2.
 *   The value is the mean over persons: numerator Σ COC, denominator the number of persons. Worked example:
 *   a person seen by Dr A three times and Dr B once has N = 4, Σ nᵢ² = 10, COC = 6/12 = 0.5 and UPC = 0.75;
 *   with a second person seen twice by Dr C (COC = UPC = 1), the unit's COC is (0.5 + 1) / 2 = 0.75.
 *   rules.ts `continuity` is the same formula in TypeScript, and the tests hold the SQL to it.
 * - Unplanned readmissions within 30 days (readmission_30d), region only, where admissions are present: of the
 *   discharges in the period, those followed by an unplanned admission of the same person 1–30 days later.
 * - From testing (testing/store.ts answeredSampleFigures), per month by the time of the answer: positivity =
 *   positive / answered PCR and antigen samples; time to answer = Σ hours from sampling to answer / answered PCR.
 * - From tracing (tracing/statistics.ts reachedWithin24h): of the cases answered in the month whose 24 hours
 *   have passed, those called within 24 hours of the answer.
 */
import { and, eq, isNotNull, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { record } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { invalid } from '../platform/errors.js';
import { PURPOSE, type Definition } from './definitions.js';
import { indicatorDefinitions, type Computation } from './model.js';
import { aggregate, parsePeriod, type Period } from './rules.js';
import { upsertValues, type NewValue } from './values.js';
import { DOCTOR_CATEGORIES } from './contacts.js';
import { answeredSampleFigures } from '../testing/store.js';
import { reachedWithin24h } from '../tracing/statistics.js';

interface UnitFigure {
  unit: string;
  name: string;
  numerator: number;
  denominator: number;
}

type Figures = Partial<Record<Computation, UnitFigure[] | { region: { numerator: number; denominator: number } }>>;

/** Named-doctor shares per unit: the latest contact of every person seen in the period decides. */
async function namedDoctor(tx: Db, regionId: string, p: Period) {
  const rows = await queryRows<{ unit: string; name: string; total: number; named: number; total75: number; named75: number; total_ch: number; named_ch: number }>(
    tx,
    sql`WITH latest AS (
        SELECT DISTINCT ON (person_number) coalesce(listed_unit_code, care_unit_code) AS unit, named_doctor, care_home, birth_date
        FROM indicator_primary_care_contacts
        WHERE region_id = ${regionId} AND contact_date BETWEEN ${p.start}::date AND ${p.end}::date AND contact_type <> 'admission'
        ORDER BY person_number, contact_date DESC, contact_id DESC)
      SELECT l.unit, coalesce(n.name, l.unit) AS name, count(*)::int AS total, count(*) FILTER (WHERE named_doctor)::int AS named,
        count(*) FILTER (WHERE birth_date <= (${p.end}::date - interval '75 years'))::int AS total75,
        count(*) FILTER (WHERE named_doctor AND birth_date <= (${p.end}::date - interval '75 years'))::int AS named75,
        count(*) FILTER (WHERE care_home)::int AS total_ch, count(*) FILTER (WHERE care_home AND named_doctor)::int AS named_ch
      FROM latest l LEFT JOIN LATERAL (SELECT care_unit_name AS name FROM indicator_primary_care_contacts c WHERE c.region_id = ${regionId} AND c.care_unit_code = l.unit LIMIT 1) n ON true
      GROUP BY l.unit, n.name`,
  );
  const pick = (n: (r: (typeof rows)[number]) => number, d: (r: (typeof rows)[number]) => number) => rows.map((r) => ({ unit: r.unit, name: r.name, numerator: n(r), denominator: d(r) }));
  return {
    named_doctor_share: pick((r) => r.named, (r) => r.total),
    named_doctor_share_75: pick((r) => r.named75, (r) => r.total75),
    named_doctor_share_care_home: pick((r) => r.named_ch, (r) => r.total_ch),
  };
}

/** The continuity query alone: per unit, the persons with N ≥ 2 doctor contacts and the sums of their COC and UPC. */
export const continuitySql = (regionId: string, p: Period) => sql`
  WITH per_provider AS (
    SELECT person_number, coalesce(practitioner_code, care_unit_code) AS provider, count(*) AS n,
      coalesce(max(listed_unit_code), max(care_unit_code)) AS unit
    FROM indicator_primary_care_contacts
    WHERE region_id = ${regionId} AND contact_date BETWEEN ${p.start}::date AND ${p.end}::date
      AND contact_type <> 'admission' AND professional_category = ANY(${sql.param(DOCTOR_CATEGORIES)}::text[])
    GROUP BY 1, 2),
  per_person AS (
    SELECT person_number, sum(n) AS total, sum(n * n) AS squares, max(n) AS most, max(unit) AS unit
    FROM per_provider GROUP BY 1 HAVING sum(n) >= 2)
  SELECT unit, count(*)::int AS persons,
    sum((squares - total)::numeric / (total * (total - 1)))::float8 AS coc_sum,
    sum(most::numeric / total)::float8 AS upc_sum
  FROM per_person GROUP BY unit`;

async function continuityFigures(tx: Db, regionId: string, p: Period) {
  const rows = await queryRows<{ unit: string; persons: number; coc_sum: number; upc_sum: number }>(tx, continuitySql(regionId, p));
  const names = await unitNames(tx, regionId, rows.map((r) => r.unit));
  return {
    coc_mean: rows.map((r) => ({ unit: r.unit, name: names.get(r.unit) ?? r.unit, numerator: r.coc_sum, denominator: r.persons })),
    upc_mean: rows.map((r) => ({ unit: r.unit, name: names.get(r.unit) ?? r.unit, numerator: r.upc_sum, denominator: r.persons })),
  };
}

async function unitNames(tx: Db, regionId: string, codes: string[]) {
  const rows = await queryRows<{ code: string; name: string }>(
    tx,
    sql`SELECT DISTINCT ON (care_unit_code) care_unit_code AS code, care_unit_name AS name FROM indicator_primary_care_contacts WHERE region_id = ${regionId} AND care_unit_code = ANY(${sql.param(codes)}::text[])`,
  );
  return new Map(rows.map((r) => [r.code, r.name]));
}

async function readmissionFigure(tx: Db, regionId: string, p: Period) {
  const [r] = await queryRows<{ discharges: number; readmitted: number }>(
    tx,
    sql`SELECT count(*)::int AS discharges,
        count(*) FILTER (WHERE EXISTS (
          SELECT 1 FROM indicator_primary_care_contacts o
          WHERE o.region_id = a.region_id AND o.person_number = a.person_number AND o.contact_type = 'admission' AND o.unplanned AND o.contact_id <> a.contact_id
            AND o.contact_date BETWEEN a.discharge_date + 1 AND a.discharge_date + 30))::int AS readmitted
      FROM indicator_primary_care_contacts a
      WHERE a.region_id = ${regionId} AND a.contact_type = 'admission' AND a.discharge_date BETWEEN ${p.start}::date AND ${p.end}::date`,
  );
  return { readmission_30d: { region: { numerator: r!.readmitted, denominator: r!.discharges } } };
}

/** Figures the testing and tracing areas keep, read through their own modules (never their tables). */
async function testingAndTracingFigures(tx: Db, regionId: string, p: Period, now: Date, wanted: Set<Computation>): Promise<Figures> {
  const out: Figures = {};
  if (wanted.has('positivity') || wanted.has('sample_to_answer_hours')) {
    const s = await answeredSampleFigures(tx, regionId, p.start, p.end);
    out.positivity = { region: { numerator: s.positive, denominator: s.answered } };
    out.sample_to_answer_hours = { region: { numerator: Math.round(s.pcr_hours * 100) / 100, denominator: s.pcr } };
  }
  if (wanted.has('tracing_within_24h')) out.tracing_within_24h = { region: await reachedWithin24h(tx, regionId, p.start, p.end, now) };
  return out;
}

/** Runs the job for one period (in each definition's own period type) and records the run. */
export async function computeIndicators(ctx: AppContext, actor: Actor, input: { period: string }) {
  const regionId = actor.regionId;
  const startedAt = ctx.clock.now().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const defs = await tx.select().from(indicatorDefinitions).where(and(eq(indicatorDefinitions.active, true), isNotNull(indicatorDefinitions.computation)));
    const runnable: { d: Definition; p: Period }[] = [];
    for (const d of defs) {
      const p = parsePeriod(d.periodType, input.period);
      if (!('reason' in p)) runnable.push({ d, p });
    }
    if (runnable.length === 0) throw invalid('period', `no computable indicator is measured per such a period ("${input.period}"; e.g. 2022)`);
    const p = runnable[0]!.p;
    const [inputs] = await queryRows<{ contacts: number; persons: number; first: string | null; last: string | null; imports: string[] | null }>(
      tx,
      sql`SELECT count(*)::int AS contacts, count(DISTINCT person_number)::int AS persons, min(contact_date)::text AS first, max(contact_date)::text AS last,
          array_agg(DISTINCT import_id::text) FILTER (WHERE import_id IS NOT NULL) AS imports
        FROM indicator_primary_care_contacts WHERE region_id = ${regionId} AND contact_date BETWEEN ${p.start}::date AND ${p.end}::date`,
    );
    const wanted = new Set(runnable.map((r) => r.d.computation!));
    const figures: Figures = {
      ...(wanted.has('named_doctor_share') || wanted.has('named_doctor_share_75') || wanted.has('named_doctor_share_care_home') ? await namedDoctor(tx, regionId, p) : {}),
      ...(wanted.has('coc_mean') || wanted.has('upc_mean') ? await continuityFigures(tx, regionId, p) : {}),
      ...(wanted.has('readmission_30d') ? await readmissionFigure(tx, regionId, p) : {}),
      ...(await testingAndTracingFigures(tx, regionId, p, ctx.clock.now(), wanted)),
    };
    const [region] = await queryRows<{ name: string }>(tx, sql`SELECT name FROM regions WHERE id = ${regionId}`);
    const values: NewValue[] = [];
    for (const { d, p: period } of runnable) {
      const f = figures[d.computation!];
      if (!f) continue;
      const units = Array.isArray(f) ? f.filter((u) => u.denominator > 0) : [];
      const total = Array.isArray(f) ? aggregate(units) : f.region;
      for (const u of units) values.push({ definitionId: d.id, orgLevel: 'unit', orgCode: u.unit, orgName: u.name, period, numerator: u.numerator, denominator: u.denominator });
      if (total.denominator > 0) values.push({ definitionId: d.id, orgLevel: 'region', orgCode: regionId, orgName: region?.name ?? regionId, period, numerator: total.numerator, denominator: total.denominator });
    }
    // A run replaces the period's computed values of these definitions: a unit no longer in the data leaves no stale figure.
    await tx.execute(sql`DELETE FROM indicator_values WHERE region_id = ${regionId} AND source = 'computed' AND definition_id = ANY(${sql.param(runnable.map((r) => r.d.id))}::uuid[]) AND period = ANY(${sql.param([...new Set(runnable.map((r) => r.p.period))])}::text[])`);
    const [run] = await queryRows<{ id: string }>(
      tx,
      sql`INSERT INTO indicator_compute_runs (region_id, period, started_at, finished_at, inputs, values_written, run_by)
        VALUES (${regionId}, ${p.period}, ${startedAt}, ${ctx.clock.now().toISOString()}, ${JSON.stringify({ ...inputs, imports: inputs!.imports ?? [], definitions: runnable.map((r) => `${r.d.code} v${r.d.version}`) })}::jsonb, ${values.length}, ${actor.name}) RETURNING id`,
    );
    await upsertValues(tx, regionId, values, { source: 'computed', recordedBy: actor.name, runId: run!.id });
    await record(tx, actor, { purpose: PURPOSE, action: 'indicators.computed', details: { runId: run!.id, period: p.period, values: values.length } });
    return { runId: run!.id, period: p.period, startedAt, valuesWritten: values.length, inputs: { ...inputs!, imports: inputs!.imports ?? [] }, definitions: runnable.map((r) => ({ code: r.d.code, version: r.d.version })) };
  });
}

export async function listRuns(ctx: AppContext, actor: Actor) {
  const rows = await queryRows<{ id: string; period: string; started_at: string; finished_at: string; inputs: Record<string, unknown>; values_written: number; run_by: string }>(
    ctx.database.db,
    sql`SELECT id, period, started_at::text, finished_at::text, inputs, values_written, run_by FROM indicator_compute_runs WHERE region_id = ${actor.regionId} ORDER BY started_at DESC LIMIT 100`,
  );
  return rows.map((r) => ({ id: r.id, period: r.period, startedAt: toIso(r.started_at), finishedAt: toIso(r.finished_at), inputs: r.inputs, valuesWritten: r.values_written, runBy: r.run_by }));
}
