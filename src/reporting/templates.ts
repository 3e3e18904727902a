import { asc, desc, eq, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { toIso } from '../platform/db/sql.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import { reportingAgreements, reportingTemplates, reportingTemplateVersions } from './model.js';
import { templateProblems } from './rules.js';
import { digestOf } from './signing.js';
import type { TemplateContent } from './template.js';

// --- Agreements --------------------------------------------------------------------------------------

export async function listAgreements(ctx: AppContext) {
  const rows = await ctx.database.db.select().from(reportingAgreements).orderBy(desc(reportingAgreements.createdAt), asc(reportingAgreements.name));
  return rows.map((a) => ({ id: a.id, name: a.name, description: a.description, createdAt: toIso(a.createdAt) }));
}

export async function createAgreement(ctx: AppContext, input: { name: string; description?: string | undefined }) {
  return ctx.database.db.transaction(async (tx) => {
    const [row] = await tx.insert(reportingAgreements).values({ name: input.name, description: input.description ?? null }).onConflictDoNothing().returning();
    if (!row) throw conflict('An agreement with this name exists', 'name');
    return { id: row.id, name: row.name, description: row.description, createdAt: toIso(row.createdAt) };
  });
}

export async function getAgreement(tx: Db, id: string, field = 'agreementId') {
  const [a] = await tx.select().from(reportingAgreements).where(eq(reportingAgreements.id, id));
  if (!a) throw new AppError('not-found', `${field}: no agreement with this id`, field);
  return a;
}

// --- Templates -----------------------------------------------------------------------------------------

const versionView = (v: typeof reportingTemplateVersions.$inferSelect) => ({ id: v.id, templateId: v.templateId, version: v.version, digest: v.digest, content: v.content, createdBy: v.createdBy, createdAt: toIso(v.createdAt) });

export async function listTemplates(ctx: AppContext) {
  const templates = await ctx.database.db.select().from(reportingTemplates).orderBy(asc(reportingTemplates.name));
  const versions = await ctx.database.db
    .select({ id: reportingTemplateVersions.id, templateId: reportingTemplateVersions.templateId, version: reportingTemplateVersions.version, createdBy: reportingTemplateVersions.createdBy, createdAt: reportingTemplateVersions.createdAt })
    .from(reportingTemplateVersions)
    .orderBy(asc(reportingTemplateVersions.version));
  return templates.map((t) => ({ id: t.id, name: t.name, versions: versions.filter((v) => v.templateId === t.id).map((v) => ({ id: v.id, version: v.version, createdBy: v.createdBy, createdAt: toIso(v.createdAt) })) }));
}

function assertSound(content: TemplateContent) {
  const problems = templateProblems(content);
  if (problems.length) throw new AppError('invalid', `${problems[0]!.field}: ${problems[0]!.message}`, problems);
}

/** A new template with its first version. */
export async function createTemplate(ctx: AppContext, actor: Actor, input: { name: string; content: TemplateContent }) {
  assertSound(input.content);
  return ctx.database.db.transaction(async (tx) => {
    const [t] = await tx.insert(reportingTemplates).values({ name: input.name }).onConflictDoNothing().returning();
    if (!t) throw conflict('A template with this name exists', 'name');
    return insertVersion(tx, actor, t.id, 1, input.content);
  });
}

/** The next version of a template. Earlier versions never change: rounds and answers keep the one they were given. */
export async function addTemplateVersion(ctx: AppContext, actor: Actor, templateId: string, content: TemplateContent) {
  assertSound(content);
  return ctx.database.db.transaction(async (tx) => {
    const [t] = await tx.select().from(reportingTemplates).where(eq(reportingTemplates.id, templateId)).for('update');
    if (!t) throw notFound('The template');
    const [last] = await tx.select({ n: sql<number>`max(${reportingTemplateVersions.version})::int` }).from(reportingTemplateVersions).where(eq(reportingTemplateVersions.templateId, templateId));
    return insertVersion(tx, actor, templateId, (last?.n ?? 0) + 1, content);
  });
}

async function insertVersion(tx: Db, actor: Actor, templateId: string, version: number, content: TemplateContent) {
  const [v] = await tx.insert(reportingTemplateVersions).values({ templateId, version, content, digest: digestOf(content), createdBy: actor.name }).returning();
  return versionView(v!);
}

export async function getTemplateVersion(tx: Db, id: string, field = 'templateVersionId') {
  const [v] = await tx.select().from(reportingTemplateVersions).where(eq(reportingTemplateVersions.id, id));
  if (!v) throw new AppError('not-found', `${field}: no template version with this id`, field);
  return versionView(v);
}

export const templateVersion = (ctx: AppContext, id: string) => getTemplateVersion(ctx.database.db, id, 'id');
