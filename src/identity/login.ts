import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { isStaffRole } from '../platform/auth/roles.js';
import { record } from '../platform/audit/audit.js';
import { systemActor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { AppError, notFound } from '../platform/errors.js';
import { text } from '../platform/text/index.js';
import { ageOn } from './identity-number.js';
import { persons, staff, units } from './model.js';
import { identityNumberInput } from './service.js';
import * as store from './store.js';

async function staffActor(tx: Db, row: { id: string; regionId: string }): Promise<Actor> {
  const s = await store.findStaff(tx, row.regionId, row.id);
  if (!s || !s.active) throw new AppError('forbidden', text('identity.staffInactive'));
  if (!isStaffRole(s.role)) throw new Error(`staff ${s.id} has an unknown role ${s.role}`);
  return { kind: 'staff', id: s.id, name: s.name, role: s.role, regionId: s.regionId, unitId: s.unitId };
}

async function citizenActor(tx: Db, regionId: string, personId: string): Promise<Actor> {
  const p = await store.findPerson(tx, regionId, personId);
  if (!p) throw notFound(text('what.person'));
  return { kind: 'citizen', id: p.id, name: `${p.givenName} ${p.familyName}`, role: 'citizen', regionId, ...(p.language ? { language: p.language } : {}) };
}

/** Staff log in through the identity provider; their role and region come from Lägesbild's staff register. */
export async function staffActorFromClaims(ctx: AppContext, claims: { sub: string }): Promise<Actor> {
  const row = await store.findStaffBySubject(ctx.database.db, ctx.config.regionId, claims.sub);
  if (!row) throw new AppError('forbidden', text('identity.noRole'));
  return staffActor(ctx.database.db, row);
}

/**
 * A citizen logs in with e-ID: the personnummer claim finds their record in this instance's region, and a
 * first-time visitor gets one (audited as created by the system, from the identity provider's claims).
 */
export async function citizenActorFromClaims(ctx: AppContext, claims: Record<string, unknown>): Promise<Actor> {
  const claimName = ctx.config.oidc?.personnummerClaim ?? 'personal_identity_number';
  const raw = claims[claimName];
  if (typeof raw !== 'string') throw new AppError('unauthenticated', text('identity.noClaim', { claim: claimName }));
  const id = identityNumberInput(claimName, raw, { now: ctx.clock.now(), accept: ['personnummer', 'samordningsnummer'] });
  const regionId = ctx.config.regionId;
  return ctx.database.db.transaction(async (tx) => {
    let personId = await store.findPersonIdByIdentifier(tx, regionId, id.canonical);
    if (!personId) {
      [personId] = await store.insertPersons(tx, regionId, [
        {
          identityNumber: id.canonical,
          idKind: id.kind,
          givenName: String(claims.given_name ?? ''),
          familyName: String(claims.family_name ?? ''),
          birthDate: id.birthDate,
          legalSex: id.legalSex,
        },
      ]);
      await record(tx, systemActor(regionId), { action: 'identity.person.created', personId, purpose: 'första inloggning med e-legitimation' });
    }
    return citizenActor(tx, regionId, personId!);
  });
}

/** Demo login: only synthetic staff and people can be picked, and only when demo login is switched on. */
export async function demoActor(ctx: AppContext, kind: 'staff' | 'citizen', id: string): Promise<Actor> {
  const regionId = ctx.config.regionId;
  const db = ctx.database.db;
  if (kind === 'staff') {
    const [row] = await db.select().from(staff).where(and(eq(staff.regionId, regionId), eq(staff.id, id), eq(staff.synthetic, true)));
    if (!row) throw notFound(text('what.demoStaff'));
    return staffActor(db, row);
  }
  const [row] = await db.select().from(persons).where(and(eq(persons.regionId, regionId), eq(persons.id, id), eq(persons.synthetic, true)));
  if (!row) throw notFound(text('what.demoCitizen'));
  return citizenActor(db, regionId, row.id);
}

export async function demoUsers(ctx: AppContext) {
  const regionId = ctx.config.regionId;
  const db = ctx.database.db;
  const staffRows = await db
    .select({ id: staff.id, name: staff.name, role: staff.role, unitName: units.name })
    .from(staff)
    .leftJoin(units, and(eq(units.regionId, staff.regionId), eq(units.id, staff.unitId)))
    .where(and(eq(staff.regionId, regionId), eq(staff.synthetic, true), eq(staff.active, true)))
    .orderBy(staff.role, staff.name);
  // A few people whose situations show different parts of the system.
  const pick = (where: ReturnType<typeof sql>, note: string) =>
    db
      .select({ id: persons.id, name: sql<string>`${persons.givenName} || ' ' || ${persons.familyName}`, birthDate: persons.birthDate })
      .from(persons)
      .where(and(eq(persons.regionId, regionId), eq(persons.synthetic, true), sql`${persons.mergedInto} IS NULL`, where))
      .orderBy(persons.id)
      .limit(1)
      .then((rows) => rows.map((r) => ({ ...r, note })));
  const now = ctx.clock.now();
  const adult = sql`${persons.birthDate} BETWEEN ${isoYearsAgo(now, 45)} AND ${isoYearsAgo(now, 30)} AND ${persons.phone} IS NOT NULL`;
  const groups = await Promise.all([
    pick(adult, 'Vuxen med e-legitimation'),
    pick(sql`${persons.careHomeId} IS NOT NULL`, 'Bor på särskilt boende (SÄBO)'),
    pick(sql`${persons.birthDate} BETWEEN ${isoYearsAgo(now, 79)} AND ${isoYearsAgo(now, 50)}`, '50–79 år'),
    pick(sql`${persons.schoolClass} IS NOT NULL AND ${persons.birthDate} <= ${isoYearsAgo(now, 13)}`, 'Elev i grundskolan'),
  ]);
  return {
    staff: staffRows.map((s) => ({ ...s, unitName: s.unitName ?? null })),
    citizens: groups.flat().map((c) => ({ id: c.id, name: c.name, age: c.birthDate ? ageOn(c.birthDate, now) : null, note: c.note })),
  };
}

function isoYearsAgo(now: Date, years: number): string {
  const d = new Date(now);
  d.setUTCFullYear(d.getUTCFullYear() - years);
  return d.toISOString().slice(0, 10);
}
