import { calendarDateInStockholm } from '../identity/identity-number.js';
import { addDays, swedishDate } from '../vaccination/recommendations/dates.js';
import type { VaccineCodes } from './hcert/payload.js';

/**
 * Who gets which certificate, decided from what testing and vaccination recorded. Every refusal names its
 * rule and says why in Swedish and English. Rules carry effective dates like the vaccination rules: the
 * version in force on the day of the dose or test decides.
 */

export interface Text {
  sv: string;
  en: string;
}

export type Refusal = { outcome: 'refuse'; rule: RefusalRule; reason: Text };
export type Decision<T> = ({ outcome: 'issue'; ruleVersion: string } & T) | Refusal;

export const refusalRules = [
  'vaccination.no-dose',
  'vaccination.product',
  'test.no-test',
  'test.self-sampled',
  'test.type',
  'test.no-result',
  'test.too-old',
  'recovery.no-positive',
  'recovery.self-sampled',
  'recovery.test-type',
  'recovery.not-yet',
  'recovery.expired',
] as const;
export type RefusalRule = (typeof refusalRules)[number];

const refuse = (rule: RefusalRule, sv: string, en: string): Refusal => ({ outcome: 'refuse', rule, reason: { sv, en } });

interface Versioned {
  id: string;
  effectiveFrom: string;
  effectiveTo?: string;
}
const inForce = <R extends Versioned>(rules: readonly R[], day: string): R | undefined => rules.find((r) => r.effectiveFrom <= day && (!r.effectiveTo || day <= r.effectiveTo));

// --- Vaccination ------------------------------------------------------------------------------------------

/** EU codes of the covid-19 products Lägesbild records, and the doses of their primary series. */
export const covidProducts: Record<string, VaccineCodes & { seriesDoses: number }> = {
  comirnaty: { vp: 'J07BX03', mp: 'EU/1/20/1528', ma: 'ORG-100030215', seriesDoses: 2 },
  'comirnaty-xbb15': { vp: 'J07BX03', mp: 'EU/1/20/1528', ma: 'ORG-100030215', seriesDoses: 2 },
  spikevax: { vp: 'J07BX03', mp: 'EU/1/20/1507', ma: 'ORG-100031184', seriesDoses: 2 },
  vaxzevria: { vp: 'J07BX03', mp: 'EU/1/21/1529', ma: 'ORG-100001699', seriesDoses: 2 },
  nuvaxovid: { vp: 'J07BX03', mp: 'EU/1/21/1618', ma: 'ORG-100032020', seriesDoses: 2 },
};

const vaccinationRules: readonly Versioned[] = [{ id: 'vaccination-2020', effectiveFrom: '2020-12-27' }];

export interface DoseFact {
  id: string;
  vaccine: string;
  productCode: string;
  doseNumber: number;
  administeredAt: Date;
}

/**
 * The certificate states the last covid-19 dose as "dose n of m": m is the product's primary series, and a
 * booster counts on (dose 3 after a two-dose series is 3/3), as the EU's guidance for boosters says.
 */
export function decideVaccination(doses: readonly DoseFact[]): Decision<{ dose: DoseFact; codes: VaccineCodes; date: string; seriesDoses: number }> {
  const covid = doses.filter((d) => d.vaccine === 'covid-19').sort((a, b) => a.administeredAt.getTime() - b.administeredAt.getTime());
  const dose = covid.at(-1);
  if (!dose) return refuse('vaccination.no-dose', 'Det finns ingen registrerad dos av vaccin mot covid-19.', 'There is no recorded dose of a covid-19 vaccine.');
  const date = calendarDateInStockholm(dose.administeredAt);
  const rule = inForce(vaccinationRules, date);
  const product = covidProducts[dose.productCode];
  if (!rule || !product) return refuse('vaccination.product', `Vaccinet (${dose.productCode}) saknar kod i EU:s värdelista och kan inte intygas.`, `The vaccine (${dose.productCode}) has no code in the EU value set and cannot be certified.`);
  const { seriesDoses, ...codes } = product;
  return { outcome: 'issue', ruleVersion: rule.id, dose, codes, date, seriesDoses: Math.max(dose.doseNumber, seriesDoses) };
}

// --- Tests ------------------------------------------------------------------------------------------------

export interface TestFact {
  id: string;
  testType: 'pcr' | 'antigen' | 'serology';
  collection: 'self' | 'staff';
  result: 'positive' | 'negative' | 'not_assessable' | null;
  takenAt: Date;
}

interface TestRule extends Versioned {
  /** How long after sampling a test certificate can still be issued, per test type (hours). */
  maxAgeHours: { pcr: number; antigen: number };
}
const testRules: readonly TestRule[] = [{ id: 'test-2021', effectiveFrom: '2021-06-01', maxAgeHours: { pcr: 72, antigen: 48 } }];

/** A test certificate: the latest PCR or antigen test taken by healthcare staff, with a result, not too old. */
export function decideTest(tests: readonly TestFact[], now: Date): Decision<{ test: TestFact & { testType: 'pcr' | 'antigen'; result: 'positive' | 'negative' } }> {
  const latest = [...tests].sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  if (latest.length === 0) return refuse('test.no-test', 'Det finns inget registrerat test.', 'There is no recorded test.');
  const test = latest.find((t) => t.collection === 'staff' && t.testType !== 'serology') ;
  if (!test) {
    return latest.some((t) => t.collection === 'staff')
      ? refuse('test.type', 'Antikroppstest (serologi) kan inte intygas med ett EU-intyg; bara PCR- och antigentest.', 'Antibody (serology) tests cannot be certified in an EU certificate; only PCR and antigen tests.')
      : refuse('test.self-sampled', 'Bara prov som tagits av vårdpersonal kan intygas; självtest kan inte ligga till grund för ett intyg.', 'Only samples taken by healthcare staff can be certified; a self-test cannot ground a certificate.');
  }
  if (test.result !== 'positive' && test.result !== 'negative') {
    return refuse('test.no-result', 'Testet har inget bedömbart svar ännu.', 'The test has no assessable result yet.');
  }
  const day = calendarDateInStockholm(test.takenAt);
  const rule = inForce(testRules, day);
  const maxHours = rule?.maxAgeHours[test.testType as 'pcr' | 'antigen'] ?? 0;
  if (!rule || now.getTime() - test.takenAt.getTime() > maxHours * 3_600_000) {
    return refuse('test.too-old', `Provet togs för mer än ${maxHours} timmar sedan och kan inte längre intygas.`, `The sample was taken more than ${maxHours} hours ago and can no longer be certified.`);
  }
  return { outcome: 'issue', ruleVersion: rule.id, test: test as TestFact & { testType: 'pcr' | 'antigen'; result: 'positive' | 'negative' } };
}

// --- Recovery ---------------------------------------------------------------------------------------------

interface RecoveryRule extends Versioned {
  testTypes: readonly ('pcr' | 'antigen')[];
  /** Valid from this day after the test (the test day is day 0) … */
  validFromDay: number;
  /** … to this day, both included. */
  validToDay: number;
}

/** From 1 February 2022 a positive antigen test taken by staff also grounds a recovery certificate (EU 2022/256). */
export const recoveryRules: readonly RecoveryRule[] = [
  { id: 'recovery-2021', effectiveFrom: '2021-06-01', effectiveTo: '2022-01-31', testTypes: ['pcr'], validFromDay: 11, validToDay: 180 },
  { id: 'recovery-2022', effectiveFrom: '2022-02-01', testTypes: ['pcr', 'antigen'], validFromDay: 11, validToDay: 180 },
];

/**
 * A recovery certificate: the latest positive PCR or antigen test taken by healthcare staff (never a
 * self-sample), valid from day 11 to day 180 after the test, counted in Swedish calendar days.
 */
export function decideRecovery(tests: readonly TestFact[], now: Date): Decision<{ test: TestFact; firstPositive: string; validFrom: string; validUntil: string }> {
  const positives = tests.filter((t) => t.result === 'positive').sort((a, b) => b.takenAt.getTime() - a.takenAt.getTime());
  if (positives.length === 0) return refuse('recovery.no-positive', 'Det finns inget positivt PCR- eller antigentest.', 'There is no positive PCR or antigen test.');
  const byStaff = positives.filter((t) => t.collection === 'staff');
  if (byStaff.length === 0) {
    return refuse('recovery.self-sampled', 'Tillfrisknandebevis kräver ett positivt test taget av vårdpersonal; självtest räknas inte.', 'A recovery certificate needs a positive test taken by healthcare staff; self-tests do not count.');
  }
  const qualifying = byStaff.filter((t) => {
    const rule = inForce(recoveryRules, calendarDateInStockholm(t.takenAt));
    return rule?.testTypes.includes(t.testType as 'pcr' | 'antigen');
  });
  const test = qualifying[0];
  if (!test) {
    return refuse('recovery.test-type', 'Testet är inte av en sort som ger tillfrisknandebevis (PCR, eller antigentest taget från och med 1 februari 2022).', 'The test is not of a kind that grounds a recovery certificate (PCR, or an antigen test taken from 1 February 2022).');
  }
  const testDay = calendarDateInStockholm(test.takenAt);
  const rule = inForce(recoveryRules, testDay)!;
  const validFrom = addDays(testDay, rule.validFromDay);
  const validUntil = addDays(testDay, rule.validToDay);
  const today = calendarDateInStockholm(now);
  if (today < validFrom) {
    return refuse('recovery.not-yet', `Tillfrisknandebeviset gäller från dag ${rule.validFromDay} efter provet, ${swedishDate(validFrom)}. Ansök igen då.`, `The recovery certificate is valid from day ${rule.validFromDay} after the test, ${validFrom}. Apply again then.`);
  }
  if (today > validUntil) {
    return refuse('recovery.expired', `Det positiva provet är mer än ${rule.validToDay} dagar gammalt (giltigt till ${swedishDate(validUntil)}).`, `The positive test is more than ${rule.validToDay} days old (valid until ${validUntil}).`);
  }
  return { outcome: 'issue', ruleVersion: rule.id, test, firstPositive: testDay, validFrom, validUntil };
}

/** How long the signature of each kind is valid (the CWT's exp): a test for 3 days, the others a year or their own end. */
export function expiryOf(kind: 'vaccination' | 'test' | 'recovery', issuedAt: Date, validUntil?: string): Date {
  if (kind === 'test') return new Date(issuedAt.getTime() + 3 * 86_400_000);
  if (kind === 'recovery' && validUntil) return new Date(Date.parse(`${validUntil}T23:59:59Z`));
  return new Date(issuedAt.getTime() + 365 * 86_400_000);
}
