/** `lagesbild fhir register-client`: an operator registers a system client of the FHIR API with its public keys. */
import { existsSync, readFileSync } from 'node:fs';
import { createContext } from '../app.js';
import { prepareDatabase } from '../cli/runtime.js';
import type { Config } from '../platform/config.js';
import { invalid } from '../platform/errors.js';
import { registerClient } from './auth.js';

export async function registerClientCommand(config: Config, opts: { clientId: string; name: string; jwks: string; scopes: string }) {
  if (!existsSync(opts.jwks)) throw invalid('--jwks', `no such file: ${opts.jwks}`);
  let jwks: unknown;
  try {
    jwks = JSON.parse(readFileSync(opts.jwks, 'utf8'));
  } catch (e) {
    throw invalid('--jwks', `not JSON: ${(e as Error).message}`);
  }
  const database = await prepareDatabase(config);
  try {
    const client = await registerClient(createContext(database, config), { clientId: opts.clientId, name: opts.name, jwks, scopes: opts.scopes.split(/[\s,]+/).filter(Boolean) });
    console.log(`Klienten ${client.clientId} är registrerad i region ${client.regionId} (${client.scopes.join(' ')}).\n  Client ${client.clientId} is registered in region ${client.regionId} (${client.scopes.join(' ')}).`);
    return client;
  } finally {
    await database.close();
  }
}
