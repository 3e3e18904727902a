import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import type { Recommendation } from './rules.js';
import { Criteria } from './criteria.js';

export type SeedRecommendation = Omit<Recommendation, 'id' | 'version'> & { source: string };

const FHM_2021 = 'Folkhälsomyndigheten, nationell plan för vaccination mot covid-19, faser 1–4 (2021)';
const FHM_2023 = 'Folkhälsomyndigheten, rekommendationer om vaccination mot covid-19 från 2023';
const series2 = { kind: 'series', doses: 2, intervalDays: 21 } as const;
const twoDoses = 'två doser med minst 21 dagars mellanrum';
const season = { from: '09-01', to: '08-31' };

/**
 * The national recommendations every region starts with. The 2021 phases end when the 2023 rules begin;
 * the 2023 rules run until a coordinator adds what replaces them. Checked against `Criteria` at load.
 */
export const seedRecommendations: SeedRecommendation[] = [
  {
    code: 'covid-2021-fas-1',
    vaccine: 'covid-19',
    title: 'Fas 1 (2021): särskilt boende, hemtjänst, deras hushåll och personal',
    priority: 1,
    validFrom: '2020-12-27',
    validTo: '2023-02-28',
    criteria: { cohorts: [{ anyOf: ['care_home', 'home_care', 'household_of_care', 'care_staff'] }], schedule: series2, offer: twoDoses },
    source: FHM_2021,
  },
  {
    code: 'covid-2021-fas-2',
    vaccine: 'covid-19',
    title: 'Fas 2 (2021): 65 år och äldre, boende i LSS-bostad',
    priority: 2,
    validFrom: '2021-02-15',
    validTo: '2023-02-28',
    criteria: { cohorts: [{ minAge: 65 }, { anyOf: ['lss_home'] }], schedule: series2, offer: twoDoses },
    source: FHM_2021,
  },
  {
    code: 'covid-2021-fas-3',
    vaccine: 'covid-19',
    title: 'Fas 3 (2021): 60–64 år och riskgrupper 18–59 år',
    priority: 3,
    validFrom: '2021-04-12',
    validTo: '2023-02-28',
    criteria: { cohorts: [{ minAge: 60, maxAge: 64 }, { minAge: 18, maxAge: 59, anyOf: ['risk_group'] }], schedule: series2, offer: twoDoses },
    source: FHM_2021,
  },
  {
    code: 'covid-2021-fas-4',
    vaccine: 'covid-19',
    title: 'Fas 4 (2021): alla 18–64 år',
    priority: 4,
    validFrom: '2021-05-24',
    validTo: '2023-02-28',
    criteria: { cohorts: [{ minAge: 18, maxAge: 64 }], schedule: series2, offer: twoDoses },
    source: FHM_2021,
  },
  {
    code: 'covid-2023-80-plus',
    vaccine: 'covid-19',
    title: 'Påfyllnadsdoser 2023: 80 år och äldre och boende på SÄBO',
    priority: 1,
    validFrom: '2023-03-01',
    validTo: null,
    criteria: {
      cohorts: [{ minAge: 80 }, { anyOf: ['care_home'] }],
      schedule: { kind: 'seasonal', windows: [{ name: 'vårens dos', from: '03-01', to: '08-31' }, { name: 'höstens dos', from: '09-01', to: '02-28' }], minIntervalDays: 180, minPriorDoses: 0 },
      offer: 'två påfyllnadsdoser per år, vår och höst, med sex månaders mellanrum',
    },
    source: FHM_2023,
  },
  {
    code: 'covid-2023-50-79',
    vaccine: 'covid-19',
    title: 'Påfyllnadsdos 2023: 50–79 år och riskgrupper från 18 år',
    priority: 2,
    validFrom: '2023-09-01',
    validTo: null,
    criteria: {
      cohorts: [{ minAge: 50, maxAge: 79 }, { minAge: 18, anyOf: ['risk_group'] }],
      schedule: { kind: 'seasonal', windows: [{ name: 'höstens dos', from: '09-01', to: '12-31' }], minIntervalDays: 180, minPriorDoses: 0 },
      offer: 'en påfyllnadsdos på hösten',
    },
    source: FHM_2023,
  },
  {
    code: 'covid-2023-18-plus',
    vaccine: 'covid-19',
    title: 'Dos på begäran 2023: alla från 18 år',
    priority: 3,
    validFrom: '2023-09-01',
    validTo: null,
    criteria: {
      cohorts: [{ minAge: 18 }],
      schedule: { kind: 'seasonal', windows: [{ name: 'säsongen', ...season }], minIntervalDays: 180, minPriorDoses: 0 },
      offer: 'en dos per säsong (september–augusti) för den som vill, kostnadsfritt',
    },
    source: FHM_2023,
  },
  {
    code: 'influenza-2023',
    vaccine: 'influenza',
    title: 'Influensavaccination från säsongen 2023/24: 65 år och äldre, SÄBO, hemtjänst och riskgrupper',
    priority: 1,
    validFrom: '2023-09-01',
    validTo: null,
    criteria: {
      cohorts: [{ minAge: 65 }, { anyOf: ['care_home', 'home_care', 'risk_group'] }],
      schedule: { kind: 'seasonal', windows: [{ name: 'influensasäsongen', from: '10-15', to: '03-31' }], minIntervalDays: 0, minPriorDoses: 0 },
      offer: 'en dos per influensasäsong, gärna samtidigt som covid-19-dosen',
    },
    source: 'Folkhälsomyndigheten, rekommendationer om influensavaccination (HSLF-FS 2023)',
  },
];

/**
 * Adds the national recommendations to every region that lacks them (by code and version), in one
 * statement: a no-op after the first start, safe when several instances start together.
 */
export async function seedRecommendationsForAllRegions(tx: Db): Promise<void> {
  const rows = seedRecommendations.map((r) => ({ ...r, criteria: Criteria.parse(r.criteria) }));
  const col = <T,>(f: (r: (typeof rows)[number]) => T) => sql.param(rows.map(f));
  await tx.execute(sql`INSERT INTO vaccination_recommendations (region_id, code, version, vaccine, title, priority, valid_from, valid_to, criteria, source, created_by)
    SELECT g.id, s.code, 1, s.vaccine, s.title, s.priority, s.valid_from, s.valid_to, s.criteria, s.source, 'seed'
    FROM regions g CROSS JOIN unnest(${col((r) => r.code)}::text[], ${col((r) => r.vaccine)}::text[], ${col((r) => r.title)}::text[], ${col((r) => r.priority)}::int[],
      ${col((r) => r.validFrom)}::date[], ${col((r) => r.validTo)}::date[], ${col((r) => JSON.stringify(r.criteria))}::jsonb[], ${col((r) => r.source)}::text[])
      AS s(code, vaccine, title, priority, valid_from, valid_to, criteria, source)
    ON CONFLICT (region_id, code, version) DO NOTHING`);
}
