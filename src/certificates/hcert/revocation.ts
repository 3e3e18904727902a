import { createHash } from 'node:crypto';
import type { CoseSign1 } from './cose.js';
import { ES256 } from './cose.js';
import { entryOf } from './kinds.js';

/**
 * The hashes the EU revocation list (DCC gateway, "revocation batches") identifies a certificate by:
 * SHA-256 truncated to its first 128 bits, base64, of
 * - UCI: the certificate identifier,
 * - COUNTRYCODEUCI: the issuing country (the CWT's issuer claim, not where the dose was given) followed by the identifier,
 * - SIGNATURE: the COSE signature (for ECDSA, only its r half).
 */
export const revocationHashTypes = ['UCI', 'COUNTRYCODEUCI', 'SIGNATURE'] as const;
export type RevocationHashType = (typeof revocationHashTypes)[number];

const hash128 = (data: Uint8Array | string) => createHash('sha256').update(data).digest().subarray(0, 16).toString('base64');

export function revocationHashes(cose: CoseSign1, claims: { issuer: string; dcc: unknown }): Partial<Record<RevocationHashType, string>> {
  const entry = entryOf(claims.dcc);
  const uci = typeof entry?.ci === 'string' ? entry.ci : undefined;
  const country = claims.issuer || undefined;
  const es256 = (cose.protectedHeader.get(1) ?? cose.unprotectedHeader.get(1)) === ES256;
  return {
    ...(uci ? { UCI: hash128(uci) } : {}),
    ...(uci && country ? { COUNTRYCODEUCI: hash128(country + uci) } : {}),
    SIGNATURE: hash128(es256 ? cose.signature.subarray(0, cose.signature.length / 2) : cose.signature),
  };
}

export const uciHash = (uci: string) => hash128(uci);
