import { describe, expect, it } from 'vitest';
import { formatNumber } from './format.js';

describe('formatNumber', () => {
  it.each([
    [0, 'sv', '0'],
    [2.5, 'sv', '2,5'],
    [2.5, 'en', '2.5'],
    [12.345, 'sv', '12,35'],
    [1234567, 'sv', '1 234 567'],
    [1234567, 'en', '1,234,567'],
    [-0.5, 'sv', '−0,5'],
  ] as const)('%s in %s is %s', (value, language, text) => {
    expect(formatNumber(value, language).replace(/\u00a0/g, ' ')).toBe(text);
  });
});
