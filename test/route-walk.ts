import { createHash } from 'node:crypto';
import fc from 'fast-check';
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll } from 'vitest';
import { loadDemo } from '../src/demo.js';
import { permissions, type Permission } from '../src/platform/auth/permissions.js';
import { roles, type Role } from '../src/platform/auth/roles.js';
import { citizenActor, loginCookie, newStaff, setupTest, type TestEnv } from './harness.js';
import { asUrlText, type IdPools, type JsonSchema } from './hostile-values.js';

/**
 * What the route walks share: every operation of the OpenAPI document with the roles that may call it,
 * a small demo region (18) with a second one (03) beside it on the same database, a logged-in cookie
 * per role, and ids of both regions' rows by table.
 */
export interface Operation {
  method: string;
  path: string;
  parameters: { in: string; name: string; required?: boolean; schema: JsonSchema }[];
  body?: JsonSchema;
  roles: Caller[];
}
export type Caller = Role | 'anonymous';

export interface Walk {
  env: TestEnv;
  ops: Operation[];
  pools: IdPools;
  cookies: Map<Caller, string>;
  send(op: Operation, caller: Caller, values: unknown[], body: unknown): Promise<LightMyRequestResponse>;
}

export const OTHER_REGION = '03';

/** The walks' seed: fixed, so a failure replays; LB_WALK_SEED tries another. */
export const WALK_SEED = Number(process.env.LB_WALK_SEED ?? 20211207);

/** The walk of one test file: set up before its tests, closed after them. */
export function walkForThisFile(): () => Walk {
  let walk: Walk | undefined;
  beforeAll(async () => {
    walk = await setupWalk();
  }, 600_000);
  afterAll(() => walk?.env.close());
  return () => walk!;
}

// Logging out ends the walker's own session; it is tested on its own in access.int.test.ts.
const skipped = new Set(['POST /api/auth/logout']);

export async function setupWalk(): Promise<Walk> {
  const env = await setupTest({ config: { rateLimitPerMinute: 1_000_000 } });
  const now = env.ctx.clock.now();
  await loadDemo(env.database, { regionId: env.ctx.config.regionId, size: 400, seed: 11, now });
  await loadDemo(env.database, { regionId: OTHER_REGION, size: 150, seed: 12, now });
  const pools = await idPools(env, env.ctx.config.regionId, OTHER_REGION);
  const [citizen] = await env.database.query<{ id: string }>(`SELECT person_id AS id FROM vaccination_bookings WHERE region_id = $1 ORDER BY person_id LIMIT 1`, [env.ctx.config.regionId]);
  const cookies = new Map<Caller, string>([['anonymous', '']]);
  for (const role of roles) {
    const actor = role === 'citizen' ? citizenActor({ id: citizen!.id, regionId: env.ctx.config.regionId }) : await newStaff(env.ctx, role);
    cookies.set(role, await loginCookie(env.ctx, actor));
  }
  const ops = operations(env);
  return {
    env,
    ops,
    pools,
    cookies,
    send(op, caller, values, body) {
      const cookie = cookies.get(caller)!;
      return env.app.inject({ method: op.method as 'GET', url: urlOf(op, values), headers: cookie ? { cookie } : {}, ...(body === undefined || op.method === 'GET' ? {} : { payload: body as object }) });
    },
  };
}

/** What a parameter refers to: its name (siteId), or for a path's `{id}` the segment before it (cases). */
export function refName(op: Operation, name: string): string {
  if (name !== 'id') return name;
  const segments = op.path.split('/');
  return segments[segments.indexOf('{id}') - 1] ?? name;
}

/** The path and query parameters, in the order `values` gives them. */
export const urlParams = (op: Operation) => op.parameters.filter((p) => p.in === 'path' || p.in === 'query');

export function urlOf(op: Operation, values: unknown[]): string {
  let url = op.path;
  const query = new URLSearchParams();
  urlParams(op).forEach((p, i) => {
    const v = values[i];
    if (p.in === 'path') url = url.replace(`{${p.name}}`, encodeURIComponent(v === undefined ? 'x' : asUrlText(v)));
    else if (v !== undefined) query.append(p.name, asUrlText(v));
  });
  const qs = query.toString();
  return qs ? `${url}?${qs}` : url;
}

/** A few ids of every table that has a region, for both regions, by table. */
async function idPools(env: TestEnv, ours: string, theirs: string): Promise<IdPools> {
  const tables = await env.database.query<{ table_name: string }>(
    `SELECT c.table_name FROM information_schema.columns c
       JOIN information_schema.columns r ON r.table_schema = c.table_schema AND r.table_name = c.table_name AND r.column_name = 'region_id'
      WHERE c.table_schema = current_schema() AND c.column_name = 'id' AND c.data_type = 'uuid'
      ORDER BY c.table_name`,
  );
  const result: IdPools = { ours: new Map(), theirs: new Map() };
  for (const { table_name: table } of tables) {
    for (const [region, into] of [[ours, result.ours], [theirs, result.theirs]] as const) {
      const ids = await env.database.query<{ id: string }>(`SELECT id FROM "${table}" WHERE region_id = $1 ORDER BY id LIMIT 8`, [region]);
      if (ids.length) into.set(table, ids.map((r) => r.id));
    }
  }
  return result;
}

function operations(env: TestEnv): Operation[] {
  const doc = env.app.swagger() as { paths: Record<string, Record<string, { parameters?: Operation['parameters']; requestBody?: { content?: Record<string, { schema: JsonSchema }> } }>> };
  const access = new Map(env.app.accessTable.map((r) => [`${r.method} ${r.url}`, r.access]));
  const ops: Operation[] = [];
  for (const [path, item] of Object.entries(doc.paths)) {
    for (const [method, op] of Object.entries(item)) {
      const key = `${method.toUpperCase()} ${path.replace(/\{(\w+)\}/g, ':$1')}`;
      if (skipped.has(key)) continue;
      const rule = access.get(key);
      if (!rule) throw new Error(`${key} is in the OpenAPI document but not in the access table`);
      const allowed: Caller[] = rule === 'public' ? ['anonymous', 'citizen', 'tracer'] : rule === 'authenticated' ? [...roles] : [...(permissions[rule as Permission] as readonly Role[])];
      ops.push({ method: method.toUpperCase(), path, parameters: op.parameters ?? [], body: op.requestBody?.content?.['application/json']?.schema, roles: allowed });
    }
  }
  return ops;
}

/**
 * The whole database as one hash of each table's row count and the sum of its rows' creating transaction
 * ids (xmin), which every insert, update and delete moves: cheap enough to take around every request, so
 * "changes nothing" can be checked. Sessions are left out; a refused request may rightly touch them.
 */
export async function fingerprint(env: TestEnv): Promise<string> {
  const tables = await env.database.query<{ table_name: string }>(
    `SELECT table_name FROM information_schema.tables WHERE table_schema = current_schema() AND table_type = 'BASE TABLE' AND table_name NOT IN ('sessions') ORDER BY table_name`,
  );
  const parts = tables.map(({ table_name: t }) => `SELECT '${t}' AS t, count(*)::text AS n, coalesce(sum(xmin::text::bigint), 0)::text AS x FROM "${t}"`);
  const rows = await env.database.query<{ t: string; n: string; x: string }>(parts.join(' UNION ALL '));
  return createHash('sha256').update(rows.map((r) => `${r.t}:${r.n}:${r.x}`).join(';')).digest('hex');
}

/** A short, readable form of a request for failure messages: long strings cut. */
export const brief = (v: unknown) => JSON.stringify(v, (_k, x) => (typeof x === 'string' && x.length > 60 ? `${x.slice(0, 40)}…(${x.length})` : x));

export { fc };
