import { and, eq } from 'drizzle-orm';
import { systemActor } from '../../platform/auth/actor.js';
import { record } from '../../platform/audit/audit.js';
import type { Db } from '../../platform/db/client.js';
import { addToOutbox } from '../../platform/jobs/outbox.js';
import { webhookTransport, type OutboxMessage, type Receipt, type Transport } from '../../platform/jobs/transports.js';
import { summariesOf } from '../people.js';
import { vaccinationDoses } from '../model.js';
import { productOf } from '../products.js';
import { vaccinationAdverseEvents } from './model.js';
import { criterionTerm, symptomTerm } from './rules.js';

/** The outbox topic of reports to Läkemedelsverket. Its payload is the report's id only: the message, with the identity number, is built when sent. */
export const ADVERSE_EVENT_REPORT = 'vaccination.adverse-event.report';
export const adverseEventKey = (id: string) => `${ADVERSE_EVENT_REPORT}:${id}`;

export function queueAdverseEventReport(tx: Db, regionId: string, id: string): Promise<void> {
  return addToOutbox(tx, { regionId, topic: ADVERSE_EVENT_REPORT, payload: { adverseEventId: id }, idempotencyKey: adverseEventKey(id) });
}

/** The report in Lägesbild's format `lagesbild.lmv.adverse-event/1`: the fields of Läkemedelsverket's form for healthcare and for the public. */
async function buildMessage(tx: Db, regionId: string, id: string, now: Date) {
  const [row] = await tx
    .select({ e: vaccinationAdverseEvents, d: vaccinationDoses })
    .from(vaccinationAdverseEvents)
    .innerJoin(vaccinationDoses, and(eq(vaccinationDoses.regionId, vaccinationAdverseEvents.regionId), eq(vaccinationDoses.id, vaccinationAdverseEvents.doseId)))
    .where(and(eq(vaccinationAdverseEvents.regionId, regionId), eq(vaccinationAdverseEvents.id, id)));
  if (!row) return null;
  const { e, d } = row;
  const person = (await summariesOf(tx, regionId, [e.personId], now)).get(e.personId);
  return {
    message: {
      format: 'lagesbild.lmv.adverse-event/1',
      reportId: e.id,
      regionId,
      reportedAt: new Date(e.reportedAt).toISOString(),
      reporter: e.reporter,
      patient: { identityNumber: person?.identityNumber ?? null, birthDate: person?.birthDate ?? null },
      vaccination: { vaccine: d.vaccine, productCode: d.productCode, productName: productOf(d.productCode)?.name ?? d.productCode, batchNumber: d.batchNumber, doseNumber: d.doseNumber, administeredAt: new Date(d.administeredAt).toISOString() },
      reaction: {
        symptoms: e.symptoms.map(symptomTerm),
        description: e.description,
        onsetAt: new Date(e.onsetAt).toISOString(),
        serious: e.serious,
        seriousCriteria: e.seriousCriteria.map(criterionTerm),
      },
    },
    personId: e.personId,
  };
}

/**
 * The outbox transport of adverse-event reports: builds the message from the report as it is now and hands
 * it to Läkemedelsverket's reporting (the configured webhook; or, in a demo, accepted here with a reference),
 * then writes the receipt on the report in the delivery transaction. A failure the webhook calls retryable
 * leaves the report waiting and the outbox tries again.
 */
export function adverseEventTransport(webhookUrl?: string): Transport {
  const hook = webhookUrl ? webhookTransport('lmv-webhook', webhookUrl) : null;
  const name = hook ? 'lmv-webhook' : 'lmv-embedded';
  return {
    name,
    async send(m: OutboxMessage, tx: Db): Promise<Receipt> {
      const { adverseEventId } = m.payload as { adverseEventId: string };
      const now = new Date();
      const built = await buildMessage(tx, m.regionId, adverseEventId, now);
      if (!built) return { transport: name, skipped: 'the report no longer exists' };
      if (hook) await hook.send({ ...m, payload: built.message as unknown as Record<string, unknown> }, tx);
      // The embedded stand-in answers as the agency does: a case reference of its own.
      const reference = hook ? null : `LV-${adverseEventId.slice(0, 8).toUpperCase()}`;
      const receivedAt = now.toISOString();
      await tx.update(vaccinationAdverseEvents).set({ receivedAt, receiptReference: reference }).where(and(eq(vaccinationAdverseEvents.regionId, m.regionId), eq(vaccinationAdverseEvents.id, adverseEventId)));
      // The identity number left the region: a disclosure, audited with the receipt.
      await record(tx, systemActor(m.regionId, 'Biverkningsrapportering'), { action: 'vaccination.adverse-event.sent', personId: built.personId, purpose: 'biverkningsrapport till Läkemedelsverket', details: { adverseEventId, transport: name, reference } });
      return { transport: name, reference, receivedAt };
    },
  };
}
