import { sql } from 'drizzle-orm';
import type { Actor } from '../../platform/auth/actor.js';
import type { AppContext } from '../../platform/context.js';
import { resolveInRegion } from '../../platform/db/resolve.js';
import { queryRows } from '../../platform/db/sql.js';
import { dayRange } from '../../testing/statistics/common.js';
import { ageGroupSql, ageGroups, type AgeGroup } from '../coverage/age-groups.js';
import type { Vaccine } from '../model.js';
import { dayBounds } from '../recommendations/dates.js';
import { invitationLists } from './model.js';

/**
 * Bookings made and cancelled in a period by age group (age on the day of the booking or cancellation), for one
 * vaccine, optionally only among the people of an invitation list. Counts only.
 */
export async function cancellationsByAgeGroup(ctx: AppContext, actor: Actor, q: { from: string; to: string; vaccine: Vaccine; listId?: string }) {
  dayRange(q.from, q.to);
  if (q.listId) await resolveInRegion(ctx.database.db, invitationLists, actor.regionId, q.listId, { field: 'listId', what: 'invitation list' });
  const start = dayBounds(q.from).start;
  const end = dayBounds(q.to).end;
  const onList = q.listId ? sql`AND EXISTS (SELECT 1 FROM vaccination_invitations i WHERE i.region_id = b.region_id AND i.list_id = ${q.listId} AND i.person_id = b.person_id)` : sql``;
  const day = (col: string) => sql.raw(`(b.${col} AT TIME ZONE 'Europe/Stockholm')::date`);
  const rows = await queryRows<{ age_group: AgeGroup; booked: number; cancelled: number }>(
    ctx.database.db,
    sql`SELECT grp AS age_group, sum(booked)::int AS booked, sum(cancelled)::int AS cancelled FROM (
        SELECT ${ageGroupSql(sql`p.birth_date`, day('booked_at'))} AS grp, 1 AS booked, 0 AS cancelled
          FROM vaccination_bookings b JOIN persons p ON p.region_id = b.region_id AND p.id = b.person_id
          WHERE b.region_id = ${actor.regionId} AND b.vaccine = ${q.vaccine} AND b.booked_at >= ${start}::timestamptz AND b.booked_at < ${end}::timestamptz ${onList}
        UNION ALL
        SELECT ${ageGroupSql(sql`p.birth_date`, day('cancelled_at'))}, 0, 1
          FROM vaccination_bookings b JOIN persons p ON p.region_id = b.region_id AND p.id = b.person_id
          WHERE b.region_id = ${actor.regionId} AND b.vaccine = ${q.vaccine} AND b.status = 'cancelled' AND b.cancelled_at >= ${start}::timestamptz AND b.cancelled_at < ${end}::timestamptz ${onList}
      ) t GROUP BY grp`,
  );
  const keys: AgeGroup[] = [...ageGroups.map((g) => g.key), 'unknown'];
  const groups = keys.map((k) => {
    const r = rows.find((x) => x.age_group === k);
    const booked = r?.booked ?? 0;
    const cancelled = r?.cancelled ?? 0;
    return { ageGroup: k, booked, cancelled, cancelledShare: booked === 0 ? null : cancelled / booked };
  });
  const booked = groups.reduce((a, g) => a + g.booked, 0);
  const cancelled = groups.reduce((a, g) => a + g.cancelled, 0);
  return { from: q.from, to: q.to, vaccine: q.vaccine, groups: groups.filter((g) => g.ageGroup !== 'unknown' || g.booked + g.cancelled > 0), total: { booked, cancelled, cancelledShare: booked === 0 ? null : cancelled / booked } };
}
