import { and, asc, desc, eq } from 'drizzle-orm';
import { z } from 'zod';
import type { Actor } from '../platform/auth/actor.js';
import type { Config } from '../platform/config.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { toIso } from '../platform/db/sql.js';
import { AppError, invalid, notFound } from '../platform/errors.js';
import { PermanentError, RetryableError, type OutboxMessage, type Transport } from '../platform/jobs/transports.js';
import { reportingReceived, reportingRefused, reportingRounds, reportingTrustedKeys } from './model.js';
import { organisationOf } from './organisations.js';
import { recordReceipt, REPORTING_SUBMISSION } from './returns.js';
import { digestOf, instanceKey, keyIdOf, readPublicKey, verifyDocument } from './signing.js';
import { AnswerValue } from './template.js';

/**
 * The national side of a submission: a region's signed document is verified against the key registered for
 * that region, checked against the round and its template version, stored, and answered with a receipt.
 * Whatever is refused is recorded. The document carries answers and initiatives only: no personal data.
 */

export const SubmissionDocument = z.object({
  kind: z.literal('lagesbild.reporting.submission'),
  format: z.literal(1),
  regionId: z.string().regex(/^\d{2}$/),
  roundId: z.guid(),
  organisation: z.string().max(40),
  submission: z.number().int().min(1),
  submittedAt: z.string().max(40),
  templateVersionId: z.guid(),
  templateDigest: z.string().regex(/^[0-9a-f]{64}$/),
  answers: z.array(z.object({ questionId: z.string().max(40), version: z.number().int().min(1), value: AnswerValue })).max(2000),
  initiatives: z.array(z.record(z.string(), z.unknown())).max(2000),
});
export type SubmissionDocument = z.infer<typeof SubmissionDocument>;

export interface SignedSubmission {
  document: unknown;
  signature: string;
  keyId: string;
}

export interface Receipt {
  receiptId: string;
  receivedAt: string;
  digest: string;
}

export class Refusal extends Error {
  constructor(
    readonly field: string,
    message: string,
    readonly regionId: string,
  ) {
    super(message);
  }
}

const claimedRegionOf = (document: unknown) => {
  const claimed = (document as { regionId?: unknown } | null)?.regionId;
  return typeof claimed === 'string' && /^\d{2}$/.test(claimed) ? claimed : '00';
};

/**
 * A signed document of the expected shape, its signature checked against the key registered for the region it
 * names. Verified over the document as sent, not as parsed: parsing must never make an altered document pass.
 */
export async function verifySigned<S extends z.ZodType<{ regionId: string }>>(tx: Db, signed: SignedSubmission, schema: S): Promise<z.infer<S>> {
  const parsed = schema.safeParse(signed.document);
  if (!parsed.success) throw new Refusal('document', `not a document of this kind (${parsed.error.issues[0]?.path.join('.')}: ${parsed.error.issues[0]?.message})`, claimedRegionOf(signed.document));
  const regionId = parsed.data.regionId;
  const [key] = await tx.select().from(reportingTrustedKeys).where(and(eq(reportingTrustedKeys.regionId, regionId), eq(reportingTrustedKeys.keyId, signed.keyId)));
  if (!key) throw new Refusal('keyId', `no key ${signed.keyId.slice(0, 16)} is registered for region ${regionId}`, regionId);
  if (!verifyDocument(key.publicKey, signed.document, signed.signature)) throw new Refusal('signature', 'the signature does not match the document (altered or forged)', regionId);
  return parsed.data;
}

/** Verifies and stores one submission in `tx`; a refusal is thrown as `Refusal` for the caller to record. */
async function accept(tx: Db, now: Date, signed: SignedSubmission): Promise<Receipt> {
  const doc = await verifySigned(tx, signed, SubmissionDocument);
  const [round] = await tx.select().from(reportingRounds).where(eq(reportingRounds.id, doc.roundId));
  if (!round) throw new Refusal('document.roundId', 'no such round', doc.regionId);
  const org = organisationOf(doc.organisation);
  if (!org || org.regionId !== doc.regionId || !round.organisations.includes(doc.organisation)) throw new Refusal('document.organisation', 'the organisation does not answer this round for this region', doc.regionId);
  if (doc.templateVersionId !== round.templateVersionId) throw new Refusal('document.templateVersionId', 'not the template version of the round', doc.regionId);
  const digest = digestOf(signed.document);
  const receivedAt = now.toISOString();
  const [row] = await tx
    .insert(reportingReceived)
    .values({ regionId: doc.regionId, roundId: doc.roundId, organisation: doc.organisation, submission: doc.submission, document: signed.document, signature: signed.signature, keyId: signed.keyId, digest, receivedAt })
    .onConflictDoNothing()
    .returning();
  if (row) return { receiptId: row.id, receivedAt: toIso(row.receivedAt), digest };
  // A resend of the same submission gets the same receipt; another document under the same number is refused.
  const [earlier] = await tx.select().from(reportingReceived).where(and(eq(reportingReceived.regionId, doc.regionId), eq(reportingReceived.roundId, doc.roundId), eq(reportingReceived.organisation, doc.organisation), eq(reportingReceived.submission, doc.submission)));
  if (earlier!.digest !== digest) throw new Refusal('document.submission', 'another document was received under this submission number', doc.regionId);
  return { receiptId: earlier!.id, receivedAt: toIso(earlier!.receivedAt), digest };
}

async function recordRefusal(ctx: AppContext, signed: SignedSubmission, r: Refusal) {
  await ctx.database.db.transaction((tx) => tx.insert(reportingRefused).values({ regionId: r.regionId, reason: `${r.field}: ${r.message}`, digest: digestOf(signed.document ?? null), receivedAt: ctx.clock.now().toISOString() }));
}

/** Accepts a signed document in the nation's database, or throws `Refusal`. */
export type Acceptor = (tx: Db, now: Date, signed: SignedSubmission) => Promise<Receipt>;

/** The national instance's inbox for one kind of signed document (POST from a region's outbox); refusals are recorded. */
export async function receiveSigned(ctx: AppContext, signed: SignedSubmission, acceptor: Acceptor = accept): Promise<Receipt> {
  if (!ctx.config.nationalInstance) throw new AppError('not-found', 'This instance is not the national one (LAGESBILD_NATIONAL)');
  try {
    return await ctx.database.db.transaction((tx) => acceptor(tx, ctx.clock.now(), signed));
  } catch (e) {
    if (!(e instanceof Refusal)) throw e;
    await recordRefusal(ctx, signed, e);
    throw new AppError('invalid', `${e.field}: ${e.message}`, e.field);
  }
}

export const receiveSubmission = (ctx: AppContext, signed: SignedSubmission) => receiveSigned(ctx, signed, accept);

/** Registers the public key a region showed (GET /api/reporting/key) as the one its submissions are signed with. */
export async function trustRegionKey(ctx: AppContext, actor: Actor, input: { regionId: string; publicKey: string }) {
  const pem = readPublicKey(input.publicKey);
  if (!pem) throw invalid('publicKey', 'not an Ed25519 public key in PEM');
  const keyId = keyIdOf(pem);
  await ctx.database.db.insert(reportingTrustedKeys).values({ regionId: input.regionId, keyId, publicKey: pem, registeredBy: actor.name, registeredAt: ctx.clock.now().toISOString() }).onConflictDoNothing();
  return { regionId: input.regionId, keyId };
}

export async function trustedKeys(ctx: AppContext) {
  const rows = await ctx.database.db.select().from(reportingTrustedKeys).orderBy(asc(reportingTrustedKeys.regionId), asc(reportingTrustedKeys.registeredAt));
  return { keys: rows.map((k) => ({ regionId: k.regionId, keyId: k.keyId, registeredBy: k.registeredBy, registeredAt: toIso(k.registeredAt) })) };
}

/** This instance's public key for the region, for the national analyst to register. */
export async function publicKeyOf(ctx: AppContext, actor: Actor) {
  const key = await ctx.database.db.transaction((tx) => instanceKey(tx, ctx.config, actor.regionId));
  return { regionId: actor.regionId, keyId: key.keyId, publicKey: key.publicKey };
}

/** What the nation received for a round, and what it refused, newest first. */
export async function receivedFor(ctx: AppContext, roundId: string) {
  const db = ctx.database.db;
  const [round] = await db.select({ id: reportingRounds.id }).from(reportingRounds).where(eq(reportingRounds.id, roundId));
  if (!round) throw notFound('The round');
  const rows = await db.select().from(reportingReceived).where(eq(reportingReceived.roundId, roundId)).orderBy(desc(reportingReceived.receivedAt));
  const refused = await db.select().from(reportingRefused).orderBy(desc(reportingRefused.receivedAt)).limit(50);
  return {
    received: rows.map((r) => ({ regionId: r.regionId, organisation: r.organisation, submission: r.submission, keyId: r.keyId, digest: r.digest, receivedAt: toIso(r.receivedAt) })),
    refused: refused.map((r) => ({ regionId: r.regionId, reason: r.reason, digest: r.digest, receivedAt: toIso(r.receivedAt) })),
  };
}

/** The latest accepted submission of every organisation of a round: what the national report is compiled from. */
export async function latestSubmissions(tx: Db, roundId: string): Promise<{ document: SubmissionDocument; receivedAt: string }[]> {
  const rows = await tx.select().from(reportingReceived).where(eq(reportingReceived.roundId, roundId)).orderBy(asc(reportingReceived.organisation), desc(reportingReceived.submission));
  const latest = new Map<string, (typeof rows)[number]>();
  for (const r of rows) if (!latest.has(r.organisation)) latest.set(r.organisation, r);
  return [...latest.values()].map((r) => ({ document: SubmissionDocument.parse(r.document), receivedAt: toIso(r.receivedAt) }));
}

/**
 * How a signed document leaves the region: POSTed to the national instance's inbox when one is configured, or,
 * when this database is the nation too, accepted in the worker's own transaction. Either way the receipt is
 * recorded on the region's side in that transaction.
 */
export function nationalTransport(config: Config, name: string, inbox: { path: string; accept: Acceptor; onReceipt: (tx: Db, document: unknown, receipt: Receipt) => Promise<void> }): Transport {
  const receiptOf = async (m: OutboxMessage, tx: Db): Promise<Receipt> => {
    const signed = m.payload as unknown as SignedSubmission;
    if (!config.reportingNationalUrl) {
      try {
        return await inbox.accept(tx, new Date(), signed);
      } catch (e) {
        if (e instanceof Refusal) throw new PermanentError(`${e.field}: ${e.message}`);
        throw e;
      }
    }
    let res: Response;
    try {
      res = await fetch(new URL(inbox.path, config.reportingNationalUrl), {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'idempotency-key': m.idempotencyKey },
        body: JSON.stringify(signed),
        signal: AbortSignal.timeout(10_000),
      });
    } catch (e) {
      throw new RetryableError(`national instance: ${(e as Error).message}`);
    }
    if (res.status >= 500 || res.status === 429) throw new RetryableError(`national instance: HTTP ${res.status}`);
    if (!res.ok) throw new PermanentError(`national instance refused the document: HTTP ${res.status} ${await res.text().catch(() => '')}`.trim());
    return (await res.json()) as Receipt;
  };
  return {
    name,
    async send(m, tx) {
      const receipt = await receiptOf(m, tx);
      await inbox.onReceipt(tx, (m.payload as { document: unknown }).document, receipt);
      return { transport: name, ...receipt };
    },
  };
}

/** Returns travel on `REPORTING_SUBMISSION` to the national inbox for submissions. */
export const submissionTransport = (config: Config): Transport =>
  nationalTransport(config, 'reporting-national', {
    path: '/api/reporting/national/submissions',
    accept,
    onReceipt: (tx, document, receipt) => {
      const doc = document as SubmissionDocument;
      return recordReceipt(tx, doc.regionId, doc.roundId, doc.organisation, doc.submission, receipt);
    },
  });

export { REPORTING_SUBMISSION };
