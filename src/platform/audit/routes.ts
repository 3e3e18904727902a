import { z } from 'zod';
import { languageOf } from '../http/problem.js';
import { actionText } from './action-text.js';
import { sql } from 'drizzle-orm';
import type { AppContext } from '../context.js';
import type { Db } from '../db/client.js';
import { isoTimestamp, queryRows } from '../db/sql.js';
import { AppError } from '../errors.js';
import { actorOf, type App } from '../http/server.js';
import { code, cursorCodec, cursorParam, day, dayRange, instant, text } from '../input/index.js';
import { record } from './audit.js';
import { sealAuditLog } from './chain.js';
import { CheckpointLog } from './checkpoints.js';
import { describeFinding, findingKinds, verifyAuditLog } from './verify.js';

const auditCursor = cursorCodec(z.tuple([instant, z.guid()]));

/** How the audit routes find people without knowing the identity area's tables. */
export interface PersonDirectory {
  /** All record ids of the person holding this number (merged records included), or none. */
  recordIdsForNumber(tx: Db, regionId: string, identityNumber: string): Promise<string[]>;
  /** All record ids of this person. */
  recordIds(tx: Db, regionId: string, personId: string): Promise<string[]>;
  /** A masked label per person for lists ("Anna A., 19810312-****"). */
  labels(tx: Db, regionId: string, personIds: string[]): Promise<Map<string, string>>;
}

const Entry = z.object({ at: z.string(), actorName: z.string(), actorRole: z.string(), regionName: z.string(), action: z.string(), actionText: z.string().describe('What the action means, in the reader\'s language'), purpose: z.string() });
const SearchEntry = z.object({ id: z.string(), at: z.string(), actorName: z.string(), actorRole: z.string(), personLabel: z.string().nullable(), action: z.string(), actionText: z.string().describe('What the action means, in the reader\'s language'), purpose: z.string() });
const SearchQuery = z
  .object({
    identityNumber: text({ max: 20, min: 0 }).optional(),
    actorId: code(100).optional(),
    action: code(100).optional(),
    from: day.optional(),
    to: day.optional(),
    cursor: cursorParam.optional(),
    limit: z.coerce.number().int().min(1).max(500).default(100),
  })
  .strict()
  .superRefine(dayRange(3660));

const Verification = z.object({
  ok: z.boolean(),
  checked: z.number(),
  unsealed: z.number(),
  /** The first problem, in English (kept for older clients; `problems` has them all). */
  firstBrokenAt: z.string().optional(),
  problems: z.array(z.object({ kind: z.enum(findingKinds), sv: z.string(), en: z.string() })),
});

interface Row {
  id: string;
  at: string;
  actor_name: string;
  actor_role: string;
  person_id: string | null;
  action: string;
  purpose: string;
  region_name: string;
}

export function auditRoutes(app: App, ctx: AppContext, people: PersonDirectory) {
  app.get('/api/audit/my-record', { config: { access: 'audit.own.read' }, schema: { tags: ['audit'], summary: 'Who has read or changed my record', response: { 200: z.object({ entries: z.array(Entry) }) } } }, async (req) => {
    const actor = actorOf(req);
    const rows = await ctx.database.db.transaction(async (tx) => {
      const ids = await people.recordIds(tx, actor.regionId, actor.id);
      return (await queryRows<Row>(tx, sql`SELECT a.id, ${sql.raw(isoTimestamp('a.at'))} AS at, a.actor_name, a.actor_role, a.action, a.purpose, r.name AS region_name
          FROM audit_log a JOIN regions r ON r.id = a.region_id
          WHERE a.region_id = ${actor.regionId} AND a.person_id = ANY(${sql.param(ids)}::uuid[]) AND a.actor_kind <> 'citizen'
          ORDER BY a.at DESC LIMIT 500`));
    });
    return { entries: rows.map((r) => ({ at: r.at, actorName: r.actor_name, actorRole: r.actor_role, regionName: r.region_name, action: r.action, actionText: actionText(languageOf(req), r.action), purpose: r.purpose })) };
  });

  app.get('/api/audit/search', { config: { access: 'audit.search' }, schema: { tags: ['audit'], summary: 'Search the audit log of your region (the search itself is audited)', querystring: SearchQuery, response: { 200: z.object({ entries: z.array(SearchEntry), nextCursor: z.string().nullable() }) } } }, async (req) => {
    const actor = actorOf(req);
    const q = req.query;
    return ctx.database.db.transaction(async (tx) => {
      const conds = [sql`a.region_id = ${actor.regionId}`];
      let personIds: string[] | undefined;
      if (q.identityNumber) {
        personIds = await people.recordIdsForNumber(tx, actor.regionId, q.identityNumber);
        conds.push(sql`a.person_id = ANY(${sql.param(personIds)}::uuid[])`);
        await record(tx, actor, { action: 'audit.log.searched', personId: personIds[0] ?? null, purpose: 'loggkontroll' });
      }
      if (q.actorId) conds.push(sql`a.actor_id = ${q.actorId}`);
      if (q.action) conds.push(sql`a.action = ${q.action}`);
      if (q.from) conds.push(sql`a.at >= (${q.from}::date::timestamp AT TIME ZONE 'Europe/Stockholm')`);
      if (q.to) conds.push(sql`a.at < ((${q.to}::date + 1)::timestamp AT TIME ZONE 'Europe/Stockholm')`);
      if (q.cursor) {
        const [at, id] = auditCursor.decode(q.cursor);
        conds.push(sql`(a.at, a.id) < (${at}::timestamptz, ${id}::uuid)`);
      }
      const rows = (await queryRows<Row>(tx, sql`SELECT a.id, ${sql.raw(isoTimestamp('a.at'))} AS at, a.actor_name, a.actor_role, a.person_id, a.action, a.purpose, '' AS region_name FROM audit_log a
          WHERE ${sql.join(conds, sql` AND `)} ORDER BY a.at DESC, a.id DESC LIMIT ${q.limit + 1}`));
      const page = rows.slice(0, q.limit);
      const labels = await people.labels(tx, actor.regionId, [...new Set(page.map((r) => r.person_id).filter((p): p is string => !!p))]);
      const last = page.at(-1);
      return {
        entries: page.map((r) => ({ id: r.id, at: r.at, actorName: r.actor_name, actorRole: r.actor_role, personLabel: r.person_id ? (labels.get(r.person_id) ?? null) : null, action: r.action, actionText: actionText(languageOf(req), r.action), purpose: r.purpose })),
        nextCursor: rows.length > q.limit && last ? auditCursor.encode([last.at, last.id]) : null,
      };
    });
  });

  const checkpoints = CheckpointLog.of(ctx.config);
  app.post('/api/audit/verify', { config: { access: 'audit.search' }, schema: { tags: ['audit'], summary: "Seal pending entries and verify the region's audit log: the hash chain, every entry's signature, and the checkpoints", response: { 200: Verification } } }, async (req) => {
    const actor = actorOf(req);
    await sealAuditLog(ctx.database);
    const r = await verifyAuditLog(ctx.database, checkpoints, { regionId: actor.regionId });
    const problems = r.findings.map((f) => ({ kind: f.kind, ...describeFinding(f) }));
    return { ok: r.ok, checked: r.checked, unsealed: r.unsealed, firstBrokenAt: problems[0]?.en, problems };
  });
}
