import { toIso } from '../platform/db/sql.js';
import type { certificateRequests, certificates } from './model.js';

const iso = (ts: string | null) => (ts ? toIso(ts) : null);

export function certificateView(c: typeof certificates.$inferSelect, now: Date) {
  const expiresAt = toIso(c.expiresAt);
  return {
    id: c.id,
    personId: c.personId,
    kind: c.kind,
    paper: c.paper,
    uci: c.uci,
    issuedAt: toIso(c.issuedAt),
    expiresAt,
    revokedAt: iso(c.revokedAt),
    status: c.revokedAt ? ('revoked' as const) : Date.parse(expiresAt) < now.getTime() ? ('expired' as const) : ('valid' as const),
  };
}

export function requestView(r: typeof certificateRequests.$inferSelect) {
  return {
    id: r.id,
    personId: r.personId,
    kind: r.kind,
    paper: r.paper,
    status: r.status,
    rule: r.rule,
    missing: r.missing,
    note: r.note,
    onBehalf: r.onBehalf,
    requestedAt: toIso(r.requestedAt),
    decidedAt: iso(r.decidedAt),
    decisionReason: r.decisionReason,
  };
}
