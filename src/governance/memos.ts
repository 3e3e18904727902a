import { and, eq, inArray, sql } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { resolveInRegion } from '../platform/db/resolve.js';
import { invalid } from '../platform/errors.js';
import { cases, memos, type CaseStatus, type Recipient } from './model.js';
import { caseView } from './register.js';
import { isAttClause, missingMemoSections } from './rules.js';

export interface MemoInput {
  rapporteur?: string | null;
  proposal: string[];
  summary?: string | null;
  background?: string | null;
  assessment?: string | null;
  environment?: string | null;
  children?: string | null;
  genderEquality?: string | null;
  economy?: string | null;
  followUp?: string | null;
  supportingDocuments: string[];
  sendTo: Recipient[];
}

/**
 * Writes a case's briefing memo (föredragnings-PM). It may be saved incomplete while it is written; the case
 * is ready for an agenda only once every mandatory section is there.
 */
export async function saveMemo(ctx: AppContext, actor: Actor, caseId: string, input: MemoInput) {
  const bad = input.proposal.findIndex((c) => !isAttClause(c));
  if (bad >= 0) throw invalid(`proposal.${bad}`, "a clause of the proposal starts with 'att'");
  return ctx.database.db.transaction(async (tx) => {
    const c = await resolveInRegion(tx, cases, actor.regionId, caseId, { field: 'id', what: 'case', forUpdate: true });
    const values = {
      rapporteur: input.rapporteur ?? null,
      proposal: input.proposal,
      summary: input.summary ?? null,
      background: input.background ?? null,
      assessment: input.assessment ?? null,
      environment: input.environment ?? null,
      children: input.children ?? null,
      genderEquality: input.genderEquality ?? null,
      economy: input.economy ?? null,
      followUp: input.followUp ?? null,
      supportingDocuments: input.supportingDocuments,
      sendTo: input.sendTo,
      updatedBy: actor.name,
    };
    await tx
      .insert(memos)
      .values({ regionId: actor.regionId, caseId, ...values })
      .onConflictDoUpdate({ target: [memos.regionId, memos.caseId], set: { ...values, updatedAt: sql`now()` } });
    // The memo moves a case in preparation to ready and back; a case on an agenda or decided keeps its status.
    if (inPreparation.includes(c.status)) {
      const status = missingMemoSections({ ...values }).length === 0 ? 'ready' : 'in_preparation';
      await tx.update(cases).set({ status }).where(and(eq(cases.regionId, actor.regionId), eq(cases.id, caseId), inArray(cases.status, inPreparation)));
    }
    return caseView(tx, actor, caseId);
  });
}

const inPreparation: CaseStatus[] = ['registered', 'in_preparation', 'ready'];
