import { and, eq, gte, isNull, lte, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { publishEvent, sendMessages } from '../platform/jobs/outbox.js';
import { staffEmails } from '../identity/store.js';
import { reportingReturnEvents, reportingRounds } from './model.js';
import { organisationOf } from './organisations.js';
import { getRound, todayOf, type Round } from './rounds.js';
import { findReturn, lockReturn, missingOf } from './returns.js';
import { reminderDue } from './rules.js';

/** The event other systems take a reminder from; the region's analysts with an e-mail address also get one. */
export const REMINDER_SENT = 'reporting.ReminderSent';

/**
 * Reminds every organisation of a round that has not submitted, once a day while a reminder is due (from three
 * days before the deadline; every day once late), with the list of what is missing. The reminder is kept on the
 * return, so the region sees it in the form, and leaves through the outbox in the same transaction.
 */
async function remindRound(ctx: AppContext, tx: Db, round: Round, only: (organisation: string) => boolean, by: string): Promise<number> {
  const today = todayOf(ctx);
  const kind = reminderDue(round, today);
  if (!kind) return 0;
  let sent = 0;
  const remindedToday = async (regionId: string, returnId: string) =>
    (
      await tx
        .select({ id: reportingReturnEvents.id })
        .from(reportingReturnEvents)
        .where(and(eq(reportingReturnEvents.regionId, regionId), eq(reportingReturnEvents.returnId, returnId), eq(reportingReturnEvents.kind, `reminder_${kind}`), sql`(${reportingReturnEvents.at} AT TIME ZONE 'Europe/Stockholm')::date = ${today}::date`))
        .limit(1)
    ).length > 0;
  for (const code of round.organisations.filter(only)) {
    const org = organisationOf(code)!;
    // Read first, lock only when a reminder may be due: housekeeping runs this every few seconds.
    const seen = await findReturn(tx, org.regionId, round.id, code);
    if (seen && (seen.status === 'submitted' || (await remindedToday(org.regionId, seen.id)))) continue;
    const ret = await lockReturn(tx, org.regionId, round.id, code);
    if (ret.status === 'submitted' || (await remindedToday(org.regionId, ret.id))) continue;
    const { missing } = await missingOf(tx, round, org.regionId, code, ret.id);
    const list = missing.map((q) => q.label);
    const note = kind === 'late' ? `Sen: sista dag var ${round.deadline}` : `Sista dag ${round.deadline}`;
    await tx.insert(reportingReturnEvents).values({ regionId: org.regionId, returnId: ret.id, kind: `reminder_${kind}`, note, missing: list, by, at: ctx.clock.now().toISOString() });
    await publishEvent(tx, org.regionId, REMINDER_SENT, { roundId: round.id, roundName: round.name, organisation: code, kind, deadline: round.deadline, missing: list }, `${round.id}:${code}:${kind}:${today}`);
    await mailAnalysts(tx, org.regionId, `${round.id}:${code}:${kind}:${today}`, reminderMail(round, org.name, kind, list));
    sent += 1;
  }
  return sent;
}

function reminderMail(round: Round, organisation: string, kind: 'before-deadline' | 'late', missing: string[]) {
  const sv = kind === 'late' ? `Svaret från ${organisation} på ${round.name} är sent: sista dag var ${round.deadline}.` : `Sista dag för ${organisation} att svara på ${round.name} är ${round.deadline}.`;
  const en = kind === 'late' ? `The answer of ${organisation} to ${round.name} is late: the deadline was ${round.deadline}.` : `The deadline for ${organisation} to answer ${round.name} is ${round.deadline}.`;
  const list = missing.length ? missing.map((m) => `- ${m}`).join('\n') : '- (inget obligatoriskt saknas / nothing mandatory is missing)';
  return {
    subject: `Påminnelse: ${round.name} / Reminder: ${round.name}`,
    body: `${sv}\nDet här saknas:\n${list}\n\nSvara i Lägesbild under Uppföljning.\n\n${en}\nMissing:\n${list}\n\nAnswer in Lägesbild under Follow-up.`,
  };
}

/** An e-mail to each of the region's analysts with an address, in the reminder's transaction (one per address and day). */
async function mailAnalysts(tx: Db, regionId: string, key: string, mail: { subject: string; body: string }) {
  const addresses = await staffEmails(tx, regionId, 'analyst');
  await sendMessages(tx, addresses.map((to) => ({ regionId, channel: 'email' as const, to, ...mail, idempotencyKey: `${REMINDER_SENT}:${key}:${to}` })));
}

/** The national analyst's "send reminders" for one round: every organisation that has not submitted. */
export async function sendRoundReminders(ctx: AppContext, actor: Actor, roundId: string) {
  return ctx.database.db.transaction(async (tx) => {
    const round = await getRound(tx, roundId, 'id', { forUpdate: true });
    return { sent: await remindRound(ctx, tx, round, () => true, actor.name) };
  });
}

/** Housekeeping: the reminders due today for this instance's region, in every round open or late. */
export async function sendDueReminders(ctx: AppContext): Promise<number> {
  // The national instance answers nothing itself; each region's instance reminds its own organisations.
  if (ctx.config.nationalInstance) return 0;
  const today = todayOf(ctx);
  return ctx.database.db.transaction(async (tx) => {
    const rounds = await tx.select().from(reportingRounds).where(and(isNull(reportingRounds.publishedAt), lte(reportingRounds.opensOn, today), gte(reportingRounds.deadline, sql`${today}::date - 60`)));
    let sent = 0;
    for (const round of rounds) sent += await remindRound(ctx, tx, round, (o) => organisationOf(o)?.regionId === ctx.config.regionId, 'Lägesbild');
    return sent;
  });
}
