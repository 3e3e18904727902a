import { createHash, createPrivateKey, createPublicKey, generateKeyPairSync, sign, verify } from 'node:crypto';
import { KeyVault } from '../platform/key-vault.js';
import { eq } from 'drizzle-orm';
import { resolveAuditKey, stableJson } from '../platform/audit/signing.js';
import type { Config } from '../platform/config.js';
import type { Db } from '../platform/db/client.js';
import { reportingSigningKeys, reportingTrustedKeys } from './model.js';

/**
 * A region signs what it submits to the nation with its own Ed25519 key. The key pair is made on first use and
 * kept in the database with the private key encrypted (AES-256-GCM) under a key derived from the audit key,
 * which lives outside the database (AUDIT_KEY or the data dir): a copy of the database alone cannot sign.
 */

export const canonicalJson = stableJson;
export const digestOf = (v: unknown) => createHash('sha256').update(canonicalJson(v)).digest('hex');

/** The vault of this instance's reporting key, under the audit key (which lives outside the database). */
const vaultOf = (config: Pick<Config, 'auditKey' | 'dataDir'>) => new KeyVault(resolveAuditKey(config), 'reporting-signing-key');

export const keyIdOf = (publicKeyPem: string) => createHash('sha256').update(publicKeyPem.trim()).digest('hex').slice(0, 16);

export interface InstanceKey {
  keyId: string;
  publicKey: string;
  createdAt: string;
}

/**
 * This instance's key for a region, made on first use. When the instance is its own nation (no national
 * instance configured: one database holds everything), the key is trusted at once, as the operator of that
 * one database is the operator of both sides.
 */
export async function instanceKey(tx: Db, config: Config, regionId: string): Promise<InstanceKey & { privateKeyEncrypted: string }> {
  const [existing] = await tx.select().from(reportingSigningKeys).where(eq(reportingSigningKeys.regionId, regionId));
  if (existing) return existing;
  const pair = generateKeyPairSync('ed25519');
  const publicKey = pair.publicKey.export({ type: 'spki', format: 'pem' }).toString();
  const privatePem = pair.privateKey.export({ type: 'pkcs8', format: 'pem' }).toString();
  const keyId = keyIdOf(publicKey);
  await tx.insert(reportingSigningKeys).values({ regionId, keyId, publicKey, privateKeyEncrypted: vaultOf(config).seal(privatePem) }).onConflictDoNothing();
  const [row] = await tx.select().from(reportingSigningKeys).where(eq(reportingSigningKeys.regionId, regionId));
  if (!config.reportingNationalUrl) {
    await tx.insert(reportingTrustedKeys).values({ regionId, keyId: row!.keyId, publicKey: row!.publicKey, registeredBy: 'Lägesbild (same database)', registeredAt: new Date().toISOString() }).onConflictDoNothing();
  }
  return row!;
}

/** The signature (base64) over a document's canonical JSON, with the region's private key. */
export async function signDocument(tx: Db, config: Config, regionId: string, document: unknown): Promise<{ signature: string; keyId: string }> {
  const key = await instanceKey(tx, config, regionId);
  const privateKey = createPrivateKey(vaultOf(config).open(key.privateKeyEncrypted).toString('utf8'));
  return { signature: sign(null, Buffer.from(canonicalJson(document)), privateKey).toString('base64'), keyId: key.keyId };
}

/** Whether `signature` is the key's signature over the document's canonical JSON; false for any malformed input. */
export function verifyDocument(publicKeyPem: string, document: unknown, signature: string): boolean {
  try {
    return verify(null, Buffer.from(canonicalJson(document)), createPublicKey(publicKeyPem), Buffer.from(signature, 'base64'));
  } catch {
    return false;
  }
}

/** A public key as PEM, or null when it is not an Ed25519 public key. */
export function readPublicKey(pem: string): string | null {
  try {
    const key = createPublicKey(pem);
    return key.asymmetricKeyType === 'ed25519' ? key.export({ type: 'spki', format: 'pem' }).toString() : null;
  } catch {
    return null;
  }
}
