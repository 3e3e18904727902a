import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { OutboxMessage } from '../../platform/jobs/transports.js';
import { findPerson, listIdentifiers } from '../../identity/store.js';
import type { DoseRecorded } from '../events.js';
import { nvrReports } from './model.js';
import { queueNvrReport } from './transport.js';

/**
 * A recorded dose is queued for NVR in the delivery transaction of its event: one report row per dose
 * (a redelivered event changes nothing), flagged when the person is known only by a reservnummer.
 */
export async function reportDoseToNvr(tx: Db, event: OutboxMessage): Promise<void> {
  const e = event.payload as unknown as DoseRecorded;
  const [seen] = await tx.select({ doseId: nvrReports.doseId }).from(nvrReports).where(and(eq(nvrReports.regionId, e.regionId), eq(nvrReports.doseId, e.doseId)));
  if (seen) return;
  const person = await findPerson(tx, e.regionId, e.personId);
  const ids = person ? await listIdentifiers(tx, e.regionId, [person.id]) : [];
  const primary = ids.find((i) => i.isPrimary) ?? ids[0];
  await tx.insert(nvrReports).values({ regionId: e.regionId, doseId: e.doseId, personId: e.personId, reservnummer: !primary || primary.kind === 'reservnummer', attempt: 1, queuedAt: new Date().toISOString() });
  await queueNvrReport(tx, e.regionId, e.doseId, 1);
}
