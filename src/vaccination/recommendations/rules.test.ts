import { describe, expect, it } from 'vitest';
import type { Vaccine } from '../model.js';
import type { Group } from './criteria.js';
import { evaluate, nextDoseAfter, type GivenDose, type Recommendation } from './rules.js';
import { seedRecommendations } from './seed.js';

const recs: Recommendation[] = seedRecommendations.map((r) => ({ ...r, id: r.code, version: 1 }));

/** Noon in Stockholm on a day, so the calendar day is unambiguous. */
const on = (day: string) => new Date(`${day}T11:00:00Z`);
const doses = (...days: string[]): GivenDose[] => days.map((day, i) => ({ vaccine: 'covid-19', doseNumber: i + 1, day }));

interface Row {
  who: string;
  birthDate: string;
  groups?: Group[];
  history?: GivenDose[];
  day: string;
  vaccine?: Vaccine;
  expect: { eligible: boolean; rule: string | null; dose: number | null; from: string | null; reason: RegExp };
}

const table: Row[] = [
  // --- 2021: priority phases 1–4, two doses 21 days apart ---
  { who: 'SÄBO resident, 88', birthDate: '1932-06-01', groups: ['care_home'], day: '2021-01-10', expect: { eligible: true, rule: 'covid-2021-fas-1', dose: 1, from: '2021-01-10', reason: /Fas 1.*bor på särskilt boende.*dos 1 nu/ } },
  { who: 'home-care staff, 45', birthDate: '1975-09-09', groups: ['care_staff'], day: '2021-01-05', expect: { eligible: true, rule: 'covid-2021-fas-1', dose: 1, from: '2021-01-05', reason: /arbetar inom äldreomsorgen/ } },
  { who: 'household of a home-care recipient, 50', birthDate: '1970-03-03', groups: ['household_of_care'], day: '2021-01-05', expect: { eligible: true, rule: 'covid-2021-fas-1', dose: 1, from: '2021-01-05', reason: /bor med någon som har hemtjänst/ } },
  { who: '70 before phase 2 opens', birthDate: '1950-05-05', day: '2021-01-10', expect: { eligible: false, rule: 'covid-2021-fas-2', dose: 1, from: '2021-02-15', reason: /från 15 februari 2021 \(rekommendationen gäller från 15 februari 2021\)/ } },
  { who: '70 with dose 1 on 20 Feb', birthDate: '1950-05-05', history: doses('2021-02-20'), day: '2021-03-01', expect: { eligible: false, rule: 'covid-2021-fas-2', dose: 2, from: '2021-03-13', reason: /dos 2 från 13 mars 2021 \(minst 21 dagar efter förra dosen \(20 februari 2021\)\)/ } },
  { who: '70 with dose 1 on 20 Feb, asking on 13 Mar', birthDate: '1950-05-05', history: doses('2021-02-20'), day: '2021-03-13', expect: { eligible: true, rule: 'covid-2021-fas-2', dose: 2, from: '2021-03-13', reason: /dos 2 nu/ } },
  { who: 'LSS resident, 30', birthDate: '1991-01-01', groups: ['lss_home'], day: '2021-03-01', expect: { eligible: true, rule: 'covid-2021-fas-2', dose: 1, from: '2021-03-01', reason: /LSS-bostad/ } },
  { who: '62 in phase 3', birthDate: '1959-01-20', day: '2021-04-20', expect: { eligible: true, rule: 'covid-2021-fas-3', dose: 1, from: '2021-04-20', reason: /du är 62 år/ } },
  { who: '40 in a risk group', birthDate: '1981-02-02', groups: ['risk_group'], day: '2021-04-20', expect: { eligible: true, rule: 'covid-2021-fas-3', dose: 1, from: '2021-04-20', reason: /medicinsk riskgrupp/ } },
  { who: '40 without risk waits for phase 4', birthDate: '1981-02-02', day: '2021-04-20', expect: { eligible: false, rule: 'covid-2021-fas-4', dose: 1, from: '2021-05-24', reason: /från 24 maj 2021/ } },
  { who: '17 turning 18 in July', birthDate: '2003-07-10', day: '2021-06-01', expect: { eligible: false, rule: 'covid-2021-fas-4', dose: 1, from: '2021-07-10', reason: /du fyller 18 år 10 juli 2021/ } },
  { who: '30 with both doses', birthDate: '1991-01-01', history: doses('2021-06-01', '2021-06-25'), day: '2021-07-01', expect: { eligible: false, rule: null, dose: null, from: null, reason: /Du har fått 2 doser/ } },
  { who: 'child, 12', birthDate: '2009-01-01', day: '2021-06-01', expect: { eligible: false, rule: null, dose: null, from: null, reason: /Ingen gällande rekommendation.*du är 12 år/ } },
  // --- 2023: boosters by age and risk, one dose on request from 18 ---
  { who: '85, autumn dose last September', birthDate: '1938-04-04', history: doses('2021-02-01', '2021-02-25', '2022-09-20', '2023-09-15'), day: '2024-01-20', expect: { eligible: false, rule: 'covid-2023-80-plus', dose: 5, from: '2024-03-13', reason: /dos 5 från 13 mars 2024 \(tidigast 180 dagar efter förra dosen \(15 september 2023\)\)/ } },
  { who: '85, spring dose in April', birthDate: '1938-04-04', history: doses('2023-04-01'), day: '2023-10-05', expect: { eligible: true, rule: 'covid-2023-80-plus', dose: 2, from: '2023-10-05', reason: /80 år och äldre.*du är 85 år/ } },
  { who: '85, spring dose already given', birthDate: '1938-04-04', history: doses('2023-03-05'), day: '2023-05-05', expect: { eligible: false, rule: 'covid-2023-80-plus', dose: 2, from: '2023-09-01', reason: /höstens dos börjar 1 september 2023/ } },
  { who: 'SÄBO resident, 70', birthDate: '1953-01-01', groups: ['care_home'], day: '2023-10-05', expect: { eligible: true, rule: 'covid-2023-80-plus', dose: 1, from: '2023-10-05', reason: /bor på särskilt boende/ } },
  { who: '60 in the autumn', birthDate: '1963-01-01', day: '2023-10-05', expect: { eligible: true, rule: 'covid-2023-50-79', dose: 1, from: '2023-10-05', reason: /50–79 år.*du är 60 år/ } },
  { who: '60 with this autumn’s dose', birthDate: '1963-01-01', history: doses('2023-10-01'), day: '2024-02-01', expect: { eligible: false, rule: 'covid-2023-50-79', dose: 2, from: '2024-09-01', reason: /höstens dos börjar 1 september 2024/ } },
  { who: '30 in a risk group', birthDate: '1993-01-01', groups: ['risk_group'], day: '2023-10-05', expect: { eligible: true, rule: 'covid-2023-50-79', dose: 1, from: '2023-10-05', reason: /riskgrupp/ } },
  { who: '30 without risk, on request', birthDate: '1993-01-01', day: '2023-10-05', expect: { eligible: true, rule: 'covid-2023-18-plus', dose: 1, from: '2023-10-05', reason: /på begäran.*för den som vill/ } },
  { who: '30 between the rule sets', birthDate: '1993-01-01', day: '2023-06-01', expect: { eligible: false, rule: 'covid-2023-18-plus', dose: 1, from: '2023-09-01', reason: /från 1 september 2023/ } },
  { who: '17 in 2023', birthDate: '2006-03-01', day: '2023-10-05', expect: { eligible: false, rule: 'covid-2023-18-plus', dose: 1, from: '2024-03-01', reason: /du fyller 18 år 1 mars 2024/ } },
  { who: '16 in 2023, beyond the horizon', birthDate: '2007-12-01', day: '2023-10-05', expect: { eligible: false, rule: null, dose: null, from: null, reason: /du är 15 år/ } },
  // --- Influenza ---
  { who: '70, influenza', birthDate: '1953-01-01', day: '2023-11-01', vaccine: 'influenza', expect: { eligible: true, rule: 'influenza-2023', dose: 1, from: '2023-11-01', reason: /influensasäsong/ } },
  { who: 'child in a risk group, influenza', birthDate: '2016-05-05', groups: ['risk_group'], day: '2023-11-01', vaccine: 'influenza', expect: { eligible: true, rule: 'influenza-2023', dose: 1, from: '2023-11-01', reason: /riskgrupp/ } },
  { who: '30, influenza', birthDate: '1993-01-01', day: '2023-11-01', vaccine: 'influenza', expect: { eligible: false, rule: null, dose: null, from: null, reason: /Ingen gällande rekommendation om vaccination mot influensa/ } },
];

describe('the recommendation engine', () => {
  it.each(table)('$who on $day', (row) => {
    const result = evaluate(recs, { birthDate: row.birthDate, groups: row.groups ?? [] }, row.history ?? [], on(row.day), row.vaccine ?? 'covid-19');
    expect({ eligible: result.eligible, rule: result.recommendationId, dose: result.doseNumber, from: result.from }).toEqual({ eligible: row.expect.eligible, rule: row.expect.rule, dose: row.expect.dose, from: row.expect.from });
    expect(result.reason).toMatch(row.expect.reason);
  });

  it('follows a new recommendation added as data, without a code change', () => {
    const next: Recommendation = {
      ...recs.find((r) => r.code === 'covid-2023-50-79')!,
      id: 'covid-2026-65-plus',
      code: 'covid-2026-65-plus',
      title: 'Påfyllnadsdos 2026: 65 år och äldre',
      validFrom: '2026-09-01',
      criteria: { cohorts: [{ minAge: 65 }], schedule: { kind: 'seasonal', windows: [{ name: 'höstens dos', from: '09-01', to: '12-31' }], minIntervalDays: 180, minPriorDoses: 0 }, offer: 'en påfyllnadsdos på hösten' },
    };
    // The coordinator ends the 2023 rules for 18–79 when the 2026 season starts and adds the new one.
    const rules = [...recs.map((r) => (r.code === 'covid-2023-18-plus' || r.code === 'covid-2023-50-79' ? { ...r, validTo: '2026-08-31' } : r)), next];
    const at68 = { birthDate: '1958-01-01', groups: [] };
    expect(evaluate(rules, at68, [], on('2026-08-01'))).toMatchObject({ eligible: true, recommendationId: 'covid-2023-18-plus' });
    expect(evaluate(rules, at68, doses('2025-10-01'), on('2026-10-01'))).toMatchObject({ eligible: true, recommendationId: 'covid-2026-65-plus', doseNumber: 2 });
    expect(evaluate(rules, { birthDate: '1971-01-01', groups: [] }, [], on('2026-10-01'))).toMatchObject({ eligible: false, recommendationId: null });
    expect(evaluate(recs, { birthDate: '1971-01-01', groups: [] }, [], on('2026-10-01'))).toMatchObject({ eligible: true, recommendationId: 'covid-2023-50-79' });
  });

  it('counts only doses of the vaccine asked about, and only those given by the day', () => {
    const mixed: GivenDose[] = [{ vaccine: 'influenza', doseNumber: 1, day: '2023-10-20' }, ...doses('2023-10-20'), { vaccine: 'covid-19', doseNumber: 2, day: '2024-06-01' }];
    const r = evaluate(recs, { birthDate: '1940-01-01', groups: [] }, mixed, on('2023-11-01'));
    expect(r).toMatchObject({ doseNumber: 2, from: '2024-04-17' });
  });
});

describe('the dose after a booked one', () => {
  const rows: { who: string; birthDate: string; history?: GivenDose[]; booked: { doseNumber: number; at: string }; expect: { doseNumber: number; from: string; recommendationId: string } | null }[] = [
    { who: '40 books dose 1 in phase 4: dose 2 after 21 days', birthDate: '1981-02-02', booked: { doseNumber: 1, at: '2021-06-01T08:00:00Z' }, expect: { doseNumber: 2, from: '2021-06-22', recommendationId: 'covid-2021-fas-4' } },
    { who: 'a late-evening time counts on its Swedish day', birthDate: '1981-02-02', booked: { doseNumber: 1, at: '2021-06-01T22:30:00Z' }, expect: { doseNumber: 2, from: '2021-06-23', recommendationId: 'covid-2021-fas-4' } },
    { who: '40 books dose 2: the series is complete', birthDate: '1981-02-02', history: doses('2021-06-01'), booked: { doseNumber: 2, at: '2021-06-22T08:00:00Z' }, expect: null },
    { who: '85 books the autumn dose: spring dose six months on', birthDate: '1938-04-04', history: doses('2023-04-01'), booked: { doseNumber: 2, at: '2023-10-17T06:00:00Z' }, expect: { doseNumber: 3, from: '2024-04-14', recommendationId: 'covid-2023-80-plus' } },
    { who: '30 on request: next season, not six months on', birthDate: '1993-01-01', booked: { doseNumber: 1, at: '2023-10-05T08:00:00Z' }, expect: { doseNumber: 2, from: '2024-09-01', recommendationId: 'covid-2023-18-plus' } },
  ];
  it.each(rows)('$who', (row) => {
    const next = nextDoseAfter(recs, { birthDate: row.birthDate, groups: [] }, row.history ?? [], { vaccine: 'covid-19', doseNumber: row.booked.doseNumber, at: new Date(row.booked.at) });
    expect(next).toEqual(row.expect && { vaccine: 'covid-19', ...row.expect });
  });

  it('counts the booked dose once when a dose of that number was also recorded (a drop-in before the time)', () => {
    const next = nextDoseAfter(recs, { birthDate: '1981-02-02', groups: [] }, doses('2021-05-28'), { vaccine: 'covid-19', doseNumber: 1, at: new Date('2021-06-01T08:00:00Z') });
    expect(next).toMatchObject({ doseNumber: 2, from: '2021-06-22' });
  });
});
