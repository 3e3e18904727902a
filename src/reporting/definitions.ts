import { asc, sql } from 'drizzle-orm';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { reportingAgreements, reportingRounds, reportingTemplates, reportingTemplateVersions } from './model.js';

/**
 * Rounds are opened at the national instance; each region's instance takes them from there. The nation
 * publishes its agreements, templates (every version) and rounds; a region's instance copies them under the
 * same ids, so its answers and signed submissions name the nation's round and template version. Nothing here
 * is personal data or region data: it is the questionnaire and the calendar of a follow-up.
 */
export async function nationalDefinitions(ctx: AppContext) {
  if (!ctx.config.nationalInstance) throw new AppError('not-found', 'This instance is not the national one (LAGESBILD_NATIONAL)');
  const db = ctx.database.db;
  return {
    agreements: await db.select().from(reportingAgreements).orderBy(asc(reportingAgreements.createdAt)),
    templates: await db.select().from(reportingTemplates).orderBy(asc(reportingTemplates.createdAt)),
    templateVersions: await db.select().from(reportingTemplateVersions).orderBy(asc(reportingTemplateVersions.createdAt)),
    rounds: await db.select().from(reportingRounds).orderBy(asc(reportingRounds.createdAt)),
  };
}

type Definitions = Awaited<ReturnType<typeof nationalDefinitions>>;

const lastSync = new WeakMap<AppContext, number>();

/**
 * Housekeeping on a region's instance with a national instance configured: copies the nation's definitions in
 * one transaction. Template versions never change; a round's calendar, template version and publication follow
 * the nation's. Returns how many rounds the nation has.
 */
export async function syncDefinitions(ctx: AppContext, opts: { atMostEveryMs?: number } = {}): Promise<number> {
  const base = ctx.config.reportingNationalUrl;
  if (!base || ctx.config.nationalInstance) return 0;
  const now = Date.now();
  if (opts.atMostEveryMs && now - (lastSync.get(ctx) ?? 0) < opts.atMostEveryMs) return 0;
  lastSync.set(ctx, now);
  const res = await fetch(new URL('/api/reporting/national/definitions', base), { signal: AbortSignal.timeout(10_000) });
  if (!res.ok) throw new Error(`national definitions: HTTP ${res.status}`);
  const d = (await res.json()) as Definitions;
  await ctx.database.db.transaction(async (tx) => {
    if (d.agreements.length) await tx.insert(reportingAgreements).values(d.agreements).onConflictDoNothing({ target: reportingAgreements.id });
    if (d.templates.length) await tx.insert(reportingTemplates).values(d.templates).onConflictDoNothing({ target: reportingTemplates.id });
    if (d.templateVersions.length) await tx.insert(reportingTemplateVersions).values(d.templateVersions).onConflictDoNothing({ target: reportingTemplateVersions.id });
    if (d.rounds.length) {
      await tx
        .insert(reportingRounds)
        .values(d.rounds)
        .onConflictDoUpdate({
          target: reportingRounds.id,
          set: {
            name: sql`excluded.name`,
            periodFrom: sql`excluded.period_from`,
            periodTo: sql`excluded.period_to`,
            opensOn: sql`excluded.opens_on`,
            deadline: sql`excluded.deadline`,
            templateVersionId: sql`excluded.template_version_id`,
            organisations: sql`excluded.organisations`,
            publishedAt: sql`excluded.published_at`,
            publishedBy: sql`excluded.published_by`,
          },
          // Only what changed is written: the sync runs every minute.
          setWhere: sql`(reporting_rounds.name, reporting_rounds.period_from, reporting_rounds.period_to, reporting_rounds.opens_on, reporting_rounds.deadline,
            reporting_rounds.template_version_id, reporting_rounds.organisations, reporting_rounds.published_at, reporting_rounds.published_by)
            IS DISTINCT FROM (excluded.name, excluded.period_from, excluded.period_to, excluded.opens_on, excluded.deadline,
            excluded.template_version_id, excluded.organisations, excluded.published_at, excluded.published_by)`,
        });
    }
  });
  return d.rounds.length;
}
