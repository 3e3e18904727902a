import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { invalid } from '../../platform/errors.js';
import { vaccinationSites } from '../model.js';

export interface SiteRef {
  id: string;
  name: string;
  municipalityCode: string | null;
}

/** The region's vaccination sites by id (all of them, or the ones asked for). */
export async function sitesById(tx: Db, regionId: string, ids?: string[]): Promise<Map<string, SiteRef>> {
  if (ids && ids.length === 0) return new Map();
  const rows = await tx
    .select({ id: vaccinationSites.id, name: vaccinationSites.name, municipalityCode: vaccinationSites.municipalityCode })
    .from(vaccinationSites)
    .where(and(eq(vaccinationSites.regionId, regionId), ids ? inArray(vaccinationSites.id, [...new Set(ids)]) : undefined));
  return new Map(rows.map((r) => [r.id, r]));
}

/** Every id must be a site of the region; names the field of the first one that is not. */
export async function assertSites(tx: Db, regionId: string, ids: string[], field: (index: number) => string): Promise<Map<string, SiteRef>> {
  const found = await sitesById(tx, regionId, ids);
  const bad = ids.findIndex((id) => !found.has(id));
  if (bad >= 0) throw invalid(field(bad), 'not a vaccination site in your region');
  return found;
}
