import { z } from 'zod';
import { clockTime, day, dayRange, instant, municipalityCode, postalCode, text } from '../platform/input/index.js';
import { bookingChannels, bookingStatuses, doseDeviations, siteKinds, vaccines } from './model.js';
import { Criteria } from './recommendations/criteria.js';

export const VaccineField = z.enum(vaccines);
const clock = clockTime;

export const EligibilityView = z.object({
  eligible: z.boolean(),
  recommendationId: z.string().nullable(),
  vaccine: z.string(),
  doseNumber: z.number().nullable(),
  from: z.string().nullable(),
  reason: z.string(),
});

// --- Recommendations -----------------------------------------------------------------------------

export const RecommendationView = z.object({
  id: z.string(),
  code: z.string(),
  version: z.number(),
  vaccine: VaccineField,
  title: z.string(),
  priority: z.number(),
  validFrom: z.string(),
  validTo: z.string().nullable(),
  criteria: Criteria,
  source: z.string().nullable(),
  createdBy: z.string(),
});

export const AddRecommendationBody = z
  .object({
    code: z.string().max(61).trim().regex(/^[a-z0-9][a-z0-9-]{2,60}$/, 'lower-case letters, digits and dashes'),
    vaccine: VaccineField,
    title: text({ max: 200, min: 5 }),
    priority: z.number().int().min(1).max(1000).default(100),
    validFrom: day,
    validTo: day.nullable().default(null),
    criteria: Criteria,
    source: text({ max: 300, min: 0 }).optional(),
  })
  .strict();

// --- Sites and slots -----------------------------------------------------------------------------

export const SiteView = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(siteKinds),
  municipalityCode: z.string().nullable(),
  postalCode: z.string().nullable(),
  streetAddress: z.string().nullable(),
  vaccines: z.array(VaccineField),
  slotMinutes: z.number(),
  active: z.boolean(),
  bookable: z.boolean(),
});

export const CreateSiteBody = z
  .object({
    name: text({ max: 200, min: 2 }),
    kind: z.enum(siteKinds),
    municipalityCode: municipalityCode.optional(),
    postalCode: postalCode.transform((s) => s.replace(' ', '')).optional(),
    streetAddress: text({ max: 200, min: 0 }).optional(),
    vaccines: z.array(VaccineField).min(1).default(['covid-19']),
    slotMinutes: z.number().int().min(5).max(240).default(15),
  })
  .strict();

export const OpeningHoursBody = z
  .object({ hours: z.array(z.object({ weekday: z.number().int().min(1).max(7), opens: clock, closes: clock }).strict()).max(7) })
  .strict()
  .superRefine((b, ctx) => {
    b.hours.forEach((h, i) => {
      if (h.opens >= h.closes) ctx.addIssue({ code: 'custom', message: 'must be after opens', path: ['hours', i, 'closes'] });
      if (b.hours.findIndex((x) => x.weekday === h.weekday) !== i) ctx.addIssue({ code: 'custom', message: 'weekday given twice', path: ['hours', i, 'weekday'] });
    });
  });

export const SiteDetailView = SiteView.extend({
  hours: z.array(z.object({ weekday: z.number(), opens: z.string(), closes: z.string() })),
  staffing: z.array(z.object({ day: z.string(), vaccinators: z.number(), perVaccinatorPerHour: z.number() })),
});

export const StaffingBody = z
  .object({ from: day, to: day, vaccinators: z.number().int().min(0).max(500), perVaccinatorPerHour: z.number().int().min(1).max(60) })
  .strict()
  .superRefine(dayRange(120));

export const GenerateSlotsBody = z
  .object({ from: day, to: day, releaseAt: instant.optional().describe('When the new times open for booking; now if not given') })
  .strict()
  .superRefine(dayRange(120));

export const SlotView = z.object({ id: z.string(), siteId: z.string(), startsAt: z.string(), endsAt: z.string(), capacity: z.number(), booked: z.number(), free: z.number() });

export const SlotQuery = z
  .object({ siteId: z.uuid(), from: day, to: day.optional() })
  .strict()
  .superRefine(dayRange(31));

export const AvailabilityView = z.object({
  nextFreeSlot: z.object({ siteId: z.string(), siteName: z.string(), startsAt: z.string() }).nullable(),
  nextRelease: z.object({ siteId: z.string(), siteName: z.string(), releasedAt: z.string(), startsAt: z.string() }).nullable(),
  message: z.object({ sv: z.string(), en: z.string() }),
});

// --- Bookings ------------------------------------------------------------------------------------

export const BookingView = z.object({
  id: z.string(),
  visitId: z.string(),
  personId: z.string(),
  siteId: z.string(),
  siteName: z.string(),
  slotId: z.string(),
  vaccine: VaccineField,
  doseNumber: z.number(),
  startsAt: z.string(),
  status: z.enum(bookingStatuses),
  channel: z.enum(bookingChannels),
  bookedAt: z.string(),
  cancelledAt: z.string().nullable(),
});

/** When the dose after a booked one can be given (and so booked for): from the engine, at the rule's interval. */
export const NextDoseView = z.object({ vaccine: VaccineField, doseNumber: z.number(), from: z.string(), recommendationId: z.string() });

/** A booking as a person's record shows it: with the next dose proposal while it is booked. */
export const RecordBookingView = BookingView.extend({ nextDose: NextDoseView.nullable() });

export const BookBody = z
  .object({
    slotId: z.uuid(),
    vaccine: VaccineField.default('covid-19'),
    /** Books influenza in the same visit when the person is eligible for both (one seat). */
    withInfluenza: z.boolean().default(false),
    /** A guardian booking for a child: the child's person id. */
    personId: z.uuid().optional(),
  })
  .strict();

export const onBehalfReasons = ['no_eid', 'cannot_use_eid', 'guardian_request', 'interpreter', 'other'] as const;

export const BookOnBehalfBody = z
  .object({
    personId: z.uuid(),
    slotId: z.uuid(),
    vaccine: VaccineField.default('covid-19'),
    withInfluenza: z.boolean().default(false),
    reason: z.enum(onBehalfReasons),
    note: text({ max: 500, min: 0, multiline: true }).optional(),
  })
  .strict()
  .refine((b) => b.reason !== 'other' || (b.note && b.note.length >= 3), { message: 'say why when the reason is other', path: ['note'] });

export const MoveBody = z.object({ slotId: z.uuid() }).strict();

// --- Doses ---------------------------------------------------------------------------------------

export const DoseView = z.object({
  id: z.string(),
  personId: z.string(),
  siteId: z.string().nullable(),
  siteName: z.string().nullable(),
  vaccine: VaccineField,
  productCode: z.string(),
  productName: z.string(),
  batchNumber: z.string(),
  doseNumber: z.number(),
  administeredAt: z.string(),
  bookingId: z.string().nullable(),
});

/** A person's vaccination (`booking/service.ts: vaccinationRecord`): eligibility for both vaccines with the reason, bookings, doses given. */
export const VaccinationRecordView = z.object({
  eligibility: z.object({ covid: EligibilityView, influenza: EligibilityView }),
  bookings: z.array(RecordBookingView),
  doses: z.array(DoseView),
});

export const RecordDoseBody = z
  .object({
    personId: z.uuid(),
    bookingId: z.uuid().optional(),
    siteId: z.uuid(),
    vaccine: VaccineField,
    productCode: text({ max: 60, min: 2 }),
    batchNumber: z.string().max(30).trim().regex(/^[A-Za-z0-9-]{3,30}$/, 'letters, digits and dashes as on the vial'),
    doseNumber: z.number().int().min(1).max(20),
    administeredAt: instant.optional(),
    /** When no recommendation covers the person: why the dose is given anyway. */
    outsideRecommendation: text({ max: 500, min: 5, multiline: true }).optional(),
    /**
     * Why the dose departs from its booking or from the stock of the site where it is given: given at another
     * site than booked; a batch from another site's stock (named in batchSiteId, whose stock is drawn).
     */
    deviations: z
      .array(z.enum(doseDeviations))
      .max(doseDeviations.length)
      .refine((d) => new Set(d).size === d.length, 'each reason once')
      .default([]),
    batchSiteId: z.uuid().optional().describe('With batch_from_other_site: the site whose stock the vial came from'),
  })
  .strict();

export const RiskGroupBody = z.object({ riskGroup: z.boolean(), note: text({ max: 300, min: 0 }).optional() }).strict();

export const AppointmentView = z.object({
  bookingId: z.string(),
  visitId: z.string(),
  personId: z.string(),
  name: z.string(),
  identityNumber: z.string().nullable(),
  vaccine: VaccineField,
  doseNumber: z.number(),
  startsAt: z.string(),
  status: z.enum(bookingStatuses),
});
