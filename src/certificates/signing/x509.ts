import 'reflect-metadata'; // @peculiar/x509 resolves its services through tsyringe, which needs it
import { createPrivateKey, webcrypto, type KeyObject } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import { kidOf } from '../hcert/kid.js';
import { USAGE_OID, type CertificateKind } from '../hcert/kinds.js';

x509.cryptoProvider.set(webcrypto as unknown as Crypto);

const EC_P256 = { name: 'ECDSA', namedCurve: 'P-256', hash: 'SHA-256' } as const;

export interface GeneratedKey {
  /** The certificate, DER. */
  der: Uint8Array;
  /** The private key, PKCS #8 DER (the caller encrypts it before it is stored). */
  privateKeyPkcs8: Uint8Array;
  validFrom: Date;
  validTo: Date;
}

const serial = () => Buffer.from(webcrypto.getRandomValues(new Uint8Array(16))).toString('hex').replace(/^[89a-f]/, '7');

async function keyPair() {
  return webcrypto.subtle.generateKey(EC_P256, true, ['sign', 'verify']) as Promise<CryptoKeyPair>;
}

async function exportPkcs8(key: CryptoKey): Promise<Uint8Array> {
  return new Uint8Array(await webcrypto.subtle.exportKey('pkcs8', key));
}

/** A country signing CA (CSCA): self-signed, a CA for document signers only (path length 0). */
export async function generateCsca(opts: { country: string; organisation: string; now: Date; years: number }): Promise<GeneratedKey> {
  const keys = await keyPair();
  const validTo = new Date(opts.now);
  validTo.setUTCFullYear(validTo.getUTCFullYear() + opts.years);
  const cert = await x509.X509CertificateGenerator.createSelfSigned({
    serialNumber: serial(),
    name: `C=${opts.country}, O=${opts.organisation}, CN=${opts.organisation} CSCA`,
    notBefore: opts.now,
    notAfter: validTo,
    signingAlgorithm: EC_P256,
    keys,
    extensions: [
      new x509.BasicConstraintsExtension(true, 0, true),
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.keyCertSign | x509.KeyUsageFlags.cRLSign, true),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  return { der: new Uint8Array(cert.rawData), privateKeyPkcs8: await exportPkcs8(keys.privateKey), validFrom: opts.now, validTo };
}

/**
 * A document signer (DSC) signed by the CSCA, with the extended key usages of the kinds it may sign
 * (HCERT annex A.4) and an authority key identifier matching the CSCA's subject key identifier (5).
 */
export async function generateDsc(opts: {
  csca: { der: Uint8Array; privateKey: KeyObject };
  country: string;
  organisation: string;
  name: string;
  kinds: readonly CertificateKind[];
  now: Date;
  validTo: Date;
}): Promise<GeneratedKey & { kid: string }> {
  const keys = await keyPair();
  const issuer = new x509.X509Certificate(Buffer.from(opts.csca.der));
  const signingKey = await webcrypto.subtle.importKey('pkcs8', opts.csca.privateKey.export({ format: 'der', type: 'pkcs8' }), EC_P256, false, ['sign']);
  const cert = await x509.X509CertificateGenerator.create({
    serialNumber: serial(),
    subject: `C=${opts.country}, O=${opts.organisation}, CN=${opts.name}`,
    issuer: issuer.subject,
    notBefore: opts.now,
    notAfter: opts.validTo,
    signingAlgorithm: EC_P256,
    publicKey: keys.publicKey,
    signingKey,
    extensions: [
      new x509.KeyUsagesExtension(x509.KeyUsageFlags.digitalSignature, true),
      new x509.ExtendedKeyUsageExtension(opts.kinds.map((k) => USAGE_OID[k]), false),
      await x509.AuthorityKeyIdentifierExtension.create(issuer, false),
      await x509.SubjectKeyIdentifierExtension.create(keys.publicKey),
    ],
  });
  const der = new Uint8Array(cert.rawData);
  return { der, kid: kidOf(der), privateKeyPkcs8: await exportPkcs8(keys.privateKey), validFrom: opts.now, validTo: opts.validTo };
}

export const privateKeyOf = (pkcs8: Uint8Array): KeyObject => createPrivateKey({ key: Buffer.from(pkcs8), format: 'der', type: 'pkcs8' });
