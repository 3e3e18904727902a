import { describe, expect, it } from 'vitest';
import { answerProblem, isAnswered, missingQuestions, reminderDue, roundPhase, templateChangeRefusal, templateProblems, trafficLightSentence, trafficLightSummary } from './rules.js';
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
    // Text
    ['text exactly at the limit', text, 'tiotecken!', null],
    ['empty text (whether it is missing is decided elsewhere)', text, '', null],
    ['no text at all', text, null, 'expected text'],
    // Numbers
    ['not a number', number, Number.NaN, 'expected a number (doser)'],
    ['infinity', number, Number.POSITIVE_INFINITY, 'expected a number (doser)'],
    ['an amount that is text', number, { amount: '5', unit: 'doser' }, 'expected a number (doser)'],
    ['an amount without a unit', number, { amount: 5 }, 'the unit is doser, not undefined'],
    ['a fraction with its unit', number, { amount: 2.5, unit: 'doser' }, 'expected a whole number'],
    ['an amount below the minimum', number, { amount: -1, unit: 'doser' }, 'at least 0 doser'],
    ['a fraction where fractions are fine', q({ kind: 'number', unit: '%', definition: 'Andel' }), 1.5, null],
    ['any size where no range is set', q({ kind: 'number', unit: '%', definition: 'Andel' }), -1e9, null],
    ['a range of one value', q({ kind: 'number', unit: 'st', definition: 'Antal', min: 3, max: 3 }), 3, null],
    ['below a range of one value', q({ kind: 'number', unit: 'st', definition: 'Antal', min: 3, max: 3 }), 2, 'at least 3 st'],
    ['above a range of one value', q({ kind: 'number', unit: 'st', definition: 'Antal', min: 3, max: 3 }), 4, 'at most 3 st'],
    // Tables
    ['a number for a table', table, 5, 'expected a table of rows and columns'],
    ['a list for a table', table, [], 'expected a table of rows and columns'],
    ['nothing for a table', table, null, 'expected a table of rows and columns'],
    ['an empty table', table, {}, null],
    ['a row that is a number', table, { jan: 5 }, 'expected the row’s columns'],
    ['a row that is a list', table, { jan: [5] }, 'expected the row’s columns'],
    ['a row that is null', table, { jan: null }, 'expected the row’s columns'],
    ['a cell that is text', table, { jan: { doses: '5' } }, 'expected a number'],
    ['a cell that is infinite', table, { jan: { doses: Number.POSITIVE_INFINITY } }, 'expected a number'],
    ['a cell at the minimum', table, { jan: { doses: 0 } }, null],
    ['a negative cell where no minimum is set', q({ kind: 'table', rows: [{ key: 'jan', label: 'Januari' }], columns: [{ key: 'change', label: 'Förändring' }] }), { jan: { change: -3 } }, null],
    // Traffic lights
    ['a light as text', light, 'green', 'expected green, yellow or red'],
    ['no light', light, null, 'expected green, yellow or red'],
    ['a list for a light', light, ['green'], 'expected green, yellow or red'],
    ['red with motivation', light, { light: 'red', motivation: 'Inga doser' }, null],
    ['red with a number for motivation', light, { light: 'red', motivation: 5 }, 'a motivation is required when the light is not green'],
    ['green with motivation', light, { light: 'green', motivation: 'Allt väl' }, null],
    // Choices
    ['a list for a single choice', single, ['yes'], 'expected one of yes, no'],
    ['the second option', single, 'no', null],
    ['one option for a multiple choice', multiple, 'a', 'expected a list of options'],
    ['no option chosen', multiple, [], null],
    ['a number among the options', multiple, ['a', 5], '5 is not an option'],
    ['one option', multiple, ['b'], null],
    // Dates
    ['a leap day', date, '2024-02-29', null],
    ['29 February in a common year', date, '2023-02-29', 'expected a date (YYYY-MM-DD)'],
    ['31 April', date, '2023-04-31', 'expected a date (YYYY-MM-DD)'],
    ['month 13', date, '2023-13-01', 'expected a date (YYYY-MM-DD)'],
    ['a day without zero padding', date, '2023-6-20', 'expected a date (YYYY-MM-DD)'],
    ['a date with a time', date, '2023-06-20T00:00', 'expected a date (YYYY-MM-DD)'],
    ['a date after a space', date, ' 2023-06-20', 'expected a date (YYYY-MM-DD)'],
    ['a date as a number', date, 20230620, 'expected a date (YYYY-MM-DD)'],
    // Initiatives are not answers
    ['an initiative as an answer', q({ kind: 'initiatives', developmentArea: 'Nära vård' }), 'x', 'initiatives are entered in the initiatives register, not as an answer'],
  ])('%s', (_what, question, value, reason) => {
    expect(answerProblem(question, value, 'answers.q')?.message ?? null).toBe(reason);
  });

  it('names the cell of a table and the motivation of a light', () => {
    expect(answerProblem(table, { jan: { doses: -1 } }, 'answers.q')?.field).toBe('answers.q.jan.doses');
    expect(answerProblem(light, { light: 'red' }, 'answers.q')?.field).toBe('answers.q.motivation');
    expect(answerProblem(table, { feb: { doses: 5 } }, 'answers.q')?.field).toBe('answers.q.feb');
    expect(answerProblem(table, { jan: 5 }, 'answers.q')?.field).toBe('answers.q.jan');
    expect(answerProblem(table, { jan: { vials: 5 } }, 'answers.q')?.field).toBe('answers.q.jan.vials');
    expect(answerProblem(table, { jan: { doses: 'x' } }, 'answers.q')?.field).toBe('answers.q.jan.doses');
    expect(answerProblem(table, 5, 'answers.q')?.field).toBe('answers.q');
    expect(answerProblem(number, 101, 'answers.n')).toEqual({ field: 'answers.n', message: 'at most 100 doser' });
    expect(answerProblem(light, 'red', 'answers.l')?.field).toBe('answers.l');
  });

  it('checks every row and every cell, not only the first', () => {
    const two = q({ kind: 'table', rows: [{ key: 'jan', label: 'Januari' }, { key: 'feb', label: 'Februari' }], columns: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }], min: 0 });
    expect(answerProblem(two, { jan: { a: 1, b: 2 }, feb: { a: null, b: -1 } }, 'x')).toEqual({ field: 'x.feb.b', message: 'at least 0' });
    expect(answerProblem(two, { jan: { a: 1, b: 2 }, feb: { a: 3, b: 4 } }, 'x')).toBeNull();
  });
});

describe('what counts as answered', () => {
  it.each([
    [text, 'ja', true],
    [text, '   ', false],
    [text, '', false],
    [text, null, false],
    [text, undefined, false],
    [number, 0, true],
    [multiple, [], false],
    [multiple, ['a'], true],
    [table, {}, false],
    [table, { jan: { doses: null } }, false],
    [table, { jan: { doses: 0 } }, true],
    [table, { jan: 5 }, false],
    [table, { jan: {}, feb: { doses: 1 } }, true],
    [light, { light: 'green' }, true],
  ])('%j: %j is %s', (question, value, answered) => {
    expect(isAnswered(question, value)).toBe(answered);
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
    ['no initiatives counted in the area', new Map([['light', { light: 'green' }]]), new Map([['Nära vård', 0]]), ['initiatives']],
    ['one initiative is enough', new Map([['light', { light: 'green' }]]), new Map([['Nära vård', 1]]), []],
    ['only the optional question answered', new Map([['note', 'Inget att tillägga']]), new Map([['Nära vård', 1]]), ['light']],
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

  const section = (questions: Record<string, unknown>[]) => TemplateContent.parse({ sections: [{ id: 's', title: 'S', questions }] });
  it.each([
    ['an option listed twice', [{ id: 'c', label: 'C', kind: 'single_choice', options: [{ key: 'a', label: 'A' }, { key: 'b', label: 'B' }, { key: 'a', label: 'A igen' }] }], [{ field: 'content.sections.0.questions.0', message: 'a is listed twice' }]],
    ['a multiple-choice option listed twice', [{ id: 'c', label: 'C', kind: 'multiple_choice', options: [{ key: 'b', label: 'B' }, { key: 'b', label: 'B' }] }], [{ field: 'content.sections.0.questions.0', message: 'b is listed twice' }]],
    ['a table row listed twice', [{ id: 't', label: 'T', kind: 'table', rows: [{ key: 'jan', label: 'J' }, { key: 'jan', label: 'J' }], columns: [{ key: 'jan', label: 'J' }] }], [{ field: 'content.sections.0.questions.0', message: 'row jan is listed twice' }]],
    ['a table column listed twice', [{ id: 't', label: 'T', kind: 'table', rows: [{ key: 'jan', label: 'J' }], columns: [{ key: 'n', label: 'N' }, { key: 'n', label: 'N' }] }], [{ field: 'content.sections.0.questions.0', message: 'column n is listed twice' }]],
    ['a number range upside down', [{ id: 'n', label: 'N', kind: 'number', unit: 'st', definition: 'Antal', min: 5, max: 4 }], [{ field: 'content.sections.0.questions.0.min', message: 'greater than max' }]],
    ['a range of one value', [{ id: 'n', label: 'N', kind: 'number', unit: 'st', definition: 'Antal', min: 5, max: 5 }], []],
    ['only a minimum', [{ id: 'n', label: 'N', kind: 'number', unit: 'st', definition: 'Antal', min: 5 }], []],
    ['only a maximum', [{ id: 'n', label: 'N', kind: 'number', unit: 'st', definition: 'Antal', max: -5 }], []],
    [
      'an id three times in one section',
      [{ id: 'x', label: 'X', kind: 'date' }, { id: 'y', label: 'Y', kind: 'date' }, { id: 'x', label: 'X', kind: 'date' }, { id: 'x', label: 'X', kind: 'date' }],
      [
        { field: 'content.sections.0.questions.2.id', message: 'the question id x is used twice' },
        { field: 'content.sections.0.questions.3.id', message: 'the question id x is used twice' },
      ],
    ],
  ])('%s', (_what, questions, problems) => {
    expect(templateProblems(section(questions))).toEqual(problems);
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
    ['2023-07-01', 'late', 'late'],
  ])('%s: %s, reminder %s', (today, phase, reminder) => {
    expect(roundPhase(round, today)).toBe(phase);
    expect(reminderDue(round, today)).toBe(reminder);
  });

  it.each([
    // A round open for one day, and one that opens inside the reminder window.
    [{ opensOn: '2023-06-20', deadline: '2023-06-20' }, '2023-06-19', 'upcoming', null],
    [{ opensOn: '2023-06-20', deadline: '2023-06-20' }, '2023-06-20', 'open', 'before-deadline'],
    [{ opensOn: '2023-06-20', deadline: '2023-06-20' }, '2023-06-21', 'late', 'late'],
    [{ opensOn: '2023-06-01', deadline: '2023-07-02' }, '2023-06-28', 'open', null],
    [{ opensOn: '2023-06-01', deadline: '2023-07-02' }, '2023-06-29', 'open', 'before-deadline'],
    [{ opensOn: '2023-06-01', deadline: '2023-07-02' }, '2023-07-03', 'late', 'late'],
  ] as const)('%j on %s: %s, reminder %s', (r, today, phase, reminder) => {
    expect(roundPhase(r, today)).toBe(phase);
    expect(reminderDue(r, today)).toBe(reminder);
  });

  it.each([
    ['2023-06-14', 0, null],
    ['2023-06-14', 1, 'answers exist on the current version'],
    ['2023-06-15', 0, 'the round is open: its template version can no longer change'],
    ['2023-06-21', 4, 'the round is open: its template version can no longer change'],
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
    expect(trafficLightSentence({ green: 2, yellow: 0, red: 1 })).toBe('2 regioner grön, inga gul, 1 röd');
  });

  it('counts red, gives an empty motivation for none, and lists the unanswered in the expected order', () => {
    const s = trafficLightSummary(['25', '01', '03', '18'], [
      { organisation: '18', light: 'red', motivation: null },
      { organisation: '03', light: 'red', motivation: 'Inga doser' },
      { organisation: '01', light: 'green', motivation: 'Bra' },
    ]);
    expect(s).toEqual({
      counts: { green: 1, yellow: 0, red: 2 },
      unanswered: ['25'],
      reasons: [
        { organisation: '18', light: 'red', motivation: '' },
        { organisation: '03', light: 'red', motivation: 'Inga doser' },
      ],
    });
    expect(trafficLightSummary([], [])).toEqual({ counts: { green: 0, yellow: 0, red: 0 }, unanswered: [], reasons: [] });
  });
});
