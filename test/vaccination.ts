import { expect } from 'vitest';
import type { Actor } from '../src/platform/auth/actor.js';
import type { Clock } from '../src/platform/clock.js';
import { as, loginCookie, newStaff, type TestEnv } from './harness.js';

/** A clock the test moves by hand. */
export function fixedClock(iso: string): Clock & { set(iso: string): void } {
  let at = new Date(iso);
  return { now: () => new Date(at), set: (v: string) => void (at = new Date(v)) };
}

export interface SiteSetup {
  id: string;
  slots: { id: string; startsAt: string; capacity: number; booked: number }[];
}

/**
 * A bookable site made the way a site manager makes one, through the API: opening hours, staffing,
 * generated times. Returns the site and its times on `day`.
 */
export async function newSite(
  env: TestEnv,
  opts: { name?: string; regionId?: string; days: [string, string]; vaccinators?: number; perHour?: number; vaccines?: ('covid-19' | 'influenza')[]; hours?: [string, string]; kind?: string; postalCode?: string; manager?: Actor } = { days: ['2023-10-17', '2023-10-17'] },
): Promise<SiteSetup> {
  const manager = as(env.app, await loginCookie(env.ctx, opts.manager ?? (await newStaff(env.ctx, 'site_manager', opts.regionId))));
  const created = await manager({ method: 'POST', url: '/api/vaccination/sites', payload: { name: opts.name ?? 'Vaccinationscentrum Arenan', kind: opts.kind ?? 'mass_centre', municipalityCode: '1880', postalCode: opts.postalCode ?? '70210', vaccines: opts.vaccines ?? ['covid-19', 'influenza'], slotMinutes: 15 } });
  expect(created.statusCode, created.body).toBe(201);
  const id = created.json().id as string;
  const [opens, closes] = opts.hours ?? ['08:00', '09:00'];
  const hours = await manager({ method: 'PUT', url: `/api/vaccination/sites/${id}/hours`, payload: { hours: [1, 2, 3, 4, 5].map((weekday) => ({ weekday, opens, closes })) } });
  expect(hours.statusCode, hours.body).toBe(200);
  const staffing = await manager({ method: 'PUT', url: `/api/vaccination/sites/${id}/staffing`, payload: { from: opts.days[0], to: opts.days[1], vaccinators: opts.vaccinators ?? 1, perVaccinatorPerHour: opts.perHour ?? 8 } });
  expect(staffing.statusCode, staffing.body).toBe(200);
  const slots = await manager({ method: 'POST', url: `/api/vaccination/sites/${id}/slots`, payload: { from: opts.days[0], to: opts.days[1] } });
  expect(slots.statusCode, slots.body).toBe(201);
  const list = await manager({ method: 'GET', url: `/api/vaccination/slots?siteId=${id}&from=${opts.days[0]}&to=${opts.days[1]}` });
  return { id, slots: list.json().slots };
}

/**
 * A batch received and allocated to sites, as a vaccine coordinator records it through the supply API: what a
 * dose is recorded with. Registers the product (6 doses a vial) first. Returns the delivery's id. A delivery
 * fulfils its week's forecast (which then no longer counts as stock to come): the default week is one no
 * test forecasts.
 */
export async function deliveredBatch(
  env: TestEnv,
  opts: { batchNumber: string; sites: { siteId: string; vials: number }[]; productCode?: string; expiresOn?: string; receivedAt?: string; isoWeek?: string; coordinator?: Actor },
): Promise<string> {
  const coordinator = as(env.app, await loginCookie(env.ctx, opts.coordinator ?? (await newStaff(env.ctx, 'vaccine_coordinator'))));
  const productCode = opts.productCode ?? 'comirnaty';
  const product = await coordinator({ method: 'PUT', url: '/api/vaccination/supply/products', payload: { productCode, dosesPerVial: 6 } });
  expect(product.statusCode, product.body).toBe(200);
  const expiresOn = opts.expiresOn ?? new Date(env.ctx.clock.now().getTime() + 365 * 86_400_000).toISOString().slice(0, 10);
  const delivery = await coordinator({ method: 'POST', url: '/api/vaccination/supply/deliveries', payload: { productCode, isoWeek: opts.isoWeek ?? '2000-W01', batchNumber: opts.batchNumber, expiresOn, receivedAt: opts.receivedAt, vials: opts.sites.reduce((n, s) => n + s.vials, 0), allocations: opts.sites } });
  expect(delivery.statusCode, delivery.body).toBe(201);
  return delivery.json().id as string;
}
