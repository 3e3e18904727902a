import { constants, createPublicKey, sign, verify, type KeyObject } from 'node:crypto';
import { decodeCbor, encodeCbor, Tag } from './cbor.js';
import { HcertError } from './errors.js';

/** COSE header labels and algorithms (RFC 8152) that HCERT uses. */
export const ALG = 1;
export const KID = 4;
export const ES256 = -7;
export const PS256 = -37;
const COSE_SIGN1_TAG = 18;
/** RFC 8392: a CWT may be wrapped in the CWT tag before the COSE tag. */
const CWT_TAG = 61;

export interface CoseSign1 {
  protectedBytes: Uint8Array;
  protectedHeader: Map<unknown, unknown>;
  unprotectedHeader: Map<unknown, unknown>;
  payload: Uint8Array;
  signature: Uint8Array;
}

/** Reads a COSE_Sign1 (tag 18, in a CWT tag 61 or untagged, as issuers write it); any other structure is refused. */
export function parseCoseSign1(bytes: Uint8Array): CoseSign1 {
  let value: unknown;
  try {
    value = decodeCbor(bytes);
  } catch (e) {
    throw new HcertError('cose', `not CBOR: ${(e as Error).message}`);
  }
  if (value instanceof Tag && value.tag === CWT_TAG) value = value.value;
  if (value instanceof Tag) {
    if (value.tag !== COSE_SIGN1_TAG) throw new HcertError('cose', `CBOR tag ${value.tag} is not COSE_Sign1 (18)`);
    value = value.value;
  }
  if (!Array.isArray(value) || value.length !== 4) throw new HcertError('cose', 'a COSE_Sign1 is an array of four items');
  const [protectedBytes, unprotectedHeader, payload, signature] = value as unknown[];
  if (!(protectedBytes instanceof Uint8Array) || !(payload instanceof Uint8Array) || !(signature instanceof Uint8Array)) {
    throw new HcertError('cose', 'protected header, payload and signature must be byte strings');
  }
  if (!(unprotectedHeader instanceof Map)) throw new HcertError('cose', 'the unprotected header must be a map');
  let protectedHeader: unknown = new Map();
  if (protectedBytes.length > 0) {
    try {
      protectedHeader = decodeCbor(protectedBytes);
    } catch (e) {
      throw new HcertError('cose', `the protected header is not CBOR: ${(e as Error).message}`);
    }
  }
  if (!(protectedHeader instanceof Map)) throw new HcertError('cose', 'the protected header must be a map');
  return { protectedBytes, protectedHeader, unprotectedHeader, payload, signature };
}

/** The key id, from the protected header when it is there (HCERT 3.3.1), else the unprotected one. */
export function coseKid(cose: CoseSign1): Uint8Array | undefined {
  const kid = cose.protectedHeader.get(KID) ?? cose.unprotectedHeader.get(KID);
  return kid instanceof Uint8Array ? kid : undefined;
}

/** The bytes a COSE_Sign1 signature covers: Sig_structure with no external data. */
function toBeSigned(protectedBytes: Uint8Array, payload: Uint8Array): Uint8Array {
  return encodeCbor(['Signature1', protectedBytes, new Uint8Array(0), payload]);
}

/** Signs a payload with ES256 (P-256, raw r‖s signature as COSE wants it). */
export function signCoseSign1(payload: Uint8Array, kid: Uint8Array, privateKey: KeyObject): Uint8Array {
  const protectedBytes = encodeCbor(new Map<number, unknown>([[ALG, ES256], [KID, kid]]));
  const signature = sign('sha256', toBeSigned(protectedBytes, payload), { key: privateKey, dsaEncoding: 'ieee-p1363' });
  return encodeCbor(new Tag([protectedBytes, new Map(), payload, signature], COSE_SIGN1_TAG));
}

/** Checks the signature with the signer's public key; ES256 and PS256 are the algorithms HCERT allows. */
export function verifyCoseSignature(cose: CoseSign1, publicKey: KeyObject | string): boolean {
  const key = typeof publicKey === 'string' ? createPublicKey(publicKey) : publicKey;
  const data = toBeSigned(cose.protectedBytes, cose.payload);
  const alg = cose.protectedHeader.get(ALG) ?? cose.unprotectedHeader.get(ALG);
  try {
    // The signature's length follows the key's curve (a few issuers sign "ES256" with a P-384 key).
    if (alg === ES256) return key.asymmetricKeyType === 'ec' && verify('sha256', data, { key, dsaEncoding: 'ieee-p1363' }, cose.signature);
    if (alg === PS256) return key.asymmetricKeyType === 'rsa' && verify('sha256', data, { key, padding: constants.RSA_PKCS1_PSS_PADDING, saltLength: 32 }, cose.signature);
  } catch {
    return false;
  }
  return false;
}
