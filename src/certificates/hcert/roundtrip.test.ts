import { createHash } from 'node:crypto';
import { inflateSync } from 'node:zlib';
import { PNG } from 'pngjs';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { decodeBase45, encodeBase45 } from './base45.js';
import { decodeHcert, encodeHcert } from './codec.js';
import { signCoseSign1 } from './cose.js';
import { decodeCbor, encodeCbor, Tag } from './cbor.js';
import { failureCodes, type FailureCode } from './errors.js';
import { certificateKinds, type CertificateKind } from './kinds.js';
import { readQrPng, qrPng } from './qr.js';
import { revocationHashes, uciHash } from './revocation.js';
import { schemaProblem } from './schema.js';
import { vaccinationDcc } from './payload.js';
import { claimsOf, holder, issue, packBytes, packCose, sampleDcc, sampleUci, testCsca, trustList, type TestCsca, type TestSigner } from '../../../test/hcert.js';
import { valueSetProblem } from './valuesets.js';
import { verifyHcert, type VerifyOptions } from './verify.js';

const now = new Date('2026-12-07T10:00:00Z');
const DAY = 86_400_000;

let csca: TestCsca;
let dsc: TestSigner;

beforeAll(async () => {
  csca = await testCsca(now);
  dsc = await csca.dsc(['vaccination', 'test', 'recovery']);
});

const options = (extra: Partial<VerifyOptions> = {}): VerifyOptions => ({ now, signersFor: trustList(dsc.trusted), ...extra });

describe('a certificate of each kind round-trips', () => {
  it.each(certificateKinds)('%s: issued, decoded, verified, valid by schema and value sets, and read back from its QR', async (kind) => {
    const dcc = sampleDcc(kind, '0001', now);
    expect(schemaProblem(dcc)).toBeNull();
    expect(valueSetProblem(dcc)).toBeNull();
    const text = encodeHcert(claimsOf(dcc, now), dsc.signer);
    expect(text).toMatch(/^HC1:[0-9A-Z $%*+\-./:]+$/);

    const decoded = decodeHcert(text);
    expect(Buffer.from(decoded.kid!).toString('base64')).toBe(dsc.kid);
    expect(decoded.claims).toEqual({ issuer: 'SE', issuedAt: now.getTime() / 1000, expiresAt: now.getTime() / 1000 + 365 * 86_400, dcc });

    const verification = verifyHcert(text, options());
    expect(verification).toMatchObject({ valid: true, kind, signer: { kid: dsc.kid }, claims: { dcc } });

    expect(readQrPng(await qrPng(text))).toBe(text);
  });

  it('has the container HCERT 1.3 prescribes: kid from the signer, ES256 in the protected header, tag 18, deterministic CBOR, zlib', () => {
    expect(dsc.kid).toBe(createHash('sha256').update(dsc.der).digest().subarray(0, 8).toString('base64'));
    const text = issue('test', '0013', now, dsc.signer);
    const zlib = decodeBase45(text.slice(4));
    expect(zlib[0]).toBe(0x78);
    const coseBytes = inflateSync(zlib);
    expect(coseBytes[0]).toBe(0xd2); // tag 18
    const { cose, claims } = decodeHcert(text);
    expect([...cose.protectedHeader]).toEqual([[1, -7], [4, dsc.signer.kid]]);
    expect(cose.unprotectedHeader.size).toBe(0);
    expect(cose.signature).toHaveLength(64);
    // Deterministic: the payload re-encodes to the same bytes, claims in the order 1, 4, 6, -260.
    const cwt = new Map<number, unknown>([[-260, new Map([[1, claims.dcc]])], [6, claims.issuedAt], [4, claims.expiresAt], [1, claims.issuer]]);
    expect(Buffer.from(encodeCbor(cwt)).equals(Buffer.from(cose.payload))).toBe(true);
    expect([...(decodeCbor(cose.payload) as Map<number, unknown>).keys()]).toEqual([1, 4, 6, -260]);
  });

  it('reads no QR code from an image without one, a cut-off PNG or bytes that are not a PNG', async () => {
    const white = new PNG({ width: 64, height: 64 });
    white.data.fill(0xff);
    expect(readQrPng(PNG.sync.write(white))).toBeNull();
    expect(readQrPng((await qrPng(vaccination())).subarray(0, 40))).toBeNull();
    expect(readQrPng(new TextEncoder().encode('HC1:not an image'))).toBeNull();
  });
});

/** A PNG of a few kB can declare 20,000 × 20,000 pixels: refused by its header, never decoded (the decoder is stubbed). */
it('refuses an image too large by its header without decoding it by its header without decoding it', () => {
  const header = Buffer.alloc(33);
  Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]).copy(header, 0);
  header.writeUInt32BE(13, 8);
  header.write('IHDR', 12, 'ascii');
  header.writeUInt32BE(20_000, 16);
  header.writeUInt32BE(20_000, 20);
  header[24] = 1; // bit depth 1, grey: a few kB of zlib would fill it
  const read = vi.spyOn(PNG.sync, 'read').mockImplementation(() => {
    throw new Error('decoded');
  });
  try {
    expect(readQrPng(header)).toBeNull();
    expect(read).not.toHaveBeenCalled();
  } finally {
    read.mockRestore();
  }
});

/** A certificate crafted to fail one way, the trust it is verified with, and the code verifyHcert must answer. */
interface Failure {
  name: string;
  code: FailureCode;
  make(): Promise<{ text: string; options?: Partial<VerifyOptions> }>;
}

const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
const hash128 = (data: Uint8Array | string) => createHash('sha256').update(data).digest().subarray(0, 16).toString('base64');
const vaccination = () => issue('vaccination', '0002', now, dsc.signer);
const vaccinationUci = () => sampleUci('vaccination', '0002');
/** The zlib bytes of a certificate (under its base45). */
const zlibOf = (text: string) => decodeBase45(text.slice(4));
const signed = (claims: Map<number, unknown>) => packBytes(signCoseSign1(encodeCbor(claims), dsc.signer.kid, dsc.signer.privateKey));
const issuedWith = (kind: CertificateKind, times: Parameters<typeof claimsOf>[2], signer = dsc.signer) => encodeHcert(claimsOf(sampleDcc(kind, '0003', now), now, times), signer);
function withoutDob(dcc: object) {
  const { dob: _, ...rest } = dcc as Record<string, unknown>;
  return rest;
}

const failures: Failure[] = [
  // Decoding, step by step
  { name: 'no HC1: prefix', code: 'prefix', make: async () => ({ text: vaccination().slice(4) }) },
  { name: 'another prefix', code: 'prefix', make: async () => ({ text: `HC2:${vaccination().slice(4)}` }) },
  { name: 'a character outside base45 (lower case)', code: 'base45', make: async () => ({ text: `${vaccination().slice(0, 30)}a${vaccination().slice(31)}` }) },
  { name: 'truncated base45 (one character left over)', code: 'base45', make: async () => ({ text: vaccination().slice(0, 4 + 3 * 20 + 1) }) },
  { name: 'a base45 group too large for two bytes', code: 'base45', make: async () => ({ text: `HC1:${vaccination().slice(4, 34)}:::` }) },
  { name: 'CBOR that is not deflated', code: 'zlib', make: async () => ({ text: `HC1:${encodeBase45(decodeHcert(vaccination()).cose.payload)}` }) },
  { name: 'truncated zlib', code: 'zlib', make: async () => ({ text: `HC1:${encodeBase45(zlibOf(vaccination()).subarray(0, 80))}` }) },
  { name: 'a zlib checksum that does not match', code: 'zlib', make: async () => ({ text: `HC1:${encodeBase45(flipLast(zlibOf(vaccination())))}` }) },
  { name: 'a COSE_Encrypt0 tag (16) instead of COSE_Sign1 (18)', code: 'cose', make: async () => ({ text: packCose(decodeHcert(vaccination()).cose, 16) }) },
  { name: 'a COSE_Sign1 of three items', code: 'cose', make: async () => ({ text: packBytes(encodeCbor(new Tag([new Uint8Array(), new Map(), new Uint8Array()], 18))) }) },
  { name: 'deflated bytes that are not CBOR', code: 'cose', make: async () => ({ text: packBytes(new Uint8Array([0xff, 0xff, 0x00])) }) },
  {
    name: 'no expiry claim',
    code: 'cwt',
    make: async () => ({ text: signed(new Map<number, unknown>([[1, 'SE'], [6, seconds(now)], [-260, new Map([[1, sampleDcc('test', '0004', now)]])]])) }),
  },
  { name: 'no hcert claim', code: 'cwt', make: async () => ({ text: signed(new Map<number, unknown>([[1, 'SE'], [4, seconds(now) + 86_400], [6, seconds(now)]])) }) },
  // Trust and signature
  { name: 'a kid not on the trust list', code: 'kid-unknown', make: async () => ({ text: vaccination(), options: { signersFor: trustList() } }) },
  { name: 'a signer of the same CSCA that is not on the trust list', code: 'kid-unknown', make: async () => ({ text: issue('test', '0005', now, (await csca.dsc(['test'])).signer) }) },
  {
    name: 'an altered payload (another date of birth under the original signature)',
    code: 'signature',
    make: async () => {
      const { cose, claims } = decodeHcert(vaccination());
      const dcc = { ...(claims.dcc as object), dob: '1958-03-15' };
      const payload = encodeCbor(new Map<number, unknown>([[1, claims.issuer], [4, claims.expiresAt], [6, claims.issuedAt], [-260, new Map([[1, dcc]])]]));
      return { text: packCose({ ...cose, payload }) };
    },
  },
  {
    name: 'another key under a trusted kid',
    code: 'signature',
    make: async () => ({ text: issue('vaccination', '0006', now, { kid: dsc.signer.kid, privateKey: (await csca.dsc(['vaccination'])).signer.privateKey }) }),
  },
  {
    name: 'a revoked signer',
    code: 'signer-revoked',
    make: async () => ({ text: vaccination(), options: { signersFor: trustList({ ...dsc.trusted, revokedAt: new Date(now.getTime() - DAY) }) } }),
  },
  // The fixture's signer became valid a day before `now`.
  { name: 'issued before the signer was valid', code: 'signer-not-valid', make: async () => ({ text: issuedWith('test', { issuedAt: new Date(now.getTime() - 2 * DAY) }) }) },
  {
    name: 'issued after the signer expired',
    code: 'signer-not-valid',
    make: async () => {
      const old = await csca.dsc(['test'], { from: new Date(now.getTime() - 20 * DAY), to: new Date(now.getTime() - 10 * DAY) });
      return { text: issuedWith('test', { issuedAt: new Date(now.getTime() - 5 * DAY) }, old.signer), options: { signersFor: trustList(old.trusted) } };
    },
  },
  {
    name: 'a vaccination signed by a signer whose extended key usage allows only tests',
    code: 'key-usage',
    make: async () => {
      const testOnly = await csca.dsc(['test']);
      return { text: issue('vaccination', '0007', now, testOnly.signer), options: { signersFor: trustList(testOnly.trusted) } };
    },
  },
  // The certificate's own times, revocation and content
  { name: 'expired a second ago', code: 'expired', make: async () => ({ text: issuedWith('test', { expiresAt: new Date(now.getTime() - 1000) }) }) },
  { name: 'issued beyond five minutes of clock skew in the future', code: 'not-yet-valid', make: async () => ({ text: issuedWith('test', { issuedAt: new Date(now.getTime() + 301_000) }) }) },
  { name: 'revoked by its UCI hash', code: 'revoked', make: async () => ({ text: vaccination(), options: { isRevoked: (h) => h.UCI === uciHash(vaccinationUci()) } }) },
  {
    name: 'revoked by its country and UCI hash',
    code: 'revoked',
    make: async () => ({ text: vaccination(), options: { isRevoked: (h) => h.COUNTRYCODEUCI === hash128(`SE${vaccinationUci()}`) } }),
  },
  {
    name: 'revoked by its signature hash (the r half of the ES256 signature)',
    code: 'revoked',
    make: async () => {
      const text = vaccination();
      return { text, options: { isRevoked: (h) => h.SIGNATURE === hash128(decodeHcert(text).cose.signature.subarray(0, 32)) } };
    },
  },
  { name: 'a payload against the schema (no date of birth)', code: 'schema', make: async () => ({ text: encodeHcert(claimsOf(withoutDob(sampleDcc('recovery', '0008', now)), now), dsc.signer) }) },
  { name: 'a payload with no v, t or r group', code: 'schema', make: async () => ({ text: encodeHcert(claimsOf({ ver: '1.3.0', nam: { fnt: 'A' }, dob: '' }, now), dsc.signer) }) },
];

function flipLast(bytes: Uint8Array): Uint8Array {
  const out = Uint8Array.from(bytes);
  out[out.length - 1]! ^= 0x01;
  return out;
}

describe('every failure of verifyHcert is reached by a crafted certificate', () => {
  it.each(failures)('$code: $name', async ({ code, make }) => {
    const { text, options: extra } = await make();
    const verification = verifyHcert(text, options(extra));
    expect(verification).toMatchObject({ valid: false, code });
    expect(verification.valid === false && verification.detail).toBeTruthy();
  });

  it('has a case for every failure code', () => expect(failureCodes.filter((c) => !failures.some((f) => f.code === c))).toEqual([]));

  it('is not revoked when the list holds other hashes', () => {
    const text = vaccination();
    const hashes = revocationHashes(decodeHcert(text).cose, decodeHcert(text).claims);
    expect(Object.keys(hashes).sort()).toEqual(['COUNTRYCODEUCI', 'SIGNATURE', 'UCI']);
    expect(verifyHcert(text, options({ isRevoked: (h) => h.UCI === uciHash('URN:UVCI:01:SE:LB19/V0099#X') }))).toMatchObject({ valid: true });
  });

  it('allows five minutes of clock skew on the issued-at time', () => {
    expect(verifyHcert(issuedWith('test', { issuedAt: new Date(now.getTime() + 300_000) }), options())).toMatchObject({ valid: true });
  });

  it('accepts a certificate in its last second', () => {
    expect(verifyHcert(issuedWith('test', { expiresAt: now }), options())).toMatchObject({ valid: true });
  });
});

/**
 * COUNTRYCODEUCI is the issuing country, the CWT issuer (claim 1), with the UCI (as the Corona-Warn-App computes
 * it), not the entry's `co`: they differ for a Swedish certificate of a dose given abroad.
 */
it('COUNTRYCODEUCI is the issuing country (CWT claim 1) with the UCI, also for a dose given abroad', () => {
  const uci = sampleUci('vaccination', '0012');
  const abroad = vaccinationDcc(holder, { vp: '1119349007', mp: 'EU/1/20/1528', ma: 'ORG-100030215', doseNumber: 1, seriesDoses: 2, date: '2026-11-01' }, { country: 'DK', issuer: 'Region Västmanland', uci });
  const text = encodeHcert(claimsOf(abroad, now), dsc.signer);
  expect(decodeHcert(text).claims.issuer).toBe('SE');
  expect(verifyHcert(text, options({ isRevoked: (h) => h.COUNTRYCODEUCI === hash128(`SE${uci}`) }))).toMatchObject({ valid: false, code: 'revoked' });
});

describe('key rotation', () => {
  it('keeps a certificate of the first signer valid after a second signer is added, and verifies both', async () => {
    const first = await csca.dsc(['vaccination', 'test', 'recovery']);
    const before = issue('recovery', '0009', now, first.signer);
    expect(verifyHcert(before, options({ signersFor: trustList(first.trusted) }))).toMatchObject({ valid: true, signer: { kid: first.kid } });

    const second = await csca.dsc(['vaccination', 'test', 'recovery']);
    const after = issue('recovery', '0010', now, second.signer);
    const rotated = options({ signersFor: trustList(first.trusted, second.trusted) });
    expect(verifyHcert(before, rotated)).toMatchObject({ valid: true, signer: { kid: first.kid } });
    expect(verifyHcert(after, rotated)).toMatchObject({ valid: true, signer: { kid: second.kid } });

    // Revoking the first signer invalidates its certificates only.
    const firstRevoked = options({ signersFor: trustList({ ...first.trusted, revokedAt: now }, second.trusted) });
    expect(verifyHcert(before, firstRevoked)).toMatchObject({ valid: false, code: 'signer-revoked' });
    expect(verifyHcert(after, firstRevoked)).toMatchObject({ valid: true });
  });

  it('tries every signer sharing a kid (HCERT 3.3.1) and uses the one whose key verifies', async () => {
    const other = await csca.dsc(['vaccination']);
    const impostor = { ...other.trusted, kid: dsc.kid };
    expect(verifyHcert(vaccination(), options({ signersFor: trustList(impostor, dsc.trusted) }))).toMatchObject({ valid: true, signer: { certificate: dsc.trusted.certificate } });
  });
});
