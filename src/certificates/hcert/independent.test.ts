import { beforeAll, describe, expect, it } from 'vitest';
import { decodeHcert } from './codec.js';
import { encodeCbor } from './cbor.js';
import { pathcheckIssue, pathcheckVerifier } from '../../../test/pathcheck.js';
import { certificateKinds } from './kinds.js';
import { issue, packCose, sampleDcc, testCsca, trustList, type TestSigner } from '../../../test/hcert.js';
import { verifyHcert } from './verify.js';

/**
 * Certificates we issue verify in an independent implementation, @pathcheck/dcc-sdk 0.0.27 (its own CBOR,
 * COSE, zlib and base45), and what it issues verifies in ours.
 */
const now = new Date('2026-12-07T10:00:00Z');

let dsc: TestSigner;
let rotated: TestSigner;
let verify: Awaited<ReturnType<typeof pathcheckVerifier>>;

beforeAll(async () => {
  const csca = await testCsca(now);
  dsc = await csca.dsc(['vaccination', 'test', 'recovery']);
  rotated = await csca.dsc(['vaccination', 'test', 'recovery']);
  verify = await pathcheckVerifier([dsc, rotated]);
});

describe('@pathcheck/dcc-sdk verifies what we issue', () => {
  it.each(certificateKinds)('%s', async (kind) => {
    const text = issue(kind, '0001', now, dsc.signer);
    const result = await verify(text);
    expect(result.status).toBe('verified');
    // It read the same claims: issuer, times and the payload.
    const { claims } = decodeHcert(text);
    const contents = result.contents!;
    expect([contents.get(1), contents.get(4), contents.get(6)]).toEqual([claims.issuer, claims.expiresAt, claims.issuedAt]);
    expect((contents.get(-260) as Map<number, unknown>).get(1)).toEqual(claims.dcc);
  });

  it('with either signer after a rotation', async () => {
    expect((await verify(issue('test', '0002', now, dsc.signer))).status).toBe('verified');
    expect((await verify(issue('test', '0003', now, rotated.signer))).status).toBe('verified');
  });

  it('and refuses our certificate once its payload is altered', async () => {
    const { cose, claims } = decodeHcert(issue('vaccination', '0004', now, dsc.signer));
    const dcc = { ...(claims.dcc as object), dob: '1958-03-15' };
    const payload = encodeCbor(new Map<number, unknown>([[1, claims.issuer], [4, claims.expiresAt], [6, claims.issuedAt], [-260, new Map([[1, dcc]])]]));
    expect((await verify(packCose({ ...cose, payload }))).status).toBe('invalid_signature');
  });

  it('and refuses a certificate signed by another key under our kid', async () => {
    expect((await verify(issue('recovery', '0005', now, { kid: dsc.signer.kid, privateKey: rotated.signer.privateKey }))).status).toBe('invalid_signature');
  });
});

describe('we verify what @pathcheck/dcc-sdk issues', () => {
  it.each(certificateKinds)('%s', async (kind) => {
    // The SDK stamps the real time: the signer must be valid now.
    const today = new Date();
    const signer = await (await testCsca(today)).dsc([kind]);
    const dcc = sampleDcc(kind, '0006', today);
    const text = await pathcheckIssue(dcc, { der: signer.der, privateKey: signer.signer.privateKey }, 12);
    expect(Buffer.from(decodeHcert(text).kid!).toString('base64')).toBe(signer.kid);
    expect(verifyHcert(text, { now: new Date(), signersFor: trustList(signer.trusted) })).toMatchObject({ valid: true, kind, claims: { issuer: 'SE', dcc } });
  });
});
