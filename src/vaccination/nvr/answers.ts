import { timingSafeEqual, createHash } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import { systemActor } from '../../platform/auth/actor.js';
import { record } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import { AppError, conflict, invalid, notFound } from '../../platform/errors.js';
import { nvrReports } from './model.js';

/** NVR's later answer to a report it took with 202: the message it answers, and its verdict. */
export interface NvrLaterAnswer {
  regionId: string;
  /** `<doseId>:<attempt>`, the message's id and Idempotency-Key. */
  messageId: string;
  status: 'accepted' | 'rejected';
  reference?: string | undefined;
  reason?: string | undefined;
}

const digest = (s: string) => createHash('sha256').update(s).digest();

/** The integration proves itself with the configured bearer token; without one configured, the route does not exist. */
export function checkAnswerToken(ctx: AppContext, authorization: string | undefined): void {
  const token = ctx.config.nvrAnswerToken;
  if (!token) throw notFound('The NVR answer endpoint (NVR_ANSWER_TOKEN is not set)');
  const given = /^Bearer (.+)$/.exec(authorization ?? '')?.[1] ?? '';
  // Compared as digests: equal length, constant time.
  if (!timingSafeEqual(digest(given), digest(token))) throw new AppError('unauthenticated', 'A valid bearer token is required');
}

/**
 * Records NVR's answer to a report that was sent without one. Only the attempt still waiting can be answered:
 * an answer to an earlier attempt (the dose was resent since) or a second answer is refused as a conflict.
 */
export async function recordLaterAnswer(ctx: AppContext, answer: NvrLaterAnswer) {
  const m = /^([0-9a-f-]{36}):(\d+)$/i.exec(answer.messageId);
  if (!m) throw invalid('messageId', 'must be <doseId>:<attempt>, as sent');
  const [doseId, attempt] = [m[1]!.toLowerCase(), Number(m[2])];
  if (answer.status === 'rejected' && !answer.reason) throw invalid('reason', 'a rejection needs the register’s reason');
  return ctx.database.db.transaction(async (tx) => {
    const where = and(eq(nvrReports.regionId, answer.regionId), eq(nvrReports.doseId, doseId));
    const [report] = await tx.select().from(nvrReports).where(where).for('update');
    if (!report) throw notFound('The dose report');
    if (report.attempt !== attempt || report.status !== 'sent') throw conflict(`The report is ${report.status} at attempt ${report.attempt}; this answer is for attempt ${attempt}`, 'messageId');
    const answeredAt = ctx.clock.now().toISOString();
    await tx
      .update(nvrReports)
      .set(answer.status === 'accepted' ? { status: 'accepted', reference: answer.reference ?? null, answeredAt } : { status: 'rejected', rejection: answer.reason!, answeredAt })
      .where(where);
    await record(tx, systemActor(answer.regionId, 'NVR'), { action: `vaccination.nvr.${answer.status}`, personId: report.personId, purpose: 'svar från nationella vaccinationsregistret', details: { doseId, attempt, reference: answer.reference ?? null } });
    return { doseId, status: answer.status };
  });
}
