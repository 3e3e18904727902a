import { X509Certificate } from 'node:crypto';
import { deflateSync } from 'node:zlib';
import { generateCsca, generateDsc, privateKeyOf } from '../src/certificates/signing/x509.js';
import { encodeBase45 } from '../src/certificates/hcert/base45.js';
import { encodeCbor, Tag } from '../src/certificates/hcert/cbor.js';
import { encodeHcert, PREFIX, type Claims, type Signer } from '../src/certificates/hcert/codec.js';
import type { CoseSign1 } from '../src/certificates/hcert/cose.js';
import type { CertificateKind } from '../src/certificates/hcert/kinds.js';
import { recoveryDcc, testDcc, vaccinationDcc, type Holder } from '../src/certificates/hcert/payload.js';
import { makeUvci } from '../src/certificates/hcert/uvci.js';
import type { TrustedSigner, VerifyOptions } from '../src/certificates/hcert/verify.js';

/**
 * A throwaway issuer for the HCERT tests and the certificates benchmark: a CSCA, document signers made
 * with it, a trust list, and certificates of each kind. Nothing here is used by the application.
 */
export const COUNTRY = 'SE';
const DAY = 86_400_000;

export interface TestSigner {
  der: Uint8Array;
  /** The kid, base64, as the trust list keys it. */
  kid: string;
  signer: Signer;
  trusted: TrustedSigner;
}

export interface TestCsca {
  der: Uint8Array;
  /** A document signer for `kinds`, valid `from` … `to` (by default a day before `now` to two years after). */
  dsc(kinds: readonly CertificateKind[], validity?: { from?: Date; to?: Date }): Promise<TestSigner>;
}

export async function testCsca(now: Date): Promise<TestCsca> {
  const csca = await generateCsca({ country: COUNTRY, organisation: 'Lägesbild test', now: new Date(now.getTime() - 30 * DAY), years: 10 });
  let n = 0;
  return {
    der: csca.der,
    async dsc(kinds, validity = {}) {
      const dsc = await generateDsc({
        csca: { der: csca.der, privateKey: privateKeyOf(csca.privateKeyPkcs8) },
        country: COUNTRY,
        organisation: 'Lägesbild test',
        name: `Document signer ${++n}`,
        kinds,
        now: validity.from ?? new Date(now.getTime() - DAY),
        validTo: validity.to ?? new Date(now.getTime() + 730 * DAY),
      });
      return {
        der: dsc.der,
        kid: dsc.kid,
        signer: { kid: Buffer.from(dsc.kid, 'base64'), privateKey: privateKeyOf(dsc.privateKeyPkcs8) },
        trusted: { kid: dsc.kid, country: COUNTRY, certificate: new X509Certificate(dsc.der) },
      };
    },
  };
}

/** `signersFor` over an in-memory trust list, kid → signers (a kid may be shared). */
export function trustList(...signers: TrustedSigner[]): VerifyOptions['signersFor'] {
  const byKid = new Map<string, TrustedSigner[]>();
  for (const s of signers) byKid.set(s.kid, [...(byKid.get(s.kid) ?? []), s]);
  return (kid) => byKid.get(kid) ?? [];
}

export const holder: Holder = { familyName: 'Åström Öberg', givenName: 'Märta Éva', birthDate: '1958-03-14' };

export const sampleUci = (kind: CertificateKind, serial: string) => makeUvci(COUNTRY, 'LB19', `${kind[0]}${serial}`);

/** A payload of each kind that passes the schema and the value sets; `serial` makes its UCI unique. */
export function sampleDcc(kind: CertificateKind, serial: string, now: Date) {
  const issuance = { country: COUNTRY, issuer: 'Region Västmanland', uci: sampleUci(kind, serial) };
  const day = (daysAgo: number) => new Date(now.getTime() - daysAgo * DAY).toISOString().slice(0, 10);
  switch (kind) {
    case 'vaccination':
      return vaccinationDcc(holder, { vp: '1119349007', mp: 'EU/1/20/1528', ma: 'ORG-100030215', doseNumber: 2, seriesDoses: 2, date: day(20) }, issuance);
    case 'test':
      return testDcc(holder, { testType: 'antigen', result: 'negative', sampledAt: new Date(now.getTime() - 3_600_000), centre: 'Vårdcentralen Bäckby', device: '1232' }, issuance);
    case 'recovery':
      return recoveryDcc(holder, { firstPositive: day(30), validFrom: day(19), validUntil: day(-150) }, issuance);
  }
}

/** Claims around a payload: issued `now`, valid a year, unless the test says otherwise. */
export function claimsOf(dcc: unknown, now: Date, times: { issuedAt?: Date; expiresAt?: Date } = {}): Claims {
  const seconds = (d: Date) => Math.floor(d.getTime() / 1000);
  return { issuer: COUNTRY, issuedAt: seconds(times.issuedAt ?? now), expiresAt: seconds(times.expiresAt ?? new Date(now.getTime() + 365 * DAY)), dcc };
}

export const issue = (kind: CertificateKind, serial: string, now: Date, signer: Signer) => encodeHcert(claimsOf(sampleDcc(kind, serial, now), now), signer);

/** COSE_Sign1 bytes as they are (tag, headers, payload, signature), zlib and base45 behind HC1:, for crafted certificates. */
export function packCose(cose: Pick<CoseSign1, 'protectedBytes' | 'unprotectedHeader' | 'payload' | 'signature'>, tag = 18): string {
  return packBytes(encodeCbor(new Tag([cose.protectedBytes, cose.unprotectedHeader, cose.payload, cose.signature], tag)));
}

export const packBytes = (bytes: Uint8Array): string => PREFIX + encodeBase45(deflateSync(bytes));
