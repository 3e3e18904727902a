import { sql } from 'drizzle-orm';
import { onPersonsMerged } from '../identity/events.js';

/** A merge of person records: the certificates and requests follow the person to the surviving record. */
export const moveCertificatesToSurvivor = onPersonsMerged(async (tx, { regionId, fromPersonId, intoPersonId }) => {
  await tx.execute(sql`UPDATE certificate_requests SET person_id = ${intoPersonId} WHERE region_id = ${regionId} AND person_id = ${fromPersonId}`);
  await tx.execute(sql`UPDATE certificates SET person_id = ${intoPersonId} WHERE region_id = ${regionId} AND person_id = ${fromPersonId}`);
});
