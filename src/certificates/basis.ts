import { randomUUID } from 'node:crypto';
import { and, eq } from 'drizzle-orm';
import type { Db } from '../platform/db/client.js';
import { PermanentError, webhookTransport, type OutboxMessage, type Transport } from '../platform/jobs/transports.js';
import { CERTIFICATE_BASIS } from './issuance.js';
import { certificates } from './model.js';

/**
 * The basis (underlag) for the national certificate issuer: in Sweden E-hälsomyndigheten signs from the
 * regions' data. Each issued certificate's payload goes through the outbox; the payload in the outbox is
 * only the certificate id, and the data is read when sent (so a revoked or corrected certificate is sent
 * as it is then). The receipt is kept on the outbox row and shown with the certificate.
 */
async function basisOf(tx: Db, m: OutboxMessage) {
  const id = String(m.payload.certificateId);
  const [c] = await tx.select().from(certificates).where(and(eq(certificates.regionId, m.regionId), eq(certificates.id, id)));
  if (!c) throw new PermanentError(`certificate ${id} does not exist`);
  return { uci: c.uci, kind: c.kind, issuedAt: c.issuedAt, expiresAt: c.expiresAt, paper: c.paper, revokedAt: c.revokedAt, payload: c.payload };
}

/** Without a national endpoint configured, the basis stays in Lägesbild and the receipt says so. */
export const embeddedBasisTransport: Transport = {
  name: 'embedded-certificate-basis',
  async send(m, tx) {
    const basis = await basisOf(tx, m);
    return { transport: 'embedded-certificate-basis', reference: randomUUID(), uci: basis.uci };
  },
};

/** POSTs `{ topic, regionId, payload: <the basis> }` to the national issuer's integration, with an Idempotency-Key. */
export function webhookBasisTransport(url: string): Transport {
  const hook = webhookTransport('certificate-basis', url);
  return {
    name: 'certificate-basis-webhook',
    async send(m, tx) {
      const basis = await basisOf(tx, m);
      return { ...(await hook.send({ ...m, topic: CERTIFICATE_BASIS, payload: basis as unknown as Record<string, unknown> }, tx)), uci: basis.uci };
    },
  };
}
