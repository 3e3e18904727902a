import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newStaff, setupTest, type TestEnv, asStaffElsewhere } from '../../../test/harness.js';
import { stockholmTime } from '../../platform/time.js';
import { vaccinationSites } from '../model.js';
import { bookableDoses } from './availability.js';

// Monday 1 March 2021, 08:00 in Stockholm.
const now = stockholmTime('2021-03-01', '08:00');
let env: TestEnv;
let coordinator: ReturnType<typeof as>;
let vaccinator: ReturnType<typeof as>;
let siteA: string;
let siteB: string;
let siteC: string;
let elsewhere: string;

async function site(regionId: string, name: string) {
  const [s] = await env.database.db.insert(vaccinationSites).values({ regionId, name, kind: 'mass_centre', municipalityCode: regionId === '18' ? '1880' : '0180', vaccines: ['covid-19'] }).returning();
  return s!.id;
}

/** `n` bookings at a site at a Swedish wall-clock time, by different people, booked at `bookedAt`. */
async function book(siteId: string, day: string, time: string, n: number, bookedAt = '2021-02-20T10:00:00Z') {
  // The people and the time the bookings refer to exist (the foreign keys ask for them); the time itself is
  // a full one long past, so only the bookings count for supply.
  const [slot] = await env.database.query<{ id: string }>(
    `INSERT INTO vaccination_slots (region_id, site_id, starts_at, ends_at, day, capacity, released_at)
     VALUES ('18', $1, '2000-01-01T08:00:00Z', '2000-01-01T08:15:00Z', '2000-01-01', 0, '2000-01-01T00:00:00Z')
     ON CONFLICT (region_id, site_id, starts_at) DO UPDATE SET capacity = 0 RETURNING id`,
    [siteId],
  );
  await env.database.query(
    `WITH people AS (INSERT INTO persons (region_id, given_name, family_name) SELECT '18', 'Bokad', 'Person' || i FROM generate_series(1, $5) i RETURNING id)
     INSERT INTO vaccination_bookings (region_id, visit_id, person_id, site_id, slot_id, vaccine, dose_number, starts_at, status, channel, booked_by, booked_at)
     SELECT '18', gen_random_uuid(), id, $1, $2, 'covid-19', 1, $3, 'booked', 'self', 'test', $4 FROM people`,
    [siteId, slot!.id, stockholmTime(day, time).toISOString(), bookedAt, n],
  );
}

const bookable = (siteId: string, day: string, regionId = '18') => env.database.db.transaction((tx) => bookableDoses(tx, regionId, siteId, day, 'covid-19', now));

beforeAll(async () => {
  env = await setupTest({ clock: { now: () => now } });
  coordinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
  vaccinator = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccinator')));
  siteA = await site('18', 'Conventum Arena');
  siteB = await site('18', 'Vårdcentralen Lindesberg');
  siteC = await site('18', 'Mobil enhet');
  elsewhere = await site('01', 'Stockholmsmässan');
});
afterAll(() => env.close());

describe('products, forecasts and deliveries', () => {
  let deliveryId: string;

  it('keeps a product with its doses per vial, and names the field of bad input', async () => {
    const ok = await coordinator({ method: 'PUT', url: '/api/vaccination/supply/products', payload: { productCode: 'comirnaty', dosesPerVial: 6 } });
    expect(ok.statusCode).toBe(200);
    expect(ok.json()).toMatchObject({ productCode: 'comirnaty', vaccine: 'covid-19', dosesPerVial: 6 });
    const zero = await coordinator({ method: 'PUT', url: '/api/vaccination/supply/products', payload: { productCode: 'comirnaty', dosesPerVial: 0 } });
    expect(zero.statusCode).toBe(400);
    expect(zero.headers['content-type']).toContain('application/problem+json');
    expect(JSON.stringify(zero.json())).toContain('dosesPerVial');
    const unknown = await coordinator({ method: 'PUT', url: '/api/vaccination/supply/products', payload: { productCode: 'no-such-vaccine', dosesPerVial: 5 } });
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors).toEqual([expect.objectContaining({ field: 'productCode' })]);
    expect((await vaccinator({ method: 'PUT', url: '/api/vaccination/supply/products', payload: { productCode: 'comirnaty', dosesPerVial: 5 } })).statusCode).toBe(403);
  });

  it('records a forecast with its sites, refusing a plan larger than the forecast', async () => {
    expect((await coordinator({ method: 'POST', url: '/api/vaccination/supply/forecasts', payload: { productCode: 'comirnaty', isoWeek: '2021-W10', doses: 1200 } })).statusCode).toBe(201);
    const over = await coordinator({ method: 'PUT', url: '/api/vaccination/supply/forecasts/allocations', payload: { productCode: 'comirnaty', isoWeek: '2021-W10', allocations: [{ siteId: siteA, doses: 900 }, { siteId: siteB, doses: 400 }] } });
    expect(over.statusCode).toBe(400);
    expect(over.json().errors[0].field).toBe('allocations');
    const foreign = await coordinator({ method: 'PUT', url: '/api/vaccination/supply/forecasts/allocations', payload: { productCode: 'comirnaty', isoWeek: '2021-W10', allocations: [{ siteId: elsewhere, doses: 10 }] } });
    expect(foreign.json().errors[0].field).toBe('allocations.0.siteId');
    expect(await count(env.database, 'vaccination_forecast_allocations')).toBe(0);
    const ok = await coordinator({ method: 'PUT', url: '/api/vaccination/supply/forecasts/allocations', payload: { productCode: 'comirnaty', isoWeek: '2021-W10', allocations: [{ siteId: siteA, doses: 800 }, { siteId: siteB, doses: 400 }] } });
    expect(ok.json()).toMatchObject({ planned: 1200, expected: 1200 });
  });

  it('receives a batch and allocates it to sites, never more vials than arrived', async () => {
    const res = await coordinator({
      method: 'POST',
      url: '/api/vaccination/supply/deliveries',
      payload: { productCode: 'comirnaty', isoWeek: '2021-W09', batchNumber: 'EW1234', expiresOn: '2021-03-20', vials: 100, allocations: [{ siteId: siteA, vials: 10 }, { siteId: siteB, vials: 5 }] },
    });
    expect(res.statusCode, res.body).toBe(201);
    deliveryId = res.json().id;
    expect(res.json()).toMatchObject({ vials: 100, doses: 600, allocatedVials: 15, unallocatedVials: 85 });
    const before = await count(env.database, 'vaccination_stock_allocations');
    const tooMany = await coordinator({ method: 'POST', url: `/api/vaccination/supply/deliveries/${deliveryId}/allocations`, payload: { allocations: [{ siteId: siteC, vials: 50 }, { siteId: siteB, vials: 36 }] } });
    expect(tooMany.statusCode).toBe(400);
    expect(tooMany.json().errors[0].field).toBe('allocations');
    expect(await count(env.database, 'vaccination_stock_allocations')).toBe(before);
    const expired = await coordinator({ method: 'POST', url: '/api/vaccination/supply/deliveries', payload: { productCode: 'comirnaty', isoWeek: '2021-W09', batchNumber: 'OLD1', expiresOn: '2021-02-01', vials: 5 } });
    expect(expired.json().errors[0].field).toBe('expiresOn');
  });

  it('opens and closes vials with the real doses drawn, records lost vials, and keeps stock per site', async () => {
    const opened = await vaccinator({ method: 'POST', url: '/api/vaccination/supply/vials', payload: { siteId: siteA, deliveryId } });
    expect(opened.statusCode).toBe(201);
    expect(opened.json()).toMatchObject({ nominalDoses: 6, batchNumber: 'EW1234' });
    const vialId = opened.json().id;
    const impossible = await vaccinator({ method: 'POST', url: `/api/vaccination/supply/vials/${vialId}/close`, payload: { dosesDrawn: 9, dosesDiscarded: 0 } });
    expect(impossible.statusCode).toBe(400);
    expect(impossible.json().errors[0].field).toBe('dosesDrawn');
    const closed = await vaccinator({ method: 'POST', url: `/api/vaccination/supply/vials/${vialId}/close`, payload: { dosesDrawn: 7, dosesDiscarded: 1 } });
    expect(closed.json()).toMatchObject({ given: 6, wasted: 0, extra: 0 });
    expect((await vaccinator({ method: 'POST', url: `/api/vaccination/supply/vials/${vialId}/close`, payload: { dosesDrawn: 6, dosesDiscarded: 0 } })).statusCode).toBe(409);

    const tooMany = await vaccinator({ method: 'POST', url: '/api/vaccination/supply/wastage', payload: { siteId: siteA, deliveryId, vials: 10, reason: 'broken' } });
    expect(tooMany.json().errors[0].field).toBe('vials');
    const lost = await vaccinator({ method: 'POST', url: '/api/vaccination/supply/wastage', payload: { siteId: siteA, deliveryId, vials: 2, reason: 'broken' } });
    expect(lost.json()).toMatchObject({ vials: 2, unopenedLeft: 7 });
    const notHere = await vaccinator({ method: 'POST', url: '/api/vaccination/supply/vials', payload: { siteId: siteC, deliveryId } });
    expect(notHere.json().errors[0].field).toBe('deliveryId');

    const stock = (await vaccinator({ method: 'GET', url: '/api/vaccination/supply/stock' })).json();
    const a = stock.sites.find((s: { siteId: string }) => s.siteId === siteA);
    expect(a).toMatchObject({ unopenedVials: 7, expectedDoses: 42 });
    expect(a.batches[0]).toMatchObject({ allocated: 10, opened: 1, wasted: 2, unopened: 7 });

    const report = (await coordinator({ method: 'GET', url: '/api/vaccination/supply/wastage?from=2021-03-01&to=2021-03-01' })).json();
    expect(report.rows).toEqual([expect.objectContaining({ siteId: siteA, productCode: 'comirnaty', vialsOpened: 1, given: 6, wastedFromOpened: 0, wholeVialsLost: 2, wastedWholeVials: 12, plannedDoses: 18, wasted: 12 })]);

    // The same figures as files: wastage and stock as CSV and XLSX, for those who read the stock only.
    const csv = await coordinator({ method: 'GET', url: '/api/vaccination/supply/wastage.csv?from=2021-03-01&to=2021-03-01' });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="kassation_2021-03-01_2021-03-01.csv"');
    const siteName = stock.sites.find((s: { siteId: string }) => s.siteId === siteA).siteName;
    expect(csv.body).toContain(`${siteName};comirnaty;1;18;6;0;0;2;12;12;`);
    const xlsx = await coordinator({ method: 'GET', url: '/api/vaccination/supply/stock.xlsx' });
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="lager_2021-03-01.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const rows = book.worksheets[0]!.getSheetValues() as unknown[][];
    expect(rows[1]!.slice(1, 4)).toEqual(['Mottagning', 'Produkt', 'Vaccin']);
    const batch = rows.find((r) => r?.[1] === siteName)!;
    expect(batch[5]).toBeInstanceOf(Date);
    expect(batch.slice(7, 11)).toEqual([10, 1, 2, 7]);
    const analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
    for (const path of ['stock.csv', 'stock.xlsx', 'wastage.csv?from=2021-03-01&to=2021-03-01', 'wastage.xlsx?from=2021-03-01&to=2021-03-01'])
      expect((await analyst({ method: 'GET', url: `/api/vaccination/supply/${path}` })).statusCode).toBe(403);
  });

  it('never offers more times than doses expected, counting later bookings and the forecast', async () => {
    // Site A: 7 unopened vials × 6 = 42 until 20 March, the closed vial's 6 today, 800 forecast from 8 March.
    await book(siteA, '2021-03-02', '09:00', 40);
    expect(await bookable(siteA, '2021-03-01')).toBe(6 + 42 - 40);
    expect(await bookable(siteA, '2021-03-02')).toBe(2);
    expect(await bookable(siteA, '2021-03-08')).toBe(802);
    expect(await bookable(siteB, '2021-03-03')).toBe(30);
    // Not tracked: only capacity limits booking.
    expect(await bookable(siteC, '2021-03-03')).toBeNull();
    expect(await bookable(siteA, '2021-03-03', '01')).toBeNull();
    expect(await bookable(siteA, '2021-02-28')).toBe(0);
  });

  it('scales the sites down when the forecast shrinks, and shows the booked times left without doses and what to do', async () => {
    await book(siteA, '2021-03-09', '10:00', 300, '2021-02-21T10:00:00Z');
    await book(siteA, '2021-03-09', '11:00', 200, '2021-02-22T10:00:00Z');
    expect((await coordinator({ method: 'GET', url: '/api/vaccination/supply/shortages' })).json().sites).toEqual([]);

    const halved = await coordinator({ method: 'POST', url: '/api/vaccination/supply/forecasts', payload: { productCode: 'comirnaty', isoWeek: '2021-W10', doses: 600, reason: 'Halverad leverans, besked fredag' } });
    expect(halved.json()).toMatchObject({ version: 2, doses: 600, previousDoses: 1200 });
    expect(halved.json().scaledAllocations).toEqual(expect.arrayContaining([{ siteId: siteA, from: 800, to: 400 }, { siteId: siteB, from: 400, to: 200 }]));

    const weeks = (await coordinator({ method: 'GET', url: '/api/vaccination/supply/forecasts?from=2021-W09&to=2021-W10' })).json().weeks;
    const w10 = weeks.find((w: { isoWeek: string }) => w.isoWeek === '2021-W10');
    expect(w10.history.map((h: { doses: number }) => h.doses)).toEqual([600, 1200]);
    expect(w10.history[0].reason).toBe('Halverad leverans, besked fredag');

    const short = (await coordinator({ method: 'GET', url: '/api/vaccination/supply/shortages' })).json();
    const day = short.sites.find((s: { siteId: string }) => s.siteId === siteA).days[0];
    // 9 March: 400 from the forecast + 2 doses left of the batch for 500 bookings.
    expect(day).toMatchObject({ day: '2021-03-09', booked: 500, uncovered: 98 });
    // The last booked (the 11:00 slot) lose their dose first.
    expect(day.slots).toEqual([expect.objectContaining({ uncovered: 98 })]);
    expect(day.suggestions[0]).toEqual({ kind: 'allocate', deliveryId: expect.any(String), batchNumber: 'EW1234', productCode: 'comirnaty', vials: 17 });
    expect(await bookable(siteA, '2021-03-09')).toBe(0);
  });

  it('shows another region nothing of this one', async () => {
    const stockholm = await asStaffElsewhere(env, '01', 'vaccine_coordinator');
    expect((await stockholm({ method: 'GET', url: '/api/vaccination/supply/stock' })).json().sites).toEqual([]);
    expect((await stockholm({ method: 'GET', url: '/api/vaccination/supply/deliveries' })).json().deliveries).toEqual([]);
    expect((await stockholm({ method: 'GET', url: '/api/vaccination/supply/shortages' })).json().sites).toEqual([]);
    const theirs = await stockholm({ method: 'POST', url: `/api/vaccination/supply/deliveries/${deliveryId}/allocations`, payload: { allocations: [{ siteId: elsewhere, vials: 1 }] } });
    expect(theirs.statusCode).toBe(404);
  });
});
