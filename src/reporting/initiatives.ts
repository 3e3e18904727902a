import { and, asc, desc, eq, inArray, lte, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { resolveInRegion } from '../platform/db/resolve.js';
import { conflict, invalid } from '../platform/errors.js';
import { reportingInitiatives, reportingInitiativeStatuses, reportingRounds, type InitiativeStatus, initiativeMeasures, initiativeReaches } from './model.js';
import { organisationOf } from './organisations.js';
import { todayOf } from './rounds.js';
import { getAgreement } from './templates.js';

/**
 * The initiatives register (insatser). An initiative belongs to an agreement, not to a round, so it carries over
 * from one round to the next; each change of status is kept with the round that was open, and counting them
 * across regions replaces "a few", "several", "most" (seed 004) with numbers.
 */
export interface InitiativeInput {
  agreementId: string;
  organisation: string;
  title: string;
  developmentArea: string;
  focusArea: string;
  targetGroup: string;
  status: InitiativeStatus;
  reach: (typeof initiativeReaches)[number];
  participants: string[];
  privateProviders: 'yes' | 'no';
  measured: (typeof initiativeMeasures)[number];
  genderPerspective?: string | undefined;
}

const national = (actor: Actor) => actor.role === 'national_analyst' || actor.role === 'committee_secretary';

/** The round of the agreement open on a day, if any: a status change is noted against it. */
async function openRound(tx: Db, agreementId: string, today: string): Promise<string | null> {
  const [r] = await tx
    .select({ id: reportingRounds.id })
    .from(reportingRounds)
    .where(and(eq(reportingRounds.agreementId, agreementId), lte(reportingRounds.opensOn, today)))
    .orderBy(desc(reportingRounds.opensOn))
    .limit(1);
  return r?.id ?? null;
}

function assertOwnOrganisation(actor: Actor, organisation: string) {
  if (organisationOf(organisation)?.regionId !== actor.regionId) throw invalid('organisation', 'not an organisation of your region');
}

export async function createInitiative(ctx: AppContext, actor: Actor, input: InitiativeInput) {
  assertOwnOrganisation(actor, input.organisation);
  const at = ctx.clock.now().toISOString();
  const id = await ctx.database.db.transaction(async (tx) => {
    await getAgreement(tx, input.agreementId);
    const [row] = await tx
      .insert(reportingInitiatives)
      .values({ ...input, genderPerspective: input.genderPerspective ?? null, regionId: actor.regionId, updatedBy: actor.name, updatedAt: at })
      .returning();
    await tx.insert(reportingInitiativeStatuses).values({ regionId: actor.regionId, initiativeId: row!.id, status: input.status, roundId: await openRound(tx, input.agreementId, todayOf(ctx)), changedBy: actor.name, changedAt: at });
    return row!.id;
  });
  return (await listInitiatives(ctx, actor, { agreementId: input.agreementId, ids: [id] }))[0]!;
}

/** Changes an initiative; `version` guards against two analysts overwriting each other. */
export async function updateInitiative(ctx: AppContext, actor: Actor, id: string, input: Omit<InitiativeInput, 'agreementId' | 'organisation'> & { version: number }) {
  const at = ctx.clock.now().toISOString();
  const agreementId = await ctx.database.db.transaction(async (tx) => {
    const current = await resolveInRegion(tx, reportingInitiatives, actor.regionId, id, { field: 'id', what: 'initiative', forUpdate: true });
    if (current.version !== input.version) throw conflict(`version: the initiative was changed by ${current.updatedBy} at ${toIso(current.updatedAt)}; reload it`, 'version');
    const { version, ...fields } = input;
    await tx
      .update(reportingInitiatives)
      .set({ ...fields, genderPerspective: fields.genderPerspective ?? null, version: version + 1, updatedBy: actor.name, updatedAt: at })
      .where(and(eq(reportingInitiatives.regionId, actor.regionId), eq(reportingInitiatives.id, id)));
    if (current.status !== input.status) {
      await tx.insert(reportingInitiativeStatuses).values({ regionId: actor.regionId, initiativeId: id, status: input.status, roundId: await openRound(tx, current.agreementId, todayOf(ctx)), changedBy: actor.name, changedAt: at });
    }
    return current.agreementId;
  });
  return (await listInitiatives(ctx, actor, { agreementId, ids: [id] }))[0]!;
}

/** The register under an agreement: a region's analyst sees their region's; national roles every region's. */
export async function listInitiatives(ctx: AppContext, actor: Actor, q: { agreementId: string; organisation?: string | undefined; ids?: string[] }) {
  const db = ctx.database.db;
  await getAgreement(db, q.agreementId);
  const rows = await db
    .select()
    .from(reportingInitiatives)
    .where(
      and(
        eq(reportingInitiatives.agreementId, q.agreementId),
        national(actor) ? undefined : eq(reportingInitiatives.regionId, actor.regionId),
        q.organisation ? eq(reportingInitiatives.organisation, q.organisation) : undefined,
        q.ids ? inArray(reportingInitiatives.id, q.ids) : undefined,
      ),
    )
    .orderBy(asc(reportingInitiatives.organisation), asc(reportingInitiatives.title))
    .limit(2000);
  const history = rows.length
    ? await db
        .select()
        .from(reportingInitiativeStatuses)
        .where(and(inArray(reportingInitiativeStatuses.initiativeId, rows.map((r) => r.id)), inArray(reportingInitiativeStatuses.regionId, [...new Set(rows.map((r) => r.regionId))])))
        .orderBy(asc(reportingInitiativeStatuses.changedAt))
    : [];
  return rows.map((r) => ({
    id: r.id,
    agreementId: r.agreementId,
    organisation: r.organisation,
    organisationName: organisationOf(r.organisation)?.name ?? r.organisation,
    title: r.title,
    developmentArea: r.developmentArea,
    focusArea: r.focusArea,
    targetGroup: r.targetGroup,
    status: r.status,
    reach: r.reach,
    participants: r.participants,
    privateProviders: r.privateProviders,
    measured: r.measured,
    genderPerspective: r.genderPerspective,
    version: r.version,
    updatedBy: r.updatedBy,
    updatedAt: toIso(r.updatedAt),
    statusHistory: history.filter((h) => h.regionId === r.regionId && h.initiativeId === r.id).map((h) => ({ status: h.status, roundId: h.roundId, changedBy: h.changedBy, changedAt: toIso(h.changedAt) })),
  }));
}

/** Counts by status and development area, and how many reach the whole region, include private providers, measure effect. */
export async function countInitiatives(ctx: AppContext, actor: Actor, agreementId: string) {
  await getAgreement(ctx.database.db, agreementId);
  const scope = national(actor) ? sql`true` : sql`region_id = ${actor.regionId}`;
  const rows = await queryRows<{ development_area: string; status: InitiativeStatus; n: number; region_wide: number; private_providers: number; effect: number; organisations: number }>(
    ctx.database.db,
    sql`SELECT development_area, status, count(*)::int AS n, count(*) FILTER (WHERE reach = 'region_wide')::int AS region_wide,
          count(*) FILTER (WHERE private_providers = 'yes')::int AS private_providers, count(*) FILTER (WHERE measured = 'effect')::int AS effect,
          count(DISTINCT organisation)::int AS organisations
        FROM reporting_initiatives WHERE agreement_id = ${agreementId} AND ${scope} GROUP BY 1, 2 ORDER BY 1, 2`,
  );
  return { agreementId, rows: rows.map((r) => ({ developmentArea: r.development_area, status: r.status, initiatives: r.n, regionWide: r.region_wide, privateProviders: r.private_providers, effectMeasured: r.effect, organisations: r.organisations })) };
}
