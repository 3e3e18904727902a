import { randomBytes } from 'node:crypto';
import { render, text, type Language, type TextKey } from '../platform/text/index.js';
import { calendarDateInStockholm } from '../identity/identity-number.js';
import type { Collection, TestResult, TestType } from './model.js';

// --- ISO weeks in Swedish time ------------------------------------------------------------------

/** The ISO week of an instant, in Europe/Stockholm: a sample taken Sunday 23:30 belongs to that week. */
export function isoWeekOf(at: Date): string {
  const [y, m, d] = calendarDateInStockholm(at).split('-').map(Number) as [number, number, number];
  const day = new Date(Date.UTC(y, m - 1, d));
  const weekday = day.getUTCDay() || 7; // Monday 1 … Sunday 7
  day.setUTCDate(day.getUTCDate() + 4 - weekday); // the Thursday of this week decides the year
  const year = day.getUTCFullYear();
  const week = Math.ceil(((day.getTime() - Date.UTC(year, 0, 1)) / 86_400_000 + 1) / 7);
  return `${year}-W${String(week).padStart(2, '0')}`;
}

/** Monday and Sunday (calendar dates) of an ISO week such as '2021-W49'. */
export function isoWeekDates(week: string): { monday: string; sunday: string } {
  const m = /^(\d{4})-W(\d{2})$/.exec(week);
  if (!m) throw new RangeError(`not an ISO week: ${week}`);
  const jan4 = new Date(Date.UTC(Number(m[1]), 0, 4));
  const monday = new Date(jan4.getTime() - ((jan4.getUTCDay() || 7) - 1) * 86_400_000 + (Number(m[2]) - 1) * 7 * 86_400_000);
  const sunday = new Date(monday.getTime() + 6 * 86_400_000);
  return { monday: monday.toISOString().slice(0, 10), sunday: sunday.toISOString().slice(0, 10) };
}

export const isIsoWeek = (s: string) => {
  const m = /^(\d{4})-W(\d{2})$/.exec(s);
  return !!m && Number(m[2]) >= 1 && isoWeekOf(new Date(`${isoWeekDates(s).monday}T12:00:00Z`)) === s;
};

// --- Kit codes ------------------------------------------------------------------------------------

/**
 * Kit ids are 12 random characters of Crockford's base-32 (60 bits: not guessable, and they say nothing
 * about the person) plus a check character (Luhn mod 32), printed as XXXX-XXXX-XXXX-C. The check catches
 * every single mistyped character and most swaps before the database is asked.
 */
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';

function luhnMod32(chars: string): string {
  let factor = 2;
  let sum = 0;
  for (let i = chars.length - 1; i >= 0; i--) {
    let addend = factor * ALPHABET.indexOf(chars[i]!);
    factor = factor === 2 ? 1 : 2;
    addend = Math.floor(addend / 32) + (addend % 32);
    sum += addend;
  }
  return ALPHABET[(32 - (sum % 32)) % 32]!;
}

export function newKitCode(random: (n: number) => Buffer = randomBytes): string {
  const bytes = random(12);
  const body = Array.from(bytes, (b) => ALPHABET[b % 32]).join('');
  return body + luhnMod32(body);
}

export const formatKitCode = (code: string) => `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}-${code.slice(12)}`;

export type KitCodeCheck = { ok: true; code: string } | { ok: false; reason: string };

/** Accepts what people type or scan: any case, dashes and spaces, O for 0 and I/L for 1, or a URL ending in the code. */
export function checkKitCode(input: string): KitCodeCheck {
  const tail = input.trim().split(/[/=]/).pop() ?? '';
  const code = tail.toUpperCase().replace(/[\s-]/g, '').replace(/O/g, '0').replace(/[IL]/g, '1');
  if (code.length !== 13) return { ok: false, reason: `a kit id has 13 characters (XXXX-XXXX-XXXX-C); this has ${code.length}` };
  const bad = [...code].find((c) => !ALPHABET.includes(c));
  if (bad) return { ok: false, reason: `'${bad}' cannot occur in a kit id` };
  if (luhnMod32(code.slice(0, 12)) !== code[12]) return { ok: false, reason: 'the check character does not match: a character is mistyped' };
  return { ok: true, code };
}

// --- The kit's and sample's status as the citizen sees it -----------------------------------------

export type SampleStatus = 'registered' | 'received' | 'analysed' | 'answered';

export function sampleStatus(s: { receivedAt: string | null; result: string | null; answeredAt: string | null }): SampleStatus {
  if (s.answeredAt) return 'answered';
  if (s.result) return 'analysed';
  if (s.receivedAt) return 'received';
  return 'registered';
}

// --- The answer and its advice --------------------------------------------------------------------

/** The message to the citizen with the advice for the result (Folkhälsomyndigheten's rules of conduct), in their language. */
export function resultMessage(testType: TestType, result: TestResult, takenAt: string, lang: Language = 'sv'): { subject: string; body: string } {
  const date = calendarDateInStockholm(new Date(takenAt));
  const say = (key: TextKey) => render(lang, key, { date });
  const subject = render(lang, 'testing.message.subject', { type: text(`testing.type.${testType}`), date });
  if (testType === 'serology') {
    const advice = say(result === 'positive' ? 'testing.message.serology.positive' : result === 'negative' ? 'testing.message.serology.negative' : 'testing.message.serology.notAssessable');
    return { subject, body: `${advice}\n\n${say('testing.message.serology.taken')}` };
  }
  const body =
    result === 'positive'
      ? (['testing.message.positive', 'testing.message.positive.conduct', 'testing.message.positive.tracing', 'testing.message.positive.care'] as const).map(say).join('\n\n')
      : result === 'negative'
        ? `${say('testing.message.negative')}\n\n${say('testing.message.negative.symptoms')}`
        : say('testing.message.notAssessable');
  return { subject, body };
}

/** The notice by SMS or e-mail: it says only that an answer is waiting, never the answer itself. */
export const resultNotice = (lang: Language = 'sv') => ({ subject: render(lang, 'testing.notice.subject'), body: render(lang, 'testing.notice.body') });

// --- Capacity ------------------------------------------------------------------------------------

export const CAPACITY_WARNING_SHARE = 0.9;

export const capacityLevel = (demand: number, capacity: number): 'ok' | 'warning' | 'over' =>
  capacity <= 0 ? (demand > 0 ? 'over' : 'ok') : demand > capacity ? 'over' : demand > capacity * CAPACITY_WARNING_SHARE ? 'warning' : 'ok';

// --- Reimbursement -------------------------------------------------------------------------------

export interface Rate {
  testType: TestType;
  validFrom: string;
  validTo: string | null;
  sek: number;
  staffCollectedOnly: boolean;
}

/** The rate in force on the day the sample was taken, or why there is none. */
export function rateFor(rates: Rate[], testType: TestType, takenOn: string, collection: Collection): { rate: Rate } | { excluded: string } {
  const rate = rates.find((r) => r.testType === testType && r.validFrom <= takenOn && (r.validTo === null || takenOn <= r.validTo));
  if (!rate) return { excluded: `no standard sum for ${testType} on ${takenOn}` };
  if (rate.staffCollectedOnly && collection !== 'staff') return { excluded: `${testType} is reimbursed only when healthcare staff took the sample` };
  return { rate };
}
