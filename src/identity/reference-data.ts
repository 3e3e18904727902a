import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client.js';
import { regionNames } from './regions.js';

export const geoDir = fileURLToPath(new URL('../../reference/geo', import.meta.url));

/** Reads one of the CC0 geo CSVs (plain comma-separated, no quoting, codes as strings). */
export function readGeoCsv(file: string): Record<string, string>[] {
  const [header, ...lines] = readFileSync(`${geoDir}/${file}`, 'utf8').trim().split(/\r?\n/);
  const cols = header!.split(',');
  return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [cols[i], v])));
}

/** Loads regions, municipalities and postal codes; a no-op when they are already there. */
export async function loadReferenceData(database: Database): Promise<void> {
  const [{ n }] = (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM postal_codes')) as [{ n: number }];
  if (n > 0) return;
  const counties = readGeoCsv('counties.csv');
  const municipalities = readGeoCsv('municipalities.csv');
  const postal = readGeoCsv('postal_to_municipality.csv');
  await database.db.transaction(async (tx) => {
    const regionRows = counties.map((c) => {
      const r = regionNames[c.county_code!];
      if (!r) throw new Error(`No region name for county ${c.county_code}`);
      return [c.county_code!, r.name, c.county_name_short!, c.county_name!, r.population] as const;
    });
    await tx.execute(sql`INSERT INTO regions (id, name, short_name, county_name, population)
      SELECT * FROM unnest(${sql.param(regionRows.map((r) => r[0]))}::text[], ${sql.param(regionRows.map((r) => r[1]))}::text[],
        ${sql.param(regionRows.map((r) => r[2]))}::text[], ${sql.param(regionRows.map((r) => r[3]))}::text[], ${sql.param(regionRows.map((r) => r[4]))}::int[])
      ON CONFLICT (id) DO NOTHING`);
    await tx.execute(sql`INSERT INTO municipalities (code, name, region_id)
      SELECT * FROM unnest(${sql.param(municipalities.map((m) => m.municipality_code))}::text[], ${sql.param(municipalities.map((m) => m.municipality_name_short))}::text[],
        ${sql.param(municipalities.map((m) => m.county_code))}::text[])
      ON CONFLICT (code) DO NOTHING`);
    await tx.execute(sql`INSERT INTO postal_codes (postal_code, locality, municipality_code)
      SELECT * FROM unnest(${sql.param(postal.map((p) => p.postal_code))}::text[], ${sql.param(postal.map((p) => p.locality))}::text[],
        ${sql.param(postal.map((p) => p.municipality_code))}::text[])
      ON CONFLICT (postal_code) DO NOTHING`);
  });
}
