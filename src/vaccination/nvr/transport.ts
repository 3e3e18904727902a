import { and, eq, inArray, sql } from 'drizzle-orm';
import { systemActor } from '../../platform/auth/actor.js';
import { record } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { addToOutbox } from '../../platform/jobs/outbox.js';
import { PermanentError, webhookTransport, type OutboxMessage, type Receipt, type Transport } from '../../platform/jobs/transports.js';
import { buildNvrMessage, nvrRejection, type NvrMessage } from './message.js';
import { nvrEmbeddedRegister, nvrReports } from './model.js';

/** The outbox topic of NVR reports. Its payload is `{ doseId, attempt }` only: the message, with the identity number, is built when sent. */
export const NVR_REPORT = 'vaccination.nvr.report';

/** The register's answer to one message: accepted at once (with its reference), or taken for later processing. */
export type NvrAnswer = { status: 'accepted'; reference: string | null } | { status: 'sent' };

/**
 * How a message reaches the register. Throw `RetryableError` when it is down or busy (the outbox retries with
 * backoff) and `PermanentError` when it rejects the message (the dose is marked rejected with the reason).
 */
export interface NvrWire {
  readonly name: string;
  deliver(message: NvrMessage, idempotencyKey: string, tx: Db): Promise<NvrAnswer>;
}

/** Keeps what it receives in `vaccination_nvr_embedded_register` and applies the register's checks. A resend with a known key is dropped. */
export const embeddedNvrWire: NvrWire = {
  name: 'embedded',
  async deliver(message, idempotencyKey, tx) {
    const rejection = nvrRejection(message);
    if (rejection) throw new PermanentError(rejection);
    await tx.insert(nvrEmbeddedRegister).values({ regionId: message.regionId, idempotencyKey, message: message as unknown as Record<string, unknown> }).onConflictDoNothing();
    const [row] = await tx.select({ id: nvrEmbeddedRegister.id }).from(nvrEmbeddedRegister).where(and(eq(nvrEmbeddedRegister.regionId, message.regionId), eq(nvrEmbeddedRegister.idempotencyKey, idempotencyKey)));
    return { status: 'accepted', reference: row!.id };
  },
};

/**
 * POSTs `{ topic, regionId, payload: <the NVR message> }` with an Idempotency-Key header through the platform's
 * webhook transport (an integration platform in front of NVR). 200/201 = accepted (a JSON `reference` in the
 * answer is kept when the receiver gives one; the webhook transport does not read bodies, so it is null);
 * 202 = taken, answer pending; 4xx = rejected; 5xx, 429 and network errors are retried.
 */
export function webhookNvrWire(url: string): NvrWire {
  const hook = webhookTransport('nvr-webhook', url);
  return {
    name: 'webhook',
    async deliver(message, idempotencyKey, tx) {
      const receipt = await hook.send({ regionId: message.regionId, id: message.doseId, topic: NVR_REPORT, payload: message as unknown as Record<string, unknown>, idempotencyKey, attempts: 1 }, tx);
      return receipt.status === 202 ? { status: 'sent' } : { status: 'accepted', reference: null };
    },
  };
}

/** Queues the report of a dose (attempt n) in the caller's transaction. */
export function queueNvrReport(tx: Db, regionId: string, doseId: string, attempt: number): Promise<void> {
  return addToOutbox(tx, { regionId, topic: NVR_REPORT, payload: { doseId, attempt }, idempotencyKey: `${NVR_REPORT}:${doseId}:${attempt}` });
}

/**
 * Reports doses again, in the caller's transaction: a new attempt each, which replaces the earlier report at NVR
 * (same doseId), and makes an answer still awaited for the earlier attempt one that is no longer taken. `person`
 * when the dose now belongs to someone else (a merge). Returns the new attempts; a dose without a report row yet
 * is not touched (its first report is still to be queued, from the dose as it is then).
 */
export async function queueNewAttempts(tx: Db, regionId: string, doseIds: string[], queuedAt: string, person?: { personId: string; reservnummer: boolean }) {
  if (doseIds.length === 0) return [];
  const rows = await tx
    .update(nvrReports)
    .set({ ...person, attempt: sql`${nvrReports.attempt} + 1`, status: 'queued', rejection: null, reference: null, sentAt: null, answeredAt: null, queuedAt })
    .where(and(eq(nvrReports.regionId, regionId), inArray(nvrReports.doseId, doseIds)))
    .returning({ doseId: nvrReports.doseId, attempt: nvrReports.attempt });
  for (const r of rows) await queueNvrReport(tx, regionId, r.doseId, r.attempt);
  return rows;
}

/**
 * The outbox transport named `nvr`: builds the message from the dose as it is now, hands it to the wire, and
 * records the answer on the dose's report row in the delivery transaction. A rejection is a delivered answer
 * (the dose is marked rejected with the reason and is not retried); a retryable failure leaves the dose
 * queued and the outbox tries again later.
 */
export function nvrTransport(wire: NvrWire): Transport {
  return {
    name: `nvr-${wire.name}`,
    async send(m: OutboxMessage, tx: Db): Promise<Receipt> {
      const { doseId, attempt } = m.payload as { doseId: string; attempt: number };
      const name = `nvr-${wire.name}`;
      const where = and(eq(nvrReports.regionId, m.regionId), eq(nvrReports.doseId, doseId), eq(nvrReports.attempt, attempt));
      const [report] = await tx.select().from(nvrReports).where(where);
      if (!report) return { transport: name, skipped: 'a later attempt replaced this one' };
      const now = new Date();
      const message = await buildNvrMessage(tx, m.regionId, doseId, attempt, now);
      if (!message) {
        await tx.update(nvrReports).set({ status: 'rejected', rejection: 'the dose no longer exists', answeredAt: now.toISOString() }).where(where);
        return { transport: name, rejected: 'dose removed' };
      }
      let answer: NvrAnswer | { status: 'rejected'; reason: string };
      try {
        answer = await wire.deliver(message, m.idempotencyKey, tx);
      } catch (e) {
        if (!(e instanceof PermanentError)) throw e;
        answer = { status: 'rejected', reason: e.message };
      }
      const at = now.toISOString();
      await tx
        .update(nvrReports)
        .set(
          answer.status === 'accepted'
            ? { status: 'accepted', reference: answer.reference, sentAt: at, answeredAt: at, rejection: null }
            : answer.status === 'rejected'
              ? { status: 'rejected', rejection: answer.reason, sentAt: at, answeredAt: at }
              : { status: 'sent', sentAt: at },
        )
        .where(where);
      // The identity number left the region: a disclosure, audited with the answer.
      await record(tx, systemActor(m.regionId, 'NVR-rapportering'), { action: 'vaccination.nvr.reported', personId: report.personId, purpose: 'rapportering till nationella vaccinationsregistret', details: { doseId, attempt, wire: wire.name, status: answer.status } });
      return { transport: name, ...answer };
    },
  };
}
