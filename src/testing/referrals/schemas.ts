import { z } from 'zod';
import { instant, text } from '../../platform/input/index.js';
import { referralUrgencies } from '../model.js';
import { ResultField, TestTypeField } from '../schemas.js';

export const WriteReferralBody = z
  .object({
    identityNumber: text({ max: 20 }).describe('Personnummer, samordningsnummer or the region’s reservnummer'),
    testType: TestTypeField,
    indication: text({ max: 500 }).describe('Why the test is ordered (symptoms, contact, before surgery …)'),
    sampledByStaff: z.boolean().describe('Taken by healthcare staff: only then can a positive ground a recovery certificate'),
    samplingAt: instant.describe('When the sample is (or was) taken'),
    urgency: z.enum(referralUrgencies).default('routine'),
    orderingUnitId: z.uuid().optional().describe('The vårdcentral or ward ordering; the clinician’s own unit if left out'),
  })
  .strict();

export const ReferralStateField = z.enum(['written', 'sampled', 'received', 'answered']);

export const ReferralView = z.object({
  id: z.string(),
  code: z.string().describe('The referral id printed on the label, XXXX-XXXX-XXXX-C'),
  personId: z.string(),
  name: z.string(),
  identityNumber: z.string().nullable(),
  testType: TestTypeField,
  indication: z.string(),
  collection: z.enum(['self', 'staff']),
  urgency: z.enum(referralUrgencies),
  orderingUnitId: z.string(),
  orderingUnitName: z.string(),
  samplingAt: z.string(),
  writtenAt: z.string(),
  state: ReferralStateField,
  overdue: z.boolean().describe('Not received at the lab within the configured hours after sampling'),
  receivedAt: z.string().nullable(),
  result: ResultField.nullable(),
  resultAt: z.string().nullable(),
});

export const ReferralListQuery = z.object({ state: z.enum(['open', 'overdue', 'answered', 'all']).default('all') }).strict();
export const ReferralList = z.object({ overdueHours: z.number(), referrals: z.array(ReferralView) });
