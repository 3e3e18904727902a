import { z } from 'zod';
import { VaccineField } from '../schemas.js';
import { wastageReasons } from './model.js';

// What the supply routes answer: the contract the web UI is typed by (web/src/contract). The serializer keeps
// only the keys named here, so each view lists every field its service returns.

export const ProductView = z.object({ productCode: z.string(), vaccine: VaccineField, name: z.string(), dosesPerVial: z.number(), shakeSensitive: z.boolean(), updatedAt: z.string() });

const ForecastAllocation = z.object({ siteId: z.string(), siteName: z.string(), doses: z.number() });
const ForecastVersion = z.object({ version: z.number(), doses: z.number(), reason: z.string().nullable(), recordedBy: z.string(), recordedAt: z.string() });
export const ForecastWeeksView = z.object({
  weeks: z.array(
    z.object({ productCode: z.string(), isoWeek: z.string(), doses: z.number(), version: z.number(), planned: z.number(), receivedDoses: z.number().nullable(), allocations: z.array(ForecastAllocation), history: z.array(ForecastVersion) }),
  ),
});
export const RecordedForecastView = z.object({
  productCode: z.string(),
  isoWeek: z.string(),
  version: z.number(),
  doses: z.number(),
  previousDoses: z.number().nullable(),
  scaledAllocations: z.array(z.object({ siteId: z.string(), from: z.number(), to: z.number() })),
});
export const ForecastSharesView = z.object({ productCode: z.string(), isoWeek: z.string(), planned: z.number(), expected: z.number() });

/** A received batch and where its vials went. */
export const DeliveryView = z.object({
  id: z.string(),
  productCode: z.string(),
  isoWeek: z.string(),
  batchNumber: z.string(),
  expiresOn: z.string(),
  vials: z.number(),
  doses: z.number(),
  receivedAt: z.string(),
  allocatedVials: z.number(),
  unallocatedVials: z.number(),
  allocations: z.array(z.object({ siteId: z.string(), siteName: z.string(), vials: z.number(), allocatedAt: z.string() })),
});

const OpenVialView = z.object({ id: z.string(), deliveryId: z.string(), batchNumber: z.string(), productCode: z.string(), nominalDoses: z.number(), openedAt: z.string() });
const BatchStockView = z.object({
  siteId: z.string(),
  deliveryId: z.string(),
  productCode: z.string(),
  vaccine: VaccineField,
  batchNumber: z.string(),
  expiresOn: z.string(),
  dosesPerVial: z.number(),
  allocated: z.number(),
  opened: z.number(),
  wasted: z.number(),
  unopened: z.number(),
  expired: z.boolean(),
  expectedDoses: z.number(),
});
export const StockView = z.object({
  today: z.string(),
  sites: z.array(z.object({ siteId: z.string(), siteName: z.string(), unopenedVials: z.number(), expectedDoses: z.number(), batches: z.array(BatchStockView), openVials: z.array(OpenVialView) })),
});
export const RecentVialsView = z.object({
  vials: z.array(z.object({ id: z.string(), deliveryId: z.string(), nominalDoses: z.number(), openedAt: z.string(), dosesDrawn: z.number().nullable(), dosesDiscarded: z.number().nullable(), closedAt: z.string().nullable() })),
});
export const OpenedVialView = z.object({ id: z.string(), siteId: z.string(), deliveryId: z.string(), batchNumber: z.string(), nominalDoses: z.number(), openedAt: z.string() });
export const ClosedVialView = z.object({ id: z.string(), nominalDoses: z.number(), dosesDrawn: z.number(), dosesDiscarded: z.number(), given: z.number(), wasted: z.number(), extra: z.number() });
export const RecordedWastageView = z.object({ id: z.string(), vials: z.number(), reason: z.enum(wastageReasons), unopenedLeft: z.number() });

const WastageSummaryView = z.object({
  vialsOpened: z.number(),
  plannedDoses: z.number(),
  given: z.number(),
  extra: z.number(),
  wastedFromOpened: z.number(),
  wholeVialsLost: z.number(),
  wastedWholeVials: z.number(),
  wasted: z.number(),
  wastageShare: z.number().nullable(),
});
export const WastageReportView = z.object({
  from: z.string(),
  to: z.string(),
  rows: z.array(WastageSummaryView.extend({ siteId: z.string(), siteName: z.string(), productCode: z.string() })),
  total: WastageSummaryView,
});

/** What the coordinator can do about a short day, most direct first. */
export const SuggestionView = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('allocate'), deliveryId: z.string(), batchNumber: z.string(), productCode: z.string(), vials: z.number() }),
  z.object({ kind: z.literal('move'), siteId: z.string(), siteName: z.string(), doses: z.number() }),
  z.object({ kind: z.literal('rebook'), day: z.string(), doses: z.number() }),
  z.object({ kind: z.literal('contact'), doses: z.number() }),
]);
export const ShortagesView = z.object({
  today: z.string(),
  sites: z.array(
    z.object({
      siteId: z.string(),
      siteName: z.string(),
      vaccine: VaccineField,
      days: z.array(
        z.object({
          day: z.string(),
          booked: z.number(),
          uncovered: z.number(),
          slots: z.array(z.object({ slotId: z.string(), startsAt: z.string(), uncovered: z.number() })),
          suggestions: z.array(SuggestionView),
        }),
      ),
    }),
  ),
});
