import { and, eq } from 'drizzle-orm';
import type { Actor } from '../platform/auth/actor.js';
import type { AppContext } from '../platform/context.js';
import { AppError } from '../platform/errors.js';
import { isoWeekOf } from '../testing/rules.js';
import { weeklyReport } from '../testing/statistics/weekly.js';
import { tracingStatistics } from '../tracing/statistics.js';
import { coverageReport, MAX_DOSE } from '../vaccination/coverage/service.js';
import { certificateStatistics } from '../certificates/statistics.js';
import { activeDefinition } from '../indicators/definitions.js';
import { partSums, regionFigures } from '../indicators/values.js';
import { reportingAnswers, reportingReturns } from './model.js';
import { organisationOf } from './organisations.js';
import { getRound, previousRound } from './rounds.js';
import { returnView, saveAnswers, type AnswerInput } from './returns.js';
import { answerProblem } from './rules.js';
import { questionsOf, type PrefillSource, type Question } from './template.js';
import { isSmallGroup } from '../privacy/suppression.js';

/**
 * Fills the questions not yet answered: from the organisation's answers in the previous round of the agreement
 * (where the question is the same and the answer still fits), and from Lägesbild's own figures over the round's
 * period (tests and positives per test type, capacity, cases and hours to first contact, coverage per age group,
 * certificates issued by kind, the indicators' share with a named regular doctor).
 * The analyst sees where each value came from and can change it before submitting.
 */
export async function prefillReturn(ctx: AppContext, actor: Actor, roundId: string, organisation: string, from: 'previous-round' | 'live-data') {
  const current = await returnView(ctx, actor, roundId, organisation);
  const answered = new Set(current.answers.map((a) => a.questionId));
  const open = questionsOf(current.template.content).filter((q) => !answered.has(q.id) && q.kind !== 'initiatives');
  const values = from === 'previous-round' ? await fromPreviousRound(ctx, roundId, organisation, open) : await fromLiveData(ctx, actor, roundId, organisation, open);
  if (values.length === 0) return { filled: [], view: current };
  const view = await saveAnswers(ctx, actor, roundId, organisation, values, from);
  return { filled: values.map((v) => v.questionId), view };
}

async function fromPreviousRound(ctx: AppContext, roundId: string, organisation: string, open: Question[]): Promise<AnswerInput[]> {
  const db = ctx.database.db;
  const prev = await previousRound(db, await getRound(db, roundId, 'roundId'));
  const regionId = organisationOf(organisation)!.regionId;
  if (!prev) return [];
  const rows = await db
    .select({ questionId: reportingAnswers.questionId, value: reportingAnswers.value })
    .from(reportingAnswers)
    .innerJoin(reportingReturns, and(eq(reportingReturns.regionId, reportingAnswers.regionId), eq(reportingReturns.id, reportingAnswers.returnId)))
    .where(and(eq(reportingReturns.regionId, regionId), eq(reportingReturns.roundId, prev.id), eq(reportingReturns.organisation, organisation)));
  const previous = new Map(rows.map((r) => [r.questionId, r.value]));
  return open.flatMap((q) => (previous.has(q.id) && !answerProblem(q, previous.get(q.id), q.id) ? [{ questionId: q.id, version: 0, value: previous.get(q.id) }] : []));
}

const round1 = (n: number) => Math.round(n * 10) / 10;

/**
 * An indicator's figure for the region and year, in percent, by the indicator's active definition (the
 * indicators area keeps numerator and denominator): Lägesbild's computed figure, else the reported one.
 */
async function indicatorShare(ctx: AppContext, code: string, regionId: string, year: string): Promise<number | null> {
  const definition = await activeDefinition(ctx.database.db, code);
  if (!definition) return null;
  const figures = regionFigures(await partSums(ctx.database.db, { definitionIds: [definition.id], regionIds: [regionId], period: year }));
  const figure = figures.find((f) => f.source === 'computed') ?? figures.find((f) => f.source === 'reported');
  return figure && figure.denominator > 0 ? round1((100 * figure.numerator) / figure.denominator) : null;
}
/** Row keys of an age group in a template ('80+' cannot be a key). */
export const ageGroupKey = (group: string) => group.replace('+', 'plus');

async function fromLiveData(ctx: AppContext, actor: Actor, roundId: string, organisation: string, open: Question[]): Promise<AnswerInput[]> {
  if (organisationOf(organisation)?.kind !== 'region') throw new AppError('invalid', 'organisation: only a region’s own figures are in Lägesbild', 'organisation');
  const round = await getRound(ctx.database.db, roundId, 'roundId');
  const wanted = open.filter((q): q is Extract<Question, { prefill?: PrefillSource }> => 'prefill' in q && !!q.prefill);
  if (wanted.length === 0) return [];
  const period = { from: round.periodFrom, to: round.periodTo };
  const weeks = { from: isoWeekOf(new Date(`${round.periodFrom}T12:00:00Z`)), to: isoWeekOf(new Date(`${round.periodTo}T12:00:00Z`)) };
  const sources = new Set(wanted.map((q) => q.prefill!));
  const testing = [...sources].some((s) => s.startsWith('testing.')) ? await weeklyReport(ctx, actor, weeks) : null;
  const tracing = [...sources].some((s) => s.startsWith('tracing.')) ? await tracingStatistics(ctx, actor, period) : null;
  const namedDoctor = sources.has('indicators.namedDoctor') ? await indicatorShare(ctx, 'named_doctor', organisationOf(organisation)!.regionId, round.periodTo.slice(0, 4)) : null;
  const certificates = sources.has('certificates.perKind') ? await certificateStatistics(ctx, actor, period) : null;
  const coverage = sources.has('vaccination.coverage') ? await coverageReport(ctx, actor, { vaccine: 'covid-19', by: 'ageGroup', dose: 1, from: weeks.from, to: weeks.to, asOf: round.periodTo }) : null;

  const sum = <T,>(rows: T[], f: (r: T) => number | null) => rows.reduce((a, r) => a + (f(r) ?? 0), 0);
  const answers: AnswerInput[] = [];
  for (const q of wanted) {
    let value: unknown = null;
    switch (q.prefill) {
      case 'testing.tests':
        value = sum(testing!.rows, (r) => r.tests);
        break;
      case 'testing.positives':
        value = sum(testing!.rows, (r) => r.positive);
        break;
      case 'testing.capacity':
        value = sum(testing!.rows, (r) => r.capacity);
        break;
      case 'testing.perTestType':
        if (q.kind === 'table') {
          value = Object.fromEntries(q.rows.map((row) => {
            const rows = testing!.rows.filter((r) => r.testType === row.key);
            const cell = (col: string): number | null => (col === 'tests' ? sum(rows, (r) => r.tests) : col === 'positive' ? sum(rows, (r) => r.positive) : col === 'capacity' ? sum(rows, (r) => r.capacity) : null);
            return [row.key, Object.fromEntries(q.columns.map((c) => [c.key, cell(c.key)]))];
          }));
        }
        break;
      case 'tracing.cases':
        value = sum(tracing!.weeks, (w) => w.cases);
        break;
      case 'tracing.hoursToFirstCall': {
        const timed = tracing!.weeks.filter((w) => w.medianHoursToFirstContact !== null);
        const cases = sum(timed, (w) => w.cases);
        value = cases === 0 ? null : round1(sum(timed, (w) => w.cases * w.medianHoursToFirstContact!) / cases);
        break;
      }
      case 'vaccination.coverage':
        if (q.kind === 'table') {
          value = Object.fromEntries(q.rows.map((row) => {
            const group = coverage!.rows.find((r) => ageGroupKey(r.key) === row.key);
            return [row.key, Object.fromEntries(q.columns.map((c) => {
              const dose = Number(/^dose(\d)$/.exec(c.key)?.[1] ?? 0);
              // A small age group's share stays home, as in the weekly aggregates (privacy/suppression.ts).
              const share = group && !isSmallGroup(group.population) && dose >= 1 && dose <= MAX_DOSE ? group.coverage[dose - 1] : null;
              return [c.key, share === null || share === undefined ? null : round1(share * 100)];
            }))];
          }));
        }
        break;
      case 'indicators.namedDoctor':
        value = namedDoctor;
        break;
      case 'certificates.perKind':
        if (q.kind === 'table') {
          const rows = certificates!.rows;
          const count = (row: string): number | null =>
            row === 'paper' ? sum(rows, (r) => r.paper) : row === 'refused' ? sum(rows, (r) => r.refused) : row === 'vaccination' || row === 'test' || row === 'recovery' ? sum(rows, (r) => r.issued[row]) : null;
          value = Object.fromEntries(q.rows.map((row) => [row.key, Object.fromEntries(q.columns.map((c) => [c.key, count(row.key)]))]));
        }
        break;
    }
    if (value !== null && !answerProblem(q, value, q.id)) answers.push({ questionId: q.id, version: 0, value });
  }
  return answers;
}
