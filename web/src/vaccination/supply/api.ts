import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, ok, type BodyOf, type ResponseOf } from '../../api.js';

// --- Supply, NVR, invitations and coverage as the contract describes them ------------------------------

export type Product = ResponseOf<'/api/vaccination/supply/products'>['products'][number];
export type ForecastWeek = ResponseOf<'/api/vaccination/supply/forecasts'>['weeks'][number];
/** A received batch and where its vials went. */
export type Delivery = ResponseOf<'/api/vaccination/supply/deliveries'>['deliveries'][number];
export type DeliveryInput = BodyOf<'/api/vaccination/supply/deliveries'>;
export type SiteStock = ResponseOf<'/api/vaccination/supply/stock'>['sites'][number];
export type BatchStock = SiteStock['batches'][number];
export type OpenVial = SiteStock['openVials'][number];
export type WastageInput = BodyOf<'/api/vaccination/supply/wastage'>;
export type WastageReason = WastageInput['reason'];
export type WastageReport = ResponseOf<'/api/vaccination/supply/wastage'>;
export type WastageSummary = WastageReport['total'];
export type ShortageSite = ResponseOf<'/api/vaccination/supply/shortages'>['sites'][number];
/** What the coordinator can do about a short day, most direct first. */
export type Suggestion = ShortageSite['days'][number]['suggestions'][number];
export type NvrPending = ResponseOf<'/api/vaccination/nvr/pending'>;
export type NvrPendingDose = NvrPending['doses'][number];
export type InvitationList = ResponseOf<'/api/vaccination/invitations/lists'>['lists'][number];
export type Cancellations = ResponseOf<'/api/vaccination/invitations/cancellations'>;
export type CoverageReport = ResponseOf<'/api/vaccination/coverage'>;
export type CoverageDimension = CoverageReport['by'];
export type CoverageQuery = { by: CoverageDimension; dose: number; from: string; to: string };

// Display orders of the contract's enums; the type checker holds each list to the contract.
export const WASTAGE_REASONS = ['expired', 'broken', 'cold_chain', 'shaken', 'other'] as const satisfies readonly WastageReason[];
export const COVERAGE_DIMENSIONS = ['ageGroup', 'municipality', 'postalArea', 'region'] as const satisfies readonly CoverageDimension[];

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

export const useStock = () => useQuery({ queryKey: keys.stock, queryFn: ({ signal }) => ok(api.GET('/api/vaccination/supply/stock', { signal })) });
export const useShortages = () => useQuery({ queryKey: keys.shortages, queryFn: ({ signal }) => ok(api.GET('/api/vaccination/supply/shortages', { signal })) });
export const useProducts = () => useQuery({ queryKey: keys.products, queryFn: ({ signal }) => ok(api.GET('/api/vaccination/supply/products', { signal })) });

/** A product's name by its code (the code itself until the products are loaded). */
export function useProductName() {
  const products = useProducts();
  return (code: string) => products.data?.products.find((p) => p.productCode === code)?.name ?? code;
}
export const useForecasts = (from: string, to: string) =>
  useQuery({ queryKey: keys.forecasts(from, to), queryFn: ({ signal }) => ok(api.GET('/api/vaccination/supply/forecasts', { params: { query: { from, to } }, signal })) });

export const useDeliveries = () => useQuery({ queryKey: keys.deliveries, queryFn: ({ signal }) => ok(api.GET('/api/vaccination/supply/deliveries', { signal })) });
export const useWastage = (from: string, to: string) =>
  useQuery({ queryKey: keys.wastage(from, to), queryFn: ({ signal }) => ok(api.GET('/api/vaccination/supply/wastage', { params: { query: { from, to } }, signal })), enabled: from !== '' && to !== '' });

/** A change to supply or stock: everything the supply pages show may have moved, so all of it is fetched again. */
function useSupplyMutation<B, R>(request: (body: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => void queryClient.invalidateQueries({ queryKey: ['vaccinationSupply'] }) });
}

export const useRecordForecast = () =>
  useSupplyMutation((body: BodyOf<'/api/vaccination/supply/forecasts'>) => ok(api.POST('/api/vaccination/supply/forecasts', { body })));
export const useRecordDelivery = () => useSupplyMutation((body: DeliveryInput) => ok(api.POST('/api/vaccination/supply/deliveries', { body })));
export const useAllocateDelivery = () =>
  useSupplyMutation(({ deliveryId, allocations }: { deliveryId: string } & BodyOf<'/api/vaccination/supply/deliveries/{id}/allocations'>) =>
    ok(api.POST('/api/vaccination/supply/deliveries/{id}/allocations', { params: { path: { id: deliveryId } }, body: { allocations } })),
  );
export const useOpenVial = () => useSupplyMutation((body: BodyOf<'/api/vaccination/supply/vials'>) => ok(api.POST('/api/vaccination/supply/vials', { body })));
export const useCloseVial = () =>
  useSupplyMutation(({ vialId, ...body }: { vialId: string } & BodyOf<'/api/vaccination/supply/vials/{id}/close'>) =>
    ok(api.POST('/api/vaccination/supply/vials/{id}/close', { params: { path: { id: vialId } }, body })),
  );
export const useRecordWastage = () => useSupplyMutation((body: WastageInput) => ok(api.POST('/api/vaccination/supply/wastage', { body })));

export const useNvrPending = () => useQuery({ queryKey: keys.nvr, queryFn: ({ signal }) => ok(api.GET('/api/vaccination/nvr/pending', { signal })), refetchOnWindowFocus: false });

export function useResendNvr() {
  const queryClient = useQueryClient();
  return useMutation({
    mutationFn: (doseId: string) => ok(api.POST('/api/vaccination/nvr/doses/{doseId}/resend', { params: { path: { doseId } }, body: {} })),
    onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.nvr }),
  });
}

export const useInvitationLists = () => useQuery({ queryKey: keys.lists, queryFn: ({ signal }) => ok(api.GET('/api/vaccination/invitations/lists', { signal })) });
export const useCancellations = (from: string, to: string) =>
  useQuery({ queryKey: keys.cancellations(from, to), queryFn: ({ signal }) => ok(api.GET('/api/vaccination/invitations/cancellations', { params: { query: { from, to } }, signal })) });

function useListMutation<B, R>(request: (b: B) => Promise<R>) {
  const queryClient = useQueryClient();
  return useMutation({ mutationFn: request, onSuccess: () => void queryClient.invalidateQueries({ queryKey: keys.lists }) });
}

const onList = (id: string) => ({ params: { path: { id } } });
export const useBuildList = () => useListMutation((body: BodyOf<'/api/vaccination/invitations/lists'>) => ok(api.POST('/api/vaccination/invitations/lists', { body })));
export const useSendInvitations = () => useListMutation((id: string) => ok(api.POST('/api/vaccination/invitations/lists/{id}/send', { ...onList(id), body: { letters: true, sms: true } })));
export const useRemind = () => useListMutation((id: string) => ok(api.POST('/api/vaccination/invitations/lists/{id}/remind', { ...onList(id), body: { afterDays: 7 } })));

export const useCoverage = (q: CoverageQuery) => useQuery({ queryKey: keys.coverage(q), queryFn: ({ signal }) => ok(api.GET('/api/vaccination/coverage', { params: { query: q }, signal })) });
