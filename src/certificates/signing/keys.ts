import { join, resolve } from 'node:path';
import type { Config } from '../../platform/config.js';
import { KeyVault } from '../../platform/key-vault.js';
import { resolveSecret } from '../../platform/secrets.js';

/** The vault of the certificate signing keys: under CERTIFICATE_KEY, or `<dataDir>/certificate.key`. */
export const certificateKeyVault = (config: Pick<Config, 'certificateKey' | 'dataDir'>): KeyVault =>
  new KeyVault(resolveSecret(config.certificateKey, join(resolve(config.dataDir), 'certificate.key')), 'certificate-signing-keys');
