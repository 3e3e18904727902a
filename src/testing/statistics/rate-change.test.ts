import { describe, expect, it } from 'vitest';
import type { Rate } from '../rules.js';
import { planRateChange } from './rate-change.js';

const rate = (validFrom: string, validTo: string | null, sek = 1100): Rate => ({ testType: 'pcr', validFrom, validTo, sek, staffCollectedOnly: false });
const pcr = [rate('2021-01-01', '2021-12-31', 1400), rate('2022-01-01', null)];

describe('planRateChange', () => {
  it.each([
    ['the day after the open rate starts', pcr, '2022-01-02', { closes: { ...pcr[1]!, validTo: '2022-01-01' }, validTo: null }],
    ['mid-year', pcr, '2022-07-01', { closes: { ...pcr[1]!, validTo: '2022-06-30' }, validTo: null }],
    ['across a month and a leap day', [rate('2024-01-01', null)], '2024-03-01', { closes: { ...rate('2024-01-01', null), validTo: '2024-02-29' }, validTo: null }],
    ['inside a closed period ending later (keeps its end)', [rate('2021-01-01', '2021-12-31')], '2021-06-01', { closes: { ...rate('2021-01-01', '2021-12-31'), validTo: '2021-05-31' }, validTo: '2021-12-31' }],
    ['on the last day of a closed period', [rate('2021-01-01', '2021-12-31')], '2021-12-31', { closes: { ...rate('2021-01-01', '2021-12-31'), validTo: '2021-12-30' }, validTo: '2021-12-31' }],
    ['the day after a closed period (a gap before it stays a gap)', [rate('2021-01-01', '2021-12-31')], '2022-01-01', { closes: null, validTo: null }],
    ['the first rate of a test type', [], '2021-01-01', { closes: null, validTo: null }],
  ])('a change %s', (_, rates, validFrom, expected) => {
    expect(planRateChange(rates, validFrom)).toEqual({ ok: true, ...expected });
  });

  it.each([
    ['on the day the latest rate starts', '2022-01-01'],
    ['the day before it', '2021-12-31'],
    ['inside an earlier, closed period', '2021-06-01'],
  ])('refuses a change %s: periods never overlap, history is only added to', (_, validFrom) => {
    const plan = planRateChange(pcr, validFrom);
    expect(plan).toEqual({ ok: false, reason: { sv: expect.stringContaining('från 2022-01-01'), en: 'a rate already applies from 2022-01-01; a change must take effect on a later day' } });
  });

  it('orders by start, not by position in the list', () => {
    expect(planRateChange([pcr[1]!, pcr[0]!], '2021-12-31').ok).toBe(false);
  });
});
