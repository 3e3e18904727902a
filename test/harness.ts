import type { InjectOptions } from 'fastify';
import { createApp, createContext } from '../src/app.js';
import type { Actor } from '../src/platform/auth/actor.js';
import type { StaffRole } from '../src/platform/auth/roles.js';
import { createSession, SESSION_COOKIE } from '../src/platform/auth/session.js';
import type { Clock } from '../src/platform/clock.js';
import { loadConfig, type Config } from '../src/platform/config.js';
import type { AppContext } from '../src/platform/context.js';
import type { Database } from '../src/platform/db/client.js';
import type { App } from '../src/platform/http/server.js';
import { OutboxWorker } from '../src/platform/jobs/worker.js';
import { makePersonnummer } from '../src/identity/identity-number.js';
import { staff } from '../src/identity/model.js';
import { insertPersons, type NewPerson } from '../src/identity/store.js';
import { openTestDatabase } from './db.js';

export interface TestEnv {
  ctx: AppContext;
  app: App;
  database: Database;
  worker: OutboxWorker;
  /** Cleanup of what a test added (other regions' instances), run before the database closes. */
  onClose: (() => Promise<void>)[];
  close(): Promise<void>;
}

/** A migrated database, the whole HTTP app (no port), and an outbox worker the test drains by hand. */
export async function setupTest(opts: { config?: Partial<Config>; clock?: Clock } = {}): Promise<TestEnv> {
  const database = await openTestDatabase();
  const config = loadConfig({ logLevel: 'silent', demo: false, demoLogin: true, auditKey: 'the fixed audit key of the tests, 32+ chars', certificateKey: 'the fixed certificate key of the tests, 32+', ...opts.config }, {});
  const ctx = createContext(database, config, opts.clock);
  const app = await createApp(ctx, { logger: false });
  await app.ready();
  const worker = new OutboxWorker(database, ctx.outbox);
  const onClose: (() => Promise<void>)[] = [];
  return {
    ctx,
    app,
    database,
    worker,
    onClose,
    async close() {
      for (const done of onClose) await done();
      await app.close();
      await database.close();
    },
  };
}

/**
 * A second Lägesbild instance, serving another region, on the same database: how two regions share one
 * PostgreSQL server. Its sessions are its own; a cookie of the first instance logs no one in here.
 */
export async function otherRegionInstance(env: TestEnv, regionId: string): Promise<{ ctx: AppContext; app: App }> {
  const ctx = createContext(env.database, { ...env.ctx.config, regionId }, env.ctx.clock);
  const app = await createApp(ctx, { logger: false });
  await app.ready();
  env.onClose.push(() => app.close());
  return { ctx, app };
}

/** `app.inject` as a staff member of another region, logged in at that region's own instance. */
export async function asStaffElsewhere(env: TestEnv, regionId: string, role: StaffRole) {
  const other = await otherRegionInstance(env, regionId);
  return as(other.app, await loginCookie(other.ctx, await newStaff(other.ctx, role)));
}

let serial = 0;

/** A registered person; a valid synthetic personnummer unless one is given. */
export async function newPerson(ctx: AppContext, p: Partial<NewPerson> & { regionId?: string } = {}): Promise<{ id: string; identityNumber: string; regionId: string }> {
  const regionId = p.regionId ?? ctx.config.regionId;
  const birthDate = p.birthDate ?? '1980-05-17';
  const identityNumber = p.identityNumber ?? makePersonnummer(birthDate, 1 + ((serial++ * 7) % 999)); // birth number 000 is never issued
  const [id] = await insertPersons(ctx.database.db, regionId, [
    { givenName: 'Test', familyName: `Person${serial}`, idKind: 'personnummer', legalSex: 'female', synthetic: true, ...p, birthDate, identityNumber },
  ]);
  return { id: id!, identityNumber, regionId };
}

export async function newStaff(ctx: AppContext, role: StaffRole, regionId = ctx.config.regionId): Promise<Actor> {
  const [row] = await ctx.database.db.insert(staff).values({ regionId, name: `Test ${role}`, role, synthetic: true }).returning();
  return { kind: 'staff', id: row!.id, name: row!.name, role, regionId };
}

export const citizenActor = (person: { id: string; regionId: string }): Actor => ({ kind: 'citizen', id: person.id, name: 'Test Citizen', role: 'citizen', regionId: person.regionId });

/** Cookie header for a logged-in actor. */
export async function loginCookie(ctx: AppContext, actor: Actor): Promise<string> {
  const { token } = await createSession(ctx, actor);
  return `${SESSION_COOKIE}=${token}`;
}

/**
 * `app.inject` as the given actor, reading English unless the request says otherwise (problems are in the
 * reader's language, Swedish by default; the suites assert the English texts).
 */
export function as(app: App, cookie: string) {
  return (opts: InjectOptions) => app.inject({ ...opts, headers: { 'accept-language': 'en', ...opts.headers, cookie } });
}

export async function count(database: Database, table: string): Promise<number> {
  const [r] = await database.query<{ n: number }>(`SELECT count(*)::int AS n FROM ${table}`);
  return r!.n;
}
