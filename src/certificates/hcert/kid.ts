import { createHash } from 'node:crypto';

/** The key identifier of a document signer: the first 8 bytes of the SHA-256 of its DER certificate, base64 (HCERT A.1). */
export const kidOf = (der: Uint8Array): string => createHash('sha256').update(der).digest().subarray(0, 8).toString('base64');
