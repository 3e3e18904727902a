import type { Db } from '../platform/db/client.js';
import type { OutboxItem } from '../platform/jobs/outbox.js';
import type { PublishHandler } from '../platform/jobs/worker.js';

/**
 * Published in the transaction that folds one person record into another (typically a reservnummer linked to
 * the personnummer of a record that already existed). Every area that keeps person ids subscribes with
 * `outbox.onPublish` and moves its rows to `intoPersonId` in that same transaction: no view, eligibility check
 * or report ever sees the survivor without the merged record's history.
 */
export const PERSONS_MERGED = 'identity.PersonsMerged';

export interface PersonsMerged {
  regionId: string;
  /** The record merged away; it stays, pointing at the survivor (`persons.merged_into`), so its old id still resolves. */
  fromPersonId: string;
  intoPersonId: string;
}

export const personsMerged = (e: PersonsMerged): OutboxItem => ({
  regionId: e.regionId,
  topic: PERSONS_MERGED,
  idempotencyKey: `${PERSONS_MERGED}:${e.fromPersonId}->${e.intoPersonId}`,
  payload: { ...e },
});

/** A subscriber to PersonsMerged, typed. */
export const onPersonsMerged =
  (handle: (tx: Db, e: PersonsMerged) => Promise<void>): PublishHandler =>
  (tx, event) =>
    handle(tx, event.payload as unknown as PersonsMerged);
