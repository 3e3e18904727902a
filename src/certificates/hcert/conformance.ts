import { X509Certificate } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { decodeBase45Stage, inflateStage, readClaims, unprefix } from './codec.js';
import { coseKid, parseCoseSign1, verifyCoseSignature } from './cose.js';
import { kidOf } from './kid.js';
import { kindOf, signerMaySign } from './kinds.js';
import { readQrPng } from './qr.js';
import { referenceFile } from './reference.js';
import { schemaProblem } from './schema.js';

/**
 * The EU's DCC test vectors (reference/dcc/dcc-testdata) and what each of their expected results means,
 * as our decoder and verifier answer it. Each check runs on the vector's own input for that stage, as the
 * test-data repository defines them.
 */
export interface Vector {
  JSON?: unknown;
  CBOR?: string;
  COSE?: string;
  COMPRESSED?: string;
  BASE45?: string;
  PREFIX?: string;
  '2DCODE'?: string;
  TESTCTX?: { CERTIFICATE?: string; VALIDATIONCLOCK?: string; SCHEMA?: string };
  EXPECTEDRESULTS?: Record<string, boolean>;
}

export const vectorDir = referenceFile('dcc-testdata');
export const vectors = readdirSync(vectorDir)
  .filter((f) => f.endsWith('.json'))
  .sort()
  .map((file) => {
    try {
      return { file, vector: JSON.parse(readFileSync(`${vectorDir}/${file}`, 'utf8')) as Vector };
    } catch {
      return { file, vector: undefined };
    }
  });

const hex = (s: string | undefined) => Buffer.from(s ?? '', 'hex');
const passes = (check: () => unknown): boolean => {
  try {
    return check() !== false;
  } catch (e) {
    if (e instanceof Error) return false;
    throw e;
  }
};
const sameBytes = (a: Uint8Array, b: Uint8Array) => Buffer.compare(Buffer.from(a), Buffer.from(b)) === 0;
const certificateOf = (v: Vector) => new X509Certificate(Buffer.from(v.TESTCTX!.CERTIFICATE!, 'base64'));
// A vector may leave out a stage's bytes (some have no COMPRESSED or COSE): then they come from the stage before.
const base45Of = (v: Vector) => v.BASE45 ?? unprefix(v.PREFIX ?? '');
const compressedOf = (v: Vector) => (v.COMPRESSED ? hex(v.COMPRESSED) : decodeBase45Stage(base45Of(v)));
const coseOf = (v: Vector) => (v.COSE ? hex(v.COSE) : inflateStage(compressedOf(v)));
const claimsOf = (v: Vector) => readClaims(parseCoseSign1(coseOf(v)).payload);
const decodedDcc = (v: Vector) => claimsOf(v).dcc;
/** A date-time string as its instant, so that "…T14:34:56+02:00" equals "…T12:34:56Z". */
const instantOrText = (s: string) => (/^\d{4}-\d\d-\d\dT/.test(s) && !Number.isNaN(Date.parse(s)) ? new Date(s).toISOString() : s);

/** A vector that sets a check but lacks its input (25 French vectors expect a picture decode and carry no picture). */
export const NOT_APPLICABLE = 'not applicable';

/** What each expected result means, as our code answers it. */
export const checks: Record<string, (v: Vector) => boolean | typeof NOT_APPLICABLE> = {
  EXPECTEDUNPREFIX: (v) => passes(() => unprefix(v.PREFIX ?? '') === v.BASE45),
  EXPECTEDB45DECODE: (v) => passes(() => !v.COMPRESSED || sameBytes(decodeBase45Stage(base45Of(v)), hex(v.COMPRESSED))),
  EXPECTEDCOMPRESSION: (v) => passes(() => !v.COSE || sameBytes(inflateStage(compressedOf(v)), hex(v.COSE))),
  EXPECTEDPICTUREDECODE: (v) => (v['2DCODE'] ? readQrPng(Buffer.from(v['2DCODE'], 'base64')) === v.PREFIX : NOT_APPLICABLE),
  EXPECTEDVERIFY: (v) =>
    passes(() => {
      const cose = parseCoseSign1(coseOf(v));
      const kid = coseKid(cose);
      return !!kid && Buffer.from(kid).toString('base64') === kidOf(certificateOf(v).raw) && verifyCoseSignature(cose, certificateOf(v).publicKey);
    }),
  EXPECTEDDECODE: (v) => passes(() => JSON.stringify(sortKeys(decodedDcc(v))) === JSON.stringify(sortKeys(v.JSON))),
  EXPECTEDVALIDJSON: (v) => passes(() => typeof JSON.parse(JSON.stringify(decodedDcc(v))) === 'object'),
  EXPECTEDSCHEMAVALIDATION: (v) => schemaProblem(v.JSON) === null,
  EXPECTEDEXPIRATIONCHECK: (v) =>
    passes(() => {
      const claims = claimsOf(v);
      const clock = Date.parse(v.TESTCTX!.VALIDATIONCLOCK!) / 1000;
      const signer = certificateOf(v);
      return claims.issuedAt <= clock && claims.expiresAt >= clock && Date.parse(signer.validTo) / 1000 >= clock;
    }),
  EXPECTEDKEYUSAGE: (v) => passes(() => signerMaySign(certificateOf(v).keyUsage, kindOf(decodedDcc(v))!)),
};

function sortKeys(value: unknown): unknown {
  if (typeof value === 'string') return instantOrText(value);
  if (Array.isArray(value)) return value.map(sortKeys);
  if (value && typeof value === 'object') return Object.fromEntries(Object.keys(value).sort().map((k) => [k, sortKeys((value as Record<string, unknown>)[k])]));
  return value;
}


/** The checks of one vector whose outcome differs from what the vector expects (inapplicable ones left out). */
export function disagreementsOf(vector: Vector): string[] {
  const out: string[] = [];
  for (const [check, expected] of Object.entries(vector.EXPECTEDRESULTS ?? {})) {
    const outcome = checks[check]?.(vector);
    if (outcome !== undefined && outcome !== NOT_APPLICABLE && outcome !== expected) out.push(check);
  }
  return out;
}
