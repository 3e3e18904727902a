import { and, desc, eq, sql } from 'drizzle-orm';
import { z } from 'zod';
import { day, phone as phoneNumber, text } from '../platform/input/index.js';
import type { Actor } from '../platform/auth/actor.js';
import { record } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { toIso } from '../platform/db/sql.js';
import { notFound } from '../platform/errors.js';
import { persons } from '../identity/model.js';
import { personRecordIds } from '../identity/store.js';
import { namedSettings, registerSettings, saveCaseSettings } from './case-settings.js';
import { joinOpenOutbreaks } from './clusters.js';
import { informContacts, upsertNamedContacts } from './contacts.js';
import { tracingCases, tracingQuestionnaires } from './model.js';
import { refreshSequencing } from './sequencing.js';

const phone = phoneNumber.nullish();

/** What the index answers. Every part is optional: the form is saved as it is filled in, on a phone too. */
export const QuestionnaireAnswers = z
  .object({
    symptomOnset: day.nullish(),
    noSymptoms: z.boolean().optional(),
    household: z.array(z.object({ id: z.uuid(), name: text({ max: 200 }), identityNumber: text({ max: 20, min: 0 }).nullish(), phone }).strict()).max(30).optional(),
    closeContacts: z
      .array(z.object({ id: z.uuid(), name: text({ max: 200 }), phone, context: text({ max: 300, min: 0 }).nullish(), lastContact: day.nullish() }).strict())
      .max(100)
      .optional(),
    settings: z
      .array(
        z
          .object({
            kind: z.enum(['school_class', 'workplace', 'care_home', 'home_care', 'association', 'event']),
            name: text({ max: 200 }),
            schoolClass: text({ max: 20, min: 0 }).nullish(),
            date: day.nullish(),
          })
          .strict(),
      )
      .max(30)
      .optional(),
    travelledAbroad: z.boolean().optional(),
    travelCountry: text({ max: 100, min: 0 }).nullish(),
  })
  .strict()
  .superRefine((a, ctx) => {
    // Each row's key names one contact; the same key twice would be two people saved as one.
    const seen = new Set<string>();
    for (const list of ['household', 'closeContacts'] as const)
      (a[list] ?? []).forEach((row, i) => {
        if (seen.has(row.id)) ctx.addIssue({ code: 'custom', path: [list, i, 'id'], message: 'the same id is given to another row' });
        seen.add(row.id);
      });
  });
export type QuestionnaireAnswers = z.infer<typeof QuestionnaireAnswers>;

async function openCaseOf(tx: Db, citizen: Actor) {
  const ids = await personRecordIds(tx, citizen.regionId, citizen.id);
  const [c] = await tx
    .select()
    .from(tracingCases)
    .where(and(eq(tracingCases.regionId, citizen.regionId), sql`${tracingCases.personId} = ANY(${sql.param(ids)}::uuid[])`, eq(tracingCases.status, 'open')))
    .orderBy(desc(tracingCases.openedAt))
    .limit(1);
  if (!c) throw notFound('An open contact-tracing case for you');
  return c;
}

async function view(tx: Db, citizen: Actor, c: typeof tracingCases.$inferSelect) {
  const [q] = await tx.select().from(tracingQuestionnaires).where(and(eq(tracingQuestionnaires.regionId, c.regionId), eq(tracingQuestionnaires.caseId, c.id)));
  // The register's household, to prefill the form: the index knows who they live with.
  const household = await tx
    .select({ given: persons.givenName, family: persons.familyName })
    .from(persons)
    .where(and(eq(persons.regionId, c.regionId), sql`${persons.householdId} = (SELECT household_id FROM persons WHERE region_id = ${c.regionId} AND id = ${c.personId})`, sql`${persons.id} <> ${c.personId}`));
  return {
    caseId: c.id,
    dueAt: toIso(c.questionnaireDueAt),
    answers: (q?.answers ?? {}) as QuestionnaireAnswers,
    savedAt: q ? toIso(q.savedAt) : null,
    submittedAt: q?.submittedAt ? toIso(q.submittedAt) : null,
    household: household.map((h) => ({ name: `${h.given} ${h.family}` })),
  };
}

export async function myQuestionnaire(ctx: AppContext, citizen: Actor) {
  return ctx.database.db.transaction(async (tx) => {
    const c = await openCaseOf(tx, citizen);
    await record(tx, citizen, { action: 'tracing.questionnaire.read', personId: c.personId, purpose: 'egen smittspårning' });
    return view(tx, citizen, c);
  });
}

/**
 * Saves the answers so far (or submits them). Household members are informed as soon as they are named;
 * contacts and settings are kept in step with the answers, so the tracer and cluster detection see them at once.
 */
export async function saveQuestionnaire(ctx: AppContext, citizen: Actor, input: { answers: QuestionnaireAnswers; submit: boolean }) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const c = await openCaseOf(tx, citizen);
    const a = input.answers;
    await tx
      .insert(tracingQuestionnaires)
      .values({ regionId: c.regionId, caseId: c.id, answers: a, symptomOnset: a.symptomOnset ?? null, travelledAbroad: a.travelledAbroad ?? false, savedAt: now.toISOString(), submittedAt: input.submit ? now.toISOString() : null })
      .onConflictDoUpdate({
        target: [tracingQuestionnaires.regionId, tracingQuestionnaires.caseId],
        set: {
          answers: a,
          symptomOnset: a.symptomOnset ?? null,
          travelledAbroad: a.travelledAbroad ?? false,
          savedAt: now.toISOString(),
          submittedAt: input.submit ? sql`coalesce(${tracingQuestionnaires.submittedAt}, ${now.toISOString()}::timestamptz)` : sql`${tracingQuestionnaires.submittedAt}`,
        },
      });
    const exposure = a.symptomOnset ?? toIso(c.positiveTakenAt).slice(0, 10);
    await upsertNamedContacts(tx, c, a, now);
    await informContacts(tx, c, { relation: 'household', by: 'system' }, now);
    const named = (a.settings ?? []).map((s) => ({ kind: s.kind, name: s.name, schoolClass: s.schoolClass, date: s.date ?? exposure }));
    await saveCaseSettings(tx, c.regionId, c.id, [...(await namedSettings(tx, c.regionId, named)), ...(a.symptomOnset ? await registerSettings(tx, c.regionId, c.personId, a.symptomOnset) : [])]);
    await joinOpenOutbreaks(tx, c.regionId, c.id, now.toISOString());
    await refreshSequencing(tx, c.regionId, [c.id], now);
    await record(tx, citizen, { action: input.submit ? 'tracing.questionnaire.submitted' : 'tracing.questionnaire.saved', personId: c.personId, purpose: 'egen smittspårning' });
    return view(tx, citizen, c);
  });
}
