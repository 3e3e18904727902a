import { createHash, sign as signData } from 'node:crypto';
import { text as say } from '../platform/text/index.js';
import { and, eq, isNotNull } from 'drizzle-orm';
import { decodeHcert } from './hcert/codec.js';
import { uciHash } from './hcert/revocation.js';
import type { AppContext } from '../platform/context.js';
import { invalid } from '../platform/errors.js';
import { failureTexts } from './hcert/errors.js';
import { entryOf } from './hcert/kinds.js';
import { readQrPng } from './hcert/qr.js';
import { displayOf } from './hcert/valuesets.js';
import { verifyHcert } from './hcert/verify.js';
import { vaultOf } from './issuance.js';
import { certificateSigners, certificates } from './model.js';
import { allSigners, COUNTRY, trustedSigners } from './signing/store.js';
import { privateKeyOf } from './signing/x509.js';

/**
 * Verification for anyone (no login): an HC1 text or a photo of the QR code, checked against every
 * document signer of this database and the revocation list. The answer says valid or not, why, and what
 * the certificate says, so the person checking can compare it with an identity document.
 */
export async function verifyCertificate(ctx: AppContext, input: { hc1?: string; image?: string }) {
  let text = input.hc1;
  if (!text && input.image) {
    text = readQrPng(Buffer.from(input.image, 'base64')) ?? undefined;
    if (!text) throw invalid('image', say('certificates.noQr'));
  }
  if (!text) throw invalid('hc1', say('certificates.hc1OrImage'));
  const db = ctx.database.db;
  // Only this certificate's UCI hash is looked up on the revocation list, not the whole list.
  const uci = uciOf(text);
  const [signers, revoked] = await Promise.all([
    trustedSigners(db),
    uci ? db.select({ hash: certificates.uciHash }).from(certificates).where(and(eq(certificates.uciHash, uciHash(uci)), isNotNull(certificates.revokedAt))) : [],
  ]);
  const revokedHashes = new Set(revoked.map((r) => r.hash));
  const result = verifyHcert(text, { now: ctx.clock.now(), signersFor: (kid) => signers.get(kid) ?? [], isRevoked: (h) => !!h.UCI && revokedHashes.has(h.UCI) });
  const claims = result.claims;
  const content = claims ? describe(claims.dcc) : null;
  const times = claims ? { issuedAt: new Date(claims.issuedAt * 1000).toISOString(), expiresAt: new Date(claims.expiresAt * 1000).toISOString(), issuerCountry: claims.issuer } : null;
  if (result.valid) return { valid: true as const, kind: result.kind, signer: { kid: result.signer.kid }, ...times, content };
  return { valid: false as const, code: result.code, reason: failureTexts[result.code], detail: result.detail, kind: result.kind ?? null, ...times, content };
}

/** The certificate identifier in a text, when it decodes at all (the verifier says why when it does not). */
function uciOf(text: string): string | undefined {
  try {
    const ci = entryOf(decodeHcert(text).claims.dcc)?.ci;
    return typeof ci === 'string' ? ci : undefined;
  } catch {
    return undefined;
  }
}

/** The decoded certificate in words: name, birth date, and the entry's fields with the value sets' names. */
function describe(dcc: unknown) {
  const d = (dcc ?? {}) as { nam?: { fn?: string; gn?: string; fnt?: string; gnt?: string }; dob?: string };
  const e = entryOf(dcc) ?? {};
  const str = (v: unknown) => (typeof v === 'string' || typeof v === 'number' ? String(v) : null);
  return {
    name: [d.nam?.gn, d.nam?.fn].filter(Boolean).join(' ') || [d.nam?.gnt, d.nam?.fnt].filter(Boolean).join(' ') || null,
    dateOfBirth: str(d.dob),
    disease: e.tg ? displayOf('disease', e.tg) : null,
    vaccine: e.mp ? displayOf('product', e.mp) : null,
    manufacturer: e.ma ? displayOf(e.tt ? 'testDevice' : 'manufacturer', e.ma) : null,
    dose: e.dn !== undefined ? `${str(e.dn)}/${str(e.sd)}` : null,
    vaccinationDate: str(e.dt),
    testType: e.tt ? displayOf('testType', e.tt) : null,
    testResult: e.tr ? displayOf('testResult', e.tr) : null,
    sampledAt: str(e.sc),
    testCentre: str(e.tc),
    firstPositive: str(e.fr),
    validFrom: str(e.df),
    validUntil: str(e.du),
    country: e.co ? displayOf('country', e.co) : null,
    issuer: str(e.is),
    uci: str(e.ci),
  };
}

/**
 * The trust list in the DCC gateway's format (`/trustList/DSC`): each document signer that is not revoked,
 * with its kid, country, DER (rawData), SHA-256 thumbprint and a signature over the DER by its region's
 * CSCA (the gateway signs with an upload certificate in CMS; here the CSCA's raw ECDSA signature).
 */
export async function trustList(ctx: AppContext, role: 'dsc' | 'csca') {
  const db = ctx.database.db;
  const vault = vaultOf(ctx);
  const rows = await db.select().from(certificateSigners).where(eq(certificateSigners.role, 'csca'));
  const cscaKeyOf = new Map(rows.filter((r) => !r.retiredAt && !r.revokedAt).map((r) => [r.regionId, r]));
  const signers = (await allSigners(db)).filter((s) => s.role === role && !s.revokedAt);
  return signers.map((s) => {
    const der = Buffer.from(s.certificate, 'base64');
    const csca = cscaKeyOf.get(s.regionId);
    return {
      kid: s.kid ?? createHash('sha256').update(der).digest().subarray(0, 8).toString('base64'),
      timestamp: s.createdAt,
      country: COUNTRY,
      certificateType: role.toUpperCase(),
      thumbprint: createHash('sha256').update(der).digest('hex'),
      signature: csca ? signData('sha256', der, { key: privateKeyOf(vault.open(csca.encryptedKey)), dsaEncoding: 'ieee-p1363' }).toString('base64') : null,
      rawData: s.certificate,
    };
  });
}

/** The revocation list: UCI hashes (SHA-256, first 128 bits, base64) of every revoked certificate. */
export async function revocationList(ctx: AppContext) {
  const rows = await ctx.database.db
    .select({ hash: certificates.uciHash, revokedAt: certificates.revokedAt })
    .from(certificates)
    .where(isNotNull(certificates.revokedAt));
  return { hashType: 'UCI', country: COUNTRY, entries: rows.map((r) => ({ hash: r.hash, revokedAt: r.revokedAt })) };
}
