import { randomUUID } from 'node:crypto';
import type { OutboxItem } from '../platform/jobs/outbox.js';
import type { Collection, TestType } from './model.js';

/** Published when a positive answer is registered; contact tracing opens a case from it. */
export interface PositiveResultRegistered {
  regionId: string;
  sampleId: string;
  personId: string;
  testType: TestType;
  collection: Collection;
  takenAt: string;
  resultAt: string;
}

export const POSITIVE_RESULT_REGISTERED = 'testing.PositiveResultRegistered';

export const positiveResultRegistered = (e: PositiveResultRegistered): OutboxItem => ({
  regionId: e.regionId,
  topic: POSITIVE_RESULT_REGISTERED,
  idempotencyKey: `${POSITIVE_RESULT_REGISTERED}:${e.sampleId}`,
  payload: { ...e },
});

/** Answers ready to be sent to citizens; consumed by this area's own `sendAnswers` handler. */
export const RESULTS_ANSWERED = 'testing.ResultsAnswered';

export const resultsAnswered = (regionId: string, sampleIds: string[]): OutboxItem => ({
  regionId,
  topic: RESULTS_ANSWERED,
  idempotencyKey: `${RESULTS_ANSWERED}:${randomUUID()}`,
  payload: { sampleIds },
});
