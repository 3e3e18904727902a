import { record } from '../../platform/audit/audit.js';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { notFound } from '../../platform/errors.js';
import { text } from '../../platform/text/index.js';
import { personDirectory } from '../../identity/directory.js';
import { regionNames } from '../../identity/regions.js';
import { childrenOf } from '../../vaccination/people.js';
import { collectExtract, type ExtractData } from './collect.js';
import type { ExtractLanguage } from './texts.js';

export const EXTRACT_PURPOSE = 'registerutdrag (dataskyddsförordningen art. 15)';

export interface RegisterExtract {
  kind: 'lagesbild.register-extract';
  format: 1;
  language: ExtractLanguage;
  /** Whose extract this is: the citizen's own id, or their child's. */
  personId: string;
  madeAt: string;
  regionId: string;
  regionName: string;
  data: ExtractData;
}

/**
 * Everything held about the signed-in citizen, or about a child of their household (the guardian's right of
 * access for a minor), read in one transaction and audited there. Anyone else's id answers "not found".
 */
export async function registerExtract(ctx: AppContext, citizen: Actor, q: { personId?: string | undefined; lang: ExtractLanguage; format: 'json' | 'pdf' }): Promise<RegisterExtract> {
  const now = ctx.clock.now();
  const personId = q.personId?.toLowerCase() ?? citizen.id;
  return ctx.database.db.transaction(async (tx) => {
    if (personId !== citizen.id && !(await childrenOf(tx, citizen.regionId, citizen.id, now)).includes(personId)) throw notFound(text('what.person'));
    const ids = await personDirectory.recordIds(tx, citizen.regionId, personId);
    const data = await collectExtract(tx, citizen.regionId, personId, ids);
    await record(tx, citizen, { action: 'privacy.extract.created', personId, purpose: EXTRACT_PURPOSE, details: { format: q.format, language: q.lang, forChild: personId !== citizen.id } });
    return { kind: 'lagesbild.register-extract', format: 1, language: q.lang, personId, madeAt: now.toISOString(), regionId: citizen.regionId, regionName: regionNames[citizen.regionId]?.name ?? citizen.regionId, data };
  });
}
