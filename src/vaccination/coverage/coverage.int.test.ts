import { pdfText } from '../../platform/files/pdf-text.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, loginCookie, newPerson, newStaff, setupTest, type TestEnv, asStaffElsewhere } from '../../../test/harness.js';
import { stockholmTime } from '../../platform/time.js';

let env: TestEnv;
const q = 'from=2021-W01&to=2021-W12&asOf=2021-03-28';

async function people(n: number, p: { birthDate: string; municipalityCode: string; postalCode: string; regionId?: string }) {
  const out: string[] = [];
  for (let i = 0; i < n; i++) out.push((await newPerson(env.ctx, p)).id);
  return out;
}

/** Doses 1..n for each person, the first on `day` and each next one three weeks later. */
async function vaccinate(ids: string[], day: string, n = 1, regionId = '18') {
  await env.database.query(
    `INSERT INTO vaccination_doses (region_id, person_id, vaccine, product_code, batch_number, dose_number, administered_at, recorded_by)
     SELECT $1, p, 'covid-19', 'comirnaty', 'EW1', d, $2::timestamptz + (d - 1) * interval '21 days', gen_random_uuid()
     FROM unnest($3::uuid[]) AS p, generate_series(1, $4) AS d`,
    [regionId, stockholmTime(day, '10:00').toISOString(), ids, n],
  );
}

beforeAll(async () => {
  env = await setupTest({ clock: { now: () => stockholmTime('2021-03-28', '12:00') } });
  const elderlyOrebro = await people(20, { birthDate: '1938-05-05', municipalityCode: '1880', postalCode: '70361' });
  const middleHallsberg = await people(20, { birthDate: '1965-05-05', municipalityCode: '1861', postalCode: '69430' });
  await vaccinate(elderlyOrebro.slice(0, 18), '2021-01-12', 2); // week 2; dose 2 in week 5
  await vaccinate(middleHallsberg.slice(0, 4), '2021-03-09'); // week 10
  const stockholm = await people(3, { birthDate: '1940-01-01', municipalityCode: '0180', postalCode: '11122', regionId: '01' });
  await vaccinate(stockholm, '2021-02-01', 1, '01');
});
afterAll(() => env.close());

describe('coverage', () => {
  it('by age group and dose, over time, with low coverage flagged for outreach', async () => {
    const analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'vaccine_coordinator')));
    const r = (await analyst({ method: 'GET', url: `/api/vaccination/coverage?by=ageGroup&${q}` })).json();
    expect(r.overall).toEqual({ population: 40, vaccinated: 22, coverage: 22 / 40 });
    const old = r.rows.find((x: { key: string }) => x.key === '80+');
    expect(old).toMatchObject({ label: '80 år och äldre', population: 20, vaccinated: [18, 18, 0, 0], low: false });
    expect(r.rows.find((x: { key: string }) => x.key === '50-64')).toMatchObject({ population: 20, vaccinated: [4, 0, 0, 0], coverage: [0.2, 0, 0, 0], low: true });
    const series = r.series.find((s: { key: string }) => s.key === '80+').points;
    expect(series.find((p: { week: string }) => p.week === '2021-W01').vaccinated).toBe(0);
    expect(series.find((p: { week: string }) => p.week === '2021-W02').vaccinated).toBe(18);
    expect(series.at(-1).coverage).toBeCloseTo(0.9);

    const dose2 = (await analyst({ method: 'GET', url: `/api/vaccination/coverage?by=municipality&dose=2&${q}` })).json();
    expect(dose2.rows.map((x: { label: string; low: boolean }) => [x.label, x.low])).toEqual([
      ['Hallsberg', true],
      ['Örebro', false],
    ]);
    const w = (await analyst({ method: 'GET', url: `/api/vaccination/coverage?by=postalArea&dose=2&${q}` })).json();
    expect(w.series.find((s: { key: string }) => s.key === '703').points.find((p: { week: string }) => p.week === '2021-W05').vaccinated).toBe(18);
  });

  it('exports the table as CSV for Swedish Excel and as XLSX, and names bad parameters', async () => {
    const c = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
    const csv = await c({ method: 'GET', url: `/api/vaccination/coverage.csv?by=municipality&${q}` });
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.startsWith('\uFEFFKommun;Befolkning;Minst 1 dos(er)')).toBe(true);
    expect(csv.body).toContain('Hallsberg;20;4;20;0;0;0;0;0;0;ja');
    const english = await c({ method: 'GET', url: `/api/vaccination/coverage.csv?by=municipality&separator=comma&lang=en&${q}` });
    expect(english.body.startsWith('\uFEFFMunicipality,Population,At least 1 dose(s)')).toBe(true);
    expect(english.body).toContain('Hallsberg,20,4,20,0,0,0,0,0,0,yes');
    const xlsx = await c({ method: 'GET', url: `/api/vaccination/coverage.xlsx?by=municipality&${q}` });
    expect(xlsx.rawPayload.subarray(0, 2).toString()).toBe('PK');
    expect(xlsx.headers['content-disposition']).toMatch(/filename="vaccinationstackning_covid-19_municipality_dos1_.*\.xlsx"/);
    const pdf = await c({ method: 'GET', url: `/api/vaccination/coverage.pdf?by=municipality&${q}` });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    expect(pdf.rawPayload.subarray(0, 5).toString()).toBe('%PDF-');
    const lines = pdfText(pdf.rawPayload).lines;
    expect(lines).toContain('Vaccinationstäckning: covid-19');
    expect(lines.some((l) => l.startsWith('Period: '))).toBe(true);
    expect(lines).toContain('Hallsberg');
    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
    for (const ext of ['csv', 'xlsx', 'pdf']) expect((await tracer({ method: 'GET', url: `/api/vaccination/coverage.${ext}?by=municipality&${q}` })).statusCode).toBe(403);
    const bad = await c({ method: 'GET', url: `/api/vaccination/coverage?by=shoeSize&${q}` });
    expect(bad.statusCode).toBe(400);
    expect(JSON.stringify(bad.json())).toContain('by');
  });

  it('gives the national analyst all regions in aggregate, small groups suppressed; staff only their own region', async () => {
    const national = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'national_analyst')));
    const all = (await national({ method: 'GET', url: `/api/vaccination/coverage?by=region&${q}` })).json();
    expect(all.rows.map((r: { key: string }) => r.key)).toEqual(expect.arrayContaining(['01', '18']));
    expect(all.rows.find((r: { key: string }) => r.key === '18')).toMatchObject({ population: 40, vaccinated: [22, 18, 0, 0], suppressed: false });
    expect(all.rows.find((r: { key: string }) => r.key === '01')).toMatchObject({ population: 3, vaccinated: [null, null, null, null], suppressed: true });
    expect(all.series.map((s: { key: string }) => s.key)).not.toContain('01');

    const stockholmStaff = await asStaffElsewhere(env, '01', 'smittskydd');
    const theirs = (await stockholmStaff({ method: 'GET', url: `/api/vaccination/coverage?by=region&${q}` })).json();
    expect(theirs.rows).toEqual([expect.objectContaining({ key: '01', population: 3, vaccinated: [3, 0, 0, 0] })]);
    expect((await stockholmStaff({ method: 'GET', url: `/api/vaccination/coverage?by=region&regionId=18&${q}` })).statusCode).toBe(403);
  });
});
