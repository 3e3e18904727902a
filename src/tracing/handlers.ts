import { and, desc, eq } from 'drizzle-orm';
import { systemActor } from '../platform/auth/actor.js';
import { record } from '../platform/audit/audit.js';
import type { Db } from '../platform/db/client.js';
import type { OutboxMessage } from '../platform/jobs/transports.js';
import { settingsOf } from '../identity/settings.js';
import type { PositiveResultRegistered } from '../testing/events.js';
import { tracingCaseResults, tracingCases } from './model.js';
import { deadlines, decideCase, priorityOf } from './rules.js';

/**
 * A positive result opens a case, or joins the person's case from the last 90 days. Runs in the outbox
 * delivery transaction; a redelivered event changes nothing (the source sample is unique, attachments too).
 */
export async function onPositiveResult(tx: Db, event: OutboxMessage): Promise<void> {
  const e = event.payload as unknown as PositiveResultRegistered;
  const regionId = e.regionId;
  const [seen] = await tx
    .select({ id: tracingCases.id })
    .from(tracingCases)
    .where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.sourceSampleId, e.sampleId)));
  if (seen) return; // this positive already opened its case
  const [latest] = await tx
    .select({ id: tracingCases.id, positiveTakenAt: tracingCases.positiveTakenAt })
    .from(tracingCases)
    .where(and(eq(tracingCases.regionId, regionId), eq(tracingCases.personId, e.personId)))
    .orderBy(desc(tracingCases.positiveTakenAt))
    .limit(1);
  const decision = decideCase(latest, new Date(e.takenAt));
  const actor = systemActor(regionId, 'Smittspårning');
  if (decision.kind === 'attach') {
    await tx.insert(tracingCaseResults).values({ regionId, sampleId: e.sampleId, caseId: decision.caseId, takenAt: e.takenAt }).onConflictDoNothing();
    await record(tx, actor, { action: 'tracing.case.result-attached', personId: e.personId, purpose: 'smittspårning', details: { caseId: decision.caseId, sampleId: e.sampleId } });
    return;
  }
  const settings = await settingsOf(tx, regionId, e.personId);
  const { priority, reason } = priorityOf(settings ?? { careHome: null, homeCare: false, careWorkplace: null, school: null, schoolClass: null });
  const openedAt = new Date();
  const due = deadlines(openedAt);
  const [opened] = await tx
    .insert(tracingCases)
    .values({
      regionId,
      personId: e.personId,
      sourceSampleId: e.sampleId,
      positiveTakenAt: e.takenAt,
      openedAt: openedAt.toISOString(),
      priority,
      priorityReason: reason,
      questionnaireDueAt: due.questionnaireDueAt.toISOString(),
      firstCallDueAt: due.firstCallDueAt.toISOString(),
      possibleReinfection: decision.possibleReinfection,
      previousCaseId: decision.previousCaseId,
    })
    .onConflictDoNothing()
    .returning({ id: tracingCases.id });
  if (opened) await record(tx, actor, { action: 'tracing.case.opened', personId: e.personId, purpose: 'smittspårning', details: { caseId: opened.id, priority } });
}
