import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { apiFetch, withQuery } from '../../api.js';

// --- Contract types (src/vaccination/supply, nvr, invitations, coverage) ------------------------------

export interface BatchStock {
  deliveryId: string;
  productCode: string;
  batchNumber: string;
  expiresOn: string;
  dosesPerVial: number;
  allocated: number;
  opened: number;
  wasted: number;
  unopened: number;
  expired: boolean;
  expectedDoses: number;
}

export interface SiteStock {
  siteId: string;
  siteName: string;
  unopenedVials: number;
  expectedDoses: number;
  batches: BatchStock[];
  openVials: OpenVial[];
}

export interface OpenVial {
  id: string;
  deliveryId: string;
  batchNumber: string;
  productCode: string;
  nominalDoses: number;
  openedAt: string;
}

/** A received batch and where its vials went (src/vaccination/supply/stock.ts: listDeliveries). */
export interface Delivery {
  id: string;
  productCode: string;
  isoWeek: string;
  batchNumber: string;
  expiresOn: string;
  vials: number;
  doses: number;
  receivedAt: string;
  allocatedVials: number;
  unallocatedVials: number;
  allocations: { siteId: string; siteName: string; vials: number; allocatedAt: string }[];
}

export interface DeliveryInput {
  productCode: string;
  isoWeek: string;
  batchNumber: string;
  expiresOn: string;
  vials: number;
}

export interface SiteVials {
  siteId: string;
  vials: number;
}

export interface ClosedVial {
  id: string;
  nominalDoses: number;
  dosesDrawn: number;
  dosesDiscarded: number;
  given: number;
  wasted: number;
  extra: number;
}

export const WASTAGE_REASONS = ['expired', 'broken', 'cold_chain', 'shaken', 'other'] as const;
export type WastageReason = (typeof WASTAGE_REASONS)[number];

export interface WastageInput {
  siteId: string;
  deliveryId: string;
  vials: number;
  reason: WastageReason;
  note?: string;
}

export interface WastageSummary {
  vialsOpened: number;
  plannedDoses: number;
  given: number;
  extra: number;
  wastedFromOpened: number;
  wholeVialsLost: number;
  wastedWholeVials: number;
  wasted: number;
  wastageShare: number | null;
}

export interface WastageReport {
  from: string;
  to: string;
  rows: (WastageSummary & { siteId: string; siteName: string; productCode: string })[];
  total: WastageSummary;
}

export type Suggestion =
  | { kind: 'allocate'; deliveryId: string; batchNumber: string; productCode: string; vials: number }
  | { kind: 'move'; siteId: string; siteName: string; doses: number }
  | { kind: 'rebook'; day: string; doses: number }
  | { kind: 'contact'; doses: number };

export interface ShortageSite {
  siteId: string;
  siteName: string;
  vaccine: string;
  days: { day: string; booked: number; uncovered: number; slots: { slotId: string; startsAt: string; uncovered: number }[]; suggestions: Suggestion[] }[];
}

export interface ForecastWeek {
  productCode: string;
  isoWeek: string;
  doses: number;
  version: number;
  planned: number;
  receivedDoses: number | null;
  allocations: { siteId: string; siteName: string; doses: number }[];
  history: { version: number; doses: number; reason: string | null; recordedBy: string; recordedAt: string }[];
}

export interface Product {
  productCode: string;
  vaccine: string;
  name: string;
  dosesPerVial: number;
}

export interface NvrPendingDose {
  doseId: string;
  person: string;
  reservnummer: boolean;
  status: 'queued' | 'sent' | 'rejected';
  attempt: number;
  vaccine: string | null;
  doseNumber: number | null;
  administeredAt: string | null;
  siteName: string | null;
  queuedAt: string;
  rejection: string | null;
  deliveryAttempts: number;
  lastError: string | null;
  nextAttemptAt: string | null;
  deliveryFailed: boolean;
}

export interface NvrPending {
  counts: { queued: number; sent: number; accepted: number; rejected: number; notAcceptedOnReservnummer: number };
  doses: NvrPendingDose[];
}

export interface InvitationList {
  id: string;
  title: string;
  vaccine: string;
  municipalityCode: string | null;
  postalCodePrefix: string | null;
  builtFor: string;
  createdAt: string;
  people: number;
  lettersSent: number;
  smsSent: number;
  reminded: number;
  bookedOrVaccinated: number;
  cancelledWithoutNewBooking: number;
}

export interface Cancellations {
  groups: { ageGroup: string; booked: number; cancelled: number; cancelledShare: number | null }[];
  total: { booked: number; cancelled: number; cancelledShare: number | null };
}

export const COVERAGE_DIMENSIONS = ['ageGroup', 'municipality', 'postalArea', 'region'] as const;
export type CoverageDimension = (typeof COVERAGE_DIMENSIONS)[number];

export interface CoverageQuery {
  by: CoverageDimension;
  dose: number;
  from: string;
  to: string;
}

export interface CoverageReport {
  by: CoverageDimension;
  dose: number;
  asOf: string;
  overall: { population: number; vaccinated: number; coverage: number | null };
  lowThreshold: number | null;
  rows: { key: string; label: string; population: number; vaccinated: (number | null)[]; coverage: (number | null)[]; low: boolean; suppressed: boolean }[];
  weeks: string[];
  series: { key: string; label: string; points: { week: string; vaccinated: number; coverage: number | null }[] }[];
}

// --- Hooks -------------------------------------------------------------------------------------------

const keys = {
  stock: ['vaccinationSupply', 'stock'] as const,
  deliveries: ['vaccinationSupply', 'deliveries'] as const,
  wastage: (from: string, to: string) => ['vaccinationSupply', 'wastage', from, to] as const,
  shortages: ['vaccinationSupply', 'shortages'] as const,
  forecasts: (from: string, to: string) => ['vaccinationSupply', 'forecasts', from, to] as const,
  products: ['vaccinationSupply', 'products'] as const,
  nvr: ['vaccinationSupply', 'nvr'] as const,
  lists: ['vaccinationSupply', 'invitations'] as const,
  cancellations: (from: string, to: string) => ['vaccinationSupply', 'cancellations', from, to] as const,
  coverage: (q: CoverageQuery) => ['vaccinationSupply', 'coverage', q] as const,
};

export const useStock = () => useQuery({ queryKey: keys.stock, queryFn: ({ signal }) => apiFetch<{ today: string; sites: SiteStock[] }>('/api/vaccination/supply/stock', { signal }) });
export const useShortages = () => useQuery({ queryKey: keys.shortages, queryFn: ({ signal }) => apiFetch<{ today: string; sites: ShortageSite[] }>('/api/vaccination/supply/shortages', { signal }) });
export const useProducts = () => useQuery({ queryKey: keys.products, queryFn: ({ signal }) => apiFetch<{ products: Product[] }>('/api/vaccination/supply/products', { signal }) });

/** A product's name by its code (the code itself until the products are loaded). */
export function useProductName() {
  const products = useProducts();
  return (code: string) => products.data?.products.find((p) => p.productCode === code)?.name ?? code;
}
export const useForecasts = (from: string, to: string) =>
  useQuery({ queryKey: keys.forecasts(from, to), queryFn: ({ signal }) => apiFetch<{ weeks: ForecastWeek[] }>(withQuery('/api/vaccination/supply/forecasts', { from, to }), { signal }) });

export const useDeliveries = () => useQuery({ queryKey: keys.deliveries, queryFn: ({ signal }) => apiFetch<{ deliveries: Delivery[] }>('/api/vaccination/supply/deliveries', { signal }) });
export const useWastage = (from: string, to: string) =>
  useQuery({ queryKey: keys.wastage(from, to), queryFn: ({ signal }) => apiFetch<WastageReport>(withQuery('/api/vaccination/supply/wastage', { from, to }), { signal }), enabled: from !== '' && to !== '' });

/** A change to supply or stock: everything the supply pages show may have moved, so all of it is fetched again. */
function useSupplyMutation<B, R>(request: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['vaccinationSupply'] }) });
}

const post = <R>(path: string, body: unknown) => apiFetch<R>(path, { method: 'POST', body });

export const useRecordForecast = () =>
  useSupplyMutation((body: { productCode: string; isoWeek: string; doses: number; reason?: string }) =>
    post<{ version: number; doses: number; previousDoses: number | null; scaledAllocations: { siteId: string; from: number; to: number }[] }>('/api/vaccination/supply/forecasts', body),
  );
export const useRecordDelivery = () => useSupplyMutation((body: DeliveryInput) => post<Delivery>('/api/vaccination/supply/deliveries', body));
export const useAllocateDelivery = () =>
  useSupplyMutation(({ deliveryId, allocations }: { deliveryId: string; allocations: SiteVials[] }) => post<Delivery>(`/api/vaccination/supply/deliveries/${encodeURIComponent(deliveryId)}/allocations`, { allocations }));
export const useOpenVial = () => useSupplyMutation((body: { siteId: string; deliveryId: string }) => post<OpenVial>('/api/vaccination/supply/vials', body));
export const useCloseVial = () =>
  useSupplyMutation(({ vialId, ...body }: { vialId: string; dosesDrawn: number; dosesDiscarded: number }) => post<ClosedVial>(`/api/vaccination/supply/vials/${encodeURIComponent(vialId)}/close`, body));
export const useRecordWastage = () => useSupplyMutation((body: WastageInput) => post<{ id: string; vials: number; reason: WastageReason; unopenedLeft: number }>('/api/vaccination/supply/wastage', body));

export const useNvrPending = () => useQuery({ queryKey: keys.nvr, queryFn: ({ signal }) => apiFetch<NvrPending>('/api/vaccination/nvr/pending', { signal }), refetchOnWindowFocus: false });

export function useResendNvr() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doseId: string) => apiFetch<unknown>(`/api/vaccination/nvr/doses/${encodeURIComponent(doseId)}/resend`, { method: 'POST', body: {} }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.nvr }),
  });
}

export const useInvitationLists = () => useQuery({ queryKey: keys.lists, queryFn: ({ signal }) => apiFetch<{ lists: InvitationList[] }>('/api/vaccination/invitations/lists', { signal }) });
export const useCancellations = (from: string, to: string) =>
  useQuery({ queryKey: keys.cancellations(from, to), queryFn: ({ signal }) => apiFetch<Cancellations>(withQuery('/api/vaccination/invitations/cancellations', { from, to }), { signal }) });

function useListMutation<B, R>(path: (b: B) => string, body: (b: B) => unknown) {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (b: B) => apiFetch<R>(path(b), { method: 'POST', body: body(b) }),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.lists }),
  });
}

export const useBuildList = () =>
  useListMutation<{ recommendationId: string; municipalityCode?: string; postalCodePrefix?: string }, InvitationList>(
    () => '/api/vaccination/invitations/lists',
    (b) => b,
  );
export const useSendInvitations = () => useListMutation<string, { letters: number; sms: number; withoutPhone: number }>((id) => `/api/vaccination/invitations/lists/${id}/send`, () => ({ letters: true, sms: true }));
export const useRemind = () => useListMutation<string, { reminded: number; notBookedWithoutPhone: number }>((id) => `/api/vaccination/invitations/lists/${id}/remind`, () => ({ afterDays: 7 }));

export const coveragePath = (q: CoverageQuery, ext = '') => withQuery(`/api/vaccination/coverage${ext}`, { by: q.by, dose: String(q.dose), from: q.from, to: q.to });
export const useCoverage = (q: CoverageQuery) => useQuery({ queryKey: keys.coverage(q), queryFn: ({ signal }) => apiFetch<CoverageReport>(coveragePath(q), { signal }) });
