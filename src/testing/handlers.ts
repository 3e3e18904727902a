import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { addToOutbox, messageTopic, type OutboxItem } from '../platform/jobs/outbox.js';
import type { OutboxMessage } from '../platform/jobs/transports.js';
import { contactsOf } from '../identity/contacts.js';
import { onPersonsMerged } from '../identity/events.js';
import type { TestResult, TestType } from './model.js';
import { resultMessage, resultNotice } from './rules.js';

/**
 * Sends each answered sample's messages: the answer with its advice to the 1177 inbox, and a notice that
 * says only that an answer is waiting by SMS and e-mail. Runs in the outbox delivery transaction, and
 * every message has its own idempotency key, so a retry never sends one twice.
 */
export async function sendAnswers(tx: Db, event: OutboxMessage): Promise<void> {
  const { sampleIds } = event.payload as { sampleIds: string[] };
  const samples = await queryRows<{ id: string; person_id: string; test_type: TestType; result: TestResult; taken_at: string }>(
    tx,
    sql`SELECT id, person_id, test_type, result, taken_at FROM samples WHERE region_id = ${event.regionId} AND id = ANY(${sql.param(sampleIds)}::uuid[]) AND result IS NOT NULL`,
  );
  const contacts = await contactsOf(tx, event.regionId, samples.map((s) => s.person_id));
  const items: OutboxItem[] = [];
  const regionId = event.regionId;
  for (const s of samples) {
    const personId = s.person_id;
    items.push({ regionId, topic: messageTopic('inbox'), idempotencyKey: `result:${s.id}:inbox`, payload: { personId, to: personId, ...resultMessage(s.test_type, s.result, s.taken_at, contacts.get(personId)?.language) } });
    const contact = contacts.get(personId);
    if (contact?.phone) items.push({ regionId, topic: messageTopic('sms'), idempotencyKey: `result:${s.id}:sms`, payload: { personId, to: contact.phone, subject: null, body: resultNotice(contact.language).body } });
    if (contact?.email) items.push({ regionId, topic: messageTopic('email'), idempotencyKey: `result:${s.id}:email`, payload: { personId, to: contact.email, ...resultNotice(contact.language) } });
  }
  for (let i = 0; i < items.length; i += 2_000) await addToOutbox(tx, items.slice(i, i + 2_000));
}

/**
 * A merge of two person records, in its own transaction: samples, kit orders and sampling bookings move to the
 * survivor. The weekly rollup counts a person once a week: where both records were tested in the same week
 * (test type, provider), the merged record's entry goes and the week's individuals drop by one; elsewhere the
 * entry moves. A sampling booking at a time the survivor is also booked for stays with the merged record (one
 * booking per person and time); the old id still finds it, as it finds everything of the person.
 */
export const moveTestingToSurvivor = onPersonsMerged(async (tx, { regionId, fromPersonId, intoPersonId }) => {
  await tx.execute(sql`UPDATE samples SET person_id = ${intoPersonId} WHERE region_id = ${regionId} AND person_id = ${fromPersonId}`);
  await tx.execute(sql`UPDATE kit_orders SET person_id = ${intoPersonId} WHERE region_id = ${regionId} AND person_id = ${fromPersonId}`);
  await tx.execute(sql`UPDATE sampling_bookings b SET person_id = ${intoPersonId} WHERE b.region_id = ${regionId} AND b.person_id = ${fromPersonId}
    AND NOT EXISTS (SELECT 1 FROM sampling_bookings s WHERE s.region_id = b.region_id AND s.slot_id = b.slot_id AND s.person_id = ${intoPersonId})`);
  await tx.execute(sql`WITH counted_twice AS (
      DELETE FROM test_week_persons f USING test_week_persons i
      WHERE f.region_id = ${regionId} AND f.person_id = ${fromPersonId}
        AND i.region_id = f.region_id AND i.week = f.week AND i.test_type = f.test_type AND i.other = f.other AND i.person_id = ${intoPersonId}
      RETURNING f.week, f.test_type, f.other)
    UPDATE test_week_counts c SET individuals = c.individuals - 1 FROM counted_twice t
    WHERE c.region_id = ${regionId} AND c.week = t.week AND c.test_type = t.test_type AND c.other = t.other`);
  await tx.execute(sql`UPDATE test_week_persons SET person_id = ${intoPersonId} WHERE region_id = ${regionId} AND person_id = ${fromPersonId}`);
});
