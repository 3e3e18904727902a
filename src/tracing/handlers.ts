import { and, desc, eq } from 'drizzle-orm';
import { systemActor } from '../platform/auth/actor.js';
import { record } from '../platform/audit/audit.js';
import { publicUrlOf, type Config } from '../platform/config.js';
import type { Db } from '../platform/db/client.js';
import { sendMessage } from '../platform/jobs/outbox.js';
import type { EventHandler } from '../platform/jobs/worker.js';
import { contactsOf } from '../identity/contacts.js';
import { onPersonsMerged } from '../identity/events.js';
import { settingsOf } from '../identity/settings.js';
import type { PositiveResultRegistered } from '../testing/events.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import { referringUnitOfSample } from '../testing/referrals/service.js';
import { registerSettings, saveCaseSettings } from './case-settings.js';
import { linkCaseToIndex } from './check-ins.js';
import { joinOpenOutbreaks } from './clusters.js';
import { tracingConfigOf } from './config.js';
import { questionnaireInvitation, questionnaireNotice } from './messages.js';
import { tracingCaseResults, tracingCases, tracingContacts } from './model.js';
import { deadlines, decideCase, priorityOf } from './rules.js';
import { refreshSequencing } from './sequencing.js';

/**
 * A positive result opens a case, or joins the person's case from the last 90 days (the region's window).
 * Runs in the outbox delivery transaction; a redelivered event changes nothing (the source sample is unique,
 * attachments too). The new case gets its settings, joins open outbreaks, and the questionnaire goes out; a contact
 * under follow-up who tests positive gets a case linked to the index case that named them.
 */
export const openCaseOnPositive =
  (config: Config): EventHandler =>
  async (tx, event) => {
    const e = event.payload as unknown as PositiveResultRegistered;
    const regionId = e.regionId;
    const [seen] = await tx
      .select({ id: tracingCases.id })
      .from(tracingCases)
      .where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.sourceSampleId, e.sampleId)));
    if (seen) return; // this positive already opened its case
    const rules = await tracingConfigOf(tx, regionId);
    const [latest] = await tx
      .select({ id: tracingCases.id, positiveTakenAt: tracingCases.positiveTakenAt })
      .from(tracingCases)
      .where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.personId, e.personId)))
      .orderBy(desc(tracingCases.positiveTakenAt))
      .limit(1);
    const decision = decideCase(latest, new Date(e.takenAt), rules.sameCaseDays);
    const actor = systemActor(regionId, 'Smittspårning');
    if (decision.kind === 'attach') {
      await tx.insert(tracingCaseResults).values({ regionId, sampleId: e.sampleId, caseId: decision.caseId, takenAt: e.takenAt }).onConflictDoNothing();
      await record(tx, actor, { action: 'tracing.case.result-attached', personId: e.personId, purpose: 'smittspårning', details: { caseId: decision.caseId, sampleId: e.sampleId } });
      return;
    }
    const openedAt = new Date();
    const due = deadlines(openedAt);
    const [opened] = await tx
      .insert(tracingCases)
      .values({
        regionId,
        personId: e.personId,
        sourceSampleId: e.sampleId,
        positiveTakenAt: e.takenAt,
        resultAt: e.resultAt,
        openedAt: openedAt.toISOString(),
        priority: rules.otherPriority,
        priorityReason: 'Övriga',
        questionnaireDueAt: due.questionnaireDueAt.toISOString(),
        firstCallDueAt: due.firstCallDueAt.toISOString(),
        possibleReinfection: decision.possibleReinfection,
        previousCaseId: decision.previousCaseId,
        questionnaireSentAt: openedAt.toISOString(),
        referringUnitId: await referringUnitOfSample(tx, regionId, e.sampleId),
      })
      .onConflictDoNothing()
      .returning({ id: tracingCases.id });
    if (!opened) return;
    await saveCaseSettings(tx, regionId, opened.id, await registerSettings(tx, regionId, e.personId, e.takenAt.slice(0, 10)));
    const outbreaks = await joinOpenOutbreaks(tx, regionId, opened.id, openedAt.toISOString());
    const settings = await settingsOf(tx, regionId, e.personId);
    const { priority, reason } = priorityOf({ ...(settings ?? { careHome: null, homeCare: false, careWorkplace: null, school: null, schoolClass: null }), outbreak: outbreaks[0] ?? null }, rules);
    await tx.update(tracingCases).set({ priority, priorityReason: reason }).where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.id, opened.id)));
    await sendQuestionnaire(tx, config, regionId, e.personId, opened.id);
    await refreshSequencing(tx, regionId, [opened.id], openedAt);
    const index = await linkCaseToIndex(tx, regionId, opened.id, e.personId, calendarDateInStockholm(new Date(e.takenAt)));
    await record(tx, actor, { action: 'tracing.case.opened', personId: e.personId, purpose: 'smittspårning', details: { caseId: opened.id, priority, ...(index ?? {}) } });
  };

/** The questionnaire link, to the 1177 inbox and by SMS, in the transaction that opens the case (so within the hour). */
async function sendQuestionnaire(tx: Db, config: Config, regionId: string, personId: string, caseId: string) {
  const link = `${publicUrlOf(config)}/tracing/questionnaire`;
  const phone = (await contactsOf(tx, regionId, [personId])).get(personId)?.phone;
  await sendMessage(tx, { regionId, channel: 'inbox', personId, to: personId, ...questionnaireInvitation(link), idempotencyKey: `tracing-questionnaire:${caseId}:inbox` });
  if (phone) await sendMessage(tx, { regionId, channel: 'sms', personId, to: phone, body: questionnaireNotice(link), idempotencyKey: `tracing-questionnaire:${caseId}:sms` });
}

/**
 * A merge of two person records, in its own transaction: the cases of the merged record and the contacts that
 * point at it move to the survivor, and the survivor's cases are checked for sequencing again. Subscribe this
 * after vaccination's handler: a vaccine breakthrough is judged on the doses as they are after the merge.
 */
export const moveTracingToSurvivor = onPersonsMerged(async (tx, { regionId, fromPersonId, intoPersonId }) => {
  await tx.update(tracingCases).set({ personId: intoPersonId }).where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.personId, fromPersonId)));
  await tx.update(tracingContacts).set({ personId: intoPersonId }).where(and(eq(tracingContacts.regionId, regionId), eq(tracingContacts.personId, fromPersonId)));
  const cases = await tx.select({ id: tracingCases.id }).from(tracingCases).where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.personId, intoPersonId)));
  await refreshSequencing(tx, regionId, cases.map((c) => c.id), new Date());
});
