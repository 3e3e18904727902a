import { randomUUID } from 'node:crypto';
import ExcelJS from 'exceljs';
import { pdfText } from '../platform/files/pdf-text.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { as, loginCookie, newPerson, newStaff, setupTest, type TestEnv } from '../../test/harness.js';
import { fixedClock } from '../../test/vaccination.js';
import { deadlines } from './rules.js';
import { reachedWithin24h } from './statistics.js';

/**
 * A hand-made week, 2021-W10 (Monday 8 March to Sunday 14 March, CET), read on Monday 15 March at 13:00 CET.
 * Every case is opened when its answer comes; the first call is due by the end of the next day (rules.ts
 * `deadlines`: Monday 08:00Z → Tuesday 23:00Z).
 *
 * | case | answer        | first call       | hours | questionnaire | contacts | on 15 March 12:00Z            |
 * |------|---------------|------------------|-------|---------------|----------|-------------------------------|
 * | 1    | Mon 08 08:00Z | Mon 08 10:00Z    | 2     | sent          | 2        | due, in time, within 24 h     |
 * | 2    | Mon 08 08:00Z | Tue 09 20:00Z    | 36    | sent          | 1        | due, in time                  |
 * | 3    | Tue 09 08:00Z | Thu 11 08:00Z    | 48    | never sent    | 0        | due, late                     |
 * | 4    | Wed 10 08:00Z | –                | ≥ 124 | sent          | 0        | due, not reached (late)       |
 * | 5    | Thu 11 08:00Z | –                | ≥ 100 | sent          | 0        | due, not reached (late)       |
 * | 6    | Sun 14 08:00Z | –                | –     | sent          | 0        | pending (due Mon 15 23:00Z)   |
 * | 7    | Sun 14 06:00Z | Sun 14 09:00Z    | 3     | sent          | 0        | pending, already called       |
 *
 * Reached in time: 2 of the 5 due (40 %); the two unreached stay in the denominator as late. Hours over the due
 * cases, the unreached counted with the hours waited so far: 2, 36, 48, 100, 124 → median 48, 90th percentile
 * 100 + 0.6 × 24 = 114.4, both lower bounds. Questionnaire: 6 of 7 (every hour has passed; case 3 never got it).
 */
const week = [
  { answer: '2021-03-08T08:00:00Z', call: '2021-03-08T10:00:00Z', questionnaire: true, contacts: 2 },
  { answer: '2021-03-08T08:00:00Z', call: '2021-03-09T20:00:00Z', questionnaire: true, contacts: 1 },
  { answer: '2021-03-09T08:00:00Z', call: '2021-03-11T08:00:00Z', questionnaire: false, contacts: 0 },
  { answer: '2021-03-10T08:00:00Z', call: null, questionnaire: true, contacts: 0 },
  { answer: '2021-03-11T08:00:00Z', call: null, questionnaire: true, contacts: 0 },
  { answer: '2021-03-14T08:00:00Z', call: null, questionnaire: true, contacts: 0 },
  { answer: '2021-03-14T06:00:00Z', call: '2021-03-14T09:00:00Z', questionnaire: true, contacts: 0 },
];

const clock = fixedClock('2021-03-15T12:00:00Z');
let env: TestEnv;

async function addCase(regionId: string, c: (typeof week)[number]) {
  const person = await newPerson(env.ctx, { regionId });
  const due = deadlines(new Date(c.answer));
  const id = randomUUID();
  await env.database.query(
    `INSERT INTO tracing_cases (region_id, id, person_id, source_sample_id, positive_taken_at, result_at, opened_at, priority, priority_reason,
       questionnaire_due_at, first_call_due_at, first_call_at, questionnaire_sent_at)
     VALUES ($1, $2, $3, $4, $5::timestamptz - interval '20 hours', $5, $5, 4, 'Övriga', $6, $7, $8, $9)`,
    [regionId, id, person.id, randomUUID(), c.answer, due.questionnaireDueAt.toISOString(), due.firstCallDueAt.toISOString(), c.call, c.questionnaire ? c.answer : null],
  );
  for (let i = 0; i < c.contacts; i++) {
    await env.database.query(`INSERT INTO tracing_contacts (region_id, id, case_id, name, relation, named_at) VALUES ($1, $2, $3, 'Kontakt', 'close', $4)`, [regionId, randomUUID(), id, c.answer]);
  }
}

beforeAll(async () => {
  env = await setupTest({ clock });
  for (const c of week) await addCase('18', c);
  // Another region's case the same week: in the national figures only.
  await addCase('01', week[0]!);
});
afterAll(() => env.close());

const statistics = async (role: 'analyst' | 'national_analyst') => {
  const res = await as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, role)))({ method: 'GET', url: '/api/tracing/statistics?from=2021-03-08&to=2021-03-14' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json().weeks as Record<string, unknown>[];
};

describe('the tracing statistics of a hand-made week', () => {
  it('counts every due case, reached or not, and shows what each share is counted from', async () => {
    clock.set('2021-03-15T12:00:00Z');
    expect(await statistics('analyst')).toEqual([
      {
        week: '2021-W10',
        cases: 7,
        casesAtVardcentral: 0,
        contacts: 3,
        contactsPerCase: 0.43,
        reachedInTime: { numerator: 2, denominator: 5, share: 0.4 },
        notReached: 2,
        pending: 2,
        questionnaireInTime: { numerator: 6, denominator: 7, share: 6 / 7 },
        medianHoursToFirstContact: 48,
        p90HoursToFirstContact: 114.4,
        hoursAtLeast: true,
      },
    ]);
  });

  it('moves a case into the denominator when its deadline passes unreached, and keeps counting its wait', async () => {
    // Tuesday 16 March 00:00Z: case 6 (unreached) and case 7 (called in 3 hours) are due. Hours: 2, 3, 36, 40 (case 6
    // so far), 48, 112, 136 → median 40.
    clock.set('2021-03-16T00:00:00Z');
    expect(await statistics('analyst')).toEqual([
      expect.objectContaining({ reachedInTime: { numerator: 3, denominator: 7, share: 3 / 7 }, notReached: 3, pending: 0, medianHoursToFirstContact: 40, hoursAtLeast: true }),
    ]);
  });

  it('gives the national analyst every region', async () => {
    clock.set('2021-03-15T12:00:00Z');
    expect(await statistics('national_analyst')).toEqual([expect.objectContaining({ cases: 8, reachedInTime: { numerator: 3, denominator: 6, share: 0.5 } })]);
  });

  it('counts the indicator "reached within 24 hours" by the same rule, with the deadline 24 hours after the answer', async () => {
    // Every answer's 24 hours have passed by Monday noon (case 6: Monday 08:00Z); cases 1 (2 hours) and 7 (3 hours) met them.
    expect(await reachedWithin24h(env.database.db, '18', '2021-03-08', '2021-03-14', new Date('2021-03-15T12:00:00Z'))).toEqual({ numerator: 2, denominator: 7 });
    // An hour earlier case 6's 24 hours were still running: it is in neither count.
    expect(await reachedWithin24h(env.database.db, '18', '2021-03-08', '2021-03-14', new Date('2021-03-15T07:00:00Z'))).toEqual({ numerator: 2, denominator: 6 });
  });
});

describe('the tracing statistics as files', () => {
  const url = (ext: string, extra = '') => `/api/tracing/statistics.${ext}?from=2021-03-08&to=2021-03-14${extra}`;

  it('downloads the week as CSV, XLSX (typed cells) and a PDF report; a tracer is refused', async () => {
    clock.set('2021-03-15T12:00:00Z');
    const analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
    const csv = await analyst({ method: 'GET', url: url('csv') });
    expect(csv.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(csv.headers['content-disposition']).toBe('attachment; filename="smittsparning_2021-03-08_2021-03-14.csv"');
    const lines = csv.body.replace(/^\uFEFF/, '').split('\r\n');
    expect(lines[0]!.startsWith('Vecka;Fall;Kontakter;Kontakter per fall;Nådda i tid;Förfallna;Andel nådda i tid (%)')).toBe(true);
    expect(lines[1]).toBe('2021-W10;7;3;0,43;2;5;40;2;2;6;7;85,7;48;114,4;ja');

    const xlsx = await analyst({ method: 'GET', url: url('xlsx') });
    expect(xlsx.headers['content-type']).toMatch(/spreadsheetml/);
    const book = new ExcelJS.Workbook();
    await book.xlsx.load(xlsx.rawPayload as unknown as ArrayBuffer);
    const sheet = book.worksheets[0]!;
    expect(sheet.getRow(1).getCell(2).value).toBe('Fall');
    expect(sheet.getRow(1).font?.bold).toBe(true);
    expect([2, 7, 13, 14].map((c) => sheet.getRow(2).getCell(c).value)).toEqual([7, 0.4, 48, 114.4]);
    expect(book.worksheets[1]!.name).toBe('Utbrott per miljö');

    const pdf = await analyst({ method: 'GET', url: url('pdf', '&lang=en') });
    expect(pdf.headers['content-type']).toBe('application/pdf');
    const { lines: text } = pdfText(pdf.rawPayload);
    expect(text).toEqual(expect.arrayContaining(['Contact tracing: statistics', 'Period: 2021-03-08 – 2021-03-14', 'Cases and contacts per week', 'Tracing per week', '2021-W10', '114.4']));

    const tracer = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'tracer')));
    for (const ext of ['csv', 'xlsx', 'pdf']) expect((await tracer({ method: 'GET', url: url(ext) })).statusCode).toBe(403);
    expect((await analyst({ method: 'GET', url: url('xlsx', '&regionId=01') })).statusCode).toBe(403);
  });

  it('downloads the variants per week as CSV and XLSX for those who read sequencing; an analyst is refused', async () => {
    const lab = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'lab')));
    const csv = await lab({ method: 'GET', url: '/api/tracing/sequencing/variants.csv?from=2021-W10&to=2021-W11' });
    expect(csv.statusCode).toBe(200);
    expect(csv.headers['content-disposition']).toBe('attachment; filename="varianter_2021-W10_2021-W11.csv"');
    expect(csv.body).toBe('\uFEFFVecka;Variant;Antal\r\n');
    expect((await lab({ method: 'GET', url: '/api/tracing/sequencing/variants.xlsx?from=2021-W10&to=2021-W11' })).headers['content-type']).toMatch(/spreadsheetml/);
    const analyst = as(env.app, await loginCookie(env.ctx, await newStaff(env.ctx, 'analyst')));
    expect((await analyst({ method: 'GET', url: '/api/tracing/sequencing/variants.csv?from=2021-W10&to=2021-W11' })).statusCode).toBe(403);
  });
});
