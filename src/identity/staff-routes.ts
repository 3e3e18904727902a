import { z } from 'zod';
import { resolveInRegion } from '../platform/db/resolve.js';
import { text } from '../platform/input/index.js';
import { and, eq } from 'drizzle-orm';
import { record } from '../platform/audit/audit.js';
import { staffRoles } from '../platform/auth/roles.js';
import type { AppContext } from '../platform/context.js';
import { conflict, notFound } from '../platform/errors.js';
import { text as say } from '../platform/text/index.js';
import { actorOf, type App } from '../platform/http/server.js';
import { staff, units } from './model.js';

const StaffView = z.object({ id: z.string(), name: z.string(), role: z.enum(staffRoles), unitId: z.string().nullable(), unitName: z.string().nullable(), hsaId: z.string().nullable(), oidcSubject: z.string().nullable(), email: z.string().nullable(), active: z.boolean() });
const CreateStaff = z
  .object({
    name: text({ max: 100, min: 2 }),
    role: z.enum(staffRoles),
    unitId: z.uuid().optional(),
    hsaId: z.string().max(40).trim().regex(/^SE\d{10}-[A-Za-z0-9]+$/, 'an HSA-id such as SE2321000032-abc1').optional(),
    oidcSubject: text({ max: 200 }).optional().describe('The `sub` the identity provider gives this person'),
    email: z.email().max(254).optional(),
  })
  .strict();

/** The region administrator's staff register: who may log in, with which role, at which unit. */
export function staffRoutes(app: App, ctx: AppContext) {
  const list = (regionId: string) =>
    ctx.database.db
      .select({ id: staff.id, name: staff.name, role: staff.role, unitId: staff.unitId, unitName: units.name, hsaId: staff.hsaId, oidcSubject: staff.oidcSubject, email: staff.email, active: staff.active })
      .from(staff)
      .leftJoin(units, and(eq(units.regionId, staff.regionId), eq(units.id, staff.unitId)))
      .where(eq(staff.regionId, regionId))
      .orderBy(staff.name);

  app.get('/api/staff', { config: { access: 'identity.staff.manage' }, schema: { tags: ['identity'], summary: "The region's staff accounts", response: { 200: z.object({ staff: z.array(StaffView) }) } } }, async (req) => ({
    staff: (await list(actorOf(req).regionId)) as z.infer<typeof StaffView>[],
  }));

  app.post('/api/staff', { config: { access: 'identity.staff.manage' }, schema: { tags: ['identity'], summary: 'Add a staff account', body: CreateStaff, response: { 201: StaffView } } }, async (req, reply) => {
    const actor = actorOf(req);
    const created = await ctx.database.db.transaction(async (tx) => {
      const unit = req.body.unitId ? await resolveInRegion(tx, units, actor.regionId, req.body.unitId, { field: 'unitId', what: 'unit' }) : null;
      const [row] = await tx
        .insert(staff)
        .values({ regionId: actor.regionId, name: req.body.name, role: req.body.role, unitId: req.body.unitId ?? null, hsaId: req.body.hsaId ?? null, oidcSubject: req.body.oidcSubject ?? null, email: req.body.email ?? null })
        .onConflictDoNothing()
        .returning();
      if (!row) throw conflict(say('identity.subjectTaken'), 'oidcSubject');
      await record(tx, actor, { action: 'identity.staff.created', purpose: 'behörighetsadministration', details: { staffId: row.id, role: row.role } });
      return { ...row, unitName: unit?.name ?? null };
    });
    return reply.code(201).send({ ...created, role: req.body.role });
  });

  app.patch('/api/staff/:id', { config: { access: 'identity.staff.manage' }, schema: { tags: ['identity'], summary: 'Change role or e-mail, or deactivate an account', params: z.object({ id: z.uuid() }), body: z.object({ role: z.enum(staffRoles).optional(), active: z.boolean().optional(), email: z.email().max(254).nullable().optional() }).strict().refine((b) => b.role !== undefined || b.active !== undefined || b.email !== undefined, 'give role, active, email or more'), response: { 200: StaffView } } }, async (req) => {
    const actor = actorOf(req);
    await ctx.database.db.transaction(async (tx) => {
      const [row] = await tx.update(staff).set(req.body).where(and(eq(staff.regionId, actor.regionId), eq(staff.id, req.params.id))).returning();
      if (!row) throw notFound(say('what.staffAccount'));
      await record(tx, actor, { action: 'identity.staff.changed', purpose: 'behörighetsadministration', details: { staffId: row.id, ...req.body } });
    });
    const updated = (await list(actor.regionId)).find((s) => s.id === req.params.id)!;
    return updated as z.infer<typeof StaffView>;
  });
}
