import { z } from 'zod';
import { clockTime, day, instant, phone, text } from '../platform/input/index.js';
import { bookingReasons, testResults, testTypes } from './model.js';

export const TestTypeField = z.enum(testTypes);
export const ResultField = z.enum(testResults);

export const DistributionPointView = z.object({
  id: z.string(),
  kind: z.enum(['vardcentral', 'pharmacy', 'station']),
  name: z.string(),
  streetAddress: z.string().nullable(),
  postalCode: z.string().nullable(),
  municipalityCode: z.string().nullable(),
  openingHours: z.string(),
});

export const OrderKitBody = z.object({ testType: TestTypeField.default('pcr'), distributionPointId: z.uuid() }).strict();
export const OrderView = z.object({ id: z.string(), testType: TestTypeField, distributionPoint: DistributionPointView, orderedAt: z.string(), status: z.string() });

export const RegisterKitBody = z
  .object({
    kitCode: text({ max: 200 }).describe('As printed or scanned: XXXX-XXXX-XXXX-C, or the QR code text'),
    takenAt: instant.optional().describe('When the sample was taken; now if left out'),
  })
  .strict();

export const SampleView = z.object({
  id: z.string(),
  kitCode: z.string().nullable(),
  testType: TestTypeField,
  collection: z.enum(['self', 'staff']),
  takenAt: z.string(),
  status: z.enum(['registered', 'received', 'analysed', 'answered']),
  result: ResultField.nullable(),
  resultAt: z.string().nullable(),
});

export const IssueKitsBody = z.object({ testType: TestTypeField.default('pcr'), count: z.number().int().min(1).max(10_000), batch: text({ max: 50 }).optional() }).strict();

export const KitCodeBody = z.object({ kitCode: text({ max: 200 }) }).strict();

export const RegisterResultBody = z
  .object({
    kitCode: text({ max: 200 }),
    testType: TestTypeField,
    result: ResultField,
    resultAt: instant.optional(),
    method: text({ max: 100, min: 0 }).optional().describe('Analysing method, e.g. "RT-PCR SARS-CoV-2 (Cobas)"'),
  })
  .strict();
export const ResultOutcomeView = z.object({ status: z.enum(['accepted', 'unchanged', 'held', 'rejected']), sampleId: z.string().optional(), reason: z.string().optional() });

export const CreateSlotsBody = z
  .object({
    stationId: z.uuid(),
    date: day,
    from: clockTime,
    to: clockTime,
    minutes: z.number().int().min(5).max(240).default(15),
    capacity: z.number().int().min(1).max(500),
    testType: TestTypeField.default('pcr'),
  })
  .strict();
export const SlotView = z.object({ id: z.string(), stationId: z.string(), startsAt: z.string(), endsAt: z.string(), testType: TestTypeField, capacity: z.number(), booked: z.number() });

export const BookSamplingBody = z
  .object({
    slotId: z.uuid(),
    personId: z.uuid(),
    reason: z.enum(bookingReasons),
    phone: phone.optional(),
  })
  .strict();
export const BookingView = z.object({ id: z.string(), slotId: z.string(), personId: z.string(), reason: z.string(), status: z.string(), startsAt: z.string() });

export const CollectSampleBody = z
  .object({
    personId: z.uuid(),
    bookingId: z.uuid().optional(),
    testType: TestTypeField,
    takenAt: instant.optional(),
    provider: text({ max: 200, min: 0 }).optional().describe('Another provider taking the sample on the region’s behalf'),
  })
  .strict();
export const CollectedSampleView = SampleView.extend({ kitCode: z.string(), label: z.string() });
