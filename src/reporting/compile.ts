import { initiativeStatuses, type InitiativeStatus } from './model.js';
import { organisationOf } from './organisations.js';
import { trafficLightSentence, trafficLightSummary, type LightAnswer } from './rules.js';
import { questionsOf, type Question, type TemplateContent, type TrafficLight } from './template.js';

/** Units of shares and rates, whose column has no total. */
const isShare = (unit: string | undefined) => unit === '%' || unit === 'procent' || unit === 'percent';

/**
 * The national report of a round, compiled from the latest accepted submission of each organisation: what a
 * reader of SKR's follow-ups expects (seed 003): the traffic-light summary with the reasons, tables per region,
 * initiative counts by status and area, free text grouped by question and region, and a page per region.
 * Pure: the documents in, the report out.
 */
export interface SubmittedAnswers {
  organisation: string;
  receivedAt: string;
  answers: { questionId: string; value: unknown }[];
  initiatives: { developmentArea?: unknown; status?: unknown; title?: unknown }[];
}

export interface ReportTable {
  id: string;
  title: string;
  header: string[];
  rows: (string | number | null)[][];
}

const nameOf = (code: string) => organisationOf(code)?.name ?? code;
const lightSv: Record<TrafficLight, string> = { green: 'grön', yellow: 'gul', red: 'röd' };
export const statusSv: Record<InitiativeStatus, string> = { planned: 'planerad', started: 'påbörjad', ongoing: 'pågående', completed: 'genomförd' };

/** A value as a reader sees it in the report. */
export function displayValue(q: Question, value: unknown): string {
  if (value === undefined || value === null) return '–';
  switch (q.kind) {
    case 'number':
      return typeof value === 'object' ? `${(value as { amount: number }).amount} ${q.unit}` : `${String(value)} ${q.unit}`;
    case 'traffic_light': {
      const v = value as { light: TrafficLight; motivation?: string };
      return v.motivation ? `${lightSv[v.light]}: ${v.motivation}` : lightSv[v.light];
    }
    case 'single_choice':
      return q.options.find((o) => o.key === value)?.label ?? String(value);
    case 'multiple_choice':
      return (value as string[]).map((k) => q.options.find((o) => o.key === k)?.label ?? k).join(', ');
    case 'table': {
      const t = value as Record<string, Record<string, number | null>>;
      return q.rows.map((r) => `${r.label}: ${q.columns.map((c) => `${c.label} ${t[r.key]?.[c.key] ?? '–'}`).join(', ')}`).join('; ');
    }
    default:
      return String(value);
  }
}

const numberOf = (v: unknown): number | null => (typeof v === 'number' ? v : v && typeof v === 'object' && typeof (v as { amount?: unknown }).amount === 'number' ? (v as { amount: number }).amount : null);

export function compileReport(template: TemplateContent, expected: string[], submitted: SubmittedAnswers[]) {
  const questions = questionsOf(template);
  const byOrg = new Map(submitted.map((s) => [s.organisation, new Map(s.answers.map((a) => [a.questionId, a.value]))]));
  const orgs = expected.filter((o) => byOrg.has(o));

  const trafficLights = questions
    .filter((q) => q.kind === 'traffic_light')
    .map((q) => {
      const answers: LightAnswer[] = orgs.flatMap((o) => {
        const v = byOrg.get(o)!.get(q.id) as { light: TrafficLight; motivation?: string } | undefined;
        return v ? [{ organisation: o, light: v.light, motivation: v.motivation ?? null }] : [];
      });
      const s = trafficLightSummary(expected, answers);
      return { questionId: q.id, label: q.label, sentence: trafficLightSentence(s.counts, expected.every((o) => organisationOf(o)?.kind === 'region') ? { one: 'region', many: 'regioner' } : { one: 'organisation', many: 'organisationer' }), ...s, reasons: s.reasons.map((r) => ({ ...r, name: nameOf(r.organisation) })), unanswered: s.unanswered.map((o) => ({ organisation: o, name: nameOf(o) })) };
    });

  const tables: ReportTable[] = [];
  const numbers = questions.filter((q) => q.kind === 'number');
  if (numbers.length) {
    tables.push({
      id: 'numbers',
      title: 'Nyckeltal per organisation',
      header: ['Organisation', ...numbers.map((q) => `${q.label} (${q.unit})`)],
      // A share is not summed: its total would mean nothing (the indicators area aggregates shares exactly).
      rows: [...orgs.map((o) => [nameOf(o), ...numbers.map((q) => numberOf(byOrg.get(o)!.get(q.id)))]), ['Totalt', ...numbers.map((q) => (isShare(q.unit) ? null : orgs.reduce((a, o) => a + (numberOf(byOrg.get(o)!.get(q.id)) ?? 0), 0)))]],
    });
  }
  for (const q of questions) {
    if (q.kind !== 'table') continue;
    const cols = q.rows.flatMap((r) => q.columns.map((c) => ({ r, c })));
    const cell = (o: string, r: string, c: string) => (byOrg.get(o)!.get(q.id) as Record<string, Record<string, number | null>> | undefined)?.[r]?.[c] ?? null;
    tables.push({
      id: q.id,
      title: q.label,
      header: ['Organisation', ...cols.map(({ r, c }) => `${r.label} – ${c.label}${c.unit ? ` (${c.unit})` : ''}`)],
      rows: [...orgs.map((o) => [nameOf(o), ...cols.map(({ r, c }) => cell(o, r.key, c.key))]), ['Totalt', ...cols.map(({ r, c }) => (isShare(c.unit) ? null : orgs.reduce((a, o) => a + (cell(o, r.key, c.key) ?? 0), 0)))]],
    });
  }
  const lights = questions.filter((q) => q.kind === 'traffic_light');
  if (lights.length) {
    tables.push({
      id: 'traffic-lights',
      title: 'Självskattning per organisation',
      header: ['Organisation', ...lights.flatMap((q) => [q.label, 'Motivering'])],
      rows: orgs.map((o) => [nameOf(o), ...lights.flatMap((q) => {
        const v = byOrg.get(o)!.get(q.id) as { light: TrafficLight; motivation?: string } | undefined;
        return [v ? lightSv[v.light] : null, v?.motivation ?? null];
      })]),
    });
  }

  const choices = questions
    .filter((q) => q.kind === 'single_choice' || q.kind === 'multiple_choice')
    .map((q) => ({
      questionId: q.id,
      label: q.label,
      counts: (q as Extract<Question, { options: unknown }>).options.map((opt) => ({
        key: opt.key,
        label: opt.label,
        organisations: orgs.filter((o) => {
          const v = byOrg.get(o)!.get(q.id);
          return Array.isArray(v) ? v.includes(opt.key) : v === opt.key;
        }).length,
      })),
    }));

  const initiatives = submitted.filter((s) => expected.includes(s.organisation)).flatMap((s) => s.initiatives);
  const areas = [...new Set(initiatives.map((i) => String(i.developmentArea)))].sort((a, b) => a.localeCompare(b, 'sv'));
  const initiativeCounts = {
    statuses: initiativeStatuses.map((s) => ({ status: s, label: statusSv[s] })),
    rows: areas.map((area) => ({ developmentArea: area, counts: Object.fromEntries(initiativeStatuses.map((s) => [s, initiatives.filter((i) => i.developmentArea === area && i.status === s).length])) as Record<InitiativeStatus, number>, total: initiatives.filter((i) => i.developmentArea === area).length })),
    total: initiatives.length,
  };
  tables.push({ id: 'initiatives', title: 'Insatser per utvecklingsområde och status', header: ['Utvecklingsområde', ...initiativeStatuses.map((s) => statusSv[s]), 'Totalt'], rows: initiativeCounts.rows.map((r) => [r.developmentArea, ...initiativeStatuses.map((s) => r.counts[s]), r.total]) });

  const freeText = questions
    .filter((q) => q.kind === 'text')
    .map((q) => ({ questionId: q.id, label: q.label, answers: orgs.flatMap((o) => {
      const v = byOrg.get(o)!.get(q.id);
      return typeof v === 'string' && v.trim() ? [{ organisation: o, name: nameOf(o), text: v }] : [];
    }) }));

  const pages = orgs.map((o) => ({
    organisation: o,
    name: nameOf(o),
    receivedAt: submitted.find((s) => s.organisation === o)!.receivedAt,
    sections: template.sections.map((s) => ({ title: s.title, answers: s.questions.filter((q) => q.kind !== 'initiatives').map((q) => ({ questionId: q.id, label: q.label, text: displayValue(q, byOrg.get(o)!.get(q.id)) })) })),
    initiatives: submitted.find((s) => s.organisation === o)!.initiatives.map((i) => ({ title: String(i.title), developmentArea: String(i.developmentArea), status: String(i.status) })),
  }));

  return {
    submitted: orgs.length,
    expected: expected.length,
    notSubmitted: expected.filter((o) => !byOrg.has(o)).map((o) => ({ organisation: o, name: nameOf(o) })),
    trafficLights,
    tables,
    choices,
    initiativeCounts,
    freeText,
    pages,
  };
}

export type CompiledReport = ReturnType<typeof compileReport>;
