import { and, eq, inArray } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { persons, units } from './model.js';

export interface PersonSettings {
  careHome: string | null;
  homeCare: boolean;
  careWorkplace: string | null;
  school: string | null;
  schoolClass: string | null;
}

const careKinds = new Set(['care_home', 'home_care', 'vardcentral', 'lss_home']);

/** Where a person lives, studies and works (the register's units), for contact tracing's priorities. */
export async function settingsOf(tx: Db, regionId: string, personId: string): Promise<PersonSettings | undefined> {
  const [p] = await tx.select().from(persons).where(and(eq(persons.regionId, regionId), eq(persons.id, personId)));
  if (!p) return undefined;
  const ids = [p.careHomeId, p.schoolId, p.workplaceId].filter((x): x is string => !!x);
  const rows = ids.length ? await tx.select().from(units).where(and(eq(units.regionId, regionId), inArray(units.id, ids))) : [];
  const unit = (id: string | null) => rows.find((u) => u.id === id);
  const work = unit(p.workplaceId);
  return {
    careHome: unit(p.careHomeId)?.name ?? null,
    homeCare: p.homeCare,
    careWorkplace: work && careKinds.has(work.kind) ? work.name : null,
    school: unit(p.schoolId)?.name ?? null,
    schoolClass: p.schoolClass,
  };
}
