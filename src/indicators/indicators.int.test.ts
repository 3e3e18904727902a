import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, count, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { caseOf, positiveResult } from '../../test/positives.js';
import { insertSample } from '../testing/store.js';
import { makePersonnummer } from '../identity/identity-number.js';
import { continuity } from './rules.js';

const now = new Date('2023-03-01T09:00:00Z');
let env: TestEnv;
let analyst: ReturnType<typeof as>;
let national: ReturnType<typeof as>;
let tracer: ReturnType<typeof as>;

const definitions = async (code: string) => (await analyst({ method: 'GET', url: `/api/indicators/definitions?code=${code}` })).json().definitions as { id: string; version: number; active: boolean; target: unknown }[];
const post = (url: string, payload: unknown, who = analyst) => who({ method: 'POST', url, payload: payload as object });

beforeAll(async () => {
  env = await setupTest({ clock: { now: () => now } });
  analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
  national = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'national_analyst')));
  tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
});
afterAll(() => env.close());

describe('definitions', () => {
  it('has the seed indicators with numerator, denominator and target', async () => {
    const [named] = await definitions('named_doctor');
    expect(named).toMatchObject({ version: 2, active: true, unit: 'percent', periodType: 'year', target: { value: 55, direction: 'at_least', date: '2022-12-31' }, owner: 'SKR', computation: 'named_doctor_share' });
    const all = (await analyst({ method: 'GET', url: '/api/indicators/definitions' })).json().definitions as { code: string }[];
    expect(all.map((d) => d.code)).toEqual(expect.arrayContaining(['named_doctor_care_home', 'continuity_index', 'readmission_30d', 'specialist_certificates_gp', 'primary_care_cost_share', 'svf_inclusion', 'svf_lead_time', 'vaccination_coverage_18', 'tracing_within_24h', 'sample_to_answer_hours', 'positivity']));
  });

  it('makes a changed definition a new version; the old value keeps its version; a value against the old one is refused', async () => {
    const [v1] = await definitions('svf_lead_time');
    const entered = await post('/api/indicators/values', { definitionId: v1!.id, orgLevel: 'region', orgCode: '18', period: '2020', numerator: 800, denominator: 1000 });
    expect(entered.statusCode).toBe(201);
    expect(entered.json()).toMatchObject({ version: 1, value: 80, inserted: 1 });
    const body = { nameSv: 'Ledtid SVF (ny)', nameEn: 'SVF lead time (new)', numerator: 'Start inom ledtid', denominator: 'Startade', unit: 'percent', source: 'INCA', population: 'SVF', periodType: 'year', target: { value: 80, direction: 'at_least', date: '2023-12-31' }, owner: 'SKR' };
    const v2 = await post('/api/indicators/definitions/svf_lead_time/versions', body);
    expect(v2.statusCode).toBe(201);
    expect(v2.json()).toMatchObject({ version: 2, active: true });
    const versions = await definitions('svf_lead_time');
    expect(versions.map((v) => [v.version, v.active])).toEqual([
      [2, true],
      [1, false],
    ]);
    const refused = await post('/api/indicators/values', { definitionId: v1!.id, orgLevel: 'region', orgCode: '18', period: '2021', numerator: 1, denominator: 2 });
    expect(refused.statusCode).toBe(400);
    expect(refused.json().errors[0].field).toBe('definitionId');
    const values = (await analyst({ method: 'GET', url: '/api/indicators/values?code=svf_lead_time' })).json().values;
    expect(values).toHaveLength(1);
    expect(values[0]).toMatchObject({ version: 1, activeVersion: false, numerator: 800, denominator: 1000, value: 80 });
  });

  it('refuses bad input with the field named, and other roles', async () => {
    const [d] = await definitions('named_doctor');
    const cases = [
      [{ period: '2022-03' }, 'period'],
      [{ denominator: 0 }, 'denominator'],
      [{ orgLevel: 'region', orgCode: '01' }, 'orgCode'],
      [{ orgLevel: 'municipality', orgCode: '0180' }, 'orgCode'],
    ] as const;
    for (const [change, field] of cases) {
      const res = await post('/api/indicators/values', { definitionId: d!.id, orgLevel: 'region', orgCode: '18', period: '2022', numerator: 1, denominator: 2, ...change });
      expect(res.statusCode, JSON.stringify(change)).toBe(400);
      expect(res.json().errors[0].field).toBe(field);
    }
    expect((await post('/api/indicators/values', { definitionId: d!.id, orgLevel: 'region', orgCode: '18', period: '2022', numerator: 1, denominator: 2 }, tracer)).statusCode).toBe(403);
    expect((await post('/api/indicators/definitions', { code: 'named_doctor', nameSv: 'x', nameEn: 'x', numerator: 'x', denominator: 'x', unit: 'percent', source: 'x', population: 'x', periodType: 'year', owner: 'x' })).statusCode).toBe(409);
  });
});

describe('values: import and exact aggregation', () => {
  const csv = [
    'indicator;version;unit;org_level;org_code;org_name;period;numerator;denominator',
    'named_doctor;2;percent;municipality;1880;;2022;500;1000',
    'named_doctor;;;municipality;1881;;2022;10;100',
    'named_doctor;;liters;municipality;1882;;2022;1;2',
    'named_doctor;;;municipality;1883;;2022-Q1;1;2',
    'named_doctor;;;municipality;1884;;2022;1;0',
    'nosuch;;;region;18;;2022;1;2',
    'svf_lead_time;1;;region;18;;2022;1;2',
    'named_doctor;;;unit;SE2321000164-1234;VC Lindesberg;2022;"1 234,5";2000',
  ].join('\n');

  it('takes the valid rows, names row and column of the others, and the same file twice changes nothing', async () => {
    const first = await post('/api/indicators/imports/values', { fileName: 'varden.csv', content: csv });
    expect(first.statusCode).toBe(200);
    expect(first.json()).toMatchObject({ status: 'finished', rowsTotal: 8, accepted: 3, rejected: 5 });
    expect(first.json().rejections).toEqual([
      { row: 4, column: 'unit', reason: 'unknown unit "liters" (percent, index, hours, days, count, sek)' },
      { row: 5, column: 'period', reason: '"2022-Q1" is not a year (e.g. 2022), as named_doctor is measured per year' },
      { row: 6, column: 'denominator', reason: 'must be more than 0 (a share of nothing is not a value)' },
      { row: 7, column: 'indicator', reason: 'no indicator with the code "nosuch"' },
      { row: 8, column: 'version', reason: 'version 1 of svf_lead_time is no longer active; values are recorded against the active version' },
    ]);
    const before = await count(env.database, 'indicator_values');
    const again = await post('/api/indicators/imports/values', { fileName: 'varden-igen.csv', content: csv });
    expect(again.json()).toMatchObject({ status: 'already-imported', accepted: 3 });
    // The same rows in another file (another hash) are recognised by their natural key: nothing changes.
    const overlapping = await post('/api/indicators/imports/values', { fileName: 'varden2.csv', content: csv + '\n' });
    expect(overlapping.json()).toMatchObject({ status: 'finished', accepted: 0, unchanged: 3, rejected: 5 });
    expect(await count(env.database, 'indicator_values')).toBe(before);
  });

  it('reads XLSX the same way', async () => {
    const book = new ExcelJS.Workbook();
    const sheet = book.addWorksheet('Värden');
    sheet.addRow(['indicator', 'org_level', 'org_code', 'period', 'numerator', 'denominator']);
    sheet.addRow(['named_doctor_care_home', 'region', '18', 2022, 90, 100]);
    sheet.addRow(['named_doctor_care_home', 'region', '18', 2021, 'x', 100]);
    const content = Buffer.from(await book.xlsx.writeBuffer()).toString('base64');
    const res = await post('/api/indicators/imports/values', { fileName: 'varden.xlsx', content, encoding: 'base64' });
    expect(res.json()).toMatchObject({ format: 'xlsx', accepted: 1, rejected: 1, rejections: [{ row: 3, column: 'numerator' }] });
  });

  it('sums a region from its municipalities exactly, and the nation from the regions', async () => {
    const [d] = await definitions('named_doctor');
    // Region 18: 1880 500/1000 and 1881 10/100 → 510/1100 = 46.3636 %, not the mean of 50 % and 10 %.
    const res = (await analyst({ method: 'GET', url: `/api/indicators/aggregates?definitionId=${d!.id}&period=2022` })).json();
    expect(res.regions).toEqual([expect.objectContaining({ regionId: '18', basis: 'municipality', numerator: 510, denominator: 1100, value: 46.3636 })]);
    // Another region's figure (as the national instance receives it) adds to the nation's.
    const doc = { format: 'lagesbild.indicator/1', exportedAt: now.toISOString(), fromRegion: '01', definition: await docDefinition('named_doctor'), values: [{ regionId: '01', period: '2022', numerator: 600, denominator: 1000, source: 'reported' }] };
    expect((await post('/api/indicators/documents', doc, national)).json()).toMatchObject({ written: 1, definitionAdded: false });
    const both = (await national({ method: 'GET', url: `/api/indicators/aggregates?definitionId=${d!.id}&period=2022` })).json();
    expect(both.nation).toEqual({ regions: 2, numerator: 1110, denominator: 2100, value: 52.8571 });
  });
});

async function docDefinition(code: string) {
  const [d] = await definitions(code);
  const document = (await analyst({ method: 'GET', url: `/api/indicators/definitions/${d!.id}/document` })).json();
  return document.definition;
}

describe('primary-care contacts and the compute job', () => {
  const pn = (i: number, born = '1940-01-01') => makePersonnummer(born, i);
  const header = 'contact_id;person_id;care_unit;care_unit_name;provider;contact_date;contact_type;professional_category;practitioner;listed_unit;named_doctor;care_home;discharge_date;unplanned';
  // Person 1 (born 1940, SÄBO): Dr A ×3, Dr B ×1 at VC1 → COC 0.5, UPC 0.75. Person 2 (born 1990): Dr C ×2 at VC1 → 1, 1.
  // Person 3: one doctor contact (N = 1, left out of continuity), a nurse contact. Person 4 at VC2: A, B, C → COC 0, UPC 1/3.
  const rows = [
    ['c1', pn(11), 'VC1', 'Vårdcentralen Ett', 'P1', '2022-02-01', 'visit', 'läkare', 'A', 'VC1', 'nej', 'ja', '', ''],
    ['c2', pn(11), 'VC1', 'Vårdcentralen Ett', 'P1', '2022-03-01', 'visit', 'läkare', 'A', 'VC1', 'nej', 'ja', '', ''],
    ['c3', pn(11), 'VC1', 'Vårdcentralen Ett', 'P1', '2022-04-01', 'phone', 'läkare', 'A', 'VC1', 'nej', 'ja', '', ''],
    ['c4', pn(11), 'VC1', 'Vårdcentralen Ett', 'P1', '2022-05-01', 'visit', 'läkare', 'B', 'VC1', 'ja', 'ja', '', ''],
    ['c5', pn(12, '1990-06-01'), 'VC1', 'Vårdcentralen Ett', 'P1', '2022-05-01', 'visit', 'läkare', 'C', 'VC1', 'ja', 'nej', '', ''],
    ['c6', pn(12, '1990-06-01'), 'VC1', 'Vårdcentralen Ett', 'P1', '2022-06-01', 'video', 'doctor', 'C', 'VC1', 'ja', 'nej', '', ''],
    ['c7', pn(13, '1980-01-01'), 'VC1', 'Vårdcentralen Ett', 'P1', '2022-06-01', 'visit', 'läkare', 'A', 'VC1', 'nej', '', '', ''],
    ['c8', pn(13, '1980-01-01'), 'VC1', 'Vårdcentralen Ett', 'P1', '2022-06-02', 'visit', 'sjuksköterska', 'N', 'VC1', 'nej', '', '', ''],
    ['c9', pn(14, '1945-01-01'), 'VC2', 'Vårdcentralen Två', 'P2', '2022-01-10', 'visit', 'läkare', 'D', 'VC2', 'ja', '', '', ''],
    ['c10', pn(14, '1945-01-01'), 'VC2', 'Vårdcentralen Två', 'P2', '2022-01-11', 'visit', 'läkare', 'E', 'VC2', 'ja', '', '', ''],
    ['c11', pn(14, '1945-01-01'), 'VC2', 'Vårdcentralen Två', 'P2', '2022-01-12', 'visit', 'läkare', 'F', 'VC2', 'ja', '', '', ''],
    // Admissions: person 4 discharged 2022-03-01, unplanned admission 2022-03-31 (30 days) → readmitted; 2022-05-01 discharge not followed.
    ['a1', pn(14, '1945-01-01'), 'SJH', 'Sjukhuset', 'P9', '2022-02-25', 'admission', 'läkare', '', '', 'ja', '', '2022-03-01', 'nej'],
    ['a2', pn(14, '1945-01-01'), 'SJH', 'Sjukhuset', 'P9', '2022-03-31', 'admission', 'läkare', '', '', 'ja', '', '2022-04-02', 'ja'],
    // Bad rows: a failing check digit, an unknown contact type, a bad date.
    ['b1', '19400101-0012', 'VC1', '', 'P1', '2022-02-01', 'visit', 'läkare', '', '', 'ja', '', '', ''],
    ['b2', pn(15), 'VC1', '', 'P1', '2022-02-01', 'brev', 'läkare', '', '', 'ja', '', '', ''],
    ['b3', pn(15), 'VC1', '', 'P1', '2022-02-30', 'visit', 'läkare', '', '', 'kanske', '', '', ''],
  ];
  const file = [header, ...rows.map((r) => r.join(';'))].join('\n');

  it('imports the valid contacts, rejects bad identity numbers by row and column, and is idempotent', async () => {
    const res = await post('/api/indicators/imports/contacts', { fileName: 'kontakter.csv', content: file });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({ accepted: 13, rejected: 3 });
    const rejections = res.json().rejections as { row: number; column: string }[];
    expect(rejections.map((r) => [r.row, r.column])).toEqual([
      [15, 'person_id'],
      [16, 'contact_type'],
      [17, 'contact_date'],
      [17, 'named_doctor'],
    ]);
    expect(await count(env.database, 'indicator_primary_care_contacts')).toBe(13);
    expect((await post('/api/indicators/imports/contacts', { fileName: 'kontakter.csv', content: file })).json().status).toBe('already-imported');
    expect((await post('/api/indicators/imports/contacts', { fileName: 'kontakter-kopia.csv', content: file + '\n' })).json()).toMatchObject({ accepted: 0, unchanged: 13 });
    expect(await count(env.database, 'indicator_primary_care_contacts')).toBe(13);
  });

  it('resumes a cut-off import after the last committed batch', async () => {
    const { importContacts } = await import('./contacts.js');
    const actor = await newStaff(env.ctx, 'analyst');
    const lines = [header, ...[1, 2, 3, 4, 5].map((i) => `r${i};${pn(40 + i, '1950-01-01')};VC9;Vårdcentralen Nio;P1;2021-05-0${i};visit;läkare;X;VC9;ja;;;`)].join('\n');
    const content = Buffer.from(lines);
    let batches = 0;
    const cut = importContacts(env.ctx, actor, { fileName: 'avbruten.csv', content, batchSize: 2, onProgress: (done) => {
      if (done > 0 && ++batches === 1) throw new Error('the process died');
    } });
    await expect(cut).rejects.toThrow('the process died');
    const [imp] = await env.database.query<{ rows_done: number; finished_at: string | null }>(`SELECT rows_done, finished_at FROM indicator_imports WHERE file_name = 'avbruten.csv'`);
    expect(imp).toEqual({ rows_done: 2, finished_at: null });
    const resumed = await importContacts(env.ctx, actor, { fileName: 'avbruten.csv', content, batchSize: 2 });
    expect(resumed).toMatchObject({ status: 'finished', resumedFrom: 2, rowsTotal: 5, accepted: 5 });
    expect((await env.database.query<{ n: number }>(`SELECT count(*)::int AS n FROM indicator_primary_care_contacts WHERE care_unit_code = 'VC9'`))[0]!.n).toBe(5);
    await env.database.query(`DELETE FROM indicator_primary_care_contacts WHERE care_unit_code = 'VC9'`);
  });

  it('computes COC and UPC per unit and region as the hand-computed formulas give, and records the run', async () => {
    const run = await post('/api/indicators/compute', { period: '2022' });
    expect(run.statusCode).toBe(201);
    expect(run.json()).toMatchObject({ period: '2022', inputs: { contacts: 13, persons: 4, first: '2022-01-10', last: '2022-06-02' } });
    const coc = (await analyst({ method: 'GET', url: '/api/indicators/values?code=continuity_index&source=computed' })).json().values as { orgLevel: string; orgCode: string; numerator: number; denominator: number; value: number }[];
    const p1 = continuity(['A', 'A', 'A', 'B'])!;
    const p2 = continuity(['C', 'C'])!;
    const p4 = continuity(['D', 'E', 'F'])!;
    expect([p1.coc, p2.coc, p4.coc]).toEqual([0.5, 1, 0]);
    const by = (code: string) => coc.find((v) => v.orgCode === code)!;
    expect(by('VC1')).toMatchObject({ orgLevel: 'unit', denominator: 2, value: 0.75 });
    expect(by('VC2')).toMatchObject({ denominator: 1, value: 0 });
    expect(by('18')).toMatchObject({ orgLevel: 'region', denominator: 3, value: 0.5 });
    const upc = (await analyst({ method: 'GET', url: '/api/indicators/values?code=usual_provider_continuity&source=computed' })).json().values as { orgCode: string; value: number }[];
    expect(upc.find((v) => v.orgCode === '18')!.value).toBeCloseTo((0.75 + 1 + 1 / 3) / 3, 4);
    const named = (await analyst({ method: 'GET', url: '/api/indicators/values?code=named_doctor&source=computed' })).json().values as { orgCode: string; numerator: number; denominator: number }[];
    // Latest primary-care contact (admissions do not count): person 1 ja, 2 ja, 3 nej, 4 ja (c11 at VC2).
    expect(named.find((v) => v.orgCode === '18')).toMatchObject({ numerator: 3, denominator: 4 });
    expect(named.find((v) => v.orgCode === 'VC2')).toMatchObject({ numerator: 1, denominator: 1 });
    expect(named.find((v) => v.orgCode === 'SJH')).toBeUndefined();
    const care = (await analyst({ method: 'GET', url: '/api/indicators/values?code=named_doctor_care_home&source=computed' })).json().values as { orgCode: string; numerator: number; denominator: number }[];
    expect(care.find((v) => v.orgCode === '18')).toMatchObject({ numerator: 1, denominator: 1 });
    const aged = (await analyst({ method: 'GET', url: '/api/indicators/values?code=named_doctor_75&source=computed' })).json().values as { orgCode: string; numerator: number; denominator: number }[];
    expect(aged.find((v) => v.orgCode === '18')).toMatchObject({ numerator: 2, denominator: 2 });
    const readmit = (await analyst({ method: 'GET', url: '/api/indicators/values?code=readmission_30d&source=computed' })).json().values;
    expect(readmit).toEqual([expect.objectContaining({ orgCode: '18', numerator: 1, denominator: 2, value: 50 })]);
    const runs = (await analyst({ method: 'GET', url: '/api/indicators/compute/runs' })).json().runs;
    expect(runs[0]).toMatchObject({ period: '2022', valuesWritten: run.json().valuesWritten });
  });

  it('lists a reported figure that differs from the computed one beyond the tolerance, with both definitions', async () => {
    // Region 18 reports 60/100 = 60 % named doctors for 2022; Lägesbild computed 3/4 = 75 %.
    const [d] = await definitions('named_doctor');
    await post('/api/indicators/values', { definitionId: d!.id, orgLevel: 'region', orgCode: '18', period: '2022', numerator: 60, denominator: 100 });
    // The county's RSS reports 52 % for the same thing.
    await post('/api/indicators/values', { definitionId: d!.id, orgLevel: 'rss', orgCode: 'RSS Örebro län', period: '2022', numerator: 52, denominator: 100 });
    const list = (await analyst({ method: 'GET', url: '/api/indicators/consistency?code=named_doctor&tolerance=5' })).json().differences;
    expect(list).toEqual([
      expect.objectContaining({ kind: 'reported-computed', regionId: '18', period: '2022', difference: -15, sameDefinition: true, first: expect.objectContaining({ value: 60, definition: expect.objectContaining({ code: 'named_doctor', version: 2 }) }), second: expect.objectContaining({ value: 75 }) }),
      expect.objectContaining({ kind: 'region-rss', regionId: '18', period: '2022', difference: 8, first: expect.objectContaining({ organisation: 'Region Örebro län', value: 60 }), second: expect.objectContaining({ organisation: 'RSS Örebro län', value: 52 }) }),
    ]);
    expect((await analyst({ method: 'GET', url: '/api/indicators/consistency?code=named_doctor&tolerance=20' })).json().differences).toEqual([]);
  });
});

describe('comparison across regions', () => {
  it('shows the target, marks figures of another definition version apart, and flags missed targets', async () => {
    // Region 01 sends 2020 figures measured by svf_lead_time version 1; region 18 has 2022 by version 2.
    const [v2, v1] = await definitions('svf_lead_time');
    await post('/api/indicators/values', { definitionId: v2!.id, orgLevel: 'region', orgCode: '18', period: '2021', numerator: 70, denominator: 100 });
    await post('/api/indicators/values', { definitionId: v2!.id, orgLevel: 'region', orgCode: '18', period: '2022', numerator: 75, denominator: 100 });
    const doc = (await analyst({ method: 'GET', url: `/api/indicators/definitions/${v1!.id}/document` })).json();
    expect(doc.values).toEqual([{ regionId: '18', period: '2020', numerator: 800, denominator: 1000, source: 'reported' }]);
    await post('/api/indicators/documents', { ...doc, fromRegion: '01', values: [{ regionId: '01', period: '2020', numerator: 85, denominator: 100, source: 'reported' }] }, national);
    const c = (await national({ method: 'GET', url: '/api/indicators/comparison?code=svf_lead_time&regions=01,18' })).json();
    expect(c.target).toEqual({ value: 80, direction: 'at_least', date: '2023-12-31' });
    const series = c.series.map((s: { regionId: string; version: number; otherVersion: boolean; missedTarget: boolean; trend: string | null; points: { period: string; value: number }[] }) => [s.regionId, s.version, s.otherVersion, s.missedTarget, s.trend, s.points.map((p) => `${p.period}:${p.value}`)]);
    expect(series).toEqual([
      ['01', 1, true, false, null, ['2020:85']],
      ['18', 2, false, true, 'improving', ['2021:70', '2022:75']],
      ['18', 1, true, false, null, ['2020:80']],
    ]);
  });

  it('refuses a document whose version means something else here', async () => {
    const definition = await docDefinition('positivity');
    const res = await post('/api/indicators/documents', { format: 'lagesbild.indicator/1', exportedAt: now.toISOString(), fromRegion: '01', definition: { ...definition, unit: 'index' }, values: [] }, national);
    expect(res.statusCode).toBe(409);
  });

  it('exports values with their definitions as CSV and XLSX', async () => {
    const csv = await analyst({ method: 'GET', url: '/api/indicators/export.csv?code=svf_lead_time' });
    expect(csv.statusCode).toBe(200);
    const lines = csv.body.replace(/^\uFEFF/, '').trim().split('\r\n');
    expect(lines[0]).toContain('indicator;version;name_sv;unit');
    expect(lines.some((l) => l.startsWith('svf_lead_time;1;') && l.includes(';2020;800;1000;80;'))).toBe(true);
    const xlsx = await analyst({ method: 'GET', url: '/api/indicators/export.xlsx' });
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    expect(book.worksheets.map((w) => w.name)).toEqual(['Värden', 'Definitioner']);
  });
});

describe('indicators from testing and tracing', () => {
  it('computes positivity, hours from sampling to answer and the share of cases reached within 24 hours for a month', async () => {
    const person = await newPerson(env.ctx);
    // March 2022: a PCR positive answered after 10 h, a PCR negative after 20 h, an antigen negative; a self-test without answer.
    const samples = [
      ['pcr', 'positive', '2022-03-01T08:00:00Z', '2022-03-01T18:00:00Z'],
      ['pcr', 'negative', '2022-03-02T08:00:00Z', '2022-03-03T04:00:00Z'],
      ['antigen', 'negative', '2022-03-03T08:00:00Z', '2022-03-03T08:30:00Z'],
      ['pcr', null, '2022-03-04T08:00:00Z', null],
    ] as const;
    for (const [testType, result, takenAt, resultAt] of samples) {
      await insertSample(env.database.db, { regionId: '18', personId: person.id, testType, collection: 'staff', takenAt, takenWeek: '2022-W09', result, resultAt });
    }
    // Two cases answered in March: the first called 5 h after the answer, the second after 30 h.
    for (const [takenAt, hoursToCall] of [['2022-03-05T08:00:00Z', 5], ['2022-03-06T08:00:00Z', 30]] as const) {
      const patient = await newPerson(env.ctx);
      await positiveResult(env, patient, takenAt);
      await env.database.query(`UPDATE tracing_cases SET first_call_at = result_at + make_interval(hours => $2::int) WHERE id = $1`, [await caseOf(env, patient.id), hoursToCall]);
    }
    const run = await post('/api/indicators/compute', { period: '2022-03' });
    expect(run.statusCode, run.body).toBe(201);
    expect(run.json().definitions.map((d: { code: string }) => d.code).sort()).toEqual(['positivity', 'sample_to_answer_hours', 'tracing_within_24h']);
    const computed = async (code: string) => ((await analyst({ method: 'GET', url: `/api/indicators/values?code=${code}&source=computed` })).json().values as { orgCode: string; period: string; numerator: number; denominator: number }[]).find((v) => v.period === '2022-03');
    expect(await computed('positivity')).toMatchObject({ orgCode: '18', numerator: 1, denominator: 3 });
    expect(await computed('sample_to_answer_hours')).toMatchObject({ numerator: 30, denominator: 2 });
    expect(await computed('tracing_within_24h')).toMatchObject({ numerator: 1, denominator: 2 });
  });
});
