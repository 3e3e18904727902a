/**
 * Indicators (issue 15), two races on the same database in the same run:
 *
 * 1. Continuity: the compute job's COC/UPC query (`continuitySql`: doctor contacts grouped per person and
 *    provider, then per person with N ≥ 2, then per unit) over P listed people with about 10 contacts each
 *    (300,000 people / 3 M contacts on PostgreSQL, a tenth on PGlite; `--size` scales), against a plain
 *    `SELECT person_number, count(*) … GROUP BY person_number` over the same table. Aim: within 3×.
 * 2. Contacts import: `importContacts` (parse, validate every identity number, upsert by contact id in
 *    5,000-row batches, rejections, audit) of C contacts (1 M on PostgreSQL, 200,000 on PGlite) against two
 *    baselines: raw COPY of the same CSV into a bare table (the floor; aim ≥ 0.3 of its rate), and the same
 *    upsert done set-based by hand (COPY into a staging table, one INSERT … SELECT … ON CONFLICT into the real
 *    table, no validation): what this work costs on this table at best.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createContext } from '../src/app.js';
import { systemActor } from '../src/platform/auth/actor.js';
import { loadConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/client.js';
import { makePersonnummer } from '../src/identity/identity-number.js';
import { importContacts } from '../src/indicators/contacts.js';
import { continuitySql } from '../src/indicators/compute.js';
import { parsePeriod, type Period } from '../src/indicators/rules.js';
import { formatInt, race, time, type Benchmark, type BenchResult, type Measurement, type Timing } from './lib.js';

const REGION = '18';
const PEOPLE = { postgres: 300_000, pglite: 30_000 } as const;
const CONTACTS = { postgres: 1_000_000, pglite: 200_000 } as const;
const YEAR = '2022';

/** P people with 10 contacts each on average (1–19), at 50 units with 6 doctors each; an own doctor two times in three. */
async function generateContacts(database: Database, people: number) {
  await database.query(`INSERT INTO indicator_primary_care_contacts (region_id, contact_id, person_number, birth_date, care_unit_code, care_unit_name, provider_code, contact_date,
      contact_type, professional_category, practitioner_code, listed_unit_code, named_doctor, care_home)
    SELECT '${REGION}', 'b' || p || '-' || g, lpad(p::text, 12, '0'), date '1930-01-01' + (p % 30000), 'VC' || (p % 50), 'Vårdcentral ' || (p % 50), 'P', date '2022-01-01' + ((p * 7 + g * 13) % 365),
      'visit', CASE WHEN g % 5 = 0 THEN 'sjuksköterska' ELSE 'läkare' END,
      'VC' || (p % 50) || '-dr' || CASE WHEN (p + g) % 3 < 2 THEN p % 6 ELSE (p::bigint * g % 6)::int END, 'VC' || (p % 50), p % 5 < 3, p % 40 = 0
    FROM generate_series(1, ${people}) p CROSS JOIN LATERAL generate_series(1, 1 + (p::bigint * 7919 % 19)::int) g`);
  await database.query('ANALYZE indicator_primary_care_contacts');
}

function contactsCsv(n: number): string {
  const lines = ['contact_id;person_id;care_unit;care_unit_name;provider;contact_date;contact_type;professional_category;practitioner;listed_unit;named_doctor;care_home;discharge_date;unplanned'];
  for (let i = 0; i < n; i++) {
    const person = Math.floor(i / 10);
    const birth = new Date(Date.UTC(1940, 0, 1) + Math.floor(person / 999) * 86_400_000).toISOString().slice(0, 10);
    const unit = `VC${person % 50}`;
    lines.push(`i${i};${makePersonnummer(birth, 1 + (person % 999))};${unit};Vårdcentral ${person % 50};P1;2022-${String(1 + (i % 12)).padStart(2, '0')}-15;visit;läkare;${unit}-dr${i % 4};${unit};${person % 5 < 3 ? 'ja' : 'nej'};nej;;`);
  }
  return lines.join('\n') + '\n';
}

const count = async (database: Database, q: string) => (await database.query<{ n: number }>(q))[0]!.n;
const m = (label: string, rows: number, unit: string, timing: Timing): Measurement => ({ label, rows, unit, timing });

const benchmark: Benchmark = {
  name: 'indicators-continuity',
  async run(target, { scale, repeat }) {
    const people = Math.max(100, Math.round(PEOPLE[target.name] * scale));
    const contacts = Math.max(100, Math.round(CONTACTS[target.name] * scale));
    const say = (msg: string) => process.stderr.write(`  indicators on ${target.name}: ${msg}\n`);
    const results: BenchResult[] = [];
    const database = await target.open();
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-bench-indicators-'));
    chmodSync(dir, 0o755);
    try {
      say(`generating ${formatInt(people)} people's contacts…`);
      await generateContacts(database, people);
      const rows = await count(database, 'SELECT count(*)::int AS n FROM indicator_primary_care_contacts');
      const period = parsePeriod('year', YEAR) as Period;
      const ctx = createContext(database, loadConfig({ logLevel: 'silent', demo: false }, {}));
      const timings = await race(repeat, {
        continuity: { run: () => ctx.database.db.execute(continuitySql(REGION, period)) },
        groupBy: { run: () => database.query(`SELECT person_number, count(*) FROM indicator_primary_care_contacts WHERE region_id = '${REGION}' GROUP BY person_number`) },
      });
      const job = await time(() => import('../src/indicators/compute.js').then((c) => c.computeIndicators(ctx, systemActor(REGION, 'Bench'), { period: YEAR })), { repeat: 1 });
      results.push({
        benchmark: 'indicators-continuity',
        target: target.name,
        ours: m('COC + UPC per unit (continuitySql)', rows, 'contacts', timings.continuity),
        baseline: m('GROUP BY person_number', rows, 'contacts', timings.groupBy),
        notes: [`${formatInt(people)} people, ${formatInt(rows)} contacts (80 % with doctors), 50 units`, `the whole compute job (named doctor ×3, COC, UPC, readmissions, writing values) took ${Math.round(job.best)} ms once (not in the ratio)`],
      });
      await database.query('TRUNCATE indicator_values, indicator_compute_runs, indicator_primary_care_contacts, indicator_import_rejections, indicator_imports CASCADE');

      say(`building a CSV of ${formatInt(contacts)} contacts…`);
      const csv = contactsCsv(contacts);
      const file = join(dir, 'contacts.csv');
      writeFileSync(file, csv, { mode: 0o644 });
      chmodSync(file, 0o644);
      const bytes = Buffer.from(csv);
      await database.query(`CREATE TABLE bench_contacts_raw (contact_id text, person_id text, care_unit text, care_unit_name text, provider text, contact_date date, contact_type text,
        professional_category text, practitioner text, listed_unit text, named_doctor text, care_home text, discharge_date date, unplanned text)`);
      const source = database.pglite ? "'/dev/blob'" : `'${file}'`;
      const copyInto = (table: string) => `COPY ${table} FROM ${source} WITH (FORMAT csv, HEADER true, DELIMITER ';')`;
      const copy = (statement: string) => (database.pglite ? database.pglite.query(statement, [], { blob: new Blob([bytes]) }) : database.query(statement));
      await database.query('CREATE UNLOGGED TABLE bench_contacts_staging (LIKE bench_contacts_raw)');
      const setBased = async () => {
        await database.query('TRUNCATE bench_contacts_staging');
        await copy(copyInto('bench_contacts_staging'));
        await database.query(`INSERT INTO indicator_primary_care_contacts AS c (region_id, contact_id, person_number, birth_date, care_unit_code, care_unit_name, provider_code, contact_date,
            contact_type, professional_category, practitioner_code, listed_unit_code, named_doctor, care_home, discharge_date, unplanned)
          SELECT '${REGION}', contact_id, person_id, to_date(left(person_id, 8), 'YYYYMMDD'), care_unit, coalesce(nullif(care_unit_name, ''), care_unit), provider, contact_date,
            lower(contact_type), lower(professional_category), nullif(practitioner, ''), nullif(listed_unit, ''), named_doctor = 'ja', care_home = 'ja', discharge_date, nullif(unplanned, '') = 'ja'
          FROM bench_contacts_staging
          ON CONFLICT (region_id, contact_id) DO UPDATE SET person_number = excluded.person_number, contact_date = excluded.contact_date
          WHERE (c.person_number, c.contact_date) IS DISTINCT FROM (excluded.person_number, excluded.contact_date)`);
      };
      const resetContacts = () => database.query('TRUNCATE indicator_primary_care_contacts, indicator_import_rejections, indicator_imports CASCADE');
      const imports = await race(
        repeat,
        {
          import: { before: resetContacts, run: () => importContacts(ctx, systemActor(REGION, 'Bench'), { fileName: 'contacts.csv', content: bytes }) },
          setBased: { before: resetContacts, run: setBased },
          copy: { before: () => database.query('TRUNCATE bench_contacts_raw'), run: () => copy(copyInto('bench_contacts_raw')) },
        },
        (round) => say(`import round ${round} of ${repeat}…`),
      );
      const imported = await count(database, 'SELECT count(*)::int AS n FROM indicator_primary_care_contacts');
      if (imported !== contacts) throw new Error(`the import wrote ${imported} contacts, expected ${contacts}`);
      const importNotes = ['every identity number validated (date, check digit), upsert by contact id in 5,000-row batches, one transaction each', database.pglite ? "COPY … FROM '/dev/blob'" : 'server-side COPY FROM a file in /tmp'];
      results.push({
        benchmark: 'indicators-contacts-import',
        target: target.name,
        ours: m('contacts via importContacts', contacts, 'contacts', imports.import),
        baseline: m('set-based SQL (COPY + INSERT … ON CONFLICT)', contacts, 'contacts', imports.setBased),
        notes: importNotes,
      });
      results.push({
        benchmark: 'indicators-contacts-import',
        target: target.name,
        ours: m('contacts via importContacts', contacts, 'contacts', imports.import),
        baseline: m('COPY (bare table)', contacts, 'rows', imports.copy),
        notes: importNotes,
      });
      return results;
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.close();
    }
  },
};

export default benchmark;
