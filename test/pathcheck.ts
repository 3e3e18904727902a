import { X509Certificate } from 'node:crypto';
import type { KeyObject } from 'node:crypto';
import type { Result } from '@pathcheck/dcc-sdk/lib/main.js';

/**
 * @pathcheck/dcc-sdk, an independent EU DCC implementation, for tests and the benchmark. Its trust registry
 * is global to the module and, for a kid it does not know, it fetches PathCheck's registry from GitHub:
 * callers give it only certificates whose signer they added here.
 */
const sdk = () => import('@pathcheck/dcc-sdk/lib/main.js');

/** A verifier trusting the given document signers. */
export async function pathcheckVerifier(signers: readonly { kid: string; der: Uint8Array }[]): Promise<(text: string) => Promise<Result>> {
  const { addCachedCerts, unpackAndVerify } = await sdk();
  addCachedCerts(Object.fromEntries(signers.map((s) => [s.kid, Buffer.from(s.der).toString('base64')])));
  return (text) => unpackAndVerify(text);
}

/** An HC1: text the SDK signs: issued now, valid `months`, the kid derived by the SDK from the signer's certificate. */
export async function pathcheckIssue(dcc: unknown, signer: { der: Uint8Array; privateKey: KeyObject }, months: number): Promise<string> {
  const { makeCWT, signAndPack } = await sdk();
  const certificatePem = new X509Certificate(signer.der).toString();
  const keyPem = signer.privateKey.export({ format: 'pem', type: 'pkcs8' }).toString();
  return signAndPack(await makeCWT(dcc, months, 'SE'), certificatePem, keyPem);
}
