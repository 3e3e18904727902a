import { and, eq, sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import { personalDataScope } from '../../platform/auth/permissions.js';
import { record, recordMany } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import { queryRows, toIso } from '../../platform/db/sql.js';
import { conflict, notFound } from '../../platform/errors.js';
import { personDirectory } from '../../identity/directory.js';
import { nvrReports, type NvrStatus } from './model.js';
import { NVR_REPORT, queueNewAttempts } from './transport.js';

interface Row {
  dose_id: string;
  person_id: string;
  /** Accepted reports are not pending: the query leaves them out. */
  status: Exclude<NvrStatus, 'accepted'>;
  reservnummer: boolean;
  attempt: number;
  queued_at: string;
  sent_at: string | null;
  rejection: string | null;
  vaccine: string | null;
  dose_number: number | null;
  administered_at: string | null;
  site_name: string | null;
  tries: number | null;
  last_error: string | null;
  next_attempt_at: string | null;
  delivery: string | null;
}

/**
 * Doses not yet accepted by NVR (queued, sent without an answer, rejected), oldest first, with the outbox's
 * attempts and last error; and the count per status. Listing names people, so each listed dose is an audited read.
 */
export async function pendingReports(ctx: AppContext, actor: Actor, q: { status?: Exclude<NvrStatus, 'accepted'>; reservnummer?: boolean; limit: number }) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const rows = await queryRows<Row>(
      tx,
      sql`SELECT r.dose_id, r.person_id, r.status, r.reservnummer, r.attempt, r.queued_at::text AS queued_at, r.sent_at::text AS sent_at, r.rejection,
          d.vaccine, d.dose_number, d.administered_at::text AS administered_at, s.name AS site_name,
          o.attempts AS tries, o.last_error, o.next_attempt_at::text AS next_attempt_at, o.status AS delivery
        FROM vaccination_nvr_reports r
        LEFT JOIN vaccination_doses d ON d.region_id = r.region_id AND d.id = r.dose_id
        LEFT JOIN vaccination_sites s ON s.region_id = r.region_id AND s.id = d.site_id
        LEFT JOIN outbox o ON o.region_id = r.region_id AND o.idempotency_key = ${NVR_REPORT} || ':' || r.dose_id || ':' || r.attempt
        WHERE r.region_id = ${regionId} AND r.status <> 'accepted'
          ${q.status ? sql`AND r.status = ${q.status}` : sql``} ${q.reservnummer === undefined ? sql`` : sql`AND r.reservnummer = ${q.reservnummer}`}
        ORDER BY r.queued_at, r.dose_id LIMIT ${q.limit}`,
    );
    const counts = await queryRows<{ status: NvrStatus; reservnummer: boolean; n: number }>(tx, sql`SELECT status, reservnummer, count(*)::int AS n FROM vaccination_nvr_reports WHERE region_id = ${regionId} GROUP BY 1, 2`);
    const labels = await personDirectory.labels(tx, regionId, [...new Set(rows.map((r) => r.person_id))]);
    await recordMany(tx, actor, rows.map((r) => ({ action: 'vaccination.nvr.pending.listed', personId: r.person_id, purpose: 'uppföljning av NVR-rapportering', details: { doseId: r.dose_id } })));
    const total = (s: NvrStatus) => counts.filter((c) => c.status === s).reduce((a, c) => a + c.n, 0);
    return {
      counts: { queued: total('queued'), sent: total('sent'), accepted: total('accepted'), rejected: total('rejected'), notAcceptedOnReservnummer: counts.filter((c) => c.reservnummer && c.status !== 'accepted').reduce((a, c) => a + c.n, 0) },
      doses: rows.map((r) => ({
        doseId: r.dose_id,
        personId: r.person_id,
        person: labels.get(r.person_id) ?? '',
        reservnummer: r.reservnummer,
        status: r.status,
        attempt: r.attempt,
        vaccine: r.vaccine,
        doseNumber: r.dose_number,
        administeredAt: r.administered_at ? toIso(r.administered_at) : null,
        siteName: r.site_name,
        queuedAt: toIso(r.queued_at),
        sentAt: r.sent_at ? toIso(r.sent_at) : null,
        rejection: r.rejection,
        deliveryAttempts: r.tries ?? 0,
        lastError: r.last_error,
        nextAttemptAt: r.delivery === 'pending' && r.next_attempt_at ? toIso(r.next_attempt_at) : null,
        deliveryFailed: r.delivery === 'failed',
      })),
    };
  });
}

/** Reports a rejected (or given-up) dose again after its data was corrected: a new attempt with its own idempotency key. */
export async function resendReport(ctx: AppContext, actor: Actor, doseId: string) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const [r] = await tx.select().from(nvrReports).where(and(eq(nvrReports.regionId, regionId), eq(nvrReports.doseId, doseId))).for('update');
    if (!r) throw notFound('The dose report');
    const [delivery] = await queryRows<{ status: string }>(tx, sql`SELECT status FROM outbox WHERE region_id = ${regionId} AND idempotency_key = ${`${NVR_REPORT}:${doseId}:${r.attempt}`}`);
    if (r.status === 'accepted' || (r.status !== 'rejected' && delivery?.status !== 'failed')) throw conflict('Only a rejected report, or one the outbox gave up on, can be sent again', 'doseId');
    const attempt = r.attempt + 1; // the row is locked: the new attempt is this one
    await queueNewAttempts(tx, regionId, [doseId], ctx.clock.now().toISOString());
    await record(tx, actor, { action: 'vaccination.nvr.resend', personId: r.personId, purpose: 'rättelse av NVR-rapportering', details: { doseId, attempt } });
    return { doseId, status: 'queued' as const, attempt };
  });
}
