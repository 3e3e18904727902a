import type { ActionStatus, CaseOutcome } from './model.js';

/**
 * The committee's rules, pure: the diarienummer format, the memo's mandatory sections, justering deadlines,
 * the appeal period, which meeting a delegated decision is reported to, and what is overdue.
 */

export const DEFAULT_CASE_NUMBER_FORMAT = '{yy}RS{serial}';

type Token = { kind: 'literal'; text: string } | { kind: 'yy' | 'yyyy' | 'serial' };

/**
 * A format is literal text with `{yy}` or `{yyyy}` (the year) and exactly one `{serial}`. The literal text is
 * letters, digits and `-` `/` `.` only, so a number can always be read back into its year and serial.
 */
export function parseCaseNumberFormat(format: string): Token[] | string {
  const tokens: Token[] = [];
  const re = /\{(\w*)\}|([A-Za-z0-9./-]+)|(.)/g;
  for (const m of format.matchAll(re)) {
    if (m[3] !== undefined) return `'${m[3]}' is not allowed: use letters, digits, - / . and {yy}, {yyyy}, {serial}`;
    if (m[2] !== undefined) tokens.push({ kind: 'literal', text: m[2] });
    else if (m[1] === 'yy' || m[1] === 'yyyy' || m[1] === 'serial') tokens.push({ kind: m[1] });
    else return `{${m[1]}} is not a placeholder: use {yy}, {yyyy} or {serial}`;
  }
  const serials = tokens.filter((t) => t.kind === 'serial').length;
  const years = tokens.filter((t) => t.kind === 'yy' || t.kind === 'yyyy').length;
  if (serials !== 1) return 'the format needs exactly one {serial}';
  if (years !== 1) return 'the format needs exactly one year, {yy} or {yyyy}';
  // Two placeholders side by side cannot be told apart when read back (2112 → 21|12 or 211|2).
  for (let i = 1; i < tokens.length; i++) if (tokens[i]!.kind !== 'literal' && tokens[i - 1]!.kind !== 'literal') return 'put a letter or sign between {serial} and the year';
  return tokens;
}

function tokensOf(format: string): Token[] {
  const tokens = parseCaseNumberFormat(format);
  if (typeof tokens === 'string') throw new Error(`invalid case number format ${format}: ${tokens}`);
  return tokens;
}

export function formatCaseNumber(format: string, year: number, serial: number): string {
  return tokensOf(format)
    .map((t) => (t.kind === 'literal' ? t.text : t.kind === 'yy' ? String(year % 100).padStart(2, '0') : t.kind === 'yyyy' ? String(year) : String(serial)))
    .join('');
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');

/** Reads a diarienummer back into its year and serial; null when it does not follow the format. */
export function parseCaseNumber(format: string, caseNumber: string): { year: number; serial: number } | null {
  const tokens = tokensOf(format);
  const pattern = tokens.map((t) => (t.kind === 'literal' ? escape(t.text) : t.kind === 'yy' ? '(?<yy>\\d{2})' : t.kind === 'yyyy' ? '(?<yyyy>(?:19|20|21)\\d{2})' : '(?<serial>[1-9]\\d{0,6})')).join('');
  const m = new RegExp(`^${pattern}$`).exec(caseNumber);
  if (!m?.groups) return null;
  const year = m.groups.yyyy ? Number(m.groups.yyyy) : 2000 + Number(m.groups.yy);
  return { year, serial: Number(m.groups.serial) };
}

/** The sections of a briefing memo (föredragnings-PM), in the seed's order. */
export const memoSections = ['proposal', 'summary', 'background', 'assessment', 'environment', 'children', 'genderEquality', 'economy', 'followUp', 'supportingDocuments', 'sendTo'] as const;
export type MemoSection = (typeof memoSections)[number];

/**
 * Every memo in the seed has these (the proposal, summary, preparation, the four consequences and 'skickas
 * till'); an assessment, follow-up and supporting documents are there only where the case calls for them
 * (the memo of 21RS5471 has no assessment).
 */
export const mandatoryMemoSections: readonly MemoSection[] = ['proposal', 'summary', 'background', 'environment', 'children', 'genderEquality', 'economy', 'sendTo'];

export type MemoContent = { proposal: string[]; supportingDocuments: string[]; sendTo: unknown[] } & Partial<Record<Exclude<MemoSection, 'proposal' | 'supportingDocuments' | 'sendTo'>, string | null>>;

/** The mandatory sections a memo still lacks (empty, or only white space). */
export function missingMemoSections(memo: MemoContent | null): MemoSection[] {
  if (!memo) return [...mandatoryMemoSections];
  return mandatoryMemoSections.filter((s) => {
    const v = memo[s];
    return Array.isArray(v) ? v.length === 0 : !v?.trim();
  });
}

/** A clause of a proposal for decision starts with 'att' (seed: 'att anse medborgarförslaget besvarat'). */
export const isAttClause = (clause: string) => /^att\s+\S/.test(clause.trim());

/** The outcome a decision's clauses say, for the register; null when the words do not tell. */
export function outcomeOfDecision(clauses: string[]): CaseOutcome | null {
  const t = clauses.join(' ').toLowerCase();
  if (/återremitt/.test(t)) return 'referred_back';
  if (/anse[s]?\s+\S*\s*besvara/.test(t)) return 'deemed_answered';
  if (/bifall/.test(t)) return 'granted';
  if (/avslå|avslag/.test(t)) return 'rejected';
  if (/godkänn|godkänt|fastställ/.test(t)) return 'approved';
  if (/besvara/.test(t)) return 'answered';
  return null;
}

/**
 * Justering after the deadline day (Swedish calendar day) needs a recorded reason; on the day is in time.
 * Returns the problem, or null when the justering may be recorded.
 */
export function justeringProblem(deadline: string, today: string, lateReason: string | null | undefined): string | null {
  if (today <= deadline) return null;
  return lateReason?.trim() ? null : `the minutes were to be checked by ${deadline}; record the reason for the late justering`;
}

const addDays = (d: string, n: number) => new Date(Date.parse(`${d}T00:00:00Z`) + n * 86_400_000).toISOString().slice(0, 10);

/**
 * The appeal period (laglighetsprövning, kommunallagen 13 kap. 5 §): three weeks from the day the posting of
 * the checked minutes was announced on the notice board.
 */
export function appealPeriod(postedOn: string): { from: string; until: string } {
  return { from: postedOn, until: addDays(postedOn, 21) };
}

/**
 * The meeting a delegated decision is reported to (anmälningsärende): the first meeting held on or after both
 * the day of the decision and the day it was registered, since a meeting already held cannot take it any more.
 * Null until such a meeting is planned.
 */
export function reportingMeeting(decision: { decidedOn: string; registeredOn: string }, meetings: { id: string; heldOn: string }[]): string | null {
  const from = decision.decidedOn > decision.registeredOn ? decision.decidedOn : decision.registeredOn;
  const next = meetings.filter((m) => m.heldOn >= from).sort((a, b) => a.heldOn.localeCompare(b.heldOn) || a.id.localeCompare(b.id));
  return next[0]?.id ?? null;
}

/** An action is overdue when its due day has passed and it is not done. */
export const isOverdue = (action: { dueOn: string; status: ActionStatus }, today: string) => action.status !== 'done' && action.dueOn < today;
