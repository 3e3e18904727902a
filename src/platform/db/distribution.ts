/**
 * How the schema distributes on Citus (README, "Scaling"): every table with a `region_id` column is distributed
 * by it, and leads its keys with it; the tables below have no region and are replicated to every node as
 * reference tables: national definitions every region reads. `municipalities` has a `region_id` (its county)
 * but is reference data keyed by its own code. test/distribution.test.ts holds the schema and the queries to this.
 */
export const REFERENCE_TABLES: Record<string, string> = {
  regions: 'the 21 regions',
  municipalities: "the 290 municipalities (region_id is the county they lie in, not an owner)",
  postal_codes: 'postal codes to municipalities',
  indicator_definitions: 'national indicator definitions and their versions',
  reimbursement_rates: "the state's flat rates per test type",
  reporting_agreements: 'national agreements that follow-up rounds belong to',
  reporting_rounds: 'national reporting rounds',
  reporting_templates: 'national reporting templates',
  reporting_template_versions: 'versions of the national reporting templates',
};

/**
 * Queries that read across regions on purpose: national reads (a national analyst's scope may be every region;
 * the national instance's received submissions come from all of them) and the certificate verifier, which checks
 * any Swedish certificate against every region's signers and revocations. On Citus they run on every shard.
 * Keyed by file and the enclosing function's name.
 */
export const CROSS_REGION_QUERIES: Record<string, string> = {
  'src/certificates/verification.ts verifyCertificate': "a certificate of any region is checked against the revocation list",
  'src/certificates/verification.ts trustList': 'the trust list publishes every region’s signers',
  'src/certificates/verification.ts revocationList': 'the revocation list covers every region',
  'src/reporting/national.ts receivedFor': 'the national side reads what every region submitted',
  'src/reporting/national.ts latestSubmissions': 'the national report is compiled from every region’s submission',
  'src/reporting/rounds.ts listRounds': 'the national analyst follows every region’s returns',
  'src/reporting/initiatives.ts countInitiatives': 'the national analyst counts every region’s initiatives',
  'src/tracing/statistics.ts tracingStatistics': 'a national analyst’s statistics span the regions in scope',
};
