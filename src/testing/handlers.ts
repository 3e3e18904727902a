import { sql } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import { addToOutbox, messageTopic, type OutboxItem } from '../platform/jobs/outbox.js';
import type { OutboxMessage } from '../platform/jobs/transports.js';
import { contactsOf } from '../identity/contacts.js';
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
    items.push({ regionId, topic: messageTopic('inbox'), idempotencyKey: `result:${s.id}:inbox`, payload: { personId, to: personId, ...resultMessage(s.test_type, s.result, s.taken_at) } });
    const contact = contacts.get(personId);
    if (contact?.phone) items.push({ regionId, topic: messageTopic('sms'), idempotencyKey: `result:${s.id}:sms`, payload: { personId, to: contact.phone, subject: null, body: resultNotice.body } });
    if (contact?.email) items.push({ regionId, topic: messageTopic('email'), idempotencyKey: `result:${s.id}:email`, payload: { personId, to: contact.email, ...resultNotice } });
  }
  for (let i = 0; i < items.length; i += 2_000) await addToOutbox(tx, items.slice(i, i + 2_000));
}
