import type { OutboxItem } from '../platform/jobs/outbox.js';

/** Published in the transaction that records a dose; NVR reporting and certificates react to it. */
export const DOSE_RECORDED = 'vaccination.DoseRecorded';

export interface DoseRecorded {
  regionId: string;
  doseId: string;
  personId: string;
}

export const doseRecorded = (e: DoseRecorded): OutboxItem => ({
  regionId: e.regionId,
  topic: DOSE_RECORDED,
  idempotencyKey: `${DOSE_RECORDED}:${e.doseId}`,
  payload: { ...e },
});
