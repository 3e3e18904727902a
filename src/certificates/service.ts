import { and, desc, eq, inArray, sql } from 'drizzle-orm';
import { both, text as say } from '../platform/text/index.js';
import type { Actor } from '../platform/auth/actor.js';
import { personalDataScope } from '../platform/auth/permissions.js';
import { record, recordMany } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { resolveInRegion } from '../platform/db/resolve.js';
import { queryRows } from '../platform/db/sql.js';
import { AppError, conflict, notFound } from '../platform/errors.js';
import { formatIdentityNumber } from '../identity/identity-number.js';
import { childrenOf } from '../vaccination/people.js';
import type { CertificateKind } from './hcert/kinds.js';
import { personFacts, type PersonFacts } from './facts.js';
import { CERTIFICATE_BASIS, draftForApproval, handleRequest, sign, vaultOf, type RequestOutcome } from './issuance.js';
import { revokeSigner, rotateSigner } from './signing/store.js';
import { certificateRequests, certificates } from './model.js';
import { certificateView, requestView } from './views.js';

/** What a citizen can say is missing from their record; such a request goes to an administrator. */
export const missingReasons = {
  'dose-abroad': 'En dos given utomlands saknas i journalen',
  'other-region': 'Uppgifter finns i en annan region',
  'name-mismatch': 'Namnet stämmer inte med uppgifterna i journalen',
} as const;
export type MissingReason = keyof typeof missingReasons;

async function facts(tx: Db, regionId: string, personId: string): Promise<PersonFacts> {
  const person = await personFacts(tx, regionId, personId);
  if (!person) throw notFound(say('what.person'), 'personId');
  return person;
}

/** A citizen may act for themselves and for the children of their household (as in vaccination booking). */
async function citizenMayActFor(tx: Db, citizen: Actor, personId: string, now: Date): Promise<boolean> {
  return personId === citizen.id || (await childrenOf(tx, citizen.regionId, citizen.id, now)).includes(personId);
}

/**
 * A citizen asks for a certificate for themselves or a child. Issued at once when the rules allow; refused
 * with the rule's reason; queued for an administrator when the citizen says data is missing, or when the
 * person has no personnummer (a digital certificate needs one).
 */
export async function requestCertificate(ctx: AppContext, citizen: Actor, input: { kind: CertificateKind; personId?: string; missing?: MissingReason; note?: string }): Promise<RequestOutcome> {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const personId = input.personId ?? citizen.id;
    if (!(await citizenMayActFor(tx, citizen, personId, now))) throw new AppError('not-found', say('certificates.notYouOrChild'), 'personId');
    const person = await facts(tx, citizen.regionId, personId);
    const review = input.missing
      ? { missing: missingReasons[input.missing], note: input.note ?? null }
      : !person.identityKinds.includes('personnummer')
        ? { missing: 'Personen saknar personnummer: ett digitalt intyg kan inte utfärdas, men ett papperscertifikat kan', note: input.note ?? null }
        : undefined;
    const outcome = await handleRequest(tx, ctx, citizen, { person, kind: input.kind, paper: false, onBehalf: personId !== citizen.id, ...(review ? { review } : {}) });
    await record(tx, citizen, { action: 'certificates.request', personId, purpose: 'eget intyg', details: { kind: input.kind, status: outcome.status } });
    return outcome;
  });
}

/** The citizen's own and their children's certificates and recent requests. */
export async function myCertificates(ctx: AppContext, citizen: Actor) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const ids = [citizen.id, ...(await childrenOf(tx, citizen.regionId, citizen.id, now))];
    const people = await Promise.all(ids.map((id) => facts(tx, citizen.regionId, id)));
    const certs = await tx
      .select()
      .from(certificates)
      .where(and(eq(certificates.regionId, citizen.regionId), inArray(certificates.personId, ids)))
      .orderBy(desc(certificates.issuedAt));
    const requests = await tx
      .select()
      .from(certificateRequests)
      .where(and(eq(certificateRequests.regionId, citizen.regionId), inArray(certificateRequests.personId, ids)))
      .orderBy(desc(certificateRequests.requestedAt))
      .limit(50);
    await recordMany(tx, citizen, ids.map((personId) => ({ action: 'certificates.read', personId, purpose: 'eget intyg' })));
    return {
      people: people.map((p) => ({ personId: p.personId, name: p.name, self: p.personId === citizen.id })),
      certificates: certs.map((c) => certificateView(c, now)),
      requests: requests.map(requestView),
    };
  });
}

/** One certificate, for its holder (or their guardian) or an administrator. Audited. */
export async function getCertificate(ctx: AppContext, actor: Actor, id: string, purpose: string) {
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await readableCertificate(tx, ctx, actor, id);
    await record(tx, actor, { action: 'certificates.read', personId: row.personId, purpose, details: { certificateId: id } });
    const [basis] = await queryBasis(tx, row.regionId, row.id);
    return { ...certificateView(row, now), hc1: row.hc1, payload: row.payload, basis: basis ?? null };
  });
}

/** The certificate row, when this actor may see it: its holder or guardian, or staff of its region. */
async function readableCertificate(tx: Db, ctx: AppContext, actor: Actor, id: string) {
  const regionId = actor.kind === 'citizen' ? actor.regionId : personalDataScope(actor);
  const row = await resolveInRegion(tx, certificates, regionId, id, { field: 'id', what: 'The certificate' });
  if (actor.kind === 'citizen' && !(await citizenMayActFor(tx, actor, row.personId, ctx.clock.now()))) throw notFound(say('what.certificate'));
  return row;
}

const queryBasis = (tx: Db, regionId: string, certificateId: string) =>
  queryRows<{ status: string; deliveredAt: string | null; receipt: Record<string, unknown> | null }>(
    tx,
    sql`SELECT status, delivered_at AS "deliveredAt", receipt FROM outbox WHERE region_id = ${regionId} AND idempotency_key = ${`${CERTIFICATE_BASIS}:${certificateId}`}`,
  );

/** The administrators' queue: requests the rules could not decide, oldest first. */
export async function reviewQueue(ctx: AppContext, admin: Actor) {
  const regionId = personalDataScope(admin);
  return ctx.database.db.transaction(async (tx) => {
    const rows = await tx
      .select()
      .from(certificateRequests)
      .where(and(eq(certificateRequests.regionId, regionId), eq(certificateRequests.status, 'queued')))
      .orderBy(certificateRequests.requestedAt)
      .limit(200);
    const people = new Map<string, PersonFacts>();
    for (const id of new Set(rows.map((r) => r.personId))) people.set(id, await facts(tx, regionId, id));
    await recordMany(tx, admin, [...people.keys()].map((personId) => ({ action: 'certificates.queue.read', personId, purpose: 'handläggning av intyg' })));
    return rows.map((r) => {
      const p = people.get(r.personId)!;
      return { ...requestView(r), personId: r.personId, name: p.name, identityNumber: p.primaryIdentity ? formatIdentityNumber({ kind: p.primaryIdentity.kind, canonical: p.primaryIdentity.value }) : null };
    });
  });
}

/**
 * An administrator decides a queued request with a written reason. Approving issues the certificate from
 * what is recorded now (record the missing dose or test first); rejecting closes the request.
 */
export async function decideRequest(ctx: AppContext, admin: Actor, id: string, input: { decision: 'approve' | 'reject'; reason: string }) {
  const regionId = personalDataScope(admin);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const request = await resolveInRegion(tx, certificateRequests, regionId, id, { field: 'id', what: 'The request', forUpdate: true });
    if (request.status !== 'queued') throw conflict(say('certificates.requestAlready', { status: request.status }), 'id');
    const decided = { decidedBy: admin.id, decidedAt: now.toISOString(), decisionReason: input.reason };
    const where = and(eq(certificateRequests.regionId, regionId), eq(certificateRequests.id, id));
    await record(tx, admin, { action: `certificates.request.${input.decision}`, personId: request.personId, purpose: 'handläggning av intyg', details: { requestId: id, reason: input.reason } });
    if (input.decision === 'reject') {
      await tx.update(certificateRequests).set({ ...decided, status: 'rejected' }).where(where);
      return { status: 'rejected' as const, requestId: id };
    }
    const person = await facts(tx, regionId, request.personId);
    const draft = await draftForApproval(tx, regionId, person, request.kind, now);
    if ('outcome' in draft) {
      throw new AppError('conflict', say('certificates.rulesStillRefuse', { rule: draft.rule, reason: both(draft.reason.sv, draft.reason.en) }), 'decision');
    }
    await tx.update(certificateRequests).set({ ...decided, status: 'issued' }).where(where);
    const issued = await sign(tx, ctx, admin, id, { person, paper: request.paper }, draft, now);
    return { status: 'issued' as const, requestId: id, ...issued };
  });
}

/** A paper certificate, issued by an administrator for someone who cannot get a digital one (reservnummer, samordningsnummer). */
export async function issuePaper(ctx: AppContext, admin: Actor, input: { personId: string; kind: CertificateKind }): Promise<RequestOutcome> {
  const regionId = personalDataScope(admin);
  return ctx.database.db.transaction(async (tx) => {
    const person = await facts(tx, regionId, input.personId);
    const outcome = await handleRequest(tx, ctx, admin, { person, kind: input.kind, paper: true, onBehalf: false });
    await record(tx, admin, { action: 'certificates.paper', personId: person.personId, purpose: 'papperscertifikat', details: { kind: input.kind, status: outcome.status } });
    return outcome;
  });
}

/** Revokes one certificate: its UCI hash goes on the revocation list and verifiers refuse it. */
export async function revokeCertificate(ctx: AppContext, admin: Actor, id: string, reason: string) {
  const regionId = personalDataScope(admin);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const row = await resolveInRegion(tx, certificates, regionId, id, { field: 'id', what: 'The certificate', forUpdate: true });
    if (row.revokedAt) throw conflict(say('certificates.alreadyRevoked'), 'id');
    await tx.update(certificates).set({ revokedAt: now.toISOString(), revokedReason: reason }).where(and(eq(certificates.regionId, regionId), eq(certificates.id, id)));
    await record(tx, admin, { action: 'certificates.revoke', personId: row.personId, purpose: 'återkallelse av intyg', details: { certificateId: id, reason } });
    return { id, revokedAt: now.toISOString() };
  });
}

/** A person's certificates and requests, for an administrator (paper certificates are issued from here). */
export async function personCertificates(ctx: AppContext, admin: Actor, personId: string) {
  const regionId = personalDataScope(admin);
  const now = ctx.clock.now();
  return ctx.database.db.transaction(async (tx) => {
    const person = await facts(tx, regionId, personId);
    const certs = await tx.select().from(certificates).where(and(eq(certificates.regionId, regionId), eq(certificates.personId, person.personId))).orderBy(desc(certificates.issuedAt));
    const requests = await tx.select().from(certificateRequests).where(and(eq(certificateRequests.regionId, regionId), eq(certificateRequests.personId, person.personId))).orderBy(desc(certificateRequests.requestedAt)).limit(50);
    await record(tx, admin, { action: 'certificates.read', personId: person.personId, purpose: 'handläggning av intyg' });
    return {
      personId: person.personId,
      name: person.name,
      identityNumber: person.primaryIdentity ? formatIdentityNumber({ kind: person.primaryIdentity.kind, canonical: person.primaryIdentity.value }) : null,
      digitalPossible: person.identityKinds.includes('personnummer'),
      certificates: certs.map((c) => certificateView(c, now)),
      requests: requests.map(requestView),
    };
  });
}

/** A certificate's row for its QR code or PDF, for its holder, guardian or an administrator; the read is audited. */
export async function certificateFile(ctx: AppContext, actor: Actor, id: string, what: 'qr' | 'pdf') {
  return ctx.database.db.transaction(async (tx) => {
    const row = await readableCertificate(tx, ctx, actor, id);
    await record(tx, actor, { action: `certificates.${what}`, personId: row.personId, purpose: actor.kind === 'citizen' ? 'eget intyg' : 'handläggning av intyg', details: { certificateId: id } });
    return row;
  });
}

/** Retires the signing document signer and makes a new one. */
export async function rotateSigningKey(ctx: AppContext, admin: Actor) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await rotateSigner(tx, vaultOf(ctx), admin.regionId, ctx.clock.now());
    await record(tx, admin, { action: 'certificates.signer.rotate', purpose: 'nyckelhantering', details: { kid: row.kid } });
    return { kid: row.kid, name: row.name, validFrom: row.validFrom, validTo: row.validTo };
  });
}

/** Revokes one of the region's document signers: every certificate it signed becomes invalid. */
export async function revokeSigningKey(ctx: AppContext, admin: Actor, kid: string, reason: string) {
  return ctx.database.db.transaction(async (tx) => {
    const row = await revokeSigner(tx, admin.regionId, kid, reason, ctx.clock.now());
    await record(tx, admin, { action: 'certificates.signer.revoke', purpose: 'nyckelhantering', details: { kid: row.kid, reason } });
    return { kid: row.kid, revokedAt: row.revokedAt };
  });
}
