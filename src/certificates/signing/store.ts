import { X509Certificate } from 'node:crypto';
import type { z } from 'zod';
import { and, desc, eq, isNull, sql } from 'drizzle-orm';
import type { Db } from '../../platform/db/client.js';
import { queryRows, toIso } from '../../platform/db/sql.js';
import { AppError } from '../../platform/errors.js';
import { regions } from '../../identity/model.js';
import { certificateKinds } from '../hcert/kinds.js';
import type { TrustedSigner } from '../hcert/verify.js';
import { certificateSigners } from '../model.js';
import type { SignerView as SignerViewSchema } from '../views.js';
import type { KeyVault } from '../../platform/key-vault.js';
import { generateCsca, generateDsc, privateKeyOf } from './x509.js';

export const COUNTRY = 'SE';
/** A document signer signs for two years; the CSCA outlives every signer it makes. */
const DSC_YEARS = 2;
const CSCA_YEARS = 10;

type SignerRow = typeof certificateSigners.$inferSelect;

export interface ActiveSigner {
  kid: string;
  kidBytes: Buffer;
  privateKey: ReturnType<typeof privateKeyOf>;
  validTo: Date;
  issuerName: string;
}

async function organisationOf(tx: Db, regionId: string): Promise<string> {
  const [row] = await tx.select({ name: regions.name }).from(regions).where(eq(regions.id, regionId));
  return row?.name ?? `Region ${regionId}`;
}

const current = (tx: Db, regionId: string, role: 'csca' | 'dsc') =>
  tx
    .select()
    .from(certificateSigners)
    .where(and(eq(certificateSigners.regionId, regionId), eq(certificateSigners.role, role), isNull(certificateSigners.retiredAt), isNull(certificateSigners.revokedAt)))
    .orderBy(desc(certificateSigners.createdAt))
    .limit(1)
    .then((rows) => rows[0]);

/** Two instances making the region's first keys at once would collide on the unique index: take turns. */
const lockSigners = (tx: Db, regionId: string) => tx.execute(sql`SELECT pg_advisory_xact_lock(hashtext('certificates.signers'), hashtext(${regionId}))`);

async function ensureCsca(tx: Db, vault: KeyVault, regionId: string, now: Date): Promise<SignerRow> {
  const existing = await current(tx, regionId, 'csca');
  if (existing) return existing;
  const organisation = await organisationOf(tx, regionId);
  const csca = await generateCsca({ country: COUNTRY, organisation, now, years: CSCA_YEARS });
  const [row] = await tx
    .insert(certificateSigners)
    .values({
      regionId,
      role: 'csca',
      name: `${organisation} CSCA`,
      certificate: Buffer.from(csca.der).toString('base64'),
      encryptedKey: vault.seal(csca.privateKeyPkcs8),
      kinds: [...certificateKinds],
      validFrom: csca.validFrom.toISOString(),
      validTo: csca.validTo.toISOString(),
    })
    .returning();
  return row!;
}

async function createDsc(tx: Db, vault: KeyVault, regionId: string, now: Date): Promise<SignerRow> {
  const csca = await ensureCsca(tx, vault, regionId, now);
  const organisation = await organisationOf(tx, regionId);
  const [{ n }] = await queryRows<{ n: number }>(tx, sql`SELECT count(*)::int AS n FROM certificate_signers WHERE region_id = ${regionId} AND role = 'dsc'`) as [{ n: number }];
  const validTo = new Date(now);
  validTo.setUTCFullYear(validTo.getUTCFullYear() + DSC_YEARS);
  const cscaValidTo = new Date(csca.validTo);
  const dsc = await generateDsc({
    csca: { der: Buffer.from(csca.certificate, 'base64'), privateKey: privateKeyOf(vault.open(csca.encryptedKey)) },
    country: COUNTRY,
    organisation,
    name: `${organisation} DSC ${n + 1}`,
    kinds: certificateKinds,
    now,
    validTo: validTo < cscaValidTo ? validTo : cscaValidTo,
  });
  const [row] = await tx
    .insert(certificateSigners)
    .values({
      regionId,
      role: 'dsc',
      kid: dsc.kid,
      name: `${organisation} DSC ${n + 1}`,
      certificate: Buffer.from(dsc.der).toString('base64'),
      encryptedKey: vault.seal(dsc.privateKeyPkcs8),
      kinds: [...certificateKinds],
      validFrom: dsc.validFrom.toISOString(),
      validTo: dsc.validTo.toISOString(),
    })
    .returning();
  return row!;
}

/** The document signer that signs now; made (with the CSCA) on first use, and again when the last one ran out. */
export async function activeSigner(tx: Db, vault: KeyVault, regionId: string, now: Date): Promise<ActiveSigner> {
  let row = await current(tx, regionId, 'dsc');
  if (!row || new Date(row.validTo) <= now) {
    await lockSigners(tx, regionId);
    row = await current(tx, regionId, 'dsc');
    if (row && new Date(row.validTo) <= now) {
      await tx.update(certificateSigners).set({ retiredAt: now.toISOString() }).where(and(eq(certificateSigners.regionId, regionId), eq(certificateSigners.id, row.id)));
      row = undefined;
    }
    row ??= await createDsc(tx, vault, regionId, now);
  }
  return {
    kid: row.kid!,
    kidBytes: Buffer.from(row.kid!, 'base64'),
    privateKey: privateKeyOf(vault.open(row.encryptedKey)),
    validTo: new Date(row.validTo),
    issuerName: await organisationOf(tx, regionId),
  };
}

/** Retires the signing DSC and makes a new one; what the old one signed stays verifiable. */
export async function rotateSigner(tx: Db, vault: KeyVault, regionId: string, now: Date): Promise<SignerRow> {
  await lockSigners(tx, regionId);
  await tx
    .update(certificateSigners)
    .set({ retiredAt: now.toISOString() })
    .where(and(eq(certificateSigners.regionId, regionId), eq(certificateSigners.role, 'dsc'), isNull(certificateSigners.retiredAt), isNull(certificateSigners.revokedAt)));
  return createDsc(tx, vault, regionId, now);
}

/** Revokes a document signer: every certificate it signed is invalid from now on. */
export async function revokeSigner(tx: Db, regionId: string, kid: string, reason: string, now: Date): Promise<SignerRow> {
  const [row] = await tx
    .update(certificateSigners)
    .set({ revokedAt: now.toISOString(), revokedReason: reason })
    .where(and(eq(certificateSigners.regionId, regionId), eq(certificateSigners.role, 'dsc'), eq(certificateSigners.kid, kid), isNull(certificateSigners.revokedAt)))
    .returning();
  if (!row) throw new AppError('not-found', `kid: no signer of this region with kid ${kid} that is not already revoked`, 'kid');
  return row;
}

export type SignerView = z.infer<typeof SignerViewSchema>;

/** Every signer in this database (all regions: they are one country's), without their keys. */
export async function allSigners(tx: Db, regionId?: string): Promise<SignerView[]> {
  const rows = await tx
    .select()
    .from(certificateSigners)
    .where(regionId ? eq(certificateSigners.regionId, regionId) : undefined)
    .orderBy(certificateSigners.regionId, certificateSigners.createdAt);
  const iso = (ts: string | null) => (ts ? toIso(ts) : null);
  return rows.map(({ encryptedKey: _key, id: _id, kinds: _kinds, ...view }) => ({
    ...view,
    validFrom: toIso(view.validFrom),
    validTo: toIso(view.validTo),
    createdAt: toIso(view.createdAt),
    retiredAt: iso(view.retiredAt),
    revokedAt: iso(view.revokedAt),
  }));
}

/** The trust our own verifier uses: every document signer, revoked ones too (so it can say why). */
export async function trustedSigners(tx: Db): Promise<Map<string, TrustedSigner[]>> {
  const byKid = new Map<string, TrustedSigner[]>();
  for (const s of await allSigners(tx)) {
    if (s.role !== 'dsc' || !s.kid) continue;
    const list = byKid.get(s.kid) ?? [];
    list.push({ kid: s.kid, country: COUNTRY, certificate: new X509Certificate(Buffer.from(s.certificate, 'base64')), revokedAt: s.revokedAt ? new Date(s.revokedAt) : null });
    byKid.set(s.kid, list);
  }
  return byKid;
}
