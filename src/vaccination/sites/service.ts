import type { z } from 'zod';
import type { Actor } from '../../platform/auth/actor.js';
import { record } from '../../platform/audit/audit.js';
import type { AppContext } from '../../platform/context.js';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/sql.js';
import { invalid, notFound } from '../../platform/errors.js';
import { stockholmTime } from '../../platform/time.js';
import { sql } from 'drizzle-orm';
import { findPerson } from '../../identity/store.js';
import { bookableDosesAt } from '../supply/availability.js';
import { addDays, swedishDate } from '../recommendations/dates.js';
import { daysBetween } from '../../platform/input/index.js';
import { byNearness, isBookable, isoOf, planSlots } from '../rules.js';
import { calendarDateInStockholm } from '../../identity/identity-number.js';
import type { CreateSiteBody, GenerateSlotsBody, OpeningHoursBody, StaffingBody } from '../schemas.js';
import * as store from '../store.js';

type Body<T extends z.ZodType> = z.infer<T>;

export const siteView = (s: store.SiteRow) => ({
  id: s.id,
  name: s.name,
  kind: s.kind,
  municipalityCode: s.municipalityCode,
  postalCode: s.postalCode,
  streetAddress: s.streetAddress,
  vaccines: s.vaccines,
  slotMinutes: s.slotMinutes,
  active: s.active,
  bookable: s.active && isBookable(s.kind),
});

/** Staff see every site; a citizen sees the sites they can book at, nearest to their home first. */
/** The unit whose sites a site manager manages; null for everyone else (and a manager without a unit, who manages all). */
const managedUnit = (actor: Actor): string | null => (actor.kind === 'staff' && actor.role === 'site_manager' ? (actor.unitId ?? null) : null);

/** Refuses (as not found) a site outside the sites the actor manages. */
function assertManages(actor: Actor, site: store.SiteRow): void {
  const unit = managedUnit(actor);
  if (unit !== null && site.unitId !== unit) throw notFound('The site');
}

/**
 * Staff see their own unit's sites first (a vaccinator's form starts at their own site); a site manager
 * with a unit sees only that unit's sites, the ones they manage.
 */
export async function listSites(ctx: AppContext, actor: Actor) {
  const db = ctx.database.db;
  const sites = await store.listSites(db, actor.regionId);
  if (actor.kind !== 'citizen') {
    const own = actor.kind === 'staff' ? (actor.unitId ?? null) : null;
    if (managedUnit(actor) !== null) return sites.filter((s) => s.unitId === own).map(siteView);
    return [...sites.filter((s) => own !== null && s.unitId === own), ...sites.filter((s) => own === null || s.unitId !== own)].map(siteView);
  }
  const home = await findPerson(db, actor.regionId, actor.id);
  return byNearness(sites.filter((s) => s.active && isBookable(s.kind)), { postalCode: home?.postalCode ?? null, municipalityCode: home?.municipalityCode ?? null }).map(siteView);
}

export async function getSite(ctx: AppContext, actor: Actor, siteId: string) {
  const db = ctx.database.db;
  const site = await store.findSite(db, actor.regionId, siteId);
  if (!site) throw notFound('The site');
  assertManages(actor, site);
  const today = calendarDateInStockholm(ctx.clock.now());
  const [hours, staffing] = [await store.hoursOf(db, actor.regionId, site.id), await store.staffingOf(db, actor.regionId, site.id, addDays(today, -1), addDays(today, 120))];
  return { ...siteView(site), hours, staffing };
}

export async function createSite(ctx: AppContext, actor: Actor, input: Body<typeof CreateSiteBody>) {
  return ctx.database.db.transaction(async (tx) => {
    // A site manager's new site belongs to their unit, so it is among the sites they manage.
    const site = await store.insertSite(tx, { regionId: actor.regionId, ...input, vaccines: [...new Set(input.vaccines)], unitId: managedUnit(actor) });
    await record(tx, actor, { action: 'vaccination.site.created', purpose: 'vaccinationsplatser', details: { siteId: site.id, kind: site.kind } });
    return siteView(site);
  });
}

export async function setOpeningHours(ctx: AppContext, actor: Actor, siteId: string, input: Body<typeof OpeningHoursBody>) {
  return ctx.database.db.transaction(async (tx) => {
    assertManages(actor, await store.resolveSite(tx, actor.regionId, siteId, 'id'));
    await store.replaceHours(tx, actor.regionId, siteId, input.hours);
    await record(tx, actor, { action: 'vaccination.site.hours-set', purpose: 'vaccinationsplatser', details: { siteId, hours: input.hours } });
    return { hours: await store.hoursOf(tx, actor.regionId, siteId) };
  });
}

/**
 * Vaccinators on duty and their pace for a run of days. Times already made for those days are scaled to
 * the new staffing at once (up or down with supply); a time never shrinks below what is booked in it.
 */
export async function setStaffing(ctx: AppContext, actor: Actor, siteId: string, input: Body<typeof StaffingBody>) {
  const days = daysBetween(input.from, input.to);
  return ctx.database.db.transaction(async (tx) => {
    assertManages(actor, await store.resolveSite(tx, actor.regionId, siteId, 'id'));
    await store.upsertStaffing(tx, days.map((day) => ({ regionId: actor.regionId, siteId, day, vaccinators: input.vaccinators, perVaccinatorPerHour: input.perVaccinatorPerHour })));
    const rescaled = await store.rescaleSlots(tx, actor.regionId, siteId, days, ctx.clock.now().toISOString());
    await record(tx, actor, { action: 'vaccination.site.staffing-set', purpose: 'vaccinationsplatser', details: { siteId, ...input, ...rescaled } });
    return { days: days.length, rescaledSlots: rescaled.slots, heldByBookings: rescaled.heldByBookings };
  });
}

/** Makes the bookable times of a run of days from opening hours and staffing; existing times are kept. */
export async function generateSlots(ctx: AppContext, actor: Actor, siteId: string, input: Body<typeof GenerateSlotsBody>) {
  const days = daysBetween(input.from, input.to);
  const releasedAt = input.releaseAt ? new Date(input.releaseAt).toISOString() : ctx.clock.now().toISOString();
  return ctx.database.db.transaction(async (tx) => {
    const site = await store.resolveSite(tx, actor.regionId, siteId, 'id');
    assertManages(actor, site);
    const hours = await store.hoursOf(tx, actor.regionId, siteId);
    if (hours.length === 0) throw invalid('siteId', 'the site has no opening hours; set them first');
    const staffing = await store.staffingOf(tx, actor.regionId, siteId, input.from, input.to);
    const planned = planSlots(days, hours, staffing, site.slotMinutes);
    const created = await store.insertSlots(tx, planned.map((p) => ({ regionId: actor.regionId, siteId, ...p, releasedAt })));
    await record(tx, actor, { action: 'vaccination.slots.generated', purpose: 'vaccinationsplatser', details: { siteId, from: input.from, to: input.to, created } });
    return { created, skipped: planned.length - created, seats: planned.reduce((n, p) => n + p.capacity, 0), daysWithoutStaff: days.filter((d) => !staffing.some((s) => s.day === d)).length };
  });
}

/**
 * Free times at a site: released, not started, with a seat left, on days the site has doses for
 * (`bookableDosesAt` of the supply area: a day it says 0 for shows no times).
 */
export async function freeSlots(tx: Db, regionId: string, siteId: string, from: string, to: string, now: Date) {
  const start = stockholmTime(from, '00:00').toISOString();
  const end = stockholmTime(addDays(to, 1), '00:00').toISOString();
  const slots = (await store.slotsBetween(tx, regionId, [siteId], start, end, now.toISOString())).filter((s) => s.booked < s.capacity);
  const bookable = await bookableDosesAt(tx, regionId, now, { siteId });
  return slots.filter((s) => bookable(siteId, s.day) !== 0);
}

export const slotView = (s: store.SlotRow) => ({ id: s.id, siteId: s.siteId, startsAt: isoOf(s.startsAt), endsAt: isoOf(s.endsAt), capacity: s.capacity, booked: s.booked, free: s.capacity - s.booked });

export async function listSlots(ctx: AppContext, actor: Actor, q: { siteId: string; from: string; to?: string }) {
  const to = q.to ?? q.from;
  const db = ctx.database.db;
  const site = await store.findSite(db, actor.regionId, q.siteId);
  if (!site || (actor.kind === 'citizen' && !isBookable(site.kind))) throw invalid('siteId', 'no such site in your region');
  return (await freeSlots(db, actor.regionId, site.id, q.from, to, ctx.clock.now())).map(slotView);
}

/**
 * What to tell someone who finds no time: the next free time anywhere (or at the site), and when the
 * next batch of times is released. Used for the 409 when a time is gone, and as its own endpoint.
 */
export async function availability(tx: Db, regionId: string, now: Date, siteId?: string) {
  const nowIso = now.toISOString();
  const siteFilter = siteId ? sql`AND s.site_id = ${siteId}` : sql``;
  // The next free time and the next release in one read: a storm's refusals all ask this.
  const [row] = await queryRows<{ free_site: string | null; free_name: string | null; free_starts: string | null; release_site: string | null; release_name: string | null; released_at: string | null; release_starts: string | null }>(
    tx,
    sql`SELECT f.site_id AS free_site, f.name AS free_name, f.starts_at AS free_starts,
        r.site_id AS release_site, r.name AS release_name, r.released_at, r.starts_at AS release_starts
      FROM (SELECT 1) one
      LEFT JOIN LATERAL (SELECT s.site_id, v.name, s.starts_at FROM vaccination_slots s JOIN vaccination_sites v ON v.region_id = s.region_id AND v.id = s.site_id
        WHERE s.region_id = ${regionId} ${siteFilter} AND v.active AND v.kind IN ('vardcentral', 'mass_centre', 'mobile_unit')
          AND s.starts_at > ${nowIso}::timestamptz AND s.released_at <= ${nowIso}::timestamptz AND s.booked < s.capacity
        ORDER BY s.starts_at LIMIT 1) f ON true
      LEFT JOIN LATERAL (SELECT s.site_id, v.name, s.released_at, min(s.starts_at) AS starts_at FROM vaccination_slots s JOIN vaccination_sites v ON v.region_id = s.region_id AND v.id = s.site_id
        WHERE s.region_id = ${regionId} ${siteFilter} AND v.active AND s.released_at > ${nowIso}::timestamptz
        GROUP BY s.site_id, v.name, s.released_at ORDER BY s.released_at LIMIT 1) r ON true`,
  );
  const free = row?.free_site ? { site_id: row.free_site, name: row.free_name!, starts_at: row.free_starts! } : undefined;
  const release = row?.release_site ? { site_id: row.release_site, name: row.release_name!, released_at: row.released_at!, starts_at: row.release_starts! } : undefined;
  const day = (ts: string) => swedishDate(calendarDateInStockholm(new Date(isoOf(ts))));
  const isoDay = (ts: string) => calendarDateInStockholm(new Date(isoOf(ts)));
  const parts = { sv: [] as string[], en: [] as string[] };
  if (free) {
    parts.sv.push(`Nästa lediga tid är ${day(free.starts_at)} på ${free.name}.`);
    parts.en.push(`The next free time is on ${isoDay(free.starts_at)} at ${free.name}.`);
  } else {
    parts.sv.push('Just nu finns inga lediga tider.');
    parts.en.push('There are no free times right now.');
  }
  if (release) {
    parts.sv.push(`Nya tider släpps ${day(release.released_at)} (${release.name}).`);
    parts.en.push(`New times are released on ${isoDay(release.released_at)} (${release.name}).`);
  } else if (!free) {
    parts.sv.push('Nya tider läggs ut när regionen får fler doser; titta igen om några dagar.');
    parts.en.push('New times are added when the region receives more doses; look again in a few days.');
  }
  return {
    nextFreeSlot: free ? { siteId: free.site_id, siteName: free.name, startsAt: isoOf(free.starts_at) } : null,
    nextRelease: release ? { siteId: release.site_id, siteName: release.name, releasedAt: isoOf(release.released_at), startsAt: isoOf(release.starts_at) } : null,
    message: { sv: parts.sv.join(' '), en: parts.en.join(' ') },
  };
}

export async function availabilityFor(ctx: AppContext, actor: Actor, siteId?: string) {
  if (siteId) await store.resolveSite(ctx.database.db, actor.regionId, siteId);
  return availability(ctx.database.db, actor.regionId, ctx.clock.now(), siteId);
}
