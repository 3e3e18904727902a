import { randomUUID } from 'node:crypto';
import { and, eq, sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { stockholmTime } from '../platform/time.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import { staff, units } from '../identity/model.js';
import { vaccinationBookings, vaccinationDoses, vaccinationOpeningHours, vaccinationSites, vaccinationStaffing, type SiteKind, type Vaccine } from './model.js';
import { addDays } from './recommendations/dates.js';
import { eligibilityFor } from './recommendations/engine.js';
import { seedRecommendationsForAllRegions } from './recommendations/seed.js';
import { daysBetween } from '../platform/input/index.js';
import { planSlots } from './rules.js';
import * as store from './store.js';
import { loadSupplyDemo } from './supply/demo.js';

const WEEKDAYS = [1, 2, 3, 4, 5];

/**
 * The vaccination part of the demo region: the arena as a mass-vaccination centre, vaccination at the
 * vårdcentraler, a mobile unit, home visits and the care homes; three weeks of times; doses from 2021
 * and 2023 for the oldest; a few bookings in the coming days.
 */
export async function loadVaccinationDemo(tx: Db, regionId: string, now: Date): Promise<void> {
  await seedRecommendationsForAllRegions(tx);
  const all = await tx.select().from(units).where(and(eq(units.regionId, regionId), eq(units.synthetic, true)));
  const arena = all.find((u) => u.kind === 'vaccination_site');
  const site = (kind: SiteKind, name: string, u: (typeof all)[number] | undefined, vaccines: Vaccine[] = ['covid-19', 'influenza']) => ({
    regionId,
    id: randomUUID(),
    kind,
    name,
    municipalityCode: u?.municipalityCode ?? null,
    postalCode: u?.postalCode ?? null,
    unitId: u?.id ?? null,
    vaccines,
    slotMinutes: kind === 'mass_centre' ? 10 : 15,
  });
  const sites = [
    ...(arena ? [site('mass_centre', arena.name, arena)] : []),
    ...all.filter((u) => u.kind === 'vardcentral').slice(0, 6).map((u) => site('vardcentral', `${u.name} (vaccination)`, u)),
    site('mobile_unit', 'Vaccinationsbussen', arena, ['covid-19']),
    site('home_visit', 'Hemsjukvården: vaccination i hemmet', arena),
    ...all.filter((u) => u.kind === 'care_home').slice(0, 4).map((u) => site('care_home', u.name, u)),
    ...all.filter((u) => u.kind === 'lss_home').slice(0, 2).map((u) => site('lss_home', u.name, u)),
  ];
  if (sites.length === 0) return;
  await tx.insert(vaccinationSites).values(sites);

  const bookable = sites.filter((s) => s.kind === 'mass_centre' || s.kind === 'vardcentral' || s.kind === 'mobile_unit');
  const today = calendarDateInStockholm(now);
  const days = daysBetween(addDays(today, 1), addDays(today, 21));
  for (const s of bookable) {
    const hours = s.kind === 'mass_centre' ? [...WEEKDAYS.map((weekday) => ({ weekday, opens: '08:00', closes: '18:00' })), { weekday: 6, opens: '10:00', closes: '15:00' }] : WEEKDAYS.map((weekday) => ({ weekday, opens: '08:30', closes: '16:00' }));
    await tx.insert(vaccinationOpeningHours).values(hours.map((h) => ({ regionId, siteId: s.id, ...h })));
    const staffing = days.map((day) => ({ regionId, siteId: s.id, day, vaccinators: s.kind === 'mass_centre' ? 6 : 1, perVaccinatorPerHour: s.kind === 'mass_centre' ? 10 : 6 }));
    await tx.insert(vaccinationStaffing).values(staffing);
    // The last week opens for booking next Monday: the wait message has a date to give.
    const planned = planSlots(days, hours, staffing, s.slotMinutes);
    const release = stockholmTime(addDays(today, 7 - ((new Date(`${today}T12:00:00Z`).getUTCDay() + 6) % 7)), '08:00').toISOString();
    await store.insertSlots(tx, planned.map((p) => ({ regionId, siteId: s.id, ...p, releasedAt: p.day > addDays(today, 14) ? release : now.toISOString() })));
  }

  // Doses for the oldest: the 2021 primary series, and last autumn's booster for half of them.
  const [vaccinator] = await tx.select({ id: staff.id }).from(staff).where(and(eq(staff.regionId, regionId), eq(staff.role, 'vaccinator'), eq(staff.synthetic, true))).limit(1);
  if (!vaccinator || !arena) return;
  const old = await queryRows<{ id: string; care: boolean }>(
    tx,
    sql`SELECT id, care_home_id IS NOT NULL AS care FROM persons WHERE region_id = ${regionId} AND synthetic AND merged_into IS NULL AND birth_date <= ${addDays(today, -80 * 365)}::date ORDER BY id LIMIT 60`,
  );
  const main = sites[0]!;
  const doses: (typeof vaccinationDoses.$inferInsert)[] = [];
  old.forEach((p, i) => {
    const given = ['2021-01-12', '2021-02-02', ...(i % 2 === 0 ? [`${Number(today.slice(0, 4)) - 1}-10-0${(i % 9) + 1}`] : [])];
    given.forEach((day, n) => doses.push({ regionId, personId: p.id, siteId: p.care ? (sites.find((s) => s.kind === 'care_home')?.id ?? main.id) : main.id, vaccine: 'covid-19', productCode: 'comirnaty', batchNumber: `EJ${6795 + n}`, doseNumber: n + 1, administeredAt: stockholmTime(day, '10:00').toISOString(), recordedBy: vaccinator.id }));
  });
  if (doses.length) await tx.insert(vaccinationDoses).values(doses);

  // A few bookings in the coming days for those the rules offer a dose now.
  const eligible = await eligibilityFor(tx, regionId, old.map((p) => p.id), now);
  const slots = await store.slotsBetween(tx, regionId, [main.id], stockholmTime(addDays(today, 1), '00:00').toISOString(), stockholmTime(addDays(today, 8), '00:00').toISOString(), now.toISOString());
  let k = 0;
  for (const [personId, e] of eligible) {
    const slot = slots[(k * 7) % Math.max(slots.length, 1)];
    if (!e.eligible || !e.doseNumber || !slot || k >= 15) continue;
    if (!(await store.takeSeat(tx, regionId, slot.id))) continue;
    await tx.insert(vaccinationBookings).values({ regionId, visitId: randomUUID(), personId, siteId: main.id, slotId: slot.id, vaccine: 'covid-19', doseNumber: e.doseNumber, recommendationId: e.recommendationId, startsAt: slot.startsAt, channel: k % 3 === 0 ? 'on_behalf' : 'self', bookedBy: k % 3 === 0 ? vaccinator.id : personId, onBehalfReason: k % 3 === 0 ? 'no_eid' : null });
    k++;
  }
  await loadSupplyDemo(tx, regionId, now);
}
