/**
 * The weekly report to Folkhälsomyndigheten (tests, distinct people, results per week, test type and
 * provider group, read from the counters that triggers on samples maintain) against the plainest
 * count(*) … GROUP BY over the samples themselves, on a region holding a year of samples (3 million at
 * --size 1 on PostgreSQL). The samples are written in one statement, so the triggers' cost is in the load.
 */
import { aggregateWeeks } from '../src/testing/statistics/weekly.js';
import { formatInt, formatMs, race, type Benchmark, type BenchResult, type Measurement, type Timing } from './lib.js';

const REGION = '18';
const SERVER_ROWS = 3_000_000;
/** PGlite is single-process and in memory: a tenth of the rows. */
const PGLITE_ROWS = 300_000;
const RANGES = [
  { label: '10 weeks', from: '2021-W40', to: '2021-W49' },
  { label: 'the whole year', from: '2021-W01', to: '2021-W52' },
];

const benchmark: Benchmark = {
  name: 'weekly-report',
  async run(target, { scale, repeat }) {
    const rows = Math.max(1000, Math.round((target.name === 'postgres' ? SERVER_ROWS : PGLITE_ROWS) * scale));
    const say = (m: string) => process.stderr.write(`  weekly-report on ${target.name}: ${m}\n`);
    say('opening a fresh database…');
    const database = await target.open();
    try {
      say(`writing ${formatInt(rows)} samples over 2021…`);
      // The samples' people are in the register (the samples' foreign key asks for it).
      const people = Math.min(300_000, rows);
      await database.query(
        `INSERT INTO persons (region_id, id, given_name, family_name, synthetic)
         SELECT $1, ('00000000-0000-4000-8000-' || lpad(to_hex(i), 12, '0'))::uuid, 'Bench', 'Person' || i, true FROM generate_series(0, $2::int - 1) i`,
        [REGION, people],
      );
      // Indexes the report does not use are built after the load (much faster than row by row).
      await database.query('DROP INDEX samples_person_idx');
      await database.query('DROP INDEX samples_pending_idx');
      await database.query(
        `INSERT INTO samples (region_id, person_id, test_type, collection, provider, taken_at, taken_week, result)
         SELECT $1, ('00000000-0000-4000-8000-' || lpad(to_hex((hashint4(i) & 2147483647) % $3::int), 12, '0'))::uuid,
           (ARRAY['pcr','pcr','pcr','pcr','pcr','pcr','pcr','antigen','antigen','serology'])[1 + i % 10],
           CASE WHEN i % 3 = 0 THEN 'self' ELSE 'staff' END,
           CASE WHEN i % 13 = 0 THEN 'Privat vårdgivare AB' END,
           t, to_char(t AT TIME ZONE 'Europe/Stockholm', 'IYYY-"W"IW'),
           CASE WHEN i % 20 = 0 THEN 'positive' WHEN i % 97 = 0 THEN 'not_assessable' WHEN i % 211 = 0 THEN NULL ELSE 'negative' END
         FROM (SELECT i, timestamptz '2021-01-04 00:00+01' + (i * (interval '364 days' / $2::int)) AS t FROM generate_series(1, $2::int) i) s`,
        [REGION, rows, people],
      );
      await database.query('CREATE INDEX samples_person_idx ON samples (region_id, person_id, taken_at)');
      await database.query('CREATE INDEX samples_pending_idx ON samples (region_id, received_at) WHERE result IS NULL');
      await database.query('VACUUM ANALYZE samples');

      const results: BenchResult[] = [];
      for (const range of RANGES) {
        const [{ n }] = (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM samples WHERE region_id = $1 AND taken_week BETWEEN $2 AND $3', [REGION, range.from, range.to])) as [{ n: number }];
        say(`${range.label} (${formatInt(n)} samples): round 1 of ${repeat}…`);
        const timings = await race(repeat, {
          report: { run: () => aggregateWeeks(database.db, [REGION], range.from, range.to) },
          baseline: {
            run: () =>
              database.query('SELECT region_id, taken_week, test_type, count(*) FROM samples WHERE region_id = $1 AND taken_week BETWEEN $2 AND $3 GROUP BY region_id, taken_week, test_type', [
                REGION,
                range.from,
                range.to,
              ]),
          },
        }, (round) => round > 1 && say(`${range.label}: round ${round} of ${repeat}…`));
        const m = (label: string, timing: Timing): Measurement => ({ label, rows: n, unit: 'samples', timing });
        results.push({
          benchmark: 'weekly-report',
          target: target.name,
          ours: m(`weekly report, ${range.label}`, timings.report),
          baseline: m(`count(*) GROUP BY, ${range.label}`, timings.baseline),
          notes: [
            `${formatInt(rows)} samples in the region over 2021, ${formatInt(n)} in the range; report best ${formatMs(timings.report.best)}, baseline best ${formatMs(timings.baseline.best)}`,
            'the report reads the weekly counters that triggers on samples keep (tests, distinct people, results, provider groups); the baseline counts the samples themselves, index-only',
          ],
        });
      }
      return results;
    } finally {
      await database.close();
    }
  },
};

export default benchmark;
