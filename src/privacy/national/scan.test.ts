import { describe, expect, it } from 'vitest';
import { personalDataIn, type KnownPeople } from './scan.js';

const people: KnownPeople = {
  ids: ['4f0c7d1e-8a4b-4c55-9d0e-1b2a3c4d5e6f'],
  identityNumbers: ['198502031234', '19850203-1234', '8502031234', '850203-1234'],
  names: ['Petra Persson'],
  birthDates: ['1985-02-03', '19850203'],
};

describe('the scan for personal data in a payload', () => {
  it.each([
    [{ personId: '4F0C7D1E-8A4B-4C55-9D0E-1B2A3C4D5E6F' }, 'person id 4f0c7d1e-8a4b-4c55-9d0e-1b2a3c4d5e6f'],
    [{ answers: [{ value: 'Ring 850203-1234' }] }, 'identity number 850203-1234'],
    [{ note: 'petra persson har hört av sig' }, 'name Petra Persson'],
    [{ rows: [{ born: '1985-02-03' }] }, 'birth date 1985-02-03'],
  ])('finds what it is given to find: %j', (payload, finding) => {
    expect(personalDataIn(payload, people)).toContain(finding);
  });

  it('finds nothing in aggregates', () => {
    expect(personalDataIn({ week: '2021-W49', testing: [{ testType: 'pcr', tests: 1200, positive: 85 }], coverage: [{ group: '80+', population: 410, dose1: 398 }] }, people)).toEqual([]);
  });
});
