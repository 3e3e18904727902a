import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../../test/harness.js';
import { stockholmTime } from '../../platform/time.js';
import { units } from '../../identity/model.js';
import { samples, testCapacity, type Collection, type TestResult, type TestType } from '../model.js';
import { isoWeekOf } from '../rules.js';
import { pdfText } from '../../platform/files/pdf-text.js';

let env: TestEnv;
type Caller = ReturnType<typeof as>;
let analyst: Caller, national: Caller, tracer: Caller, lab: Caller, regionAdmin: Caller;
let p1: string, p2: string, p3: string, stockholmer: string;
let labUnit: string, station: string;
let population18: number;

interface S {
  person: string;
  at: Date;
  testType?: TestType;
  result?: TestResult | null;
  collection?: Collection;
  provider?: string | null;
  regionId?: string;
}

async function add(list: S[]) {
  const rows = list.map((s) => ({
    regionId: s.regionId ?? '18',
    personId: s.person,
    testType: s.testType ?? 'pcr',
    collection: s.collection ?? 'staff',
    provider: s.provider ?? null,
    takenAt: s.at.toISOString(),
    takenWeek: isoWeekOf(s.at),
    result: s.result === undefined ? 'negative' : s.result,
  }));
  for (let i = 0; i < rows.length; i += 500) await env.database.db.insert(samples).values(rows.slice(i, i + 500));
}
const many = (n: number, s: S): S[] => Array.from({ length: n }, () => s);
const at = stockholmTime;

beforeAll(async () => {
  env = await setupTest();
  const login = async (role: Parameters<typeof newStaff>[1]) => as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, role)));
  analyst = await login('analyst');
  national = await login('national_analyst');
  tracer = await login('tracer');
  lab = await login('lab');
  regionAdmin = await login('region_admin');
  p1 = (await newPerson(env.ctx)).id;
  p2 = (await newPerson(env.ctx)).id;
  p3 = (await newPerson(env.ctx)).id;
  stockholmer = (await newPerson(env.ctx, { regionId: '01' })).id;
  const [l, s] = await env.database.db
    .insert(units)
    .values([
      { regionId: '18', kind: 'lab', name: 'Laboratoriemedicin, USÖ' },
      { regionId: '18', kind: 'sampling_station', name: 'Drive-in Örebro' },
    ])
    .returning();
  labUnit = l!.id;
  station = s!.id;
  population18 = (await env.database.query<{ population: number }>("SELECT population FROM regions WHERE id = '18'"))[0]!.population;

  await env.database.db.insert(testCapacity).values([
    { regionId: '18', unitId: labUnit, isoWeek: '2021-W49', testType: 'pcr', testsPerWeek: 1400 },
    { regionId: '18', unitId: station, isoWeek: '2021-W49', testType: 'pcr', testsPerWeek: 700 },
  ]);

  await add([
    // Week 48 ends Sunday 5 December at midnight, Swedish time (22:59 and 23:00 UTC on the same UTC day).
    { person: p1, at: at('2021-12-05', '23:59') },
    { person: p3, at: at('2021-12-06', '00:00') },
    // Week 49: 6 tests by the region, of 3 people.
    { person: p1, at: at('2021-12-07', '10:00'), result: 'positive' },
    { person: p1, at: at('2021-12-08', '10:00'), collection: 'self' },
    { person: p2, at: at('2021-12-07', '11:00') },
    { person: p2, at: at('2021-12-10', '11:00'), result: null },
    { person: p3, at: at('2021-12-09', '09:00'), result: 'not_assessable' },
    // … and one antigen test by another provider on the region's behalf.
    { person: p1, at: at('2021-12-09', '12:00'), testType: 'antigen', result: 'positive', provider: 'Privat vårdgivare AB' },
    // Another region.
    { person: stockholmer, at: at('2021-12-08', '08:00'), result: 'positive', regionId: '01' },
    // The switch to winter time (Sunday 31 October, 03:00 → 02:00) and to summer time (Sunday 28 March).
    { person: p2, at: at('2021-10-31', '23:30') },
    { person: p2, at: at('2021-11-01', '00:30') },
    { person: p3, at: at('2021-03-28', '23:59') },
    { person: p3, at: at('2021-03-29', '00:00') },
  ]);
});
afterAll(() => env.close());

const weekly = async (caller: Caller, query: string) => {
  const res = await caller({ method: 'GET', url: `/api/testing/statistics/weekly?${query}` });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};
type Row = { regionId: string; week: string; testType: string; provider: string; [k: string]: unknown };
const find = (rows: Row[], week: string, testType: string, provider = 'region', regionId = '18') =>
  rows.find((r) => r.regionId === regionId && r.week === week && r.testType === testType && r.provider === provider);

describe('weekly report to Folkhälsomyndigheten', () => {
  it('counts tests, unique individuals and results per week and test type, as computed by hand', async () => {
    const report = await weekly(analyst, 'from=2021-W48&to=2021-W49');
    expect(report.weeks).toEqual(['2021-W48', '2021-W49']);
    expect(new Set(report.rows.map((r: Row) => r.regionId))).toEqual(new Set(['18']));
    expect(report.national).toBeNull();
    expect(find(report.rows, '2021-W48', 'pcr')).toMatchObject({ tests: 1, individuals: 1, negative: 1, capacity: 0 });
    const w49 = find(report.rows, '2021-W49', 'pcr')!;
    expect(w49).toMatchObject({ tests: 6, individuals: 3, positive: 1, negative: 3, notAssessable: 1, pending: 1, sharePositive: 0.25, capacity: 2100 });
    expect(w49.individualsPer100k).toBeCloseTo((3 * 100_000) / population18, 6);
    expect(report.regions[0]).toMatchObject({ regionId: '18', population: population18, source: 'regions.population' });
  });

  it('puts Sunday 23:59 in that week and Monday 00:00 in the next, across both daylight-saving switches', async () => {
    expect(isoWeekOf(at('2021-12-05', '23:59'))).toBe('2021-W48');
    expect(isoWeekOf(at('2021-12-06', '00:00'))).toBe('2021-W49');
    const autumn = await weekly(analyst, 'from=2021-W43&to=2021-W44');
    expect(find(autumn.rows, '2021-W43', 'pcr')!.tests).toBe(1);
    expect(find(autumn.rows, '2021-W44', 'pcr')!.tests).toBe(1);
    const spring = await weekly(analyst, 'from=2021-W12&to=2021-W13');
    expect(find(spring.rows, '2021-W12', 'pcr')!.tests).toBe(1);
    expect(find(spring.rows, '2021-W13', 'pcr')!.tests).toBe(1);
  });

  it("reports other providers' tests on their own rows, without capacity", async () => {
    const report = await weekly(analyst, 'from=2021-W49&to=2021-W49');
    expect(find(report.rows, '2021-W49', 'antigen', 'other')).toMatchObject({ tests: 1, individuals: 1, positive: 1, sharePositive: 1, capacity: null });
    expect(find(report.rows, '2021-W49', 'antigen', 'region')).toMatchObject({ tests: 0, sharePositive: null });
    expect(find(report.rows, '2021-W49', 'pcr', 'other')).toBeUndefined();
  });

  it('shows the national analyst all 21 regions and a national total, never a person', async () => {
    const report = await weekly(national, 'from=2021-W49&to=2021-W49');
    expect(report.regions).toHaveLength(21);
    expect(new Set(report.rows.map((r: Row) => r.regionId)).size).toBe(21);
    expect(find(report.rows, '2021-W49', 'pcr', 'region', '01')).toMatchObject({ tests: 1, positive: 1 });
    const total = find(report.national, '2021-W49', 'pcr', 'region', 'SE')!;
    expect(total).toMatchObject({ tests: 7, individuals: 4, positive: 2, regionName: 'Riket' });
    const text = JSON.stringify(report);
    for (const id of [p1, p2, p3, stockholmer]) expect(text).not.toContain(id);
    for (const r of report.rows) expect(Object.keys(r).sort()).toEqual(['capacity', 'individuals', 'individualsPer100k', 'negative', 'notAssessable', 'pending', 'positive', 'provider', 'regionId', 'regionName', 'sharePositive', 'testType', 'tests', 'week']);
    const one = await weekly(national, 'from=2021-W49&to=2021-W49&regionId=01');
    expect(one.regions.map((r: { regionId: string }) => r.regionId)).toEqual(['01']);
  });

  it("refuses a tracer, and staff asking for another region's figures", async () => {
    expect((await tracer({ method: 'GET', url: '/api/testing/statistics/weekly?from=2021-W49&to=2021-W49' })).statusCode).toBe(403);
    expect((await tracer({ method: 'GET', url: '/api/testing/statistics/weekly.csv?from=2021-W49&to=2021-W49' })).statusCode).toBe(403);
    expect((await analyst({ method: 'GET', url: '/api/testing/statistics/weekly?from=2021-W49&to=2021-W49&regionId=01' })).statusCode).toBe(403);
    const bad = await analyst({ method: 'GET', url: '/api/testing/statistics/weekly?from=2021-W49&to=2021-W40' });
    expect(bad.statusCode).toBe(400);
    expect((await analyst({ method: 'GET', url: '/api/testing/statistics/weekly?from=2021-W54&to=2021-W54' })).statusCode).toBe(400);
  });

  it('downloads as CSV for Swedish Excel and as XLSX, both of which read back', async () => {
    const csv = await analyst({ method: 'GET', url: '/api/testing/statistics/weekly.csv?from=2021-W49&to=2021-W49' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-type']).toMatch(/text\/csv/);
    expect(csv.headers['content-disposition']).toMatch(/attachment; filename="veckorapport_2021-W49_2021-W49.csv"/);
    expect(csv.rawPayload[0]).toBe(0xef); // UTF-8 byte order mark
    const lines = csv.rawPayload.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(';'));
    expect(lines[0]).toEqual(['Region', 'Vecka', 'Testtyp', 'Utförare', 'Antal tester', 'Unika testade individer', 'Positiva', 'Negativa', 'Ej bedömbara', 'Ej besvarade', 'Andel positiva (%)', 'Testade individer per 100 000 invånare', 'Deklarerad kapacitet']);
    const pcr = lines.find((l) => l[1] === '2021-W49' && l[2] === 'PCR' && l[3] === 'Regionen')!;
    expect(pcr.slice(4)).toEqual(['6', '3', '1', '3', '1', '1', '25', String(Math.round((3e6 / population18)) / 10).replace('.', ','), '2100']);
    expect(lines.find((l) => l[2] === 'Antigen' && l[3] === 'Annan vårdgivare på regionens uppdrag')![4]).toBe('1');

    const xlsx = await analyst({ method: 'GET', url: '/api/testing/statistics/weekly.xlsx?from=2021-W49&to=2021-W49' });
    expect(xlsx.statusCode).toBe(200);
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.getWorksheet('Veckorapport')!;
    expect(sheet.getRow(1).getCell(5).value).toBe('Antal tester');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    const values = sheet.getSheetValues().slice(2) as unknown[][];
    const row = values.find((v) => v[2] === '2021-W49' && v[3] === 'PCR' && v[4] === 'Regionen')!;
    expect(row.slice(5, 12)).toEqual([6, 3, 1, 3, 1, 1, 0.25]); // the share as a share, shown as 25,0 %
    expect(sheet.getRow(2).getCell(5).numFmt).toBe('#,##0');
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1 });
    expect(book.getWorksheet('Nämnare')).toBeUndefined(); // not the demo region in this test

    const comma = await analyst({ method: 'GET', url: '/api/testing/statistics/weekly.csv?from=2021-W49&to=2021-W49&separator=comma&lang=en' });
    expect(comma.body.split('\r\n')[0]).toBe('\uFEFFRegion,Week,Test type,Provider,Tests,Individuals tested,Positive,Negative,Not assessable,Pending,Share positive (%),"Individuals tested per 100,000 inhabitants",Declared capacity');
  });

  it('downloads as a PDF report with its period, charts and tables, in the reader\'s language', async () => {
    const pdf = await analyst({ method: 'GET', url: '/api/testing/statistics/weekly.pdf?from=2021-W49&to=2021-W49' });
    expect(pdf.statusCode).toBe(200);
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.headers['content-disposition']).toBe('attachment; filename="veckorapport_2021-W49_2021-W49.pdf"');
    const sv = pdfText(pdf.rawPayload);
    expect(sv.pages).toBeGreaterThanOrEqual(1);
    expect(sv.lines).toEqual(expect.arrayContaining(['Veckorapport: testning', 'Period: 2021-W49 – 2021-W49', 'Antal tester per vecka', 'Regionens provtagning']));
    expect(sv.lines.some((l) => /^Skapad: \d{4}-\d{2}-\d{2} \d{2}:\d{2}$/.test(l))).toBe(true);
    const en = pdfText((await analyst({ method: 'GET', url: '/api/testing/statistics/weekly.pdf?from=2021-W49&to=2021-W49&lang=en' })).rawPayload);
    expect(en.lines).toEqual(expect.arrayContaining(['Weekly report: testing', 'Tests per week']));
    for (const ext of ['csv', 'xlsx', 'pdf']) expect((await tracer({ method: 'GET', url: `/api/testing/statistics/weekly.${ext}?from=2021-W49&to=2021-W49` })).statusCode).toBe(403);
    expect((await analyst({ method: 'GET', url: '/api/testing/statistics/weekly.pdf?from=2021-W49&to=2021-W40' })).statusCode).toBe(400);
    expect((await analyst({ method: 'GET', url: '/api/testing/statistics/weekly.csv?from=2021-W49&to=2021-W49&separator=tab' })).statusCode).toBe(400);
  });
});

describe('capacity', () => {
  it('declares capacity per unit and week (upsert, audited), and warns when demand passes 90 %', async () => {
    const put = (body: object, caller = lab) => caller({ method: 'PUT', url: '/api/testing/capacity', payload: body });
    expect((await put({ unitId: labUnit, isoWeek: '2021-W50', testType: 'pcr', testsPerWeek: 1000 })).statusCode).toBe(200);
    const again = await put({ unitId: labUnit, isoWeek: '2021-W50', testType: 'pcr', testsPerWeek: 2100 });
    expect(again.json()).toMatchObject({ testsPerWeek: 2100, previous: 1000 });
    expect((await put({ unitId: labUnit, isoWeek: '2021-W50', testType: 'pcr', testsPerWeek: 5 }, analyst)).statusCode).toBe(403);
    expect((await put({ unitId: '00000000-0000-4000-8000-000000000000', isoWeek: '2021-W50', testType: 'pcr', testsPerWeek: 5 })).statusCode).toBe(400);
    const audit = await env.database.query<{ details: { testsPerWeek: number } }>("SELECT details FROM audit_log WHERE action = 'testing.capacity.declared' ORDER BY at");
    expect(audit.map((a) => a.details.testsPerWeek)).toEqual([1000, 2100]);

    // 2100 a week is 300 a day; warning above 270.
    await add([...many(270, { person: p1, at: at('2021-12-14', '09:00') }), ...many(271, { person: p2, at: at('2021-12-15', '23:59') }), ...many(301, { person: p3, at: at('2021-12-16', '00:00') })]);
    const res = await analyst({ method: 'GET', url: '/api/testing/statistics/capacity?from=2021-12-13&to=2021-12-16' });
    expect(res.statusCode, res.body).toBe(200);
    const file = await analyst({ method: 'GET', url: '/api/testing/statistics/capacity.csv?from=2021-12-13&to=2021-12-16' });
    expect(file.headers['content-disposition']).toBe('attachment; filename="kapacitet_18_2021-12-13_2021-12-16.csv"');
    expect(file.body.split('\r\n')).toContain('2021-12-16;2021-W50;PCR;301;300;100,3;Över kapacitet');
    const xlsx = await analyst({ method: 'GET', url: '/api/testing/statistics/capacity.xlsx?from=2021-12-13&to=2021-12-16' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const first = book.worksheets[0]!.getRow(2);
    expect(first.getCell(1).value).toEqual(new Date('2021-12-13T00:00:00Z'));
    expect(first.getCell(1).numFmt).toBe('yyyy-mm-dd');
    for (const ext of ['csv', 'xlsx']) expect((await tracer({ method: 'GET', url: `/api/testing/statistics/capacity.${ext}?from=2021-12-13&to=2021-12-16` })).statusCode).toBe(403);
    const pcr = res.json().days.filter((d: { testType: string }) => d.testType === 'pcr');
    expect(pcr.map((d: { date: string; demand: number; capacity: number; level: string }) => [d.date, d.demand, d.capacity, d.level])).toEqual([
      ['2021-12-13', 0, 300, 'ok'],
      ['2021-12-14', 270, 300, 'ok'],
      ['2021-12-15', 271, 300, 'warning'],
      ['2021-12-16', 301, 300, 'over'],
    ]);
    expect(res.json().warningShare).toBe(0.9);
    const antigen = res.json().days.find((d: { testType: string }) => d.testType === 'antigen');
    expect(antigen).toMatchObject({ demand: 0, capacity: 0, share: null, level: 'ok' });
  });
});

describe('reimbursement claim', () => {
  it('prices each test at the rate of the Swedish day it was taken, across the 2021/2022 PCR change, and says what it left out', async () => {
    await add([
      ...many(2, { person: p1, at: at('2021-12-31', '12:00') }),
      { person: p1, at: at('2022-01-01', '00:30'), collection: 'self', result: 'positive' }, // 2021-12-31 in UTC
      ...many(3, { person: p2, at: at('2022-01-03', '10:00') }),
      ...many(2, { person: p2, at: at('2022-01-03', '10:00'), testType: 'antigen' }),
      ...many(4, { person: p3, at: at('2022-01-04', '10:00'), testType: 'antigen', collection: 'self' }),
      { person: p3, at: at('2022-01-05', '10:00'), result: null },
      { person: p3, at: at('2022-01-05', '10:00'), testType: 'serology', result: 'not_assessable' },
    ]);
    const res = await analyst({ method: 'GET', url: '/api/testing/statistics/reimbursement?from=2021-12-27&to=2022-01-09' });
    expect(res.statusCode, res.body).toBe(200);
    const claim = res.json();
    expect(claim.lines).toEqual([
      { testType: 'antigen', validFrom: '2021-01-01', validTo: null, sek: 300, tests: 2, amountSek: 600 },
      { testType: 'pcr', validFrom: '2021-01-01', validTo: '2021-12-31', sek: 1400, tests: 2, amountSek: 2800 },
      { testType: 'pcr', validFrom: '2022-01-01', validTo: null, sek: 1100, tests: 4, amountSek: 4400 },
    ]);
    expect(claim.totalSek).toBe(7800);
    expect(claim.totalTests).toBe(8);
    expect(claim.excluded).toEqual([
      { testType: 'antigen', reason: 'self_sampled_antigen', tests: 4 },
      { testType: 'pcr', reason: 'pending', tests: 1 },
      { testType: 'serology', reason: 'not_assessable', tests: 1 },
    ]);
    expect(claim.rules.length).toBeGreaterThan(3);

    await add([{ person: p1, at: at('2020-12-30', '10:00') }]);
    const early = (await regionAdmin({ method: 'GET', url: '/api/testing/statistics/reimbursement?from=2020-12-28&to=2021-01-03' })).json();
    expect(early.excluded).toEqual([{ testType: 'pcr', reason: 'no_rate', tests: 1 }]);
    expect(early.totalSek).toBe(0);

    const csv = await analyst({ method: 'GET', url: '/api/testing/statistics/reimbursement.csv?from=2021-12-27&to=2022-01-09' });
    const lines = csv.rawPayload.toString('utf8').replace(/^\uFEFF/, '').trimEnd().split('\r\n').map((l) => l.split(';'));
    expect(lines[0]![0]).toBe('Rad');
    expect(lines.find((l) => l[0] === 'Summa')!.slice(4, 6)).toEqual(['8', '7800']);
    expect(lines.find((l) => l[6] === 'Antigentest taget av personen själv')![4]).toBe('4');
    expect((await national({ method: 'GET', url: '/api/testing/statistics/reimbursement?from=2021-12-27&to=2022-01-09' })).statusCode).toBe(403);

    const xlsx = await analyst({ method: 'GET', url: '/api/testing/statistics/reimbursement.xlsx?from=2021-12-27&to=2022-01-09' });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    expect(xlsx.headers['content-disposition']).toBe('attachment; filename="ersattning_18_2021-12-27_2022-01-09.xlsx"');
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const total = (book.worksheets[0]!.getSheetValues() as unknown[][]).find((v) => v?.[1] === 'Summa')!;
    expect(total.slice(5, 7)).toEqual([8, 7800]);
    const pdf = await analyst({ method: 'GET', url: '/api/testing/statistics/reimbursement.pdf?from=2021-12-27&to=2022-01-09' });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdfText(pdf.rawPayload).lines).toEqual(expect.arrayContaining(['Ersättning för testning', 'Period: 2021-12-27 – 2022-01-09', 'Summa', '7800']));
    for (const ext of ['csv', 'xlsx', 'pdf']) expect((await national({ method: 'GET', url: `/api/testing/statistics/reimbursement.${ext}?from=2021-12-27&to=2022-01-09` })).statusCode).toBe(403);
  });
});

describe('the flat rates, kept in the application', () => {
  it('lets the national analyst set a new PCR rate from a day; the claim follows it, the old rate ends the day before, and history stays', async () => {
    await add([
      ...many(2, { person: p1, at: at('2022-06-30', '12:00') }),
      ...many(3, { person: p2, at: at('2022-07-01', '09:00') }),
    ]);
    const body = { testType: 'pcr', validFrom: '2022-07-01', sek: 900, source: 'Ändrad överenskommelse, juli 2022' };
    expect((await analyst({ method: 'POST', url: '/api/testing/reimbursement-rates', payload: body })).statusCode).toBe(403);
    const set = await national({ method: 'POST', url: '/api/testing/reimbursement-rates', payload: body });
    expect(set.statusCode, set.body).toBe(200);
    const pcr = set.json().rates.filter((r: { testType: string }) => r.testType === 'pcr');
    expect(pcr.map((r: { validFrom: string; validTo: string | null; sek: number }) => [r.validFrom, r.validTo, r.sek])).toEqual([
      ['2021-01-01', '2021-12-31', 1400],
      ['2022-01-01', '2022-06-30', 1100],
      ['2022-07-01', null, 900],
    ]);
    expect(pcr[2]).toMatchObject({ setBy: expect.any(String), setAt: expect.any(String), source: body.source });

    const claim = (await analyst({ method: 'GET', url: '/api/testing/statistics/reimbursement?from=2022-06-27&to=2022-07-03' })).json();
    expect(claim.lines).toEqual([
      { testType: 'pcr', validFrom: '2022-01-01', validTo: '2022-06-30', sek: 1100, tests: 2, amountSek: 2200 },
      { testType: 'pcr', validFrom: '2022-07-01', validTo: null, sek: 900, tests: 3, amountSek: 2700 },
    ]);

    // The same day again, or an earlier one, would overlap: refused, naming the field, and nothing changes.
    const again = await national({ method: 'POST', url: '/api/testing/reimbursement-rates', payload: { ...body, sek: 800 } });
    expect(again.statusCode).toBe(409);
    expect(again.json().detail).toMatch(/^Valid from: a rate already applies from 2022-07-01/);
    const bad = await national({ method: 'POST', url: '/api/testing/reimbursement-rates', payload: { ...body, validFrom: '2022-07-32', sek: -1 } });
    expect(bad.statusCode).toBe(400);
    const after = (await analyst({ method: 'GET', url: '/api/testing/reimbursement-rates' })).json().rates.filter((r: { testType: string }) => r.testType === 'pcr');
    expect(after).toEqual(pcr);
    expect(await count(env.database, "audit_log WHERE action = 'testing.rate.set'")).toBe(1);
  });
});
