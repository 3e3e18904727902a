import { and, asc, eq, gte, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { stockholmTime } from '../../platform/time.js';
import { calendarDateInStockholm } from '../../identity/identity-number.js';
import { staff } from '../../identity/model.js';
import { isoWeekDates, isoWeekOf } from '../../testing/rules.js';
import { vaccinationBookings, vaccinationSites } from '../model.js';
import { productOf } from '../products.js';
import { addDays } from '../recommendations/dates.js';
import { isoWeekday } from '../rules.js';
import { deliveries, deliveryForecasts, forecastAllocations, openedVials, stockAllocations, supplyProducts, vialWastage } from './model.js';
import { scaleAllocations } from './rules.js';

/** What the demo region keeps stock of, with the planning number of doses per vial. */
const PRODUCTS = [
  { productCode: 'comirnaty-xbb15', dosesPerVial: 6, shakeSensitive: true },
  { productCode: 'nuvaxovid', dosesPerVial: 5, shakeSensitive: false },
  { productCode: 'vaxigrip-tetra', dosesPerVial: 10, shakeSensitive: false },
];
const MRNA = 'comirnaty-xbb15';
const MRNA_DOSES_PER_VIAL = PRODUCTS.find((p) => p.productCode === MRNA)!.dosesPerVial;

/** Forecast doses of the mRNA vaccine per week from this one (0); week 1 was halved last Friday. */
const FORECAST = [
  { week: 0, doses: [240] },
  { week: 1, doses: [600, 300], reason: 'Halverad leverans: besked från leverantören i fredags' },
  { week: 2, doses: [600] },
  { week: 3, doses: [480] },
];

type Site = { id: string; kind: string; name: string };

interface Clock {
  today: string;
  monday: string;
  /** A Swedish wall-clock time, never later than now (the demo may be loaded early on a Monday). */
  at: (day: string, time: string) => string;
  /** A moment of today: `share` of the time from midnight until now. */
  todayAt: (share: number) => string;
  week: (offset: number) => string;
}

function clockAt(now: Date): Clock {
  const today = calendarDateInStockholm(now);
  const monday = isoWeekDates(isoWeekOf(now)).monday;
  const midnight = stockholmTime(today, '00:00').getTime();
  return {
    today,
    monday,
    at: (day, time) => new Date(Math.min(stockholmTime(day, time).getTime(), now.getTime())).toISOString(),
    todayAt: (share) => new Date(midnight + (now.getTime() - midnight) * share).toISOString(),
    week: (offset) => isoWeekOf(new Date(`${addDays(monday, 7 * offset)}T12:00:00Z`)),
  };
}

/**
 * The supply part of the demo region: products, a forecast per week with last Friday's halving, three
 * received batches allocated to the vårdcentraler and the bus, vials opened and closed today, and lost vials.
 *
 * Every vårdcentral and the bus have doses for the coming days, so booking there works as before. The arena
 * is the one example of a shortage: its share of the forecast starts the week after its booked days, and it
 * has one vial for them, so the shortages view shows the coordinator its booked times without doses and
 * what to do (allocate vials still unallocated, move or rebook people).
 */
export async function loadSupplyDemo(tx: Db, regionId: string, now: Date): Promise<void> {
  const sites = await tx.select({ id: vaccinationSites.id, kind: vaccinationSites.kind, name: vaccinationSites.name }).from(vaccinationSites).where(eq(vaccinationSites.regionId, regionId)).orderBy(asc(vaccinationSites.name));
  const arena = sites.find((s) => s.kind === 'mass_centre');
  const bus = sites.find((s) => s.kind === 'mobile_unit');
  const centres = sites.filter((s) => s.kind === 'vardcentral');
  const people = await tx.select({ id: staff.id, name: staff.name, role: staff.role }).from(staff).where(and(eq(staff.regionId, regionId), eq(staff.synthetic, true))).orderBy(asc(staff.name));
  const coordinator = people.find((p) => p.role === 'vaccine_coordinator');
  const vaccinator = people.find((p) => p.role === 'vaccinator');
  if (!arena || !bus || centres.length < 2 || !coordinator || !vaccinator) return;
  const clock = clockAt(now);

  await tx.insert(supplyProducts).values(PRODUCTS.map((p) => ({ regionId, ...p, vaccine: productOf(p.productCode)!.vaccine, name: productOf(p.productCode)!.name, updatedBy: coordinator.id, updatedAt: clock.at(addDays(clock.monday, -14), '09:00') })));
  await loadForecasts(tx, regionId, clock, coordinator.name, { arena, bus, centres }, await arenaShareFrom(tx, regionId, arena.id, now, clock));
  const lastWeeksBatch = await loadDeliveries(tx, regionId, clock, coordinator.name, { arena, bus, centres });
  // [doses drawn, doses discarded] of each vial closed today.
  await loadVials(tx, regionId, clock, vaccinator.id, lastWeeksBatch, [
    { site: centres[0]!, closed: [[6, 0], [7, 1], [5, 0]], open: 1 },
    { site: bus, closed: [[6, 0], [6, 2]], open: 0 },
  ]);
  await tx.insert(vialWastage).values([
    { regionId, siteId: centres[1]!.id, deliveryId: lastWeeksBatch, vials: 2, reason: 'cold_chain', note: 'Kylskåpet larmade 9 °C under natten', recordedBy: vaccinator.id, recordedAt: clock.at(addDays(clock.today, -1), '07:40') },
    { regionId, siteId: bus.id, deliveryId: lastWeeksBatch, vials: 1, reason: 'broken', note: 'Tappades vid lastningen', recordedBy: vaccinator.id, recordedAt: clock.todayAt(0.5) },
  ]);
}

/** The first forecast week with a share for the arena: the one after its last booked day. */
async function arenaShareFrom(tx: Db, regionId: string, arenaId: string, now: Date, clock: Clock): Promise<string> {
  const [last] = await tx
    .select({ day: sql<string>`(max(${vaccinationBookings.startsAt}) AT TIME ZONE 'Europe/Stockholm')::date::text` })
    .from(vaccinationBookings)
    .where(and(eq(vaccinationBookings.regionId, regionId), eq(vaccinationBookings.siteId, arenaId), eq(vaccinationBookings.status, 'booked'), gte(vaccinationBookings.startsAt, now.toISOString())));
  if (!last?.day) return clock.week(1);
  return isoWeekOf(new Date(`${addDays(last.day, 8 - isoWeekday(last.day))}T12:00:00Z`));
}

/** Forecast versions per week and the sites' shares, scaled down with the forecast as recordForecast does. */
async function loadForecasts(tx: Db, regionId: string, clock: Clock, by: string, s: { arena: Site; bus: Site; centres: Site[] }, arenaFrom: string) {
  const planned = clock.at(addDays(clock.monday, -6), '14:00');
  const halved = clock.at(addDays(clock.monday, -3), '16:10');
  for (const f of FORECAST) {
    const isoWeek = clock.week(f.week);
    await tx.insert(deliveryForecasts).values(f.doses.map((doses, i) => ({ regionId, productCode: MRNA, isoWeek, version: i + 1, doses, reason: i > 0 ? (f.reason ?? null) : null, recordedBy: by, recordedAt: i > 0 ? halved : planned })));
    if (f.week === 0) continue; // this week's delivery is received: the batch counts, not the forecast
    const plan = [...s.centres.map((c) => ({ siteId: c.id, doses: 50 })), { siteId: s.bus.id, doses: 60 }, ...(isoWeek >= arenaFrom ? [{ siteId: s.arena.id, doses: 240 }] : [])];
    const shares = scaleAllocations(plan, f.doses.at(-1)!);
    await tx.insert(forecastAllocations).values(shares.map((a) => ({ regionId, productCode: MRNA, isoWeek, ...a, updatedAt: f.doses.length > 1 ? halved : planned })));
  }
}

/** Three received batches and their allocation; returns last week's mRNA batch, which the vials come from. */
async function loadDeliveries(tx: Db, regionId: string, clock: Clock, by: string, s: { arena: Site; bus: Site; centres: Site[] }) {
  const lastTuesday = addDays(clock.monday, -6);
  const receive = async (d: { productCode: string; isoWeek: string; batchNumber: string; expiresOn: string; vials: number; receivedAt: string }, allocatedAt: string, to: [Site, number][]) => {
    const [row] = await tx.insert(deliveries).values({ regionId, ...d, recordedBy: by }).returning({ id: deliveries.id });
    await tx.insert(stockAllocations).values(to.map(([site, vials]) => ({ regionId, deliveryId: row!.id, siteId: site.id, vials, allocatedBy: by, allocatedAt })));
    return row!.id;
  };
  const lastWeek = await receive(
    { productCode: MRNA, isoWeek: clock.week(-1), batchNumber: 'HH2817', expiresOn: addDays(clock.today, 12), vials: 36, receivedAt: clock.at(lastTuesday, '09:30') },
    clock.at(lastTuesday, '11:00'),
    [...s.centres.map((c, i): [Site, number] => [c, i === 0 ? 6 : 4]), [s.bus, 6], [s.arena, 1]],
  );
  // Received on Monday; what is left of it is what the shortages view suggests allocating to the arena.
  await receive(
    { productCode: MRNA, isoWeek: clock.week(0), batchNumber: 'HH4093', expiresOn: addDays(clock.today, 40), vials: 40, receivedAt: clock.at(clock.monday, '08:45') },
    clock.at(clock.monday, '10:30'),
    [...s.centres.map((c): [Site, number] => [c, 2]), [s.bus, 2]],
  );
  await receive(
    { productCode: 'nuvaxovid', isoWeek: clock.week(-1), batchNumber: '4302MF002', expiresOn: addDays(clock.today, 60), vials: 10, receivedAt: clock.at(lastTuesday, '09:30') },
    clock.at(lastTuesday, '11:00'),
    [[s.centres[0]!, 2]],
  );
  return lastWeek;
}

/** Vials of last week's mRNA batch opened today: closed ones with the doses really drawn and discarded, and some still open. */
async function loadVials(tx: Db, regionId: string, clock: Clock, by: string, deliveryId: string, plan: { site: Site; closed: [number, number][]; open: number }[]) {
  const rows: (typeof openedVials.$inferInsert)[] = [];
  for (const { site, closed, open } of plan) {
    const n = closed.length + open;
    closed.forEach(([drawn, discarded], i) =>
      rows.push({ regionId, siteId: site.id, deliveryId, nominalDoses: MRNA_DOSES_PER_VIAL, openedBy: by, openedAt: clock.todayAt((i + 1) / (n + 1)), dosesDrawn: drawn, dosesDiscarded: discarded, closedBy: by, closedAt: clock.todayAt((i + 1.5) / (n + 1)) }),
    );
    for (let i = closed.length; i < n; i++) rows.push({ regionId, siteId: site.id, deliveryId, nominalDoses: MRNA_DOSES_PER_VIAL, openedBy: by, openedAt: clock.todayAt((i + 1) / (n + 1)) });
  }
  await tx.insert(openedVials).values(rows);
}
