import { randomBytes } from 'node:crypto';
import { text as say } from '../platform/text/index.js';
import type { Actor } from '../platform/auth/actor.js';
import { AppError } from '../platform/errors.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { addToOutbox } from '../platform/jobs/outbox.js';
import { encodeHcert } from './hcert/codec.js';
import type { CertificateKind } from './hcert/kinds.js';
import { recoveryDcc, testDcc, vaccinationDcc, type Dcc, type Holder } from './hcert/payload.js';
import { uciHash } from './hcert/revocation.js';
import { schemaProblem } from './hcert/schema.js';
import { makeUvci } from './hcert/uvci.js';
import { valueSetProblem } from './hcert/valuesets.js';
import { dosesOf, testsOf, type PersonFacts } from './facts.js';
import { certificateRequests, certificates } from './model.js';
import { decideRecovery, decideTest, decideVaccination, expiryOf, type Refusal, type Text } from './rules.js';
import type { KeyVault } from '../platform/key-vault.js';
import { certificateKeyVault } from './signing/keys.js';
import { activeSigner, COUNTRY } from './signing/store.js';

/** The outbox topic of the basis (underlag) each issued certificate gives the national issuer. */
export const CERTIFICATE_BASIS = 'certificates.basis';

const vaults = new WeakMap<object, KeyVault>();
/** The key vault of this configuration (CERTIFICATE_KEY or its file), opened once. */
export function vaultOf(ctx: AppContext): KeyVault {
  let vault = vaults.get(ctx.config);
  if (!vault) vaults.set(ctx.config, (vault = certificateKeyVault(ctx.config)));
  return vault;
}

type Draft = { kind: CertificateKind; dcc: (uci: string, issuer: string) => Dcc; validUntil?: string; sourceId: string };

/** What the rules say for this kind, from the person's recorded doses or tests. */
async function draftFor(tx: Db, regionId: string, personId: string, kind: CertificateKind, holder: Holder, now: Date): Promise<Draft | Refusal> {
  const issuance = (uci: string, issuer: string) => ({ country: COUNTRY, issuer, uci });
  if (kind === 'vaccination') {
    const d = decideVaccination(await dosesOf(tx, regionId, personId));
    if (d.outcome === 'refuse') return d;
    return { kind, sourceId: d.dose.id, dcc: (uci, issuer) => vaccinationDcc(holder, { ...d.codes, doseNumber: d.dose.doseNumber, seriesDoses: d.seriesDoses, date: d.date }, issuance(uci, issuer)) };
  }
  const tests = await testsOf(tx, regionId, personId);
  if (kind === 'test') {
    const d = decideTest(tests, now);
    if (d.outcome === 'refuse') return d;
    const source = tests.find((t) => t.id === d.test.id)!;
    return {
      kind,
      sourceId: d.test.id,
      dcc: (uci, issuer) => testDcc(holder, { testType: d.test.testType, result: d.test.result, sampledAt: d.test.takenAt, centre: source.centre ?? issuer, ...(source.method ? { testName: source.method.slice(0, 80) } : {}) }, issuance(uci, issuer)),
    };
  }
  const d = decideRecovery(tests, now);
  if (d.outcome === 'refuse') return d;
  return { kind, sourceId: d.test.id, validUntil: d.validUntil, dcc: (uci, issuer) => recoveryDcc(holder, d, issuance(uci, issuer)) };
}

export interface RequestInput {
  person: PersonFacts;
  kind: CertificateKind;
  paper: boolean;
  onBehalf: boolean;
  /** Set when the request needs a person: what is missing, in Swedish. */
  review?: { missing: string; note: string | null };
}

export type RequestOutcome =
  | { status: 'issued'; requestId: string; certificateId: string; uci: string }
  | { status: 'refused'; requestId: string; rule: string; reason: Text }
  | { status: 'queued'; requestId: string; missing: string };

const serial = (kind: CertificateKind) => kind[0]!.toUpperCase() + randomBytes(10).toString('hex').toUpperCase();

/**
 * One request, in the caller's transaction: queued for review, refused by a rule, or issued (signed with
 * the active document signer, stored, and its basis queued for the national issuer). Every outcome is a
 * request row, so the statistics count them all.
 */
export async function handleRequest(tx: Db, ctx: AppContext, actor: Actor, input: RequestInput): Promise<RequestOutcome> {
  const now = ctx.clock.now();
  const regionId = actor.regionId;
  const base = {
    regionId,
    personId: input.person.personId,
    kind: input.kind,
    paper: input.paper,
    requestedByKind: actor.kind === 'citizen' ? ('citizen' as const) : ('staff' as const),
    requestedBy: actor.id,
    onBehalf: input.onBehalf,
    note: input.review?.note ?? null,
    requestedAt: now.toISOString(),
  };
  if (input.review) {
    const [row] = await tx.insert(certificateRequests).values({ ...base, status: 'queued', missing: input.review.missing }).returning({ id: certificateRequests.id });
    return { status: 'queued', requestId: row!.id, missing: input.review.missing };
  }
  const draft = await draftFor(tx, regionId, input.person.personId, input.kind, input.person.holder, now);
  if ('outcome' in draft) {
    const [row] = await tx.insert(certificateRequests).values({ ...base, status: 'refused', rule: draft.rule }).returning({ id: certificateRequests.id });
    return { status: 'refused', requestId: row!.id, rule: draft.rule, reason: draft.reason };
  }
  const [request] = await tx.insert(certificateRequests).values({ ...base, status: 'issued' }).returning({ id: certificateRequests.id });
  const issued = await sign(tx, ctx, actor, request!.id, input, draft, now);
  return { status: 'issued', requestId: request!.id, ...issued };
}

/** Signs what a draft describes and stores it; the request row exists already (issued, or approved from the queue). */
export async function sign(tx: Db, ctx: AppContext, actor: Actor, requestId: string, input: Pick<RequestInput, 'person' | 'paper'>, draft: Draft, now: Date): Promise<{ certificateId: string; uci: string }> {
  const signer = await activeSigner(tx, vaultOf(ctx), actor.regionId, now);
  const uci = makeUvci(COUNTRY, `LB${actor.regionId}`, serial(draft.kind));
  const dcc = draft.dcc(uci, signer.issuerName);
  // What the register holds must fit the EU schema: a name with no letters ICAO can write (fnt empty), say.
  const problem = schemaProblem(dcc) ?? valueSetProblem(dcc);
  if (problem) {
    throw new AppError('conflict', say('certificates.recordDoesNotFit', { problem }), 'personId');
  }
  const expiresAt = new Date(Math.min(expiryOf(draft.kind, now, draft.validUntil).getTime(), signer.validTo.getTime()));
  const hc1 = encodeHcert(
    { issuer: COUNTRY, issuedAt: Math.floor(now.getTime() / 1000), expiresAt: Math.floor(expiresAt.getTime() / 1000), dcc },
    { kid: signer.kidBytes, privateKey: signer.privateKey },
  );
  const [row] = await tx
    .insert(certificates)
    .values({
      regionId: actor.regionId,
      requestId,
      personId: input.person.personId,
      kind: draft.kind,
      paper: input.paper,
      uci,
      uciHash: uciHash(uci),
      payload: dcc as unknown as Record<string, unknown>,
      hc1,
      kid: signer.kid,
      issuedAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
      issuedBy: actor.id,
    })
    .returning({ id: certificates.id });
  await addToOutbox(tx, { regionId: actor.regionId, topic: CERTIFICATE_BASIS, payload: { certificateId: row!.id }, idempotencyKey: `${CERTIFICATE_BASIS}:${row!.id}` });
  return { certificateId: row!.id, uci };
}

/** The draft for an approved request (the rules must allow it now: an approval records a judgement, it does not invent data). */
export async function draftForApproval(tx: Db, regionId: string, person: PersonFacts, kind: CertificateKind, now: Date) {
  return draftFor(tx, regionId, person.personId, kind, person.holder, now);
}
