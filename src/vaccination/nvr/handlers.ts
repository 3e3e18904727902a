import { and, eq } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { OutboxMessage } from '../../platform/jobs/transports.js';
import { findPerson, listIdentifiers } from '../../identity/store.js';
import type { DoseRecorded } from '../events.js';
import { nvrReports } from './model.js';
import { queueNewAttempts, queueNvrReport } from './transport.js';

/** Whether NVR gets the person on a reservnummer: their primary number is one, or they have none. */
async function onReservnummer(tx: Db, regionId: string, personId: string): Promise<boolean> {
  const ids = await listIdentifiers(tx, regionId, [personId]);
  const primary = ids.find((i) => i.isPrimary) ?? ids[0];
  return !primary || primary.kind === 'reservnummer';
}

/**
 * A recorded dose is queued for NVR in the delivery transaction of its event: one report row per dose
 * (a redelivered event changes nothing), flagged when the person is known only by a reservnummer. A person
 * merged into another since the dose was recorded is reported as the survivor, who now has the dose.
 */
export async function reportDoseToNvr(tx: Db, event: OutboxMessage): Promise<void> {
  const e = event.payload as unknown as DoseRecorded;
  const [seen] = await tx.select({ doseId: nvrReports.doseId }).from(nvrReports).where(and(eq(nvrReports.regionId, e.regionId), eq(nvrReports.doseId, e.doseId)));
  if (seen) return;
  const personId = (await findPerson(tx, e.regionId, e.personId))?.id ?? e.personId;
  await tx.insert(nvrReports).values({ regionId: e.regionId, doseId: e.doseId, personId, reservnummer: await onReservnummer(tx, e.regionId, personId), attempt: 1, queuedAt: new Date().toISOString() });
  await queueNvrReport(tx, e.regionId, e.doseId, 1);
}

/**
 * After a merge, NVR has these doses under the wrong number (the merged record's reservnummer) or with a dose
 * number that changed when the two histories became one: each is reported again, under the survivor.
 */
export async function reportDosesAgainAs(tx: Db, regionId: string, personId: string, doseIds: string[], now: Date): Promise<void> {
  if (doseIds.length === 0) return;
  await queueNewAttempts(tx, regionId, doseIds, now.toISOString(), { personId, reservnummer: await onReservnummer(tx, regionId, personId) });
}
