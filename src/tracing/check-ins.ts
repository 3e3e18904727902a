import { createHash, randomBytes } from 'node:crypto';
import { sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { systemActor } from '../platform/auth/actor.js';
import { personalDataScope } from '../platform/auth/permissions.js';
import { record, recordMany } from '../platform/audit/audit.js';
import { publicUrlOf } from '../platform/config.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows, toIso } from '../platform/db/sql.js';
import { AppError, conflict, invalid } from '../platform/errors.js';
import { sendMessage } from '../platform/jobs/outbox.js';
import { stockholmTime } from '../platform/time.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import {
  addDays,
  checkAnswer,
  checkAnswerDay,
  earliestFollowedExposure,
  followUpDayOf,
  followUpWindow,
  missedInARow,
  MISSED_DAYS_TO_LIST,
  nextDueDay,
  type CheckInAnswer,
  type FollowUpWindow,
} from './follow-up-days.js';
import { checkInInvitation, checkInNotice, kitOrderedForContact, testAdvice } from './messages.js';

/**
 * Daily self-reporting of contacts under follow-up (Sara Alert's check-in): the job that sends each day's
 * check-in, the answers (a link with a single-purpose token, the citizen's inbox, or the tracer on the phone),
 * and the tracers' line list. The days come from `follow-up-days.ts`.
 */

const hashToken = (token: string) => createHash('sha256').update(token).digest('base64url');
/** 32 characters of base64url: 192 random bits, nothing to guess. */
const newToken = () => randomBytes(24).toString('base64url');
/** The link's token travels in the fragment, so it never reaches a server log. */
export const checkInLink = (base: string, token: string) => `${base}/check-in#${token}`;

const todayOf = (ctx: AppContext) => calendarDateInStockholm(ctx.clock.now());
/** The end of the last follow-up day, Swedish time: when every token of the follow-up expires. */
const endOf = (w: FollowUpWindow) => stockholmTime(addDays(w.lastDay, 1), '00:00').toISOString();

/** A contact followed on `today`: exposed within the window, not pseudonymised, and not a case since (then the case is followed instead). */
const followedContacts = (regionId: string, today: string) => sql`
  t.region_id = ${regionId} AND t.exposure_date >= ${earliestFollowedExposure(today)}::date AND t.exposure_date < ${today}::date AND t.name <> ''
  AND NOT EXISTS (SELECT 1 FROM tracing_cases k WHERE k.region_id = t.region_id AND k.person_id = t.person_id AND k.positive_taken_at >= t.exposure_date::timestamptz)`;

/**
 * The daily job: today's check-in for every contact under follow-up, once per contact and day (the row's key is the
 * contact and the day; a second run finds it and sends nothing). An SMS carries a link with a fresh token, a contact
 * in the register also gets it in the 1177 inbox, and one with neither goes on the tracers' phone list.
 */
export async function sendDueCheckIns(ctx: AppContext, regionId = ctx.config.regionId): Promise<number> {
  const now = ctx.clock.now();
  const today = calendarDateInStockholm(now);
  const base = publicUrlOf(ctx.config);
  return ctx.database.db.transaction(async (tx) => {
    const due = await queryRows<{ id: string; person_id: string | null; phone: string | null; last_exposure: string }>(
      tx,
      sql`SELECT t.id, t.person_id, coalesce(t.phone, p.phone) AS phone, t.exposure_date::text AS last_exposure
        FROM tracing_contacts t LEFT JOIN persons p ON p.region_id = t.region_id AND p.id = t.person_id
        WHERE ${followedContacts(regionId, today)}
          AND NOT EXISTS (SELECT 1 FROM tracing_check_ins c WHERE c.region_id = t.region_id AND c.contact_id = t.id AND c.day = ${today}::date)`,
    );
    let sent = 0;
    for (const k of due) {
      const w = followUpWindow(k.last_exposure);
      const n = w && followUpDayOf(w, today);
      if (!w || !n) continue;
      const token = k.phone ? newToken() : null;
      const channel = k.phone ? 'sms' : k.person_id ? 'inbox' : 'call';
      const [inserted] = await queryRows<{ contact_id: string }>(
        tx,
        sql`INSERT INTO tracing_check_ins (region_id, contact_id, day, follow_up_day, channel, token_hash, expires_at, sent_at)
          VALUES (${regionId}, ${k.id}, ${today}::date, ${n}, ${channel}, ${token && hashToken(token)}, ${endOf(w)}::timestamptz, ${now.toISOString()}::timestamptz)
          ON CONFLICT DO NOTHING RETURNING contact_id`,
      );
      if (!inserted) continue;
      const key = `tracing-check-in:${k.id}:${today}`;
      if (token) await sendMessage(tx, { regionId, channel: 'sms', personId: k.person_id, to: k.phone!, body: checkInNotice(checkInLink(base, token), n, w.days), idempotencyKey: `${key}:sms` });
      if (k.person_id) await sendMessage(tx, { regionId, channel: 'inbox', personId: k.person_id, to: k.person_id, ...checkInInvitation(`${base}/tracing/check-in`, n, w.days), idempotencyKey: `${key}:inbox` });
      sent += 1;
    }
    return sent;
  });
}

interface ContactRow {
  id: string;
  case_id: string;
  person_id: string | null;
  last_exposure: string | null;
}

async function lockCheckInByToken(tx: Db, regionId: string, token: string) {
  const [c] = await queryRows<{ contact_id: string; day: string; follow_up_day: number; expires_at: string; answered_at: string | null; person_id: string | null; last_exposure: string | null; case_id: string }>(
    tx,
    sql`SELECT c.contact_id, c.day::text, c.follow_up_day, c.expires_at, c.answered_at, t.person_id, t.exposure_date::text AS last_exposure, t.case_id
      FROM tracing_check_ins c JOIN tracing_contacts t ON t.region_id = c.region_id AND t.id = c.contact_id
      WHERE c.region_id = ${regionId} AND c.token_hash = ${hashToken(token)} FOR UPDATE OF c`,
  );
  if (!c) throw new AppError('not-found', 'token: no check-in has this link; use the newest message / länken finns inte', 'token');
  return c;
}

const tokenProblem = (message: string) => new AppError('conflict', `token: ${message}`, 'token');

/** What the public answer page shows for a link: the day only, nothing about the person. */
export async function checkInByToken(ctx: AppContext, token: string) {
  return ctx.database.db.transaction(async (tx) => {
    const c = await lockCheckInByToken(tx, ctx.config.regionId, token);
    const w = c.last_exposure ? followUpWindow(c.last_exposure) : null;
    const expired = new Date(toIso(c.expires_at)).getTime() <= ctx.clock.now().getTime();
    return { day: c.day, followUpDay: c.follow_up_day, days: w?.days ?? c.follow_up_day, lastDay: w?.lastDay ?? c.day, answered: c.answered_at !== null, expired };
  });
}

/** An answer through the SMS link: the token answers its own day once, until the follow-up ends. */
export async function answerByToken(ctx: AppContext, token: string, answer: CheckInAnswer) {
  const regionId = ctx.config.regionId;
  return ctx.database.db.transaction(async (tx) => {
    const c = await lockCheckInByToken(tx, regionId, token);
    if (c.answered_at) throw tokenProblem('this check-in is already answered; the next comes tomorrow / redan besvarad');
    if (new Date(toIso(c.expires_at)).getTime() <= ctx.clock.now().getTime()) throw tokenProblem('the follow-up has ended, so the link no longer works / uppföljningen är avslutad');
    const contact = { id: c.contact_id, case_id: c.case_id, person_id: c.person_id, last_exposure: c.last_exposure };
    return saveAnswer(ctx, tx, systemActor(regionId, 'Egenrapportering'), contact, c.day, answer, 'link');
  });
}

async function saveAnswer(ctx: AppContext, tx: Db, actor: Actor, k: ContactRow, day: string, answer: CheckInAnswer, via: 'link' | 'inbox' | 'phone') {
  const today = todayOf(ctx);
  const w = k.last_exposure ? followUpWindow(k.last_exposure) : null;
  if (!w) throw invalid('day', 'this contact has no exposure day, so no follow-up / kontakten följs inte upp');
  const n = checkAnswerDay(w, day, today);
  checkAnswer(answer, w, today);
  const now = ctx.clock.now().toISOString();
  // A day nobody was sent a check-in for (the phone list, a late start) gets its row with the answer.
  const [saved] = await queryRows<{ day: string }>(
    tx,
    sql`INSERT INTO tracing_check_ins AS c (region_id, contact_id, day, follow_up_day, channel, expires_at, sent_at, answered_at, answered_via, has_symptoms, symptoms, tested, test_date, recorded_by)
      VALUES (${actor.regionId}, ${k.id}, ${day}::date, ${n}, ${via === 'phone' ? 'call' : via === 'inbox' ? 'inbox' : 'sms'}, ${endOf(w)}::timestamptz, ${now}::timestamptz, ${now}::timestamptz, ${via},
        ${answer.hasSymptoms}, ${sql.param([...answer.symptoms])}::text[], ${answer.tested}, ${answer.testDate ?? null}::date, ${actor.kind === 'staff' ? actor.id : null}::uuid)
      ON CONFLICT (region_id, contact_id, day) DO UPDATE SET answered_at = excluded.answered_at, answered_via = excluded.answered_via, has_symptoms = excluded.has_symptoms,
        symptoms = excluded.symptoms, tested = excluded.tested, test_date = excluded.test_date, recorded_by = excluded.recorded_by
      WHERE c.answered_at IS NULL
      RETURNING c.day::text`,
  );
  if (!saved) throw conflict(`day: the check-in of ${day} is already answered / dagen är redan besvarad`, 'day');
  await record(tx, actor, { action: 'tracing.check-in.answered', personId: k.person_id, purpose: 'smittspårning', details: { contactId: k.id, caseId: k.case_id, day, via, symptoms: answer.hasSymptoms } });
  return { day, followUpDay: n, days: w.days, advice: answer.hasSymptoms ? ('test' as const) : ('none' as const), adviceText: answer.hasSymptoms ? testAdvice : null };
}

async function contactOf(tx: Db, regionId: string, contactId: string, opts: { personId?: string; forUpdate?: boolean } = {}): Promise<ContactRow> {
  const [k] = await queryRows<ContactRow>(
    tx,
    sql`SELECT id, case_id, person_id, exposure_date::text AS last_exposure FROM tracing_contacts
      WHERE region_id = ${regionId} AND id = ${contactId}::uuid AND name <> '' AND (${opts.personId ?? null}::uuid IS NULL OR person_id = ${opts.personId ?? null}::uuid)
      ${opts.forUpdate ? sql`FOR UPDATE` : sql``}`,
  );
  if (!k) throw new AppError('not-found', 'contactId: no contact with this id in your region', 'contactId');
  return k;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A citizen answers for themself, from the 1177 inbox (logged in): only a follow-up that names them. */
export async function answerAsCitizen(ctx: AppContext, citizen: Actor, contactId: string, day: string, answer: CheckInAnswer) {
  if (!UUID.test(contactId)) throw new AppError('not-found', 'contactId: no follow-up of yours with this id', 'contactId');
  return ctx.database.db.transaction(async (tx) => saveAnswer(ctx, tx, citizen, await contactOf(tx, citizen.regionId, contactId, { personId: citizen.id, forUpdate: true }), day, answer, 'inbox'));
}

/** The tracer records what the contact said on the phone. */
export async function recordPhoneAnswer(ctx: AppContext, tracer: Actor, contactId: string, day: string, answer: CheckInAnswer) {
  const regionId = personalDataScope(tracer);
  return ctx.database.db.transaction(async (tx) => saveAnswer(ctx, tx, tracer, await contactOf(tx, regionId, contactId, { forUpdate: true }), day, answer, 'phone'));
}

/** The citizen's own follow-ups in progress, with today's check-in and whether it is answered. */
export async function myCheckIns(ctx: AppContext, citizen: Actor) {
  const today = todayOf(ctx);
  const rows = await queryRows<{ id: string; last_exposure: string; answered_today: boolean }>(
    ctx.database.db,
    sql`SELECT t.id, t.exposure_date::text AS last_exposure,
        EXISTS (SELECT 1 FROM tracing_check_ins c WHERE c.region_id = t.region_id AND c.contact_id = t.id AND c.day = ${today}::date AND c.answered_at IS NOT NULL) AS answered_today
      FROM tracing_contacts t WHERE ${followedContacts(citizen.regionId, today)} AND t.person_id = ${citizen.id}::uuid ORDER BY t.exposure_date DESC`,
  );
  return {
    today,
    followUps: rows.flatMap((r) => {
      const w = followUpWindow(r.last_exposure);
      const n = w && followUpDayOf(w, today);
      return w && n ? [{ contactId: r.id, followUpDay: n, days: w.days, lastDay: w.lastDay, answeredToday: r.answered_today }] : [];
    }),
  };
}

interface CheckInJson {
  day: string;
  channel: 'sms' | 'inbox' | 'call';
  answeredAt: string | null;
  via: 'link' | 'inbox' | 'phone' | null;
  hasSymptoms: boolean | null;
  symptoms: string[];
  tested: boolean | null;
  testDate: string | null;
}

/**
 * The tracers' line list: every contact under follow-up today with the day of follow-up, the last answer and the
 * next due day. Symptoms reported raise a contact to the top (advice to test, a kit offered); two unanswered days
 * running put them on the list to call; so does a contact we can reach neither by SMS nor 1177. Each contact in the
 * register read here is an audited read.
 */
export async function followUpList(ctx: AppContext, actor: Actor) {
  const regionId = personalDataScope(actor);
  const today = todayOf(ctx);
  return ctx.database.db.transaction(async (tx) => {
    const rows = await queryRows<{
      id: string; case_id: string; person_id: string | null; name: string; phone: string | null; relation: 'household' | 'close'; last_exposure: string; check_ins: CheckInJson[]; kit_ordered_at: string | null;
    }>(
      tx,
      sql`SELECT t.id, t.case_id, t.person_id, t.name, coalesce(t.phone, p.phone) AS phone, t.relation, t.exposure_date::text AS last_exposure,
          coalesce((SELECT json_agg(json_build_object('day', c.day::text, 'channel', c.channel, 'answeredAt', to_char(c.answered_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"'), 'via', c.answered_via,
            'hasSymptoms', c.has_symptoms, 'symptoms', c.symptoms, 'tested', c.tested, 'testDate', c.test_date::text) ORDER BY c.day)
            FROM tracing_check_ins c WHERE c.region_id = t.region_id AND c.contact_id = t.id), '[]'::json) AS check_ins,
          (SELECT max(o.ordered_at) FROM kit_orders o WHERE o.region_id = t.region_id AND o.person_id = t.person_id AND o.ordered_at >= t.exposure_date::timestamptz) AS kit_ordered_at
        FROM tracing_contacts t LEFT JOIN persons p ON p.region_id = t.region_id AND p.id = t.person_id
        WHERE ${followedContacts(regionId, today)}`,
    );
    await recordMany(tx, actor, rows.map((r) => ({ action: 'tracing.follow-up.read', personId: r.person_id, purpose: 'smittspårning', details: { caseId: r.case_id, contactId: r.id } })));
    const points = await queryRows<{ id: string; name: string }>(tx, sql`SELECT id, name FROM distribution_points WHERE region_id = ${regionId} AND active ORDER BY name`);
    const contacts = rows.flatMap((r) => {
      const w = followUpWindow(r.last_exposure);
      const n = w && followUpDayOf(w, today);
      if (!w || !n) return [];
      const answered = r.check_ins.filter((c) => c.answeredAt !== null);
      const last = answered.at(-1) ?? null;
      const missed = missedInARow(r.check_ins.map((c) => ({ day: c.day, answered: c.answeredAt !== null })), today);
      const todays = r.check_ins.find((c) => c.day === today);
      const symptoms = answered.some((c) => c.hasSymptoms);
      const flags = [
        ...(symptoms ? (['symptoms'] as const) : []),
        ...(missed >= MISSED_DAYS_TO_LIST ? (['missed'] as const) : []),
        ...(todays?.channel === 'call' && !todays.answeredAt ? (['call'] as const) : []),
      ];
      return [
        {
          contactId: r.id,
          caseId: r.case_id,
          name: r.name,
          phone: r.phone,
          relation: r.relation,
          inRegister: r.person_id !== null,
          lastExposure: w.lastExposure,
          followUpDay: n,
          days: w.days,
          lastDay: w.lastDay,
          channel: todays?.channel ?? null,
          lastAnswer: last && { day: last.day, answeredAt: last.answeredAt!, via: last.via!, hasSymptoms: last.hasSymptoms!, symptoms: last.symptoms, tested: last.tested!, testDate: last.testDate },
          nextDue: nextDueDay(w, new Set(answered.map((c) => c.day)), today),
          missedInARow: missed,
          flags,
          advice: symptoms ? ('test' as const) : null,
          kitOrderedAt: r.kit_ordered_at ? toIso(r.kit_ordered_at) : null,
        },
      ];
    });
    const rank = (c: (typeof contacts)[number]) => (c.flags.includes('symptoms') ? 0 : c.flags.includes('missed') ? 1 : c.flags.includes('call') ? 2 : 3);
    contacts.sort((a, b) => rank(a) - rank(b) || a.name.localeCompare(b.name, 'sv'));
    return { today, contacts, distributionPoints: points };
  });
}

/** The tracer orders a self-test kit for a contact in the register (testing's kit orders; one open order at a time). */
export async function orderKitForContact(ctx: AppContext, tracer: Actor, contactId: string, distributionPointId: string) {
  const regionId = personalDataScope(tracer);
  const now = ctx.clock.now().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const k = await contactOf(tx, regionId, contactId, { forUpdate: true });
    if (!k.person_id) throw conflict('contactId: the contact is not in the person register; book a test by phone / kontakten finns inte i personregistret', 'contactId');
    const [point] = await queryRows<{ name: string }>(tx, sql`SELECT name FROM distribution_points WHERE region_id = ${regionId} AND id = ${distributionPointId}::uuid AND active`);
    if (!point) throw invalid('distributionPointId', 'no such active distribution point in your region');
    const [order] = await queryRows<{ id: string; ordered_at: string }>(
      tx,
      sql`INSERT INTO kit_orders (region_id, person_id, test_type, distribution_point_id, ordered_at)
        SELECT ${regionId}, ${k.person_id}::uuid, 'pcr', ${distributionPointId}::uuid, ${now}::timestamptz
        WHERE NOT EXISTS (SELECT 1 FROM kit_orders o WHERE o.region_id = ${regionId} AND o.person_id = ${k.person_id}::uuid AND o.status = 'ordered')
        RETURNING id, ordered_at`,
    );
    if (!order) throw conflict('contactId: the contact already has a kit ordered and not yet registered / det finns redan en beställning', 'contactId');
    await sendMessage(tx, { regionId, channel: 'inbox', personId: k.person_id, to: k.person_id, ...kitOrderedForContact(point.name), idempotencyKey: `tracing-contact-kit:${order.id}` });
    await record(tx, tracer, { action: 'tracing.contact.kit-ordered', personId: k.person_id, purpose: 'smittspårning', details: { contactId, caseId: k.case_id, orderId: order.id } });
    return { orderId: order.id, orderedAt: toIso(order.ordered_at), distributionPoint: point.name };
  });
}

/**
 * A contact under follow-up who tests positive: the new case is linked to the index case that named them (the
 * contact exposed last on or before the sample day, whose follow-up had not ended by it).
 */
export async function linkCaseToIndex(tx: Db, regionId: string, caseId: string, personId: string, sampleDay: string): Promise<{ indexCaseId: string; contactId: string } | null> {
  const candidates = await queryRows<{ id: string; case_id: string; last_exposure: string }>(
    tx,
    sql`SELECT id, case_id, exposure_date::text AS last_exposure FROM tracing_contacts
      WHERE region_id = ${regionId} AND person_id = ${personId}::uuid AND case_id <> ${caseId}::uuid AND exposure_date IS NOT NULL AND exposure_date <= ${sampleDay}::date
      ORDER BY exposure_date DESC, named_at DESC`,
  );
  const source = candidates.find((k) => {
    const w = followUpWindow(k.last_exposure);
    return w !== null && sampleDay <= w.lastDay;
  });
  if (!source) return null;
  await tx.execute(sql`UPDATE tracing_cases SET index_case_id = ${source.case_id}::uuid, source_contact_id = ${source.id}::uuid WHERE region_id = ${regionId} AND id = ${caseId}::uuid`);
  return { indexCaseId: source.case_id, contactId: source.id };
}
