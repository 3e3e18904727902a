/**
 * Cluster detection (`detectClusters` in src/tracing/clusters.ts: gaps and islands over
 * tracing_case_settings, cases at one setting no more than 14 days apart, at least 3) over a year of
 * cases, against a plain count(DISTINCT case_id) … GROUP BY kind, key of the same settings, on the same
 * database in the same run. 1,000,000 cases over 2021 at --size 1 on PostgreSQL (PGlite: a tenth), each
 * with one or two settings, some of them dense outbreaks, and about five contacts per case.
 */
import { sql, type SQL } from 'drizzle-orm';
import type { Database, Db } from '../src/platform/db/client.js';
import { detectClusters } from '../src/tracing/clusters.js';
import { formatInt, race, type Benchmark, type Measurement, type Timing } from './lib.js';
import { caseCount, explain, ms, loadCases, loadContacts, loadWithoutIndexes, openCount, REGION } from './tracing-queue.bench.js';

/** Settings per 100,000 cases: the density (about 7.5 case settings per setting a year) is the same at every size. */
const SETTINGS_PER_100K_CASES = 20_000;
/** One case in 33 belongs to an outbreak: its first setting is the outbreak's, its date within 10 days of the start. */
const OUTBREAK_EVERY = 33;
/** Cases per outbreak, on average. */
const OUTBREAK_SIZE = 15;
const KINDS = ['school_class', 'workplace', 'care_home', 'home_care', 'association'];
const OPTS = { windowDays: 14, minCases: 3, since: '2021-01-01' };

const H = (expr: string) => `(hashint4(${expr}) & 2147483647)`;

/**
 * One or two settings per case (half the cases have a second one, of another kind), among `keys`
 * settings spread evenly over five kinds; dates over 2021 in case order, a few days before the case.
 * Keys look like the real ones: 'unit:<uuid>' (':<class>' for a school class) or 'name:<text>'.
 */
export async function loadSettings(database: Database, cases: number, keys: number): Promise<number> {
  const perKind = Math.max(1, Math.floor(keys / KINDS.length));
  const outbreaks = Math.max(1, Math.round(cases / OUTBREAK_EVERY / OUTBREAK_SIZE));
  await loadWithoutIndexes(database, ['tracing_case_settings'], () =>
    database.query(
      `INSERT INTO tracing_case_settings (region_id, case_id, kind, key, label, unit_id, school_class, exposure_date)
       SELECT $1, md5('case' || i)::uuid, kinds[1 + kind_no],
         CASE WHEN kind_no = 4 THEN 'name:förening ' || idx ELSE 'unit:' || md5(kinds[1 + kind_no] || idx)::uuid || CASE WHEN kind_no = 0 THEN ':' || (1 + idx % 9) || chr(97 + idx % 4) ELSE '' END END,
         initcap(replace(kinds[1 + kind_no], '_', ' ')) || ' ' || idx, CASE WHEN kind_no <> 4 THEN md5(kinds[1 + kind_no] || idx)::uuid END,
         CASE WHEN kind_no = 0 THEN (1 + idx % 9) || chr(65 + idx % 4) END, day
       FROM (
         SELECT i, kind_no, $6::text[] AS kinds,
           CASE WHEN outbreak IS NOT NULL THEN ${H('outbreak + 17')} % $4::int ELSE ${H('i * 2 + slot')} % $4::int END AS idx,
           CASE WHEN outbreak IS NOT NULL THEN date '2021-01-01' + ${H('outbreak + 31')} % 350 + ${H('i')} % 10
             ELSE date '2021-01-01' + ((i - 1)::bigint * 361 / $2::int)::int + ${H('i + 5')} % 4 END AS day
         FROM (
           SELECT i, slot, outbreak, CASE WHEN slot = 1 THEN kind1 ELSE (kind1 + 1 + ${H('-i')} % 4) % 5 END AS kind_no
           FROM (SELECT i, slot, CASE WHEN slot = 1 AND i % $5::int = 0 THEN ${H('i + 3')} % $3::int END AS outbreak,
                   CASE WHEN i % $5::int = 0 THEN (${H('i + 3')} % $3::int) % 5 ELSE ${H('i')} % 5 END AS kind1
                 FROM generate_series(1, $2::int) i CROSS JOIN generate_series(1, 2) slot
                 WHERE slot = 1 OR ${H('-i')} % 2 = 0) a) b) c`,
      [REGION, cases, outbreaks, perKind, OUTBREAK_EVERY, KINDS],
    ).then(() => {}),
  );
  return (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM tracing_case_settings WHERE region_id = $1', [REGION]))[0]!.n;
}

const BASELINE_SQL = `SELECT kind, key, count(DISTINCT case_id) AS cases FROM tracing_case_settings WHERE region_id = $1 AND exposure_date >= $2::date
  GROUP BY kind, key HAVING count(DISTINCT case_id) >= $3`;

const benchmark: Benchmark = {
  name: 'tracing-clusters',
  async run(target, { scale, repeat }) {
    const cases = caseCount(target.name, scale);
    const keys = Math.max(100, Math.round((cases / 100_000) * SETTINGS_PER_100K_CASES));
    const say = (m: string) => process.stderr.write(`  tracing-clusters on ${target.name}: ${m}\n`);
    say('opening a fresh database…');
    const database = await target.open();
    try {
      let t0 = performance.now();
      say(`writing ${formatInt(cases)} cases…`);
      await loadCases(database, cases, openCount(cases, scale));
      say(`… in ${ms(performance.now() - t0)}; writing their settings among ${formatInt(keys)} settings…`);
      t0 = performance.now();
      const settings = await loadSettings(database, cases, keys);
      say(`… ${formatInt(settings)} case settings in ${ms(performance.now() - t0)}; writing about ${formatInt(cases * 5)} contacts…`);
      t0 = performance.now();
      const contacts = await loadContacts(database);
      say(`… ${formatInt(contacts)} contacts in ${ms(performance.now() - t0)}`);

      const ours = () => detectClusters(database.db, REGION, OPTS);
      const plain = () => database.query<{ kind: string; key: string; cases: number }>(BASELINE_SQL, [REGION, OPTS.since, OPTS.minCases]);
      say('warming up (one untimed run each)…');
      const clusters = await ours();
      const groups = await plain();
      const inClusters = clusters.reduce((n, c) => n + c.cases, 0);
      const biggest = clusters[0]?.cases ?? 0;
      say(`${formatInt(clusters.length)} clusters (${formatInt(inClusters)} case settings in them, the largest ${biggest} cases); the plain grouping: ${formatInt(groups.length)} settings with ≥ ${OPTS.minCases} cases`);
      if (clusters.length === 0 || groups.length < new Set(clusters.map((c) => `${c.kind}|${c.key}`)).size) throw new Error('the clusters and the plain grouping do not fit together');

      say(`timing, best of ${repeat}…`);
      const t = await race(repeat, { ours: { run: ours }, plain: { run: plain } }, (round) => say(`round ${round} of ${repeat}…`));

      // For the record: how the database runs both (ANALYZE executes them once more, untimed). detectClusters'
      // own statement is explained by handing it a handle whose execute() prefixes EXPLAIN.
      let plan: string[] = [];
      const explaining = {
        execute: async (q: SQL) => {
          const r = (await database.db.execute(sql`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${q}`)) as unknown as { rows: { 'QUERY PLAN': string }[] };
          plan = r.rows.map((row) => row['QUERY PLAN']);
          return { rows: [] };
        },
      } as unknown as Db;
      await detectClusters(explaining, REGION, OPTS);
      say(`plan of detectClusters:\n      ${plan.join('\n      ')}`);
      say(`plan of the plain grouping:\n      ${(await explain(database, BASELINE_SQL, [REGION, OPTS.since, OPTS.minCases])).join('\n      ')}`);

      const m = (label: string, timing: Timing): Measurement => ({ label, rows: settings, unit: 'settings', timing });
      return [
        {
          benchmark: 'tracing-clusters',
          target: target.name,
          ours: m('detectClusters, 2021', t.ours),
          baseline: m('count(DISTINCT) GROUP BY kind, key', t.plain),
          notes: [
            `${formatInt(cases)} cases over 2021, ${formatInt(settings)} case settings among ${formatInt(keys)} settings (1 case in ${OUTBREAK_EVERY} in an outbreak of about ${OUTBREAK_SIZE} within 10 days), ${formatInt(contacts)} contacts; window ${OPTS.windowDays} days, at least ${OPTS.minCases} cases`,
            `detectClusters best ${ms(t.ours.best)}, ${formatInt(clusters.length)} clusters (largest ${biggest} cases, ${formatInt(inClusters)} cases in all); plain grouping best ${ms(t.plain.best)}, ${formatInt(groups.length)} settings with at least ${OPTS.minCases} cases`,
            'detectClusters sorts each setting\'s cases by date, splits them where the gap exceeds the window (two window functions), groups the islands and returns every cluster\'s case ids, labels and dates; the baseline counts distinct cases per setting over the whole year (no dates, no ids, no islands)',
          ],
        },
      ];
    } finally {
      await database.close();
    }
  },
};

export default benchmark;
