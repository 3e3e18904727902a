import { sql } from 'drizzle-orm';
import { boolean, check, foreignKey, index, jsonb, pgTable, primaryKey, text, timestamp, unique, uniqueIndex, uuid } from 'drizzle-orm/pg-core';
import { persons } from '../identity/model.js';
import type { CertificateKind } from './hcert/kinds.js';

const ts = (name: string) => timestamp(name, { withTimezone: true, mode: 'string' });

/**
 * The instance's signing keys: one country signing CA (CSCA) per region and the document signers (DSC) it
 * signed. A rotation retires the current signer (it signs no more, its certificates stay verifiable); a
 * revocation makes every certificate it signed invalid. Private keys are stored encrypted (signing/keys.ts).
 */
export const certificateSigners = pgTable(
  'certificate_signers',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    role: text('role').$type<'csca' | 'dsc'>().notNull(),
    /** The DSC's key identifier (HCERT A.1), base64; null for the CSCA. */
    kid: text('kid'),
    name: text('name').notNull(),
    /** The X.509 certificate, DER as base64. */
    certificate: text('certificate').notNull(),
    /** PKCS #8, AES-256-GCM under the instance's certificate key, base64 (iv ‖ tag ‖ ciphertext). */
    encryptedKey: text('encrypted_key').notNull(),
    kinds: text('kinds').array().$type<CertificateKind[]>().notNull(),
    validFrom: ts('valid_from').notNull(),
    validTo: ts('valid_to').notNull(),
    createdAt: ts('created_at').notNull().defaultNow(),
    retiredAt: ts('retired_at'),
    revokedAt: ts('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('certificate_signers_kid_key').on(t.regionId, t.kid),
    check('certificate_signers_kid', sql`(${t.role} = 'dsc') = (${t.kid} IS NOT NULL)`),
    // One CSCA and one signing DSC at a time per region: two instances starting together cannot both make one.
    uniqueIndex('certificate_signers_current_key').on(t.regionId, t.role).where(sql`${t.retiredAt} IS NULL AND ${t.revokedAt} IS NULL`),
  ],
);

export const requestStatuses = ['issued', 'refused', 'queued', 'rejected'] as const;
export type RequestStatus = (typeof requestStatuses)[number];

/**
 * Every request for a certificate, whatever came of it: the monthly statistics count requests, issued
 * certificates by kind, refusals by rule, and paper certificates from here.
 */
export const certificateRequests = pgTable(
  'certificate_requests',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').$type<CertificateKind>().notNull(),
    /** Paper: issued by an administrator for someone who cannot get a digital certificate. */
    paper: boolean('paper').notNull().default(false),
    requestedByKind: text('requested_by_kind').$type<'citizen' | 'staff'>().notNull(),
    requestedBy: text('requested_by').notNull(),
    /** A guardian asked for a child. */
    onBehalf: boolean('on_behalf').notNull().default(false),
    /** What the citizen said is missing (a dose given abroad, in another region…). */
    note: text('note'),
    status: text('status').$type<RequestStatus>().notNull(),
    /** The rule that refused it, e.g. 'recovery.self-sampled'. */
    rule: text('rule'),
    /** Why it needs a person (queued), in Swedish. */
    missing: text('missing'),
    decidedBy: text('decided_by'),
    decidedAt: ts('decided_at'),
    decisionReason: text('decision_reason'),
    requestedAt: ts('requested_at').notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    foreignKey({ columns: [t.regionId, t.personId], foreignColumns: [persons.regionId, persons.id] }),
    index('certificate_requests_person_idx').on(t.regionId, t.personId),
    index('certificate_requests_month_idx').on(t.regionId, t.requestedAt),
    index('certificate_requests_queue_idx').on(t.regionId, t.requestedAt).where(sql`${t.status} = 'queued'`),
    check('certificate_requests_refusal', sql`(${t.status} = 'refused') = (${t.rule} IS NOT NULL)`),
  ],
);

/** An issued certificate: its payload, the signed HC1 text, and the signer that made it. */
export const certificates = pgTable(
  'certificates',
  {
    regionId: text('region_id').notNull(),
    id: uuid('id').notNull().defaultRandom(),
    requestId: uuid('request_id').notNull(),
    personId: uuid('person_id').notNull(),
    kind: text('kind').$type<CertificateKind>().notNull(),
    paper: boolean('paper').notNull().default(false),
    uci: text('uci').notNull(),
    /** SHA-256 of the UCI, first 128 bits, base64: the EU revocation list's UCI hash. */
    uciHash: text('uci_hash').notNull(),
    payload: jsonb('payload').$type<Record<string, unknown>>().notNull(),
    hc1: text('hc1').notNull(),
    kid: text('kid').notNull(),
    issuedAt: ts('issued_at').notNull(),
    expiresAt: ts('expires_at').notNull(),
    issuedBy: text('issued_by').notNull(),
    revokedAt: ts('revoked_at'),
    revokedReason: text('revoked_reason'),
  },
  (t) => [
    primaryKey({ columns: [t.regionId, t.id] }),
    unique('certificates_uci_key').on(t.regionId, t.uci),
    foreignKey({ columns: [t.regionId, t.requestId], foreignColumns: [certificateRequests.regionId, certificateRequests.id] }),
    foreignKey({ columns: [t.regionId, t.personId], foreignColumns: [persons.regionId, persons.id] }),
    index('certificates_person_idx').on(t.regionId, t.personId),
    index('certificates_uci_hash_idx').on(t.uciHash),
  ],
);
