import { icaoTransliterate } from './transliteration.js';

/**
 * The EU DCC payload (schema 1.3.0) for each kind, from what Lägesbild records. Codes come from the EU
 * value sets; the caller checks the result with `schemaProblem` and `valueSetProblem` before signing.
 */
export const DCC_VERSION = '1.3.0';
const COVID_19 = '840539006';

export interface Holder {
  familyName: string;
  givenName: string;
  /** YYYY-MM-DD, or '' when unknown (the schema allows it). */
  birthDate: string;
}

export interface Issuance {
  country: string;
  issuer: string;
  uci: string;
}

function nam(h: Holder) {
  const familyName = h.familyName.normalize('NFC').trim();
  const givenName = h.givenName.normalize('NFC').trim();
  return { fn: familyName, fnt: icaoTransliterate(familyName), ...(givenName ? { gn: givenName, gnt: icaoTransliterate(givenName) } : {}) };
}

export interface VaccineCodes {
  /** Vaccine or prophylaxis (vp), medicinal product (mp), marketing authorisation holder (ma). */
  vp: string;
  mp: string;
  ma: string;
}

export function vaccinationDcc(h: Holder, v: VaccineCodes & { doseNumber: number; seriesDoses: number; date: string }, i: Issuance) {
  return {
    ver: DCC_VERSION,
    nam: nam(h),
    dob: h.birthDate,
    v: [{ tg: COVID_19, vp: v.vp, mp: v.mp, ma: v.ma, dn: v.doseNumber, sd: v.seriesDoses, dt: v.date, co: i.country, is: i.issuer, ci: i.uci }],
  };
}

export const TEST_TYPE = { pcr: 'LP6464-4', antigen: 'LP217198-3' } as const;
export const TEST_RESULT = { positive: '260373001', negative: '260415000' } as const;

export function testDcc(
  h: Holder,
  t: { testType: keyof typeof TEST_TYPE; result: keyof typeof TEST_RESULT; sampledAt: Date; centre: string; testName?: string; device?: string },
  i: Issuance,
) {
  return {
    ver: DCC_VERSION,
    nam: nam(h),
    dob: h.birthDate,
    t: [
      {
        tg: COVID_19,
        tt: TEST_TYPE[t.testType],
        ...(t.testName ? { nm: t.testName } : {}),
        ...(t.device ? { ma: t.device } : {}),
        sc: t.sampledAt.toISOString().replace(/\.\d{3}Z$/, 'Z'),
        tr: TEST_RESULT[t.result],
        tc: t.centre,
        co: i.country,
        is: i.issuer,
        ci: i.uci,
      },
    ],
  };
}

export function recoveryDcc(h: Holder, r: { firstPositive: string; validFrom: string; validUntil: string }, i: Issuance) {
  return {
    ver: DCC_VERSION,
    nam: nam(h),
    dob: h.birthDate,
    r: [{ tg: COVID_19, fr: r.firstPositive, co: i.country, is: i.issuer, df: r.validFrom, du: r.validUntil, ci: i.uci }],
  };
}

export type Dcc = ReturnType<typeof vaccinationDcc> | ReturnType<typeof testDcc> | ReturnType<typeof recoveryDcc>;
