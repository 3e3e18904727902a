import { defineConfig } from 'vitest/config';

/**
 * The pure unit tests of the rules modules, and nothing else: no database, no global setup, so that
 * Stryker (`npm run test:mutation`, stryker.config.json) can run them once per mutant in well under a second.
 * A rules test that needs the database does not belong in this list.
 */
export const rulesTests = [
  'src/identity/identity-number.test.ts',
  'src/testing/rules.test.ts',
  'src/tracing/rules.test.ts',
  'src/vaccination/rules.test.ts',
  'src/vaccination/recommendations/rules.test.ts',
  'src/vaccination/supply/rules.test.ts',
  'src/vaccination/administration/rules.test.ts',
  'src/certificates/rules.test.ts',
  'src/certificates/hcert/uvci.test.ts',
  'src/reporting/rules.test.ts',
  'src/indicators/rules.test.ts',
  'src/governance/rules.test.ts',
];

export default defineConfig({
  test: {
    name: 'rules',
    include: rulesTests,
    environment: 'node',
    pool: 'threads',
  },
});
