import { X509Certificate } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createContext } from '../app.js';
import { prepareDatabase } from '../cli/runtime.js';
import type { Config } from '../platform/config.js';
import { loadConfig } from '../platform/config.js';
import { failureTexts } from './hcert/errors.js';
import { readQrPng } from './hcert/qr.js';
import { verifyHcert, type TrustedSigner } from './hcert/verify.js';
import { verifyCertificate } from './verification.js';

type Result = Awaited<ReturnType<typeof verifyCertificate>>;

/** The HC1 text of the argument: the text itself, or the QR code in a PNG file. */
function hc1Of(input: string): string {
  if (input.trim().startsWith('HC1:')) return input.trim();
  let png: Buffer;
  try {
    png = readFileSync(input);
  } catch {
    return input; // neither a file nor HC1: the verifier says why (no prefix)
  }
  const text = readQrPng(png);
  if (!text) throw new Error(`Ingen QR-kod kunde läsas i ${input}. / No QR code could be read in ${input}.`);
  return text;
}

/** A trust list file in the DCC gateway's format (what /api/certificates/trust-list serves). */
function trustFromFile(file: string): Map<string, TrustedSigner[]> {
  const entries = JSON.parse(readFileSync(file, 'utf8')) as { kid: string; country: string; rawData: string }[];
  const byKid = new Map<string, TrustedSigner[]>();
  for (const e of entries) byKid.set(e.kid, [...(byKid.get(e.kid) ?? []), { kid: e.kid, country: e.country, certificate: new X509Certificate(Buffer.from(e.rawData, 'base64')) }]);
  return byKid;
}

/**
 * `lagesbild certificate verify HC1:…|FILE.png [--trust-list FILE]`: against this instance's signers and
 * revocation list, or offline against a trust-list file. Prints the verdict with its reason and the
 * content, Swedish first; exit code 1 when the certificate is not valid.
 */
export async function verifyCommand(input: string, overrides: Partial<Config>, trustList?: string): Promise<boolean> {
  const text = hc1Of(input);
  let result: Pick<Result, 'valid' | 'kind'> & { code?: string; reason?: { sv: string; en: string }; detail?: string; content?: unknown };
  if (trustList) {
    const trust = trustFromFile(trustList);
    const r = verifyHcert(text, { now: new Date(), signersFor: (kid) => trust.get(kid) ?? [] });
    result = r.valid ? { valid: true, kind: r.kind, content: r.claims.dcc } : { valid: false, kind: r.kind ?? null, code: r.code, reason: failureTexts[r.code], detail: r.detail, content: r.claims?.dcc };
  } else {
    const config = loadConfig(overrides);
    const database = await prepareDatabase(config);
    try {
      result = await verifyCertificate(createContext(database, config), { hc1: text });
    } finally {
      await database.close();
    }
  }
  if (result.valid) console.log(`GILTIGT: ${result.kind}\n  VALID: ${result.kind}`);
  else console.error(`INTE GILTIGT: ${result.reason?.sv} (${result.code})\n  NOT VALID: ${result.reason?.en}: ${result.detail}`);
  if (result.content) console.log(JSON.stringify(result.content, null, 2));
  return result.valid;
}
