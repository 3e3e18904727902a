import { z } from 'zod';
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
  /** An open outbreak the case belongs to. */
  outbreak?: string | null;
}

export const prioritySettings = ['care_home', 'home_care', 'care_workplace', 'school', 'outbreak'] as const;
export type PrioritySetting = (typeof prioritySettings)[number];

/** A region's tracing rules. Stored per region (tracing_settings); what is not stored comes from the defaults. */
export const TracingConfig = z
  .object({
    sameCaseDays: z.number().int().min(1).max(365).default(SAME_CASE_DAYS),
    /** Which setting gives which priority (1 most urgent); a case gets the most urgent of those it matches. */
    priorities: z
      .array(z.object({ setting: z.enum(prioritySettings), priority: z.number().int().min(1).max(9) }).strict())
      .default([
        { setting: 'care_home', priority: 1 },
        { setting: 'home_care', priority: 1 },
        { setting: 'care_workplace', priority: 1 },
        { setting: 'school', priority: 2 },
        { setting: 'outbreak', priority: 3 },
      ]),
    otherPriority: z.number().int().min(1).max(9).default(4),
    /** Cases sharing a setting with no more than this many days between them form one cluster. */
    clusterWindowDays: z.number().int().min(1).max(60).default(14),
    clusterMinCases: z.number().int().min(2).max(100).default(3),
    sequencing: z
      .object({
        travelAbroad: z.boolean().default(true),
        cluster: z.boolean().default(true),
        reinfection: z.boolean().default(true),
        vaccineBreakthrough: z.boolean().default(true),
        severeIllness: z.boolean().default(true),
      })
      .strict()
      .default({ travelAbroad: true, cluster: true, reinfection: true, vaccineBreakthrough: true, severeIllness: true }),
  })
  .strict();
export type TracingConfig = z.infer<typeof TracingConfig>;
export const defaultTracingConfig: TracingConfig = TracingConfig.parse({});

function reasonFor(setting: PrioritySetting, s: Settings): string | null {
  switch (setting) {
    case 'care_home':
      return s.careHome ? `Vård och omsorg: bor på särskilt boende (${s.careHome})` : null;
    case 'home_care':
      return s.homeCare ? 'Vård och omsorg: har hemtjänst' : null;
    case 'care_workplace':
      return s.careWorkplace ? `Vård och omsorg: arbetar på ${s.careWorkplace}` : null;
    case 'school':
      return s.school ? `Skola: ${s.school}${s.schoolClass ? `, klass ${s.schoolClass}` : ''}` : null;
    case 'outbreak':
      return s.outbreak ? `Utbrott: ${s.outbreak}` : null;
  }
}

/**
 * The seed's order when load is high (000, the regions' descriptions): health and elderly care first,
 * then schools, then larger outbreaks, then the rest. The reason is kept on the case, in words.
 */
export function priorityOf(s: Settings, config: Pick<TracingConfig, 'priorities' | 'otherPriority'> = defaultTracingConfig): { priority: number; reason: string } {
  let best: { priority: number; reason: string } | null = null;
  for (const rule of config.priorities) {
    const reason = reasonFor(rule.setting, s);
    if (reason && (!best || rule.priority < best.priority)) best = { priority: rule.priority, reason };
  }
  return best ?? { priority: config.otherPriority, reason: 'Övriga' };
}

/** The questionnaire goes out within the hour; the first call is due by the end of the next day (Swedish time). */
export function deadlines(openedAt: Date): { questionnaireDueAt: Date; firstCallDueAt: Date } {
  const nextDay = new Date(`${calendarDateInStockholm(openedAt)}T12:00:00Z`);
  nextDay.setUTCDate(nextDay.getUTCDate() + 2);
  return { questionnaireDueAt: new Date(openedAt.getTime() + 3_600_000), firstCallDueAt: stockholmTime(nextDay.toISOString().slice(0, 10), '00:00') };
}

/** The rules of conduct (förhållningsregler) a tracer gives, by code; the texts are the ones read to the index. */
export const adviceOptions = [
  { code: 'stay-home', text: 'Stanna hemma tills du har varit feberfri i två dygn och känner dig frisk.' },
  { code: 'avoid-risk-groups', text: 'Undvik nära kontakt med personer i riskgrupp och äldre.' },
  { code: 'inform-contacts', text: 'Berätta för dina nära kontakter att de kan ha smittats.' },
  { code: 'household-test', text: 'Hushållskontakter bör testa sig och stanna hemma i väntan på svar.' },
  { code: 'seek-care', text: 'Kontakta vården om du får andningssvårigheter eller blir sämre.' },
] as const;
export const adviceCodes = adviceOptions.map((a) => a.code) as [string, ...string[]];

export type SequencingReason = keyof TracingConfig['sequencing'];

/** Which of the configured criteria a positive meets (travel, cluster, reinfection, breakthrough, severe illness). */
export function sequencingReasons(facts: Record<SequencingReason, boolean>, config: TracingConfig['sequencing']): SequencingReason[] {
  return (Object.keys(config) as SequencingReason[]).filter((k) => config[k] && facts[k]);
}

/** The text of a name as a cluster key: cases typed as "Västra skolan " and "västra  Skolan" meet. */
export const normaliseSettingName = (name: string) => name.trim().toLocaleLowerCase('sv').replace(/\s+/g, ' ');
