import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, apiFetch, ok, withQuery, type BodyOf, type ResponseOf } from '../../api.js';

// Contract types (src/vaccination/schemas.ts)

export const VACCINES = ['covid-19', 'influenza'] as const;
export type Vaccine = (typeof VACCINES)[number];
/** A vaccine named in a link's query: influenza, else covid-19. */
export const vaccineParam = (value: string | null): Vaccine => (value === 'influenza' ? 'influenza' : 'covid-19');
export type SiteKind = 'vardcentral' | 'mass_centre' | 'mobile_unit' | 'home_visit' | 'care_home' | 'lss_home';
export const SITE_KINDS: SiteKind[] = ['vardcentral', 'mass_centre', 'mobile_unit', 'home_visit', 'care_home', 'lss_home'];
export const ON_BEHALF_REASONS = ['no_eid', 'cannot_use_eid', 'guardian_request', 'interpreter', 'other'] as const;
export type OnBehalfReason = (typeof ON_BEHALF_REASONS)[number];

export interface Eligibility {
  eligible: boolean;
  recommendationId: string | null;
  vaccine: string;
  doseNumber: number | null;
  from: string | null;
  reason: string;
}

export interface Booking {
  id: string;
  visitId: string;
  personId: string;
  siteId: string;
  siteName: string;
  slotId: string;
  vaccine: Vaccine;
  doseNumber: number;
  startsAt: string;
  status: 'booked' | 'cancelled' | 'attended';
  channel: 'self' | 'guardian' | 'on_behalf';
  bookedAt: string;
  cancelledAt: string | null;
}

/** When the dose after a booked one can be given: the engine's answer at the rule's interval. */
export interface NextDose {
  vaccine: Vaccine;
  doseNumber: number;
  from: string;
  recommendationId: string;
}

/** A booking in a person's record: with the next dose proposal while it is booked. */
export interface RecordBooking extends Booking {
  nextDose: NextDose | null;
}

export interface Dose {
  id: string;
  personId: string;
  siteId: string | null;
  siteName: string | null;
  vaccine: Vaccine;
  productCode: string;
  productName: string;
  batchNumber: string;
  doseNumber: number;
  administeredAt: string;
  bookingId: string | null;
}

export interface PersonRecord {
  personId: string;
  name: string;
  age: number | null;
  eligibility: { covid: Eligibility; influenza: Eligibility };
  bookings: RecordBooking[];
  doses: Dose[];
}

export interface Site {
  id: string;
  name: string;
  kind: SiteKind;
  municipalityCode: string | null;
  postalCode: string | null;
  streetAddress: string | null;
  vaccines: Vaccine[];
  slotMinutes: number;
  active: boolean;
  bookable: boolean;
}

export interface SiteDetail extends Site {
  hours: { weekday: number; opens: string; closes: string }[];
  staffing: { day: string; vaccinators: number; perVaccinatorPerHour: number }[];
}

export interface Slot {
  id: string;
  siteId: string;
  startsAt: string;
  endsAt: string;
  capacity: number;
  booked: number;
  free: number;
}

export interface Availability {
  nextFreeSlot: { siteId: string; siteName: string; startsAt: string } | null;
  nextRelease: { siteId: string; siteName: string; releasedAt: string; startsAt: string } | null;
  message: { sv: string; en: string };
}

export interface Appointment {
  bookingId: string;
  visitId: string;
  personId: string;
  name: string;
  identityNumber: string | null;
  vaccine: Vaccine;
  doseNumber: number;
  startsAt: string;
  status: Booking['status'];
}

export interface StaffPersonRecord {
  person: { id: string; name: string; identityNumber: string | null; age: number | null };
  riskGroup: boolean;
  eligibility: { covid: Eligibility; influenza: Eligibility };
  bookings: RecordBooking[];
  doses: Dose[];
}

export interface Product {
  code: string;
  name: string;
  vaccine: Vaccine;
}

export type Criteria = NewRecommendation['criteria'];
export type Cohort = Criteria['cohorts'][number];
export type Group = NonNullable<Cohort['anyOf']>[number];
export type Schedule = Criteria['schedule'];
export type SeasonWindow = Extract<Schedule, { kind: 'seasonal' }>['windows'][number];
/** The groups a cohort can name, in display order; the type checker holds the list to the contract. */
export const GROUPS = ['care_home', 'home_care', 'lss_home', 'household_of_care', 'care_staff', 'risk_group'] as const satisfies readonly Group[];

export type Recommendation = ResponseOf<'/api/vaccination/recommendations'>['recommendations'][number];
export type NewRecommendation = BodyOf<'/api/vaccination/recommendations'>;

/** Why a dose departs from its booking or from the stock of the site where it is given. */
export type DoseDeviation = 'given_elsewhere' | 'batch_from_other_site';

export interface RecordDoseInput {
  personId: string;
  bookingId?: string;
  siteId: string;
  vaccine: Vaccine;
  productCode: string;
  batchNumber: string;
  doseNumber: number;
  outsideRecommendation?: string;
  deviations?: DoseDeviation[];
  /** With batch_from_other_site: the site whose stock the vial came from. */
  batchSiteId?: string;
}

export interface RecordedDose {
  dose: Dose;
  next: Eligibility & { suggestedSlot: Slot | null };
}

const keys = {
  my: ['vaccination', 'my'] as const,
  sites: ['vaccination', 'sites'] as const,
  site: (id: string) => ['vaccination', 'site', id] as const,
  slots: (siteId: string, from: string, to: string) => ['vaccination', 'slots', siteId, from, to] as const,
  availability: (siteId: string | null) => ['vaccination', 'availability', siteId ?? 'all'] as const,
  appointments: (siteId: string, date: string) => ['vaccination', 'appointments', siteId, date] as const,
  person: (id: string) => ['vaccination', 'person', id] as const,
  products: ['vaccination', 'products'] as const,
  recommendations: ['vaccination', 'recommendations'] as const,
};

export const useMyVaccination = () =>
  useQuery({ queryKey: keys.my, queryFn: ({ signal }) => apiFetch<{ me: PersonRecord; children: PersonRecord[] }>('/api/vaccination/my', { signal }) });

export const useSites = () => useQuery({ queryKey: keys.sites, queryFn: ({ signal }) => apiFetch<{ sites: Site[] }>('/api/vaccination/sites', { signal }) });

export const useSite = (id: string) => useQuery({ queryKey: keys.site(id), queryFn: ({ signal }) => apiFetch<SiteDetail>(`/api/vaccination/sites/${id}`, { signal }) });

export const useSlots = (siteId: string | null, from: string, to: string) =>
  useQuery({
    queryKey: keys.slots(siteId ?? '', from, to),
    // Not aborted when the day or site changes while typing: the answer is cached for when they come back.
    queryFn: () => apiFetch<{ slots: Slot[] }>(withQuery('/api/vaccination/slots', { siteId, from, to })),
    enabled: !!siteId,
  });

export const useAvailability = (siteId: string | null, enabled: boolean) =>
  useQuery({ queryKey: keys.availability(siteId), queryFn: () => apiFetch<Availability>(withQuery('/api/vaccination/availability', { siteId })), enabled });

export const useAppointments = (siteId: string | null, date: string) =>
  useQuery({
    queryKey: keys.appointments(siteId ?? '', date),
    queryFn: () => apiFetch<{ appointments: Appointment[] }>(withQuery(`/api/vaccination/sites/${siteId}/appointments`, { date })),
    enabled: !!siteId,
    // Every listing is audited: fetch when asked, not behind the user's back.
    staleTime: Infinity,
  });

export const usePersonRecord = (personId: string | null) =>
  useQuery({
    queryKey: keys.person(personId ?? ''),
    queryFn: ({ signal }) => apiFetch<StaffPersonRecord>(withQuery(`/api/vaccination/persons/${personId}`, { purpose: 'vaccination' }), { signal }),
    enabled: !!personId,
    staleTime: Infinity,
  });

export const useProducts = () => useQuery({ queryKey: keys.products, queryFn: ({ signal }) => apiFetch<{ products: Product[] }>('/api/vaccination/products', { signal }), staleTime: Infinity });

export const useRecommendations = () =>
  useQuery({ queryKey: keys.recommendations, queryFn: ({ signal }) => ok(api.GET('/api/vaccination/recommendations', { signal })) });

/** Mutations refresh everything vaccination shows (bookings change slots, doses change eligibility). */
function useVaccinationMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: ['vaccination'] }) });
}

export const useBook = () =>
  useVaccinationMutation((body: { slotId: string; vaccine: Vaccine; withInfluenza: boolean; personId?: string }) => apiFetch<{ bookings: Booking[] }>('/api/vaccination/my/bookings', { method: 'POST', body }));

export const useBookOnBehalf = () =>
  useVaccinationMutation((body: { personId: string; slotId: string; vaccine: Vaccine; withInfluenza: boolean; reason: OnBehalfReason; note?: string }) =>
    apiFetch<{ bookings: Booking[] }>('/api/vaccination/bookings', { method: 'POST', body }),
  );

export const useMove = (own: boolean) =>
  useVaccinationMutation(({ bookingId, slotId }: { bookingId: string; slotId: string }) =>
    apiFetch<{ bookings: Booking[] }>(`/api/vaccination/${own ? 'my/' : ''}bookings/${bookingId}/move`, { method: 'POST', body: { slotId } }),
  );

export const useCancel = (own: boolean) =>
  useVaccinationMutation((bookingId: string) => apiFetch<{ bookings: Booking[] }>(`/api/vaccination/${own ? 'my/' : ''}bookings/${bookingId}/cancel`, { method: 'POST' }));

export const useRecordDose = () => useVaccinationMutation((body: RecordDoseInput) => apiFetch<RecordedDose>('/api/vaccination/doses', { method: 'POST', body }));

export const useSetRiskGroup = () =>
  useVaccinationMutation(({ personId, riskGroup }: { personId: string; riskGroup: boolean }) => apiFetch<unknown>(`/api/vaccination/persons/${personId}/risk-group`, { method: 'PUT', body: { riskGroup } }));

export const useCreateSite = () => useVaccinationMutation((body: Record<string, unknown>) => apiFetch<Site>('/api/vaccination/sites', { method: 'POST', body }));

export const useSetHours = (siteId: string) =>
  useVaccinationMutation((hours: { weekday: number; opens: string; closes: string }[]) => apiFetch<unknown>(`/api/vaccination/sites/${siteId}/hours`, { method: 'PUT', body: { hours } }));

export const useSetStaffing = (siteId: string) =>
  useVaccinationMutation((body: { from: string; to: string; vaccinators: number; perVaccinatorPerHour: number }) =>
    apiFetch<{ days: number; rescaledSlots: number; heldByBookings: number }>(`/api/vaccination/sites/${siteId}/staffing`, { method: 'PUT', body }),
  );

export const useGenerateSlots = (siteId: string) =>
  useVaccinationMutation((body: { from: string; to: string; releaseAt?: string }) =>
    apiFetch<{ created: number; skipped: number; seats: number; daysWithoutStaff: number }>(`/api/vaccination/sites/${siteId}/slots`, { method: 'POST', body }),
  );

export const useAddRecommendation = () => useVaccinationMutation((body: NewRecommendation) => ok(api.POST('/api/vaccination/recommendations', { body })));
