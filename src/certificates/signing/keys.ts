import { createCipheriv, createDecipheriv, createHash, randomBytes } from 'node:crypto';
import { join, resolve } from 'node:path';
import type { Config } from '../../platform/config.js';
import { resolveSecret } from '../../platform/secrets.js';

/**
 * The signing keys' private halves are stored encrypted with AES-256-GCM under a key that is not in the
 * database: CERTIFICATE_KEY, or `<dataDir>/certificate.key`. A copy of the database alone signs nothing.
 */
export class KeyVault {
  private readonly key: Buffer;

  constructor(secret: Buffer) {
    this.key = createHash('sha256').update('lagesbild certificate signing keys\0').update(secret).digest();
  }

  static fromConfig(config: Pick<Config, 'certificateKey' | 'dataDir'>): KeyVault {
    return new KeyVault(resolveSecret(config.certificateKey, join(resolve(config.dataDir), 'certificate.key')));
  }

  seal(plain: Uint8Array): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** Throws when the stored key was sealed under another key or altered. */
  open(sealed: string): Buffer {
    const bytes = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  }
}
