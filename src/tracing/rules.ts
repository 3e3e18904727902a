import { calendarDateInStockholm } from '../identity/identity-number.js';
import { stockholmTime } from '../platform/time.js';

/** A positive within this many days of a case's positive belongs to that case; later, it may be a reinfection. */
export const SAME_CASE_DAYS = 90;

export type CaseDecision = { kind: 'attach'; caseId: string } | { kind: 'open'; possibleReinfection: boolean; previousCaseId: string | null };

export function decideCase(latest: { id: string; positiveTakenAt: string } | undefined, takenAt: Date, days = SAME_CASE_DAYS): CaseDecision {
  if (!latest) return { kind: 'open', possibleReinfection: false, previousCaseId: null };
  const apart = Math.abs(takenAt.getTime() - new Date(latest.positiveTakenAt).getTime()) / 86_400_000;
  return apart <= days ? { kind: 'attach', caseId: latest.id } : { kind: 'open', possibleReinfection: true, previousCaseId: latest.id };
}

/** Where the index person lives, studies or works, as far as the person register knows. */
export interface Settings {
  careHome: string | null;
  homeCare: boolean;
  /** A workplace in health or elderly care (vårdcentral, care home, home care). */
  careWorkplace: string | null;
  school: string | null;
  schoolClass: string | null;
}

/**
 * The seed's order when load is high (000, the regions' descriptions): health and elderly care first,
 * then schools, then larger outbreaks, then the rest. The reason is kept on the case, in words.
 */
export function priorityOf(s: Settings): { priority: number; reason: string } {
  if (s.careHome) return { priority: 1, reason: `Vård och omsorg: bor på särskilt boende (${s.careHome})` };
  if (s.homeCare) return { priority: 1, reason: 'Vård och omsorg: har hemtjänst' };
  if (s.careWorkplace) return { priority: 1, reason: `Vård och omsorg: arbetar på ${s.careWorkplace}` };
  if (s.school) return { priority: 2, reason: `Skola: ${s.school}${s.schoolClass ? `, klass ${s.schoolClass}` : ''}` };
  return { priority: 4, reason: 'Övriga' };
}

/** The questionnaire goes out within the hour; the first call is due by the end of the next day (Swedish time). */
export function deadlines(openedAt: Date): { questionnaireDueAt: Date; firstCallDueAt: Date } {
  const nextDay = new Date(`${calendarDateInStockholm(openedAt)}T12:00:00Z`);
  nextDay.setUTCDate(nextDay.getUTCDate() + 2);
  return { questionnaireDueAt: new Date(openedAt.getTime() + 3_600_000), firstCallDueAt: stockholmTime(nextDay.toISOString().slice(0, 10), '00:00') };
}
