import { describe, expect, it } from 'vitest';
import { answerProblem, missingQuestions, reminderDue, roundPhase, templateChangeRefusal, templateProblems, trafficLightSentence, trafficLightSummary } from './rules.js';
import { Question, TemplateContent } from './template.js';

const q = (raw: Record<string, unknown>) => Question.parse({ id: 'q', label: 'Fråga', ...raw });
const text = q({ kind: 'text', maxLength: 10 });
const number = q({ kind: 'number', unit: 'doser', definition: 'Givna doser', min: 0, max: 100, integer: true });
const table = q({ kind: 'table', rows: [{ key: 'jan', label: 'Januari' }], columns: [{ key: 'doses', label: 'Doser' }], min: 0 });
const light = q({ kind: 'traffic_light' });
const single = q({ kind: 'single_choice', options: [{ key: 'yes', label: 'Ja' }, { key: 'no', label: 'Nej' }] });
const multiple = q({ kind: 'multiple_choice', options: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }] });
const date = q({ kind: 'date' });

describe('an answer is checked against its question', () => {
  it.each([
    ['text within the limit', text, 'tio tecken', null],
    ['text one over the limit', text, 'elva tecken', 'at most 10 characters (11 given)'],
    ['a number for text', text, 5, 'expected text'],
    ['a number at the minimum', number, 0, null],
    ['a number below the minimum', number, -1, 'at least 0 doser'],
    ['a number at the maximum', number, 100, null],
    ['a number above the maximum', number, 101, 'at most 100 doser'],
    ['a fraction where whole numbers are asked', number, 1.5, 'expected a whole number'],
    ['a number with its unit', number, { amount: 5, unit: 'doser' }, null],
    ['a number with another unit', number, { amount: 5, unit: 'vials' }, 'the unit is doser, not vials'],
    ['text for a number', number, '5', 'expected a number (doser)'],
    ['a table cell', table, { jan: { doses: 5 } }, null],
    ['an empty table cell', table, { jan: { doses: null } }, null],
    ['an unknown row', table, { feb: { doses: 5 } }, 'not a row of this table'],
    ['an unknown column', table, { jan: { vials: 5 } }, 'not a column of this table'],
    ['a negative cell', table, { jan: { doses: -1 } }, 'at least 0'],
    ['green without motivation', light, { light: 'green' }, null],
    ['yellow with motivation', light, { light: 'yellow', motivation: 'Brist på personal' }, null],
    ['yellow without motivation', light, { light: 'yellow' }, 'a motivation is required when the light is not green'],
    ['red with a blank motivation', light, { light: 'red', motivation: '   ' }, 'a motivation is required when the light is not green'],
    ['blue', light, { light: 'blue' }, 'expected green, yellow or red'],
    ['an option', single, 'yes', null],
    ['not an option', single, 'maybe', 'expected one of yes, no'],
    ['options', multiple, ['a', 'b'], null],
    ['an option twice', multiple, ['a', 'a'], 'an option is chosen twice'],
    ['an unknown option', multiple, ['c'], 'c is not an option'],
    ['a date', date, '2023-06-20', null],
    ['the 30th of February', date, '2023-02-30', 'expected a date (YYYY-MM-DD)'],
  ])('%s', (_what, question, value, reason) => {
    expect(answerProblem(question, value, 'answers.q')?.message ?? null).toBe(reason);
  });

  it('names the cell of a table and the motivation of a light', () => {
    expect(answerProblem(table, { jan: { doses: -1 } }, 'answers.q')?.field).toBe('answers.q.jan.doses');
    expect(answerProblem(light, { light: 'red' }, 'answers.q')?.field).toBe('answers.q.motivation');
  });
});

const template = TemplateContent.parse({
  sections: [
    {
      id: 's',
      title: 'Avsnitt',
      questions: [
        { id: 'light', label: 'Bedömning', kind: 'traffic_light', mandatory: true },
        { id: 'note', label: 'Övrigt', kind: 'text', maxLength: 100 },
        { id: 'initiatives', label: 'Insatser', kind: 'initiatives', developmentArea: 'Nära vård', mandatory: true },
      ],
    },
  ],
});

describe('what is missing', () => {
  it.each([
    ['nothing answered', new Map(), new Map(), ['light', 'initiatives']],
    ['the light answered', new Map([['light', { light: 'green' }]]), new Map(), ['initiatives']],
    ['an initiative in another area', new Map([['light', { light: 'green' }]]), new Map([['Medarbetare', 1]]), ['initiatives']],
    ['all mandatory answered', new Map([['light', { light: 'green' }]]), new Map([['Nära vård', 2]]), []],
  ])('%s', (_what, answers, initiatives, missing) => {
    expect(missingQuestions(template, answers, initiatives).map((m) => m.id)).toEqual(missing);
  });
});

describe('a template is sound', () => {
  it('refuses a question id used twice, naming the second', () => {
    const twice = TemplateContent.parse({ sections: [{ id: 'a', title: 'A', questions: [{ id: 'x', label: 'X', kind: 'date' }] }, { id: 'b', title: 'B', questions: [{ id: 'x', label: 'X', kind: 'date' }] }] });
    expect(templateProblems(twice)).toEqual([{ field: 'content.sections.1.questions.0.id', message: 'the question id x is used twice' }]);
    expect(templateProblems(template)).toEqual([]);
  });
});

const round = { opensOn: '2023-06-15', deadline: '2023-06-20' };
describe('a round on a day', () => {
  it.each([
    ['2023-06-14', 'upcoming', null],
    ['2023-06-15', 'open', null],
    ['2023-06-16', 'open', null],
    ['2023-06-17', 'open', 'before-deadline'],
    ['2023-06-20', 'open', 'before-deadline'],
    ['2023-06-21', 'late', 'late'],
  ])('%s: %s, reminder %s', (today, phase, reminder) => {
    expect(roundPhase(round, today)).toBe(phase);
    expect(reminderDue(round, today)).toBe(reminder);
  });

  it.each([
    ['2023-06-14', 0, null],
    ['2023-06-14', 1, 'answers exist on the current version'],
    ['2023-06-15', 0, 'the round is open: its template version can no longer change'],
  ])('a new template version on %s with %i answers', (today, answered, refusal) => {
    expect(templateChangeRefusal(round, today, answered)).toBe(refusal);
  });
});

describe('the traffic-light summary', () => {
  it('counts lights, lists reasons and who has not answered', () => {
    const s = trafficLightSummary(['01', '03', '18'], [
      { organisation: '01', light: 'green', motivation: null },
      { organisation: '18', light: 'yellow', motivation: 'Leveranser halverade' },
    ]);
    expect(s).toEqual({ counts: { green: 1, yellow: 1, red: 0 }, unanswered: ['03'], reasons: [{ organisation: '18', light: 'yellow', motivation: 'Leveranser halverade' }] });
    expect(trafficLightSentence({ green: 19, yellow: 2, red: 0 })).toBe('19 regioner grön, 2 gul, inga röd');
    expect(trafficLightSentence({ green: 1, yellow: 1, red: 0 })).toBe('1 region grön, 1 gul, inga röd');
    expect(trafficLightSentence({ green: 0, yellow: 0, red: 3 }, { one: 'organisation', many: 'organisationer' })).toBe('Inga organisationer grön, inga gul, 3 röd');
  });
});
