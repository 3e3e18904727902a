import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, loginCookie, setupTest, type TestEnv } from '../../../test/harness.js';
import { staff, units } from '../../identity/model.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { StaffRole } from '../../platform/auth/roles.js';

let env: TestEnv;

async function newUnit(name: string): Promise<string> {
  const [row] = await env.ctx.database.db.insert(units).values({ regionId: env.ctx.config.regionId, kind: 'vaccination_site', name, synthetic: true }).returning();
  return row!.id;
}

async function staffAt(role: StaffRole, unitId: string) {
  const regionId = env.ctx.config.regionId;
  const [row] = await env.ctx.database.db.insert(staff).values({ regionId, name: `Test ${role}`, role, unitId, synthetic: true }).returning();
  const actor: Actor = { kind: 'staff', id: row!.id, name: row!.name, role, regionId, unitId };
  return as(env.app, await loginCookie(env.ctx, actor));
}

const newSitePayload = (name: string) => ({ name, kind: 'vardcentral', municipalityCode: '1880', postalCode: '70210', vaccines: ['covid-19'], slotMinutes: 15 });

let northManager: Awaited<ReturnType<typeof staffAt>>;
let southManager: Awaited<ReturnType<typeof staffAt>>;
let southVaccinator: Awaited<ReturnType<typeof staffAt>>;
let northSite = '';
let southSite = '';

beforeAll(async () => {
  env = await setupTest();
  const [north, south] = [await newUnit('Vårdcentralen Norr'), await newUnit('Vårdcentralen Söder')];
  northManager = await staffAt('site_manager', north);
  southManager = await staffAt('site_manager', south);
  southVaccinator = await staffAt('vaccinator', south);
  // "A…" sorts before "Ö…": without the own unit first, the vaccinator's first site would be the other unit's.
  const a = await northManager({ method: 'POST', url: '/api/vaccination/sites', payload: newSitePayload('Arenan norr') });
  expect(a.statusCode, a.body).toBe(201);
  northSite = a.json().id;
  const b = await southManager({ method: 'POST', url: '/api/vaccination/sites', payload: newSitePayload('Östra söder') });
  expect(b.statusCode, b.body).toBe(201);
  southSite = b.json().id;
});
afterAll(() => env.close());

describe('sites per unit', () => {
  it("a site manager sees only their own unit's sites", async () => {
    const north = (await northManager({ method: 'GET', url: '/api/vaccination/sites' })).json().sites.map((s: { id: string }) => s.id);
    expect(north).toEqual([northSite]);
    const south = (await southManager({ method: 'GET', url: '/api/vaccination/sites' })).json().sites.map((s: { id: string }) => s.id);
    expect(south).toEqual([southSite]);
  });

  it("a site manager cannot read or change another unit's site, and nothing is written", async () => {
    expect((await northManager({ method: 'GET', url: `/api/vaccination/sites/${southSite}` })).statusCode).toBe(404);
    const hours = await northManager({ method: 'PUT', url: `/api/vaccination/sites/${southSite}/hours`, payload: { hours: [{ weekday: 1, opens: '08:00', closes: '12:00' }] } });
    expect(hours.statusCode).toBe(404);
    const staffing = await northManager({ method: 'PUT', url: `/api/vaccination/sites/${southSite}/staffing`, payload: { from: '2030-01-07', to: '2030-01-07', vaccinators: 1, perVaccinatorPerHour: 4 } });
    expect(staffing.statusCode).toBe(404);
    const own = (await southManager({ method: 'GET', url: `/api/vaccination/sites/${southSite}` })).json();
    expect(own.hours).toEqual([]);
    expect(own.staffing).toEqual([]);
  });

  it("a vaccinator sees every site, their own unit's first", async () => {
    const sites = (await southVaccinator({ method: 'GET', url: '/api/vaccination/sites' })).json().sites.map((s: { id: string }) => s.id);
    expect(sites[0]).toBe(southSite);
    expect(sites).toContain(northSite);
  });
});
