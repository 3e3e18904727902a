/**
 * The lab bulk import (`importResults`: parse, validate, match by kit id, write the answer, queue the
 * messages and events, audit) against raw COPY of the same CSV rows into a bare table, on the same database
 * in the same run. N registered samples (1,000,000 on PostgreSQL, 200,000 on PGlite; `--size` scales),
 * a result for each, about 2 % positive. Each round starts from unanswered samples and an empty outbox.
 *
 * On PostgreSQL the baseline is server-side `COPY bench_import_raw FROM '/tmp/…'` (the server must run on
 * this machine and the role be superuser or pg_read_server_files; the file is written mode 644); on
 * PGlite it is `COPY … FROM '/dev/blob'`.
 */
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { createContext } from '../src/app.js';
import { OutboxWorker } from '../src/platform/jobs/worker.js';
import { systemActor } from '../src/platform/auth/actor.js';
import { loadConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/client.js';
import { makePersonnummer } from '../src/identity/identity-number.js';
import { insertPersons, type NewPerson } from '../src/identity/store.js';
import { newKitCode } from '../src/testing/rules.js';
import { importResults } from '../src/testing/import/runner.js';
import { formatInt, formatMs, race, rawTransaction, time, type Benchmark, type BenchResult, type Contestant, type Measurement, type Timing } from './lib.js';

const REGION = '18';
const DEFAULT = { postgres: 1_000_000, pglite: 200_000 } as const;
const CHUNK = 10_000;

async function prepareSamples(database: Database, size: number, say: (m: string) => void): Promise<string[]> {
  const codes = new Set<string>();
  while (codes.size < size) codes.add(newKitCode());
  const kits = [...codes];
  for (let i = 0; i < size; i += CHUNK) {
    const n = Math.min(CHUNK, size - i);
    const people: NewPerson[] = Array.from({ length: n }, (_, j) => {
      const k = i + j;
      const birth = new Date(Date.UTC(1940, 0, 1) + Math.floor(k / 1000) * 86_400_000).toISOString().slice(0, 10);
      return { identityNumber: makePersonnummer(birth, k % 1000), idKind: 'personnummer', givenName: 'Bench', familyName: `Person${k}`, birthDate: birth, legalSex: 'female', phone: '0701740605', email: `p${k}@example.com`, synthetic: true };
    });
    await database.db.transaction(async (tx) => {
      const ids = await insertPersons(tx, REGION, people);
      const chunk = kits.slice(i, i + n);
      await tx.execute(sql`INSERT INTO kits (region_id, code, test_type, batch, registered_at) SELECT ${REGION}, c, 'pcr', 'bench', '2021-12-04T09:00:00Z' FROM unnest(${sql.param(chunk)}::text[]) AS c`);
      await tx.execute(sql`INSERT INTO samples (region_id, kit_code, person_id, test_type, collection, taken_at, taken_week)
        SELECT ${REGION}, c, p, 'pcr', 'self', '2021-12-04T09:00:00Z', '2021-W48' FROM unnest(${sql.param(chunk)}::text[], ${sql.param(ids)}::uuid[]) AS t(c, p)`);
    });
    if ((i / CHUNK) % 10 === 9) say(`${formatInt(i + n)} samples registered…`);
  }
  return kits;
}

function resultsCsv(kits: string[]): string {
  const lines = ['kit_id;test_type;result;result_time;method'];
  kits.forEach((kit, i) => lines.push(`${kit};pcr;${i % 50 === 0 ? 'positive' : 'negative'};2021-12-05T14:30:00+01:00;RT-PCR`));
  return lines.join('\n') + '\n';
}

const count = async (database: Database, q: string) => (await database.query<{ n: number }>(q))[0]!.n;

/**
 * The messages the rules send, counted from each person's channels: every answer goes to the 1177 inbox, and a
 * notice by SMS and e-mail where the person has them (src/testing/handlers.ts); every positive opens a tracing
 * case whose questionnaire goes to the inbox and by SMS (src/tracing/handlers.ts).
 */
const expectedMessages = (database: Database) =>
  count(
    database,
    `SELECT ((SELECT count(*) + count(p.phone) + count(p.email) FROM samples s JOIN persons p ON p.region_id = s.region_id AND p.id = s.person_id WHERE s.result IS NOT NULL)
      + (SELECT count(*) + count(p.phone) FROM tracing_cases c JOIN persons p ON p.region_id = c.region_id AND p.id = c.person_id))::int AS n`,
  );

/**
 * The same work set-based by hand, after a COPY of the file into a staging table: one statement that answers
 * the samples matched by kit id (and test type, still unanswered) and, from what it answered, writes an audit
 * row per result, an event per positive and a ResultsAnswered event per thousand. No validation, no rejection
 * report, no signed audit (a digest stands in for the MAC), one transaction: the physical limit of this work.
 */
const SET_BASED_APPLY = `WITH answered AS (
    UPDATE samples s SET result = st.result, result_at = st.result_time, method = st.method, received_at = coalesce(s.received_at, st.result_time), answered_at = now()
    FROM bench_import_staging st WHERE s.region_id = $1 AND s.kit_code = st.kit_id AND s.test_type = st.test_type AND s.result IS NULL
    RETURNING s.id, s.person_id, s.result, s.taken_at, s.collection, st.result_time),
  audited AS (
    INSERT INTO audit_log (region_id, id, at, actor_kind, actor_id, actor_name, actor_role, person_id, action, purpose, details, mac)
    SELECT $1, gen_random_uuid(), clock_timestamp(), 'system', 'bench', 'Resultatimport', 'system', person_id, 'testing.result.registered', 'provsvar',
      jsonb_build_object('sampleId', id, 'result', result), encode(sha256(convert_to(id::text, 'UTF8')), 'hex') FROM answered),
  positives AS (
    INSERT INTO outbox (region_id, topic, payload, idempotency_key)
    SELECT $1, 'testing.PositiveResultRegistered', jsonb_build_object('regionId', $1, 'sampleId', id, 'personId', person_id, 'testType', 'pcr', 'collection', collection, 'takenAt', taken_at, 'resultAt', result_time),
      'bench:testing.PositiveResultRegistered:' || id FROM answered WHERE result = 'positive')
  INSERT INTO outbox (region_id, topic, payload, idempotency_key)
  SELECT $1, 'testing.ResultsAnswered', jsonb_build_object('sampleIds', jsonb_agg(id)), 'bench:testing.ResultsAnswered:' || gen_random_uuid()
  FROM (SELECT id, row_number() OVER () / 1000 AS part FROM answered) a GROUP BY part`;
const SET_BASED_NOTE = 'set-based: COPY into an unlogged staging table, then one statement: UPDATE samples … FROM staging by kit id, with INSERT … SELECT of the audit rows and events from what it answered';

const benchmark: Benchmark = {
  name: 'import',
  async run(target, { scale, repeat }) {
    const size = Math.max(10, Math.round(DEFAULT[target.name] * scale));
    const say = (m: string) => process.stderr.write(`  import on ${target.name}: ${m}\n`);
    const database = await target.open();
    const dir = mkdtempSync(join(tmpdir(), 'lagesbild-bench-import-'));
    chmodSync(dir, 0o755);
    try {
      say(`registering ${formatInt(size)} samples…`);
      const kits = await prepareSamples(database, size, say);
      const csv = resultsCsv(kits);
      const file = join(dir, 'results.csv');
      writeFileSync(file, csv, { mode: 0o644 });
      chmodSync(file, 0o644);
      const bytes = Buffer.from(csv);
      await database.query('CREATE TABLE bench_import_raw (kit_id text NOT NULL, test_type text NOT NULL, result text NOT NULL, result_time timestamptz NOT NULL, method text)');

      const ctx = createContext(database, loadConfig({ logLevel: 'silent', demo: false }, {}));
      const reset = async () => {
        await database.query('UPDATE samples SET result = NULL, result_at = NULL, method = NULL, received_at = NULL, answered_at = NULL, lab_unit_id = NULL WHERE result IS NOT NULL');
        await database.query('TRUNCATE outbox, result_imports, import_rejections, unmatched_results');
        await database.query('VACUUM ANALYZE samples');
      };
      const copyInto = (table: string) => `COPY ${table} FROM ${database.pglite ? "'/dev/blob'" : `'${file}'`} WITH (FORMAT csv, HEADER true, DELIMITER ';')`;
      const copy = (statement: string) => (database.pglite ? database.pglite.query(statement, [], { blob: new Blob([bytes]) }) : database.query(statement));
      await database.query('CREATE UNLOGGED TABLE bench_import_staging (LIKE bench_import_raw)');
      // The import last: the integrity checks below read what it left.
      const contestants: Record<'setBased' | 'copy' | 'import', Contestant> = {
        setBased: {
          before: reset,
          run: async () => {
            await database.query('TRUNCATE bench_import_staging');
            await copy(copyInto('bench_import_staging'));
            await rawTransaction(database, (tx) => tx.query(SET_BASED_APPLY, [REGION]));
          },
        },
        copy: { before: () => database.query('TRUNCATE bench_import_raw'), run: () => copy(copyInto('bench_import_raw')) },
        import: { before: reset, run: () => importResults(ctx, systemActor(REGION, 'Resultatimport'), { fileName: 'results.csv', content: bytes, reportPath: join(dir, 'report.csv') }) },
      };
      const timings = await race(repeat, contestants, (round) => say(`round ${round} of ${repeat}…`));

      const answered = await count(database, 'SELECT count(*)::int AS n FROM samples WHERE result IS NOT NULL');
      // The messages are written by the outbox worker from the import's ResultsAnswered events: not part of
      // the import path, timed here once on its own.
      const fanOut = await time(() => new OutboxWorker(database, ctx.outbox).drain().then(() => undefined), { repeat: 1 });
      const messages = await count(database, "SELECT count(*)::int AS n FROM outbox WHERE topic LIKE 'message.%'");
      const events = await count(database, "SELECT count(*)::int AS n FROM outbox WHERE topic = 'testing.PositiveResultRegistered'");
      const expected = await expectedMessages(database);
      if (answered !== size || messages !== expected || events !== Math.ceil(size / 50)) throw new Error(`the import answered ${answered} samples with ${messages} messages and ${events} events, expected ${size}, ${expected}, ${Math.ceil(size / 50)}`);
      if ((await count(database, 'SELECT count(*)::int AS n FROM bench_import_raw')) !== size) throw new Error('COPY did not load every row');

      const m = (label: string, unit: string, timing: Timing): Measurement => ({ label, rows: size, unit, timing });
      const ours = m('results via importResults', 'results', timings.import);
      const setBased: BenchResult = { benchmark: 'import', target: target.name, ours, baseline: m('set-based SQL (COPY + UPDATE … FROM + INSERT … SELECT)', 'results', timings.setBased), notes: [SET_BASED_NOTE] };
      const result: BenchResult = {
        benchmark: 'import',
        target: target.name,
        ours,
        baseline: m('COPY (bare table)', 'rows', timings.copy),
        notes: [
          `${formatInt(size)} results for registered samples, ~2 % positive, 1,000-row batches (one transaction each); per result: sample update (and the weekly counters' trigger), an audit row, a report line, an event per positive; per batch one testing.ResultsAnswered event`,
          `afterwards the outbox worker wrote the ${formatInt(messages)} messages (1177 inbox, SMS, e-mail) from those events in ${formatMs(fanOut.best)} (not in the ratio)`,
          database.pglite ? "COPY … FROM '/dev/blob', CSV built before the timed part" : 'server-side COPY FROM a file in /tmp; no key, index or constraint on the bare table',
        ],
      };
      return [setBased, result];
    } finally {
      rmSync(dir, { recursive: true, force: true });
      await database.close();
    }
  },
};

export default benchmark;
