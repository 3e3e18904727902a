import { z } from 'zod';
import { toIso } from '../platform/db/sql.js';
import { failureCodes } from './hcert/errors.js';
import { certificateKinds } from './hcert/kinds.js';
import { requestStatuses, type certificateRequests, type certificates } from './model.js';
import { refusalRules } from './rules.js';

const iso = (ts: string | null) => (ts ? toIso(ts) : null);

export function certificateView(c: typeof certificates.$inferSelect, now: Date) {
  const expiresAt = toIso(c.expiresAt);
  return {
    id: c.id,
    personId: c.personId,
    kind: c.kind,
    paper: c.paper,
    uci: c.uci,
    issuedAt: toIso(c.issuedAt),
    expiresAt,
    revokedAt: iso(c.revokedAt),
    status: c.revokedAt ? ('revoked' as const) : Date.parse(expiresAt) < now.getTime() ? ('expired' as const) : ('valid' as const),
  };
}

export function requestView(r: typeof certificateRequests.$inferSelect) {
  return {
    id: r.id,
    personId: r.personId,
    kind: r.kind,
    paper: r.paper,
    status: r.status,
    rule: r.rule,
    missing: r.missing,
    note: r.note,
    onBehalf: r.onBehalf,
    requestedAt: toIso(r.requestedAt),
    decidedAt: iso(r.decidedAt),
    decisionReason: r.decisionReason,
  };
}

// What the routes answer: the contract the web UI is typed by (web/src/contract). The serializer keeps only
// the keys named here, so each schema lists every field its service returns.

const Texts = z.object({ sv: z.string(), en: z.string() });
export const CertificateView = z.object({
  id: z.string(),
  personId: z.string(),
  kind: z.enum(certificateKinds),
  paper: z.boolean(),
  uci: z.string(),
  issuedAt: z.string(),
  expiresAt: z.string(),
  revokedAt: z.string().nullable(),
  status: z.enum(['valid', 'expired', 'revoked']),
});
export const RequestView = z.object({
  id: z.string(),
  personId: z.string(),
  kind: z.enum(certificateKinds),
  paper: z.boolean(),
  status: z.enum(requestStatuses),
  /** The refusal rule's code when refused. */
  rule: z.string().nullable(),
  /** What is missing (Swedish) when queued. */
  missing: z.string().nullable(),
  note: z.string().nullable(),
  onBehalf: z.boolean(),
  requestedAt: z.string(),
  decidedAt: z.string().nullable(),
  decisionReason: z.string().nullable(),
});
export const MyCertificatesView = z.object({ people: z.array(z.object({ personId: z.string(), name: z.string(), self: z.boolean() })), certificates: z.array(CertificateView), requests: z.array(RequestView) });
export const CertificateDetailView = CertificateView.extend({
  hc1: z.string(),
  payload: z.record(z.string(), z.unknown()),
  /** The outbox's delivery of the certificate's basis to the journal, when there is one. */
  basis: z.object({ status: z.string(), deliveredAt: z.string().nullable(), receipt: z.record(z.string(), z.unknown()).nullable() }).nullable(),
});
export const RequestOutcomeView = z.discriminatedUnion('status', [
  z.object({ status: z.literal('issued'), requestId: z.string(), certificateId: z.string(), uci: z.string() }),
  z.object({ status: z.literal('refused'), requestId: z.string(), rule: z.string(), reason: Texts }),
  z.object({ status: z.literal('queued'), requestId: z.string(), missing: z.string() }),
]);
export const DecisionView = z.discriminatedUnion('status', [
  z.object({ status: z.literal('rejected'), requestId: z.string() }),
  z.object({ status: z.literal('issued'), requestId: z.string(), certificateId: z.string(), uci: z.string() }),
]);
const Identified = { name: z.string(), identityNumber: z.string().nullable() };
export const QueueView = z.array(RequestView.extend(Identified));
export const PersonCertificatesView = z.object({ personId: z.string(), ...Identified, digitalPossible: z.boolean(), certificates: z.array(CertificateView), requests: z.array(RequestView) });

export const SignerView = z.object({
  regionId: z.string(),
  role: z.enum(['csca', 'dsc']),
  kid: z.string().nullable(),
  name: z.string(),
  certificate: z.string(),
  validFrom: z.string(),
  validTo: z.string(),
  createdAt: z.string(),
  retiredAt: z.string().nullable(),
  revokedAt: z.string().nullable(),
  revokedReason: z.string().nullable(),
});

export const StatisticsView = z.object({
  from: z.string(),
  to: z.string(),
  national: z.boolean(),
  rules: z.array(z.enum(refusalRules)).readonly(),
  rows: z.array(
    z.object({
      regionId: z.string(),
      regionName: z.string(),
      month: z.string(),
      requests: z.number(),
      issued: z.object({ vaccination: z.number(), test: z.number(), recovery: z.number() }),
      paper: z.number(),
      refused: z.number(),
      queued: z.number(),
      rejected: z.number(),
      refusedByRule: z.partialRecord(z.enum(refusalRules), z.number()),
      recovery: z.object({ requests: z.number(), issued: z.number() }),
    }),
  ),
});

/** The decoded certificate in words, for comparing with an identity document. */
const said = z.string().nullable();
const VerifiedContent = z.object({
  name: said,
  dateOfBirth: said,
  disease: said,
  vaccine: said,
  manufacturer: said,
  dose: said,
  vaccinationDate: said,
  testType: said,
  testResult: said,
  sampledAt: said,
  testCentre: said,
  firstPositive: said,
  validFrom: said,
  validUntil: said,
  country: said,
  issuer: said,
  uci: said,
});
const VerificationTimes = { issuedAt: z.string().optional(), expiresAt: z.string().optional(), issuerCountry: z.string().optional(), content: VerifiedContent.nullable() };
export const VerificationView = z.discriminatedUnion('valid', [
  z.object({ valid: z.literal(true), kind: z.enum(certificateKinds), signer: z.object({ kid: z.string() }), ...VerificationTimes }),
  z.object({ valid: z.literal(false), code: z.enum(failureCodes), reason: Texts, detail: z.string(), kind: z.enum(certificateKinds).nullable(), ...VerificationTimes }),
]);

export const TrustListView = z.array(
  z.object({ kid: z.string(), timestamp: z.string(), country: z.string(), certificateType: z.string(), thumbprint: z.string(), signature: z.string().nullable(), rawData: z.string() }),
);
export const RevocationListView = z.object({ hashType: z.string(), country: z.string(), entries: z.array(z.object({ hash: z.string(), revokedAt: z.string().nullable() })) });
