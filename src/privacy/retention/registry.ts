import type { DataClass } from './periods.js';

/**
 * What happens when the period has passed: the nightly purge deletes the rows, or pseudonymises them and
 * keeps them for statistics; `keep` is for data another law or mechanism governs (said in `how`).
 */
export type EndAction = 'delete' | 'pseudonymise' | 'keep';

export interface RetentionEntry {
  table: string;
  /** The columns that hold personal data (the schema test checks every such column is listed somewhere). */
  columns: string[];
  dataClass: DataClass;
  /** The event the period counts from, in words, with the column it is read from. */
  countsFrom: string;
  legalGround: string;
  end: EndAction;
  /** What the purge does at the end (or who else removes it, or why it stays). */
  how: string;
  /** The purge rule that enforces the end (`purge/rules.ts`), or the housekeeping that does; none for `keep`. */
  rule?: string;
}

const JOURNAL = 'patientdatalagen (2008:355) 3 kap. 17 §: at least ten years after the last entry';
const TASK = 'GDPR art. 6(1)(e), 9(2)(i): the region’s task under smittskyddslagen (2004:168); storage limitation art. 5(1)(e)';
const SERVICE = 'GDPR art. 6(1)(e): running testing, vaccination and certificates; storage limitation art. 5(1)(e)';
const SECURITY = 'GDPR art. 6(1)(e), 32: security and delivery of the service; storage limitation art. 5(1)(e)';
const LAST_ENTRY = 'last journal entry of the person (answered result, closed case, dose, certificate request)';
const PERSON = 'the person is pseudonymised with the rest of their journal (rule `journal.persons`)';

/**
 * Ends enforced outside the nightly purge: expired sessions go at every housekeeping tick (`purgeExpiredSessions`),
 * and so do FHIR exports past their day with their files (`purgeExpiredFhir`).
 */
export const housekeepingRules = ['platform.sessions', 'fhir.exports'];

/** Every table with personal data. The schema test (registry.int.test.ts) fails when a new one is missing. */
export const retentionRegistry: RetentionEntry[] = [
  // --- identity
  { table: 'persons', columns: ['id', 'given_name', 'family_name', 'birth_date', 'legal_sex', 'street_address', 'postal_code', 'locality', 'phone', 'email', 'household_id', 'care_home_id', 'school_id', 'school_class', 'workplace_id', 'vardcentral_id'], dataClass: 'journal', countsFrom: LAST_ENTRY, legalGround: JOURNAL, end: 'pseudonymise', rule: 'journal.persons', how: 'names, address, phone, e-mail, household, school and workplace removed; birth date, sex, municipality and postcode area kept for coverage by age and area. People with no journal entry are the population register’s copy and follow the register' },
  { table: 'person_identifiers', columns: ['value', 'person_id'], dataClass: 'journal', countsFrom: LAST_ENTRY, legalGround: JOURNAL, end: 'delete', rule: 'journal.persons', how: 'deleted when the person is pseudonymised: nothing links the random person id to a personnummer any more' },
  { table: 'staff', columns: ['name', 'email', 'hsa_id', 'oidc_subject'], dataClass: 'operational', countsFrom: 'while the account exists', legalGround: 'GDPR art. 6(1)(c), patientdatalagen 4 kap. 3 §: who did what must stay readable in the audit log', end: 'keep', how: 'kept while the account exists; an account is made inactive, never deleted, so audit entries keep their author' },
  { table: 'sessions', columns: ['actor'], dataClass: 'technical', countsFrom: 'session ended (`expires_at`)', legalGround: SECURITY, end: 'delete', rule: 'platform.sessions', how: 'deleted at expiry by the housekeeping (`purgeExpiredSessions`, every few seconds)' },
  { table: 'fhir_clients', columns: ['name'], dataClass: 'operational', countsFrom: 'while the client is registered', legalGround: SECURITY, end: 'keep', how: 'the name of a system (an organisation’s integration), not of a person; kept while registered, so audit entries keep their author' },
  { table: 'fhir_exports', columns: ['requested_by'], dataClass: 'technical', countsFrom: 'export requested (`expires_at`, a day later)', legalGround: SECURITY, end: 'delete', rule: 'fhir.exports', how: 'deleted with its files a day after the request by the housekeeping (`purgeExpiredFhir`); the audit log keeps who exported whom' },
  { table: 'fhir_export_files', columns: ['ndjson'], dataClass: 'technical', countsFrom: 'export requested (`fhir_exports.expires_at`, a day later)', legalGround: SECURITY, end: 'delete', rule: 'fhir.exports', how: 'copies of journal data for a system client to download: deleted with their export a day after the request (`purgeExpiredFhir`)' },
  { table: 'audit_log', columns: ['person_id', 'actor_id', 'actor_name', 'details'], dataClass: 'technical', countsFrom: 'the read or change it records (`at`)', legalGround: 'patientdatalagen 4 kap. 3 §: every access to a record is logged and kept for follow-up', end: 'keep', how: 'append-only and sealed into a signed hash chain; the database refuses deletes. After pseudonymisation its person ids name no one' },
  // --- testing
  { table: 'samples', columns: ['person_id', 'kit_code', 'collected_by', 'result'], dataClass: 'journal', countsFrom: 'result answered (`answered_at`), unless the person has a later journal entry', legalGround: JOURNAL, end: 'pseudonymise', rule: 'journal.persons', how: PERSON + '; the weekly statistics come from `test_week_counts`' },
  { table: 'test_week_persons', columns: ['person_id'], dataClass: 'operational', countsFrom: 'end of the ISO week (`week`)', legalGround: SERVICE, end: 'delete', rule: 'testing.test_week_persons', how: 'deleted: the week’s unique individuals are already counted in `test_week_counts`' },
  { table: 'referrals', columns: ['person_id', 'indication', 'written_by', 'code'], dataClass: 'journal', countsFrom: LAST_ENTRY, legalGround: JOURNAL, end: 'pseudonymise', rule: 'journal.persons', how: 'the indication (clinical free text) is emptied when the person is pseudonymised; test, unit and times stay for the statistics' },
  { table: 'kit_orders', columns: ['person_id'], dataClass: 'operational', countsFrom: 'kit ordered (`ordered_at`)', legalGround: SERVICE, end: 'delete', rule: 'testing.kit_orders', how: 'deleted' },
  { table: 'sampling_bookings', columns: ['person_id', 'phone'], dataClass: 'operational', countsFrom: 'booking made (`booked_at`)', legalGround: SERVICE, end: 'delete', rule: 'testing.sampling_bookings', how: 'deleted' },
  { table: 'result_calls', columns: ['sample_id'], dataClass: 'operational', countsFrom: 'call made (`called_at`)', legalGround: SERVICE, end: 'delete', rule: 'testing.result_calls', how: 'deleted' },
  { table: 'unmatched_results', columns: ['kit_code', 'raw'], dataClass: 'operational', countsFrom: 'result reported (`result_at`)', legalGround: SERVICE, end: 'delete', rule: 'testing.unmatched_results', how: 'deleted, matched or not: the lab’s row may carry a personnummer' },
  { table: 'import_rejections', columns: ['reason'], dataClass: 'technical', countsFrom: 'import started (`result_imports.started_at`)', legalGround: SECURITY, end: 'delete', rule: 'testing.import_rejections', how: 'deleted: a reason may quote a value of the file' },
  // --- tracing
  { table: 'tracing_cases', columns: ['person_id', 'priority_reason'], dataClass: 'journal', countsFrom: 'case closed (`closed_at`), unless the person has a later journal entry', legalGround: JOURNAL, end: 'pseudonymise', rule: 'journal.persons', how: PERSON + '; an open case is a legal hold on everything about its person and contacts' },
  { table: 'tracing_notes', columns: ['text', 'author_name'], dataClass: 'journal', countsFrom: LAST_ENTRY, legalGround: JOURNAL, end: 'pseudonymise', rule: 'journal.persons', how: 'the note’s text is emptied when the person is pseudonymised; kind, advice codes and time stay' },
  { table: 'tracing_calls', columns: ['note', 'staff_name'], dataClass: 'journal', countsFrom: LAST_ENTRY, legalGround: JOURNAL, end: 'pseudonymise', rule: 'journal.persons', how: 'the call’s note is emptied when the person is pseudonymised; outcome, duration and time stay for the statistics' },
  { table: 'tracing_questionnaires', columns: ['answers', 'symptom_onset'], dataClass: 'journal', countsFrom: LAST_ENTRY, legalGround: JOURNAL, end: 'pseudonymise', rule: 'journal.persons', how: 'the answers are emptied when the person is pseudonymised; symptom onset and travel stay for statistics' },
  { table: 'tracing_notifications', columns: ['document'], dataClass: 'journal', countsFrom: LAST_ENTRY, legalGround: JOURNAL + '; SmiNet holds its own copy', end: 'pseudonymise', rule: 'journal.persons', how: 'the notification document is emptied when the person is pseudonymised' },
  { table: 'tracing_contacts', columns: ['person_id', 'name', 'phone', 'context'], dataClass: 'contact', countsFrom: 'follow-up ended: the case closed (`tracing_cases.closed_at`)', legalGround: TASK, end: 'pseudonymise', rule: 'tracing.contacts', how: 'name, phone, context and the link to the person removed; relation and dates kept, so the contacts per case in the tracing statistics stay. Kept while the case is open or in an open outbreak' },
  { table: 'tracing_check_ins', columns: ['has_symptoms', 'symptoms', 'tested', 'test_date', 'token_hash'], dataClass: 'contact', countsFrom: 'follow-up ended: the case closed (`tracing_cases.closed_at`)', legalGround: TASK, end: 'delete', rule: 'tracing.check_ins', how: 'the contact’s daily self-reports deleted with the contact’s data; kept while the case is open or in an open outbreak' },
  { table: 'tracing_case_settings', columns: ['label', 'school_class'], dataClass: 'journal', countsFrom: LAST_ENTRY, legalGround: JOURNAL, end: 'keep', how: 'places (a school class, a workplace), not people; they stay with the pseudonymised case for cluster statistics' },
  { table: 'tracing_signals', columns: ['sender_name', 'sender_contact', 'subject', 'message'], dataClass: 'contact', countsFrom: 'signal received (`received_at`)', legalGround: TASK, end: 'delete', rule: 'tracing.signals', how: 'deleted, unless linked to an outbreak still under investigation' },
  { table: 'tracing_outbreaks', columns: ['note'], dataClass: 'operational', countsFrom: 'the outbreak (a place, not a person)', legalGround: TASK, end: 'keep', how: 'Smittskydd’s record of an outbreak at a place; kept as the region’s archive rules say' },
  // --- vaccination
  { table: 'vaccination_doses', columns: ['person_id', 'outside_recommendation'], dataClass: 'journal', countsFrom: 'dose given (`administered_at`), unless the person has a later journal entry', legalGround: JOURNAL + '; NVR keeps its own copy (lag 2012:453)', end: 'pseudonymise', rule: 'journal.persons', how: PERSON + ', and the free-text reason is emptied; coverage stays because the person’s birth date and area stay' },
  { table: 'vaccination_person_attributes', columns: ['person_id', 'risk_group_note'], dataClass: 'journal', countsFrom: LAST_ENTRY, legalGround: JOURNAL, end: 'pseudonymise', rule: 'journal.persons', how: 'the note is emptied when the person is pseudonymised' },
  { table: 'vaccination_bookings', columns: ['person_id', 'booked_by', 'on_behalf_reason'], dataClass: 'operational', countsFrom: 'time of the booking (`starts_at`)', legalGround: SERVICE, end: 'delete', rule: 'vaccination.bookings', how: 'deleted; the dose given keeps its own record' },
  { table: 'vaccination_invitations', columns: ['person_id'], dataClass: 'contact', countsFrom: 'list built (`vaccination_invitation_lists.created_at`)', legalGround: SERVICE, end: 'delete', rule: 'vaccination.invitations', how: 'deleted' },
  { table: 'vaccination_adverse_events', columns: ['person_id', 'reported_by', 'description'], dataClass: 'journal', countsFrom: 'dose given, unless the person has a later journal entry (as `vaccination_doses`)', legalGround: JOURNAL + '; Läkemedelsverket keeps its own copy (läkemedelslagen 2015:315)', end: 'pseudonymise', rule: 'journal.persons', how: PERSON + ', and the free-text description is emptied; symptoms, seriousness, product and batch stay for the counts per batch' },
  { table: 'vaccination_nvr_reports', columns: ['person_id', 'rejection'], dataClass: 'operational', countsFrom: 'NVR’s answer (`answered_at`)', legalGround: SERVICE, end: 'delete', rule: 'vaccination.nvr_reports', how: 'deleted once accepted; a report not accepted stays until it is' },
  { table: 'vaccination_nvr_embedded_register', columns: ['message'], dataClass: 'technical', countsFrom: 'message received (`received_at`)', legalGround: SECURITY, end: 'delete', rule: 'vaccination.nvr_embedded_register', how: 'deleted (the demo’s stand-in for NVR)' },
  // --- certificates
  { table: 'certificate_requests', columns: ['person_id', 'requested_by', 'note', 'missing', 'decided_by', 'decision_reason'], dataClass: 'operational', countsFrom: 'request made (`requested_at`)', legalGround: SERVICE, end: 'pseudonymise', rule: 'certificates.requests', how: 'free text and who asked and decided removed; kind, status and rule kept for the monthly statistics. A queued request is a legal hold on its person' },
  { table: 'certificates', columns: ['person_id', 'payload', 'hc1'], dataClass: 'operational', countsFrom: 'certificate expired (`expires_at`)', legalGround: SERVICE, end: 'pseudonymise', rule: 'certificates.certificates', how: 'the payload and QR text (name, birth date) removed; the UCI stays for the revocation list' },
  // --- messages and the outbox
  { table: 'delivered_messages', columns: ['person_id', 'recipient', 'subject', 'body'], dataClass: 'contact', countsFrom: 'message delivered (`delivered_at`)', legalGround: TASK, end: 'delete', rule: 'platform.delivered_messages', how: 'deleted (the citizen’s 1177 inbox shows the period)' },
  { table: 'outbox', columns: ['payload', 'last_error', 'receipt'], dataClass: 'technical', countsFrom: 'message delivered (`delivered_at`)', legalGround: SECURITY, end: 'pseudonymise', rule: 'platform.outbox', how: 'the payload is emptied; topic, idempotency key and status stay so a resend is still recognised' },
  // --- indicators
  { table: 'indicator_primary_care_contacts', columns: ['person_number', 'birth_date', 'practitioner_code'], dataClass: 'operational', countsFrom: 'end of the contact’s calendar year (`contact_date`): the year’s indicators need all of it', legalGround: 'GDPR art. 6(1)(e), 9(2)(h): follow-up of care; storage limitation art. 5(1)(e)', end: 'delete', rule: 'indicators.primary_care_contacts', how: 'deleted: the computed indicator values stay' },
  { table: 'indicator_import_rejections', columns: ['reason'], dataClass: 'technical', countsFrom: 'import started (`indicator_imports.started_at`)', legalGround: SECURITY, end: 'delete', rule: 'indicators.import_rejections', how: 'deleted: a reason may quote a value of the file' },
  // --- governance: public records under the archive law, not health data
  { table: 'governance_cases', columns: ['proposer', 'case_officer', 'sender_reference'], dataClass: 'operational', countsFrom: 'case registered (`registered_at`)', legalGround: 'arkivlagen (1990:782), offentlighetsprincipen: public records', end: 'keep', how: 'kept under the region’s archive rules (dokumenthanteringsplan), not purged here' },
  { table: 'governance_documents', columns: ['body'], dataClass: 'operational', countsFrom: 'document registered (`registered_on`)', legalGround: 'arkivlagen (1990:782)', end: 'keep', how: 'kept under the region’s archive rules' },
  { table: 'governance_case_events', columns: ['body'], dataClass: 'operational', countsFrom: 'event recorded (`recorded_at`)', legalGround: 'arkivlagen (1990:782)', end: 'keep', how: 'kept under the region’s archive rules' },
  { table: 'governance_meetings', columns: ['chair', 'checkers'], dataClass: 'operational', countsFrom: 'meeting held (`held_on`)', legalGround: 'arkivlagen (1990:782), kommunallagen 5 kap.', end: 'keep', how: 'kept under the region’s archive rules; checked minutes cannot change' },
  { table: 'governance_agenda_items', columns: ['rapporteur', 'votes', 'reservations', 'conflicts'], dataClass: 'operational', countsFrom: 'meeting held', legalGround: 'arkivlagen (1990:782), kommunallagen 5 kap.', end: 'keep', how: 'kept under the region’s archive rules' },
  { table: 'governance_memos', columns: ['rapporteur'], dataClass: 'operational', countsFrom: 'memo written', legalGround: 'arkivlagen (1990:782)', end: 'keep', how: 'kept under the region’s archive rules' },
  { table: 'governance_minute_signatures', columns: ['signer'], dataClass: 'operational', countsFrom: 'minutes signed', legalGround: 'arkivlagen (1990:782), kommunallagen 5 kap.', end: 'keep', how: 'kept under the region’s archive rules' },
  { table: 'governance_extracts', columns: ['recipient', 'email'], dataClass: 'contact', countsFrom: 'extract sent (`sent_at`)', legalGround: 'arkivlagen (1990:782)', end: 'keep', how: 'kept under the region’s archive rules' },
  { table: 'governance_delegated_decisions', columns: ['delegate'], dataClass: 'operational', countsFrom: 'decision made', legalGround: 'arkivlagen (1990:782), kommunallagen 7 kap.', end: 'keep', how: 'kept under the region’s archive rules' },
  { table: 'governance_actions', columns: ['owner', 'owner_email'], dataClass: 'operational', countsFrom: 'action closed', legalGround: 'arkivlagen (1990:782)', end: 'keep', how: 'kept under the region’s archive rules' },
];

/**
 * Columns whose names look personal but hold none, with the reason: what the schema test accepts without a
 * registry entry. A column is added here only after a person has read what it holds.
 */
export const notPersonal: Record<string, string> = {
  'regions.name': 'a region',
  'regions.short_name': 'a region',
  'regions.county_name': 'a county',
  'municipalities.name': 'a municipality',
  'units.name': 'a unit (vårdcentral, school, workplace)',
  'distribution_points.name': 'a pharmacy or station',
  'distribution_points.street_address': 'a pharmacy or station',
  'vaccination_sites.name': 'a vaccination site',
  'vaccination_sites.street_address': 'a vaccination site',
  'vaccination_supply_products.name': 'a vaccine product',
  'vaccination_delivery_forecasts.reason': 'why a delivery forecast changed',
  'vaccination_vial_wastage.reason': 'a wastage code',
  'vaccination_vial_wastage.note': 'about a vial',
  'certificate_signers.name': 'a signing key',
  'certificate_signers.revoked_reason': 'about a signing key',
  'certificates.revoked_reason': 'a revocation code',
  'indicator_definitions.name_sv': 'an indicator',
  'indicator_definitions.name_en': 'an indicator',
  'indicator_definitions.note': 'about an indicator',
  'indicator_values.org_name': 'an organisation (region, municipality, unit)',
  'indicator_primary_care_contacts.care_unit_name': 'a care unit',
  'reporting_agreements.name': 'an agreement',
  'reporting_templates.name': 'a template',
  'reporting_rounds.name': 'a reporting round',
  'reporting_return_events.note': 'about a region’s return',
  'reporting_returns.reopen_reason': 'about a region’s return',
  'reporting_reopens.reason': 'about a region’s return',
  'reporting_refused.reason': 'why a document was refused',
  'reporting_received.document': 'a signed submission: aggregates and answers only (privacy/national.int.test.ts)',
  'reporting_received_aggregates.document': 'weekly aggregates only (privacy/national.int.test.ts)',
  'reporting_initiatives.participants': 'organisations taking part',
  'governance_minutes.late_reason': 'why minutes were checked late',
  'governance_minute_corrections.text': 'a correction of minutes',
  'tracing_outbreaks.label': 'a place',
  'tracing_signals.organisation': 'a school, care home or clinic',
  'audit_log.actor_kind': 'staff, citizen or system',
  'audit_log.actor_role': 'a role name',
  'governance_actions.status_note': 'about an action’s progress',
  'governance_meetings.body': 'the committee (nämnd) that meets',
  'indicator_definitions.owner': 'the organisation that owns an indicator',
  'indicator_imports.file_name': 'a lab’s or register’s file name',
  'result_imports.file_name': 'a lab’s file name',
  'sampling_bookings.reason': 'a booking reason code (no e-ID, child, staff)',
};
