import { and, eq, type Column, type InferSelectModel } from 'drizzle-orm';
import type { PgTable } from 'drizzle-orm/pg-core';
import { AppError } from '../errors.js';
import { text, type TextKey } from '../text/index.js';
import { sv } from '../text/sv.js';
import type { Db } from './client.js';

type RegionTable = PgTable & { regionId: Column; id: Column };

/**
 * The one way a request's reference becomes a row: the id is looked up in the actor's region only, so an
 * id of another region, an unknown id and a malformed one all answer the same 404 naming the field, and a
 * row of another region can never be read, linked or changed through it. `FOR UPDATE` locks the row for
 * the rest of the transaction when the change depends on it staying as read.
 */
export async function resolveInRegion<T extends RegionTable>(
  tx: Db,
  table: T,
  regionId: string,
  id: string,
  ref: { field: string; what: string; forUpdate?: boolean },
): Promise<InferSelectModel<T>> {
  // `what` is an English noun (`case`, `agenda item`); the catalogue says it in each language.
  const key = `resolve.${ref.what.replace(/ /g, '_')}`;
  const notHere = () =>
    key in sv ? new AppError('not-found', text(key as TextKey), ref.field) : new AppError('not-found', `${ref.field}: no ${ref.what} with this id in your region`, ref.field);
  if (!UUID.test(id)) throw notHere();
  const query = tx.select().from(table as PgTable).where(and(eq(table.regionId, regionId), eq(table.id, id))).limit(1);
  const [row] = await (ref.forUpdate ? query.for('update') : query);
  if (!row) throw notHere();
  return row as InferSelectModel<T>;
}

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
