import { sql, type SQL } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import { can } from '../platform/auth/permissions.js';
import { recordMany } from '../platform/audit/audit.js';
import type { AppContext } from '../platform/context.js';
import type { Db } from '../platform/db/client.js';
import { queryRows } from '../platform/db/sql.js';
import type { CaseStatus, CaseType } from './model.js';

/**
 * Swedish full-text search across cases, memos, decisions, corrections of minutes and documents ('vaccinationer' finds 'vaccination'),
 * ranked, with highlighted snippets. What a reader sees depends on who asks:
 * - public: cases, memos, public documents, and decisions and corrections of checked minutes only;
 * - staff: also decisions not yet checked; secret documents never;
 * - secret: also secret documents, each hit written to the audit log as a release.
 */
export type Visibility = 'public' | 'staff' | 'secret';

export interface SearchQuery {
  q: string;
  type?: CaseType;
  year?: number;
  status?: CaseStatus;
}

export interface SearchHit {
  kind: 'case' | 'memo' | 'decision' | 'minutes' | 'document';
  id: string;
  caseId: string;
  caseNumber: string;
  caseTitle: string;
  type: CaseType;
  status: CaseStatus;
  year: number;
  title: string;
  rank: number;
  /** The best passages, matches between « and ». */
  snippet: string;
}

/** Headline markers: characters the UI highlights, never HTML, so no text from the register can become markup. */
const HEADLINE = 'StartSel=«, StopSel=», MaxFragments=2, MaxWords=30, MinWords=10, FragmentDelimiter=" … "';

const memoText = sql`concat_ws(' ', (SELECT string_agg(x, ' ') FROM jsonb_array_elements_text(m.proposal) x), m.summary, m.background, m.assessment, m.environment, m.children, m.gender_equality, m.economy, m.follow_up)`;

/** A branch's text matched as the expression indexes of the migration are written, so they can be used. */
const matches = (body: SQL) => sql`to_tsvector('swedish', ${body}) @@ (SELECT q FROM q)`;

function sources(regionId: string, visibility: Visibility): SQL {
  // Decisions are public once the minutes are checked; corrections exist only for checked minutes.
  const checked = sql`EXISTS (SELECT 1 FROM governance_minutes mi WHERE mi.region_id = i.region_id AND mi.meeting_id = i.meeting_id AND mi.checked_at IS NOT NULL)`;
  const decisionsSeen = visibility === 'public' ? sql`AND ${checked}` : sql``;
  const documentsSeen = visibility === 'secret' ? sql`` : sql`AND NOT d.secret`;
  const caseText = sql`c.case_number || ' ' || c.title`;
  const decisionText = sql`i.title || ' ' || (SELECT string_agg(x, ' ') FROM jsonb_array_elements_text(i.decision) x)`;
  const documentText = sql`d.title || ' ' || d.body`;
  return sql`
    SELECT 'case' AS kind, c.id, c.id AS case_id, ${caseText} AS title, ${caseText} AS body, false AS secret
      FROM governance_cases c WHERE c.region_id = ${regionId} AND ${matches(caseText)}
    UNION ALL
    SELECT 'memo', m.id, m.case_id, 'Föredragnings-PM', ${memoText}, false FROM governance_memos m WHERE m.region_id = ${regionId} AND ${matches(memoText)}
    UNION ALL
    SELECT 'decision', i.id, i.case_id, 'Beslut § ' || i.position || ' ' || i.title, ${decisionText}, false
      FROM governance_agenda_items i WHERE i.region_id = ${regionId} AND i.decision IS NOT NULL AND i.case_id IS NOT NULL ${decisionsSeen} AND ${matches(decisionText)}
    UNION ALL
    SELECT 'minutes', r.id, i.case_id, 'Rättelse av protokollet § ' || i.position, r.text, false
      FROM governance_minute_corrections r JOIN governance_agenda_items i ON i.region_id = r.region_id AND i.id = r.item_id
      WHERE r.region_id = ${regionId} AND i.case_id IS NOT NULL AND ${matches(sql`r.text`)}
    UNION ALL
    SELECT 'document', d.id, d.case_id, d.title, ${documentText}, d.secret FROM governance_documents d WHERE d.region_id = ${regionId} ${documentsSeen} AND ${matches(documentText)}`;
}

export async function searchRegister(db: Db, regionId: string, visibility: Visibility, query: SearchQuery): Promise<{ hits: SearchHit[]; secretIds: string[] }> {
  const rows = await queryRows<{ kind: SearchHit['kind']; id: string; case_id: string; case_number: string; case_title: string; type: CaseType; status: CaseStatus; year: number; title: string; rank: number; snippet: string; secret: boolean }>(
    db,
    sql`WITH q AS (SELECT websearch_to_tsquery('swedish', ${query.q}) AS q),
      s AS (${sources(regionId, visibility)})
      SELECT s.kind, s.id, s.case_id, c.case_number, c.title AS case_title, c.type, c.status, c.year, s.title,
        ts_rank(to_tsvector('swedish', s.body), q.q)::float8 AS rank,
        ts_headline('swedish', s.body, q.q, ${HEADLINE}) AS snippet, s.secret
      FROM s CROSS JOIN q JOIN governance_cases c ON c.region_id = ${regionId} AND c.id = s.case_id
      WHERE true
        ${query.type ? sql`AND c.type = ${query.type}` : sql``}
        ${query.year ? sql`AND c.year = ${query.year}` : sql``}
        ${query.status ? sql`AND c.status = ${query.status}` : sql``}
      ORDER BY rank DESC, c.year DESC, c.serial DESC, s.kind, s.id
      LIMIT 50`,
  );
  return {
    hits: rows.map((r) => ({ kind: r.kind, id: r.id, caseId: r.case_id, caseNumber: r.case_number, caseTitle: r.case_title, type: r.type, status: r.status, year: r.year, title: r.title, rank: r.rank, snippet: r.snippet })),
    secretIds: rows.filter((r) => r.secret).map((r) => r.id),
  };
}

/** Search for staff: the secret level for those who may read secret documents, each secret hit audited as a release. */
export async function searchForStaff(ctx: AppContext, actor: Actor, query: SearchQuery) {
  const visibility: Visibility = can(actor, 'governance.secret.read') ? 'secret' : 'staff';
  return ctx.database.db.transaction(async (tx) => {
    const { hits, secretIds } = await searchRegister(tx, actor.regionId, visibility, query);
    await recordMany(
      tx,
      actor,
      secretIds.map((documentId) => ({ action: 'governance.document.secret-released', purpose: 'nämndadministration', details: { documentId, via: 'search' } })),
    );
    return { visibility, hits };
  });
}
