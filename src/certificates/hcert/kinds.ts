/** The three kinds of EU DCC, by the group the payload carries: v (vaccination), t (test), r (recovery). */
export const certificateKinds = ['vaccination', 'test', 'recovery'] as const;
export type CertificateKind = (typeof certificateKinds)[number];

export const groupOf: Record<CertificateKind, 'v' | 't' | 'r'> = { vaccination: 'v', test: 't', recovery: 'r' };

export function kindOf(dcc: unknown): CertificateKind | undefined {
  if (!dcc || typeof dcc !== 'object') return undefined;
  const d = dcc as Record<string, unknown>;
  return certificateKinds.find((k) => Array.isArray(d[groupOf[k]]));
}

/** The entry of the payload's group (the schema allows exactly one). */
export function entryOf(dcc: unknown): Record<string, unknown> | undefined {
  const kind = kindOf(dcc);
  const group = kind && ((dcc as Record<string, unknown>)[groupOf[kind]] as unknown[]);
  const entry = group?.[0];
  return entry && typeof entry === 'object' ? (entry as Record<string, unknown>) : undefined;
}

/**
 * Extended key usage of a document signer (HCERT annex A.4). Both the specification's OIDs and the variant
 * with an extra `.0` that some countries' signers carry are understood, as the EU's reference verifiers do.
 */
const USAGE_OIDS: Record<CertificateKind, readonly string[]> = {
  test: ['1.3.6.1.4.1.1847.2021.1.1', '1.3.6.1.4.1.0.1847.2021.1.1'],
  vaccination: ['1.3.6.1.4.1.1847.2021.1.2', '1.3.6.1.4.1.0.1847.2021.1.2'],
  recovery: ['1.3.6.1.4.1.1847.2021.1.3', '1.3.6.1.4.1.0.1847.2021.1.3'],
};
export const USAGE_OID = { test: USAGE_OIDS.test[0]!, vaccination: USAGE_OIDS.vaccination[0]!, recovery: USAGE_OIDS.recovery[0]! };

/** A signer without DCC key usages may sign every kind; one with some may sign only those. */
export function signerMaySign(extendedKeyUsage: readonly string[] | undefined, kind: CertificateKind): boolean {
  const dccUsages = (extendedKeyUsage ?? []).filter((oid) => Object.values(USAGE_OIDS).some((oids) => oids.includes(oid)));
  return dccUsages.length === 0 || dccUsages.some((oid) => USAGE_OIDS[kind].includes(oid));
}
