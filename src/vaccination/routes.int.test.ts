import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { fixedClock, newSite } from '../../test/vaccination.js';
import { seedRecommendations, seedRecommendationsForAllRegions } from './recommendations/seed.js';

const clock = fixedClock('2023-10-16T06:00:00Z');
let env: TestEnv;
beforeAll(async () => {
  env = await setupTest({ clock });
});
afterAll(() => env.close());

describe('recommendations as data', () => {
  it('seeds the national rules once per region, however often the app starts', async () => {
    const before = await count(env.database, 'vaccination_recommendations');
    const [regions] = await env.database.query<{ n: number }>('SELECT count(*)::int AS n FROM regions');
    expect(before).toBe(regions!.n * seedRecommendations.length);
    await env.database.db.transaction((tx) => seedRecommendationsForAllRegions(tx));
    expect(await count(env.database, 'vaccination_recommendations')).toBe(before);
  });

  it('lets a coordinator add next season’s rule, versioned, and refuses bad criteria naming the field', async () => {
    const coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
    const body = {
      code: 'covid-2024-65-plus',
      vaccine: 'covid-19',
      title: 'Påfyllnadsdos hösten 2024: 65 år och äldre',
      priority: 2,
      validFrom: '2024-09-01',
      validTo: '2025-08-31',
      criteria: { cohorts: [{ minAge: 65 }], schedule: { kind: 'seasonal', windows: [{ name: 'höstens dos', from: '09-01', to: '12-31' }], minIntervalDays: 180 }, offer: 'en påfyllnadsdos på hösten' },
    };
    const first = await coordinator({ method: 'POST', url: '/api/vaccination/recommendations', payload: body });
    expect(first.statusCode, first.body).toBe(201);
    expect(first.json()).toMatchObject({ code: body.code, version: 1, createdBy: 'Test vaccine_coordinator' });
    const second = await coordinator({ method: 'POST', url: '/api/vaccination/recommendations', payload: { ...body, validTo: null } });
    expect(second.json().version).toBe(2);
    const list = (await coordinator({ method: 'GET', url: '/api/vaccination/recommendations' })).json().recommendations;
    expect(list.filter((r: { code: string }) => r.code === body.code).map((r: { version: number }) => r.version).sort()).toEqual([1, 2]);

    const bad = await coordinator({ method: 'POST', url: '/api/vaccination/recommendations', payload: { ...body, criteria: { ...body.criteria, cohorts: [{ minAge: 70, maxAge: 60 }] } } });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().errors[0].field).toBe('criteria.cohorts.0.maxAge');
    const badWindow = await coordinator({ method: 'POST', url: '/api/vaccination/recommendations', payload: { ...body, criteria: { ...body.criteria, schedule: { ...body.criteria.schedule, windows: [{ name: 'x', from: '13-01', to: '12-31' }] } } } });
    expect(badWindow.json().errors[0].field).toBe('criteria.schedule.windows.0.from');
    const vaccinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccinator')));
    expect((await vaccinator({ method: 'POST', url: '/api/vaccination/recommendations', payload: body })).statusCode).toBe(403);
  });
});

describe('SMART Scheduling Links', () => {
  it('publishes a manifest and NDJSON files of locations, schedules and open slots, without logging in', async () => {
    const site = await newSite(env, { days: ['2023-10-17', '2023-10-17'] });
    await newSite(env, { name: 'Lindgårdens SÄBO', kind: 'care_home', days: ['2023-10-17', '2023-10-17'] });
    const manifest = await env.app.inject({ method: 'GET', url: '/api/vaccination/$bulk-publish', headers: { host: 'lagesbild.example' } });
    expect(manifest.statusCode).toBe(200);
    expect(manifest.json()).toEqual({
      transactionTime: '2023-10-16T06:00:00.000Z',
      request: 'http://lagesbild.example/api/vaccination/$bulk-publish',
      output: [
        { type: 'Location', url: 'http://lagesbild.example/api/vaccination/smart/locations.ndjson' },
        { type: 'Schedule', url: 'http://lagesbild.example/api/vaccination/smart/schedules.ndjson' },
        { type: 'Slot', url: 'http://lagesbild.example/api/vaccination/smart/slots.ndjson' },
      ],
      error: [],
    });
    const lines = async (file: string) => {
      const res = await env.app.inject({ method: 'GET', url: `/api/vaccination/smart/${file}.ndjson`, headers: { host: 'lagesbild.example' } });
      expect(res.headers['content-type']).toMatch(/application\/fhir\+ndjson/);
      return res.body.trim().split('\n').map((l) => JSON.parse(l));
    };
    const locations = await lines('locations');
    expect(locations).toEqual([expect.objectContaining({ resourceType: 'Location', id: site.id, name: 'Vaccinationscentrum Arenan', address: expect.objectContaining({ postalCode: '70210', country: 'SE' }) })]);
    const schedules = await lines('schedules');
    expect(schedules[0]).toMatchObject({ resourceType: 'Schedule', actor: [{ reference: `Location/${site.id}` }] });
    expect(schedules[0].serviceType[0].coding).toContainEqual(expect.objectContaining({ code: 'covid19-immunization' }));
    const slots = await lines('slots');
    expect(slots).toHaveLength(4);
    expect(slots[0]).toMatchObject({ resourceType: 'Slot', schedule: { reference: `Schedule/${site.id}` }, status: 'free', start: '2023-10-17T06:00:00.000Z', end: '2023-10-17T06:15:00.000Z' });
    expect(slots[0].extension).toContainEqual({ url: 'http://fhir-registry.smarthealthit.org/StructureDefinition/booking-deep-link', valueUrl: `http://lagesbild.example/vaccination/book?site=${site.id}&date=2023-10-17&slot=${slots[0].id}` });
    expect((await env.app.inject({ method: 'GET', url: '/api/vaccination/smart/patients.ndjson' })).statusCode).toBe(400);
  });

  it('is rate-limited per client', async () => {
    const codes: number[] = [];
    for (let i = 0; i < 32; i++) codes.push((await env.app.inject({ method: 'GET', url: '/api/vaccination/$bulk-publish', remoteAddress: '10.9.8.7' })).statusCode);
    expect(codes.slice(0, 30).every((c) => c === 200)).toBe(true);
    expect(codes.at(-1)).toBe(429);
  });
});
