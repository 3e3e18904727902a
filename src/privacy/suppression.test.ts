import { describe, expect, it } from 'vitest';
import { isSmallGroup, suppressSmall } from './suppression.js';

describe('the small-group rule', () => {
  it.each([
    [0, true],
    [9, true],
    [10, false],
    [250, false],
  ])('%i people: small %s', (people, small) => {
    expect(isSmallGroup(people)).toBe(small);
  });

  it('hides every count of a small group and none of a larger one', () => {
    expect(suppressSmall(9, { population: 9, dose1: 4 })).toEqual({ population: null, dose1: null });
    expect(suppressSmall(10, { population: 10, dose1: 4 })).toEqual({ population: 10, dose1: 4 });
  });
});
