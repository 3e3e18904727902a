import { sql, type SQL } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows } from '../../platform/db/sql.js';
import { isoWeekOf } from '../../testing/rules.js';
import type { DataClass } from '../retention/periods.js';
import type { EndAction } from '../retention/registry.js';

/**
 * One rule of the purge: the rows of one table past their period, taken a batch at a time. Each batch
 * selects at most `limit` rows not yet purged (so a rerun after a kill picks up where the last commit left
 * off) and not under a legal hold, locks them (SKIP LOCKED: two instances never take the same rows), acts on
 * them and says how many it took.
 */
export interface PurgeRule {
  key: string;
  table: string;
  dataClass: DataClass;
  action: Exclude<EndAction, 'keep'>;
  batch(tx: Db, regionId: string, cutoff: Date, limit: number): Promise<number>;
}

/** Cases under a legal hold: open, or part of an outbreak still under investigation. */
const heldCases = (r: string) => sql`(SELECT id FROM tracing_cases WHERE region_id = ${r} AND status = 'open'
  UNION SELECT oc.case_id FROM tracing_outbreak_cases oc JOIN tracing_outbreaks o ON o.region_id = oc.region_id AND o.id = oc.outbreak_id
    WHERE oc.region_id = ${r} AND o.status = 'open')`;

/** People a hold keeps everything of: the index of a held case, the contacts it names, anyone with a certificate request pending. */
const heldPersons = (r: string) => sql`(SELECT person_id FROM tracing_cases WHERE region_id = ${r} AND id IN ${heldCases(r)}
  UNION SELECT person_id FROM tracing_contacts WHERE region_id = ${r} AND person_id IS NOT NULL AND case_id IN ${heldCases(r)}
  UNION SELECT person_id FROM certificate_requests WHERE region_id = ${r} AND status = 'queued')`;

const count = async (tx: Db, query: SQL) => (await queryRows<{ n: number }>(tx, sql`WITH acted AS (${query}) SELECT count(*)::int AS n FROM acted`))[0]!.n;

/**
 * A rule that acts on a batch of the table's rows that `where` selects (alias `t`): deletes them, or with
 * `set` overwrites their personal columns (`where` then also skips rows already overwritten).
 */
function batchRule(key: string, table: string, dataClass: DataClass, set: SQL | null, where: (r: string, cutoff: string) => SQL): PurgeRule {
  const t = sql.identifier(table);
  const act = set ? sql`UPDATE ${t} SET ${set}` : sql`DELETE FROM ${t}`;
  return {
    key,
    table,
    dataClass,
    action: set ? 'pseudonymise' : 'delete',
    batch: (tx, r, cutoff, limit) =>
      count(tx, sql`${act} WHERE ctid IN (SELECT t.ctid FROM ${t} t WHERE t.region_id = ${r} AND ${where(r, cutoff.toISOString())} LIMIT ${limit} FOR UPDATE SKIP LOCKED) RETURNING 1`),
  };
}
const deleting = (key: string, table: string, dataClass: DataClass, where: (r: string, cutoff: string) => SQL) => batchRule(key, table, dataClass, null, where);
const pseudonymising = (key: string, table: string, dataClass: DataClass, set: SQL, where: (r: string, cutoff: string) => SQL) => batchRule(key, table, dataClass, set, where);

const notHeld = (r: string, column = sql`t.person_id`) => sql`${column} NOT IN ${heldPersons(r)}`;

/**
 * The person's last journal entry (or anything later): a person is pseudonymised only when all of it is older
 * than the journal period. People with no entry at all are the population register's copy and are left alone.
 */
const lastEntries = (r: string) => sql`SELECT person_id, max(at) AS at FROM (
    SELECT person_id, coalesce(answered_at, result_at, taken_at) AS at FROM samples WHERE region_id = ${r}
    UNION ALL SELECT person_id, coalesce(closed_at, opened_at) FROM tracing_cases WHERE region_id = ${r}
    UNION ALL SELECT person_id, named_at FROM tracing_contacts WHERE region_id = ${r} AND person_id IS NOT NULL
    UNION ALL SELECT person_id, administered_at FROM vaccination_doses WHERE region_id = ${r}
    UNION ALL SELECT person_id, starts_at FROM vaccination_bookings WHERE region_id = ${r}
    UNION ALL SELECT person_id, coalesce(decided_at, requested_at) FROM certificate_requests WHERE region_id = ${r}
    UNION ALL SELECT person_id, ordered_at FROM kit_orders WHERE region_id = ${r}
  ) e GROUP BY person_id`;

/**
 * The journal's end: the person is no longer identifiable in Lägesbild. Names, address, contact details,
 * household, school and workplace go, and so do the identity numbers; birth date, sex, municipality and
 * the postcode area (first three digits) stay, which is all that the coverage and testing statistics group by.
 * The free text of the person's journal (tracing notes, questionnaire answers, the SmiNet notification, a
 * dose's reason, the risk-group note) is emptied in the same transaction.
 */
const journalPersons: PurgeRule = {
  key: 'journal.persons',
  table: 'persons',
  dataClass: 'journal',
  action: 'pseudonymise',
  async batch(tx, r, cutoff, limit) {
    const ids = (
      await queryRows<{ id: string }>(
        tx,
        sql`WITH last AS (${lastEntries(r)})
          SELECT p.id FROM persons p JOIN last ON last.person_id = p.id
          WHERE p.region_id = ${r} AND p.merged_into IS NULL AND (p.given_name <> '' OR p.family_name <> '')
            AND last.at < ${cutoff.toISOString()}::timestamptz AND ${notHeld(r, sql`p.id`)}
          ORDER BY p.id LIMIT ${limit} FOR UPDATE OF p SKIP LOCKED`,
      )
    ).map((p) => p.id);
    if (ids.length === 0) return 0;
    const these = sql`ANY(${sql.param(ids)}::uuid[])`;
    const theirCases = sql`(SELECT id FROM tracing_cases WHERE region_id = ${r} AND person_id = ${these})`;
    await tx.execute(sql`UPDATE persons SET given_name = '', family_name = '', street_address = NULL, postal_code = left(postal_code, 3), locality = NULL,
        phone = NULL, email = NULL, household_id = NULL, care_home_id = NULL, home_care = false, school_id = NULL, school_class = NULL,
        workplace_id = NULL, vardcentral_id = NULL, updated_at = now()
      WHERE region_id = ${r} AND id = ${these}`);
    await tx.execute(sql`DELETE FROM person_identifiers WHERE region_id = ${r} AND person_id = ${these}`);
    await tx.execute(sql`UPDATE tracing_notes SET text = '' WHERE region_id = ${r} AND case_id IN ${theirCases}`);
    await tx.execute(sql`UPDATE tracing_calls SET note = NULL WHERE region_id = ${r} AND case_id IN ${theirCases}`);
    await tx.execute(sql`UPDATE referrals SET indication = '' WHERE region_id = ${r} AND person_id = ${these}`);
    await tx.execute(sql`UPDATE tracing_questionnaires SET answers = '{}' WHERE region_id = ${r} AND case_id IN ${theirCases}`);
    await tx.execute(sql`UPDATE tracing_notifications SET document = '{}' WHERE region_id = ${r} AND case_id IN ${theirCases}`);
    await tx.execute(sql`UPDATE vaccination_doses SET outside_recommendation = NULL WHERE region_id = ${r} AND person_id = ${these} AND outside_recommendation IS NOT NULL`);
    await tx.execute(sql`UPDATE vaccination_person_attributes SET risk_group_note = NULL WHERE region_id = ${r} AND person_id = ${these}`);
    await tx.execute(sql`UPDATE vaccination_adverse_events SET description = NULL WHERE region_id = ${r} AND person_id = ${these} AND description IS NOT NULL`);
    return ids.length;
  },
};

/** The rules in the order a run applies them: short periods first, the journal last. */
export const purgeRules: PurgeRule[] = [
  // Technical logs
  pseudonymising('platform.outbox', 'outbox', 'technical', sql`payload = '{}', last_error = NULL`, (_r, c) => sql`t.status = 'delivered' AND t.delivered_at < ${c}::timestamptz AND t.payload <> '{}'::jsonb`),
  deleting('vaccination.nvr_embedded_register', 'vaccination_nvr_embedded_register', 'technical', (_r, c) => sql`t.received_at < ${c}::timestamptz`),
  deleting('testing.import_rejections', 'import_rejections', 'technical', (r, c) => sql`t.import_id IN (SELECT id FROM result_imports WHERE region_id = ${r} AND started_at < ${c}::timestamptz)`),
  deleting('indicators.import_rejections', 'indicator_import_rejections', 'technical', (r, c) => sql`t.import_id IN (SELECT id FROM indicator_imports WHERE region_id = ${r} AND started_at < ${c}::timestamptz)`),
  // Operational records
  deleting('testing.kit_orders', 'kit_orders', 'operational', (r, c) => sql`t.ordered_at < ${c}::timestamptz AND ${notHeld(r)}`),
  deleting('testing.sampling_bookings', 'sampling_bookings', 'operational', (r, c) => sql`t.booked_at < ${c}::timestamptz AND ${notHeld(r)}`),
  deleting('testing.result_calls', 'result_calls', 'operational', (r, c) => sql`t.called_at < ${c}::timestamptz AND t.sample_id NOT IN (SELECT id FROM samples WHERE region_id = ${r} AND person_id IN ${heldPersons(r)})`),
  deleting('testing.unmatched_results', 'unmatched_results', 'operational', (_r, c) => sql`t.result_at < ${c}::timestamptz`),
  // A week is past its period when it ended before the week of the cutoff began.
  deleting('testing.test_week_persons', 'test_week_persons', 'operational', (r, c) => sql`t.week < ${isoWeekOf(new Date(c))} AND ${notHeld(r)}`),
  deleting('vaccination.bookings', 'vaccination_bookings', 'operational', (r, c) => sql`t.starts_at < ${c}::timestamptz AND ${notHeld(r)}`),
  deleting('vaccination.nvr_reports', 'vaccination_nvr_reports', 'operational', (r, c) => sql`t.status = 'accepted' AND t.answered_at < ${c}::timestamptz AND ${notHeld(r)}`),
  pseudonymising('certificates.requests', 'certificate_requests', 'operational', sql`note = NULL, requested_by = '', missing = NULL, decided_by = NULL, decision_reason = NULL`, (r, c) =>
    sql`t.requested_at < ${c}::timestamptz AND t.status <> 'queued' AND t.requested_by <> '' AND ${notHeld(r)}`),
  pseudonymising('certificates.certificates', 'certificates', 'operational', sql`payload = '{}', hc1 = ''`, (r, c) => sql`t.expires_at < ${c}::timestamptz AND t.hc1 <> '' AND ${notHeld(r)}`),
  // A year's indicators are computed from all of its contacts: the period counts from the end of the contact's year.
  deleting('indicators.primary_care_contacts', 'indicator_primary_care_contacts', 'operational', (_r, c) =>
    sql`(date_trunc('year', t.contact_date) + interval '1 year')::date <= (${c}::timestamptz AT TIME ZONE 'Europe/Stockholm')::date`),
  // Contact data
  deleting('tracing.check_ins', 'tracing_check_ins', 'contact', (r, c) =>
    sql`t.contact_id IN (SELECT id FROM tracing_contacts WHERE region_id = ${r} AND case_id IN (SELECT id FROM tracing_cases WHERE region_id = ${r} AND status = 'closed' AND closed_at < ${c}::timestamptz) AND case_id NOT IN ${heldCases(r)})`),
  pseudonymising('tracing.contacts', 'tracing_contacts', 'contact', sql`name = '', phone = NULL, context = NULL, person_id = NULL`, (r, c) =>
    sql`t.name <> '' AND t.case_id IN (SELECT id FROM tracing_cases WHERE region_id = ${r} AND status = 'closed' AND closed_at < ${c}::timestamptz) AND t.case_id NOT IN ${heldCases(r)}`),
  deleting('tracing.signals', 'tracing_signals', 'contact', (r, c) => sql`t.received_at < ${c}::timestamptz AND (t.outbreak_id IS NULL OR t.outbreak_id NOT IN (SELECT id FROM tracing_outbreaks WHERE region_id = ${r} AND status = 'open'))`),
  deleting('vaccination.invitations', 'vaccination_invitations', 'contact', (r, c) => sql`t.list_id IN (SELECT id FROM vaccination_invitation_lists WHERE region_id = ${r} AND created_at < ${c}::timestamptz) AND ${notHeld(r)}`),
  deleting('platform.delivered_messages', 'delivered_messages', 'contact', (r, c) => sql`t.delivered_at < ${c}::timestamptz AND (t.person_id IS NULL OR ${notHeld(r)})`),
  // Journal records
  journalPersons,
];
