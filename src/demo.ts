import type { Database } from './platform/db/client.js';
import { loadDemoRegion, type DemoOptions } from './identity/demo/load.js';
import { loadTestingDemo } from './testing/demo.js';
import { loadTracingDemo } from './tracing/demo.js';
import { loadVaccinationDemo } from './vaccination/demo.js';
import { loadGovernanceDemo } from './governance/demo.js';
import { loadIndicatorsDemo } from './indicators/demo.js';
import { loadReportingDemo } from './reporting/demo.js';

/**
 * The synthetic demo region: people and units first (identity), then each area's own demo data, all in
 * one transaction per area. Nothing happens when the region already has demo people. What is drawn at
 * random is drawn with the seed and the region code together (platform/random.ts: regionSeed), so two
 * regions on one database never share people, identity numbers or ids.
 */
export async function loadDemo(database: Database, opts: DemoOptions) {
  const result = await loadDemoRegion(database, opts);
  if (result.skipped) return result;
  opts.onProgress?.('Testing: distribution points, kits, sampling times, capacity…');
  await database.db.transaction((tx) => loadTestingDemo(tx, opts.regionId, opts.now, opts.seed));
  opts.onProgress?.('Tracing: the last week’s positives become cases, and a school class has a cluster…');
  await database.db.transaction((tx) => loadTracingDemo(tx, opts.regionId, opts.now));
  opts.onProgress?.('Vaccination: sites, opening hours, times, doses and bookings…');
  await database.db.transaction((tx) => loadVaccinationDemo(tx, opts.regionId, opts.now));
  opts.onProgress?.('Governance: the committee meeting of 2021-12-01, its cases, memos and minutes…');
  await database.db.transaction((tx) => loadGovernanceDemo(tx, opts.regionId));
  await database.db.transaction((tx) => loadIndicatorsDemo(tx, opts.regionId, opts.now));
  await database.db.transaction((tx) => loadReportingDemo(tx, opts.regionId, opts.now));
  // Fresh tables have no statistics, and PGlite has no autovacuum to gather them: without this the planner
  // guesses a few dozen rows per table (eligibility for 5,000 people took twice as long).
  opts.onProgress?.('Statistics for the query planner…');
  await database.query('ANALYZE');
  return result;
}
