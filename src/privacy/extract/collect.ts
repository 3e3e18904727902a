import { sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { isoTimestamp, queryRows } from '../../platform/db/sql.js';
import { formatIdentityNumber, type IdentityKind } from '../../identity/identity-number.js';

const at = (column: string) => sql.raw(isoTimestamp(column));

/**
 * Everything Lägesbild holds about one person, read straight from each area's tables: the privacy area is
 * the one place that must know them all (the registry says which). `ids` are all the person's records (a
 * record merged into this one included). The caller audits the read.
 */
export async function collectExtract(tx: Db, regionId: string, personId: string, ids: string[]) {
  const these = sql`ANY(${sql.param(ids)}::uuid[])`;
  const [person] = await queryRows<{ given_name: string; family_name: string; birth_date: string | null; street_address: string | null; postal_code: string | null; locality: string | null; phone: string | null; email: string | null }>(
    tx,
    sql`SELECT given_name, family_name, birth_date::text, street_address, postal_code, locality, phone, email FROM persons WHERE region_id = ${regionId} AND id = ${personId}`,
  );
  const identifiers = await queryRows<{ value: string; kind: IdentityKind }>(tx, sql`SELECT value, kind FROM person_identifiers WHERE region_id = ${regionId} AND person_id = ${these} ORDER BY is_primary DESC, added_at`);
  const tests = await queryRows<{ testType: string; collection: string; takenAt: string; result: string | null; resultAt: string | null; answeredAt: string | null }>(
    tx,
    sql`SELECT test_type AS "testType", collection, ${at('taken_at')} AS "takenAt", result, ${at('result_at')} AS "resultAt", ${at('answered_at')} AS "answeredAt"
      FROM samples WHERE region_id = ${regionId} AND person_id = ${these} ORDER BY taken_at`,
  );
  const kitOrders = await queryRows<{ testType: string; orderedAt: string; status: string }>(tx, sql`SELECT test_type AS "testType", ${at('ordered_at')} AS "orderedAt", status FROM kit_orders WHERE region_id = ${regionId} AND person_id = ${these} ORDER BY ordered_at`);
  const cases = await queryRows<{ id: string; openedAt: string; status: string; closedAt: string | null }>(
    tx,
    sql`SELECT id, ${at('opened_at')} AS "openedAt", status, ${at('closed_at')} AS "closedAt" FROM tracing_cases WHERE region_id = ${regionId} AND person_id = ${these} ORDER BY opened_at`,
  );
  const notes = await queryRows<{ caseId: string; kind: string; text: string; advice: string[]; createdAt: string }>(
    tx,
    sql`SELECT case_id AS "caseId", kind, text, advice, ${at('created_at')} AS "createdAt" FROM tracing_notes WHERE region_id = ${regionId} AND case_id IN (SELECT id FROM tracing_cases WHERE region_id = ${regionId} AND person_id = ${these}) ORDER BY created_at`,
  );
  // Who named the person stays out: that is the index's own record, under secrecy (OSL 25 kap. 1 §).
  const namedAsContact = await queryRows<{ relation: string; exposureDate: string | null; namedAt: string; informedAt: string | null }>(
    tx,
    sql`SELECT relation, exposure_date::text AS "exposureDate", ${at('named_at')} AS "namedAt", ${at('informed_at')} AS "informedAt" FROM tracing_contacts WHERE region_id = ${regionId} AND person_id = ${these} ORDER BY named_at`,
  );
  const doses = await queryRows<{ vaccine: string; productCode: string; batchNumber: string; doseNumber: number; administeredAt: string; site: string | null }>(
    tx,
    sql`SELECT d.vaccine, d.product_code AS "productCode", d.batch_number AS "batchNumber", d.dose_number AS "doseNumber", ${at('d.administered_at')} AS "administeredAt", s.name AS site
      FROM vaccination_doses d LEFT JOIN vaccination_sites s ON s.region_id = d.region_id AND s.id = d.site_id
      WHERE d.region_id = ${regionId} AND d.person_id = ${these} ORDER BY d.administered_at`,
  );
  const bookings = await queryRows<{ kind: string; startsAt: string; status: string; place: string | null }>(
    tx,
    sql`SELECT 'vaccination' AS kind, ${at('b.starts_at')} AS "startsAt", b.status, s.name AS place FROM vaccination_bookings b LEFT JOIN vaccination_sites s ON s.region_id = b.region_id AND s.id = b.site_id
        WHERE b.region_id = ${regionId} AND b.person_id = ${these}
      UNION ALL SELECT 'sampling', ${at('t.starts_at')}, b.status, u.name FROM sampling_bookings b JOIN sampling_slots t ON t.region_id = b.region_id AND t.id = b.slot_id LEFT JOIN units u ON u.region_id = t.region_id AND u.id = t.station_id
        WHERE b.region_id = ${regionId} AND b.person_id = ${these}
      ORDER BY 2`,
  );
  const certificates = await queryRows<{ kind: string; issuedAt: string; expiresAt: string; revokedAt: string | null; paper: boolean }>(
    tx,
    sql`SELECT kind, ${at('issued_at')} AS "issuedAt", ${at('expires_at')} AS "expiresAt", ${at('revoked_at')} AS "revokedAt", paper FROM certificates WHERE region_id = ${regionId} AND person_id = ${these} ORDER BY issued_at`,
  );
  const certificateRequests = await queryRows<{ kind: string; requestedAt: string; status: string; note: string | null }>(
    tx,
    sql`SELECT kind, ${at('requested_at')} AS "requestedAt", status, note FROM certificate_requests WHERE region_id = ${regionId} AND person_id = ${these} ORDER BY requested_at`,
  );
  const messages = await queryRows<{ channel: string; subject: string | null; body: string; deliveredAt: string }>(
    tx,
    sql`SELECT channel, subject, body, ${at('delivered_at')} AS "deliveredAt" FROM delivered_messages WHERE region_id = ${regionId} AND person_id = ${these} ORDER BY delivered_at`,
  );
  // Who in the region read or changed the record (the person's own actions left out, as on "who read my record").
  const reads = await queryRows<{ at: string; actorName: string; actorRole: string; action: string; purpose: string }>(
    tx,
    sql`SELECT ${at('at')} AS at, actor_name AS "actorName", actor_role AS "actorRole", action, purpose FROM audit_log
      WHERE region_id = ${regionId} AND person_id = ${these} AND actor_kind <> 'citizen' ORDER BY at`,
  );
  return {
    person: person
      ? {
          name: `${person.given_name} ${person.family_name}`.trim(),
          identityNumbers: identifiers.map((i) => formatIdentityNumber({ kind: i.kind, canonical: i.value })),
          birthDate: person.birth_date,
          address: [person.street_address, [person.postal_code, person.locality].filter(Boolean).join(' ')].filter(Boolean).join(', ') || null,
          phone: person.phone,
          email: person.email,
        }
      : null,
    tests,
    kitOrders,
    cases: cases.map((c) => ({ openedAt: c.openedAt, status: c.status, closedAt: c.closedAt, notes: notes.filter((n) => n.caseId === c.id).map(({ caseId: _, ...n }) => n) })),
    namedAsContact,
    doses,
    bookings,
    certificates,
    certificateRequests,
    messages,
    reads,
  };
}

export type ExtractData = Awaited<ReturnType<typeof collectExtract>>;
