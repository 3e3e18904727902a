import { createCipheriv, createDecipheriv, hkdfSync, randomBytes } from 'node:crypto';

/**
 * Private keys kept in the database, encrypted (AES-256-GCM) under a key the database does not hold: derived
 * from a secret outside it (platform/secrets.ts) and the purpose, so that one secret can wrap several kinds of
 * key without one ever opening another's. A copy of the database alone signs nothing.
 */
export class KeyVault {
  private readonly key: Buffer;

  constructor(secret: Buffer, purpose: string) {
    this.key = Buffer.from(hkdfSync('sha256', secret, 'lagesbild', purpose, 32));
  }

  /** base64 of iv ‖ tag ‖ ciphertext. */
  seal(plain: Uint8Array | string): string {
    const iv = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', this.key, iv);
    const body = Buffer.concat([cipher.update(typeof plain === 'string' ? Buffer.from(plain, 'utf8') : plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]).toString('base64');
  }

  /** Throws when the value was sealed under another key or for another purpose, or was altered. */
  open(sealed: string): Buffer {
    const bytes = Buffer.from(sealed, 'base64');
    const decipher = createDecipheriv('aes-256-gcm', this.key, bytes.subarray(0, 12));
    decipher.setAuthTag(bytes.subarray(12, 28));
    return Buffer.concat([decipher.update(bytes.subarray(28)), decipher.final()]);
  }
}
