/**
 * Ready for the distributed engine (README, "Scaling"): every table with personal or operational data can be
 * distributed by `region_id`. Two checks:
 *
 * 1. The schema, read from the migrated database: a table without `region_id` is a declared reference table;
 *    a table with it has `region_id` in its primary key, in every unique index, and in every foreign key to
 *    another distributed table. The README's count of distributed tables is the real one.
 * 2. The queries, by a static check of the source (not EXPLAIN: most store queries need state the test data
 *    does not have): every raw `sql` template that reads, changes or deletes a distributed table, and every
 *    drizzle `select … from`, `update` and `delete` of one, names the region, in its own text or in a variable
 *    of the same file it uses (`where`, `conds`, a scope), unless its function is a declared cross-region read.
 *    Inserts are left out: `region_id` is NOT NULL in every distributed table, so each row names its region.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CROSS_REGION_QUERIES, REFERENCE_TABLES } from '../src/platform/db/distribution.js';
import { setupTest, type TestEnv } from './harness.js';

let env: TestEnv;
beforeAll(async () => {
  env = await setupTest();
});
afterAll(() => env.close());

interface TableKeys {
  table: string;
  hasRegion: boolean;
}

const tables = () =>
  env.database.query<TableKeys>(`SELECT c.relname AS table, EXISTS (SELECT 1 FROM pg_attribute a WHERE a.attrelid = c.oid AND a.attname = 'region_id' AND NOT a.attisdropped) AS "hasRegion"
    FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relkind IN ('r', 'p') AND c.relname NOT LIKE '\\_\\_%' ORDER BY 1`);

const distributedTables = async () => (await tables()).filter((t) => t.hasRegion && !(t.table in REFERENCE_TABLES)).map((t) => t.table);

describe('the schema distributes by region_id', () => {
  it('has region_id in every table but the declared reference tables, and every reference table exists', async () => {
    const all = await tables();
    expect(all.filter((t) => !t.hasRegion && !(t.table in REFERENCE_TABLES)).map((t) => t.table)).toEqual([]);
    expect(Object.keys(REFERENCE_TABLES).filter((r) => !all.some((t) => t.table === r))).toEqual([]);
  });

  it('leads with region_id in every primary key, unique index and foreign key between distributed tables', async () => {
    const distributed = await distributedTables();
    const problems = await env.database.query<{ problem: string }>(
      `WITH dist AS (SELECT c.oid, c.relname FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace WHERE n.nspname = 'public' AND c.relname = ANY($1::text[])),
       has_region AS (SELECT a.attrelid, a.attnum FROM pg_attribute a WHERE a.attname = 'region_id')
       SELECT d.relname || ': no primary key' AS problem FROM dist d WHERE NOT EXISTS (SELECT 1 FROM pg_constraint k WHERE k.conrelid = d.oid AND k.contype = 'p')
       UNION ALL
       SELECT d.relname || ': unique index ' || i.indexrelid::regclass::text || ' lacks region_id' FROM dist d JOIN pg_index i ON i.indrelid = d.oid AND i.indisunique
         WHERE NOT EXISTS (SELECT 1 FROM has_region h WHERE h.attrelid = d.oid AND h.attnum = ANY(i.indkey))
       UNION ALL
       SELECT d.relname || ': foreign key ' || k.conname || ' lacks region_id' FROM dist d JOIN pg_constraint k ON k.conrelid = d.oid AND k.contype = 'f' JOIN dist r ON r.oid = k.confrelid
         WHERE NOT EXISTS (SELECT 1 FROM has_region h WHERE h.attrelid = d.oid AND h.attnum = ANY(k.conkey))
       UNION ALL
       SELECT c.relname || ': reference table with a foreign key to the distributed ' || r.relname FROM pg_constraint k JOIN pg_class c ON c.oid = k.conrelid JOIN dist r ON r.oid = k.confrelid
         WHERE k.contype = 'f' AND c.relname <> ALL($1::text[])`,
      [distributed],
    );
    expect(problems.map((p) => p.problem)).toEqual([]);
  });

  it('has as many distributed tables as the README says', async () => {
    const distributed = await distributedTables();
    const readme = readFileSync('README.md', 'utf8');
    expect(readme).toContain(`**${distributed.length} distributed tables**`);
    for (const reference of Object.keys(REFERENCE_TABLES)) expect(readme).toContain(`\`${reference}\``);
  });
});

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((f) => {
    const path = join(dir, f);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return path.endsWith('.ts') && !path.includes('.test.') && !path.endsWith('.d.ts') ? [path] : [];
  });
}

const sources = () => sourceFiles('src').map((path) => ({ path: relative('.', path), text: readFileSync(path, 'utf8') }));

/** Every raw or drizzle query of a distributed table whose text, and the variables it uses, never name the region. */
function queriesWithoutRegion(files: { path: string; text: string }[], distributed: Set<string>): string[] {
  const tableOf = new Map<string, string>();
  for (const f of sources()) for (const m of f.text.matchAll(/export const (\w+) = pgTable\(\s*'(\w+)'/g)) tableOf.set(m[1]!, m[2]!);
  const namesRegion = (text: string) => /region_?id/i.test(text);
  const found: string[] = [];
  for (const file of files) {
    const source = ts.createSourceFile(file.path, file.text, ts.ScriptTarget.Latest, true);
    // What each variable of the file is initialised or pushed with, so `where`, `conds` and scopes count.
    const values = new Map<string, string>();
    const collect = (n: ts.Node) => {
      if (ts.isVariableDeclaration(n) && ts.isIdentifier(n.name) && n.initializer) values.set(n.name.text, (values.get(n.name.text) ?? '') + n.initializer.getText());
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && n.expression.name.text === 'push' && ts.isIdentifier(n.expression.expression)) {
        const name = n.expression.expression.text;
        values.set(name, (values.get(name) ?? '') + n.arguments.map((a) => a.getText()).join());
      }
      ts.forEachChild(n, collect);
    };
    collect(source);
    const regionIn = (node: ts.Node) => {
      if (namesRegion(node.getText())) return true;
      let named = false;
      const look = (n: ts.Node) => {
        if (ts.isIdentifier(n) && namesRegion(values.get(n.text) ?? '')) named = true;
        ts.forEachChild(n, look);
      };
      look(node);
      return named;
    };
    const functionOf = (n: ts.Node): string => {
      for (let p: ts.Node | undefined = n; p; p = p.parent) if ((ts.isFunctionDeclaration(p) || ts.isMethodDeclaration(p)) && p.name) return p.name.getText();
      return '(top level)';
    };
    const report = (n: ts.Node, what: string) => {
      const key = `${file.path} ${functionOf(n)}`;
      if (!(key in CROSS_REGION_QUERIES)) found.push(`${key} (line ${source.getLineAndCharacterOfPosition(n.getStart()).line + 1}): ${what}`);
    };
    const visit = (n: ts.Node) => {
      if (ts.isTaggedTemplateExpression(n) && n.tag.getText() === 'sql') {
        const text = n.template.getText();
        const table = [...text.matchAll(/\b(?:FROM|JOIN|UPDATE|DELETE\s+FROM|TRUNCATE)\s+(\w+)/gi)].map((m) => m[1]!).find((t) => distributed.has(t));
        if (table && !regionIn(n)) report(n, `sql … ${table}`);
      }
      if (ts.isCallExpression(n) && ts.isPropertyAccessExpression(n.expression) && ['from', 'update', 'delete', 'innerJoin', 'leftJoin'].includes(n.expression.name.text) && n.arguments.length >= 1 && ts.isIdentifier(n.arguments[0]!)) {
        const table = tableOf.get(n.arguments[0]!.text);
        if (table && distributed.has(table)) {
          let chain: ts.Node = n;
          while (chain.parent && (ts.isPropertyAccessExpression(chain.parent) || ts.isCallExpression(chain.parent) || ts.isAwaitExpression(chain.parent) || ts.isNonNullExpression(chain.parent))) chain = chain.parent;
          if (!regionIn(chain)) report(n, `${n.expression.name.text}(${table})`);
        }
      }
      ts.forEachChild(n, visit);
    };
    visit(source);
  }
  return found;
}

describe('every query of a distributed table names the region', () => {
  it('finds no query without a region filter outside the declared cross-region reads', async () => {
    expect(queriesWithoutRegion(sources(), new Set(await distributedTables()))).toEqual([]);
  });

  it.each([
    ['a raw query without the region', 'src/probe.ts', 'export async function f(tx, id) { return tx.execute(sql`SELECT * FROM samples WHERE id = ${id}`); }', ['src/probe.ts f (line 1): sql … samples']],
    ['a raw query with it', 'src/probe.ts', 'export async function f(tx, r, id) { return tx.execute(sql`SELECT * FROM samples WHERE region_id = ${r} AND id = ${id}`); }', []],
    ['a builder query without the region', 'src/probe.ts', 'export async function f(tx, id) { return tx.select().from(samples).where(eq(samples.id, id)); }', ['src/probe.ts f (line 1): from(samples)']],
    ['a builder query with it in a variable', 'src/probe.ts', 'export async function f(tx, r, id) { const where = and(eq(samples.regionId, r), eq(samples.id, id)); return tx.update(samples).set({}).where(where); }', []],
    ['a declared cross-region read', 'src/certificates/verification.ts', 'export async function revocationList(tx) { return tx.select().from(certificates); }', []],
    ['the same read anywhere else', 'src/probe.ts', 'export async function revocationList(tx) { return tx.select().from(certificates); }', ['src/probe.ts revocationList (line 1): from(certificates)']],
  ])('reports %s as it should', async (_, path, text, expected) => {
    expect(queriesWithoutRegion([{ path, text }], new Set(await distributedTables()))).toEqual(expected);
  });
});
