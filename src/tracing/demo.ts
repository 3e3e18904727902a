import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { publishEvent } from '../platform/jobs/outbox.js';
import { isoWeekOf } from '../testing/rules.js';
import { POSITIVE_RESULT_REGISTERED, type PositiveResultRegistered } from '../testing/events.js';

const DAY = 86_400_000;
/** Positives of the last days open cases; older ones are history the region has already traced. */
const OPEN_DAYS = 10;

/**
 * Demo tracing: the last week's positives announced as testing announces them (the outbox worker opens their
 * cases, sends questionnaires, sets priorities), and a cluster in one school class for Smittskydd to find:
 * four pupils of a class positive within ten days. Needs the testing demo's history loaded first.
 */
export async function loadTracingDemo(tx: Db, regionId: string, now: Date): Promise<{ positives: number }> {
  const [klass] = await queryRows<{ school_id: string; school_class: string }>(
    tx,
    sql`SELECT school_id, school_class FROM persons WHERE region_id = ${regionId} AND synthetic AND school_id IS NOT NULL AND school_class IS NOT NULL
      GROUP BY school_id, school_class HAVING count(*) >= 12 ORDER BY school_id, school_class LIMIT 1`,
  );
  if (klass) {
    const pupils = await queryRows<{ id: string }>(
      tx,
      sql`SELECT id FROM persons WHERE region_id = ${regionId} AND school_id = ${klass.school_id} AND school_class = ${klass.school_class} ORDER BY id LIMIT 4`,
    );
    const takenAt = pupils.map((_, i) => new Date(now.getTime() - (9 - i * 2.5) * DAY));
    await tx.execute(sql`INSERT INTO samples (region_id, person_id, test_type, collection, taken_at, taken_week, registered_at, method, result, result_at, answered_at)
      SELECT ${regionId}, person_id, 'pcr', 'self', taken_at, to_char(taken_at AT TIME ZONE 'Europe/Stockholm', 'IYYY-"W"IW'), taken_at, 'RT-PCR', 'positive',
        taken_at + interval '20 hours', taken_at + interval '20 hours'
      FROM unnest(${sql.param(pupils.map((p) => p.id))}::uuid[], ${sql.param(takenAt.map((t) => t.toISOString()))}::timestamptz[]) AS t(person_id, taken_at)`);
  }
  const positives = await queryRows<{ id: string; person_id: string; test_type: PositiveResultRegistered['testType']; collection: PositiveResultRegistered['collection']; taken_at: string; result_at: string }>(
    tx,
    sql`SELECT id, person_id, test_type, collection, taken_at, result_at FROM samples
      WHERE region_id = ${regionId} AND result = 'positive' AND test_type <> 'serology' AND taken_week >= ${isoWeekOf(new Date(now.getTime() - OPEN_DAYS * DAY))}
        AND taken_at >= ${new Date(now.getTime() - OPEN_DAYS * DAY).toISOString()}::timestamptz ORDER BY taken_at`,
  );
  for (const p of positives) {
    const event: PositiveResultRegistered = {
      regionId,
      sampleId: p.id,
      personId: p.person_id,
      testType: p.test_type,
      collection: p.collection,
      takenAt: new Date(p.taken_at).toISOString(),
      resultAt: new Date(p.result_at).toISOString(),
    };
    await publishEvent(tx, regionId, POSITIVE_RESULT_REGISTERED, { ...event }, p.id);
  }
  return { positives: positives.length };
}
