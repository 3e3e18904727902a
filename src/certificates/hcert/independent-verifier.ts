import type { Result } from '@pathcheck/dcc-sdk/lib/main.js';

/**
 * @pathcheck/dcc-sdk as a verifier for tests and the benchmark, trusting the given document signers. Its
 * trust registry is global to the module and, for a kid it does not know, it fetches PathCheck's registry
 * from GitHub: callers give it only certificates whose signer they added here.
 */
export async function pathcheckVerifier(signers: readonly { kid: string; der: Uint8Array }[]): Promise<(text: string) => Promise<Result>> {
  const sdk = await import('@pathcheck/dcc-sdk/lib/main.js');
  sdk.addCachedCerts(Object.fromEntries(signers.map((s) => [s.kid, Buffer.from(s.der).toString('base64')])));
  return (text) => sdk.unpackAndVerify(text);
}
