import { and, asc, count, desc, eq, lt, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { AppError, conflict, invalid } from '../platform/errors.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import { reportingAnswers, reportingReopens, reportingReturns, reportingRounds, type ReturnStatus, type RoundKind } from './model.js';
import { answeringSet, organisationOf, organisations } from './organisations.js';
import { roundPhase, templateChangeRefusal } from './rules.js';
import { getAgreement, getTemplateVersion } from './templates.js';

export type Round = typeof reportingRounds.$inferSelect;

export const todayOf = (ctx: AppContext) => calendarDateInStockholm(ctx.clock.now());
const national = (actor: Actor) => actor.role === 'national_analyst' || actor.kind === 'system';

/** The organisations of a round the actor answers for: a region's analyst those of their county; national roles all. */
export function organisationsFor(actor: Actor, round: Pick<Round, 'organisations'>): string[] {
  if (national(actor) || actor.role === 'committee_secretary') return round.organisations;
  return round.organisations.filter((o) => organisationOf(o)?.regionId === actor.regionId);
}

export async function getRound(tx: Db, id: string, field = 'id', opts: { forUpdate?: boolean } = {}): Promise<Round> {
  const q = tx.select().from(reportingRounds).where(eq(reportingRounds.id, id));
  const [r] = await (opts.forUpdate ? q.for('update') : q);
  if (!r) throw new AppError('not-found', `${field}: no round with this id`, field);
  return r;
}

/** A round the actor takes part in; a region's analyst gets not-found for rounds their county does not answer. */
export async function visibleRound(tx: Db, actor: Actor, id: string): Promise<Round> {
  const round = await getRound(tx, id);
  if (organisationsFor(actor, round).length === 0) throw new AppError('not-found', 'id: no round with this id', 'id');
  return round;
}

export interface RoundInput {
  agreementId: string;
  name: string;
  kind: RoundKind;
  periodFrom: string;
  periodTo: string;
  opensOn: string;
  deadline: string;
  templateVersionId: string;
  /** Who must answer; default the 21 regions, with `includeRss` also the municipal support structures. */
  organisations?: string[] | undefined;
  includeRss?: boolean | undefined;
}

export async function createRound(ctx: AppContext, actor: Actor, input: RoundInput) {
  if (input.periodFrom > input.periodTo) throw invalid('periodTo', 'before the start of the period');
  if (input.opensOn > input.deadline) throw invalid('deadline', 'before the opening day');
  const orgs = input.organisations ?? answeringSet(input.includeRss ?? false);
  const unknown = orgs.findIndex((o) => !organisationOf(o));
  if (unknown >= 0) throw invalid(`organisations.${unknown}`, 'not an organisation that reports');
  if (new Set(orgs).size !== orgs.length) throw invalid('organisations', 'an organisation is listed twice');
  return ctx.database.db.transaction(async (tx) => {
    await getAgreement(tx, input.agreementId);
    await getTemplateVersion(tx, input.templateVersionId);
    const [row] = await tx
      .insert(reportingRounds)
      .values({ agreementId: input.agreementId, name: input.name, kind: input.kind, periodFrom: input.periodFrom, periodTo: input.periodTo, opensOn: input.opensOn, deadline: input.deadline, templateVersionId: input.templateVersionId, organisations: orgs, createdBy: actor.name })
      .onConflictDoNothing()
      .returning();
    if (!row) throw conflict('The agreement already has a round with this name', 'name');
    return roundView(ctx, row);
  });
}

/** Puts another template version on a round; refused once it is open or answered (an answer keeps its version). */
export async function changeRoundTemplate(ctx: AppContext, roundId: string, templateVersionId: string) {
  return ctx.database.db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, 'id', { forUpdate: true });
    await getTemplateVersion(tx, templateVersionId);
    const [answered] = await tx.select({ n: count() }).from(reportingAnswers).innerJoin(reportingReturns, and(eq(reportingReturns.regionId, reportingAnswers.regionId), eq(reportingReturns.id, reportingAnswers.returnId))).where(eq(reportingReturns.roundId, roundId));
    const refusal = templateChangeRefusal(round, todayOf(ctx), answered?.n ?? 0);
    if (refusal) throw conflict(`templateVersionId: ${refusal}`, 'templateVersionId');
    const [row] = await tx.update(reportingRounds).set({ templateVersionId }).where(eq(reportingRounds.id, roundId)).returning();
    return roundView(ctx, row!);
  });
}

/** Publishing makes every organisation's answers visible to all who take part; before, a region sees its own only. */
export async function publishRound(ctx: AppContext, actor: Actor, roundId: string) {
  return ctx.database.db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, 'id', { forUpdate: true });
    if (round.publishedAt) throw conflict('The report is already published', 'id');
    const [row] = await tx.update(reportingRounds).set({ publishedAt: ctx.clock.now().toISOString(), publishedBy: actor.name }).where(eq(reportingRounds.id, roundId)).returning();
    return roundView(ctx, row!);
  });
}

export function roundView(ctx: AppContext, r: Round) {
  return {
    id: r.id,
    agreementId: r.agreementId,
    name: r.name,
    kind: r.kind,
    periodFrom: r.periodFrom,
    periodTo: r.periodTo,
    opensOn: r.opensOn,
    deadline: r.deadline,
    phase: roundPhase(r, todayOf(ctx)),
    templateVersionId: r.templateVersionId,
    organisations: r.organisations,
    publishedAt: r.publishedAt ? toIso(r.publishedAt) : null,
    publishedBy: r.publishedBy,
  };
}

/** The rounds the actor takes part in, newest first, with the state of each of the actor's organisations. */
export async function listRounds(ctx: AppContext, actor: Actor) {
  const db = ctx.database.db;
  const rounds = await db.select().from(reportingRounds).orderBy(desc(reportingRounds.opensOn), asc(reportingRounds.name));
  const mine = rounds.filter((r) => organisationsFor(actor, r).length > 0);
  const returns = await db
    .select({ roundId: reportingReturns.roundId, organisation: reportingReturns.organisation, status: reportingReturns.status, submittedAt: reportingReturns.submittedAt, receivedAt: reportingReturns.receivedAt })
    .from(reportingReturns)
    .where(national(actor) || actor.role === 'committee_secretary' ? undefined : eq(reportingReturns.regionId, actor.regionId));
  // On a national instance of its own, the regions' returns are not in this database: what was received stands for them.
  const received = national(actor)
    ? await queryRows<{ round_id: string; organisation: string; submission: number; submitted_at: string; received_at: string }>(
        db,
        sql`SELECT DISTINCT ON (round_id, organisation) round_id, organisation, submission, document->>'submittedAt' AS submitted_at, received_at::text
            FROM reporting_received ORDER BY round_id, organisation, submission DESC`,
      )
    : [];
  const reopens = received.length ? await db.select().from(reportingReopens) : [];
  return mine.map((r) => {
    const orgs = organisationsFor(actor, r);
    const of = (o: string) => returns.find((x) => x.roundId === r.id && x.organisation === o);
    const got = (o: string) => received.find((x) => x.round_id === r.id && x.organisation === o);
    return {
      ...roundView(ctx, r),
      returns: orgs.map((o) => {
        const ret = of(o);
        const rec = ret ? undefined : got(o);
        const reopened = rec && reopens.some((x) => x.roundId === r.id && x.organisation === o && x.submission === rec.submission);
        const status: ReturnStatus | 'not_started' = ret?.status ?? (reopened ? 'reopened' : rec ? 'submitted' : 'not_started');
        const submittedAt = ret?.submittedAt ? toIso(ret.submittedAt) : (rec?.submitted_at ?? null);
        const receivedAt = ret?.receivedAt ? toIso(ret.receivedAt) : rec ? toIso(rec.received_at) : null;
        return { organisation: o, name: organisationOf(o)?.name ?? o, status, submittedAt, receivedAt };
      }),
    };
  });
}

export async function roundDetail(ctx: AppContext, actor: Actor, id: string) {
  const db = ctx.database.db;
  const round = await visibleRound(db, actor, id);
  const template = await getTemplateVersion(db, round.templateVersionId);
  const listed = (await listRounds(ctx, actor)).find((r) => r.id === id)!;
  return { ...listed, template };
}

/** The latest round of the same agreement that opened before this one: where answers are pre-filled from. */
export async function previousRound(tx: Db, round: Round): Promise<Round | undefined> {
  const [prev] = await tx
    .select()
    .from(reportingRounds)
    .where(and(eq(reportingRounds.agreementId, round.agreementId), lt(reportingRounds.opensOn, round.opensOn)))
    .orderBy(desc(reportingRounds.opensOn), sql`${reportingRounds.createdAt} DESC`)
    .limit(1);
  return prev;
}

export const allOrganisations = () => organisations.map((o) => ({ code: o.code, kind: o.kind, name: o.name, regionId: o.regionId }));
