import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, nonEmpty, ok, type BodyOf, type ResponseOf } from '../../api.js';

// Vaccination as the contract describes it (src/vaccination/schemas.ts and the routes).

export type MyVaccination = ResponseOf<'/api/vaccination/my'>;
export type PersonRecord = MyVaccination['me'];
export type Eligibility = PersonRecord['eligibility']['covid'];
/** A booking in a person's record: with the next dose proposal while it is booked. */
export type RecordBooking = PersonRecord['bookings'][number];
/** When the dose after a booked one can be given: the engine's answer at the rule's interval. */
export type NextDose = NonNullable<RecordBooking['nextDose']>;
export type Booking = ResponseOf<'/api/vaccination/my/bookings', 'post'>['bookings'][number];
export type Dose = PersonRecord['doses'][number];
export type Vaccine = Booking['vaccine'];
export type StaffPersonRecord = ResponseOf<'/api/vaccination/persons/{id}'>;
export type Site = ResponseOf<'/api/vaccination/sites'>['sites'][number];
export type SiteKind = Site['kind'];
export type SiteDetail = ResponseOf<'/api/vaccination/sites/{id}'>;
export type NewSite = BodyOf<'/api/vaccination/sites'>;
export type Slot = ResponseOf<'/api/vaccination/slots'>['slots'][number];
export type Availability = ResponseOf<'/api/vaccination/availability'>;
export type Appointment = ResponseOf<'/api/vaccination/sites/{id}/appointments'>['appointments'][number];
export type Product = ResponseOf<'/api/vaccination/products'>['products'][number];
export type OwnBooking = BodyOf<'/api/vaccination/my/bookings'>;
export type OnBehalfBooking = BodyOf<'/api/vaccination/bookings'>;
export type OnBehalfReason = OnBehalfBooking['reason'];
export type RecordDoseInput = BodyOf<'/api/vaccination/doses'>;
/** Why a dose departs from its booking or from the stock of the site where it is given. */
export type DoseDeviation = NonNullable<RecordDoseInput['deviations']>[number];
export type RecordedDose = ResponseOf<'/api/vaccination/doses', 'post'>;

// Display orders of the contract's enums; the type checker holds each list to the contract.
export const VACCINES = ['covid-19', 'influenza'] as const satisfies readonly Vaccine[];
export const SITE_KINDS = ['vardcentral', 'mass_centre', 'mobile_unit', 'home_visit', 'care_home', 'lss_home'] as const satisfies readonly SiteKind[];
export const ON_BEHALF_REASONS = ['no_eid', 'cannot_use_eid', 'guardian_request', 'interpreter', 'other'] as const satisfies readonly OnBehalfReason[];
/** A vaccine named in a link's query: influenza, else covid-19. */
export const vaccineParam = (value: string | null): Vaccine => (value === 'influenza' ? 'influenza' : 'covid-19');

export type Criteria = NewRecommendation['criteria'];
export type Cohort = Criteria['cohorts'][number];
export type Group = NonNullable<Cohort['anyOf']>[number];
export type Schedule = Criteria['schedule'];
export type SeasonWindow = Extract<Schedule, { kind: 'seasonal' }>['windows'][number];
/** The groups a cohort can name, in display order; the type checker holds the list to the contract. */
export const GROUPS = ['care_home', 'home_care', 'lss_home', 'household_of_care', 'care_staff', 'risk_group'] as const satisfies readonly Group[];

export type Recommendation = ResponseOf<'/api/vaccination/recommendations'>['recommendations'][number];
export type NewRecommendation = BodyOf<'/api/vaccination/recommendations'>;

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
  useQuery({ queryKey: keys.my, queryFn: ({ signal }) => ok(api.GET('/api/vaccination/my', { signal })) });

export const useSites = () => useQuery({ queryKey: keys.sites, queryFn: ({ signal }) => ok(api.GET('/api/vaccination/sites', { signal })) });

export const useSite = (id: string) => useQuery({ queryKey: keys.site(id), queryFn: ({ signal }) => ok(api.GET('/api/vaccination/sites/{id}', { params: { path: { id } }, signal })) });

export const useSlots = (siteId: string | null, from: string, to: string) =>
  useQuery({
    queryKey: keys.slots(siteId ?? '', from, to),
    // Not aborted when the day or site changes while typing: the answer is cached for when they come back.
    queryFn: () => ok(api.GET('/api/vaccination/slots', { params: { query: { siteId: siteId ?? '', from, to } } })),
    enabled: !!siteId,
  });

export const useAvailability = (siteId: string | null, enabled: boolean) =>
  useQuery({ queryKey: keys.availability(siteId), queryFn: () => ok(api.GET('/api/vaccination/availability', { params: { query: nonEmpty({ siteId }) } })), enabled });

export const useAppointments = (siteId: string | null, date: string) =>
  useQuery({
    queryKey: keys.appointments(siteId ?? '', date),
    queryFn: () => ok(api.GET('/api/vaccination/sites/{id}/appointments', { params: { path: { id: siteId ?? '' }, query: { date } } })),
    enabled: !!siteId,
    // Every listing is audited: fetch when asked, not behind the user's back.
    staleTime: Infinity,
  });

export const usePersonRecord = (personId: string | null) =>
  useQuery({
    queryKey: keys.person(personId ?? ''),
    queryFn: ({ signal }) => ok(api.GET('/api/vaccination/persons/{id}', { params: { path: { id: personId ?? '' }, query: { purpose: 'vaccination' } }, signal })),
    enabled: !!personId,
    staleTime: Infinity,
  });

export const useProducts = () => useQuery({ queryKey: keys.products, queryFn: ({ signal }) => ok(api.GET('/api/vaccination/products', { signal })), staleTime: Infinity });

export const useRecommendations = () =>
  useQuery({ queryKey: keys.recommendations, queryFn: ({ signal }) => ok(api.GET('/api/vaccination/recommendations', { signal })) });

/** Mutations refresh everything vaccination shows (bookings change slots, doses change eligibility). */
function useVaccinationMutation<I, O>(fn: (input: I) => Promise<O>) {
  const client = useQueryClient();
  return useMutation({ mutationFn: fn, onSuccess: () => void client.invalidateQueries({ queryKey: ['vaccination'] }) });
}

export const useBook = () =>
  useVaccinationMutation((body: OwnBooking) => ok(api.POST('/api/vaccination/my/bookings', { body })));

export const useBookOnBehalf = () =>
  useVaccinationMutation((body: OnBehalfBooking) => ok(api.POST('/api/vaccination/bookings', { body })));

export const useMove = (own: boolean) =>
  useVaccinationMutation(({ bookingId, slotId }: { bookingId: string; slotId: string }) =>
    ok(api.POST(own ? '/api/vaccination/my/bookings/{id}/move' : '/api/vaccination/bookings/{id}/move', { params: { path: { id: bookingId } }, body: { slotId } })),
  );

export const useCancel = (own: boolean) =>
  useVaccinationMutation((bookingId: string) =>
    ok(api.POST(own ? '/api/vaccination/my/bookings/{id}/cancel' : '/api/vaccination/bookings/{id}/cancel', { params: { path: { id: bookingId } } })),
  );

export const useRecordDose = () => useVaccinationMutation((body: RecordDoseInput) => ok(api.POST('/api/vaccination/doses', { body })));

export const useSetRiskGroup = () =>
  useVaccinationMutation(({ personId, riskGroup }: { personId: string; riskGroup: boolean }) => ok(api.PUT('/api/vaccination/persons/{id}/risk-group', { params: { path: { id: personId } }, body: { riskGroup } })));

export const useCreateSite = () => useVaccinationMutation((body: NewSite) => ok(api.POST('/api/vaccination/sites', { body })));

export const useSetHours = (siteId: string) =>
  useVaccinationMutation((hours: BodyOf<'/api/vaccination/sites/{id}/hours', 'put'>['hours']) => ok(api.PUT('/api/vaccination/sites/{id}/hours', { params: { path: { id: siteId } }, body: { hours } })));

export const useSetStaffing = (siteId: string) =>
  useVaccinationMutation((body: BodyOf<'/api/vaccination/sites/{id}/staffing', 'put'>) => ok(api.PUT('/api/vaccination/sites/{id}/staffing', { params: { path: { id: siteId } }, body })));

export const useGenerateSlots = (siteId: string) =>
  useVaccinationMutation((body: BodyOf<'/api/vaccination/sites/{id}/slots'>) => ok(api.POST('/api/vaccination/sites/{id}/slots', { params: { path: { id: siteId } }, body })));

export const useAddRecommendation = () => useVaccinationMutation((body: NewRecommendation) => ok(api.POST('/api/vaccination/recommendations', { body })));
