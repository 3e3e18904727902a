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

// --- The boundaries of each decision, on small made-up rules ----------------------------------------

type Criteria = Recommendation['criteria'];
const series = (doses: number, intervalDays: number): Criteria['schedule'] => ({ kind: 'series', doses, intervalDays });
const autumn = (minIntervalDays = 0, minPriorDoses = 0): Criteria['schedule'] => ({ kind: 'seasonal', windows: [{ name: 'höstens dos', from: '09-01', to: '12-31' }], minIntervalDays, minPriorDoses });
const rule = (id: string, over: Partial<Omit<Recommendation, 'criteria'>> & Partial<Criteria> = {}): Recommendation => ({
  id,
  code: id,
  version: 1,
  vaccine: 'covid-19',
  title: `Regel ${id}`,
  priority: 1,
  validFrom: '2020-01-01',
  validTo: null,
  ...over,
  criteria: { cohorts: over.cohorts ?? [{}], schedule: over.schedule ?? series(1, 0), offer: over.offer ?? 'en dos' },
});

interface Case {
  case: string;
  rules: Recommendation[];
  birthDate?: string | null;
  groups?: Group[];
  history?: GivenDose[];
  /** Asked on this day; 15 May 2024 unless given. */
  day?: string;
  vaccine?: Vaccine;
  expect: { eligible: boolean; rule: string | null; dose: number | null; from: string | null; reason: string | RegExp };
}

const today = '2024-05-15';
const offered = (rule: string, from = today, reason: string | RegExp = /nu\.$/, dose = 1) => ({ eligible: from === today, rule, dose, from, reason });
const none = (reason: string | RegExp) => ({ eligible: false, rule: null, dose: null, from: null, reason });

const boundaries: Case[] = [
  // --- Age: inclusive at both ends, on the Swedish calendar day ---
  { case: 'turns 64 today: inside 18–64', rules: [rule('a', { cohorts: [{ minAge: 18, maxAge: 64 }] })], birthDate: '1960-05-15', expect: offered('a', today, 'Regel a: gäller dig eftersom du är 64 år. Rekommendationen: en dos. Du kan få dos 1 nu.') },
  { case: 'turns 65 tomorrow: still inside 18–64', rules: [rule('a', { cohorts: [{ minAge: 18, maxAge: 64 }] })], birthDate: '1959-05-16', expect: offered('a') },
  { case: 'turned 65 today: outside 18–64', rules: [rule('a', { cohorts: [{ minAge: 18, maxAge: 64 }] })], birthDate: '1959-05-15', expect: none('Ingen gällande rekommendation om vaccination mot covid-19 omfattar dig (du är 65 år).') },
  { case: 'turns 18 today', rules: [rule('a', { cohorts: [{ minAge: 18, maxAge: 64 }] })], birthDate: '2006-05-15', expect: offered('a', today, /du är 18 år/) },
  { case: 'turns 18 tomorrow', rules: [rule('a', { cohorts: [{ minAge: 18, maxAge: 64 }] })], birthDate: '2006-05-16', expect: offered('a', '2024-05-16', 'Regel a: gäller dig eftersom du är 17 år. Rekommendationen: en dos. Du kan få dos 1 från 16 maj 2024 (du fyller 18 år 16 maj 2024).') },
  { case: 'a range that is empty never offers', rules: [rule('a', { cohorts: [{ minAge: 70, maxAge: 60 }] })], birthDate: '1974-05-15', expect: none(/du är 50 år/) },
  { case: 'an age rule and no birth date', rules: [rule('a', { cohorts: [{ minAge: 18 }] })], birthDate: null, expect: none('Ingen gällande rekommendation om vaccination mot covid-19 omfattar dig.') },
  { case: 'only an upper age and no birth date', rules: [rule('a', { cohorts: [{ maxAge: 64 }] })], birthDate: null, expect: none(/omfattar dig\.$/) },
  { case: 'only an upper age', rules: [rule('a', { cohorts: [{ maxAge: 64 }] })], birthDate: '2020-01-01', expect: offered('a', today, /du är 4 år/) },
  { case: 'a rule for everyone, no birth date needed', rules: [rule('a')], birthDate: null, expect: offered('a', today, 'Regel a: gäller dig eftersom du omfattas. Rekommendationen: en dos. Du kan få dos 1 nu.') },
  // --- Groups and the choice between cohorts ---
  { case: 'in none of the groups', rules: [rule('a', { cohorts: [{ anyOf: ['care_home', 'risk_group'] }] })], groups: ['home_care'], expect: none(/du är 44 år/) },
  { case: 'in the second of the groups', rules: [rule('a', { cohorts: [{ anyOf: ['care_home', 'risk_group'] }] })], groups: ['home_care', 'risk_group'], expect: offered('a', today, /eftersom du tillhör en medicinsk riskgrupp\./) },
  { case: 'age and group together', rules: [rule('a', { cohorts: [{ minAge: 18, anyOf: ['risk_group'] }] })], groups: ['risk_group'], expect: offered('a', today, /eftersom du är 44 år och du tillhör en medicinsk riskgrupp\./) },
  { case: 'the cohort that covers the person soonest', rules: [rule('a', { cohorts: [{ minAge: 65 }, { anyOf: ['risk_group'] }] })], birthDate: '1959-07-01', groups: ['risk_group'], expect: offered('a', today, /eftersom du tillhör en medicinsk riskgrupp/) },
  { case: 'two cohorts from the same day: the first listed', rules: [rule('a', { cohorts: [{ minAge: 18 }, { anyOf: ['risk_group'] }] })], groups: ['risk_group'], expect: offered('a', today, /eftersom du är 44 år\./) },
  { case: 'an age reached long ago does not make that cohort the earliest', rules: [rule('a', { cohorts: [{ anyOf: ['risk_group'] }, { minAge: 18 }] })], birthDate: '2006-03-01', groups: ['risk_group'], expect: offered('a', today, /eftersom du tillhör en medicinsk riskgrupp\./) },
  { case: 'an age reached this year, the group listed first', rules: [rule('a', { cohorts: [{ anyOf: ['risk_group'] }, { minAge: 44 }] })], groups: ['risk_group'], expect: offered('a', today, /eftersom du tillhör en medicinsk riskgrupp\./) },
  { case: 'the later cohort when it is the only one', rules: [rule('a', { cohorts: [{ anyOf: ['care_home'] }, { minAge: 45 }] })], birthDate: '1979-06-01', expect: offered('a', '2024-06-01', /\(du fyller 45 år 1 juni 2024\)/) },
  // --- A rule's validity ---
  { case: 'a rule that ended yesterday', rules: [rule('a', { validTo: '2024-05-14' })], expect: none(/omfattar dig/) },
  { case: 'a completed series under a rule that has ended says nothing of it', rules: [rule('a', { validTo: '2024-05-14', schedule: series(1, 0) })], history: doses('2024-01-01'), expect: none('Ingen gällande rekommendation om vaccination mot covid-19 omfattar dig (du är 44 år).') },
  { case: 'a rule that ends today', rules: [rule('a', { validTo: today })], expect: offered('a') },
  { case: 'a rule that starts today', rules: [rule('a', { validFrom: today })], expect: offered('a') },
  { case: 'a rule that starts tomorrow', rules: [rule('a', { validFrom: '2024-05-16' })], expect: offered('a', '2024-05-16', /från 16 maj 2024 \(rekommendationen gäller från 16 maj 2024\)\.$/) },
  { case: 'a next dose due on the rule’s last day', rules: [rule('a', { validTo: '2024-05-22', schedule: series(2, 21) })], history: doses('2024-05-01'), expect: offered('a', '2024-05-22', /\(minst 21 dagar efter förra dosen \(1 maj 2024\)\)/, 2) },
  { case: 'a next dose due the day after the rule ends', rules: [rule('a', { validTo: '2024-05-21', schedule: series(2, 21) })], history: doses('2024-05-01'), expect: none(/omfattar dig/) },
  { case: 'an offer 365 days ahead', rules: [rule('a', { validFrom: '2025-05-15' })], expect: offered('a', '2025-05-15', /\(rekommendationen gäller från 15 maj 2025\)/) },
  { case: 'an offer 366 days ahead is not made', rules: [rule('a', { validFrom: '2025-05-16' })], expect: none(/omfattar dig/) },
  { case: 'an 18th birthday 366 days ahead is not offered', rules: [rule('a', { cohorts: [{ minAge: 18 }] })], birthDate: '2007-05-16', expect: none(/du är 16 år/) },
  // --- Series ---
  { case: 'the interval ends today', rules: [rule('a', { schedule: series(3, 14) })], history: doses('2024-04-01', '2024-05-01'), expect: offered('a', today, /Du kan få dos 3 nu\./, 3) },
  { case: 'the interval ends tomorrow', rules: [rule('a', { schedule: series(3, 15) })], history: doses('2024-04-01', '2024-05-01'), expect: offered('a', '2024-05-16', /dos 3 från 16 maj 2024 \(minst 15 dagar efter förra dosen \(1 maj 2024\)\)/, 3) },
  { case: 'the interval ends before the rule starts', rules: [rule('a', { validFrom: '2024-06-01', schedule: series(2, 7) })], history: doses('2024-05-01'), expect: offered('a', '2024-06-01', /\(rekommendationen gäller från 1 juni 2024\)/, 2) },
  { case: 'the interval ends the day the rule starts', rules: [rule('a', { validFrom: '2024-06-01', schedule: series(2, 31) })], history: doses('2024-05-01'), expect: offered('a', '2024-06-01', /\(rekommendationen gäller från 1 juni 2024\)/, 2) },
  { case: 'one dose short of the series', rules: [rule('a', { schedule: series(2, 0) })], history: doses('2024-01-01'), expect: offered('a', today, /dos 2 nu/, 2) },
  { case: 'the series complete', rules: [rule('a', { schedule: series(2, 0) })], history: doses('2024-01-01', '2024-02-01'), expect: none('Du har fått 2 doser, och regel a omfattar 2. Ingen fler dos mot covid-19 rekommenderas för dig nu.') },
  { case: 'doses recorded out of order: the interval counts from the latest', rules: [rule('a', { schedule: series(3, 60) })], history: [...doses('2024-01-01', '2024-04-01')].reverse(), expect: offered('a', '2024-05-31', /förra dosen \(1 april 2024\)/, 3) },
  { case: 'a dose recorded for a later day does not count yet', rules: [rule('a', { schedule: series(2, 0) })], history: doses('2024-01-01', '2024-05-16'), expect: offered('a', today, /dos 2 nu/, 2) },
  { case: 'a dose given today counts', rules: [rule('a', { schedule: series(2, 0) })], history: doses('2024-01-01', today), expect: none(/Du har fått 2 doser/) },
  // --- Seasonal windows: first and last day, over new year, prior doses ---
  { case: 'the day before the window opens', rules: [rule('a', { schedule: autumn() })], day: '2024-08-31', expect: offered('a', '2024-09-01', /\(höstens dos börjar 1 september 2024\)/) },
  { case: 'the window’s first day', rules: [rule('a', { schedule: autumn() })], day: '2024-09-01', expect: { ...offered('a', '2024-09-01'), eligible: true } },
  { case: 'the window’s last day', rules: [rule('a', { schedule: autumn() })], day: '2024-12-31', expect: { ...offered('a', '2024-12-31'), eligible: true } },
  { case: 'the day after the window', rules: [rule('a', { schedule: autumn() })], day: '2025-01-01', expect: offered('a', '2025-09-01', /höstens dos börjar 1 september 2025/) },
  { case: 'a dose on the window’s first day uses it', rules: [rule('a', { schedule: autumn() })], history: doses('2024-09-01'), day: '2024-10-01', expect: offered('a', '2025-09-01', /dos 2 från 1 september 2025/, 2) },
  { case: 'a dose on the window’s last day uses it', rules: [rule('a', { schedule: autumn() })], history: doses('2024-12-31'), day: '2024-12-31', expect: offered('a', '2025-09-01', /dos 2 från/, 2) },
  { case: 'a dose the day before the window does not', rules: [rule('a', { schedule: autumn() })], history: doses('2024-08-31'), day: '2024-10-01', expect: { ...offered('a', '2024-10-01', /dos 2 nu/, 2), eligible: true } },
  { case: 'a window over new year, asked in January', rules: [rule('a', { schedule: { kind: 'seasonal', windows: [{ name: 'vinterdosen', from: '11-01', to: '02-28' }], minIntervalDays: 0, minPriorDoses: 0 } })], day: '2024-01-15', expect: { ...offered('a', '2024-01-15'), eligible: true } },
  { case: 'a window over new year, its dose given in December', rules: [rule('a', { schedule: { kind: 'seasonal', windows: [{ name: 'vinterdosen', from: '11-01', to: '02-28' }], minIntervalDays: 0, minPriorDoses: 0 } })], history: doses('2023-12-01'), day: '2024-01-15', expect: offered('a', '2024-11-01', /vinterdosen börjar 1 november 2024/, 2) },
  { case: 'the minimum gap ends inside the window', rules: [rule('a', { schedule: autumn(180) })], history: doses('2024-04-01'), day: '2024-09-15', expect: offered('a', '2024-09-28', /\(tidigast 180 dagar efter förra dosen \(1 april 2024\)\)/, 2) },
  { case: 'the minimum gap ends on the window’s last day', rules: [rule('a', { schedule: autumn(183) })], history: doses('2024-07-01'), day: '2024-09-15', expect: offered('a', '2024-12-31', /tidigast 183 dagar/, 2) },
  { case: 'the minimum gap ends the day after the window', rules: [rule('a', { schedule: autumn(184) })], history: doses('2024-07-01'), day: '2024-09-15', expect: offered('a', '2025-09-01', /höstens dos börjar 1 september 2025/, 2) },
  { case: 'windows listed out of order: the next one by date', rules: [rule('a', { schedule: { kind: 'seasonal', windows: [{ name: 'höstens dos', from: '09-01', to: '12-31' }, { name: 'vårens dos', from: '03-01', to: '06-30' }], minIntervalDays: 0, minPriorDoses: 0 } })], day: '2024-01-15', expect: offered('a', '2024-03-01', /vårens dos börjar 1 mars 2024/) },
  { case: 'a one-day window the day after', rules: [rule('a', { schedule: { kind: 'seasonal', windows: [{ name: 'vaccinationsdagen', from: '10-01', to: '10-01' }], minIntervalDays: 0, minPriorDoses: 0 } })], day: '2024-10-02', expect: offered('a', '2025-10-01', /vaccinationsdagen börjar 1 oktober 2025/) },
  { case: 'a one-day window on its day', rules: [rule('a', { schedule: { kind: 'seasonal', windows: [{ name: 'vaccinationsdagen', from: '10-01', to: '10-01' }], minIntervalDays: 0, minPriorDoses: 0 } })], day: '2024-10-01', expect: { ...offered('a', '2024-10-01'), eligible: true } },
  { case: 'one prior dose short of a booster', rules: [rule('a', { schedule: autumn(0, 2) })], history: doses('2021-01-01'), day: '2024-10-01', expect: none(/omfattar dig/) },
  { case: 'enough prior doses for a booster', rules: [rule('a', { schedule: autumn(0, 2) })], history: doses('2021-01-01', '2021-02-01'), day: '2024-10-01', expect: { ...offered('a', '2024-10-01', /dos 3 nu/, 3), eligible: true } },
  // --- Several rules: the earliest offer, then the lower priority number, then the newer version ---
  { case: 'the earlier offer beats the more urgent rule', rules: [rule('a', { priority: 1, validFrom: '2024-06-01' }), rule('b', { priority: 5 })], expect: offered('b') },
  { case: 'the same day: priority 1 before 2, listed second', rules: [rule('b', { priority: 2 }), rule('a', { priority: 1 })], expect: offered('a') },
  { case: 'the same day and priority: the newer version', rules: [rule('old', { validFrom: '2021-01-01' }), rule('new', { validFrom: '2023-01-01' }), rule('older', { validFrom: '2020-01-01' })], expect: offered('new') },
  { case: 'an offer beats a completed rule', rules: [rule('done', { schedule: series(1, 0) }), rule('more', { schedule: series(3, 0) })], history: doses('2024-01-01'), expect: offered('more', today, /dos 2 nu/, 2) },
  { case: 'a rule of another vaccine does not count', rules: [rule('flu', { vaccine: 'influenza' })], expect: none(/covid-19 omfattar dig/) },
  { case: 'influenza is named in Swedish', rules: [rule('flu', { vaccine: 'influenza', schedule: series(1, 0) })], history: [{ vaccine: 'influenza', doseNumber: 1, day: '2024-01-01' }], vaccine: 'influenza', expect: none('Du har fått 1 doser, och regel flu omfattar 1. Ingen fler dos mot influensa rekommenderas för dig nu.') },
];

describe('the engine’s boundaries', () => {
  it.each(boundaries)('$case', (row) => {
    const birthDate = row.birthDate === undefined ? '1980-01-01' : row.birthDate;
    const result = evaluate(row.rules, { birthDate, groups: row.groups ?? [] }, row.history ?? [], on(row.day ?? today), row.vaccine ?? 'covid-19');
    expect({ eligible: result.eligible, rule: result.recommendationId, dose: result.doseNumber, from: result.from, vaccine: result.vaccine }).toEqual({
      eligible: row.expect.eligible,
      rule: row.expect.rule,
      dose: row.expect.dose,
      from: row.expect.from,
      vaccine: row.vaccine ?? 'covid-19',
    });
    if (typeof row.expect.reason === 'string') expect(result.reason).toBe(row.expect.reason);
    else expect(result.reason).toMatch(row.expect.reason);
  });

  it('asks about the Swedish calendar day of the moment', () => {
    // 22:30 UTC on 14 May is 00:30 on 15 May in Stockholm: the rule that starts on the 15th applies.
    expect(evaluate([rule('a', { validFrom: today })], { birthDate: null, groups: [] }, [], new Date('2024-05-14T22:30:00Z'))).toMatchObject({ eligible: true, from: today });
  });
});

describe('the dose after a booked one, at its boundaries', () => {
  it('keeps other vaccines’ doses and earlier doses, drops recorded doses of the booked number and later', () => {
    const rules = [rule('a', { schedule: series(4, 10) })];
    const history: GivenDose[] = [{ vaccine: 'influenza', doseNumber: 1, day: '2024-01-01' }, ...doses('2024-01-01', '2024-02-01', '2024-03-01')];
    // Dose 2 booked on 1 May: doses 2 and 3 recorded before are replaced by it; dose 3 follows 10 days later.
    expect(nextDoseAfter(rules, { birthDate: null, groups: [] }, history, { vaccine: 'covid-19', doseNumber: 2, at: new Date('2024-05-01T08:00:00Z') })).toEqual({ vaccine: 'covid-19', doseNumber: 3, from: '2024-05-11', recommendationId: 'a' });
    const flu = [rule('flu', { vaccine: 'influenza', schedule: series(9, 10) })];
    expect(nextDoseAfter(flu, { birthDate: null, groups: [] }, history, { vaccine: 'influenza', doseNumber: 2, at: new Date('2024-05-01T08:00:00Z') })).toEqual({ vaccine: 'influenza', doseNumber: 3, from: '2024-05-11', recommendationId: 'flu' });
  });

  it('offers nothing after a booked dose no rule covers', () => {
    expect(nextDoseAfter([rule('a', { validTo: '2024-04-30' })], { birthDate: null, groups: [] }, [], { vaccine: 'covid-19', doseNumber: 1, at: new Date('2024-05-01T08:00:00Z') })).toBeNull();
  });
});
