import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { personalDataScope } from '../../platform/auth/permissions.js';
import { record, recordMany } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import { sqlState, UNIQUE_VIOLATION } from '../../platform/db/conflicts.js';
import { resolveInRegion } from '../../platform/db/resolve.js';
import { conflict, invalid, notFound } from '../../platform/errors.js';
import { addToOutbox } from '../../platform/jobs/outbox.js';
import { findPerson } from '../../identity/store.js';
import { doseRecorded } from '../events.js';
import { vaccinationPersonAttributes, vaccinationSites } from '../model.js';
import { productOf } from '../products.js';
import { calendarDateInStockholm } from '../../identity/identity-number.js';
import { historiesOf, recommendationsOf } from '../recommendations/engine.js';
import { evaluate } from '../recommendations/rules.js';
import { addDays, dayBounds } from '../recommendations/dates.js';
import { summariesOf } from '../people.js';
import { isBookable, isoOf } from '../rules.js';
import type { RecordDoseBody } from '../schemas.js';
import { freeSlots, slotView } from '../sites/service.js';
import { vaccinationRecord } from '../booking/service.js';
import * as store from '../store.js';
import { batchAtSites } from '../supply/store.js';
import { sitesById } from '../supply/sites.js';
import { batchOf, stockSiteOf } from './rules.js';
import { dosesView } from './views.js';

type Body<T extends z.ZodType> = z.infer<T>;

/** A person's vaccination record for staff: who, eligibility with the reason, bookings, doses. Audited. An id merged away shows the survivor's record. */
export async function personVaccination(ctx: AppContext, actor: Actor, id: string, purpose: string) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const personId = (await findPerson(tx, regionId, id))?.id ?? id;
    const person = (await summariesOf(tx, regionId, [personId], now)).get(personId);
    if (!person) throw notFound('The person');
    const rec = (await vaccinationRecord(tx, regionId, [personId], now)).get(personId)!;
    const [attr] = await tx.select().from(vaccinationPersonAttributes).where(and(eq(vaccinationPersonAttributes.regionId, regionId), eq(vaccinationPersonAttributes.personId, personId)));
    await record(tx, actor, { action: 'vaccination.record.read', personId, purpose });
    return { person: { id: person.id, name: person.name, identityNumber: person.identityNumber, age: person.age }, riskGroup: attr?.riskGroup ?? false, ...rec };
  });
}

export async function setRiskGroup(ctx: AppContext, actor: Actor, id: string, input: { riskGroup: boolean; note?: string }) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    const personId = (await findPerson(tx, regionId, id))?.id; // an id merged away: the survivor
    if (!personId) throw notFound('The person');
    await store.setRiskGroup(tx, regionId, personId, input.riskGroup, input.note ?? null, actor.id);
    await record(tx, actor, { action: 'vaccination.risk-group.set', personId, purpose: 'hälsodeklaration inför vaccination', details: { riskGroup: input.riskGroup } });
    return { personId, riskGroup: input.riskGroup };
  });
}

/** A site's bookings on a day, for the vaccinators: who comes when, for which dose. Every person listed is a read. */
export async function appointments(ctx: AppContext, actor: Actor, siteId: string, date: string) {
  const regionId = personalDataScope(actor);
  return ctx.database.db.transaction(async (tx) => {
    if (!(await store.findSite(tx, regionId, siteId))) throw notFound('The site');
    const { start, end } = dayBounds(date);
    const rows = await store.bookingsAt(tx, regionId, siteId, start, end);
    const people = await summariesOf(tx, regionId, rows.map((r) => r.personId), ctx.clock.now());
    await recordMany(tx, actor, [...new Set(rows.map((r) => r.personId))].map((personId) => ({ action: 'vaccination.appointments.listed', personId, purpose: 'dagens vaccinationer' })));
    return rows.map((b) => ({
      bookingId: b.id,
      visitId: b.visitId,
      personId: b.personId,
      name: people.get(b.personId)?.name ?? '',
      identityNumber: people.get(b.personId)?.identityNumber ?? null,
      vaccine: b.vaccine,
      doseNumber: b.doseNumber,
      startsAt: isoOf(b.startsAt),
      status: b.status,
    }));
  });
}

/**
 * Records a dose given, with or without a booking (drop-in, home visit, care home). The dose number must
 * be the next one; a person no recommendation covers is vaccinated only with the vaccinator's reason. The
 * batch must be one delivered to the site and in stock there, and the site the booking's, unless the
 * vaccinator states why not (administration/rules.ts); the dose then draws the stock of the batch's site.
 * The dose, the audit entry and `vaccination.DoseRecorded` commit together.
 */
export async function recordDose(ctx: AppContext, actor: Actor, input: Body<typeof RecordDoseBody>) {
  const regionId = personalDataScope(actor);
  const now = ctx.clock.now();
  const administeredAt = input.administeredAt ? new Date(input.administeredAt) : now;
  if (administeredAt.getTime() > now.getTime() + 5 * 60_000) throw invalid('administeredAt', 'is in the future');
  const product = productOf(input.productCode);
  if (!product) throw invalid('productCode', 'not a vaccine product the region uses');
  if (product.vaccine !== input.vaccine) throw invalid('productCode', `${product.name} is not a ${input.vaccine} vaccine`);
  return ctx.database.db.transaction(async (tx) => {
    const person = await findPerson(tx, regionId, input.personId);
    if (!person) throw invalid('personId', 'no such person in your region');
    const site = await store.findSite(tx, regionId, input.siteId);
    if (!site) throw invalid('siteId', 'no such site in your region');
    if (!site.vaccines.includes(input.vaccine)) throw invalid('vaccine', `${site.name} does not give ${input.vaccine}`);
    // The person's facts and doses and the rules, read once: eligibility before the dose and after it.
    const history = (await historiesOf(tx, regionId, [person.id])).get(person.id)!;
    const recommendations = await recommendationsOf(tx, regionId, input.vaccine);
    const given = history.doses.filter((d) => d.vaccine === input.vaccine);
    const expected = given.length + 1;
    if (input.doseNumber !== expected) throw invalid('doseNumber', `the person has had ${given.length} dose(s) of ${input.vaccine}; this is dose ${expected}`);
    const before = evaluate(recommendations, history.facts, history.doses, administeredAt, input.vaccine);
    if (!before.eligible && !input.outsideRecommendation) throw invalid('outsideRecommendation', `${before.reason} Give the reason to vaccinate anyway.`);
    const booking = input.bookingId ? await store.findBooking(tx, regionId, input.bookingId) : undefined;
    if (input.bookingId && (!booking || booking.personId !== person.id || booking.vaccine !== input.vaccine || booking.status !== 'booked')) throw invalid('bookingId', 'no open booking of this person for this vaccine');
    const stockSiteId = stockSiteOf({ siteId: site.id, bookingSiteId: booking?.siteId ?? null, deviations: input.deviations, batchSiteId: input.batchSiteId ?? null });
    if (stockSiteId !== site.id) await resolveInRegion(tx, vaccinationSites, regionId, stockSiteId, { field: 'batchSiteId', what: 'vaccination site' });
    const deliveries = await batchAtSites(tx, regionId, input.batchNumber);
    const names = await sitesById(tx, regionId, [stockSiteId, ...deliveries.map((d) => d.siteId)]);
    const batch = batchOf(deliveries, {
      productCode: product.code,
      batchNumber: input.batchNumber.toUpperCase(),
      stockSiteId,
      day: calendarDateInStockholm(administeredAt),
      field: stockSiteId === site.id ? 'batchNumber' : 'batchSiteId',
      siteName: (id) => names.get(id)?.name ?? id,
    });
    if (booking) await store.setBookingStatus(tx, regionId, booking.id, 'attended');
    const dose = await store
      .insertDose(tx, {
        regionId,
        personId: person.id,
        siteId: site.id,
        vaccine: input.vaccine,
        productCode: product.code,
        batchNumber: input.batchNumber.toUpperCase(),
        doseNumber: input.doseNumber,
        administeredAt: administeredAt.toISOString(),
        bookingId: input.bookingId ?? null,
        recommendationId: before.eligible ? before.recommendationId : null,
        outsideRecommendation: before.eligible ? null : (input.outsideRecommendation ?? null),
        deliveryId: batch.deliveryId,
        stockSiteId,
        recordedBy: actor.id,
      })
      .catch((e: unknown) => {
        throw sqlState(e) === UNIQUE_VIOLATION ? conflict(`Dose ${input.doseNumber} of ${input.vaccine} is already recorded for this person`, 'doseNumber') : e;
      });
    // A booking of this dose made for another day (or not named) is closed too: the dose is given.
    const closed = await store.closeBookingOfRecordedDose(tx, regionId, { personId: person.id, vaccine: input.vaccine, doseNumber: input.doseNumber }, now);
    await record(tx, actor, { action: 'vaccination.dose.recorded', personId: person.id, purpose: 'vaccination', details: { doseId: dose.id, vaccine: dose.vaccine, doseNumber: dose.doseNumber, bookingId: dose.bookingId, closedBookings: closed.map((b) => b.id), deliveryId: batch.deliveryId, stockSiteId, deviations: input.deviations } });
    await addToOutbox(tx, doseRecorded({ regionId, doseId: dose.id, personId: person.id }));
    // The next dose at the right interval: its first day, and the first free time from then at this site.
    const asGiven = { vaccine: input.vaccine, doseNumber: input.doseNumber, day: calendarDateInStockholm(administeredAt) };
    const next = evaluate(recommendations, history.facts, [...history.doses, asGiven], administeredAt, input.vaccine);
    const fromDay = next.from ?? null;
    const suggestions = fromDay && isBookable(site.kind) ? await freeSlots(tx, regionId, site.id, fromDay, addDays(fromDay, 14), now) : [];
    return {
      dose: dosesView([dose], new Map([[site.id, site.name]]))[0]!,
      next: { ...next, suggestedSlot: suggestions[0] ? slotView(suggestions[0]) : null},
    };
  });
}
