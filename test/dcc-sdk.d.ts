/**
 * The part of @pathcheck/dcc-sdk 0.0.27 (an independent EU DCC implementation, a dev dependency) that the tests and
 * the benchmark use. Its ES module entry is imported: the package's CommonJS entry loads it through the `esm`
 * package, whose parser fails on the optional chaining in @peculiar/webcrypto under Node 20.
 */
declare module '@pathcheck/dcc-sdk/lib/main.js' {
  export type Status =
    | 'verified'
    | 'invalid_encoding'
    | 'invalid_compression'
    | 'invalid_signing_format'
    | 'kid_not_included'
    | 'issuer_not_trusted'
    | 'terminated_keys'
    | 'expired_keys'
    | 'revoked_keys'
    | 'invalid_signature';
  export interface Result {
    status: Status;
    /** The CWT claims as its cbor package decodes them (a Map with integer keys). */
    contents?: Map<number, unknown>;
  }
  /** kid (base64) → the document signer certificate, DER in base64 (no PEM armour). */
  export function addCachedCerts(certs: Record<string, string>): void;
  export function unpackAndVerify(uri: string, publicKeyPem?: string): Promise<Result>;
  /** The CWT claims: issued now, expiring in `monthsToExpire`, with the DCC under -260/1. */
  export function makeCWT(dcc: unknown, monthsToExpire?: number, issuer?: string): Promise<Map<number, unknown>>;
  /** Signs (ES256 for an EC certificate, kid from its DER), deflates and base45-encodes behind HC1:. */
  export function signAndPack(cwt: Map<number, unknown>, certificatePem: string, privateKeyPkcs8Pem: string): Promise<string>;
}
