import { z } from 'zod';
import { code, text } from '../platform/input/index.js';

/**
 * A template's content: sections of questions of the kinds the seeds' follow-ups use (SKR's vaccination
 * follow-ups, seeds 001/003; Socialstyrelsen's nära vård templates, seed 004 Bilaga 1–2). The same zod shape
 * validates what the template builder sends and types what the rules read.
 */
const key = code(40, /^[a-z0-9_-]+$/);
const label = text({ max: 500 });
const help = text({ max: 2000, multiline: true }).optional();
const Option = z.object({ key, label }).strict();

/** Where a question's answer can be pre-filled from Lägesbild's own data (prefill.ts). */
export const prefillSources = ['testing.tests', 'testing.positives', 'testing.capacity', 'testing.perTestType', 'tracing.cases', 'tracing.hoursToFirstCall', 'vaccination.coverage', 'certificates.perKind', 'indicators.namedDoctor'] as const;
export type PrefillSource = (typeof prefillSources)[number];

const base = { id: key, label, help, mandatory: z.boolean().default(false) };

export const Question = z.discriminatedUnion('kind', [
  z.object({ ...base, kind: z.literal('text'), maxLength: z.number().int().min(1).max(20_000) }).strict(),
  z
    .object({
      ...base,
      kind: z.literal('number'),
      unit: text({ max: 40 }),
      definition: text({ max: 1000, multiline: true }),
      min: z.number().min(-1e12).max(1e12).optional(),
      max: z.number().min(-1e12).max(1e12).optional(),
      integer: z.boolean().default(false),
      prefill: z.enum(prefillSources).optional(),
    })
    .strict(),
  z
    .object({
      ...base,
      kind: z.literal('table'),
      rows: z.array(Option).min(1).max(60),
      columns: z.array(z.object({ key, label, unit: text({ max: 40 }).optional() }).strict()).min(1).max(20),
      min: z.number().min(-1e12).max(1e12).optional(),
      prefill: z.enum(prefillSources).optional(),
    })
    .strict(),
  z.object({ ...base, kind: z.literal('traffic_light') }).strict(),
  z.object({ ...base, kind: z.literal('single_choice'), options: z.array(Option).min(2).max(40) }).strict(),
  z.object({ ...base, kind: z.literal('multiple_choice'), options: z.array(Option).min(2).max(40) }).strict(),
  z.object({ ...base, kind: z.literal('date') }).strict(),
  /** Entries of the initiatives register in one development area; mandatory means at least one. */
  z.object({ ...base, kind: z.literal('initiatives'), developmentArea: text({ max: 200 }) }).strict(),
]);
export type Question = z.infer<typeof Question>;
export type QuestionKind = Question['kind'];

export const Section = z.object({ id: key, title: label, help, questions: z.array(Question).min(1).max(100) }).strict();
export const TemplateContent = z.object({ intro: text({ max: 4000, multiline: true }).optional(), sections: z.array(Section).min(1).max(40) }).strict();
export type TemplateContent = z.infer<typeof TemplateContent>;
export type TemplateInput = z.input<typeof TemplateContent>;

export const trafficLights = ['green', 'yellow', 'red'] as const;
export type TrafficLight = (typeof trafficLights)[number];

/** The values an answer may carry, one shape per kind; the rules check which one fits the question. */
export const AnswerValue = z.union([
  z.number().min(-1e12).max(1e12),
  text({ max: 20_000, min: 0, multiline: true }),
  z.array(key).max(40),
  z.object({ amount: z.number().min(-1e12).max(1e12), unit: text({ max: 40 }) }).strict(),
  z.object({ light: z.enum(trafficLights), motivation: text({ max: 4000, min: 0, multiline: true }).optional() }).strict(),
  z.record(key, z.record(key, z.number().min(-1e12).max(1e12).nullable())),
]);
export type AnswerValue = z.infer<typeof AnswerValue>;

export const questionsOf = (t: TemplateContent): Question[] => t.sections.flatMap((s) => s.questions);
