import type { X509Certificate } from 'node:crypto';
import { decodeHcert, type Claims } from './codec.js';
import { verifyCoseSignature } from './cose.js';
import { HcertError, type FailureCode } from './errors.js';
import { kindOf, signerMaySign, type CertificateKind } from './kinds.js';
import { revocationHashes, type RevocationHashType } from './revocation.js';
import { schemaProblem } from './schema.js';

/** A document signer on the trust list. */
export interface TrustedSigner {
  kid: string;
  country: string;
  certificate: X509Certificate;
  /** When the signer was revoked: every certificate it signed is then invalid. */
  revokedAt?: Date | null;
}

export interface VerifyOptions {
  now: Date;
  /** Every signer with this kid (base64); a short kid can be shared, so all are tried (HCERT 3.3.1). */
  signersFor(kid: string): readonly TrustedSigner[];
  /** True when the revocation list holds one of these hashes. */
  isRevoked?(hashes: Partial<Record<RevocationHashType, string>>): boolean;
}

export type Verification =
  | { valid: true; kind: CertificateKind; claims: Claims; signer: TrustedSigner }
  | { valid: false; code: FailureCode; detail: string; claims?: Claims; kind?: CertificateKind };

/** A clock skew a verifier allows before calling a certificate issued in the future. */
const ISSUED_AT_SKEW_SECONDS = 300;

/**
 * Verifies an HC1: text: decoding, the signature with a trusted signer, the signer's status, validity and
 * key usage, the certificate's own expiry, revocation, and the schema; the first failure is the answer.
 */
export function verifyHcert(text: string, options: VerifyOptions): Verification {
  let decoded;
  try {
    decoded = decodeHcert(text);
  } catch (e) {
    if (e instanceof HcertError) return { valid: false, code: e.code, detail: e.detail };
    throw e;
  }
  const { cose, kid, claims } = decoded;
  const kind = kindOf(claims.dcc);
  const fail = (code: FailureCode, detail: string): Verification => ({ valid: false, code, detail, claims, ...(kind ? { kind } : {}) });
  if (!kid) return fail('kid-unknown', 'the certificate names no key id');
  const kidText = Buffer.from(kid).toString('base64');
  const candidates = options.signersFor(kidText);
  if (candidates.length === 0) return fail('kid-unknown', `no signer with kid ${kidText} on the trust list`);
  const signer = candidates.find((s) => verifyCoseSignature(cose, s.certificate.publicKey));
  if (!signer) return fail('signature', `the signature does not verify with the signer ${kidText}`);
  if (signer.revokedAt) return fail('signer-revoked', `the signer ${kidText} was revoked ${signer.revokedAt.toISOString()}`);
  const issuedAt = new Date(claims.issuedAt * 1000);
  if (issuedAt < new Date(signer.certificate.validFrom) || issuedAt > new Date(signer.certificate.validTo)) {
    return fail('signer-not-valid', `issued ${issuedAt.toISOString()}, the signer is valid ${new Date(signer.certificate.validFrom).toISOString()} to ${new Date(signer.certificate.validTo).toISOString()}`);
  }
  if (!kind) return fail('schema', 'the payload has no vaccination, test or recovery group');
  if (!signerMaySign(signer.certificate.keyUsage, kind)) return fail('key-usage', `the signer may not sign ${kind} certificates`);
  const now = options.now.getTime() / 1000;
  if (claims.expiresAt < now) return fail('expired', `expired ${new Date(claims.expiresAt * 1000).toISOString()}`);
  if (claims.issuedAt > now + ISSUED_AT_SKEW_SECONDS) return fail('not-yet-valid', `issued ${issuedAt.toISOString()}`);
  if (options.isRevoked?.(revocationHashes(cose, claims))) return fail('revoked', 'the certificate is on the revocation list');
  const problem = schemaProblem(claims.dcc);
  if (problem) return fail('schema', problem);
  return { valid: true, kind, claims, signer };
}
