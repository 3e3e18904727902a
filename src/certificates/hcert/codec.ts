import { deflateSync, inflateSync } from 'node:zlib';
import type { KeyObject } from 'node:crypto';
import { Base45Error, decodeBase45, encodeBase45 } from './base45.js';
import { cborToJson, decodeCbor, encodeCbor } from './cbor.js';
import { coseKid, parseCoseSign1, signCoseSign1, type CoseSign1 } from './cose.js';
import { HcertError } from './errors.js';

/**
 * The HCERT container (version 1.3): DCC JSON → CWT claims → deterministic CBOR → COSE_Sign1 (ES256)
 * → zlib → base45 → "HC1:". Decoding runs the same steps backwards and names the step that failed.
 */
export const PREFIX = 'HC1:';
const CLAIM_ISS = 1;
const CLAIM_EXP = 4;
const CLAIM_IAT = 6;
const CLAIM_HCERT = -260;
const HCERT_EU_DCC = 1;
/** A real certificate inflates to well under 10 kB; a "zip bomb" stops here instead of filling memory. */
const MAX_INFLATED = 64 * 1024;

export interface Claims {
  issuer: string;
  issuedAt: number;
  expiresAt: number;
  dcc: unknown;
}

export interface Signer {
  kid: Uint8Array;
  privateKey: KeyObject;
}

export function encodeHcert(claims: Claims, signer: Signer): string {
  const payload = encodeCbor(
    new Map<number, unknown>([
      [CLAIM_ISS, claims.issuer],
      [CLAIM_EXP, claims.expiresAt],
      [CLAIM_IAT, claims.issuedAt],
      [CLAIM_HCERT, new Map([[HCERT_EU_DCC, claims.dcc]])],
    ]),
  );
  const cose = signCoseSign1(payload, signer.kid, signer.privateKey);
  // A certificate is a few hundred bytes: less hash memory compresses it as well, faster. The window stays at
  // 32 kB: verifiers in the field recognise compressed data by its first byte, 0x78, which a smaller one changes.
  return PREFIX + encodeBase45(deflateSync(cose, { level: 9, memLevel: 4 }));
}

export interface DecodedHcert {
  cose: CoseSign1;
  kid: Uint8Array | undefined;
  claims: Claims;
}

export function unprefix(text: string): string {
  const trimmed = text.trim();
  if (!trimmed.startsWith(PREFIX)) throw new HcertError('prefix', `the text starts with ${JSON.stringify(trimmed.slice(0, 4))}`);
  return trimmed.slice(PREFIX.length);
}

export function decodeBase45Stage(text: string): Uint8Array {
  try {
    return decodeBase45(text);
  } catch (e) {
    if (e instanceof Base45Error) throw new HcertError('base45', e.message);
    throw e;
  }
}

/** zlib, as the specification requires (HCERT 4.2.1): an uncompressed payload is refused. */
export function inflateStage(bytes: Uint8Array): Uint8Array {
  try {
    return inflateSync(bytes, { maxOutputLength: MAX_INFLATED });
  } catch (e) {
    throw new HcertError('zlib', (e as Error).message);
  }
}

function asNumber(value: unknown): number | undefined {
  if (typeof value === 'number' && Number.isFinite(value)) return value;
  if (typeof value === 'bigint') return Number(value);
  return undefined;
}

/** The CWT claims of a COSE payload: issuer, issued at, expiry and the EU DCC. */
export function readClaims(payload: Uint8Array): Claims {
  let map: unknown;
  try {
    map = decodeCbor(payload);
  } catch (e) {
    throw new HcertError('cwt', `the payload is not CBOR: ${(e as Error).message}`);
  }
  if (!(map instanceof Map)) throw new HcertError('cwt', 'the payload is not a map of claims');
  const hcert = map.get(CLAIM_HCERT);
  const dcc = hcert instanceof Map ? hcert.get(HCERT_EU_DCC) : undefined;
  const issuedAt = asNumber(map.get(CLAIM_IAT));
  const expiresAt = asNumber(map.get(CLAIM_EXP));
  const issuer = map.get(CLAIM_ISS);
  if (dcc === undefined) throw new HcertError('cwt', 'no EU DCC under the hcert claim (-260, 1)');
  if (issuedAt === undefined) throw new HcertError('cwt', 'no issued-at time (claim 6)');
  if (expiresAt === undefined) throw new HcertError('cwt', 'no expiry time (claim 4)');
  let json: unknown;
  try {
    json = cborToJson(dcc);
  } catch (e) {
    // A date tag holding no date, or a value that refers to itself: refused before any signature is checked.
    throw new HcertError('cwt', `the health certificate cannot be read: ${(e as Error).message}`);
  }
  return { issuer: typeof issuer === 'string' ? issuer : '', issuedAt, expiresAt, dcc: json };
}

/** Every step from the HC1: text to the signed claims, without checking the signature. */
export function decodeHcert(text: string): DecodedHcert {
  const cose = parseCoseSign1(inflateStage(decodeBase45Stage(unprefix(text))));
  return { cose, kid: coseKid(cose), claims: readClaims(cose.payload) };
}
