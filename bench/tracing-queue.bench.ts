/**
 * The tracers' work queue (`queue()` in src/tracing/service.ts: open cases by priority and first-call
 * deadline, keyset pages on tracing_cases_queue_idx, names from the person register, one audit row per
 * listed case) and a case's contact list (`contactsOfCases` in src/tracing/contacts.ts), against the
 * plainest SELECT of the same rows, on a region holding a year of cases: 1,000,000 cases of which 10,000
 * open, and about 5,000,000 contacts, at --size 1 on PostgreSQL (PGlite: a tenth of the cases and
 * contacts, the same 10,000 open cases). The loaders are exported for bench/tracing-clusters.bench.ts.
 */
import { createContext } from '../src/app.js';
import type { Actor } from '../src/platform/auth/actor.js';
import { loadConfig } from '../src/platform/config.js';
import type { Database } from '../src/platform/db/client.js';
import { contactsOfCases } from '../src/tracing/contacts.js';
import { queue, queueCursorAfter } from '../src/tracing/service.js';
import { formatInt, formatMs, race, type Benchmark, type BenchResult, type Measurement, type Timing } from './lib.js';

export const REGION = '18';
/** Cases over 2021 at --size 1; PGlite is single-process and in memory: a tenth. */
export const DEFAULT_CASES = { postgres: 1_000_000, pglite: 100_000 } as const;
/** Open cases at --size 1 on either target (the queue's depth is what the 200 ms requirement is about). */
const DEFAULT_OPEN = 10_000;
const PAGE = 50;
const DEEP_PAGE = 100;
/** The queue and the contact list take milliseconds: more rounds than the long benchmarks, best counts. */
const SHORT_ROUNDS = 5;

/** Milliseconds, with a decimal below 10 ms. */
export const ms = (t: number) => (t < 10 ? `${t.toFixed(1)} ms` : formatMs(t));

const HASH = (expr: string) => `(hashint4(${expr}) & 2147483647)`;

export const caseCount = (target: 'postgres' | 'pglite', scale: number) => Math.max(2_000, Math.round(DEFAULT_CASES[target] * scale));
export const openCount = (cases: number, scale: number) => Math.min(Math.floor(cases / 2), Math.max(PAGE * 4, Math.round(DEFAULT_OPEN * scale)));

/** A tracer id, `md5('staff' || k)`, k = 0 … 5; staff 0 is the benchmark's actor. */
const staffId = (k: number) => `md5('staff' || ${k})::uuid`;

/**
 * Drops the tables' keys and indexes (and the foreign keys into and out of them, which depend on the keys),
 * runs `load`, then puts them back exactly as they were (from the catalogue; the foreign keys last, which
 * checks every loaded row) and VACUUM ANALYZEs: building a btree once is far quicker than maintaining it row by row.
 */
export async function loadWithoutIndexes(database: Database, tables: string[], load: () => Promise<void>): Promise<void> {
  const restore: string[] = [];
  const drop: string[] = [];
  const foreignKeys = await database.query<{ name: string; owner: string; def: string }>(
    `SELECT DISTINCT conname AS name, conrelid::regclass::text AS owner, pg_get_constraintdef(oid) AS def FROM pg_constraint
      WHERE contype = 'f' AND (conrelid = ANY($1::regclass[]) OR confrelid = ANY($1::regclass[])) ORDER BY 1`,
    [tables],
  );
  for (const f of foreignKeys) drop.push(`ALTER TABLE ${f.owner} DROP CONSTRAINT "${f.name}"`);
  for (const table of tables) {
    const constraints = await database.query<{ name: string; def: string }>(
      `SELECT conname AS name, pg_get_constraintdef(oid) AS def FROM pg_constraint WHERE conrelid = $1::regclass AND contype IN ('p', 'u') ORDER BY contype, conname`,
      [table],
    );
    const indexes = await database.query<{ name: string; def: string }>(
      `SELECT indexname AS name, indexdef AS def FROM pg_indexes WHERE schemaname = 'public' AND tablename = $1
         AND indexname NOT IN (SELECT conname FROM pg_constraint WHERE conrelid = $1::regclass) ORDER BY indexname`,
      [table],
    );
    for (const i of indexes) drop.push(`DROP INDEX "${i.name}"`);
    for (const c of constraints) drop.push(`ALTER TABLE ${table} DROP CONSTRAINT "${c.name}"`);
    for (const c of constraints) restore.push(`ALTER TABLE ${table} ADD CONSTRAINT "${c.name}" ${c.def}`);
    for (const i of indexes) restore.push(i.def);
  }
  for (const f of foreignKeys) restore.push(`ALTER TABLE ${f.owner} ADD CONSTRAINT "${f.name}" ${f.def}`);
  for (const s of drop) await database.query(s);
  await load();
  for (const s of restore) await database.query(s);
  for (const table of tables) await database.query(`VACUUM ANALYZE ${table}`);
}

/**
 * `cases` cases in the region, case i with id md5('case' || i) and person md5('person' || i). The first
 * ones are closed and spread over 2021; the last `open` ones are open, opened over the last five days
 * (priorities 1–4: 10 / 20 / 10 / 60 %, deadlines 4–48 h after opening, 30 % assigned to one of five
 * tracers, a fifth already called). Also the persons behind the cases and six tracers.
 */
export async function loadCases(database: Database, cases: number, open: number): Promise<void> {
  await database.query(
    `INSERT INTO staff (region_id, id, name, role, synthetic) SELECT $1, md5('staff' || k)::uuid, 'Smittspårare ' || k, 'tracer', true FROM generate_series(0, 5) k`,
    [REGION],
  );
  // Every case's person is in the register (the cases' foreign key asks for it).
  await database.query(
    `INSERT INTO persons (region_id, id, given_name, family_name, birth_date, legal_sex, phone, synthetic)
     SELECT $1, md5('person' || i)::uuid, (ARRAY['Anna', 'Erik', 'Maria', 'Lars', 'Sara', 'Karl'])[1 + i % 6], 'Bench' || i,
       date '1950-01-01' + (i % 20000), CASE WHEN i % 2 = 0 THEN 'female' ELSE 'male' END, '070' || lpad((i % 10000000)::text, 7, '0'), true
     FROM generate_series(1, $2::int) i`,
    [REGION, cases],
  );
  await loadWithoutIndexes(database, ['tracing_cases'], () =>
    database.query(
      `INSERT INTO tracing_cases (region_id, id, person_id, source_sample_id, positive_taken_at, result_at, opened_at, status, priority, priority_reason,
         questionnaire_due_at, first_call_due_at, first_call_at, assigned_to, closed_at, closed_by, questionnaire_sent_at, contacts_informed_by)
       SELECT $1, md5('case' || i)::uuid, md5('person' || i)::uuid, md5('sample' || i)::uuid, opened - interval '26 hours', opened - interval '2 hours', opened,
         CASE WHEN is_open THEN 'open' ELSE 'closed' END, prio, (ARRAY['vård och omsorg', 'skola', 'utbrott', 'övriga'])[prio],
         opened + interval '1 day', opened + (ARRAY[interval '4 hours', interval '24 hours', interval '24 hours', interval '48 hours'])[prio],
         CASE WHEN NOT is_open OR h % 5 = 0 THEN opened + interval '3 hours' END,
         CASE WHEN NOT is_open OR h % 10 < 3 THEN md5('staff' || (1 + h % 5))::uuid END,
         CASE WHEN NOT is_open THEN opened + interval '10 days' END, CASE WHEN NOT is_open THEN md5('staff' || (1 + h % 5))::uuid END,
         opened + interval '5 minutes', CASE WHEN NOT is_open THEN 'index' END
       FROM (SELECT i, is_open, h,
           CASE WHEN NOT is_open THEN 4 - (h / 7) % 4 WHEN h % 100 < 10 THEN 1 WHEN h % 100 < 30 THEN 2 WHEN h % 100 < 40 THEN 3 ELSE 4 END AS prio,
           CASE WHEN is_open THEN date_trunc('minute', now()) - (h % 7200) * interval '1 minute'
             ELSE timestamptz '2021-01-01 08:00+01' + (i * (interval '360 days' / $2::int)) END AS opened
         FROM (SELECT i, i > $2::int - $3::int AS is_open, ${HASH('i')} AS h FROM generate_series(1, $2::int) i) g) s`,
      [REGION, cases, open],
    ).then(() => {}),
  );
  await database.query('ANALYZE persons');
}

/**
 * About five contacts per case (1–9, contiguous per case as one questionnaire writes them): household
 * and close, a third linked to a person, half informed. Returns how many were written.
 */
export async function loadContacts(database: Database): Promise<number> {
  await loadWithoutIndexes(database, ['tracing_contacts'], () =>
    database.query(
      `INSERT INTO tracing_contacts (region_id, id, case_id, person_id, name, phone, relation, context, exposure_date, named_at, informed_at, informed_by)
       SELECT c.region_id, gen_random_uuid(), c.id, CASE WHEN k % 3 = 0 THEN ps.ids[1 + (hashtext(c.id::text || k) & 2147483647) % cardinality(ps.ids)] END,
         'Kontakt ' || k || ' ' || left(c.id::text, 8), CASE WHEN k % 4 <> 0 THEN '073' || lpad((${HASH('k + c.n * 16')} % 10000000)::text, 7, '0') END,
         CASE WHEN k <= 2 THEN 'household' ELSE 'close' END, CASE WHEN k > 2 THEN (ARRAY['arbete', 'skola', 'träning', 'fest'])[1 + k % 4] END,
         (c.positive_taken_at - interval '2 days')::date, c.opened_at + interval '3 hours',
         CASE WHEN k % 2 = 0 THEN c.opened_at + interval '4 hours' END, CASE WHEN k % 2 = 0 THEN 'system' END
       FROM (SELECT region_id, id, positive_taken_at, opened_at, 1 + (hashtext(id::text) & 2147483647) % 9 AS n FROM tracing_cases WHERE region_id = $1) c
       CROSS JOIN LATERAL generate_series(1, c.n) k
       CROSS JOIN (SELECT array_agg(id) AS ids FROM persons WHERE region_id = $1) ps`,
      [REGION],
    ).then(() => {}),
  );
  return (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM tracing_contacts WHERE region_id = $1', [REGION]))[0]!.n;
}

/** The plan of a statement, one line per node, for the progress output. */
export async function explain(database: Database, text: string, params: unknown[]): Promise<string[]> {
  const rows = await database.query<{ 'QUERY PLAN': string }>(`EXPLAIN (ANALYZE, BUFFERS, COSTS OFF) ${text}`, params);
  return rows.map((r) => r['QUERY PLAN']);
}

const QUEUE_SQL = `SELECT * FROM tracing_cases WHERE region_id = $1 AND status = 'open' ORDER BY priority, first_call_due_at, id`;

const benchmark: Benchmark = {
  name: 'tracing-queue',
  async run(target, { scale, repeat }) {
    const cases = caseCount(target.name, scale);
    const open = openCount(cases, scale);
    const deep = Math.min(DEEP_PAGE, Math.floor(open / PAGE));
    const rounds = repeat * SHORT_ROUNDS;
    const say = (m: string) => process.stderr.write(`  tracing-queue on ${target.name}: ${m}\n`);
    say('opening a fresh database…');
    const database = await target.open();
    try {
      let t0 = performance.now();
      say(`writing ${formatInt(cases)} cases (${formatInt(open)} open)…`);
      await loadCases(database, cases, open);
      say(`… in ${ms(performance.now() - t0)}; writing about ${formatInt(cases * 5)} contacts…`);
      t0 = performance.now();
      const contacts = await loadContacts(database);
      say(`… ${formatInt(contacts)} contacts in ${ms(performance.now() - t0)}`);

      const ctx = createContext(database, loadConfig({ logLevel: 'silent', demo: false }, {}));
      const [tracer] = await database.query<{ id: string; name: string }>(`SELECT id, name FROM staff WHERE region_id = $1 AND id = ${staffId(0)}`, [REGION]);
      const actor: Actor = { kind: 'staff', id: tracer!.id, name: tracer!.name, role: 'tracer', regionId: REGION };

      // The cursor queue() gives out at the end of page deep - 1.
      const [before] = await database.query<{ priority: number; first_call_due_at: string; id: string }>(`${QUEUE_SQL} OFFSET $2 LIMIT 1`, [REGION, (deep - 1) * PAGE - 1]);
      const cursor = queueCursorAfter({ priority: before!.priority, firstCallDueAt: before!.first_call_due_at, id: before!.id });

      const firstPage = () => queue(ctx, actor, { mine: false, limit: PAGE });
      const deepPage = () => queue(ctx, actor, { mine: false, limit: PAGE, cursor });
      const plainFirst = () => database.query<{ id: string }>(`${QUEUE_SQL} LIMIT $2`, [REGION, PAGE]);
      const plainDeep = () => database.query<{ id: string }>(`${QUEUE_SQL} OFFSET $2 LIMIT $3`, [REGION, (deep - 1) * PAGE, PAGE]);

      // Same rows, in the same order, from ours and the baseline (also warms both up, untimed).
      const sameIds = async (label: string, ours: Promise<{ cases: { id: string }[] }>, plain: Promise<{ id: string }[]>) => {
        const [a, b] = [(await ours).cases.map((c) => c.id), (await plain).map((r) => r.id)];
        if (a.length !== PAGE || a.join() !== b.join()) throw new Error(`${label}: queue() listed ${a.length} cases that differ from the plain SELECT's ${b.length}`);
      };
      await sameIds('first page', firstPage(), plainFirst());
      await sameIds(`page ${deep}`, deepPage(), plainDeep());
      const named = (await firstPage()).cases.filter((c) => c.name !== '').length;
      if (named !== PAGE) throw new Error(`queue() found the name of only ${named} of ${PAGE} listed cases`);

      // The case for the contact list: the first open case in the queue with at least five contacts.
      const [{ id: oneCase, n: oneCount } = { id: '', n: 0 }] = await database.query<{ id: string; n: number }>(
        `SELECT q.id, count(*)::int AS n FROM (${QUEUE_SQL} LIMIT 200) q JOIN tracing_contacts t ON t.region_id = q.region_id AND t.case_id = q.id
         GROUP BY q.id, q.priority, q.first_call_due_at HAVING count(*) >= 5 ORDER BY q.priority, q.first_call_due_at, q.id LIMIT 1`,
        [REGION],
      );
      if (!oneCase) throw new Error('no open case with five contacts among the first 200 in the queue');
      const pageCases = (await plainFirst()).map((r) => r.id);
      // Some of these contacts have been tested since: the list's status follows their samples.
      await database.query(
        `INSERT INTO samples (region_id, person_id, test_type, collection, taken_at, taken_week, result)
         SELECT t.region_id, t.person_id, 'pcr', 'self', t.named_at + interval '1 day', to_char(t.named_at + interval '1 day', 'IYYY-"W"IW'),
           CASE WHEN ${HASH('hashtext(t.id::text)')} % 4 = 0 THEN 'positive' WHEN ${HASH('hashtext(t.id::text)')} % 4 = 1 THEN NULL ELSE 'negative' END
         FROM tracing_contacts t JOIN tracing_cases c ON c.region_id = t.region_id AND c.id = t.case_id
         WHERE t.region_id = $1 AND c.status = 'open' AND t.person_id IS NOT NULL`,
        [REGION],
      );
      await database.query('ANALYZE samples');
      const pageCount = (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM tracing_contacts WHERE region_id = $1 AND case_id = ANY($2::uuid[])', [REGION, pageCases]))[0]!.n;
      const ourContacts = (ids: string[]) => () => contactsOfCases(database.db, REGION, ids, { reader: null });
      const plainContacts = (ids: string[]) => () => database.query('SELECT * FROM tracing_contacts WHERE region_id = $1 AND case_id = ANY($2::uuid[])', [REGION, ids]);
      for (const ids of [[oneCase], pageCases]) {
        const [a, b] = [await ourContacts(ids)(), await plainContacts(ids)()];
        if (a.length !== b.length) throw new Error(`contactsOfCases listed ${a.length} contacts, the plain SELECT ${b.length}`);
      }

      // How PostgreSQL runs the queue's two statements (ANALYZE executes them; printed for the record).
      const plans = {
        first: await explain(database, `${QUEUE_SQL} LIMIT 51`, [REGION]),
        deep: await explain(
          database,
          `SELECT * FROM tracing_cases WHERE region_id = $1 AND status = 'open' AND (priority, first_call_due_at, id) > ($2::int, $3::timestamptz, $4::uuid) ORDER BY priority, first_call_due_at, id LIMIT 51`,
          [REGION, before!.priority, before!.first_call_due_at, before!.id],
        ),
      };
      for (const [k, lines] of Object.entries(plans)) say(`plan of the queue's ${k === 'first' ? 'first page' : 'keyset page'}:\n      ${lines.join('\n      ')}`);
      const usesIndex = (lines: string[]) => lines.some((l) => l.includes('tracing_cases_queue_idx') && l.includes('Index'));

      say(`timing, best of ${rounds}…`);
      const t = await race(
        rounds,
        {
          first: { run: firstPage },
          plainFirst: { run: plainFirst },
          deep: { run: deepPage },
          plainDeep: { run: plainDeep },
          one: { run: ourContacts([oneCase]) },
          plainOne: { run: plainContacts([oneCase]) },
          page: { run: ourContacts(pageCases) },
          plainPage: { run: plainContacts(pageCases) },
        },
        (round) => round % SHORT_ROUNDS === 1 && say(`round ${round} of ${rounds}…`),
      );

      const m = (label: string, rows: number, unit: string, timing: Timing): Measurement => ({ label, rows, unit, timing });
      const volume = `${formatInt(cases)} cases in the region (${formatInt(open)} open), ${formatInt(contacts)} contacts`;
      const result = (ours: Measurement, baseline: Measurement, notes: string[]): BenchResult => ({ benchmark: 'tracing-queue', target: target.name, ours, baseline, notes });
      return [
        result(m('queue, first page', PAGE, 'cases', t.first), m('plain SELECT … LIMIT 50', PAGE, 'rows', t.plainFirst), [
          `${volume}; pages of ${PAGE}; first page: queue() best ${ms(t.first.best)} (requirement: under 200 ms on PostgreSQL), plain SELECT best ${ms(t.plainFirst.best)}; plan ${usesIndex(plans.first) ? 'uses' : 'does NOT use'} tracing_cases_queue_idx`,
          'queue() is one transaction: the page (keyset on tracing_cases_queue_idx), the names and phones from persons, the tracers\' names from staff, and 50 audit_log rows (one per listed case); the baseline is the page\'s SELECT alone, no transaction, no audit',
        ]),
        result(m(`queue, page ${deep} (cursor)`, PAGE, 'cases', t.deep), m(`plain SELECT … OFFSET ${formatInt((deep - 1) * PAGE)}`, PAGE, 'rows', t.plainDeep), [
          `${volume}; page ${deep}: queue() with the cursor of page ${deep - 1} best ${ms(t.deep.best)}, plain SELECT with OFFSET best ${ms(t.plainDeep.best)}; keyset plan ${usesIndex(plans.deep) ? 'uses' : 'does NOT use'} tracing_cases_queue_idx`,
          'queue() is one transaction: the page (keyset on tracing_cases_queue_idx), the names and phones from persons, the tracers\' names from staff, and 50 audit_log rows (one per listed case); the baseline is the page\'s SELECT alone, no transaction, no audit',
        ]),
        result(m('contactsOfCases, one case', oneCount, 'contacts', t.one), m('plain SELECT contacts, one case', oneCount, 'rows', t.plainOne), [
          `${volume}; ${oneCount} contacts of one open case: contactsOfCases best ${ms(t.one.best)}, plain SELECT best ${ms(t.plainOne.best)}`,
          'contactsOfCases also looks up each linked contact\'s latest sample since exposure (samples_person_idx; only the open cases\' linked contacts have samples here) and sorts; the baseline reads the contacts by tracing_contacts_case_idx only',
        ]),
        result(m('contactsOfCases, 50 cases', pageCount, 'contacts', t.page), m('plain SELECT contacts, 50 cases', pageCount, 'rows', t.plainPage), [
          `${volume}; ${pageCount} contacts of the first page's ${PAGE} cases: contactsOfCases best ${ms(t.page.best)}, plain SELECT best ${ms(t.plainPage.best)}`,
          'contactsOfCases also looks up each linked contact\'s latest sample since exposure (samples_person_idx; only the open cases\' linked contacts have samples here) and sorts; the baseline reads the contacts by tracing_contacts_case_idx only',
        ]),
      ];
    } finally {
      await database.close();
    }
  },
};

export default benchmark;
