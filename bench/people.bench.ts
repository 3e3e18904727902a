/**
 * Writing people: the person store (`insertPersons`, as the demo loader uses it) against the
 * plainest fast way to put the same rows into PostgreSQL, on the same database in the same run.
 */
import type { Database } from '../src/platform/db/client.js';
import { demoPersonRow } from '../src/identity/demo/load.js';
import { generatePopulation } from '../src/identity/demo/population.js';
import { geoDir, loadGeo } from '../src/identity/geo.js';
import { insertPersons, type NewPerson } from '../src/identity/store.js';
import { formatInt, race, rawTransaction, type Benchmark, type BenchResult, type Contestant, type Measurement, type Timing } from './lib.js';

const DEFAULT_PEOPLE = 100_000;
const REGION = '18';
const ROWS_PER_INSERT = 1_000;

/** The persons columns the store writes, in its order. */
const COLUMNS = [
  'region_id', 'id', 'given_name', 'family_name', 'birth_date', 'legal_sex', 'street_address', 'postal_code', 'locality',
  'municipality_code', 'phone', 'email', 'household_id', 'care_home_id', 'home_care', 'school_id', 'school_class',
  'workplace_id', 'vardcentral_id', 'synthetic',
] as const;

/** Every column of persons with its type and NOT NULL, but no key, no index, no foreign key. */
const CREATE_RAW = `CREATE TABLE bench_people_raw (
  region_id text NOT NULL, id uuid NOT NULL, given_name text NOT NULL, family_name text NOT NULL, birth_date date,
  legal_sex text, street_address text, postal_code text, locality text, municipality_code text, phone text, email text,
  household_id uuid, care_home_id uuid, home_care boolean NOT NULL, school_id uuid, school_class text, workplace_id uuid,
  vardcentral_id uuid, synthetic boolean NOT NULL, merged_into uuid,
  created_at timestamptz NOT NULL DEFAULT now(), updated_at timestamptz NOT NULL DEFAULT now())`;

/** One row's values after region_id, in COLUMNS order. */
const values = (p: NewPerson): unknown[] => [
  p.id, p.givenName, p.familyName, p.birthDate, p.legalSex, p.streetAddress ?? null, p.postalCode ?? null, p.locality ?? null,
  p.municipalityCode ?? null, p.phone ?? null, p.email ?? null, p.householdId ?? null, p.careHomeId ?? null, p.homeCare ?? false,
  p.schoolId ?? null, p.schoolClass ?? null, p.workplaceId ?? null, p.vardcentralId ?? null, p.synthetic ?? false,
];
const PER_ROW = COLUMNS.length - 1;

/** INSERT … VALUES ($1, $2, …, $20), ($1, $21, …), …: region_id is $1 for every row, like the store's one region parameter. */
const insertSql = new Map<number, string>();
function insertStatement(rows: number): string {
  let text = insertSql.get(rows);
  if (!text) {
    const tuples: string[] = [];
    for (let r = 0; r < rows; r++) tuples.push(`($1, ${Array.from({ length: PER_ROW }, (_, c) => `$${2 + r * PER_ROW + c}`).join(', ')})`);
    text = `INSERT INTO bench_people_raw (${COLUMNS.join(', ')}) VALUES ${tuples.join(', ')}`;
    insertSql.set(rows, text);
  }
  return text;
}

async function rawInsert(database: Database, people: NewPerson[]) {
  await rawTransaction(database, async (tx) => {
    for (let i = 0; i < people.length; i += ROWS_PER_INSERT) {
      const chunk = people.slice(i, i + ROWS_PER_INSERT);
      const params: unknown[] = [REGION];
      for (const p of chunk) params.push(...values(p));
      await tx.query(insertStatement(chunk.length), params);
    }
  });
}

/** CSV as COPY reads it: NULL is an empty unquoted field, every string is quoted (so '' stays ''). */
function csv(people: NewPerson[]): string {
  const field = (v: unknown) => (v == null ? '' : typeof v === 'boolean' ? (v ? 't' : 'f') : `"${String(v).replaceAll('"', '""')}"`);
  const lines: string[] = [];
  for (const p of people) lines.push([REGION, ...values(p)].map(field).join(','));
  return lines.join('\n') + '\n';
}

async function pgliteCopy(database: Database, people: NewPerson[]) {
  const blob = new Blob([csv(people)]);
  await database.pglite!.transaction((tx) => tx.query(`COPY bench_people_raw (${COLUMNS.join(', ')}) FROM '/dev/blob' WITH (FORMAT csv)`, [], { blob }));
}

/** The demo population, mapped to NewPerson as src/identity/demo/load.ts does; made once per size. */
const populations = new Map<number, NewPerson[]>();
function people(size: number): NewPerson[] {
  let out = populations.get(size);
  if (!out) {
    const population = generatePopulation(loadGeo(geoDir), { regionCode: REGION, size, seed: 1, now: new Date() });
    out = population.people.map(demoPersonRow(REGION));
    populations.set(size, out);
  }
  return out;
}

const count = async (database: Database, table: string) =>
  (await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`))[0]!.n;

const STORE_NOTE =
  'the store also writes a person_identifiers row per person, maintains 6 btrees (persons: key + 3 indexes; person_identifiers: key + 1) and checks 3 foreign keys; the baseline table has no key, index or foreign key; rates count people, not table rows';

const benchmark: Benchmark = {
  name: 'people',
  async run(target, { scale, repeat }) {
    const size = Math.max(1, Math.round(DEFAULT_PEOPLE * scale));
    const say = (m: string) => process.stderr.write(`  people on ${target.name}: ${m}\n`);
    say(`generating ${formatInt(size)} people…`);
    const rows = people(size);
    say('opening a fresh database…');
    const database = await target.open();
    try {
      await database.query(CREATE_RAW);
      const truncatePeople = () => database.query('TRUNCATE person_identifiers, persons CASCADE');
      const truncateRaw = () => database.query('TRUNCATE bench_people_raw');
      const contestants = (batch: NewPerson[]) => {
        const c: Record<string, Contestant> = {
          store: { before: truncatePeople, run: () => database.db.transaction((tx) => insertPersons(tx, REGION, batch)) },
          insert: { before: truncateRaw, run: () => rawInsert(database, batch) },
        };
        if (database.pglite) c.copy = { before: truncateRaw, run: () => pgliteCopy(database, batch) };
        return c;
      };

      // Warm up, untimed: the first statement of each kind pays for planning, caches and (on PGlite) WASM tiering.
      for (const c of Object.values(contestants(rows.slice(0, 2 * ROWS_PER_INSERT)))) {
        await c.before?.();
        await c.run();
      }

      const timings = await race(repeat, contestants(rows), (round) => say(`round ${round} of ${repeat}…`));

      // Check that every contestant wrote every row (the last round's rows are still there).
      const written = { persons: await count(database, 'persons'), identifiers: await count(database, 'person_identifiers') };
      if (written.persons !== size || written.identifiers !== size) throw new Error(`the store wrote ${written.persons} persons and ${written.identifiers} identifiers, expected ${size}`);

      const m = (label: string, unit: string, timing: Timing): Measurement => ({ label, rows: size, unit, timing });
      const ours = m('people via store', 'people', timings.store!);
      const results: BenchResult[] = [
        {
          benchmark: 'people',
          target: target.name,
          ours,
          baseline: m('raw INSERT', 'rows', timings.insert!),
          notes: [
            `${formatInt(size)} people, all in one transaction per round; store: unnest arrays, 5,000 people per statement; raw: ${formatInt(ROWS_PER_INSERT)}-row VALUES lists`,
            STORE_NOTE,
            ...(database.pglite ? [] : ['no COPY baseline on PostgreSQL: pg has no COPY FROM STDIN stream helper without pg-copy-streams (not installed)']),
          ],
        },
      ];
      if (timings.copy) {
        results.push({
          benchmark: 'people',
          target: target.name,
          ours,
          baseline: m('COPY', 'rows', timings.copy),
          notes: [`COPY … FROM '/dev/blob' (CSV built in the timed part)`, STORE_NOTE],
        });
      }
      if ((await count(database, 'bench_people_raw')) !== size) throw new Error('the raw baseline did not write every row');
      return results;
    } finally {
      await database.close();
    }
  },
};

export default benchmark;
