import { sql } from 'drizzle-orm';
import type { Database } from '../platform/db/client.js';
import { loadGeo } from './geo.js';
import { regionNames } from './regions.js';

/** Loads regions, municipalities and postal codes; a no-op when they are already there. */
export async function loadReferenceData(database: Database): Promise<void> {
  const [{ n }] = (await database.query<{ n: number }>('SELECT count(*)::int AS n FROM postal_codes')) as [{ n: number }];
  if (n > 0) return;
  const { counties, municipalities, postalCodes: postal } = loadGeo();
  await database.db.transaction(async (tx) => {
    const regionRows = counties.map((c) => {
      const r = regionNames[c.code];
      if (!r) throw new Error(`No region name for county ${c.code}`);
      return [c.code, r.name, c.shortName, c.name, r.population] as const;
    });
    await tx.execute(sql`INSERT INTO regions (id, name, short_name, county_name, population)
      SELECT * FROM unnest(${sql.param(regionRows.map((r) => r[0]))}::text[], ${sql.param(regionRows.map((r) => r[1]))}::text[],
        ${sql.param(regionRows.map((r) => r[2]))}::text[], ${sql.param(regionRows.map((r) => r[3]))}::text[], ${sql.param(regionRows.map((r) => r[4]))}::int[])
      ON CONFLICT (id) DO NOTHING`);
    await tx.execute(sql`INSERT INTO municipalities (code, name, region_id)
      SELECT * FROM unnest(${sql.param(municipalities.map((m) => m.code))}::text[], ${sql.param(municipalities.map((m) => m.name))}::text[],
        ${sql.param(municipalities.map((m) => m.countyCode))}::text[])
      ON CONFLICT (code) DO NOTHING`);
    await tx.execute(sql`INSERT INTO postal_codes (postal_code, locality, municipality_code)
      SELECT * FROM unnest(${sql.param(postal.map((p) => p.postalCode))}::text[], ${sql.param(postal.map((p) => p.locality))}::text[],
        ${sql.param(postal.map((p) => p.municipalityCode))}::text[])
      ON CONFLICT (postal_code) DO NOTHING`);
  });
}
