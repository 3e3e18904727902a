import { deflateSync, inflateSync } from 'node:zlib';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { decodeBase45, encodeBase45 } from './base45.js';
import { encodeCbor } from './cbor.js';
import { decodeHcert, PREFIX } from './codec.js';
import { failureCodes } from './errors.js';
import { issue, packBytes, packCose, testCsca, trustList } from '../../../test/hcert.js';
import { verifyHcert, type Verification, type VerifyOptions } from './verify.js';

/**
 * Property tests: whatever text reaches the verifier (random, random bytes behind HC1:, or a valid
 * certificate damaged at any stage), verifyHcert returns an answer and never throws; a failure carries one of
 * the known codes, and a damaged certificate is accepted only when it still says exactly what was signed.
 * About 1,100 cases in all, a few seconds.
 */
const now = new Date('2026-12-07T10:00:00Z');
const BASE45 = '0123456789ABCDEFGHIJKLMNOPQRSTUVWXYZ $%*+-./:';

let options: VerifyOptions;
let original: string;
let signedClaims: unknown;

beforeAll(async () => {
  const dsc = await (await testCsca(now)).dsc(['vaccination', 'test', 'recovery']);
  options = { now, signersFor: trustList(dsc.trusted), isRevoked: () => false };
  original = issue('vaccination', '0001', now, dsc.signer);
  signedClaims = decodeHcert(original).claims;
});

/** The property every input must hold. */
function holds(text: string): Verification {
  const verification = verifyHcert(text, options);
  if (verification.valid) expect(verification.claims).toEqual(signedClaims);
  else expect(failureCodes).toContain(verification.code);
  return verification;
}

/** One edit of a sequence: flip a bit, overwrite, insert, delete, or cut off the rest. */
type Edit = { op: 'flip' | 'set' | 'insert'; at: number; value: number } | { op: 'delete' | 'truncate'; at: number };
const edit: fc.Arbitrary<Edit> = fc.oneof(
  fc.record({ op: fc.constantFrom('flip' as const, 'set' as const, 'insert' as const), at: fc.nat(), value: fc.nat({ max: 255 }) }),
  fc.record({ op: fc.constantFrom('delete' as const, 'truncate' as const), at: fc.nat() }),
);
const edits = fc.array(edit, { minLength: 1, maxLength: 4 });

function applyEdits<T>(items: readonly T[], list: readonly Edit[], valueOf: (n: number, old: T | undefined) => T): T[] {
  const out = [...items];
  for (const e of list) {
    const at = out.length === 0 ? 0 : e.at % out.length;
    if (e.op === 'flip' || e.op === 'set') {
      if (out.length) out[at] = valueOf(e.op === 'flip' ? -1 - (e.value % 8) : e.value, out[at]);
    } else if (e.op === 'insert') out.splice(at, 0, valueOf(e.value, undefined));
    else if (e.op === 'delete') out.splice(at, 1);
    else out.length = at;
  }
  return out;
}

/** A negative value flips that bit (−1 → bit 0); else the value itself. */
const byteEdits = (bytes: Uint8Array, list: readonly Edit[]) =>
  Uint8Array.from(applyEdits([...bytes], list, (n, old) => (n < 0 ? (old ?? 0) ^ (1 << (-1 - n)) : n)));
/** Characters come mostly from the base45 alphabet, so that edits get past the first stage. */
const charEdits = (text: string, list: readonly Edit[]) =>
  applyEdits([...text], list, (n) => (n < 0 ? BASE45[(-n * 7) % 45]! : n < 200 ? BASE45[n % 45]! : String.fromCharCode(n))).join('');

/** Seeded, so that the suite gives the same answer on every run; FUZZ_SEED=<n> explores other cases. */
const seed = Number(process.env.FUZZ_SEED ?? 20_261_207);
const run = <T extends [unknown, ...unknown[]]>(property: fc.IProperty<T>, numRuns: number) => fc.assert(property, { numRuns, seed });

describe('verifyHcert never throws', () => {
  it('on random strings, bare and behind HC1:', () => {
    run(fc.property(fc.string({ maxLength: 300 }), (s) => void holds(s)), 100);
    run(fc.property(fc.string({ unit: fc.constantFrom(...BASE45), maxLength: 600 }), (s) => void holds(PREFIX + s)), 100);
  });

  it('on random bytes in base45 behind HC1:, raw and deflated', () => {
    run(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => void holds(PREFIX + encodeBase45(bytes))), 100);
    run(fc.property(fc.uint8Array({ maxLength: 400 }), (bytes) => void holds(packBytes(bytes))), 100);
  });

  it('on random CBOR in a COSE_Sign1 with a trusted kid', () => {
    const { cose } = decodeHcert(original);
    run(
      fc.property(fc.anything({ maxDepth: 3 }), fc.anything({ maxDepth: 3 }), (claims, dcc) => {
        for (const payload of [claims, new Map<number, unknown>([[1, 'SE'], [4, 2e9], [6, 1.7e9], [-260, new Map([[1, dcc]])]])]) {
          holds(packCose({ ...cose, payload: encodeCbor(payload) }));
        }
      }),
      100,
    );
  });

  it('on a valid certificate with characters flipped, inserted, deleted or cut off', () => {
    expect(holds(original)).toMatchObject({ valid: true });
    run(fc.property(edits, (list) => void holds(charEdits(original, list))), 200);
  });

  it('on a valid certificate whose zlib bytes are damaged', () => {
    const zlib = decodeBase45(original.slice(PREFIX.length));
    run(fc.property(edits, (list) => void holds(PREFIX + encodeBase45(byteEdits(zlib, list)))), 200);
  });

  it('on a valid certificate whose CBOR is damaged, the COSE structure or the signed payload inside it', () => {
    const coseBytes = inflateSync(decodeBase45(original.slice(PREFIX.length)));
    const { cose } = decodeHcert(original);
    run(fc.property(edits, (list) => void holds(PREFIX + encodeBase45(deflateSync(byteEdits(coseBytes, list))))), 150);
    run(fc.property(edits, (list) => void holds(packCose({ ...cose, payload: byteEdits(cose.payload, list) }))), 150);
  });
});

/**
 * Found by fuzzing: a payload can hold values the CBOR decoder turns into objects that are not JSON (a date
 * tag holding no date, a value containing itself). They must be refused as unreadable claims, not thrown.
 */
describe('payloads that cannot become JSON', () => {
  /** A COSE_Sign1 with a trusted kid whose DCC is the raw CBOR item `dcc` (the signature is not checked first). */
  const withDcc = (dcc: number[]) => {
    const { cose } = decodeHcert(original);
    const head = encodeCbor(new Map<number, unknown>([[1, 'SE'], [4, 2e9], [6, 1.7e9], [-260, new Map([[1, 0]])]]));
    // The hcert claim's last byte is the placeholder 0: put the crafted item there instead.
    return packCose({ ...cose, payload: Uint8Array.from([...head.subarray(0, head.length - 1), ...dcc]) });
  };
  const float64 = (n: number) => {
    const b = Buffer.alloc(8);
    b.writeDoubleBE(n);
    return [...b];
  };

  it('decodes the placeholder when the item is the plain integer 0', () => {
    expect(decodeHcert(withDcc([0x00])).claims.dcc).toBe(0);
    expect(holds(withDcc([0x00]))).toMatchObject({ valid: false, code: 'signature' });
  });

  it('a date string (tag 0) that is not a date', () => void holds(withDcc([0xc0, 0x63, 0x61, 0x62, 0x63])));
  it('an epoch date (tag 1) out of range', () => void holds(withDcc([0xc1, 0xfb, ...float64(1e300)])));
  it('a shared value (tags 28/29) that contains itself', () => void holds(withDcc([0xd8, 0x1c, 0x81, 0xd8, 0x1d, 0x00])));
});
